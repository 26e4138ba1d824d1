"""What a minute decided: "RESOLVED that ...", "RECOMMENDED to Council ...", "AGREED",
"The Committee noted ...", and the Welsh "PENDERFYNWYD", "ARGYMHELLWYD", "CYTUNWYD".

The decision runs from its cue to the end of the minute, so numbered resolutions
("RESOLVED: (1) ... (2) ...") stay together, but stops before a "Reason for decision" or
"Alternative options" paragraph, which explain the decision rather than make it, and
before an LGA note's "Action" label or an "Appendix A" that follows the last minute.
"""

from __future__ import annotations

import re

from boardpapers.parsers.block_text import plain
from boardpapers.vocab.text import fold

# Capitalised cues may sit anywhere in a paragraph ("... and it was RESOLVED that");
# title-case ones only open a paragraph, where they are a label rather than prose.
_CAPS_CUE = re.compile(
    r"\b(?:RESOLVED|RECOMMENDED|AGREED|DECIDED|PENDERFYNWYD|ARGYMHELLWYD|CYTUNWYD)\b")
_OPENING_CUE = re.compile(
    r"^(?:(?:it\s+was\s+|that\s+it\s+be\s+)?(?:resolved|recommended|agreed|decided)\b"
    r"|decision\s*[:\-–]|penderfynwyd\b|penderfyniad\s*[:\-–]|argymhellwyd\b|cytunwyd\b"
    r"|(?:the\s+)?(?:committee|sub-committee|cabinet|board|council|panel|executive|"
    r"forum|commission)\s+(?:noted|resolved|agreed|approved|endorsed|decided|"
    r"recommended|accepted)\b"
    r"|nododd\s+y\s+(?:pwyllgor|cabinet|cyngor|bwrdd)\b"
    r"|(?:the\s+)?(?:report|update|minutes?)\s+(?:was|were)\s+(?:noted|received|approved|"
    r"agreed)\b)",
    re.IGNORECASE)
_STOP = re.compile(
    r"^(?:reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)|alternative\s+options"
    r"|other\s+options|rheswm|rhesymau|(?:the\s+)?meeting\s+(?:ended|closed|concluded)"
    r"|actions?\s*:?$|(?:appendix|annex)\s+[a-z0-9]{1,3}\b"
    r"|daeth\s+y\s+cyfarfod|signed\b|chair(?:man)?\s*$|cadeirydd\s*$)",
    re.IGNORECASE)


# A title-case cue opening a sentence inside a paragraph: "… installed. Resolved: that …"
_SENTENCE_CUE = re.compile(
    r"(?<=[.!?])\s+((?:it\s+was\s+)?(?:resolved|agreed|decided|recommended)(?:\s*[:\-–]|"
    r"\s+(?:that|to)\b))", re.IGNORECASE)
# NI "Proposed by … / Seconded by … and" lines run into the decision by a converter: not
# part of it (a sentence "it was proposed by …, seconded by … and RESOLVED" is kept whole)
_MOVER = re.compile(r"^(?:proposed|seconded|moved)\s+by\b.*\band\s*$", re.IGNORECASE)
# cues that only record noting or receiving: a RESOLVED later in the minute wins over them
_NOTING = re.compile(r"\b(?:noted|received|nododd)\b", re.IGNORECASE)
_LETTER_MARK = re.compile(r"^\(?[a-z]\)\s+|^[a-z]\.\s+(?=[A-Z])")


def decision_start(text: str) -> int | None:
    """Where in ``text`` a decision begins, or None when it states none."""
    text = plain(text)
    bare = re.sub(r"^(?:\(?\d+\)|\d+\.|[a-z]\))\s+", "", text)
    if _OPENING_CUE.match(bare):
        return 0
    m = _CAPS_CUE.search(text)
    if not m:
        said = _SENTENCE_CUE.search(text)
        return said.start(1) if said else None
    start = text.rfind(". ", 0, m.start())
    start = 0 if start < 0 else start + 2
    if _MOVER.search(text[start:m.start()]):
        return m.start()  # "Seconded by Councillor Devine and AGREED – that …" (NI)
    # take the whole sentence the cue sits in: "The Committee RESOLVED that ..."
    return start


def _only_notes(text: str) -> bool:
    """"The Committee noted that …": a decision cue that records noting, not resolving."""
    bare = re.sub(r"^(?:\(?\d+\)|\d+\.|[a-z]\))\s+", "", plain(text))
    cue = _OPENING_CUE.match(bare)
    return bool(cue and _NOTING.search(cue.group(0)) and not _CAPS_CUE.search(bare))


def decision_from_lines(lines: list[str]) -> str | None:
    """The decision a minute records, its lines joined by newlines, or None.

    An explicit RESOLVED (or AGREED…) wins over an earlier "The Committee noted …";
    lettered sub-item markers ("a)", "(b)") are dropped, their order kept.
    """
    starts = [(i, start) for i, line in enumerate(lines)
              if (start := decision_start(line)) is not None]
    if not starts:
        return None
    i, start = next(((i, st) for i, st in starts if not _only_notes(lines[i][st:])), starts[0])
    out = [fold(plain(lines[i]))[start:]]
    for rest in lines[i + 1:]:
        if _STOP.match(plain(rest)):
            break
        out.append(fold(plain(rest)))
    return "\n".join(x for x in (drop_letter_mark(x) for x in out) if x) or None


def drop_letter_mark(text: str) -> str:
    """"a) The payments …" -> "The payments …" (numbers, "1." or "(2)", are kept)."""
    return _LETTER_MARK.sub("", text, count=1)


def until_reasons(lines: list[str]) -> list[str]:
    """A labelled decision's lines up to its "Reasons for decision" paragraph."""
    out: list[str] = []
    for line in lines:
        if _STOP.match(plain(line)):
            break
        out.append(line)
    return out


def is_decision_label(text: str) -> bool:
    """A ModernGov "Decision:" / "Penderfyniad:" label standing alone."""
    return bool(re.fullmatch(r"(?:decisions?|penderfyniad(?:au)?)\s*:?", plain(text),
                             re.IGNORECASE))
