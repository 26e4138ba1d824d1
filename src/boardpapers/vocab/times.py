"""Clock times as papers write them, in English and Welsh: "11.00 am", "2.30pm", "14:00",
"noon", "10 y.b.", "2 o'r gloch"."""

from __future__ import annotations

import re

_TIME_12H = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?|y\.?\s?b\b\.?|y\.?\s?[hp]\b\.?)",
    re.IGNORECASE)
_TIME_24H = re.compile(
    r"(?<![\d.:£$€])\b([01]?\d|2[0-3])[:.]([0-5]\d)(\s*(?:hrs|hours|h)\b)?(?!\s*[-–]?\s*\d)")
_TIME_OCLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(?:o'?\s?clock|o['’]r gloch)",
                          re.IGNORECASE)
_NOON = re.compile(r"\b(?:12\s*)?(?:noon|midday|hanner dydd)\b", re.IGNORECASE)


def parse_time(text: str, *, guess: bool = True) -> str | None:
    """The first clock time in ``text`` as "HH:MM": "11.00 am", "2.30pm", "14:00", "noon".

    Welsh "y.b."/"y.h."/"y.p." are am/pm. A bare "11.00" counts only with a colon or a
    point and two digits, and not when it starts a range of numbers ("10.00 - 12" is a
    page range or a clause). "2.00 o'clock" (or "o'r gloch") with an hour from 1 to 7 is
    read as afternoon, as meetings rarely start before 8 am. ``guess=False`` reads only
    times that cannot be misread: with am/pm, noon, "hrs", or a 24-hour clock past 12 or
    with a leading zero ("09:30"); a bare "7.00" or "2.00 o'clock" is then left unread.
    """
    found: list[tuple[int, int, str]] = []  # (position, preference, "HH:MM")
    m = _TIME_12H.search(text)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        pm = re.sub(r"[.\s]", "", m.group(3)).lower() in ("pm", "yh", "yp")
        if 1 <= hour <= 12 and minute < 60:
            hour = hour % 12 + (12 if pm else 0)
            found.append((m.start(), 0, f"{hour:02d}:{minute:02d}"))
    m = _TIME_OCLOCK.search(text) if guess else None
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if 1 <= hour <= 12 and minute < 60:
            found.append((m.start(), 1, f"{hour + 12 if hour <= 7 else hour:02d}:{minute:02d}"))
    m = _NOON.search(text)
    if m:
        found.append((m.start(), 2, "12:00"))
    m = _TIME_24H.search(text)
    if m and not _TIME_12H.match(text, m.start()) and (guess or _unmistakable_24h(m)):
        found.append((m.start(), 3, f"{int(m.group(1)):02d}:{m.group(2)}"))
    return min(found)[2] if found else None


def labelled_clock(text: str) -> str | None:
    """The time after a "Time:" label, where a bare "10:00" or "2.00" is the meeting's
    start: from 8.00 to 12.59 as written, 1.00 to 7.59 in the afternoon (meetings rarely
    start before 8 am)."""
    found = parse_time(text)
    if found is None or parse_time(text, guess=False):
        return found
    hour, minute = (int(x) for x in found.split(":"))
    return f"{hour + 12:02d}:{minute:02d}" if 1 <= hour <= 7 else found


def _unmistakable_24h(m: re.Match[str]) -> bool:
    """"14:00", "09:30", "10.00 hrs" — not "7.00", which may be morning or evening."""
    return bool(m.group(3)) or int(m.group(1)) >= 13 or m.group(1).startswith("0")
