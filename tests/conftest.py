"""Shared fixtures: where the seeds and the project's own fixtures live."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden.harness import GoldenUpdate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (ROOT.parent / "shared" / "seeds").resolve()
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="append", default=[], metavar="NAME",
                     help="rewrite these golden files only (a file name such as "
                          "westmere.paper.json, or a paper's name for all its stages; "
                          "repeat or separate with commas), printing what changed in each")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> GoldenUpdate:
    names = frozenset(n.strip() for given in request.config.getoption("--update-golden")
                      for n in given.split(",") if n.strip())
    capture = request.config.pluginmanager.getplugin("capturemanager")
    return GoldenUpdate(names, capture)


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


def seed(name_prefix: str) -> Path:
    """Path of the seed whose file name starts with ``name_prefix`` ("002"), or skip."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    matches = sorted(SEEDS.glob(f"{name_prefix}*"))
    if not matches:
        pytest.skip(f"seed {name_prefix} not present")
    return matches[0]


def stored_db(db: Path, paths: list[Path]) -> Path:
    """A new SQLite database at ``db`` holding the papers under ``paths`` (none failing)."""
    from boardpapers.pipeline import ingest
    from boardpapers.store import open_store
    store = open_store(str(db), create=True)
    summary = ingest([p.resolve() for p in paths], store)
    assert not summary.failed, summary.failed
    store.close()
    return db
