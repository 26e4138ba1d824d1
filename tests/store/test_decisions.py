"""What became of each recommendation, on both back ends: a meeting whose minutes decide
its pack's reports (agreed, amended, deferred to a later meeting whose minutes agree it),
the CLI's `decisions` and `recommendation ID`, and the seed pack with its report version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.decisions.stored import recommendation, recommendation_rows
from boardpapers.model.errors import QuerySyntaxError
from boardpapers.pipeline import ingest
from boardpapers.store import open_store
from tests.conftest import FIXTURES
from tests.store.conftest import UrlFactory

MARLOWFORD = FIXTURES / "decisions"
runner = CliRunner()


def _by_report(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["date"], r["report"]): r for r in rows if r["idx"] == 0}


def test_minutes_decide_the_pack_and_a_deferral_is_followed(store_url: UrlFactory) -> None:
    store = open_store(store_url("decided"), create=True)
    ingest(sorted(MARLOWFORD.iterdir()), store)
    rows = recommendation_rows(store)
    assert len(rows) == 6
    found = _by_report(rows)
    leisure = found[("2025-06-10", "Quarryside Leisure Centre Refurbishment")]
    assert (leisure["status"], leisure["link"], leisure["unsure"]) == ("agreed", "item", False)
    assert leisure["decision"].startswith("RESOLVED that the refurbishment")
    assert leisure["key_decision"] is True and leisure["decided_on"] == "2025-06-10"
    parking = found[("2025-06-10", "Town Centre Car Parking Charges")]
    assert parking["status"] == "amended" and "blue badge" in parking["amendment"]
    assert parking["votes"] == {"for": 3, "against": 1, "abstentions": None}
    grants = found[("2025-06-10", "Community Grants Scheme 2025/26")]
    # deferred on 10 June to 8 July, then agreed there: the thread says both
    assert (grants["status"], grants["decided_on"]) == ("agreed", "2025-07-08")
    assert (grants["deferred_to"], grants["deferred_date"]) == ("the meeting on 8 July 2025",
                                                              "2025-07-08")
    assert [d["outcome"] for d in grants["history"]] == ["deferred", "agreed"]
    assert grants["call_in_deadline"] == "2025-07-16"
    revised = found[("2025-07-08", "Community Grants Scheme 2025/26")]
    assert (revised["status"], revised["link"]) == ("agreed", "title")  # minute 22, item -
    assert revised["thread"] == grants["thread"] != leisure["thread"]
    thread = recommendation(store, grants["id"])
    assert thread is not None
    assert [(r["date"], r["report"]) for r in thread["reports"]] == [
        ("2025-06-10", "Community Grants Scheme 2025/26"),
        ("2025-07-08", "Community Grants Scheme 2025/26")]
    assert [(d["date"], d["outcome"], d["item"]) for d in thread["decisions"]] == [
        ("2025-06-10", "deferred", "6"), ("2025-07-08", "agreed", "22")]
    assert {r["status"] for r in recommendation_rows(store, status="amended")} == {"amended"}
    assert len(recommendation_rows(store, status="amended")) == 2
    assert recommendation_rows(store, status="pending") == []
    assert len(recommendation_rows(store, since="2025-07-01")) == 1
    with pytest.raises(QuerySyntaxError, match="unknown status"):
        recommendation_rows(store, status="maybe")
    assert recommendation(store, "ffffffffffff-0-r0") is None
    with pytest.raises(QuerySyntaxError, match="not a recommendation id"):
        recommendation(store, "ffff")


def test_without_its_minutes_a_recommendation_is_pending(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "p.db"), create=True)
    ingest([MARLOWFORD / "marlowford-cabinet-pack-2025-06-10.md"], store)
    rows = recommendation_rows(store)
    assert {r["status"] for r in rows} == {"pending"}
    assert all(r["decision"] is None and r["confidence"] is None for r in rows)


def test_a_link_by_wording_alone_is_unsure(tmp_path: Path) -> None:
    """Minutes that number their minutes apart from the agenda (31, 32…) and title the
    item differently are linked by wording; a weak match says it is unsure."""
    minutes = tmp_path / "minutes.md"
    source = (MARLOWFORD / "marlowford-cabinet-minutes-2025-06-10.md").read_text()
    for n in range(1, 7):
        source = source.replace(f"### {n}. ", f"### {30 + n}. ")
    minutes.write_text(source.replace("34. Quarryside Leisure Centre Refurbishment",
                                      "34. Pool hall works"))
    store = open_store(str(tmp_path / "w.db"), create=True)
    ingest([MARLOWFORD / "marlowford-cabinet-pack-2025-06-10.md", minutes], store)
    rows = recommendation_rows(store)
    leisure = [r for r in rows if r["report"] == "Quarryside Leisure Centre Refurbishment"]
    assert {(r["link"], r["status"], r["decision_item"]) for r in leisure} == {
        ("wording", "agreed", "34")}
    assert {r["link"] for r in rows if r not in leisure} == {"title"}
    assert not any(r["unsure"] for r in rows)
    # worded apart from the report, the second recommendation's link is unsure
    minutes.write_text(minutes.read_text().replace(
        "RESOLVED that the refurbishment of Quarryside Leisure Centre at a cost of £1.85m be "
        "approved and the award of the works contract be delegated to the Head of Leisure and "
        "Culture.", "RESOLVED that the refurbishment of Quarryside Leisure Centre go ahead, "
        "with the works contract awarded by the Head of Leisure."))
    store = open_store(str(tmp_path / "w2.db"), create=True)
    ingest([MARLOWFORD / "marlowford-cabinet-pack-2025-06-10.md", minutes], store)
    leisure = [r for r in recommendation_rows(store)
               if r["report"] == "Quarryside Leisure Centre Refurbishment"]
    assert [(r["status"], r["unsure"]) for r in leisure] == [("agreed", False),
                                                             ("agreed", True)]
    assert 0.55 <= leisure[1]["confidence"] < 0.7


def test_a_record_of_decision_decides_the_report(tmp_path: Path) -> None:
    """A cabinet member's record of decision, a week after the report to them."""
    store = open_store(str(tmp_path / "r.db"), create=True)
    ingest([FIXTURES / "decision_records" / "westbridge-lowbridge-report.md",
            FIXTURES / "corpus" / "wide" / "text" / "decision_record_county.word.txt"], store)
    rows = recommendation_rows(store)
    assert len(rows) == 2
    assert {(r["status"], r["link"], r["decided_on"]) for r in rows} == {
        ("agreed", "title", "2025-08-21")}
    first = rows[0]
    assert first["decision_maker"].startswith("Councillor Ian Moffatt")
    assert (first["key_decision"], first["call_in_deadline"], first["effective_date"]) == (
        True, "2025-08-29", "2025-08-30")
    assert first["resolution"].startswith("approve statutory consultation")
    assert rows[1]["resolution"].startswith("approve spending of £236,000")


def test_cli_decisions_and_recommendation(tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "c.db")]
    assert runner.invoke(app, [*db, "ingest", str(MARLOWFORD)]).exit_code == 0
    r = runner.invoke(app, [*db, "decisions", "--body", "cabinet", "--status", "AMENDED",
                            "--json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 2 and {x["status"] for x in rows} == {"amended"}
    table = runner.invoke(app, [*db, "decisions", "--format", "csv"]).stdout
    assert table.splitlines()[0].startswith("id,date,body,report,recommendation,status")
    grants = next(x for x in json.loads(
        "[" + ",".join(runner.invoke(app, [*db, "decisions", "--json", "--until",
                                           "2025-06-30"]).stdout.splitlines()) + "]")
        if x["deferred_to"])
    shown = runner.invoke(app, [*db, "recommendation", grants["id"]])
    assert shown.exit_code == 0
    assert "deferred Cabinet, item 6" in shown.stdout
    assert "agreed   Cabinet, item 22" in shown.stdout
    as_json = json.loads(runner.invoke(app, [*db, "recommendation", grants["id"],
                                             "--json"]).stdout)
    assert as_json["thread"] == grants["thread"] and len(as_json["reports"]) == 2
    bad = runner.invoke(app, [*db, "recommendation", "nonsense"])
    assert bad.exit_code == 2 and "not a recommendation id" in bad.output
    gone = runner.invoke(app, [*db, "recommendation", "ffffffffffff-0-r0"])
    assert gone.exit_code == 2 and "no recommendation" in gone.output
    assert runner.invoke(app, [*db, "decisions", "--status", "maybe"]).exit_code == 2


@pytest.mark.seeds
def test_the_seed_pack_and_its_report_version_are_one_thread(seeds_dir: Path,
                                                             tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"), create=True)
    ingest([seeds_dir / "002_aa75ec35f7d43c9f.txt", seeds_dir / "004_4b1c1edb086c99c9.txt"],
           store)
    rows = [r for r in recommendation_rows(store)
            if r["report"] == "Update on MoU activity in 2020/21" and r["kind"] ==
            "recommendation"]
    assert len(rows) == 2  # the pack's and the report's own
    assert len({r["thread"] for r in rows}) == 1
    assert {r["status"] for r in rows} == {"pending"}  # no minutes decide it
    thread = recommendation(store, rows[0]["id"])
    assert thread is not None
    assert {r["agenda_item"] for r in thread["reports"]} == {"8", None}


def test_a_database_from_before_decisions_gets_its_minutes_decisions(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    store = open_store(str(db), create=True)
    ingest([MARLOWFORD / "marlowford-cabinet-minutes-2025-06-10.md"], store)
    shutil.rmtree(tmp_path / "old.db.index", ignore_errors=True)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # as revision 0001 left it
        conn.execute(text("DROP TABLE decisions"))
        conn.execute(text("DROP TABLE IF EXISTS harvest"))  # made by revision 0003
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    engine.dispose()
    store = open_store(str(db))
    with store.connect() as conn:  # type: ignore[attr-defined]
        found = conn.execute(text("SELECT item, outcome FROM decisions ORDER BY idx")).all()
    assert [tuple(r) for r in found] == [("3", "agreed"), ("4", "agreed"), ("5", "amended"),
                                         ("6", "deferred")]
