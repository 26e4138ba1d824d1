"""The README is the reference a user starts from: every command in it runs, and every
command's --help prints its own description."""


import re
import shlex
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from boardpapers.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def readme_commands() -> list[list[str]]:
    """Each `.venv/bin/boardpapers …` line of the README's shell blocks, as arguments."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith(".venv/bin/boardpapers "):
                out.append(shlex.split(line, comments=True)[1:])
    return out


def test_readme_has_examples_of_every_command():
    used = {args[0] for args in readme_commands()}
    assert {"ingest", "extract", "search", "show", "facts", "councils", "similar",
            "stats"} <= used


def test_every_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    env = {"BOARDPAPERS_DB": str(tmp_path / "readme.db")}
    commands = readme_commands()
    assert commands[0][0] == "ingest"  # the rest read what it stored
    for args in commands:
        r = runner.invoke(app, args, env=env)
        assert r.exit_code == 0, f"{shlex.join(args)}\n{r.output}"
        assert r.stdout.strip(), shlex.join(args)


def test_every_command_has_help():
    group = typer.main.get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert {"ingest", "search", "facts", "delete"} <= set(names)
    for name in names:
        for flag in ("--help", "-h"):
            r = runner.invoke(app, [name, flag])
            assert r.exit_code == 0, (name, r.output)
            summary = (group.commands[name].help or "").split("\n")[0]  # type: ignore
            assert summary.split()[0] in r.stdout, name


def _documented_text() -> str:
    docs = sorted((ROOT / "docs").glob("*.md"))
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *docs])


def test_every_command_and_option_in_help_is_documented():
    """Each command and each of its long options appears in the README or docs/."""
    text = _documented_text()
    group = typer.main.get_command(app)
    missing = [f"--{o.lstrip('-')}" for p in group.params for o in p.opts
               if o.startswith("--") and o not in text]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if not re.search(rf"\b{re.escape(name)}\b", text):
            missing.append(name)
        missing += [f"{name} {o}" for p in command.params for o in p.opts
                    if o.startswith("--") and o != "--help" and o not in text]
    assert not missing, f"not in README.md or docs/: {', '.join(missing)}"


def test_make_demo_leaves_nothing_untracked():
    import shutil
    import subprocess
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git work tree")
    for name in ("boardpapers.db", "boardpapers.db.index/", "boardpapers.db-wal"):
        r = subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT, check=False)
        assert r.returncode == 0, f"{name} is not ignored by .gitignore"
