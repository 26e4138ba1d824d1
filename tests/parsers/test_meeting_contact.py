"""A meeting's contact in fields (fictional contacts in the shapes meeting pages and
summonses print them): name, position, phone, e-mail; a team with no person as position."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.parsers.lines import Line
from boardpapers.parsers.meeting_contact import find_meeting_contact, parse_contact


def _fields(text: str) -> tuple[str | None, ...] | None:
    c = parse_contact(text)
    return None if c is None else (c.name, c.position, c.phone, c.email)


@pytest.mark.parametrize(("text", "fields"), [
    ("Liz Fenwick, Democratic Services - telephone (01632) 960417, or email "
     "liz.fenwick@eastmoor.example.gov.uk",
     ("Liz Fenwick", "Democratic Services", "(01632) 960417",
      "liz.fenwick@eastmoor.example.gov.uk")),
    ("Rhona Dale, Committee Administrator  Tel: 020 7946 0881 E-mail:",
     ("Rhona Dale", "Committee Administrator", "020 7946 0881", None)),
    ("Owen Tarrant  (01632) 207026", ("Owen Tarrant", None, "(01632) 207026", None)),
    ("Carys Pugh on 01632 702345 E-bost: carys.pugh@sirfon.example.gov.uk",
     ("Carys Pugh", None, "01632 702345", "carys.pugh@sirfon.example.gov.uk")),
    ("Ada Kerr tel. no.: 020 7946 3685 Email: ada.kerr@cityfold.example.gov.uk",
     ("Ada Kerr", None, "020 7946 3685", "ada.kerr@cityfold.example.gov.uk")),
    ("Democratic Services, 01632 960418, cabinet@wealdmoor.example.gov.uk",
     (None, "Democratic Services", "01632 960418", "cabinet@wealdmoor.example.gov.uk")),
    ("Gwasanaethau Democrataidd", (None, "Gwasanaethau Democrataidd", None, None)),
    ("Tomos Rees, Gwasanaethau Democrataidd / Democratic Services",
     ("Tomos Rees", "Gwasanaethau Democrataidd / Democratic Services", None, None)),
    ("Martin Hale Registration and Civic Services Manager",
     ("Martin Hale", "Registration and Civic Services Manager", None, None)),
    ("Mr. D. Pryce, Democratic and Scrutiny Services Officer",
     ("Mr. D. Pryce", "Democratic and Scrutiny Services Officer", None, None)),
    ("Mrs Nell Ashby, 4 Orchard Way, Hollowmere, Norfolk. NR9 4QT",
     ("Mrs Nell Ashby", None, None, None)),
    ("Joanne Gresley", ("Joanne Gresley", None, None, None)),
    ("[email protected]", None),
    ("", None),
])
def test_contacts_in_fields(text: str, fields: tuple[str | None, ...] | None) -> None:
    assert _fields(text) == fields


def _lines(*texts: str) -> list[Line]:
    return [Line((t,), k) for k, t in enumerate(texts)]


def test_a_clerks_details_on_the_lines_under_the_label_and_the_label_as_position() -> None:
    contact = find_meeting_contact(_lines(
        "HOLLOWMERE PARISH COUNCIL", "Clerk: Mrs Nell Ashby, 4 Orchard Way, Hollowmere. NR9 4QT",
        "Tel: 07700 900123 e-mail: clerk@hollowmere.example.org.uk",
        "You are summoned to attend the meeting of the Parish Council."))
    assert contact is not None
    assert (contact.name, contact.position, contact.phone, contact.email) == (
        "Mrs Nell Ashby", "Clerk", "07700 900123", "clerk@hollowmere.example.org.uk")


def test_please_ask_for_and_gofynnwch_am_are_contact_labels() -> None:
    english = find_meeting_contact(_lines("Please ask for: Siân Lloyd", "Date: 2 March 2026"))
    welsh = find_meeting_contact(_lines("Gofynnwch am: Siân Lloyd", "Dyddiad: 2 Mawrth 2026"))
    assert english is not None and welsh is not None
    assert english.name == welsh.name == "Siân Lloyd"


def test_a_flattened_notes_sentence_gives_the_contact_and_stops_at_the_page_furniture() -> None:
    contact = find_meeting_contact(_lines(
        "14. Workplan - Report by Director (herewith) ---------------------- NOTE For further "
        "information contact Ewan Baird, Tel: 01632 960555 or email: [email protected] - 2 - "
        "Moorfield Joint Board Date: 3 March 2026 Agenda Item: 2"))
    assert contact is not None
    assert (contact.name, contact.position, contact.phone, contact.email) == (
        "Ewan Baird", None, "01632 960555", None)
    assert contact.text == "Ewan Baird, Tel: 01632 960555 or email:"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_contact_whose_fields_are_in_it_or_none(text: str) -> None:
    contact = parse_contact(text)
    if contact is not None:
        for value in (contact.name, contact.phone, contact.email):
            assert value is None or value in " ".join(text.split())
