"""Text dumped from a web page by ``lynx -dump`` or ``w3m -dump``.

A dump numbers every link in the text ("Email: [1]jo.bloggs@x.gov.uk", "[5]Home >
[6]Cabinet") and lists the targets at the end under "References" ("1. mailto:…"). The
markers are not the paper's words and the list repeats what the text shows, so both go.
A URL the dump wrapped at the right margin ("…/councillor-developm" / "ent/") is put back
whole from the list. Rules drawn with underscores across the page become blank lines.

Only a text that ends in such a list is treated as a dump: "[1]" in any other text may be
a footnote or a reference and stays.
"""

from __future__ import annotations

import re

_REFERENCES = re.compile(r"^References[ \t]*$")
_REFERENCE_LINE = re.compile(r"^[ \t]*(?:(\d{1,4})\.[ \t]+(\S+)|(?:Visible|Hidden) links:)[ \t]*$")
_MARKER = re.compile(r"\[(\d{1,4})\]")
_UNDERSCORE_RULE = re.compile(r"^[ \t]*_{10,}[ \t]*$")
_URL_START = re.compile(r"\[(\d{1,4})\](\S+)$")


def strip_link_list(lines: list[str]) -> list[str]:
    """The lines without a dump's link markers and trailing References list (unchanged
    if the text does not end in such a list)."""
    start = _references_start(lines)
    if start is None:
        return lines
    targets = _targets(lines[start:])
    body = _rejoin_wrapped_urls(lines[:start], targets)
    return ["" if _UNDERSCORE_RULE.match(ln) else _without_markers(ln) for ln in body]


def _references_start(lines: list[str]) -> int | None:
    """Index of the "References" line when only the link list follows it."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if _REFERENCES.match(line):
            rest = [ln for ln in lines[i + 1:] if ln.strip()]
            return i if rest and all(_REFERENCE_LINE.match(ln) for ln in rest) else None
        if line.strip() and not _REFERENCE_LINE.match(line):
            return None
    return None


def _targets(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        match = _REFERENCE_LINE.match(line)
        if match and match.group(1):
            found.setdefault(match.group(1), match.group(2))
    return found


def _rejoin_wrapped_urls(lines: list[str], targets: dict[str, str]) -> list[str]:
    """"[5]https://…/councillor-developm" then "ent/": the URL whole on the first line."""
    out = list(lines)
    for i in range(len(out) - 1):
        match = _URL_START.search(out[i])
        if not match:
            continue
        shown, target = match.group(2), targets.get(match.group(1), "")
        rest = out[i + 1].strip()
        if target and shown != target and target.startswith(shown) and rest \
                and target == shown + rest.split()[0]:
            out[i] = out[i][:match.start(2)] + target
            out[i + 1] = out[i + 1].replace(rest.split()[0], "", 1)
    return out


def _without_markers(line: str) -> str:
    """"Contact: [1]jo@x.gov.uk" -> "Contact: jo@x.gov.uk"; "Engineer, [1]" -> "Engineer,"."""
    return _MARKER.sub("", line).rstrip() if _MARKER.search(line) else line
