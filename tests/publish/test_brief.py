"""brief and item add: the week's items are in the brief (and other weeks' are not), the
week's reports and recommendations, deadlines and meetings after the issue date; e-mail
HTML with inline CSS, plain text, and a PDF read back with pypdfium2 and rendered to PNG."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.publish.brief import gather_brief, render_brief, shorten
from boardpapers.store import Store, open_store

NORTHMOOR_TOP = ("SPENDING REVIEW: WHAT IT MEANS FOR COUNCILS",
                 "£39BN FOR SOCIAL AND AFFORDABLE HOMES", "VACANCY: REGIONAL SKILLS LEAD")


@pytest.fixture
def own_db(publish_db: Path, tmp_path: Path) -> Path:
    """A copy of the publishing store that a test may add items to."""
    db = tmp_path / "own.db"
    shutil.copy(publish_db, db)
    shutil.copytree(publish_db.with_name(publish_db.name + ".index"),
                    db.with_name(db.name + ".index"))
    return db


def headlines(brief_sections: object, title: str) -> list[str]:
    section = brief_sections.section(title)  # type: ignore[attr-defined]
    return [i.headline for i in section.items] if section else []


def test_the_weeks_briefing_items(publish_store: Store) -> None:
    brief = gather_brief(publish_store, "2025-06-13")
    assert brief.week_start == "2025-06-09" and brief.week_end == "2025-06-15"
    for headline in NORTHMOOR_TOP:
        assert headline in brief.top
    assert "VACANCY: REGIONAL SKILLS LEAD" in headlines(brief, "Vacancies")
    assert "EVENTS: MEMBERS' FINANCE MASTERCLASS" in headlines(
        brief, "Upcoming training and events")
    deadlines = {i.when: i.headline for i in brief.section("Deadlines").items}  # type: ignore
    assert "Closing date: 30 June 2025." in deadlines["2025-06-30"]
    assert all("2025-06-13" <= day <= "2025-07-11" for day in deadlines)
    next_week = gather_brief(publish_store, "2025-06-16")
    assert not set(NORTHMOOR_TOP) & set(next_week.top)


def test_the_weeks_reports_and_recommendations(publish_store: Store) -> None:
    brief = gather_brief(publish_store, "2025-03-12")  # the week of the Westmere pack
    with publish_store.connect() as conn:  # type: ignore[attr-defined]
        stored = conn.execute(text(
            "SELECT r.title, x.text FROM recommendations x JOIN reports r ON r.doc_id = "
            "x.doc_id AND r.idx = x.report_idx JOIN documents d ON d.id = x.doc_id WHERE "
            "d.date = '2025-03-11' AND x.kind = 'recommendation'")).all()
    assert stored
    decisions = brief.section("Up for decision")
    assert decisions is not None
    said = {i.headline: i.body for i in decisions.items}
    for title, rec in stored:
        assert rec in said[title]
    assert set(said) <= set(headlines(brief, "New reports"))
    meetings = brief.section("Meetings coming up")
    assert meetings and [m.when for m in meetings.items] == ["2025-04-08"]


def test_hand_added_items_lead_their_week(own_db: Path) -> None:
    runner = CliRunner()
    args = ["--db", str(own_db), "item", "add", "--headline", "Regional skills fund opens",
            "--body", "A fictional fund for member councils. Bids close in July.",
            "--link", "https://example.org/skills-fund", "--date", "2025-06-11"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0 and first.stdout.startswith("added"), first.output
    again = runner.invoke(app, args)
    assert again.stdout.startswith("already present")
    runner.invoke(app, ["--db", str(own_db), "item", "add", "--headline", "Later news",
                        "--date", "2025-06-18"])
    brief = gather_brief(open_store(str(own_db)), "2025-06-13")
    assert brief.top[0] == "Regional skills fund opens"
    item = brief.section("News").items[0]  # type: ignore[union-attr]
    assert item.links == ("https://example.org/skills-fund",)
    assert item.source == "added by hand"
    assert "Later news" not in brief.top
    bad = runner.invoke(app, ["--db", str(own_db), "item", "add", "--headline", "x",
                              "--date", "2025-13-01"])
    assert bad.exit_code == 2 and "not a date" in bad.output


def test_email_html_and_text(publish_store: Store) -> None:
    brief = gather_brief(publish_store, "2025-06-13", publisher="Northmoor Councils")
    html = render_brief(brief, "html")
    assert isinstance(html, str)
    assert "<style" not in html  # e-mail clients drop style sheets: CSS is inline
    assert 'style="' in html and "Top items this week" in html
    assert "&#39;" in html or "&#x27;" in html  # the masterclass's apostrophe is escaped
    plain = render_brief(brief, "txt")
    assert isinstance(plain, str) and "TOP ITEMS THIS WEEK" in plain
    assert "FRIDAY 13 JUNE 2025" in plain
    for headline in NORTHMOOR_TOP:
        assert headline in plain
    assert "https://www.northmoor.example.org.uk/vacancies/regional-skills-lead" in plain


def test_pdf_pages_text_and_png(publish_db: Path, tmp_path: Path, artifacts: Path) -> None:
    out = tmp_path / "brief.pdf"
    result = CliRunner().invoke(app, ["--db", str(publish_db), "brief", "--week", "2025-06-13",
                                      "--format", "pdf", "--out", str(out)])
    assert result.exit_code == 0, result.output
    pdf = pdfium.PdfDocument(str(out))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert len(pages) >= 2
    assert "Top items this week" in pages[0] and "POLICY BRIEF" in pages[0]
    whole = " ".join(" ".join(p.split()) for p in pages)
    for headline in NORTHMOOR_TOP:
        assert headline in whole
    assert f"Page 1 of {len(pages)}" in " ".join(pages[0].split())
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out),
                        str(artifacts / "brief")], check=True)
        png = sorted(artifacts.glob("brief*.png"))
        assert png and png[0].read_bytes()[:4] == b"\x89PNG"


def test_shorten_cuts_at_a_sentence() -> None:
    text = "First sentence here. " * 40
    short = shorten(text, 100)
    assert short.endswith(".") and len(short) <= 100
    assert shorten("short", 100) == "short"


def test_bad_week_and_format(publish_db: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["--db", str(publish_db), "brief", "--week", "June"])
    assert bad.exit_code == 2 and "not a date" in bad.output
    bad = runner.invoke(app, ["--db", str(publish_db), "brief", "--week", "2025-06-13",
                              "--format", "docx"])
    assert bad.exit_code == 2 and "md, html, txt, pdf" in bad.output


def test_email_holds_text_and_html(publish_store: Store) -> None:
    from email import message_from_bytes
    raw = render_brief(gather_brief(publish_store, "2025-06-13"), "eml")
    assert isinstance(raw, bytes)
    message = message_from_bytes(raw)
    assert message.get_content_type() == "multipart/alternative"
    parts = {p.get_content_type(): p.get_payload(decode=True).decode()
             for p in message.walk() if not p.is_multipart()}
    assert set(parts) == {"text/plain", "text/html"}
    assert "TOP ITEMS THIS WEEK" in parts["text/plain"]
    assert "Top items this week" in parts["text/html"]
    assert "2025-06-13" in message["Subject"]
