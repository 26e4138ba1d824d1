"""Contact-officer blocks: who to ask about a report, with each detail paired to its person.

Reports lay contacts out in many ways, and one reader handles them all:

* one line per field, repeated per officer ("Contact officer: A", "Position: X", ...);
* labels as headings with the values under them, several officers side by side
  ("Contact officers:" / "A" / "B" / "Position:" / "X" / "Y" ...): the n-th value under
  each label belongs to the n-th officer;
* stacked lines under a heading ("A" / "Head of Waste" / "Tel: ..." / "B, Manager" /
  "01632 960000 | b@council.gov.uk");
* free text on one line ("Contact: A, Head of Waste, 01234 567890, a@council.gov.uk"),
  even when a PDF wrapped it over several lines;
* tables: a header row ("Contact officer | Title | Telephone | Email") over one row per
  officer, or label rows ("Contact | A, Head of Waste, Tel 01632 ...").

A value on its label's line belongs to the latest officer; values under a bare label fill
officers in order. ``read_contacts`` says how many of the lines it was given belonged to
the block, so a contact section ends at the first line that is neither a contact label
nor a value that fits.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from boardpapers.model.paper import ContactOfficer
from boardpapers.vocab.labels import (
    Field,
    is_placeholder,
    match_label,
    split_fields,
)

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+44\s?\(?0?\)?\s?|\(?0)\d[\d\s()-]{7,14}\d(?:\s*(?:ext\.?|x)\s*\d{2,5})?")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NAME = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Cllr|Councillor)\.?\s+)?"
                   r"[A-Z\u00C0-\u017F][\w'\u2019.-]*(?:\s+[A-Za-z\u00C0-\u017F][\w'\u2019.-]*){0,4}$")
# Words of job titles and sections, never of a person's name ("Head of Transport").
_JOB_WORDS = frozenset("""head manager officer director adviser advisor partner lead engineer
executive assistant chief senior principal team services service council department
programme policy democratic development planning finance financial strategy strategic
coordinator co-ordinator consultant analyst specialist commissioner secretary clerk
accountant surveyor solicitor lawyer supervisor administrator unit group board committee
devolution transport support implications background summary recommendations next steps
pennaeth rheolwr swyddog cyfarwyddwr gwasanaethau""".split())
_CONTACT_KINDS = frozenset({"contact", "name", "position", "phone", "email"})
_FIELD_OF_KIND = {"contact": "name", "name": "name", "position": "position", "phone": "phone",
                  "email": "email"}
_LABEL_WORD = re.compile(r"^(?:tel(?:ephone)?|phone|mob(?:ile)?|email|e-mail|t|e|m|direct line)"
                         r"\.?:?$", re.IGNORECASE)
_TRAILING_LABEL = re.compile(r"\s+(?:tel(?:ephone)?|phone|mob(?:ile)?|email|e-mail|t|e|m)"
                             r"(?:\.?\s?no)?\.?:?$",
                             re.IGNORECASE)
_TABLE_HEADER = {"contact": "name", "name": "name", "position": "position", "phone": "phone",
                 "email": "email", "subject": "position"}  # "Title" over a job title


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


def _details(text: str) -> tuple[str | None, str | None]:
    """(phone, email) found in a text."""
    email = EMAIL.search(text)
    phone = PHONE.search(EMAIL.sub(" ", text))
    return (phone.group(0).strip() if phone else None, email.group(0) if email else None)


@dataclass(slots=True)
class _Reader:
    officers: list[_Officer] = field(default_factory=list)
    open_field: str | None = None  # a bare label waiting for its values
    just_named: bool = False  # the last unit named an officer (a position may follow)
    stacked: bool = False  # under a bare heading: "Name, Position" lines may follow

    def inline(self, fld: str, value: str) -> None:
        """A value on its label's line: it belongs to the latest officer."""
        if fld == "name":
            self.free_text(value)
            return
        if fld in ("phone", "email"):
            phone, email = _details(value)
            if phone or email:
                self.attach(phone, email)
                self._next_officer_after(value, phone, email)
                return
        if not self.officers or getattr(self.officers[-1], fld):
            self.officers.append(_Officer())
        setattr(self.officers[-1], fld, value)

    def attach(self, phone: str | None, email: str | None) -> None:
        """Contact details with no name: they belong to the latest officer."""
        if not self.officers:
            self.officers.append(_Officer())
        last = self.officers[-1]
        last.phone = last.phone or phone
        last.email = last.email or email

    def _next_officer_after(self, value: str, phone: str | None, email: str | None) -> None:
        """"Tel: 01632 960001, Jo Bloggs, Team Leader Email: …": two officers on one contact
        line, the second named after the first one's last detail."""
        detail = phone or email or ""
        rest = value[value.find(detail) + len(detail):].strip(" ,;.")
        if rest and looks_like_name(rest.split(",")[0].strip()):
            self.free_text(rest)

    def column(self, fld: str, value: str) -> None:
        """A value under a bare label: the first officer still without this field."""
        ended = [o for o in self.officers if getattr(o, fld)]
        if ended and str(getattr(ended[-1], fld)).endswith(","):  # a value broken over lines
            setattr(ended[-1], fld, f"{getattr(ended[-1], fld)} {value}")
            return
        if fld in ("phone", "email"):
            value = _details(value)[0 if fld == "phone" else 1] or value
        target = next((o for o in self.officers if getattr(o, fld) is None), None)
        if target is None:
            target = _Officer()
            self.officers.append(target)
        setattr(target, fld, value)

    def naming(self) -> bool:
        """The latest officer has a name and no job title yet ("Title:" may give it)."""
        return bool(self.officers) and bool(self.officers[-1].name) \
            and self.officers[-1].position is None

    def has_room(self, fld: str) -> bool:
        """Under a bare label, values beyond the number of officers are not contact details."""
        if fld == "name" or not self.officers:
            return True
        last = [getattr(o, fld) for o in self.officers if getattr(o, fld)]
        if last and str(last[-1]).endswith(","):
            return True
        return len(last) < len(self.officers)

    def free_text(self, value: str) -> bool:
        """"Jane Doe, Head of Waste, 01234 567890, jane@x.gov.uk" -> one officer."""
        phone, email = _details(value)
        rest = EMAIL.sub(" ", value)
        rest = PHONE.sub(" ", rest) if phone else rest
        parts = [_TRAILING_LABEL.sub("", _unbracketed(p)).strip(" .;:-–")
                 for p in _FREE_TEXT_PARTS.split(rest)]
        parts = [p for p in parts if p and not _LABEL_WORD.match(p) and not _NO_DETAIL.match(p)]
        if parts and looks_like_name(parts[0]):
            found = _Officer(parts[0], ", ".join(parts[1:]) or None, phone, email)
            if self.officers and self.officers[-1].name is None:
                # "Contact: jo@x.gov.uk" then "Jo Bloggs, Manager": details came first
                waiting = self.officers.pop()
                found.phone = found.phone or waiting.phone
                found.email = found.email or waiting.email
                found.position = found.position or waiting.position
            self.officers.append(found)
            return True
        if phone or email:
            self.attach(phone, email)  # a name may follow the details
            return True
        return False


# "Jane Doe, Head of Waste; 01632 … | jo@…", "Jane Doe (tel. 01632 …)": where free text
# parts one detail from the next
_FREE_TEXT_PARTS = re.compile(r",|;|\||\s[-–]\s|\s?\((?=\s*(?:tel|phone|ext|t\b|\d))",
                              re.IGNORECASE)


# What is left of "( 5091, or 01632 …": an extension and a connecting word, no position
_NO_DETAIL = re.compile(r"^(?:(?:ext\.?\s*)?\d[\d\s]*|or|and)$", re.IGNORECASE)


def _unbracketed(part: str) -> str:
    """A part with the closing bracket of "(tel. 01632 …)" gone, its own kept."""
    part = part.strip(" .;:-–")
    return part[:-1].strip(" .;:-–") if part.endswith(")") and "(" not in part else part


def looks_like_name(text: str) -> bool:
    """A person's name: two to six capitalised words, no digits, no job-title words."""
    text = text.strip()
    words = text.split()
    if not (2 <= len(words) <= 6) or any(ch.isdigit() for ch in text) or "@" in text:
        return False
    if text.endswith((".", ":")) and not re.search(r"\b[A-Z]\.$", text):
        return False
    if any(w.lower().strip("(),.") in _JOB_WORDS for w in words):
        return False
    return bool(_NAME.match(text)) and match_label(text) is None  # not "Key decision"


def _value_fits(fld: str, value: str) -> bool:
    if fld == "email":
        return bool(EMAIL.search(value))
    if fld == "phone":
        return bool(PHONE.search(value))
    if fld == "name":
        return looks_like_name(re.split(r",|\|", value)[0]) or bool(EMAIL.search(value))
    return 0 < len(value) <= 120 and "@" not in value and value.count(" ") <= 14


def _position_like(text: str) -> bool:
    return (0 < len(text) <= 120 and "@" not in text and not any(c.isdigit() for c in text)
            and match_label(text) is None and not text.endswith("."))


@functools.lru_cache(maxsize=8192)
def clean_value(text: str) -> str:
    """Markup and link syntax dropped, whitespace folded; the words kept as written."""
    text = _MD_LINK.sub(r"\1", re.sub(r"</?(?:b|i|u|strong|em)>|\*\*|__", "", text))
    text = text.replace("\xa0", " ")
    text = re.sub(r"^\[bookmark:[^\]]*\]", "", text)
    text = text.replace("mailto:", "")
    return re.sub(r"\s+", " ", text).strip(" \t;")


def _contact_fields(text: str, *, named: bool = False) -> list[Field]:
    """The contact labels on a line, flattened ("Tel: .. Email: ..") or bilingual.

    ``named``: an officer has just been named, so a bare "Title:" is their job title
    ("Name: Harriet Blaydon" / "Title: Head of Financial Planning"), not a report title;
    so is a "Title:" after a "Name:" on the same line.
    """
    split = split_fields(text)
    fields = [_title_as_position(f, named or k > 0 and _is_name_field(split[k - 1]))
              for k, f in enumerate(split)]
    fields = [f for f in fields if f.kind in _CONTACT_KINDS]
    if fields and fields[0].start == 0:
        return fields
    label = match_label(text, kinds=_CONTACT_KINDS)
    if label is None and named:
        label = match_label(text, kinds=_SUBJECT)
        if label is not None and label.text.casefold() not in _TITLE_WORDS:
            label = None
        return [Field("position", label.text, label.value, 0)] if label else []
    return [Field(label.kind, label.text, label.value, 0)] if label else []


_SUBJECT = frozenset({"subject"})
_TITLE_WORDS = frozenset({"title", "teitl"})  # not "Report title", "Subject"


def _is_name_field(f: Field) -> bool:
    return f.kind in ("name", "contact")


def _title_as_position(f: Field, named: bool) -> Field:
    if named and f.kind == "subject" and f.label.casefold() in _TITLE_WORDS:
        return Field("position", f.label, f.value, f.start)
    return f


# ------------------------------------------------------------------ wrapped lines

_CONNECTOR_END = re.compile(r"(?:,|@|\b(?:of|and|the|for|to|&|in))$", re.IGNORECASE)
_EMAIL_CUT = re.compile(r"\S+@\S*\.$")  # "imran.qureshi@calderbrook." then "gov.uk"


def _units(lines: list[str]) -> Iterator[tuple[str, int]]:
    """Lines with PDF line-wrapping undone, each with the index of the last line it used.

    A table's rows (one line of text with newlines) stay separate units of that line.
    Lazy: a contact block usually ends a few lines into the (long) text it is given.
    """
    pending: tuple[str, int] | None = None
    for i, line in enumerate(lines):
        for sub in line.split("\n"):
            text = clean_value(sub)
            if pending is not None and text and _continues(pending[0], text):
                joiner = "" if _ends_in_cut_email(pending[0]) else " "
                pending = (pending[0] + joiner + text, i)
                continue
            if pending is not None:
                yield pending
            pending = (text, i)
    if pending is not None:
        yield pending


def _ends_in_cut_email(text: str) -> bool:
    """"... imran.qureshi@calderbrook." (units hold no whitespace but single spaces, and
    an address none: only the last word needs looking at, however long the unit)."""
    return bool(_EMAIL_CUT.search(text[text.rfind(" ") + 1:]))


def _ends_in_connector(text: str) -> bool:
    # The longest connector is three letters; one more character decides its \b.
    return bool(_CONNECTOR_END.search(text[-8:]))


def _continues(before: str, text: str) -> bool:
    """Whether ``text`` is the rest of ``before``, cut by the page's line width."""
    if not before:
        return False
    if _ends_in_cut_email(before):  # "imran.qureshi@calderbrook." + "gov.uk"
        return text[:1].islower() and not _contact_fields(text)
    if _contact_fields(text, named=True) or EMAIL.fullmatch(text):
        return False
    if _ends_in_connector(before):
        return True
    # "Financial Planning, 01632" + "960 146": a number cut, not two numbers
    return text[:1].isdigit() and bool(re.search(r"\d$", before)) and not PHONE.search(before)


# ------------------------------------------------------------------ reading


def _take_labelled(reader: _Reader, fields: list[Field]) -> None:
    for f in fields:
        fld = _FIELD_OF_KIND[f.kind]
        value = clean_value(f.value)
        if not value or is_placeholder(value):
            reader.open_field = fld if not value else None
            continue
        reader.open_field = None
        reader.inline(fld, value)
        reader.just_named = fld == "name"


def _take_bare(reader: _Reader, text: str) -> bool:
    """A line with no label: a value for the open label, a stacked detail, or not ours."""
    fld = reader.open_field
    if fld and fld != "name" and _value_fits(fld, text) and reader.has_room(fld):
        reader.column(fld, text)
        return True
    phone, email = _details(text)
    named, reader.just_named = reader.just_named, False
    # A bare name only right under a heading or label, or with its details beside it:
    # a short body heading after a contact block ("Green Jobs") is not a person.
    if (fld == "name" or (reader.stacked and ("," in text or phone or email))) \
            and _value_fits("name", text):
        reader.just_named = reader.free_text(text)
        return reader.just_named
    if (phone or email) and len(text) <= 160:
        return reader.free_text(text)
    if named and reader.officers and reader.officers[-1].position is None \
            and _position_like(text) and text != reader.officers[-1].name:
        reader.officers[-1].position = text
        return True
    return False


def read_contacts(lines: list[str], *, heading: bool = False
                  ) -> tuple[tuple[ContactOfficer, ...], int]:
    """Officers from the lines of a contact block, and how many lines belonged to it.

    ``heading`` says the lines follow a bare "Contact officer(s)" heading, so names may
    come without a label of their own.
    """
    if heading:
        flattened = _flattened_table(lines)
        if flattened[0]:
            return flattened
    reader = _Reader(open_field="name" if heading else None, stacked=heading)
    used = 0
    for text, last_line in _units(lines):
        if not text:
            used = last_line + 1
            continue
        fields = _contact_fields(text, named=reader.naming())
        if fields:
            _take_labelled(reader, fields)
        elif is_placeholder(text) or not _take_bare(reader, text):
            break
        used = last_line + 1
    officers = [o for o in (r.frozen() for r in reader.officers) if o is not None]
    return merge_officers(officers), used


def _flattened_table(lines: list[str]) -> tuple[tuple[ContactOfficer, ...], int]:
    """A contact table that pdftotext set one cell per line under "Contact Officers":
    "Title" / "Telephone" / "Email" (the heading is the name column), then each officer's
    cells in that order. Officers are read while every cell fits its column."""
    units = [(text, last) for text, last in _units(lines) if text]
    header = []
    for text, _ in units:
        column = _table_column(text)
        if column is None or column in header:
            break
        header.append(column)
    if len(header) < 2:
        return (), 0
    columns = header if "name" in header else ["name", *header]
    officers: list[ContactOfficer] = []
    used = units[len(header) - 1][1] + 1
    rest = units[len(header):]
    while len(rest) >= len(columns):
        values = dict(zip(columns, (text for text, _ in rest), strict=False))
        if not looks_like_name(values["name"]) or not all(
                _value_fits(c, v) for c, v in values.items() if c != "name"):
            break
        officers.append(ContactOfficer(values["name"], values.get("position"),
                                       values.get("phone"), values.get("email")))
        used, rest = rest[len(columns) - 1][1] + 1, rest[len(columns):]
    return (merge_officers(officers), used) if officers else ((), 0)


def contacts_from_table(rows: tuple[tuple[str, ...], ...], after: Sequence[str] = ()
                        ) -> tuple[ContactOfficer, ...]:
    """Officers from a table: a header row over one row per officer, or label rows.

    ``after`` are the lines that follow the table: when its last row is a contact label,
    a converter that broke the cell ("Contact | jo@x.gov.uk" then "Jo Bloggs, Manager"
    outside the table) left the rest of the contact there.
    """
    if not rows:
        return ()
    columns = [_table_column(cell) for cell in rows[0]]
    if "name" in columns and sum(c is not None for c in columns) >= 2:
        officers = []
        for row in rows[1:]:
            values = {c: _table_cell(c, cell) for c, cell in zip(columns, row, strict=False)
                      if c is not None and cell.strip()}
            if values.get("name") and looks_like_name(values["name"]):
                # a converter may merge cells: "01632 960 552 jo@x.gov.uk" under Telephone
                phone, email = _details(" ".join(row))
                officers.append(ContactOfficer(
                    values["name"], values.get("position"),
                    phone if "@" in values.get("phone", "@") else values["phone"],
                    values.get("email") or email))
        return merge_officers(officers)
    lines = [f"{cells[0].rstrip(':')}: {' '.join(cells[1:])}" for row in rows
             if len(cells := [c.strip() for c in row if c.strip()]) >= 2]
    contact_rows = [ln for ln in lines if _contact_fields(ln)]
    if contact_rows and lines and contact_rows[-1] == lines[-1]:
        contact_rows += list(after)
    return read_contacts(contact_rows)[0] if contact_rows else ()


def _table_column(cell: str) -> str | None:
    label = match_label(cell.strip().rstrip(":"))
    return _TABLE_HEADER.get(label.kind) if label and not label.value else None


def _table_cell(column: str, cell: str) -> str:
    text = re.sub(r"\s+", " ", cell).strip()
    if column == "email" and "@" in text:
        return text.replace(" ", "")  # an address wrapped inside its cell
    return text


def merge_officers(officers: list[ContactOfficer]) -> tuple[ContactOfficer, ...]:
    """One entry per person: details given twice (header and contact block) merged."""
    merged: dict[str, ContactOfficer] = {}
    for o in officers:
        key = o.name.casefold()
        old = merged.get(key)
        merged[key] = o if old is None else ContactOfficer(
            old.name, old.position or o.position, old.phone or o.phone, old.email or o.email)
    return tuple(merged.values())


def phone_and_email(text: str) -> tuple[str | None, str | None]:
    """(phone, email) found anywhere in a text."""
    return _details(text)


def _spelled_by(email: str | None, name: str) -> bool:
    """"ciara.donnelly@…" spells "Ciara Donnelly"."""
    local = re.sub(r"[^a-z]", "", (email or "").split("@")[0].lower())
    words = [re.sub(r"[^a-z]", "", w.lower()) for w in name.split()]
    return bool(local) and len(words) >= 2 and words[-1] in local and local[:1] == words[0][:1]


def with_nameless_details(officers: tuple[ContactOfficer, ...],
                          details: list[tuple[str | None, str | None]]
                          ) -> tuple[ContactOfficer, ...]:
    """Details given without a name ("Contact: ciara.donnelly@…, tel 028 9649 6212" at the
    foot of an NI report whose header names "Contact Officer: Ciara Donnelly") go to the
    officer whose name the e-mail spells, else to the only officer lacking both."""
    out = list(officers)
    for phone, email in details:
        bare = [i for i, o in enumerate(out) if not o.phone and not o.email]
        spelled = [i for i, o in enumerate(out) if _spelled_by(email, o.name)]
        target = spelled[0] if len(spelled) == 1 else bare[0] if len(bare) == 1 else None
        if target is None:
            continue
        o = out[target]
        out[target] = ContactOfficer(o.name, o.position, o.phone or phone, o.email or email)
    return tuple(out)
