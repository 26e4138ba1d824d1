"""A meeting's contact in fields: "Contact: Liz Smith, Democratic Services - telephone
(01234) 567890, or email liz.smith@…" -> name, position, phone and e-mail, as a report's
contact officer has them.

The contact comes from a label at the top of an agenda, summons or ModernGov page
("Contact:", "Please ask for:", "Gofynnwch am:", "Enquiries to:") or from a sentence in
its notes ("For further information contact Anne Hill, Tel: …"). A team with no person
("Democratic Services", "Gwasanaethau Democrataidd") is the position, and the name is null.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from boardpapers.model.paper import MeetingContact
from boardpapers.parsers.contacts_block import EMAIL, PHONE, clean_value, looks_like_name
from boardpapers.parsers.lines import Line, labelled_value


@dataclass(frozen=True, slots=True)
class ContactSettings:
    """Where a contact is looked for, and how long a position may be."""

    top_lines: int = 80  # the front sheet or page header; later "Contact:"s belong to papers
    max_value: int = 240  # an inline contact's text is cut here (a flattened page runs on)
    max_position_words: int = 10


SETTINGS = ContactSettings()

CONTACT_LABELS = ("contact", "contact officer", "enquiries to", "enquiries", "cyswllt",
                  "democratic services contact", "contact/cyswllt", "cyswllt/contact",
                  "further information", "lga contact", "clerk", "please ask for",
                  "gofynnwch am", "press contact", "media contact", "swyddog cyswllt")
_INLINE = re.compile(
    r"\b(?:for (?:further|more) (?:information|details)(?: on this agenda)?,?\s+"
    r"(?:please\s+)?contact|please ask for|gofynnwch am)\b\s*:?\s*(?=[A-Z])", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\[email(?:&#160;|\s)protected\]", re.IGNORECASE)
_DETAIL_LABEL = re.compile(
    r"\b(?:tel(?:ephone)?\.?(?:\s+no\.?)?|phone|ff[oô]n|mob(?:ile)?|direct\s+(?:line|dial)|dial|"
    r"e-?mail|e-?bost)\b\.?\s*(?:on\b)?\s*:?", re.IGNORECASE)
_JOINER = re.compile(r"^(?:or|and|neu)\b\s*|\s*\b(?:or|and|neu|on|ar)$", re.IGNORECASE)
_PARTS = re.compile(r",|;|\s[-–—]\s|\s{2,}")
_END = re.compile(r"\s-\s\d{1,3}\s-(?:\s|$)|\s(?:-{3,}|_{3,})")  # page furniture, a rule
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")


def find_meeting_contact(lines: Sequence[Line],
                         settings: ContactSettings = SETTINGS) -> MeetingContact | None:
    """The meeting's contact from its label, else from a "for further information
    contact …" sentence, in fields."""
    top = lines[:settings.top_lines]
    found = labelled_value(top, CONTACT_LABELS)
    if found and found[0].strip():
        value, i = found
        for follow in top[i + 1:i + 3]:  # "Tel: …" and "Email: …" lines under the name
            if not _DETAIL_LABEL.match(follow.text) or EMAIL.search(value):
                break
            value = f"{value}, {follow.text}"
        contact = parse_contact(value, settings)
        if contact is not None:
            return _role_from_label(contact, top[i].cells[0])
    for line in top:
        m = _INLINE.search(line.text)
        if m:
            rest = line.text[m.end():]
            end = _SENTENCE_END.search(rest)
            contact = parse_contact(rest[:end.start()] if end else rest, settings)
            if contact is not None:
                return contact
    return None


def parse_contact(text: str, settings: ContactSettings = SETTINGS) -> MeetingContact | None:
    """"Daksha Patel, Committee Administrator Tel: 020 8424 1881 E-mail: …" in fields; None
    when the text names nobody and gives no way to reach anyone."""
    text = _contact_text(text, settings)
    email = EMAIL.search(text)
    without_email = EMAIL.sub(" ", text)
    phone = PHONE.search(without_email)
    rest = PHONE.sub(" ", without_email) if phone else without_email
    parts = [_JOINER.sub("", p.strip(" :/.()")).strip(" :/")
             for p in _PARTS.split(_DETAIL_LABEL.sub(" ", rest))]
    parts = _before_address([p for p in parts if re.search(r"[^\W\d_]{2}", p)])
    if parts and not looks_like_name(parts[0]):
        parts[:1] = _name_and_title(parts[0])
    name = parts.pop(0) if parts and looks_like_name(parts[0]) else None
    position = ", ".join(parts) or None
    if position and (len(position.split()) > settings.max_position_words
                     or position.endswith(".")):
        position = None
    if not (name or position or phone or email):
        return None
    return MeetingContact(name=name, position=position,
                          phone=phone.group(0).strip() if phone else None,
                          email=email.group(0).rstrip(".") if email else None, text=text)


def _contact_text(text: str, settings: ContactSettings) -> str:
    """The contact as written, up to where a flattened page runs on past it."""
    text = clean_value(_PLACEHOLDER.sub(" ", text))[:settings.max_value]
    end = _END.search(text)
    if end:
        text = text[:end.start()]
    last = [m.end() for m in (*EMAIL.finditer(text), *PHONE.finditer(text))]
    if last and len(text) > max(last) + 40:
        text = text[:max(last)]  # a sentence ran on after the e-mail or phone
    return text.strip(" ,;")


_TITLED = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor)\.?$")


def _name_and_title(text: str) -> list[str]:
    """"Martin Hale Registration and Civic Services Manager" -> the name and the job title
    printed after it without a comma: two words of name, three after a title ("Mrs Ann
    Hale") or with a middle initial ("Ann B. Hale")."""
    words = text.split()
    size = 3 if len(words) > 3 and (_TITLED.match(words[0]) or re.fullmatch(
        r"[A-Z]\.?", words[1])) else 2
    head, rest = " ".join(words[:size]), " ".join(words[size:])
    if len(words) > size and looks_like_name(head) and rest[:1].isupper():
        return [head, rest]
    return [text]


_ROLE_LABEL = re.compile(r"^\s*((?:the\s+)?clerk(?:\s+to\s+the\s+council)?|clerc)\s*:",
                         re.IGNORECASE)


def _role_from_label(contact: MeetingContact, cell: str) -> MeetingContact:
    """"Clerk: Mrs Ann Hale, …": the label is the person's position when nothing else is."""
    role = _ROLE_LABEL.match(cell)
    if role and contact.position is None and contact.name:
        return replace(contact, position=role.group(1))
    return contact


def _before_address(parts: list[str]) -> list[str]:
    """The parts before a postal address ("2 Mill Lane", "Harleston", "IP20 9LP")."""
    for k, part in enumerate(parts):
        if re.match(r"\d", part) or re.search(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", part):
            return parts[:k]
    return parts
