"""A plugin registered from outside, the way an installed package does it: an entry point
in the ``boardpapers`` group whose hook adds a reader, a genre and a fact kind. The
built-ins are registered through the same hook (builtins.register), checked here too."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boardpapers import plugins, readers
from boardpapers.cli import app
from boardpapers.facts import extract
from boardpapers.genre import classify
from boardpapers.model.errors import BoardpapersError, QuerySyntaxError
from boardpapers.model.paper import paper_to_json
from boardpapers.parsers import parse
from boardpapers.query import normalise_filter
from boardpapers.store import schema
from tests.store.conftest import UrlFactory

runner = CliRunner()

PLUGIN = '''
import re
from dataclasses import dataclass

from boardpapers.model.layout import Block, BlockKind, Layout, join_blocks
from boardpapers.model.paper import Span
from boardpapers.plugins import FactKindSpec, GenreSpec, ReaderSpec


def register(points):
    points.readers.add(ReaderSpec("memo", (".memo",), "bp_sample_plugin:read",
                                  "bp_sample_plugin:sniff"))
    points.genres.add(GenreSpec("petition_response", "boardpapers.parsers.generic:parse_other",
                                score="bp_sample_plugin:score"))
    points.fact_kinds.add(FactKindSpec("petitions", "bp_sample_plugin:find"))
    points.fact_kinds.add(FactKindSpec("signatures", "bp_sample_plugin:find_signatures",
                                       columns=("count", "verified"), value="count"))


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


@dataclass(frozen=True)
class Signatures:
    text: str
    span: Span
    count: int
    verified: bool


SIGNED = re.compile(r"\\b(\\d+) (verified )?signatures\\b")


def find_signatures(text, block):
    return [Signatures(m.group(0), Span(block, m.start(), m.end()), int(m.group(1)),
                       bool(m.group(2))) for m in SIGNED.finditer(text)]
'''

MEMO = (b"MEMO\nResponse to Petition No. 41: the Orchard Lane crossing\n"
        b"The petition asked the council to add a zebra crossing on Orchard Lane in Ashby "
        b"Vale. Officers have surveyed the road and a crossing will be built this year.\n"
        b"It was handed in with 312 verified signatures.\n")


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
    assert dict(paper.facts.extra)["petitions"] == ("41",)
    assert paper_to_json(paper)["facts"]["petitions"] == ["41"]
    assert paper_to_json(paper)["facts"]["signatures"] == [{
        "text": "312 verified signatures", "span": {"block": 2, "start": 22, "end": 45},
        "count": 312, "verified": True}]


def test_a_plugin_reader_is_found_by_first_bytes_and_by_name(installed: Path) -> None:
    assert readers.guess_format(MEMO) == "memo"
    assert readers.forced_format("MEMO") == "memo"
    assert ".memo" in readers.extensions()
    assert readers.is_supported(Path("x.memo"))
    assert normalise_filter("genre", "Petition response") == "petition_response"


def test_every_registered_fact_kind_is_offered_to_search(installed: Path) -> None:
    assert normalise_filter("has", "Petitions") == "petitions"
    assert "petitions" in plugins.stored_fact_kinds()
    with pytest.raises(QuerySyntaxError, match="unknown fact kind 'pledges'"):
        normalise_filter("has", "pledges")
    assert "signatures" in plugins.stored_fact_kinds()


def test_a_plugins_fact_kind_is_stored_searched_listed_and_exported(
        installed: Path, store_url: UrlFactory) -> None:
    """The plugin's kind has no table of its own: it is kept in facts_extra, on SQLite
    and on PostgreSQL alike, and every way of asking for facts finds it."""
    crossing, other = installed / "crossing.memo", installed / "other.memo"
    crossing.write_bytes(MEMO)
    other.write_bytes(b"MEMO\nOrchard Lane resurfacing\nThe road will be resurfaced in "
                      b"May at a cost of \xc2\xa340,000.\n")
    db = ["--db", store_url("plugin")]
    done = runner.invoke(app, [*db, "ingest", str(crossing), str(other)])
    assert done.exit_code == 0, done.output
    found = json.loads(runner.invoke(app, [*db, "search", "has:petitions", "--json"]).stdout)
    assert [h["document"]["path"] for h in found["hits"]] == [str(crossing)]
    assert "Petition No. 41" in found["hits"][0]["snippet"].replace("<mark>", "")
    assert json.loads(runner.invoke(app, [*db, "search", "crossing has:money", "--json"]
                                    ).stdout)["total"] == 0
    listed = runner.invoke(app, [*db, "facts", "--kind", "Petitions", "--json"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["fact"], r["text"], r["value"], r["paper"]["path"], r["block"])
            for r in rows] == [("petitions", "41", "41", str(crossing), 0)]
    assert MEMO.decode().splitlines()[1][rows[0]["start"]:rows[0]["end"]] == "41"
    signed = [json.loads(line) for line in runner.invoke(
        app, [*db, "facts", "--kind", "signatures", "--json"]).stdout.splitlines()]
    assert [(r["text"], r["count"], r["verified"], r["block"], r["start"]) for r in signed
            ] == [("312 verified signatures", 312, True, 2, 22)]
    table = runner.invoke(app, [*db, "facts", "--kind", "signatures"]).stdout
    assert "312 verified signatures" in table and "312" in table.replace("312 verified", "")
    exported = runner.invoke(app, [*db, "export", "facts", "--format", "ndjson"])
    facts = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [(f["kind"], f["text"], f["value"], f["paper_path"]) for f in facts
            if f["kind"] in ("petitions", "signatures")] == [
        ("petitions", "41", "41", str(crossing)),
        ("signatures", "312 verified signatures", "312", str(crossing))]
    assert {"petitions", "signatures", "money"} <= {f["kind"] for f in facts}
    stats = json.loads(runner.invoke(app, [*db, "stats", "--json"]).stdout)
    assert stats["facts"]["petitions"] == 1 and stats["facts"]["money"] == 1
    assert json.loads(runner.invoke(app, [*db, "search", "verified has:signatures",
                                          "--json"]).stdout)["total"] == 1
    assert "petitions" in runner.invoke(app, ["facts", "--help"]).stdout


def test_a_stored_plugin_fact_goes_with_its_paper(installed: Path,
                                                 store_url: UrlFactory) -> None:
    path = installed / "crossing.memo"
    path.write_bytes(MEMO)
    db = ["--db", store_url("gone")]
    assert runner.invoke(app, [*db, "ingest", str(path)]).exit_code == 0
    assert runner.invoke(app, [*db, "delete", str(path)]).exit_code == 0
    listed = runner.invoke(app, [*db, "facts", "--kind", "petitions", "--json"])
    assert listed.exit_code == 0 and listed.stdout.strip() == ""


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


def test_built_in_fact_kinds_match_their_store_tables(fresh_points: None) -> None:
    built = plugins.points()
    tables = schema.fact_tables()
    assert set(tables) == {s.name for s in built.fact_kinds}
    assert {t.name for t in schema.OWN_FACT_TABLES} == {s.table for s in built.fact_kinds}
    for spec in built.fact_kinds:
        table = tables[spec.name]
        assert table.name == spec.table
        assert {*spec.columns, spec.value} <= set(table.c.keys()), spec.name


def test_a_plugins_fact_kind_is_kept_in_facts_extra(installed: Path) -> None:
    assert schema.fact_tables()["petitions"] is schema.facts_extra
    assert schema.facts_extra in schema.DERIVED_TABLES


def test_a_plugins_facts_show_on_the_paper_page(installed: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from boardpapers.store import open_store
    from boardpapers.web.app import create_app
    from boardpapers.web.settings import WebSettings

    path = installed / "crossing.memo"
    path.write_bytes(MEMO)
    db = tmp_path / "web.db"
    assert runner.invoke(app, ["--db", str(db), "ingest", str(path)]).exit_code == 0
    store = open_store(str(db))
    doc_id = store.get(str(path))["id"]  # type: ignore[index]
    settings = WebSettings(db=store.url, data_dir=tmp_path / "data")
    with TestClient(create_app(settings, store)) as client:
        page = client.get(f"/papers/{doc_id}").text
    store.close()
    sidebar = page[page.index('<aside class="facts"'):]
    assert 'id="fk-petitions"' in sidebar and 'id="fk-signatures"' in sidebar
    assert '<a href="#t-petitions-0">41</a>' in sidebar
    assert '<a href="#t-signatures-0">312 verified signatures</a>' in sidebar
