"""Numbers and dates a user types are checked with one-line errors, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.query import LIMITS, normalise_filter, parse_query
from boardpapers.search import MAX_OFFSET, check_page


@pytest.mark.parametrize(("value", "end"), [("9999", "9999-12-31"), ("9999-12", "9999-12-31"),
                                            ("2024-02", "2024-02-29"), ("2023", "2023-12-31")])
def test_until_a_year_or_month_is_its_last_day_even_the_last_year(value, end):
    assert normalise_filter("until", value) == end
    assert parse_query(f"housing until:{value}").filters.until == end


@given(st.text(max_size=12))
def test_any_date_filter_is_a_date_or_a_one_line_error(value):
    for name in ("since", "until"):
        try:
            out = normalise_filter(name, value)
        except QuerySyntaxError as exc:
            assert "\n" not in str(exc)
        else:
            assert len(out) == 10 and out[4] == "-"


@pytest.mark.parametrize(("limit", "offset"), [(10, 4294967296), (10, 99999999999999999999),
                                               (10, -1), (0, 0), (10**6, 0)])
def test_out_of_range_pages_are_refused_before_the_index(limit, offset):
    with pytest.raises(QuerySyntaxError, match="must be between"):
        check_page(limit, offset)


def test_the_deepest_page_allowed_is_accepted():
    check_page(1000, MAX_OFFSET)


def test_a_query_of_thousands_of_terms_is_too_complex():
    with pytest.raises(QuerySyntaxError, match="too complex"):
        parse_query(" ".join(f"w{i}" for i in range(LIMITS.max_terms + 1)))
    with pytest.raises(QuerySyntaxError, match="too complex"):
        parse_query(" ".join(f"p{i}*" for i in range(LIMITS.max_prefix_terms + 1)))
    with pytest.raises(QuerySyntaxError, match="too complex"):
        parse_query("x* " * 3333)
    assert len(parse_query(" ".join(f"w{i}" for i in range(LIMITS.max_terms))).groups) == 64
