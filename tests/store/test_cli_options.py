"""The command line as a user meets it: global options anywhere, --version, -h, any-case
choices, read commands on a missing database, output shapes and formats."""

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boardpapers.cli import app, hoist_global_options

runner = CliRunner()

REPORT = """# Libraries Review

Report of the Director of Communities to the Cabinet, 4 March 2025.

## Purpose of report

For decision on Sunday opening.

## Summary

Three branch libraries will open on Sundays at a cost of £48,000 a year.

## Recommendations

That Cabinet approves Sunday opening at Aldport, Brinscombe and Calder libraries.

## Contact officer

The Rt Hon Margaret Example, Head of Libraries, margaret.example@example.gov.uk
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    d = tmp_path_factory.mktemp("cli")
    (d / "papers").mkdir()
    (d / "papers" / "libraries.md").write_text(REPORT, encoding="utf-8")
    path = str(d / "cli.db")
    r = runner.invoke(app, ["ingest", str(d / "papers"), "--db", path])
    assert r.exit_code == 0, r.output
    return path


def test_global_options_after_the_subcommand(db):
    before = runner.invoke(app, ["--db", db, "stats", "--json"])
    after = runner.invoke(app, ["stats", "--json", "--db", db])
    equals = runner.invoke(app, ["stats", f"--db={db}", "--json"])
    assert before.exit_code == after.exit_code == equals.exit_code == 0, after.output
    assert json.loads(before.stdout) == json.loads(after.stdout) == json.loads(equals.stdout)
    assert json.loads(after.stdout)["documents"] == 1


def test_hoisting_stops_at_double_dash():
    assert hoist_global_options(["search", "x", "--db", "a.db"]) == \
        ["--db", "a.db", "search", "x"]
    assert hoist_global_options(["search", "--", "--db"]) == ["search", "--", "--db"]


def test_version_alone_and_dash_h():
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == "0.1.0"
    r = runner.invoke(app, ["-h"])
    assert r.exit_code == 0 and "search" in r.stdout and "ingest" in r.stdout
    r = runner.invoke(app, ["search", "-h"])
    assert r.exit_code == 0 and "--council" in r.stdout


def test_choices_in_any_case(db):
    r = runner.invoke(app, ["search", "sundays", "--genre", "Report", "--section",
                            "Summary", "--json", "--db", db])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["total"] == 1
    r = runner.invoke(app, ["facts", "--kind", "Money", "--format", "CSV", "--db", db])
    assert r.exit_code == 0, r.output
    assert "£48,000" in r.stdout


def test_read_commands_on_a_missing_database_fail(tmp_path: Path):
    missing = tmp_path / "typo.db"
    for args in (["stats"], ["search", "x"], ["facts", "-k", "money"], ["councils"],
                 ["show", "abcd"], ["similar", "abcd"], ["reindex"]):
        r = runner.invoke(app, [*args, "--db", str(missing)])
        assert r.exit_code == 1, args
        assert "no database at" in r.output and str(missing) in r.output
    assert not missing.exists()
    assert not Path(str(missing) + ".index").exists()


def test_facts_people_keep_their_own_title(db):
    r = runner.invoke(app, ["facts", "-k", "people", "--json", "--db", db])
    people = [json.loads(line) for line in r.stdout.splitlines()]
    margaret = [p for p in people if p["name"] == "Margaret Example"]
    assert margaret and margaret[0]["title"] == "The Rt Hon"
    assert margaret[0]["paper"]["title"] == "Libraries Review"


def test_facts_json_has_extract_fields_and_real_booleans(db):
    r = runner.invoke(app, ["facts", "-k", "money", "--json", "--db", db])
    money = json.loads(r.stdout.splitlines()[0])
    assert money["fact"] == "money" and money["amount"] == 48000
    assert {"currency", "amount_max", "qualifier", "approximate"} <= set(money)
    assert money["approximate"] is False and money["currency"] == "GBP"
    assert money["page"] == 1 and len(money["paper"]["id"]) == 64


def test_facts_pages_and_says_when_more_follow(db):
    all_dates = runner.invoke(app, ["facts", "-k", "dates", "--json", "--db", db])
    n = len(all_dates.stdout.splitlines())
    assert n >= 1
    first = runner.invoke(app, ["facts", "-k", "contacts", "--json", "--limit", "1",
                                "--db", db])
    total = runner.invoke(app, ["facts", "-k", "contacts", "--json", "--db", db])
    if len(total.stdout.splitlines()) > 1:
        assert "more facts follow: --offset 1" in first.stderr
    nxt = runner.invoke(app, ["facts", "-k", "contacts", "--json", "--limit", "1",
                              "--offset", "1", "--db", db])
    assert nxt.stdout.splitlines() == total.stdout.splitlines()[1:2]


def test_piped_tables_are_plain_and_csv_parses(db):
    r = runner.invoke(app, ["facts", "-k", "money", "--db", db])
    assert r.exit_code == 0
    assert not set("┏┃━│─╭") & set(r.stdout)
    header, first = r.stdout.splitlines()[:2]
    assert header.split("\t")[:3] == ["fact", "value", "paper"]
    assert first.split("\t")[1] == "GBP 48,000 a year"
    r = runner.invoke(app, ["search", "sundays", "--format", "csv", "--db", db])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 3 and not any("<mark>" in row["snippet"] for row in rows)
    assert rows[0]["title"] == "Libraries Review"


def test_stream_commands_print_json_lines(db):
    r = runner.invoke(app, ["stats", "--json", "--db", db])
    assert isinstance(json.loads(r.stdout), dict)  # a single answer: one object
    r = runner.invoke(app, ["facts", "-k", "dates", "--json", "--db", db])
    for line in r.stdout.splitlines():
        assert isinstance(json.loads(line), dict)  # a stream: one object per line


def test_show_by_short_prefix_and_path_ending(db):
    found = json.loads(runner.invoke(app, ["search", "sundays", "--json", "--db", db]).stdout)
    doc_id = found["hits"][0]["document"]["id"]
    r = runner.invoke(app, ["show", doc_id[:4], "--json", "--db", db])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["id"] == doc_id
    r = runner.invoke(app, ["show", "papers/libraries.md", "--json", "--db", db])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["id"] == doc_id
    r = runner.invoke(app, ["show", "nothing-like-this", "--db", db])
    assert r.exit_code == 1 and "no single stored paper" in r.output


def test_delete_removes_a_paper_from_search_and_stats(tmp_path: Path):
    (tmp_path / "a.md").write_text(REPORT, encoding="utf-8")
    db = ["--db", str(tmp_path / "d.db")]
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.md"), *db]).exit_code == 0
    r = runner.invoke(app, ["delete", str(tmp_path / "a.md"), *db])
    assert r.exit_code == 0 and r.stdout.startswith("deleted ")
    assert json.loads(runner.invoke(app, ["stats", "--json", *db]).stdout)["documents"] == 0
    found = json.loads(runner.invoke(app, ["search", "sundays", "--json", *db]).stdout)
    assert found["total"] == 0
    r = runner.invoke(app, ["delete", "abcdef", *db])
    assert r.exit_code == 1 and "no single stored paper" in r.output


PAGE = ("<html><head><title>Cabinet - agenda</title></head><body><h1>Cabinet</h1>"
        "<p>Agenda item 4: Libraries Review. The Cabinet agreed Sunday opening.</p>"
        "</body></html>")


def test_unsupported_files_in_a_folder_are_reported_skipped(tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "libraries.md").write_text(REPORT, encoding="utf-8")
    (folder / "old.rtf").write_text("{\\rtf1 old}", encoding="utf-8")
    (folder / "mgAi.aspx").write_text(PAGE, encoding="utf-8")
    db = ["--db", str(tmp_path / "s.db")]
    r = runner.invoke(app, ["ingest", str(folder), *db])
    assert r.exit_code == 0, r.output
    assert "1 ingested, 0 already present, 0 failed, 2 skipped" in r.stdout
    assert "old.rtf: unsupported file type '.rtf'" in r.stderr
    r = runner.invoke(app, ["ingest", str(folder), "--json", *db])
    summary = json.loads(r.stdout)
    assert summary["skipped"] == 2
    assert sorted(Path(s["path"]).name for s in summary["skipped_files"]) == \
        ["mgAi.aspx", "old.rtf"]
    assert all("unsupported file type" in s["reason"] for s in summary["skipped_files"])


def test_format_forces_a_reader(tmp_path: Path):
    page = tmp_path / "mgAi.aspx"
    page.write_text(PAGE, encoding="utf-8")
    r = runner.invoke(app, ["extract", str(page)])
    assert r.exit_code == 1 and "unsupported file type '.aspx'" in r.output
    r = runner.invoke(app, ["extract", str(page), "--format", "HTML", "--no-blocks"])
    assert r.exit_code == 0, r.output
    paper = json.loads(r.stdout)
    assert paper["source"]["format"] == "html"
    db = ["--db", str(tmp_path / "f.db")]
    r = runner.invoke(app, ["ingest", str(page), "--format", "html", "--json", *db])
    assert json.loads(r.stdout)["ingested"] == 1
    r = runner.invoke(app, ["extract", str(page), "--format", "rtf"])
    assert r.exit_code == 2 and "unknown format 'rtf'" in r.output


def test_extract_reads_standard_input():
    r = runner.invoke(app, ["extract", "-", "--no-blocks"], input=REPORT.encode())
    assert r.exit_code == 0, r.output
    paper = json.loads(r.stdout)
    assert paper["source"]["path"] == "<stdin>" and paper["source"]["format"] == "md"
    assert paper["title"] == "Libraries Review"
    r = runner.invoke(app, ["extract", "-"], input=PAGE.encode())
    assert json.loads(r.stdout)["source"]["format"] == "html"
    r = runner.invoke(app, ["extract", "-"], input=b"")
    assert r.exit_code == 1 and "<stdin>: no input" in r.output


def test_a_moved_file_is_recorded_at_its_new_path(tmp_path: Path):
    old = tmp_path / "old" / "libraries.md"
    old.parent.mkdir()
    old.write_text(REPORT, encoding="utf-8")
    db = ["--db", str(tmp_path / "m.db")]
    assert runner.invoke(app, ["ingest", str(old), *db]).exit_code == 0
    new = tmp_path / "new" / "libraries-review.md"
    new.parent.mkdir()
    copy = tmp_path / "copy.md"
    copy.write_text(REPORT, encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(copy), "--json", *db])
    assert json.loads(r.stdout)["present"] == 1  # a copy: the original is still there
    assert json.loads(runner.invoke(app, ["show", str(old), "--json", *db]).stdout)
    old.rename(new)
    r = runner.invoke(app, ["ingest", str(new), *db])
    assert r.exit_code == 0 and "0 ingested, 1 already present" in r.stdout
    shown = json.loads(runner.invoke(app, ["show", str(new), "--json", *db]).stdout)
    assert shown["path"] == str(new)
    assert json.loads(runner.invoke(app, ["stats", "--json", *db]).stdout)["documents"] == 1


def _launch(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m boardpapers`` (the installed command's program), reporting whether
    Typer and SQLAlchemy were imported."""
    import sys
    code = ("import sys, runpy\nsys.argv = ['boardpapers', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('boardpapers', run_name='__main__')\n"
            "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
            "sys.stderr.write('imported:' + ','.join(m for m in ('typer', 'sqlalchemy') "
            "if m in sys.modules) + '\\n')\nsys.exit(code)\n")
    return subprocess.run([sys.executable, "-c", code, "--db", db, *args],
                          capture_output=True, text=True, check=False)


def test_a_plain_search_answers_without_typer_or_sqlalchemy(db):
    r = _launch(db, "search", "sundays", "--genre", "Report", "--per-paper", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["hits"][0]["document"]["genre"] == "report"
    assert "imported:\n" in r.stderr  # neither library was needed
    r = _launch(db, "search", "sundays", "--format", "csv", "--sort", "Date")
    assert r.returncode == 0 and r.stdout.startswith("doc_id,path,title"), r.stderr


def test_search_the_quick_parser_does_not_take_is_answered_by_typer(db):
    r = _launch(db, "search", "sundays", "--limit", "0")
    assert r.returncode == 2 and "--limit" in r.stderr and "typer" in r.stderr
    r = _launch(db, "search", "-h")
    assert r.returncode == 0 and "--council" in r.stdout
    r = _launch(db, "search", "since:soon")  # the quick route's own error, one line
    assert r.returncode == 2 and "error: since: expects a date" in r.stderr
    assert "typer" not in r.stderr


def test_quick_search_parser_takes_the_same_options_as_typer():
    import argparse

    import typer.main

    from boardpapers.search_command import _parser
    command = typer.main.get_command(app).commands["search"]  # type: ignore[attr-defined]
    typer_names = {o for p in command.params for o in (*p.opts, *p.secondary_opts)
                   if o.startswith("-") and o not in ("-h", "--help")}
    quick_names = {o for a in _parser()._actions if not isinstance(a, argparse._HelpAction)
                   for o in a.option_strings}
    assert quick_names == typer_names


def test_a_text_marks_its_pages_with_footers_or_says_it_has_none(tmp_path):
    footed = tmp_path / "footed.txt"
    footed.write_text("".join(f"Section {p}\n\nThe depot roof on site {p} needs repair.\n\n"
                              f"Page {p} of 3\n\n" for p in range(1, 4)), encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("Depot Roof\n\nThe depot roof needs repair.\n\n---\n\nMore text on "
                     "the depot.\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(footed), str(plain), "--no-blocks"])
    assert r.exit_code == 0, r.output
    sources = [json.loads(line)["source"] for line in r.stdout.splitlines()]
    assert sources[0]["pages"] == 3 and "paged" not in sources[0]
    assert sources[1]["pages"] == 1 and sources[1]["paged"] is False
    db = str(tmp_path / "pages.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(footed), str(plain)]).exit_code == 0
    found = json.loads(runner.invoke(app, ["--db", db, "search", "depot", "--json"]).stdout)
    pages = {h["document"]["path"].rsplit("/", 1)[-1]: h["page"] for h in found["hits"]}
    assert pages["plain.txt"] is None and pages["footed.txt"] in (1, 2, 3)
    text = runner.invoke(app, ["--db", db, "search", "depot", "--per-paper"]).stdout
    assert "page unknown" in text and "p.1" in text
