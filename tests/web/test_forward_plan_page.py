"""A stored forward plan shows its notified decisions: in ``show`` (one line each, with
when, by whom and whether key) and on its web page, as ``extract --json`` gives them."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from boardpapers.show import paper_lines
from boardpapers.web.app import create_app
from boardpapers.web.settings import WebSettings
from tests.web.conftest import ingest_one

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "forward_plan" / \
    "notice_of_key_decisions.txt"


def test_a_forward_plan_shows_its_decisions(tmp_path: Path) -> None:
    store, doc, db = ingest_one(PLAN, tmp_path)
    lines = paper_lines(doc)
    assert "  other (forward_plan)  " in lines[1]
    start = lines.index("\n[bold]Decisions notified[/bold] (3)")
    assert lines[start + 1] == ("  • Sheltered Housing Warden Service Redesign  "
                                "[dim]due 2026-03-11, by Executive[/dim]  "
                                "[red]key decision[/red]")
    assert lines[start + 2] == "      lead member: Portfolio Holder for Housing and Communities"
    assert ("      contact: Tamsin Rowe, Head of Housing Needs, "
            "tamsin.rowe@harrowmere.example.gov.uk") in lines
    # a month is kept as written; a decision that is not key says so
    assert ("  • Community Grants Round 2026/27  [dim]due June 2026, by Director of "
            "Communities[/dim]  non-key") in lines
    assert "      wards: Eastbrook; Millhaven" in lines

    settings = WebSettings(db=f"sqlite:///{db}", data_dir=tmp_path / "data")
    with TestClient(create_app(settings, store)) as client:
        html = client.get(f"/papers/{doc['id']}").text
    assert 'id="entries-h">Decisions notified' in html
    assert ">Award of Waste Collection Vehicle Contract</a>" in html
    assert html.count('<strong class="flag">key decision</strong>') == 2
    assert "due June 2026 by Director of Communities" in html
    assert "Lead member: Portfolio Holder for Environment · Contact: Idris Langford" in html
