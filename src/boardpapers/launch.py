"""The ``boardpapers`` program: a plain ``search`` is answered without importing Typer
(most of a cold start); every other command, and any search that needs Typer's help or
messages, goes to the full command line in ``cli.py``."""

from __future__ import annotations

import sys

# Global options a user may put before or after the subcommand; each takes one value
# unless listed in GLOBAL_FLAGS.
GLOBAL_OPTIONS = ("--db",)
GLOBAL_FLAGS = ("--version",)


def hoist_global_options(args: list[str]) -> list[str]:
    """Move global options (and their values) to the front; stop at ``--``."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_FLAGS:
            front.append(arg)
        elif name in GLOBAL_OPTIONS:
            front.append(arg)
            if "=" not in arg and i + 1 < len(args):
                front.append(args[i + 1])
                i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


def quick_search(argv: list[str]) -> int | None:
    """Run ``argv`` as a plain search and return its exit status, or None when it is not
    one (another command, a help request, anything the quick parser does not take)."""
    args = hoist_global_options(argv)
    db: str | None = None
    while args and args[0].split("=", 1)[0] == "--db":
        if "=" in args[0]:
            db, args = args[0].split("=", 1)[1], args[1:]
        elif len(args) > 1:
            db, args = args[1], args[2:]
        else:
            return None
    if not args or args[0] != "search":
        return None
    from boardpapers.search_command import parse_plain, run_search
    parsed = parse_plain(args[1:])
    return None if parsed is None else run_search(db, parsed)


def main() -> None:
    code = quick_search(sys.argv[1:])
    if code is not None:
        sys.stdout.flush()
        sys.exit(code)
    from boardpapers.cli import app
    app()
