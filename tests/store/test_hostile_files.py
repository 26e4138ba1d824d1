"""File-system oddities in an ingested folder: links out of the tree, devices and FIFOs,
names that are not UTF-8, control characters, folders that cannot be read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.files import display_path, printable
from boardpapers.pipeline import ingest
from boardpapers.store import open_store

runner = CliRunner()
TEXT = ("Parks Strategy\n\nPurpose of report\nFor decision.\n\nSummary\n"
        "Two new parks will open in the spring.\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "parks.txt").write_text(TEXT, encoding="utf-8")
    return papers


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Private\n\nThe door code is 4711 and nobody must know it.\n")
    return secret


def test_a_link_out_of_the_folder_is_skipped_unless_asked(tmp_path, folder):
    secret = _secret(tmp_path)
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "parks.txt")  # stays in the tree
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    summary = ingest([folder], store)
    skipped = {Path(o.path).name: o.reason for o in summary.outcomes if o.status == "skipped"}
    assert set(skipped) == {"passwd.txt", "elsewhere"}
    assert all("--follow-symlinks" in (r or "") for r in skipped.values())
    assert summary.count("failed") == 0 and summary.count("ingested") == 1
    followed = ingest([folder], open_store(f"sqlite:///{tmp_path / 'b.db'}"), follow_symlinks=True)
    assert followed.count("ingested") == 2 and followed.count("skipped") == 0


def test_a_fifo_or_device_is_never_opened_and_the_batch_goes_on(tmp_path, folder):
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    summary = ingest([folder], store, follow_symlinks=True)  # following, still not read
    reasons = {Path(o.path).name: (o.status, o.reason) for o in summary.outcomes}
    assert reasons["pipe.txt"][0] == "skipped" and "FIFO" in reasons["pipe.txt"][1]
    assert reasons["zero.txt"][0] == "skipped" and "device" in reasons["zero.txt"][1]
    assert reasons["parks.txt"][0] == "ingested"
    named = ingest([folder / "pipe.txt"], store)  # named explicitly: refused, not opened
    assert named.count("failed") == 1


def test_a_name_that_is_not_utf8_is_stored_and_shown_faithfully(tmp_path, folder):
    raw = os.fsencode(folder) + b"/caf\xe9 \xff report.txt"
    with open(raw, "wb") as fh:
        fh.write(TEXT.replace("Two", "Three").encode())
    db = ["--db", str(tmp_path / "n.db")]
    r = runner.invoke(app, [*db, "ingest", str(folder), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["ingested"] == 2
    found = json.loads(runner.invoke(app, [*db, "search", "parks", "--json"]).stdout)
    paths = sorted(h["document"]["path"] for h in found["hits"])
    assert any(p.endswith("caf\\xe9 \\xff report.txt") for p in paths)


def test_control_characters_never_reach_the_terminal_raw(tmp_path, folder):
    (folder / "x\x1b[2J.txt").write_text("", encoding="utf-8")  # empty: fails, named
    r = runner.invoke(app, ["--db", str(tmp_path / "c.db"), "ingest", str(folder)])
    assert "\x1b" not in r.output and "x\\x1b[2J.txt" in r.output
    assert printable("a\x1b[31mb\x07\u202e") == "a\\x1b[31mb\\x07\\u202e"
    assert printable("tab\tand\nline") == "tab\tand\nline"
    assert display_path(os.fsdecode(b"a\xffb")) == "a\\xffb"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_that_cannot_be_read_is_reported(tmp_path, folder):
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        summary = ingest([folder], open_store(f"sqlite:///{tmp_path / 'a.db'}"))
    finally:
        locked.chmod(0o755)
    assert any(o.status == "skipped" and "folder not read" in (o.reason or "")
               for o in summary.outcomes)
