"""Contact finders on any text: no crash, spans exact, phone round-trips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.facts.contacts import find_contacts, normalise_phone
from boardpapers.facts.councils import find_councils
from boardpapers.facts.people import find_people
from boardpapers.facts.tables import table_data

_ALPHABET = st.sampled_from(list("0123456789 ()+-./:@x,extwwhtps£%\t\nCllrMPOBE&") + [
    "020 ", "07700 ", "www.", ".gov.uk", "mailto:", "Council", "Borough of ", "Sheffield "])
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=200)))
def test_finders_never_crash_and_spans_are_exact(text: str) -> None:
    for m in find_contacts(text, 1):
        assert text[m.span.start:m.span.end] == m.text
    for p in find_people(text, 1):
        assert text[p.span.start:p.span.end] == p.name
    for c in find_councils(text, 1):
        assert text[c.span.start:c.span.end] == c.text


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([("20 7946", "0"), ("113 496", "0"), ("1632", "960"), ("7700", "900"),
                        ("161 496", "0")]),
       st.integers(min_value=0, max_value=999),
       st.sampled_from(["0{a} {b}", "+44 (0){a} {b}", "+44{a}{b}", "0{a}-{b}"]))
def test_phone_written_any_way_round_trips_to_one_e164(area: tuple[str, str], tail: int,
                                                        form: str) -> None:
    rest = f"{area[1]}{tail:03d}"
    written = form.format(a=area[0], b=rest)
    expected = "+44" + (area[0] + rest).replace(" ", "")
    assert normalise_phone(written) == expected
    [m] = [m for m in find_contacts(f"Tel: {written}.", 0) if m.kind == "phone"]
    assert (m.text, m.normalised) == (written, expected)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.one_of(st.text(max_size=8), st.integers().map(str)),
                         max_size=4), max_size=6))
def test_table_data_never_crashes(rows: list[list[str]]) -> None:
    t = table_data([tuple(r) for r in rows], 0)
    assert len(t.numbers) == len(t.rows)


_LINES = st.lists(st.sampled_from(
    ["Contact officers:", "**Board Contact:**", "Position:", "Job title: Programme Manager",
     "Farah Siddiqui", "Dr Kwame Asante", "Next steps", "", "Editor: Kit Marlowe",
     "RBKC and Camden councils", "Cllr Nia Rowlands of Powys County Council",
     "Dr Barnardo's", "Head of Finance"]), max_size=12)


@settings(max_examples=100, deadline=None)
@given(_LINES)
def test_people_across_lines_never_crash_and_spans_are_exact(texts: list[str]) -> None:
    from boardpapers.facts.people import people_across_blocks
    found = [p for i, t in enumerate(texts) for p in find_people(t, i)]
    for person in people_across_blocks(texts, found):
        text = texts[person.span.block]
        assert text[person.span.start:person.span.end] == person.name
    for i, text in enumerate(texts):
        for council in find_councils(text, i):
            assert text[council.span.start:council.span.end] == council.text
