"""``--update-golden NAME`` rewrites only the golden files named and says what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.harness import GoldenUpdate, changes, check_golden


def test_changes_name_each_path_that_differs() -> None:
    old = {"genre": "report", "items": [{"title": "A"}, {"title": "B"}], "gone": 1}
    new = {"genre": "agenda", "items": [{"title": "A"}, {"title": "C"}], "added": [1]}
    assert changes(old, new) == ['.genre: "report" -> "agenda"',
                                 '.items[1].title: "B" -> "C"',
                                 ".gone: 1 -> (absent)", ".added: (absent) -> [1]"]
    assert changes(new, new) == []


def test_only_the_named_file_is_rewritten(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    named, other = tmp_path / "alpha.paper.json", tmp_path / "beta.paper.json"
    for path in (named, other):
        path.write_text(json.dumps({"genre": "report"}))
    update = GoldenUpdate(frozenset({"alpha.paper.json"}))
    check_golden({"genre": "minutes"}, named, update)
    assert json.loads(named.read_text()) == {"genre": "minutes"}
    assert '.genre: "report" -> "minutes"' in capsys.readouterr().out
    with pytest.raises(AssertionError, match="beta.paper.json differs"):
        check_golden({"genre": "minutes"}, other, update)
    assert json.loads(other.read_text()) == {"genre": "report"}


def test_a_paper_name_covers_its_stages_and_no_other_paper() -> None:
    update = GoldenUpdate(frozenset({"alpha"}))
    assert update.covers(Path("alpha.paper.json")) and update.covers(Path("alpha.facts.json"))
    assert not update.covers(Path("alphabet.paper.json"))
