"""A plugin registered from outside, the way an installed package does it: an entry point
in the ``boardpapers`` group whose hook adds a reader, a genre and a fact kind. The
built-ins are registered through the same hook (builtins.register), checked here too."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from boardpapers import plugins, readers
from boardpapers.facts import extract
from boardpapers.genre import classify
from boardpapers.model.errors import BoardpapersError, QuerySyntaxError
from boardpapers.model.paper import paper_to_json
from boardpapers.parsers import parse
from boardpapers.query import normalise_filter
from boardpapers.store import schema

PLUGIN = '''
import re

from boardpapers.model.layout import Block, BlockKind, Layout, join_blocks
from boardpapers.plugins import FactKindSpec, GenreSpec, ReaderSpec


def register(points):
    points.readers.add(ReaderSpec("memo", (".memo",), "bp_sample_plugin:read",
                                  "bp_sample_plugin:sniff"))
    points.genres.add(GenreSpec("petition_response", "boardpapers.parsers.generic:parse_other",
                                score="bp_sample_plugin:score"))
    points.fact_kinds.add(FactKindSpec("petitions", "bp_sample_plugin:find"))


def sniff(data):
    return data.startswith(b"MEMO\\n")


def read(data, source):
    lines = [line for line in data.decode().splitlines()[1:] if line.strip()]
    blocks, text = join_blocks([Block(BlockKind.PARAGRAPH, line) for line in lines])
    return Layout(source, blocks, text)


def score(paper, signs):
    if "petition" in paper.text.lower():
        signs("petition_response", 6.0, "answers a petition")


PETITION = re.compile(r"\\bpetition no\\. ?(\\d+)", re.IGNORECASE)


def find(text, block):
    return [m.group(1) for m in PETITION.finditer(text)]
'''

MEMO = (b"MEMO\nResponse to Petition No. 41: the Orchard Lane crossing\n"
        b"The petition asked the council to add a zebra crossing on Orchard Lane in Ashby "
        b"Vale. Officers have surveyed the road and a crossing will be built this year.\n")


def _install(tmp_path: Path, module: str, body: str) -> None:
    """A package on sys.path with an entry point, as pip would leave it."""
    (tmp_path / f"{module}.py").write_text(body)
    info = tmp_path / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[boardpapers]\nsample = {module}:register\n")


@pytest.fixture
def fresh_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    plugins.points.cache_clear()
    yield
    plugins.points.cache_clear()


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              fresh_points: None) -> Iterator[Path]:
    _install(tmp_path, "bp_sample_plugin", PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop("bp_sample_plugin", None)


def test_a_plugin_reads_classifies_parses_and_finds_its_own_facts(installed: Path) -> None:
    path = installed / "crossing.memo"
    path.write_bytes(MEMO)
    layout = readers.read(path)
    classification = classify(layout)
    paper = extract(parse(layout, classification))
    assert layout.source.format == "memo"
    assert classification.genre == "petition_response"
    assert "answers a petition" in classification.evidence
    assert dict(paper.facts.extra) == {"petitions": ("41",)}
    assert paper_to_json(paper)["facts"]["petitions"] == ["41"]


def test_a_plugin_reader_is_found_by_first_bytes_and_by_name(installed: Path) -> None:
    assert readers.guess_format(MEMO) == "memo"
    assert readers.forced_format("MEMO") == "memo"
    assert ".memo" in readers.extensions()
    assert readers.is_supported(Path("x.memo"))
    assert normalise_filter("genre", "Petition response") == "petition_response"


def test_a_fact_kind_without_a_table_is_not_offered_to_search(installed: Path) -> None:
    with pytest.raises(QuerySyntaxError, match="unknown fact kind 'petitions'"):
        normalise_filter("has", "petitions")


def test_a_broken_plugin_is_named_in_one_line_and_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_points: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    _install(tmp_path, "bp_broken_plugin", "import bp_no_such_module\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    names = plugins.points().readers.names()
    err = capsys.readouterr().err.strip().splitlines()
    assert names == ("pdf", "docx", "doc", "html", "xml", "md", "image", "txt")
    assert len(err) == 1 and "plugin 'sample'" in err[0] and "bp_no_such_module" in err[0]


def test_a_name_registered_twice_is_refused() -> None:
    def again(points: plugins.Points) -> None:
        points.genres.add(plugins.GenreSpec("report", "x:y"))

    with pytest.raises(BoardpapersError, match="genre 'report' is registered twice"):
        plugins.build((plugins_builtins(), again))


def plugins_builtins() -> plugins.Hook:
    from boardpapers import builtins
    return builtins.register


def test_every_built_in_names_code_that_exists() -> None:
    built = plugins.build((plugins_builtins(),))
    refs = [s.read for s in built.readers] + [s.sniff for s in built.readers if s.sniff]
    refs += [s.parse for s in built.genres] + [s.find for s in built.fact_kinds]
    refs += [s.open for s in built.stores]
    for ref in refs:
        assert callable(plugins.resolve(ref)), ref


def test_built_in_fact_kinds_match_their_store_tables() -> None:
    built = plugins.build((plugins_builtins(),))
    assert set(schema.FACT_TABLES) == {s.name for s in built.fact_kinds}
    for spec in built.fact_kinds:
        table = schema.FACT_TABLES[spec.name]
        assert table.name == spec.table
        assert {*spec.columns, spec.value} <= set(table.c.keys()), spec.name
