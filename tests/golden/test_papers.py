"""Golden tests: every fixture paper and every seed against its expected JSON.

Fixture papers live in tests/fixtures/papers/ (written for the project in the house
styles of many councils); seeds are read from ../shared/seeds when present, with their
expected JSON kept here in tests/golden/seeds/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers.pipeline import process
from tests.conftest import FIXTURES, SEEDS
from tests.golden.harness import GoldenUpdate, check_golden, facts_view, fixture_papers, paper_view

PAPERS = FIXTURES / "papers"
SEED_EXPECTED = Path(__file__).parent / "seeds"
STAGES = {"paper": paper_view, "facts": facts_view}


def _cases() -> list[tuple[Path, Path]]:
    cases = [(p, PAPERS) for p in fixture_papers(PAPERS)]
    if SEEDS.is_dir():
        cases += [(p, SEED_EXPECTED) for p in sorted(SEEDS.iterdir()) if p.is_file()]
    return cases


@pytest.mark.parametrize("stage", sorted(STAGES))
@pytest.mark.parametrize("path,expected_dir", _cases(), ids=lambda v: getattr(v, "name", v))
def test_golden(path: Path, expected_dir: Path, stage: str, update_golden: GoldenUpdate) -> None:
    expected = expected_dir / f"{path.stem}.{stage}.json"
    check_golden(STAGES[stage](process(path)), expected, update_golden)
