"""Council mentions linked to the register, in running text and in tables."""

from __future__ import annotations

import pytest

from boardpapers.facts.councils import find_councils, find_councils_in_table
from boardpapers.model.paper import CouncilMention
from tests.conftest import seed
from tests.facts.seed_tables import seed_tables


def _linked(text: str) -> list[tuple[str, str | None]]:
    out = []
    for m in find_councils(text, 2):
        assert text[m.span.start:m.span.end] == m.text and m.span.block == 2
        out.append((m.text, m.code))
    return out


def test_london_borough_with_register_details() -> None:
    [m] = find_councils("The London Borough of Hackney hosted the session.", 0)
    assert (m.text, m.code, m.name, m.type, m.region, m.nation, m.official_name) == (
        "London Borough of Hackney", "HCK", "Hackney", "London borough", "London", "England",
        "London Borough of Hackney")


@pytest.mark.parametrize(("text", "code"), [
    ("Rotherham MBC", "ROT"),
    ("Royal Borough of Kingston", "KTT"),
    ("Kingston upon Thames Royal Borough Council", "KTT"),
    ("Royal Borough of Kingston Upon Thames", "KTT"),
    ("Bournemouth, Christchurch & Poole Council", "BPC"),
    ("Redcar & Cleveland Borough Council", "RCC"),
    ("City of Wolverhampton Council", "WLV"),
    ("St Albans City and District Council", "SAL"),
    ("Southend on Sea Borough Council", "SOS"),
    ("Durham County Council", "DUR"),
    ("Newport City Council", "NWP"),
    ("Havering London Borough Council", "HAV"),
])
def test_written_forms_link_to_one_council(text: str, code: str) -> None:
    assert _linked(f"Officers from {text} attended.") == [(text, code)]


def test_two_councils_sharing_one_designation() -> None:
    assert _linked("South Norfolk and Broadland Council agreed.") == [
        ("South Norfolk", "SNO"), ("Broadland Council", "BRO")]
    assert _linked("Oxfordshire County Council/Cherwell District Council") == [
        ("Oxfordshire County Council", "OXF"), ("Cherwell District Council", "CHR")]
    assert _linked("London Borough of Hackney and Rotherham MBC") == [
        ("London Borough of Hackney", "HCK"), ("Rotherham MBC", "ROT")]


def test_combined_authorities_are_in_the_register() -> None:
    ms = find_councils("West Midlands Combined Authority and North of Tyne Combined "
                       "Authority signed up.", 0)
    assert [(m.code, m.type, m.region) for m in ms] == [
        ("WMCA", "Combined authority", "West Midlands"),
        ("NTCA", "Combined authority", "North East")]


def test_unknown_combined_authority_is_kept_unlinked() -> None:
    [m] = find_councils("The Fenmoor Valley Combined Authority joined.", 0)
    assert (m.text, m.code, m.type) == ("Fenmoor Valley Combined Authority", None,
                                        "combined authority")


def test_bare_place_only_in_a_council_sentence() -> None:
    assert _linked("When Sheffield joined the scheme in 2020, councils took note.") == [
        ("Sheffield", "SHF")]
    assert _linked("Sheffield is a fine place to live.") == []
    assert _linked("She studied at the University of Birmingham, with council support.") == []
    assert _linked("Work starts at York Central after council approval.") == []
    assert _linked("The Chief Executive of Newham spoke.") == [("Newham", "NWM")]


def test_regions_and_organisations_are_not_councils() -> None:
    text = ("Councils in the West Midlands and the North East, London Councils, the Local "
            "Government Association and East Midlands Councils met.")
    assert _linked(text) == []


def test_ambiguous_place_resolved_by_its_designation() -> None:
    assert _linked("Durham City Council and Durham County Council") == [
        ("Durham City Council", None), ("Durham County Council", "DUR")]
    assert _linked("Durham and other councils") == []
    assert _linked("Newport councillors") == []


def test_unlisted_council_is_unlinked_not_forced() -> None:
    ms = find_councils("Each District Council and Fenmoor Borough Council replied.", 0)
    assert [(m.text, m.code) for m in ms] == [("Fenmoor Borough Council", None)]


def test_town_council_is_not_the_principal_council() -> None:
    assert _linked("Sheffield Town Council") == []


def test_former_council_is_linked_and_marked() -> None:
    [m] = find_councils("Buckinghamshire County Council", 0)
    assert (m.code, m.current) == ("BKM", False)


# ---------------------------------------------------------------- tables

PARTICIPANTS = (
    ("Cohort 9 Participating Councils", "", "", ""),
    ("Council Name", "Type", "Region", "CONTROL"),
    ("London Borough of Hackney", "LB", "GL", "LAB"),
    ("Black Country Transport", "", "", "N/A"),
    ("Rotherham MBC", "MD", "YH", "LAB"),
    ("Oxfordshire County Council/Cherwell District Council", "C", "SE", "NOC"),
    ("Sheffield", "MD", "YH", "LAB"),
    ("Fenmoor Valley Combined Authority", "", "", "N/A"),
    ("Local Government Association", "", "", "N/A"),
)


def _table() -> list[CouncilMention]:
    ms = find_councils_in_table(PARTICIPANTS, 4)
    text = "\n".join("\t".join(r) for r in PARTICIPANTS)
    for m in ms:
        assert text[m.span.start:m.span.end] == m.text and m.span.block == 4
    return ms


def test_table_rows_link_and_keep_paper_columns() -> None:
    ms = _table()
    assert [(m.text, m.code) for m in ms] == [
        ("London Borough of Hackney", "HCK"), ("Black Country Transport", None),
        ("Rotherham MBC", "ROT"), ("Oxfordshire County Council", "OXF"),
        ("Cherwell District Council", "CHR"), ("Sheffield", "SHF"),
        ("Fenmoor Valley Combined Authority", None), ("Local Government Association", None)]
    assert ms[0].paper_columns == (("Type", "LB"), ("Region", "GL"), ("CONTROL", "LAB"))
    assert ms[1].paper_columns == (("CONTROL", "N/A"),)
    assert (ms[5].name, ms[5].type, ms[5].region) == (
        "Sheffield", "Metropolitan district", "Yorkshire and The Humber")
    assert ms[6].type == "combined authority" and ms[7].type is None


def test_membership_table_notes_are_not_councils() -> None:
    rows = (("Councillor", "Authority"), ("Cllr Ann Lee", "Fenmoor Borough Council"),
            ("Jo Bloggs CBE", "Independent observer"), ("Cllr Al Shah", "Rotherham MBC"))
    assert [(m.text, m.code) for m in find_councils_in_table(rows, 0)] == [
        ("Fenmoor Borough Council", None), ("Rotherham MBC", "ROT")]


def test_table_without_council_column_takes_only_designated_names() -> None:
    rows = (("Region", "Applicants"), ("Greater London", "711"),
            ("North East", "283"), ("Kent County Council", "12"))
    assert [(m.text, m.code) for m in find_councils_in_table(rows, 0)] == [
        ("Kent County Council", "KEN")]


def test_seed_002_appendix_cohort_22() -> None:
    tables = seed_tables(seed("002"))
    first = next(i for i, t in enumerate(tables)
                 if t[0][0] == "Cohort 22 Participating Councils")
    appendix = tables[first] + tables[first + 1]  # the paper breaks it with a blank line
    ms = find_councils_in_table(appendix, 0)
    by_text = {m.text: m for m in ms}
    assert by_text["Royal Borough of Kingston"].code == "KTT"
    assert by_text["Rotherham MBC"].paper_columns == (
        ("Type", "MD"), ("Region", "YH"), ("CONTROL", "LAB"))
    assert by_text["London Councils"].code is None
    assert by_text["North of Tyne Combined Authority"].code == "NTCA"
    assert {m.code for m in ms if m.text in ("South Norfolk", "Broadland Council")} == {
        "SNO", "BRO"}
    unlinked = sorted(m.text for m in ms if m.code is None)
    assert unlinked == ["Black Country Transport", "Local Government Association",
                        "London Councils"]


def test_surname_that_is_a_council_place_is_not_a_council() -> None:
    text = ("Present: Councillor Yusuf Rahman (Leader of the Council), "
            "Councillor Helen Stroud (Deputy Leader)")
    assert find_councils(text, 0) == []


def test_place_opening_a_sentence_about_councils_still_links() -> None:
    [m] = find_councils("When Sheffield joined the scheme in 2020, councils took note.", 0)
    assert (m.text, m.code) == ("Sheffield", "SHF")


@pytest.mark.parametrize(("text", "code"), [
    ("Cyngor Sir Powys", "POW"), ("Cyngor Sir Ddinbych", "DEN"), ("Cyngor Sir Ynys Môn", "AGY"),
    ("Cyngor Sir Gâr", "CMN"), ("Cyngor Sir Penfro", "PEM"), ("Cyngor Sir y Fflint", "FLN"),
    ("Cyngor Gwynedd", "GWN"), ("Cyngor Bwrdeistref Sirol Wrecsam", "WRX"),
    ("Cyngor Dinas a Sir Abertawe", "SWA"), ("Cyngor Dinas Casnewydd", "NWP"),
])
def test_welsh_council_names_link_to_the_register(text: str, code: str) -> None:
    found = find_councils(f"Mae {text} wedi cytuno.", 0)
    assert [(m.text, m.code) for m in found] == [(text, code)]


def test_mutated_welsh_council_names_link_to_the_register() -> None:
    text = ("Mae'r Cyngor yn cydweithio â Chyngor Sir Caerfyrddin a Chyngor Sir Powys, "
            "yng Nghyngor Gwynedd ac i Gyngor Dinas Casnewydd.")
    assert [(m.text, m.code) for m in find_councils(text, 0)] == [
        ("Chyngor Sir Caerfyrddin", "CMN"), ("Chyngor Sir Powys", "POW"),
        ("Nghyngor Gwynedd", "GWN"), ("Gyngor Dinas Casnewydd", "NWP")]


def test_a_county_cricket_club_is_not_the_county_council() -> None:
    assert _linked("The council partners Essex County Cricket Club on school sport.") == []
    assert _linked("Essex County Cricket Club and Essex County Council agreed.") == [
        ("Essex County Council", "ESS")]


def test_a_venue_after_a_minister_for_local_government_is_not_a_council() -> None:
    text = ("Jim Hollins – Minister of State for Local Government will speak at the "
            "Workforce Summit on 21 January 2026 in Leeds.")
    assert _linked(text) == []
    assert _linked("Most local government in Leeds is unitary.") == [("Leeds", "LDS")]


def test_unambiguous_initials_and_the_last_of_a_list_of_councils_link() -> None:
    assert _linked("RBKC and Camden councils piloted shared recruitment.") == [
        ("RBKC", "KEC"), ("Camden councils", "CMD")]
    assert _linked("B&NES, RBWM and BCP Council joined.") == [
        ("B&NES", "BAS"), ("RBWM", "WNM"), ("BCP Council", "BPC")]
    assert _linked("An RCT tested the BCP, and Kent councils agreed.") == []


def test_greater_london_authority_by_its_full_name_links_to_gla() -> None:
    assert _linked("The Greater London Authority will fund the scheme.") == [
        ("Greater London Authority", "GLA")]
    assert _linked("Homes in Greater London cost more.") == []  # the region alone is not it
