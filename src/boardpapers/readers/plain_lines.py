"""What a line of text is, whatever format it came from: whitespace folded, a sentence's
end, a date standing alone.

The text, DOCX and HTML readers each find headings and paragraphs in their own way but
ask these same questions of a line; they import them from here, not from each other.
"""

from __future__ import annotations

import re

from boardpapers.vocab.calendar import MONTH_NAMES

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def fold_lines(text: str) -> str:
    """Fold whitespace within each line, drop blank lines, keep the line breaks."""
    text = _INVISIBLE.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def fold_all(text: str) -> str:
    """Fold all whitespace, line breaks included, to single spaces."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text).replace("\n", " ")).strip()


MONTH_WORD = r"(?:" + "|".join(MONTH_NAMES[1:]) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
WEEKDAY_WORD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+"
BARE_DATE = re.compile(
    rf"^(?:{WEEKDAY_WORD})?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WORD}\.?,?\s+\d{{4}}|"
    rf"{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})$",
    re.I)


_SENTENCE_END = ".!?"


def ends_sentence(text: str) -> bool:
    """Whether a line's text ends a sentence (closing quotes and brackets looked past)."""
    stripped = text.rstrip(" \"'”’)]*")
    return bool(stripped) and stripped[-1] in _SENTENCE_END
