"""The outputs over the seed papers (skipped when ../shared/seeds is absent): the seed
pack's next meeting and closing date in the calendar, the seed brief's week as a brief,
and the seed pack made again with the right agenda page numbers."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from icalendar import Calendar

from boardpapers.publish.brief import gather_brief
from boardpapers.publish.ical import all_events, to_ical
from boardpapers.publish.pack import gather_pack, render_pack
from boardpapers.store import Store, open_store
from tests.conftest import SEEDS, seed, stored_db

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return open_store(str(stored_db(tmp_path_factory.mktemp("seeds") / "seeds.db", [SEEDS])))


def test_next_meeting_and_closing_date(seed_store: Store) -> None:
    events = Calendar.from_ical(to_ical(all_events(seed_store))).walk("VEVENT")
    board = [e for e in events if str(e["SUMMARY"]) == "Improvement and Innovation Board"]
    starts = sorted(e["DTSTART"].dt for e in board)
    assert [(s.date(), s.hour, s.minute) for s in starts] == [
        (dt.date(2021, 3, 5), 11, 0), (dt.date(2021, 5, 20), 11, 0)]
    assert starts[1].utcoffset() == dt.timedelta(hours=1)  # 11.00 BST
    assert str(starts[1].tzinfo) == "Europe/London"
    closing = [e for e in events if e["DTSTART"].dt == dt.date(2021, 3, 10)]
    assert len(closing) == 1 and "closing date" in str(closing[0]["DESCRIPTION"])


def test_the_seed_briefs_week(seed_store: Store) -> None:
    brief = gather_brief(seed_store, "2024-08-23")
    assert len(brief.top) == 4
    assert any("ALSTOM" in t for t in brief.top)
    assert [i.headline for i in brief.section("Vacancies").items] == [  # type: ignore
        "UASC CARER RECRUITMENT CO-ORDINATOR"]
    events = brief.section("Upcoming training and events")
    assert events and "TRAINING" in events.items[0].headline
    assert all(i.links for i in brief.section("News").items)  # type: ignore[union-attr]


def test_seed_pack_page_numbers(seed_store: Store, tmp_path: Path) -> None:
    pack = gather_pack(seed_store, str(seed("002")))
    assert pack.date == "2021-03-05" and pack.time == "11:00" and len(pack.reports) == 4
    out = tmp_path / "pack.pdf"
    out.write_bytes(render_pack(pack, "pdf"))  # type: ignore[arg-type]
    pdf = pdfium.PdfDocument(str(out))
    pages = [pdf[i].get_textpage().get_text_range().replace("\r", "")
             for i in range(len(pdf))]
    pdf.close()
    agenda = next(p for p in pages if p.startswith("Agenda\n"))
    reports = {r.anchor: r for r in pack.reports}
    linked = [i for i in pack.items if i.anchor]
    assert [i.number for i in linked] == ["4", "5", "6", "8"]
    for item in linked:
        m = re.search(rf"^{item.number} {re.escape(item.title)}\n(?:[^\n]*\n)?(\d+)$",
                      agenda, re.M)  # the title, its presenters, then its page
        assert m, (item.title, agenda)
        page = " ".join(pages[int(m.group(1)) - 1].split())
        assert page.startswith(f"Agenda item {item.number} ")
        assert reports[item.anchor].title in page  # type: ignore[index]
