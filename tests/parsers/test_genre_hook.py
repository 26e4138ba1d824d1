"""Built-in genres are scored through the same hook an outside genre uses, and the shared
cue prefilter finds exactly what a plain scan of every cue finds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers import builtins, genre, plugins
from boardpapers.genre_cues import _TABLES, CueTable, score_cues
from boardpapers.genres import PaperLines, Signs, briefing, meetings, other, report
from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
from tests.parsers.report_layouts import report_layout
from tests.parsers.test_genre import AGENDA, REPORT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "genre"
BUILT_IN_TABLES = (report.CUES, meetings.AGENDA_CUES, meetings.AGENDA_AND_MINUTES_CUES,
                   meetings.MINUTES_CUES, briefing.BRIEFING_CUES, briefing.SUMMARY_CUES,
                   other.CUES)


def _layout(lines: tuple[str, ...] | list[str]) -> Layout:
    blocks, text = join_blocks([Block(BlockKind.PARAGRAPH, line) for line in lines])
    return Layout(Source("x.txt", "txt", "0" * 64, 1), blocks, text)


def test_every_built_in_genre_has_its_own_scorer() -> None:
    built = plugins.build((builtins.register,))
    assert all(spec.score for spec in built.genres)
    assert [spec.name for spec in built.genres if not spec.alone] == ["agenda_pack"]


def test_a_built_in_scorer_replaced_through_the_registry_changes_the_verdict(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The report's signs come only from its registered scorer: with a scorer that finds
    nothing in its place the same paper is no longer a report."""
    layout = report_layout(*REPORT)
    assert genre.classify(layout).genre == "report"

    def swap(points: plugins.Points) -> None:
        builtins.register(points)
        spec = points.genres.get("report")
        assert spec is not None
        points.genres._specs["report"] = dataclasses.replace(
            spec, score="boardpapers.genres.pack:score")  # a pack's signs: none here

    monkeypatch.setattr(genre, "points", lambda: plugins.build((swap,)))
    assert genre.classify(layout).genre != "report"
    assert "report" not in dict(genre.classify(layout).scores)


def test_decision_rules_break_a_tie_by_registration_order() -> None:
    signs = Signs()
    signs("briefing", 2.0, "a")
    signs("agenda", 2.0, "b")
    assert genre._best(signs) == "agenda"  # registered before briefing


def _plain_counts(table: CueTable, paper: PaperLines) -> dict[str, float]:
    """What the table's cues add with no prefilter: every pattern run over the text."""
    text = paper.text[:20_000]
    found: dict[str, float] = {}
    for cue in table:
        hay = text[:cue.front] if cue.front else text
        n = sum(1 for _ in cue.pattern.finditer(hay))
        if n:
            found[cue.genre] = found.get(cue.genre, 0) + min(cue.cap, cue.weight * n)
    return found


def _prefiltered_counts(table: CueTable, paper: PaperLines) -> dict[str, float]:
    signs = Signs()
    score_cues(paper, table, signs)
    return dict(signs.scores)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_shared_prefilter_finds_what_a_plain_scan_finds(path: Path) -> None:
    paper = PaperLines([(i, Block(BlockKind.PARAGRAPH, line), line) for i, line in
                        enumerate(x for x in path.read_text().splitlines() if x.strip())])
    for table in BUILT_IN_TABLES:
        assert _prefiltered_counts(table, paper) == pytest.approx(_plain_counts(table, paper))


_PHRASES = ["Purpose of the report", "it is recommended that the Cabinet", "RESOLVED:",
            "Present:", "Agenda", "you are summoned to attend", "Decision due:",
            "Dear Mr Smith,", "Yours sincerely", "In this issue", "annual review of support",
            "Minutes of the meeting of the Board held", "Members noted the update",
            "ordinary words of a paragraph", "Councillor Ann asked about the budget"]


_ASCII = st.characters(min_codepoint=32, max_codepoint=126)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES) | st.text(_ASCII, min_size=1, max_size=30),
                min_size=1, max_size=25))
def test_shared_prefilter_agrees_with_a_plain_scan_on_any_mix(lines: list[str]) -> None:
    paper = PaperLines.of(_layout(lines))
    for table in BUILT_IN_TABLES:
        assert _prefiltered_counts(table, paper) == pytest.approx(_plain_counts(table, paper))


def test_one_prefilter_serves_every_table() -> None:
    paper = PaperLines.of(_layout(AGENDA))
    genre.score(paper)
    offsets, _ = paper.memo("cue_candidates", lambda _: ((), set()))
    assert len(offsets) == len(_TABLES) >= len(BUILT_IN_TABLES)
