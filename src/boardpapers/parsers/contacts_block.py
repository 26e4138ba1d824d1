"""Contact-officer blocks: who to ask about a report, with each detail paired to its person.

Reports lay contacts out in three ways, and one routine handles all of them:

* one line per field, repeated per officer ("Contact officer: A", "Position: X", ...);
* labels as headings with the values under them, several officers side by side
  ("Contact officers:" / "A" / "B" / "Position:" / "X" / "Y" ...): the n-th value under
  each label belongs to the n-th officer;
* free text on one line ("Contact: A, Head of Waste, 01234 567890, a@council.gov.uk").

A value that arrives on the same line as its label belongs to the latest officer; values
under a bare label fill officers in order. The caller hands the lines of the contact
section; ``read_contacts`` says how many lines it consumed, so the section ends at the
first line that is neither a contact label nor a value that fits the open label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from boardpapers.paper import ContactOfficer
from boardpapers.parsers.labels import (
    Field,
    clean_label_text,
    is_placeholder,
    match_label,
    split_fields,
)

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+44\s?\(?0?\)?\s?|\(?0)\d[\d\s()-]{7,14}\d(?:\s*(?:ext\.?|x)\s*\d{2,5})?")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NAME = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Cllr|Councillor)\.?\s+)?"
                   r"[A-Z\u00C0-\u017F][\w'\u2019.-]*(?:\s+[A-Za-z\u00C0-\u017F][\w'\u2019.-]*){0,4}$")
_CONTACT_KINDS = frozenset({"contact", "name", "position", "phone", "email"})
_FIELD_OF_KIND = {"contact": "name", "name": "name", "position": "position", "phone": "phone",
                  "email": "email"}


@dataclass(slots=True)
class _Officer:
    name: str | None = None
    position: str | None = None
    phone: str | None = None
    email: str | None = None

    def frozen(self) -> ContactOfficer | None:
        if not self.name:
            return None
        return ContactOfficer(self.name, self.position, self.phone, self.email)


@dataclass(slots=True)
class _Reader:
    officers: list[_Officer] = field(default_factory=list)
    open_field: str | None = None  # a bare label waiting for its values
    filled: dict[str, int] = field(default_factory=dict)  # values given under open_field

    def inline(self, fld: str, value: str) -> None:
        """A value on its label's line: it belongs to the latest officer."""
        if fld == "name":
            self.free_text(value)
            return
        if not self.officers or getattr(self.officers[-1], fld):
            self.officers.append(_Officer())
        setattr(self.officers[-1], fld, value)

    def column(self, fld: str, value: str) -> None:
        """A value under a bare label: the first officer still without this field."""
        if fld == "name":
            self.free_text(value)
            return
        ended = [o for o in self.officers if getattr(o, fld)]
        if ended and str(getattr(ended[-1], fld)).endswith(","):  # a value broken over lines
            setattr(ended[-1], fld, f"{getattr(ended[-1], fld)} {value}")
            return
        target = next((o for o in self.officers if getattr(o, fld) is None), None)
        if target is None:
            target = _Officer()
            self.officers.append(target)
        setattr(target, fld, value)

    def has_room(self, fld: str) -> bool:
        """Under a bare label, values beyond the number of officers are not contact details."""
        if fld == "name" or not self.officers:
            return True
        last = [getattr(o, fld) for o in self.officers if getattr(o, fld)]
        if last and str(last[-1]).endswith(","):
            return True
        return len(last) < len(self.officers)

    def free_text(self, value: str) -> None:
        """"Jane Doe, Head of Waste, 01234 567890, jane@x.gov.uk" -> one officer."""
        email = EMAIL.search(value)
        phone = PHONE.search(EMAIL.sub(" ", value))
        rest = EMAIL.sub(" ", value)
        rest = PHONE.sub(" ", rest) if phone else rest
        parts = [p.strip(" .;:-–") for p in re.split(r",|;|\s[-–]\s|\(|\)", rest)]
        parts = [p for p in parts if p and not re.fullmatch(r"(?:tel|phone|email|e-mail|t|e|m)"
                                                              r"\.?", p, re.IGNORECASE)]
        officer = _Officer()
        if parts and looks_like_name(parts[0]):
            officer.name = parts[0]
            officer.position = ", ".join(parts[1:]) or None
        officer.email = email.group(0) if email else None
        officer.phone = phone.group(0).strip() if phone else None
        if officer.name:
            self.officers.append(officer)
        elif self.officers:  # details without a name belong to the officer before
            for fld in ("email", "phone"):
                if getattr(officer, fld) and not getattr(self.officers[-1], fld):
                    setattr(self.officers[-1], fld, getattr(officer, fld))


def looks_like_name(text: str) -> bool:
    """A person's name: two to six capitalised words, no digits, no sentence."""
    text = text.strip()
    words = text.split()
    if not (2 <= len(words) <= 6) or any(ch.isdigit() for ch in text) or "@" in text:
        return False
    if text.endswith((".", ":")) and not re.search(r"\b[A-Z]\.$", text):
        return False
    return bool(_NAME.match(text))


def _value_fits(fld: str, value: str) -> bool:
    if fld == "email":
        return bool(EMAIL.search(value))
    if fld == "phone":
        return bool(PHONE.search(value))
    if fld == "name":
        return looks_like_name(value.split(",")[0]) or bool(EMAIL.search(value))
    return 0 < len(value) <= 120 and "@" not in value and value.count(" ") <= 14


def clean_value(text: str) -> str:
    text = _MD_LINK.sub(r"\1", clean_label_text(text))
    text = re.sub(r"^\[bookmark:[^\]]*\]", "", text)
    text = text.replace("mailto:", "")
    return re.sub(r"\s+", " ", text).strip(" \t;")


def _contact_fields(text: str) -> list[Field]:
    """The contact labels on a line, flattened ("Tel: .. Email: ..") or bilingual."""
    fields = [f for f in split_fields(text) if f.kind in _CONTACT_KINDS]
    if fields:
        return fields
    label = match_label(text, kinds=_CONTACT_KINDS)
    return [Field(label.kind, label.text, label.value, 0)] if label else []


def read_contacts(lines: list[str], *, heading: bool = False
                  ) -> tuple[tuple[ContactOfficer, ...], int]:
    """Officers from the lines of a contact block, and how many lines belonged to it.

    ``heading`` says the lines follow a bare "Contact officer(s)" heading, so a name may
    come first without a label of its own.
    """
    reader = _Reader(open_field="name" if heading else None)
    used = 0
    for line in lines:
        text = clean_value(line)
        if not text:
            used += 1
            continue
        fields = _contact_fields(text)
        if fields and fields[0].start == 0:
            for f in fields:
                fld = _FIELD_OF_KIND[f.kind]
                value = clean_value(f.value)
                if is_placeholder(value) or not value:
                    reader.open_field = fld if not value else None
                    continue
                reader.open_field = None
                reader.inline(fld, value)
            used += 1
            continue
        if (reader.open_field and _value_fits(reader.open_field, text)
                and not is_placeholder(text) and reader.has_room(reader.open_field)):
            reader.column(reader.open_field, text)
            used += 1
            continue
        if reader.open_field is None and EMAIL.fullmatch(text) and reader.officers:
            reader.column("email", text)
            used += 1
            continue
        break
    officers = [o for o in (r.frozen() for r in reader.officers) if o is not None]
    return merge_officers(officers), used


def merge_officers(officers: list[ContactOfficer]) -> tuple[ContactOfficer, ...]:
    """One entry per person: details given twice (header and contact block) merged."""
    merged: dict[str, ContactOfficer] = {}
    for o in officers:
        key = o.name.casefold()
        old = merged.get(key)
        merged[key] = o if old is None else ContactOfficer(
            old.name, old.position or o.position, old.phone or o.phone, old.email or o.email)
    return tuple(merged.values())
