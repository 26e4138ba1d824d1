"""People with titles, honours, roles and organisations, and what is not a person."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.facts import people
from boardpapers.facts.people import find_people
from boardpapers.model.paper import Person, Span


def _one(text: str) -> Person:
    people = find_people(text, 7)
    assert len(people) == 1, people
    p = people[0]
    assert text[p.span.start:p.span.end] == p.name and p.span.block == 7
    return p


def test_councillor_with_honours_role_and_council_cell() -> None:
    p = _one("Cllr Peter Fleming OBE (Chairman)\tSevenoaks District Council")
    assert (p.name, p.title, p.honours, p.role, p.organisation) == (
        "Peter Fleming", "Cllr", "OBE", "Chairman", "Sevenoaks District Council")


def test_minister_after_a_dash() -> None:
    p = _one("Matthew Pennycook – Minister of State for Housing and Planning")
    assert (p.name, p.title, p.role) == (
        "Matthew Pennycook", None, "Minister of State for Housing and Planning")


def test_rt_hon_and_mp() -> None:
    p = _one("· The Rt Hon Angela Rayner MP – Deputy Prime Minister and Secretary of State "
             "for Housing, Communities and Local Government")
    assert (p.name, p.title, p.honours) == ("Angela Rayner", "The Rt Hon", "MP")
    assert p.role == ("Deputy Prime Minister and Secretary of State for Housing, "
                      "Communities and Local Government")


def test_peer_with_territorial_name() -> None:
    p = _one("Baroness Taylor of Stevenage – Parliamentary Under Secretary of State for "
             "Housing and Local Government (Lords)")
    assert (p.name, p.title) == ("Taylor of Stevenage", "Baroness")
    assert p.role is not None and p.role.startswith("Parliamentary Under Secretary of State")


def test_two_honours_in_a_row() -> None:
    p = _one("Jim Hallam OBE MP – Minister of State for Local Government")
    assert (p.name, p.honours, p.role) == ("Jim Hallam", "OBE MP",
                                           "Minister of State for Local Government")


def test_contact_officer_label_and_to_present() -> None:
    p = _one("Contact officer: Helen Reeves, Programme Manager")
    assert (p.name, p.role) == ("Helen Reeves", "Programme Manager")
    p = _one("Helen Reeves, Programme Manager, to present")
    assert (p.name, p.role) == ("Helen Reeves", "Programme Manager")


def test_councillor_with_role_in_brackets() -> None:
    p = _one("Councillor Jane Smith (Leader of the Council) welcomed members.")
    assert (p.name, p.title, p.role, p.organisation) == (
        "Jane Smith", "Councillor", "Leader of the Council", None)


def test_mp_then_comma_role() -> None:
    p = _one("Mims Davies MP, the Minister for Employment, opened the event.")
    assert (p.name, p.honours, p.role) == ("Mims Davies", "MP", "Minister for Employment")


def test_role_before_name_with_organisation() -> None:
    p = _one("The Chief Executive of Newham, Althea Loderick, is the sponsor for the network.")
    assert (p.name, p.role, p.organisation) == (
        "Althea Loderick", "Chief Executive of Newham", "Newham")


def test_organisation_named_in_role() -> None:
    p = _one("Dr Ann Lee, Director of Public Health at Fenmoor County Council, spoke.")
    assert (p.name, p.title, p.role, p.organisation) == (
        "Ann Lee", "Dr", "Director of Public Health at Fenmoor County Council",
        "Fenmoor County Council")


def test_mayor_and_sir() -> None:
    people = find_people("Mayor Dave Hodgson MBE and Sir Stephen Houghton CBE (Observer)", 0)
    assert [(p.title, p.name, p.honours, p.role) for p in people] == [
        ("Mayor", "Dave Hodgson", "MBE", None), ("Sir", "Stephen Houghton", "CBE", "Observer")]


def test_things_that_are_not_people() -> None:
    for text in ("Local Government – Green Jobs update",
                 "Further webinars on Councillor wellbeing are planned.",
                 "[Councillor guidance: COVID-19 outbreak](#)",
                 "Green Jobs – Director of the Programme to present",
                 "Housing Delivery Fund MP briefing",
                 "Position: Programme Manager"):
        assert find_people(text, 0) == [], text


def test_name_never_runs_into_the_next_table_cell() -> None:
    p = _one("Cllr Nigel Ashton\tNorth Somerset Council")
    assert (p.name, p.organisation) == ("Nigel Ashton", "North Somerset Council")


def test_welsh_cyngor_sir_is_a_county_not_a_knight() -> None:
    assert find_people("Cyngor Sir Dyffryn Teifi / Teifi Valley County Council", 0) == []


def test_title_written_inside_a_comma_role_goes_to_title() -> None:
    p = _one("Dr Nia Castell, Director of Skills, to present")
    assert (p.name, p.title, p.role) == ("Nia Castell", "Dr", "Director of Skills")


def test_name_stops_before_the_next_label_on_a_flattened_line() -> None:
    p = _one("Date: 12 March 2024 Contact officer: Dana Morrow Subject: Waste")
    assert p.name == "Dana Morrow"


def test_organisation_never_taken_from_the_next_table_row() -> None:
    p = _one("Ellen Vernon, Programme Director, to present\t\n7. LGA annual conference\t")
    assert (p.name, p.role, p.organisation) == ("Ellen Vernon", "Programme Director", None)


def test_leader_of_the_council_names_no_organisation() -> None:
    p = _one("Councillor Yusuf Rahman (Leader of the Council and Chair)")
    assert (p.role, p.organisation) == ("Leader of the Council and Chair", None)


def test_buildings_and_charities_named_after_people_are_not_people() -> None:
    text = ("Councils fund Dr Barnardo's family hubs. The Sir Robert Peel Community Hospital "
            "remains open, as does Lady Margaret Hall's outreach centre.")
    assert find_people(text, 0) == []


def test_a_councillors_possessive_is_not_part_of_the_name() -> None:
    p = _one("Cllr Jo Pryce's motion was carried.")
    assert (p.name, p.title) == ("Jo Pryce", "Cllr")
    assert _one("Cllr Bo Hall attended").name == "Bo Hall"  # a surname that is a place noun


def test_a_name_stops_at_of_and_the_council_after_it_is_the_organisation() -> None:
    p = _one("the rural strand from Cllr Nia Rowlands of Powys County Council.")
    assert (p.name, p.organisation) == ("Nia Rowlands", "Powys County Council")
    assert _one("Lord Smith of Finsbury said").name == "Smith of Finsbury"


def test_role_first_after_our_new() -> None:
    p = _one("Our new Chief Executive, Oluwaseun Adebayo, starts on 3 November.")
    assert (p.name, p.role) == ("Oluwaseun Adebayo", "Chief Executive")


def test_editor_label_with_role_after_a_comma() -> None:
    p = _one("Editor: Kit Marlowe, Communications Officer, kit.marlowe@example.org.uk")
    assert (p.name, p.role) == ("Kit Marlowe", "Communications Officer")


def test_each_officer_in_a_semicolon_list() -> None:
    people = find_people("Officers:\tDr Leonie Castle – Director of Resources; Mark Ellery, "
                         "Assistant Director Finance; Sunita Bhatt (Clerk)", 0)
    assert [(p.name, p.role) for p in people][:2] == [
        ("Leonie Castle", "Director of Resources"), ("Mark Ellery", "Assistant Director Finance")]


def test_leader_of_a_council_with_of_in_its_name_before_a_councillor() -> None:
    people = find_people("The Leader of Isle of Anglesey County Council, Cllr Llinos "
                         "Medi-Parry, chairs it, and Cllr Fraser Dunlop (Convener) leads.", 0)
    assert [(p.name, p.role, p.organisation) for p in people] == [
        ("Llinos Medi-Parry", "Leader of Isle of Anglesey County Council",
         "Isle of Anglesey County Council"), ("Fraser Dunlop", "Convener", None)]


def test_a_name_under_a_label_alone_and_a_role_on_a_later_position_line() -> None:
    from boardpapers.facts.people import people_across_blocks
    texts = ["**Board Contact:**", "Farah Siddiqui", "Contact officer: Tomasz Wierzbicki",
             "Position:\tProgramme Manager", "Phone no: 020 7946 0321"]
    found = people_across_blocks(texts, find_people(texts[2], 2))
    assert [(p.name, p.span.block, p.role) for p in found] == [
        ("Tomasz Wierzbicki", 2, "Programme Manager"), ("Farah Siddiqui", 1, None)]
    assert people_across_blocks(["Contact:", "Next steps"], []) == []


def _overlaps_by_pairs(found: list[people._Found]) -> list[Person]:
    """The plain statement of the rule: every later match against every kept one."""
    ranked = sorted(found, key=lambda f: (-f.priority, -(f.person.span.end
                                                         - f.person.span.start)))
    kept: list[people._Found] = []
    for f in ranked:
        s = f.person.span
        clash = next((k for k in kept if k.person.span.start < s.end
                      and s.start < k.person.span.end), None)
        if clash is None:
            kept.append(f)
        else:
            kept[kept.index(clash)] = people._Found(people._merge(clash.person, f.person),
                                                    clash.priority)
    return sorted((k.person for k in kept), key=lambda p: p.span.start)


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(1, 4),
                            st.sampled_from([None, "Chair", "Leader"])), max_size=25)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_overlaps_are_settled_as_pair_by_pair_would(spans: list[tuple]) -> None:
    found = [people._Found(Person(name=f"N{n}", span=Span(0, start, start + length),
                                  role=role), priority)
             for n, (start, length, priority, role) in enumerate(spans)]
    assert people._without_overlaps(found) == _overlaps_by_pairs(found)
