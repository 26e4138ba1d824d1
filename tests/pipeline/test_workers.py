"""The ingest worker pool: results for every file, a dead worker costs only its own file,
workers never outlive the parent, and Ctrl-C stops a batch with a summary."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from boardpapers.workers import DIED, PoolSettings, run_pool

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(sys.executable).with_name("boardpapers")


def double(n: int) -> int:
    return n * 2


def double_or_die(n: int) -> int:
    if n == 7:  # as the OOM killer would: no exception, no cleanup
        os.kill(os.getpid(), signal.SIGKILL)
    return n * 2


def _failed(reason: str) -> int:
    return -1 if reason == DIED else -2


def test_every_item_gets_its_result() -> None:
    got = dict(run_pool(double, list(range(40)), 2, _failed, PoolSettings(in_flight_per_worker=1)))
    assert got == {n: n * 2 for n in range(40)}


def test_a_dead_worker_fails_only_its_own_item() -> None:
    got = dict(run_pool(double_or_die, list(range(20)), 2, _failed))
    assert got[7] == -1
    assert {k: v for k, v in got.items() if k != 7} == {n: n * 2 for n in range(20) if n != 7}


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _wait_until(check, seconds: float = 20.0) -> bool:  # noqa: ANN001 - a test helper
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent("""
        import time
        from boardpapers.workers import run_pool

        def slow(n):
            time.sleep(600)
            return n

        for _ in run_pool(slow, list(range(4)), 2, str):
            pass
    """))
    parent = subprocess.Popen([sys.executable, str(script)], cwd=ROOT)
    try:
        assert _wait_until(lambda: len(_children(parent.pid)) >= 2, 300)
        workers = [p for p in _children(parent.pid) if _alive(p)]
    finally:
        parent.kill()
        parent.wait()
    assert workers
    assert _wait_until(lambda: not any(_alive(p) for p in workers)), "orphaned workers"


def _hear_ctrl_c() -> None:
    """A test run started in the background (as CI may start it) inherits SIGINT ignored;
    the ingest under test must hear Ctrl-C as a user's terminal would deliver it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_ingest_with_a_summary(tmp_path: Path) -> None:
    from bench.text_corpus import write_corpus
    write_corpus(tmp_path / "papers", 400)
    db = tmp_path / "b.db"
    run = subprocess.Popen([str(CLI), "--db", str(db), "ingest", str(tmp_path / "papers"),
                            "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, cwd=tmp_path, preexec_fn=_hear_ctrl_c)
    # generous: on a loaded machine start-up and hashing 400 files take a while
    assert _wait_until(lambda: len(_children(run.pid)) >= 2, 300)
    workers = _children(run.pid)
    time.sleep(1.0)  # let a few papers through
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=300)  # generous: a loaded machine is slow to exit
    assert run.returncode == 130, err
    assert "interrupted after" in err and "not started" in err
    assert "Traceback" not in err
    assert " ingested, " in out
    assert _wait_until(lambda: not any(_alive(p) for p in workers)), "workers left running"
