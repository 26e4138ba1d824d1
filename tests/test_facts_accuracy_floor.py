"""Facts accuracy on the held-out facts corpus must not fall (bench/facts_accuracy.py).

Thirteen papers in ``tests/fixtures/corpus/facts`` (Word text, PDF-to-Markdown, LibreOffice
PDFs) with every fact listed by hand in ``NAME.facts-expect.json``. The floors sit a little
below what the pipeline reached when the corpus was written (see the comments); raise
them when accuracy improves, never lower them to make a change pass. The failures are
described in /work/notes/facts-findings.md.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

# kind: (precision floor, recall floor); measured when written -> after the fixes of the
# findings (money ranges, buildings named after people, county cricket clubs, shares in
# words, meeting dates in headers): precision / recall
FLOORS = {
    "money": (0.99, 0.99),     # 0.990 / 0.979 -> 1.000 / 1.000 (96 sums)
    "dates": (0.99, 0.99),     # 1.000 / 0.979 -> 1.000 / 1.000 (94 dates)
    "metrics": (0.99, 0.98),   # 1.000 / 0.875 -> 1.000 / 1.000 (64 metrics)
    "emails": (0.98, 0.98),    # 1.000 / 1.000 (21)
    "phones": (0.98, 0.98),    # 1.000 / 1.000 (30)
    "urls": (0.95, 0.95),      # 1.000 / 1.000 (12)
    "people": (0.98, 0.97),    # 0.915 / 0.894 -> 1.000 / 1.000 (47)
    "councils": (0.98, 0.97),  # 0.958 / 0.958 -> 1.000 / 1.000 (48)
}
# 0.72 -> 0.97: two left are debatable ('Spending Review – 11 June' as an event, a
# Christmas briefing 'w/c 8 December' as an event), one is the scorer pairing '17 March'
# with 'w/c 17 March'
DATE_KIND_FLOOR = 0.95
ROLE_FLOOR = 0.97  # 0.88 -> 1.00: roles on 'Position:' lines and before 'Cllr X'
TABLES_OK_FLOOR = 8  # of 8 tables, the consistent flag is right for all


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("facts_accuracy",
                                                  ROOT / "bench" / "facts_accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["facts_accuracy"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return _bench().run()


def test_the_corpus_is_all_there(result: dict[str, Any]) -> None:
    assert len(result["papers"]) >= 13
    assert not [p["name"] for p in result["papers"] if p["error"]]
    assert result["kinds"]["money"]["expected"] >= 90


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_precision_and_recall_per_kind(result: dict[str, Any], kind: str) -> None:
    score = result["kinds"][kind]
    precision, recall = FLOORS[kind]
    assert score["precision"] >= precision, (kind, score)
    assert score["recall"] >= recall, (kind, score)


def test_date_kinds(result: dict[str, Any]) -> None:
    assert result["kinds"]["dates"]["attribute_accuracy"] >= DATE_KIND_FLOOR


def test_roles_of_people(result: dict[str, Any]) -> None:
    assert result["kinds"]["people"]["attribute_accuracy"] >= ROLE_FLOOR


def test_table_totals_are_checked(result: dict[str, Any]) -> None:
    assert result["tables"]["ok"] >= TABLES_OK_FLOOR


def test_the_scorer_counts_a_wrong_value_as_a_miss_and_a_false_positive() -> None:
    bench = _bench()
    expected = [bench.Fact("£250,000 to £2 million", (250000, 2000000))]
    found = [bench.Fact("£250,000 to £2 million", (250000000000, 2000000))]
    score = bench.score_kind("money", expected, found)
    assert (score.matched_expected, len(score.false_positives)) == (0, 1)
    assert bench.score_kind("money", expected, [
        bench.Fact("£250,000 to £2 million", (250000, 2000000))]).recall == 1.0
