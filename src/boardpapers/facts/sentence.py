"""The sentence around a span, used as a fact's ``context``.

Shared by the money, date and metric finders so that every fact's context is cut the same
way: the sentence that holds the span (split on ". ", "? ", "! ", newlines and tabs), or,
when that sentence is long, about 100 characters either side, trimmed to whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Spaces after ".", "?" or "!" before a capital, a digit or an opening mark; a run of
# newlines; a run of tabs. Written to open with the space (the lookbehind then looks one
# character further back), so re skips to whitespace: the same matches, 3x faster.
_SENTENCE_END = re.compile(r"\s(?:(?<=[.!?]\s)\s*(?=[A-Z0-9\"'‘“(£•·-])|(?<=\n)\n*|(?<=\t)\t*)")


@dataclass(frozen=True, slots=True)
class SentenceSettings:
    """How much of a long sentence a fact's context keeps."""

    window: int = 100  # characters either side of the fact when its sentence is longer


SENTENCE = SentenceSettings()
_WINDOW = SENTENCE.window  # read once: every fact found asks for its sentence


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence containing text[start:end], whitespace folded, at most ~2x100 chars."""
    left, right = sentence_bounds(text, start, end)
    return " ".join(text[left:right].split())  # the same as folding \s+ and stripping


@lru_cache(maxsize=256)  # a date's tense, kind and context all ask for the same sentence
def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(left, right) offsets of the sentence around text[start:end], cut as above."""
    left = 0  # only the last _WINDOW characters can hold the start: blocks can be long
    for m in _SENTENCE_END.finditer(text, max(0, start - _WINDOW - 2), start):
        left = m.end()
    right_match = _SENTENCE_END.search(text, end, end + _WINDOW + 2)
    right = right_match.start() if right_match else len(text)
    left = max(left, start - _WINDOW)
    right = min(right, end + _WINDOW)
    if left > 0 and left == start - _WINDOW:
        left = _word_start_after(text, left, start)
    if right < len(text) and right == end + _WINDOW:
        right = _word_end_before(text, right, end)
    return left, right


def _word_start_after(text: str, pos: int, limit: int) -> int:
    space = text.find(" ", pos, limit)
    return space + 1 if space != -1 else pos


def _word_end_before(text: str, pos: int, limit: int) -> int:
    space = text.rfind(" ", limit, pos)
    return space if space != -1 else pos
