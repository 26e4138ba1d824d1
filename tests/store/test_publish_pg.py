"""The publishing outputs give the same answers on PostgreSQL and MariaDB as on SQLite
(each skipped when its server is not reachable)."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers.pipeline import ingest
from boardpapers.publish.brief import gather_brief
from boardpapers.publish.export import export_rows
from boardpapers.publish.ical import all_events
from boardpapers.publish.pack import gather_pack
from boardpapers.store import open_store
from tests.conftest import EXAMPLES, stored_db
from tests.store.conftest import SERVERS, url_factory


@pytest.mark.parametrize("server", SERVERS)
def test_same_outputs_on_every_back_end(server: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        request: pytest.FixtureRequest) -> None:
    monkeypatch.setenv("BOARDPAPERS_INDEX", str(tmp_path / "index"))
    lite = open_store(str(stored_db(tmp_path / "lite.db", [EXAMPLES])))
    pg = open_store(url_factory(server, tmp_path, request)("published"), create=True)
    assert not ingest([EXAMPLES.resolve()], pg).failed
    assert all_events(pg) == all_events(lite)
    assert all_events(pg, "cabinet") == all_events(lite, "cabinet")
    assert gather_brief(pg, "2025-06-13", body="northmoor") == gather_brief(
        lite, "2025-06-13", body="northmoor")
    assert gather_brief(pg, "2025-03-12") == gather_brief(lite, "2025-03-12")
    for table in ("papers", "reports", "recommendations"):
        mine = [{k: v for k, v in r.items() if k != "ingested_at"}
                for r in export_rows(lite, table)]
        theirs = [{k: v for k, v in r.items() if k != "ingested_at"}
                  for r in export_rows(pg, table)]
        assert theirs == mine, table
    assert len(export_rows(pg, "facts")) == len(export_rows(lite, "facts"))
    pack = str((EXAMPLES / "westmere-cabinet-pack-2025-03-11.pdf").resolve())
    assert gather_pack(pg, pack) == gather_pack(lite, pack)
