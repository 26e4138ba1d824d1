"""Numbers as written in papers ("7,429", "2.615", "1.4 billion", "£14k") to values.

Shared by the money and metric finders. Arithmetic goes through Decimal so "£2.615m" is
2615000 exactly, and whole values come back as ``int`` so the JSON reads 1400000000, not
1400000000.0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# A number with thousands commas ("7,429", "1,250,000.50") or plain ("7429", "2.615", ".5").
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"


def number_where(allowed_after: tuple[str, ...], not_after: str) -> str:
    r"""``(?:(?<=a)|…|(?<![not_after]))(?P<num>NUMBER)`` for each ``a`` of ``allowed_after``.

    Written with the number's first character ahead of the lookbehinds (which look one
    character further back) and the rest of NUMBER after it, so the pattern opens with a
    character class: ``re`` then skips every character that cannot start a number instead
    of trying the lookbehinds at each position (about 4x faster on prose), for the same
    matches (tests/property/test_fast_patterns.py).
    """
    first = r"[\d.]"
    behind = "|".join([*(f"(?<={a}{first})" for a in allowed_after),
                       f"(?<![{not_after}]{first})"])
    return (rf"(?P<num>{first}(?:{behind})"
            r"(?:(?<=\.)\d+|(?<!\.)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)))")


# Scale words and abbreviations, longest first so "bn" wins over "b".
SCALE = (r"(?:trillion|billion|million|thousand|triliwn|biliwn|miliwn|bn|mn|mln|tn|m|k|b)")
_SCALES = {
    "k": 10**3, "thousand": 10**3,
    "m": 10**6, "mn": 10**6, "mln": 10**6, "million": 10**6,
    "b": 10**9, "bn": 10**9, "billion": 10**9,
    "tn": 10**12, "trillion": 10**12,
    # Welsh: "£1.2 miliwn", "£3 biliwn"
    "miliwn": 10**6, "biliwn": 10**9, "triliwn": 10**12,
}

# Optional scale after a number: "60m", "1.4 billion", "£2million", "£1.2 bn".
# Abbreviations must end a word ("£5 more" is not five million); "m2"/"m²" is area.
SCALE_AFTER = (r"(?:\s?(?P<scale>trillion|billion|million|thousand|triliwn|biliwn|miliwn)|"
               r"\s?(?P<abbr>bn|mn|mln|tn|[mkb])(?![\w²]))")


def scale_factor(word: str | None) -> int:
    """10**6 for "m"/"million", 1 for None; case-insensitive."""
    return _SCALES.get(word.lower(), 1) if word else 1


@dataclass(frozen=True, slots=True)
class NumbersSettings:
    """What is too long to be a quantity."""

    # Longer than this is a run of digits (a serial, a hash, a hostile file), not a quantity:
    # finders pass it over, and converting a million digits would cost quadratic time.
    max_chars: int = 40


NUMBERS = NumbersSettings()
MAX_NUMBER_CHARS = NUMBERS.max_chars  # read once: too_long runs for every number matched


def too_long(digits: str) -> bool:
    return len(digits) > MAX_NUMBER_CHARS


def to_number(digits: str, scale: str | None = None) -> int | float:
    """'2.615', 'm' -> 2615000; '4,210.50' -> 4210.5; whole results become int."""
    if too_long(digits):
        raise ValueError(f"not a quantity: a number of {len(digits)} characters")
    try:
        value = Decimal(digits.replace(",", "")) * scale_factor(scale)
    except InvalidOperation:
        raise ValueError(f"not a number: {digits!r}") from None
    return int(value) if value == value.to_integral_value() else float(value)


NUMBER_RE = re.compile(NUMBER)
