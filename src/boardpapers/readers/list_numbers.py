"""List counters as printed: 1, a, iv, 1st... for Word's ``w:numFmt`` and HTML's ``<ol type>``.

Shared by the DOCX and HTML readers (each numbers its own lists): neither imports the
other's internals.
"""

from __future__ import annotations


def format_number(value: int, fmt: str) -> str:
    """One counter in a ``w:numFmt`` (decimal, lowerLetter, upperRoman, ...)."""
    if fmt in {"lowerLetter", "upperLetter"}:
        text = to_letters(value)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in {"lowerRoman", "upperRoman"}:
        text = to_roman(value)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        return f"{value}{_ordinal_suffix(value)}"
    if fmt == "none":
        return ""
    return str(value)


MAX_LETTER_REPEAT = 160  # past 4,160 a letter marker is written in figures (was 385 MB)


def to_letters(value: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa..: the letter repeats (up to
    MAX_LETTER_REPEAT times, then the number is written in figures)."""
    if value <= 0 or value > 26 * MAX_LETTER_REPEAT:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def to_roman(value: int) -> str:
    if value <= 0 or value >= 4000:
        return str(value)
    out = []
    for number, numeral in _ROMAN:
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out)


def _ordinal_suffix(value: int) -> str:
    if 10 <= value % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
