import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.model.query import Filters, Term
from boardpapers.query import parse_query


def test_words_are_anded_and_quoted():
    q = parse_query("graduate programme")
    assert q.groups == ((Term("graduate"),), (Term("programme"),))


def test_phrase_prefix_or_and_exclusion():
    q = parse_query('"One Public Estate" housing OR homes -pilot counc*')
    assert q.groups == ((Term("One Public Estate", phrase=True),),
                        (Term("housing"), Term("homes")),
                        (Term("counc", prefix=True),))
    assert q.excluded == (Term("pilot"),)


def test_filters_in_query_text():
    q = parse_query('body:"City Regions Board" since:2021-01-01 until:2021 genre:report '
                    'section:recommendations has:money council:Sheffield devolution')
    assert q.filters == Filters(body="City Regions Board", genre="report", since="2021-01-01",
                                until="2021-12-31", section="recommendations",
                                council="Sheffield", has="money")
    assert q.groups == ((Term("devolution"),),)


def test_index_operators_typed_by_users_are_plain_words():
    q = parse_query("NEAR(housing) AND ^start x*y")
    assert q.groups == ((Term("NEAR"),), (Term("housing"),), (Term("^start"),), (Term("x*y"),))


@pytest.mark.parametrize("text, message", [
    ('"unclosed', "unbalanced quote"),
    ("-housing", "cannot only exclude"),
    ("since:yesterday housing", "expects a date"),
    ("genre:novel housing", "unknown genre"),
    ("form:report housing", "unknown form 'report': use one of forward_plan"),
    ("colour:red housing", "unknown filter"),
])
def test_malformed_queries_get_helpful_messages(text, message):
    with pytest.raises(QuerySyntaxError, match=message):
        parse_query(text)


@given(st.text(max_size=80))
def test_any_text_parses_or_raises_query_syntax_error(text):
    try:
        q = parse_query(text)
    except QuerySyntaxError:
        return
    terms = [t for group in q.groups for t in group] + list(q.excluded)
    assert q.groups or q.has_filters
    assert all(t.text and t.text == " ".join(t.text.split()) for t in terms)
