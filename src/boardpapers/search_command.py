"""``boardpapers search`` itself, kept free of the command-line framework.

Typer (and the pydantic it imports) costs most of a cold start, so a plain search is
parsed here with argparse and answered without it (``launch.py`` decides); anything this
parser does not take as written — ``--help``, a mistyped option, a value out of range —
is handed to the Typer command, whose messages stay the only ones a user sees. Both
routes run ``run_search``.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from typing import Any

from boardpapers.model.errors import BoardpapersError
from boardpapers.output import Format, chosen, write_json, write_rows
from boardpapers.search import MAX_LIMIT, ORDERS

FILTERS = ("body", "genre", "since", "until", "section", "council", "has")
SEARCH_COLUMNS = ("doc_id", "path", "title", "genre", "date", "body", "page", "report",
                  "section", "heading", "snippet", "score", "copies", "passages")


@dataclass(frozen=True, slots=True)
class SearchArgs:
    """What a user asked ``search`` for, as both parsers hand it over."""

    query: str = ""
    fmt: Format | None = None
    as_json: bool = False
    limit: int = 10
    offset: int = 0
    filters: tuple[tuple[str, str], ...] = ()  # (name, value) as given
    sort: str = "relevance"
    per_paper: bool | None = None
    copies: bool = False
    undated: bool = False


def error_line(message: str) -> None:
    """One line on stderr, red on a terminal; control characters escaped."""
    from boardpapers.files import printable
    if sys.stderr.isatty():
        from rich.markup import escape

        from boardpapers.terminal import console
        console(stderr=True).print(f"[red]error:[/red] {escape(message)}")
    else:
        sys.stderr.write(f"error: {printable(message)}\n")


def run_search(db: str | None, args: SearchArgs) -> int:
    """Answer one search and print it; the exit status (2 for a malformed query, 1 when
    the database cannot be opened)."""
    from boardpapers.model.query import Filters
    from boardpapers.query import normalise_filter, parse_query
    from boardpapers.search import search
    try:
        values: dict[str, Any] = {k: normalise_filter(k, v) for k, v in args.filters}
        filters = Filters(**values, undated=args.undated)
        parse_query(args.query, filters)  # a malformed query is reported before the database
    except BoardpapersError as exc:
        error_line(str(exc))
        return 2
    try:
        searcher = _searcher(db)
    except BoardpapersError as exc:
        error_line(str(exc))
        return 1
    try:
        result = search(searcher, args.query, filters=filters, limit=args.limit,
                        offset=args.offset, order=args.sort, per_paper=args.per_paper,
                        collapse=not args.copies)
    except BoardpapersError as exc:
        error_line(str(exc))
        return 2
    _print_result(result, chosen(args.fmt, args.as_json))
    return 0


def _searcher(db: str | None) -> Any:
    """The quick read-only SQLite path when it can answer (no SQLAlchemy to import),
    else the full store."""
    from boardpapers.store import database_url, open_store
    from boardpapers.store.quick import quick_store
    return quick_store(database_url(db)) or open_store(db, create=False)


def _print_result(result: Any, form: Format) -> None:
    if result.behind:
        sys.stderr.write(f"note: an ingest is running; {result.behind} passages stored "
                         "in the last moments are not searchable yet\n")
    if form is Format.json:
        write_json(result.to_json())
    elif form is Format.csv:
        write_rows(form, SEARCH_COLUMNS, [_hit_row(h) for h in result.hits])
    elif not sys.stdout.isatty():
        from boardpapers.show import write_search_plain
        write_search_plain(result)
    else:
        from boardpapers.show import render_search
        from boardpapers.terminal import console
        render_search(console(), result)


def _hit_row(hit: Any) -> tuple[Any, ...]:
    return (hit.doc_id, hit.path, hit.title, hit.genre, hit.date, hit.body, hit.page,
            hit.report, hit.section, hit.heading, re.sub(r"</?mark>", "", hit.snippet),
            round(hit.score, 4), hit.copies, hit.passages)


class _NotPlain(Exception):
    """The arguments are not a plain search this parser takes: Typer answers them."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise _NotPlain(message)


def _parser() -> _Parser:
    ap = _Parser(prog="boardpapers search", add_help=False, allow_abbrev=False)
    ap.add_argument("query", nargs="?", default="")
    ap.add_argument("--json", dest="as_json", action="store_true")
    ap.add_argument("--format", "-f", dest="fmt", type=_choice(tuple(Format)))
    ap.add_argument("--limit", type=_bounded(1, MAX_LIMIT), default=10)
    ap.add_argument("--offset", type=_bounded(0, None), default=0)
    for name in FILTERS:
        ap.add_argument(f"--{name}")
    ap.add_argument("--sort", type=_choice(ORDERS), default="relevance")
    ap.add_argument("--per-paper", dest="per_paper", action="store_const", const=True)
    ap.add_argument("--passages", dest="per_paper", action="store_const", const=False)
    ap.add_argument("--copies", action="store_true")
    ap.add_argument("--undated", action="store_true")
    return ap


def _choice(names: tuple[str, ...]) -> Any:
    def check(value: str) -> str:
        if value.lower() not in names:
            raise ValueError(value)
        return value.lower()
    return check


def _bounded(low: int, high: int | None) -> Any:
    def check(value: str) -> int:
        n = int(value)
        if n < low or (high is not None and n > high):
            raise ValueError(value)
        return n
    return check


def parse_plain(argv: list[str]) -> SearchArgs | None:
    """The arguments after ``search`` as SearchArgs, or None when Typer must answer."""
    if any(a in ("-h", "--help", "--") for a in argv):
        return None
    try:
        ns = _parser().parse_args(argv)
    except _NotPlain:
        return None
    given = tuple((k, getattr(ns, k)) for k in FILTERS if getattr(ns, k) is not None)
    return SearchArgs(query=ns.query, fmt=Format(ns.fmt) if ns.fmt else None,
                      as_json=ns.as_json, limit=ns.limit, offset=ns.offset, filters=given,
                      sort=ns.sort, per_paper=ns.per_paper, copies=ns.copies,
                      undated=ns.undated)
