"""Email addresses, UK phone numbers and web addresses written in a block.

Each is kept as written (trailing punctuation, "mailto:" and link markup dropped) with
its span, and normalised: emails lower-cased, phones as E.164 (``+442079460123``, with
``;ext=123`` when an extension is given), URLs with a scheme. Phone candidates are found
by a pattern that only admits UK shapes (a leading 0 or +44) and are then checked with
``phonenumbers``, so dates, sums, "2020/21" and references like "CAB/24/17" never pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from boardpapers.model.paper import Mention, Span
from boardpapers.vocab import cues


@dataclass(frozen=True, slots=True)
class ContactsSettings:
    """Lengths that tell a real address or number from a look-alike."""

    wrap_spaces: int = 2  # spaces a table cell's wrapping may put inside an email address
    national_min_digits: int = 9  # a UK number without its leading 0: 9 digits ("01xxx" short)...
    national_max_digits: int = 10  # ...to 10 (a London or mobile number)
    url_min_chars: int = 5  # a shorter "web address" is a fragment ("a/b.c")


CONTACTS = ContactsSettings()

# ---------------------------------------------------------------- emails

_EMAIL = re.compile(
    r"(?<![\w.%+'-])(?P<mailto>mailto:)?"
    r"(?P<addr>[A-Za-z0-9](?:[A-Za-z0-9._%+'-]*[A-Za-z0-9_%+-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![\w@-])",
    re.IGNORECASE)


def find_emails(text: str, block: int) -> list[Mention]:
    if "@" not in text:
        return []
    found = [(m.start("addr"), m.end("addr"), bool(m.group("mailto")))
             for m in _EMAIL.finditer(text) if ".." not in m.group("addr")]
    visible = {text[a:b].lower() for a, b, mailto in found if not mailto}
    out = [Mention("email", text[a:b], Span(block, a, b), text[a:b].lower())
           for a, b, mailto in found
           if not (mailto and text[a:b].lower() in visible)]
    if "\t" in text:
        out += _wrapped_in_cells(text, block, [(a, b) for a, b, _ in found])
        out.sort(key=lambda e: e.span.start)
    return out


_CELL = re.compile(r"[^\t\n]+")


def _wrapped_in_cells(text: str, block: int, taken: list[tuple[int, int]]) -> list[Mention]:
    """An address a PDF table cell wrapped onto two lines ("jo.bloggs@hollinsrid ge.gov.uk"):
    only a cell that is nothing but the address. Kept as written (the span's text); the
    normalised form has the wrap's space taken out."""
    out = []
    for cell in _CELL.finditer(text):
        written = cell.group().strip()
        if "@" not in written or not 0 < written.count(" ") <= CONTACTS.wrap_spaces:
            continue
        a = cell.start() + cell.group().index(written)
        b = a + len(written)
        joined = written.replace(" ", "")
        if any(x < b and a < y for x, y in taken) or not _EMAIL.fullmatch(joined):
            continue
        out.append(Mention("email", written, Span(block, a, b), joined.lower()))
    return out


# ---------------------------------------------------------------- phones

# What may not stand before a number ("£020", "2 020"), looked for after its first
# character ("+", "(" or "0"): a pattern opening with those characters lets ``re`` skip
# to them instead of trying the lookbehinds everywhere (5x faster, the same matches:
# tests/property/test_fast_patterns.py).
_NOT_AFTER = r"(?<![\w/£$€.,-].)(?<!\d[ .-].)"
_PHONE = re.compile(
    rf"(?P<number>(?:\+{_NOT_AFTER}\s?44\s?(?:\(\s?0\s?\)\s?)?|\({_NOT_AFTER}\s?0|0{_NOT_AFTER})"
    r"\d{1,5}\)?(?:[ .-]?\d{2,6}){1,3})"
    r"(?P<ext>,?\s*(?:ext(?:ension|n)?\.?:?|x)\s?\d{1,5})?"
    r"(?![\w/%£]|\.\d|,\d{3})", re.IGNORECASE)
# Ofcom's ranges for drama and examples: valid UK shapes that phonenumbers calls invalid.
_FICTIONAL = re.compile(r"^(?:1\d{2}4960\d{3}|1632960\d{3}|7700900\d{3}|2079460\d{3}|"
                        r"1914980\d{3}|2896496\d{3}|2920180\d{3}|8081570\d{3}|"
                        r"9098790\d{3}|3069990\d{3})$")
_DIGITS = re.compile(r"\d")


def find_phones(text: str, block: int) -> list[Mention]:
    out: list[Mention] = []
    if cues.DIGIT not in cues.present(text):
        return out
    for m in _PHONE.finditer(text):
        normalised = normalise_phone(m.group("number"))
        if normalised is None:
            continue
        if m.group("ext"):
            normalised += ";ext=" + "".join(_DIGITS.findall(m.group("ext")))
        a, b = m.start(), m.end()
        out.append(Mention("phone", text[a:b], Span(block, a, b), normalised))
    return out


def normalise_phone(written: str) -> str | None:
    """E.164 form of a UK number as written, or None when it is not one."""
    digits = "".join(_DIGITS.findall(written))
    national = digits[2:] if written.lstrip().startswith("+") else digits
    if not (CONTACTS.national_min_digits <= len(national.removeprefix("0"))
            <= CONTACTS.national_max_digits):
        return None
    try:
        number = phonenumbers.parse(written, "GB")
    except phonenumbers.NumberParseException:
        return None
    national = str(number.national_number)
    if number.country_code != 44 or not (
            phonenumbers.is_valid_number(number) or _FICTIONAL.match(national)):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# ---------------------------------------------------------------- web addresses

_TLD = r"(?:gov\.uk|org\.uk|co\.uk|ac\.uk|nhs\.uk|police\.uk|sch\.uk|uk|com|org|net|eu|io|info)"
_URL = re.compile(
    r"(?<![\w@./-])(?:https?://|www\.)[^\s<>\"'\]\[|]+"
    r"|(?<![\w@./-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\." + _TLD
    + r"/[^\s<>\"'\]\[|]*", re.IGNORECASE)
_TRAILING = ".,;:!?'\"*_>}"
_WWW_CUE = cues.define("www", ["www."])


def find_urls(text: str, block: int) -> list[Mention]:
    out: list[Mention] = []
    if "/" not in text and _WWW_CUE not in cues.present(text):
        return out  # every address the pattern admits has a scheme, "www." or a path
    for m in _URL.finditer(text):
        a, b = m.start(), _trim_url(text, m.start(), m.end())
        if b - a < CONTACTS.url_min_chars or "." not in text[a:b]:
            continue
        written = text[a:b]
        out.append(Mention("url", written, Span(block, a, b), normalise_url(written)))
    return out


def _trim_url(text: str, start: int, end: int) -> int:
    """End of a URL without trailing punctuation or a closing bracket it did not open."""
    while end > start:
        ch = text[end - 1]
        if ch in _TRAILING:
            end -= 1
        elif ch == ")" and text.count("(", start, end) < text.count(")", start, end):
            end -= 1
        else:
            break
    return end


def normalise_url(written: str) -> str:
    url = written if re.match(r"https?://", written, re.IGNORECASE) else "https://" + written
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"


# ---------------------------------------------------------------- all together


def find_contacts(text: str, block: int) -> list[Mention]:
    """Emails, phones and URLs in a block, in reading order, never overlapping."""
    urls = find_urls(text, block)
    emails = find_emails(text, block)
    taken = [(e.span.start, e.span.end) for e in emails]
    # an email's domain or a "mailto:" target is not a web address of its own
    urls = [u for u in urls if not any(a < u.span.end and u.span.start < b for a, b in taken)
            and not text[u.span.start:u.span.end].lower().startswith("mailto")]
    taken += [(u.span.start, u.span.end) for u in urls]
    phones = [p for p in find_phones(text, block)
              if not any(a < p.span.end and p.span.start < b for a, b in taken)]
    return sorted(emails + urls + phones, key=lambda m: m.span.start)
