"""The end-to-end accuracy on the rendered corpus must not fall (bench/accuracy.py).

The floors sit a little below what the pipeline achieved when the corpus was written
(overall 89.7/100, genre 15/15 over 15 papers on 2026-11-25): raise them when accuracy
improves, never lower them to make a change pass. See /work/notes/accuracy-findings.md for
the failures.

The same papers as converted text (``tests/fixtures/corpus/text/NAME.VARIANT.txt``:
pdftotext, pdftotext -layout, PDF-to-Markdown, pandoc, Word plain text) have their own
floor: 89.8/100 over 54 variants, genre 53/54, on 2026-11-25 (was 73.8 before the text
reader learned space-aligned columns, lone markers and hyphenation).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OVERALL_FLOOR = 98.0  # 99.1 after pack report heads kept their author block and more
GENRE_FLOOR = 1.0
CONVERTED_TEXT_FLOOR = 98.0  # 96.9 after ModernGov text, packs and memberships as text; 99.6
# after pdftotext numbered headings, pandoc dashes/attributes/grid rules
CONVERTED_TEXT_GENRE_FLOOR = 0.95
VARIANT_FLOOR = 90.0  # each converter's own score (pdftotext plain is the weakest)
WIDE_FLOOR = 90.0  # the wide corpus (bench --wide): 69.0 at hand-over, 93.9 after CMIS pages,
WIDE_TEXT_FLOOR = 93.0  # NI/fire/mayoral attendance, police panels, notices; text 68.3 -> 83.9
# -> 96.3 once pdftotext packs found their reports and flattened attendance tables were read
# Genre on the wide corpus: 13/17 at hand-over, 17/17 (and 60/60 as converted text) once
# planning reports, records of decision, hearing notices and press releases had a home.
WIDE_GENRE_FLOOR = 1.0
WIDE_TEXT_GENRE_FLOOR = 0.98
WIDE_OVERALL_NOW = 96.0  # 99.1 rendered and 94.9 as text after the report/genre fixes
WIDE_TEXT_OVERALL_NOW = 94.0  # text 96.4 after the shapes-corpus fixes
# The shapes corpus (bench --shapes): 76.0 rendered and 68.7 as text when written; 100.0
# and 95.5 after the agenda/pack, report, contact and facts fixes it prompted.
SHAPES_FLOOR = 97.0
SHAPES_TEXT_FLOOR = 92.0


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def summary():
    return _accuracy_module().run()


@pytest.fixture(scope="module")
def converted():
    return _accuracy_module().run(converted_text=True)


def test_the_whole_corpus_is_scored(summary) -> None:
    assert len(summary.papers) >= 15
    assert not [name for name, p in summary.papers.items() if p["error"]]


def test_the_seed_family_corpus_is_in_the_default_run(summary) -> None:
    family = [n for n in summary.papers if n.startswith(("lga_", "emc_"))]
    assert len(family) >= 16, family


def test_overall_accuracy_stays_above_the_floor(summary) -> None:
    assert summary.overall >= OVERALL_FLOOR, summary.papers


def test_genre_accuracy_stays_above_the_floor(summary) -> None:
    assert summary.genre_accuracy >= GENRE_FLOOR - 1e-9


def test_facts_a_user_checks_are_found(summary) -> None:
    """Money, dates and council links were all found when the corpus was written."""
    for name in ("facts.money", "facts.dates"):
        assert summary.fields[name]["recall"] >= 0.95, name
    assert summary.fields["facts.councils"]["precision"] >= 0.9


def test_every_paper_is_scored_as_converted_text(converted) -> None:
    assert len(converted.papers) >= 3 * 15
    assert not [name for name, p in converted.papers.items() if p["error"]]
    assert {"pdftotext", "layout", "markdown", "pandoc", "word"} <= set(converted.variants)


def test_converted_text_accuracy_stays_above_its_floor(converted) -> None:
    assert converted.overall >= CONVERTED_TEXT_FLOOR, converted.papers
    assert converted.genre_accuracy >= CONVERTED_TEXT_GENRE_FLOOR
    low = {v: s for v, s in converted.variants.items() if s < VARIANT_FLOOR}
    assert not low, low


def test_wide_corpus_stays_above_its_floor() -> None:
    """Papers from the rest of UK local government (Scottish CMIS pages, NI minutes, police
    and crime panels, fire and combined authorities), rendered and as converted text."""
    acc = _accuracy_module()
    rendered = acc.run(wide=True)
    assert rendered.overall >= WIDE_FLOOR, rendered.papers
    as_text = acc.run(wide=True, converted_text=True)
    assert as_text.overall >= WIDE_TEXT_FLOOR, as_text.papers


def test_scorer_compares_by_meaning_not_by_layout() -> None:
    acc = _accuracy_module()
    assert acc.norm("approve the budget; and") == acc.norm("Approve the  budget")
    assert acc.norm_name("Councillor Amira Haddad (Chair)") == "amira haddad"
    assert acc.norm_phone("01632 960 418") == acc.norm_phone("01632960418")
    check = acc.listed("p", "f", ["a", "b"], ["b", "c"])
    assert (check.tp, check.fp, check.fn) == (1, 1, 1)
    assert acc.scalar("p", "f", "12 March", None).score == 0.0


def test_wide_corpus_genres_and_scores_after_the_genre_fixes() -> None:
    """Every wide paper lands in its genre (a planning report, a Word record of decision,
    a licensing notice, a press release included), rendered and as converted text."""
    acc = _accuracy_module()
    rendered = acc.run(wide=True)
    assert rendered.genre_accuracy >= WIDE_GENRE_FLOOR - 1e-9, rendered.papers
    assert rendered.overall >= WIDE_OVERALL_NOW, rendered.papers
    as_text = acc.run(wide=True, converted_text=True)
    assert as_text.genre_accuracy >= WIDE_TEXT_GENRE_FLOOR - 1e-9
    assert as_text.overall >= WIDE_TEXT_OVERALL_NOW, as_text.papers


def test_shapes_corpus_stays_above_its_floor() -> None:
    """Papers in shapes the others lack (a 42-page pack, a Welsh-only pack, a four-column
    cover sheet, boxed recommendations...), rendered and as converted text."""
    acc = _accuracy_module()
    rendered = acc.run(shapes=True)
    assert rendered.genre_accuracy >= 1.0 - 1e-9, rendered.papers
    assert rendered.overall >= SHAPES_FLOOR, rendered.papers
    as_text = acc.run(shapes=True, converted_text=True)
    assert as_text.overall >= SHAPES_TEXT_FLOOR, as_text.papers
