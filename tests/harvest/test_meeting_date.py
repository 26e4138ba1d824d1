"""A report harvested as an item of a dated meeting, printing no date of its own, is dated
by its meeting: stored as derived (date_from "meeting"), found under date filters."""

from __future__ import annotations

import hashlib
from pathlib import Path

from boardpapers.pipeline import ingest
from boardpapers.query import parse_query
from boardpapers.show import paper_lines
from boardpapers.store.base import Store

UNDATED_REPORT = """\
Gorsedge Valley Footbridge Repairs

Purpose of Report
To seek approval for repairs to the Gorsedge Valley footbridge, closed since a storm
loosened its handrails.

Recommendations
That the Committee approves repairs costing £38,500 from the highways reserve.
"""


def _harvested(store: Store, path: Path, meeting_date: str | None) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    store.record_harvest({
        "url": "http://127.0.0.1/documents/footbridge.txt", "kind": "document",
        "status": "fetched", "path": str(path), "sha256": digest, "committee": "Highways",
        "meeting_id": "77", "meeting_date": meeting_date, "item_number": "6",
        "fetched_at": "2025-10-01T09:00:00+00:00"})
    ingest([path], store)
    return digest


def test_an_undated_report_takes_its_meetings_date_marked_as_derived(store, tmp_path):
    path = tmp_path / "footbridge.txt"
    path.write_text(UNDATED_REPORT, encoding="utf-8")
    stored = store.get(_harvested(store, path, "2025-09-30"))
    assert stored is not None
    assert (stored["date"], stored["date_from"]) == ("2025-09-30", "meeting")
    assert stored["paper"]["date"] is None  # not as if printed in the report
    assert "2025-09-30 (its meeting's date)" in paper_lines(stored)[1]
    found = store.search(parse_query("footbridge since:2025-09-01 until:2025-09-30"), limit=5)
    assert {h.row["path"] for h in found.hits} == {str(path)}
    assert store.search(parse_query("footbridge since:2025-10-01"), limit=5).hits == ()


def test_without_a_meeting_date_the_report_stays_undated(store, tmp_path):
    path = tmp_path / "footbridge.txt"
    path.write_text(UNDATED_REPORT, encoding="utf-8")
    stored = store.get(_harvested(store, path, None))
    assert stored is not None
    assert (stored["date"], stored["date_from"]) == (None, None)
