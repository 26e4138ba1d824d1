"""``fold``: the one whitespace normaliser, so text compares equal however it was wrapped."""

from __future__ import annotations


def fold(text: str) -> str:
    """Whitespace folded to single spaces, ends trimmed."""
    return " ".join(text.split())
