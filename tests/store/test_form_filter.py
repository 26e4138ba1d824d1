"""``form:`` selects the papers of one form of a genre (``form:forward_plan``), on every
back end, and a database from before forms were stored gets its papers' forms back from
their stored contracts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from boardpapers.pipeline import ingest
from boardpapers.search import search
from boardpapers.store import Store, open_store
from tests.store.conftest import reopened_from

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLAN = FIXTURES / "forward_plan" / "notice_of_key_decisions.txt"
REPORT = """# Waste Vehicle Fleet Review

## Purpose of report

To report on the waste collection vehicle fleet and its replacement.

## Recommendations

That the Executive notes the review of waste collection vehicles.
"""


def _stored(url: str, tmp_path: Path) -> Store:
    report = tmp_path / "fleet_review.md"
    report.write_text(REPORT, encoding="utf-8")
    store = open_store(url)
    assert ingest([PLAN, report], store).count("ingested") == 2
    return store


def test_form_selects_the_forward_plan_and_genre_its_family(store_url, tmp_path):
    store = _stored(store_url("forms"), tmp_path)
    both = search(store, "waste collection vehicle")
    assert both.papers == 2
    plans = search(store, "waste collection vehicle form:forward_plan")
    assert plans.papers == 1 and {h.path for h in plans.hits} == {str(PLAN)}
    assert {h.genre for h in plans.hits} == {"other"}  # stored under its family
    listed = search(store, "form:forward_plan")  # a filter alone lists what it selects
    assert [h.path for h in listed.hits] == [str(PLAN)]
    assert search(store, "vehicle form:Forward-Plan genre:report").total == 0
    store.close()


def test_an_older_database_gets_its_papers_forms_from_their_contracts(store_url, tmp_path):
    url = store_url("older")
    store = reopened_from(_stored(url, tmp_path), url, "0006",
                          "ALTER TABLE documents DROP COLUMN form")
    with store.connect() as conn:  # type: ignore[attr-defined]
        forms = dict(conn.execute(text("SELECT path, form FROM documents")).all())
    assert forms == {str(PLAN): "forward_plan", str(tmp_path / "fleet_review.md"): None}
    store.close()
