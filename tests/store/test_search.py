"""Search over stored papers: ranking, filters, facets, snippets, hostile input."""


from collections.abc import Iterator

import pytest

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.model.query import Filters
from boardpapers.search import search
from boardpapers.store import Store, open_store, queries
from boardpapers.store.indexsearch import mark
from tests.store.conftest import BACKENDS, url_factory

PAPERS = {
    "housing.md": """# Housing Delivery Update

## Purpose of report

For information.

## Summary

Progress on the affordable housing programme across the county.

## Recommendations

That the Board notes the affordable housing pipeline of 2,300 homes.

## Background

The council's housing company completed 140 homes this year. Housing need remains high
and waiting lists grow.
""",
    "waste.md": """# Waste Strategy Refresh

## Purpose of report

For decision.

## Background

Household waste collections changed in spring. Some housing estates moved to weekly
food waste collection, and housing associations were consulted on bin stores.
""",
}


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory) -> Iterator[Store]:
    from boardpapers.pipeline import ingest
    d = tmp_path_factory.mktemp("papers")
    for name, text in PAPERS.items():
        (d / name).write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CACHE_HOME", str(d / "cache"))  # where PostgreSQL's index goes
        env.delenv("BOARDPAPERS_INDEX", raising=False)
        s = open_store(url_factory(request.param, d, request)("search"))
        summary = ingest([d], s)
        assert summary.count("ingested") == 2
        yield s


def test_phrase_query_finds_the_passage(store):
    result = search(store, '"affordable housing pipeline"')
    assert result.total == 1
    assert "<mark>affordable housing pipeline</mark>" in result.hits[0].snippet
    assert result.hits[0].title == "Housing Delivery Update"


def test_lead_text_then_headings_then_body_mentions(store):
    result = search(store, "housing")
    assert result.total >= 4
    kinds = [(h.kind, h.section) for h in result.hits]
    assert kinds[0] == ("paragraph", "summary")  # lead text weighs most
    heading = kinds.index(("heading", None))
    assert heading < kinds.index(("paragraph", "background"))
    assert result.hits[0].score >= result.hits[-1].score


def test_exclusion_and_or(store):
    assert search(store, "housing -affordable").total < search(store, "housing").total
    both = search(store, "pothole OR waste")
    assert both.total >= 2


def test_stemming_finds_other_forms(store):
    assert search(store, "collecting").total >= 1  # porter: collect


def test_facets_count_the_current_query(store):
    result = search(store, "housing")
    genres = dict(result.facets["genre"])
    assert sum(genres.values()) == result.total


def test_filters_restrict_hits(store):
    assert search(store, "housing", filters=Filters(genre="briefing")).total == 0


def test_hostile_input_is_text_not_sql(store):
    for q in ["'; DROP TABLE documents; --", 'x" OR 1=1 --', "NEAR(a b)", "a:b:c d",
              "body:%", "*", "\x00housing"]:
        try:
            search(store, q)
        except QuerySyntaxError:
            pass
    assert search(store, "housing").total >= 4


def test_empty_query_is_a_clear_error(store):
    with pytest.raises(QuerySyntaxError, match="empty query"):
        search(store, "   ")


def test_sql_binds_every_user_value():
    from sqlalchemy.dialects import mysql, postgresql, sqlite
    evil = "Robert'); DROP TABLE documents; --"
    for dialect in (sqlite.dialect(), postgresql.dialect(), mysql.dialect()):
        compiled = queries.council_blocks(name=evil).compile(dialect=dialect)
        assert "Robert" not in str(compiled) and "DROP" not in str(compiled)
        assert evil in compiled.params.values()
        compiled = queries.hit_details([3, 7]).compile(dialect=dialect)
        assert "3" not in str(compiled).split(" IN ")[1]
        assert [3, 7] in compiled.params.values()


def test_snippet_is_escaped_html_with_marked_matches():
    text = "a <b> £60m x"
    start = len("a <b> £60m ".encode())
    assert mark(text, [(start, start + 1)]) == "a &lt;b&gt; £60m <mark>x</mark>"


def test_prefix_query_matches_word_starts(store):
    result = search(store, "afford*")
    assert result.total >= 2
    assert all("<mark>afford" in h.snippet.lower() for h in result.hits)


def test_an_index_lost_or_out_of_step_is_rebuilt_from_the_database(store, tmp_path):
    import shutil
    db_url = store.url
    index_dir = store.index.path
    before = search(store, "housing").total
    shutil.rmtree(index_dir)
    fresh = open_store(db_url)
    assert search(fresh, "housing").total == before
    assert fresh.ensure_index() is False  # in step now: no second rebuild
