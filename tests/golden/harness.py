"""One golden-file convention for the whole suite.

A fixture paper ``NAME.EXT`` sits beside its expected JSON ``NAME.STAGE.json``:
``layout`` (what the reader makes), ``paper`` (genre, title, meeting, reports, items: the
parser's work) and ``facts`` (facts and tables: the extractors' work). Each stage's JSON is
compared whole; ``pytest --update-golden`` rewrites it on purpose, and the diff is reviewed
by hand before committing. A missing expected file fails (run with --update-golden once,
then review what it wrote).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from boardpapers.model.paper import Paper

PAPER_KEYS = ("genre", "language", "title", "body", "authority", "date", "meeting", "reports",
              "items")


def paper_view(paper: Paper) -> dict[str, Any]:
    """What the parsers are judged on: the paper without blocks, facts or tables."""
    out = paper.to_json(include_blocks=False)
    return {k: out[k] for k in PAPER_KEYS}


def facts_view(paper: Paper) -> dict[str, Any]:
    out = paper.to_json(include_blocks=False)
    return {"facts": out["facts"], "tables": out["tables"]}


def layout_view(paper_or_layout: Any) -> dict[str, Any]:
    layout = getattr(paper_or_layout, "layout", paper_or_layout)
    return {"pages": layout.source.pages, "blocks": [b.to_json() for b in layout.blocks]}


def check_golden(actual: dict[str, Any], expected_path: Path, update: bool) -> None:
    text = json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    if update:
        expected_path.write_text(text, encoding="utf-8")
        return
    if not expected_path.exists():
        pytest.fail(f"{expected_path} is missing: run pytest --update-golden and review it")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert json.loads(text) == expected, f"{expected_path.name} differs (see diff above)"


def fixture_papers(folder: Path) -> list[Path]:
    """Every fixture paper in a folder: files that are not expected JSON or sources."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.endswith(".json") and not p.name.startswith("."))
