"""One golden-file convention for the whole suite.

A fixture paper ``NAME.EXT`` sits beside its expected JSON ``NAME.STAGE.json``:
``layout`` (what the reader makes), ``paper`` (genre, title, meeting, reports, items: the
parser's work) and ``facts`` (facts and tables: the extractors' work). Each stage's JSON is
compared whole. ``pytest --update-golden NAME`` rewrites only the files named (a file
such as ``westmere.paper.json``, or a paper's name for all its stages) and prints what
changed in each, path by path; the diff is reviewed by hand before committing. Nothing
else is rewritten: every other golden is still compared. A missing expected file fails
until it is named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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


@dataclass(frozen=True)
class GoldenUpdate:
    """The golden files named on the command line, and where to print what changed."""

    names: frozenset[str] = frozenset()
    capture: Any = None  # pytest's capture manager: the report is printed past capturing

    def covers(self, path: Path) -> bool:
        paper = path.name.rsplit(".", 2)[0]
        return path.name in self.names or paper in self.names

    def report(self, path: Path, changes: list[str]) -> None:
        lines = [f"--update-golden: {path.name}: "
                 + (f"{len(changes)} change(s)" if changes else "written, no change")]
        lines += [f"  {c}" for c in changes[:MAX_REPORTED]]
        if len(changes) > MAX_REPORTED:
            lines.append(f"  … and {len(changes) - MAX_REPORTED} more")
        if self.capture is None:
            print("\n".join(lines))
            return
        with self.capture.global_and_fixture_disabled():
            print("\n" + "\n".join(lines))


MAX_REPORTED = 40


def changes(old: Any, new: Any, where: str = "") -> list[str]:
    """Each place two JSON values differ, as ``path: old -> new`` (lists item by item)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return [c for k in dict.fromkeys([*old, *new])
                for c in changes(old.get(k, _ABSENT), new.get(k, _ABSENT), f"{where}.{k}")]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [c for i, (a, b) in enumerate(zip(old, new, strict=True))
                for c in changes(a, b, f"{where}[{i}]")]
    if old == new:
        return []
    return [f"{where or '.'}: {_short(old)} -> {_short(new)}"]


_ABSENT = "(absent)"


def _short(value: Any) -> str:
    text = value if value is _ABSENT else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


def check_golden(actual: dict[str, Any], expected_path: Path, update: GoldenUpdate) -> None:
    text = json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    if update.covers(expected_path):
        old = (json.loads(expected_path.read_text(encoding="utf-8"))
               if expected_path.exists() else _ABSENT)
        expected_path.write_text(text, encoding="utf-8")
        update.report(expected_path, changes(old, json.loads(text)))
        return
    if not expected_path.exists():
        pytest.fail(f"{expected_path} is missing: run pytest --update-golden "
                    f"{expected_path.name} and review it")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert json.loads(text) == expected, f"{expected_path.name} differs (see diff above); " \
        f"if on purpose: pytest --update-golden {expected_path.name}"


def fixture_papers(folder: Path) -> list[Path]:
    """Every fixture paper in a folder: files that are not expected JSON or sources."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.endswith(".json") and not p.name.startswith("."))
