"""Typed list markers: authors often type "a)", "2.1" or "(iv)" by hand instead of using
Word's numbering. Split such a marker off the paragraph text so a typed list reads the
same as a numbered one.
"""

from __future__ import annotations

import re

# Order matters: the longest, most specific shapes first.
_TYPED_MARKER = re.compile(
    r"""^(?P<marker>
        \d{1,3}(?:\.\d{1,3})+\.?       # 2.1  2.1.3  2.1.
      | \d{1,3}[.)]                    # 1.  12)
      | \(\d{1,3}\)                    # (3)
      | \((?:[ivx]{1,6}|[a-z])\)       # (iv) (b)
      | (?:[ivx]{1,6}|[a-z])[.)]       # iv) b) b.
      | [A-Z][)]                       # A)
      | [•●▪◦‣·\u2013\u2014*-]         # bullets and dashes typed as characters
    )[ \t]+(?P<rest>\S.*)$""",
    re.VERBOSE | re.DOTALL,
)

_DOTTED = re.compile(r"^\d+(?:\.\d+)+\.?$")


def split_typed_marker(text: str) -> tuple[str, str] | None:
    """("a)", "rest of text") when the text starts with a typed list marker, else None.

    A bare number needs its full stop or bracket ("1." or "1)"): "12 members attended" is
    a sentence, not an item. A marker alone, with no text after it, is not an item either.
    """
    match = _TYPED_MARKER.match(text)
    if match is None:
        return None
    marker = match.group("marker")
    rest = match.group("rest").strip()
    if _looks_like_year_or_decimal(marker, rest):
        return None
    return marker, rest


_FIGURE_WORDS = {"million", "billion", "per", "percent", "%", "m", "bn", "mb", "kb", "am",
                 "pm", "a.m.", "p.m.", "hrs", "hours", "noon"}


def _looks_like_year_or_decimal(marker: str, rest: str) -> bool:
    # "1.5 million people", "3.2 per cent" and "11.00 am" are figures and times, not
    # clause numbers.
    if _DOTTED.match(marker) and marker.count(".") == 1 and not marker.endswith("."):
        first_word = rest.split(maxsplit=1)[0].lower() if rest else ""
        return first_word.rstrip(",;:") in _FIGURE_WORDS
    return False


def typed_marker_depth(marker: str) -> int:
    """Depth a typed marker implies: "2.1" is one below "2."; other shapes are top level."""
    if _DOTTED.match(marker):
        return marker.rstrip(".").count(".")
    return 0
