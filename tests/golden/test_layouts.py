"""Golden tests for the readers: every reader fixture and seed against its layout JSON.

Reader fixtures live in tests/fixtures/readers/ (one or more per format); the seeds'
expected layouts live in tests/golden/seeds/ as SEEDSTEM.layout.json.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers import readers
from tests.conftest import FIXTURES, SEEDS
from tests.golden.harness import GoldenUpdate, check_golden, fixture_papers, layout_view

READER_FIXTURES = FIXTURES / "readers"
SEED_EXPECTED = Path(__file__).parent / "seeds"


def _cases() -> list[tuple[Path, Path]]:
    cases = [(p, READER_FIXTURES) for p in fixture_papers(READER_FIXTURES)]
    if SEEDS.is_dir():
        cases += [(p, SEED_EXPECTED) for p in sorted(SEEDS.iterdir()) if p.is_file()]
    return cases


@pytest.mark.parametrize("path,expected_dir", _cases(), ids=lambda v: getattr(v, "name", v))
def test_layout_golden(path: Path, expected_dir: Path, update_golden: GoldenUpdate) -> None:
    expected = expected_dir / f"{path.stem}.layout.json"
    check_golden(layout_view(readers.read(path)), expected, update_golden)
