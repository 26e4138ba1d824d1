"""Above FacetSettings.exact_up_to matches, facets and the papers count come from the
matches in a sample of the papers, scaled up, and the result says so; the total and the
hits stay exact."""

from __future__ import annotations

import pytest

from boardpapers.pipeline import ingest
from boardpapers.search import search
from boardpapers.store import indexsearch, open_store
from boardpapers.store.indexsearch import FacetSettings, sample_bucket

BUCKETS = 4  # a quarter of the papers per bucket, so a dozen papers make a sample


def _paper(n: int) -> str:
    if n % 3 == 0:
        return (f"# Waste Committee Minutes {n}\n\nMinutes of the meeting held on "
                f"{n + 1} March 2024.\n\n1. Recycling\n\nThe committee noted recycling "
                f"rates in ward {n}.\n")
    return (f"# Recycling Report {n}\n\nReport to the Waste Committee, {n + 1} May 2024.\n\n"
            f"## Purpose of report\n\nTo review recycling collections in ward {n}.\n\n"
            f"## Background\n\nRecycling tonnage in ward {n} rose by {n} per cent.\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(indexsearch, "FACETS", FacetSettings(exact_up_to=1_000, buckets=BUCKETS))
        folder = tmp_path_factory.mktemp("sample")
        for n in range(16):
            (folder / f"paper-{n:02}.md").write_text(_paper(n), encoding="utf-8")
        s = open_store(f"sqlite:///{folder / 'sample.db'}", create=True)
        ingest([folder], s)
        yield s
        s.close()


def test_below_the_threshold_every_count_is_exact(store):
    result = search(store, "recycling")
    assert not result.estimated and result.papers == 16
    assert "estimated" in result.to_json() and not result.to_json()["estimated"]


def test_above_it_facets_and_papers_are_scaled_from_the_sampled_papers(store, monkeypatch):
    exact = search(store, "recycling", limit=100, collapse=False, per_paper=False)
    monkeypatch.setattr(indexsearch, "FACETS", FacetSettings(exact_up_to=2, sample_size=2,
                                                                buckets=BUCKETS))
    sampled = search(store, "recycling", limit=100, collapse=False, per_paper=False)
    assert sampled.estimated and sampled.to_json()["estimated"]
    assert sampled.total == exact.total  # the total is always counted exactly
    assert [h.block for h in sampled.hits] == [h.block for h in exact.hits]
    share = -(-BUCKETS * 2 // exact.total)  # buckets taken: ceil(buckets * limit / total)
    picked = {h.doc_id for h in exact.hits if sample_bucket(h.doc_id) < share}
    assert picked, "the fixture's papers must fall in the sampled bucket"
    scale = BUCKETS / share
    assert sampled.papers == min(exact.total, round(len(picked) * scale))
    in_sample = [h for h in exact.hits if h.doc_id in picked]
    for genre, count in sampled.facets["genre"]:
        assert count == min(exact.total, round(sum(h.genre == genre for h in in_sample)
                                                * scale))


def test_a_sample_of_every_paper_is_no_sample(store, monkeypatch):
    total = search(store, "recycling").total  # a sample this size takes every bucket
    monkeypatch.setattr(indexsearch, "FACETS", FacetSettings(exact_up_to=2, sample_size=total,
                                                             buckets=BUCKETS))
    result = search(store, "recycling")
    assert not result.estimated and result.papers == 16
