"""Command line: each command parses its arguments and calls one library function.

Errors the user can act on (BoardpapersError) become one line on stderr and exit 1/2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from boardpapers import __version__
from boardpapers.errors import BoardpapersError

if TYPE_CHECKING:
    from boardpapers.store import Store

app = typer.Typer(help="Read, understand and search UK local government board papers.",
                  no_args_is_help=True, add_completion=False)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # one line per failure, however long

_state: dict[str, Any] = {"db": None}


def _store(*, create: bool = False) -> Store:
    """The database named by --db / BOARDPAPERS_DB, or one clear line and exit 1; only
    ingest creates one (``create``), other commands refuse a file that is not one."""
    from boardpapers.store import Store
    try:
        return Store(_state["db"], create=create)
    except BoardpapersError as exc:
        _fail(exc)


def _stored_paper(store: Any, ref: str) -> dict[str, Any]:
    doc = store.find_document(ref)
    if doc is None:
        err.print(f"[red]error:[/red] no single stored paper matches {escape(ref)!r}")
        raise typer.Exit(1)
    return doc


def _fail(exc: BoardpapersError, code: int = 1) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(str(exc))}")
    raise typer.Exit(code)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


@app.callback()
def main(db: Annotated[str | None, typer.Option(
        "--db", help="Database URL or SQLite path (default: $BOARDPAPERS_DB or "
        "./boardpapers.db)")] = None,
         version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False
         ) -> None:
    if version:
        out.print(__version__)
        raise typer.Exit(0)
    _state["db"] = db


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
           workers: Annotated[int, typer.Option("--workers", "-w", min=1,
                                                help="Processes reading files.")] = 1,
           as_json: Annotated[bool, typer.Option("--json", help="Summary as JSON.")] = False,
           ) -> None:
    """Read, understand and store papers; files already stored are left alone."""
    from boardpapers.pipeline import ingest as run_ingest
    store = _store(create=True)
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                  disable=as_json or not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)
        summary = run_ingest(
            paths, store, workers=workers,
            on_total=lambda n: progress.update(task, total=n),
            on_outcome=lambda o: progress.update(task, advance=1,
                                                 description=Path(o.path).name[:40]))
    if as_json:
        _print_json(summary.to_json())
    else:
        for o in summary.failed:
            err.print(f"[red]failed:[/red] {escape(o.path)}: {escape(o.reason or '')}")
        out.print(f"{summary.count('ingested')} ingested, {summary.count('present')} already "
                  f"present, {summary.count('failed')} failed")
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def extract(files: Annotated[list[Path], typer.Argument(help="Papers to read.")],
            as_json: Annotated[bool, typer.Option("--json", help="JSON lines (default).")]
            = True,
            blocks: Annotated[bool, typer.Option(help="Include the layout blocks.")] = True,
            ) -> None:
    """Read and understand papers without a database: one JSON object per file."""
    from boardpapers.pipeline import process
    failed = False
    for path in files:
        try:
            paper = process(path)
        except BoardpapersError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            failed = True
            continue
        _print_json(paper.to_json(include_blocks=blocks))
    raise typer.Exit(1 if failed else 0)


@app.command()
def show(ref: Annotated[str, typer.Argument(help="Document id (or prefix) or path.")],
         as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Show a stored paper: what it is, its meeting, reports and recommendations."""
    store = _store()
    doc = _stored_paper(store, ref)
    doc["versions"] = store.report_versions(doc["id"])
    if as_json:
        _print_json(doc)
        return
    from boardpapers.show import render_paper
    render_paper(out, doc)


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts of stored documents, blocks, reports and facts."""
    try:
        numbers = _store().stats()
    except BoardpapersError as exc:
        _fail(exc)
    if as_json:
        _print_json(numbers)
        return
    table = Table("what", "count", title="boardpapers database")
    for key, value in numbers.items():
        if isinstance(value, dict):
            for k, v in value.items():
                table.add_row(f"{key}: {k}", str(v))
        else:
            table.add_row(key, str(value))
    out.print(table)


@app.command()
def reindex() -> None:
    """Rebuild the search index from the database (it also rebuilds itself when it finds
    itself out of step)."""
    try:
        n = _store().reindex()
    except BoardpapersError as exc:
        _fail(exc)
    out.print(f"{n} blocks indexed")


@app.command()
def search(query: Annotated[str, typer.Argument(help='Words, "phrases", -exclusions, OR, '
                                                'and field:value filters.')],
           as_json: Annotated[bool, typer.Option("--json")] = False,
           limit: Annotated[int, typer.Option(min=1, max=1000)] = 10,
           offset: Annotated[int, typer.Option(min=0)] = 0,
           body: Annotated[str | None, typer.Option(help="Board or body name.")] = None,
           genre: Annotated[str | None, typer.Option()] = None,
           since: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
           until: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
           section: Annotated[str | None, typer.Option(help="e.g. recommendations")] = None,
           council: Annotated[str | None, typer.Option(help="Council name or code.")]
           = None,
           has: Annotated[str | None, typer.Option(help="money, dates, metrics...")]
           = None) -> None:
    """Ranked full-text search with snippets, filters and facet counts."""
    from boardpapers.query import Filters, normalise_filter, parse_query
    from boardpapers.search import search as run_search
    given = {"body": body, "genre": genre, "since": since, "until": until,
             "section": section, "council": council, "has": has}
    try:
        filters = Filters(**{k: normalise_filter(k, v) for k, v in given.items() if v})
        parse_query(query, filters)  # a malformed query is exit 2 before any database
        result = run_search(_store(), query, filters=filters, limit=limit, offset=offset)
    except BoardpapersError as exc:
        _fail(exc, 2)
    if result.behind:
        err.print(f"note: an ingest is running; {result.behind} passages stored in the "
                  "last moments are not searchable yet")
    if as_json:
        _print_json(result.to_json())
        return
    from boardpapers.show import render_search
    render_search(out, result)


@app.command()
def facts(kind: Annotated[str, typer.Option("--kind", "-k", help="money, dates, metrics, "
                                            "contacts, people, councils")],
          body: Annotated[str | None, typer.Option()] = None,
          since: Annotated[str | None, typer.Option()] = None,
          until: Annotated[str | None, typer.Option()] = None,
          limit: Annotated[int, typer.Option(min=1)] = 1000,
          as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List extracted facts of one kind, with the paper and page they came from."""
    from boardpapers.catalog import list_facts
    try:
        rows = list_facts(_store(), kind, body=body, since=since, until=until, limit=limit)
    except BoardpapersError as exc:
        _fail(exc, 2)
    if as_json:
        _print_json(rows)
        return
    table = Table("fact", "value", "paper", "date", "page")
    for r in rows:
        value = {k: r[k] for k in list(r)[1:4]}
        table.add_row(escape(r["text"]), escape(str(value)), escape(r["title"] or r["path"]),
                      r["paper_date"] or "", str(r["page"] or ""))
    out.print(table)


@app.command()
def councils(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Councils mentioned across papers, linked to the register of UK local authorities."""
    from boardpapers.catalog import council_summary
    rows = council_summary(_store())
    if as_json:
        _print_json(rows)
        return
    table = Table("code", "council", "type", "region", "mentions", "papers")
    for r in rows:
        table.add_row(r["code"] or "-", escape(r["name"]), r["type"] or "",
                      r["region"] or "", str(r["mentions"]), str(r["papers"]))
    out.print(table)


@app.command()
def similar(ref: Annotated[str, typer.Argument(help="Document id (or prefix) or path.")],
            as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Papers related to this one by shared distinctive terms."""
    from boardpapers.catalog import similar as find_similar
    store = _store()
    doc = _stored_paper(store, ref)
    rows = find_similar(store, doc["id"])
    if as_json:
        _print_json(rows)
        return
    for r in rows:
        out.print(f"{r['doc_id'][:12]}  {r['date'] or '':10}  {r['genre']:12} "
                  f"{escape(r['title'] or r['path'])}")


if __name__ == "__main__":  # pragma: no cover
    app()
