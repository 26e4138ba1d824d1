"""Emails, UK phone numbers and web addresses, with spans into the block text."""

from __future__ import annotations

import pytest

from boardpapers.facts.contacts import find_contacts, normalise_phone


def _found(text: str, kind: str) -> list[tuple[str, str]]:
    out = []
    for m in find_contacts(text, 3):
        assert m.span.block == 3
        assert text[m.span.start:m.span.end] == m.text
        if m.kind == kind:
            out.append((m.text, m.normalised))
    return out


@pytest.mark.parametrize(("written", "e164"), [
    ("020 7946 0123", "+442079460123"),
    ("(01632) 960123", "+441632960123"),
    ("07700 900123", "+447700900123"),
    ("0207 946 0123", "+442079460123"),
    ("07464652746", "+447464652746"),
    ("020 7664 3223", "+442076643223"),
    ("+44 (0)20 7946 0123", "+442079460123"),
    ("0113 496 0000", "+441134960000"),
    ("0800 123 4567", "+448001234567"),
])
def test_uk_phone_numbers_in_their_spacings(written: str, e164: str) -> None:
    assert _found(f"Tel: {written}.", "phone") == [(written, e164)]


def test_extensions_stay_with_their_number() -> None:
    text = "Call 01234 567 890 ext 123, or 020 7946 0123 x4567; desk 020 7946 0124, ext. 45"
    assert _found(text, "phone") == [
        ("01234 567 890 ext 123", "+441234567890;ext=123"),
        ("020 7946 0123 x4567", "+442079460123;ext=4567"),
        ("020 7946 0124, ext. 45", "+442079460124;ext=45"),
    ]


@pytest.mark.parametrize("text", [
    "The 2020/21 budget of £1,234,567 was agreed on 01/02/2021.",
    "See pages 9 - 24 and minute CAB/24/17.",
    "Cohorts in 2019, 2020, 2021 and 2022 grew by 0.5% to 07.",
    "Reference 0123/456/7890 and figures 01234-56 and 2021-03-05.",
    "It cost £0207 946 0123 in total.",
])
def test_dates_money_references_are_not_phones(text: str) -> None:
    assert _found(text, "phone") == []


def test_normalise_phone_rejects_non_uk_and_bad_numbers() -> None:
    assert normalise_phone("+1 212 555 0100") is None
    assert normalise_phone("010 1234 5678") is None
    assert normalise_phone("07464652746") == "+447464652746"


def test_emails_real_addresses_only() -> None:
    text = ("Write to [email protected], x@.gov.uk, a..b@council.gov.uk or "
            "Jo.Bloggs@fenmoor.gov.uk.")
    assert _found(text, "email") == [("Jo.Bloggs@fenmoor.gov.uk", "jo.bloggs@fenmoor.gov.uk")]


def test_mailto_and_markdown_link_give_one_email() -> None:
    text = "**Email:** [amy.green@fenmoor.gov.uk](mailto:amy.green@fenmoor.gov.uk)"
    assert _found(text, "email") == [("amy.green@fenmoor.gov.uk", "amy.green@fenmoor.gov.uk")]
    assert _found("mailto:desk@fenmoor.gov.uk;", "email") == [
        ("desk@fenmoor.gov.uk", "desk@fenmoor.gov.uk")]


def test_urls_with_and_without_scheme_trailing_punctuation_stripped() -> None:
    text = ("More at www.fenmoor.gov.uk/Coaching-Network. Also (see https://example.org/a/b), "
            "emcouncils.gov.uk/Policy-Briefing, <https://local.gov.uk/ngdp> and "
            "[our site](https://fenmoor.gov.uk/x_(y)) but not [LGA website](#).")
    assert _found(text, "url") == [
        ("www.fenmoor.gov.uk/Coaching-Network", "https://www.fenmoor.gov.uk/Coaching-Network"),
        ("https://example.org/a/b", "https://example.org/a/b"),
        ("emcouncils.gov.uk/Policy-Briefing", "https://emcouncils.gov.uk/Policy-Briefing"),
        ("https://local.gov.uk/ngdp", "https://local.gov.uk/ngdp"),
        ("https://fenmoor.gov.uk/x_(y)", "https://fenmoor.gov.uk/x_(y)"),
    ]


def test_email_domain_is_not_a_url_and_order_is_reading_order() -> None:
    text = "Jo Bloggs jo@fenmoor.gov.uk - 07700 900123, www.fenmoor.gov.uk/jobs"
    assert [m.kind for m in find_contacts(text, 0)] == ["email", "phone", "url"]


def test_address_wrapped_inside_a_table_cell_is_found_whole() -> None:
    text = ("Name\tEmail\nGareth Ellingham\tgareth.ellingham@hollinsrid ge.gov.uk\n"
            "Sunita Bhardwaj\tcontact sunita@hollinsridge.gov.uk")
    emails = [(m.text, m.normalised) for m in find_contacts(text, 0) if m.kind == "email"]
    assert emails == [("gareth.ellingham@hollinsrid ge.gov.uk",
                       "gareth.ellingham@hollinsridge.gov.uk"),
                      ("sunita@hollinsridge.gov.uk", "sunita@hollinsridge.gov.uk")]
