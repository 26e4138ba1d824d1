"""Command line: each command parses its arguments and calls one library function.

Errors the user can act on (BoardpapersError) become one line on stderr and exit 1/2.
Output follows one convention (output.py): JSON Lines for streams of records, one JSON
object for a single answer, ``--format csv`` wherever a table is printed. Imports of
the heavier libraries happen inside the commands that need them, so that ``search``
answers quickly from a cold start.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from boardpapers import __version__
from boardpapers.launch import hoist_global_options
from boardpapers.model.errors import BoardpapersError
from boardpapers.output import Format, chosen, write_json, write_ndjson, write_rows
from boardpapers.search import MAX_LIMIT

if TYPE_CHECKING:
    from boardpapers.store import Store

class _GlobalOptionsAnywhere(TyperGroup):
    """``boardpapers search x --db other.db`` works as well as ``--db other.db search x``:
    global options found after the subcommand are moved in front of it."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        for param in getattr(command, "params", ()):
            if isinstance(getattr(param, "help", None), str):
                param.help = registry_help(param.help)
        return command


def registry_help(text: str) -> str:
    """Help naming the registered fact kinds or genres (plugins' too) where it says
    {fact_kinds} or {genres}: read from the registry when the help is shown."""
    if "{" not in text:
        return text
    from boardpapers.plugins import points
    found = points()
    return (text.replace("{fact_kinds}", ", ".join(found.fact_kinds.names()))
            .replace("{genres}", ", ".join(found.genres.names())))


app = typer.Typer(help="Read, understand and search UK local government board papers.",
                  cls=_GlobalOptionsAnywhere, no_args_is_help=True, add_completion=False,
                  context_settings={"help_option_names": ["-h", "--help"]})

_state: dict[str, Any] = {"db": None}

from boardpapers.harvest.cli import (  # noqa: E402 - after app
    bind_database,
    harvest_app,
    watch,
)

app.add_typer(harvest_app, name="harvest")
app.command()(watch)
bind_database(lambda: _state["db"])

class Order(StrEnum):
    relevance = "relevance"
    date = "date"


FormatOption = Annotated[Format | None, typer.Option(
    "--format", "-f", case_sensitive=False, help="table (default), json or csv.")]
ReaderOption = Annotated[str | None, typer.Option(
    "--format", "-f", help="Read every file as this format whatever its extension says: "
    "pdf, docx, doc, html, md or txt (a saved mgAi.aspx page is html).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Same as --format json.")]


def _err(message: str) -> None:
    from rich.markup import escape

    from boardpapers.terminal import console
    console(stderr=True).print(f"[red]error:[/red] {escape(message)}")


def _fail(exc: BoardpapersError | str, code: int = 1) -> NoReturn:
    _err(str(exc))
    raise typer.Exit(code)


def _store(*, create: bool = False) -> Store:
    """The database named by --db / BOARDPAPERS_DB, or one clear line and exit 1; only
    ingest creates one (``create``), other commands refuse a file that is not one."""
    from boardpapers.store import open_store
    try:
        return open_store(_state["db"], create=create)
    except BoardpapersError as exc:
        _fail(exc)


def _stored_paper(store: Store, ref: str) -> dict[str, Any]:
    doc = store.get(ref)
    if doc is None:
        _fail(f"no single stored paper matches {ref!r} (give a path or 4+ characters "
              "of its id)")
    return doc


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(__version__ + "\n")
        raise typer.Exit(0)


@app.callback()
def main(db: Annotated[str | None, typer.Option(
        "--db", help="Database URL or SQLite path (default: $BOARDPAPERS_DB or "
        "./boardpapers.db). Accepted before or after the command.")] = None,
         version: Annotated[bool, typer.Option(
             "--version", callback=_version, is_eager=True,
             help="Print the version and exit.")] = False) -> None:
    _state["db"] = db


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
           workers: Annotated[int, typer.Option("--workers", "-w", min=1,
                                                help="Processes reading files.")] = 1,
           as_json: Annotated[bool, typer.Option("--json", help="Summary as JSON.")] = False,
           follow_symlinks: Annotated[bool, typer.Option(
               "--follow-symlinks", help="Follow links that lead out of the folders.")]
           = False,
           cluster: Annotated[str | None, typer.Option(
               "--cluster", help="Read on a Dask cluster: its scheduler's address "
               "(tcp://host:8786) instead of local --workers.")] = None,
           reader: ReaderOption = None,
           ) -> None:
    """Read, understand and store papers; files already stored are left alone."""
    from rich.markup import escape

    from boardpapers.pipeline import ingest as run_ingest
    from boardpapers.progress import IngestProgress
    from boardpapers.terminal import console
    err = console(stderr=True)
    store = _store(create=True)
    try:
        with IngestProgress(err, quiet=as_json) as progress:
            summary = run_ingest(paths, store, workers=workers,
                                 follow_symlinks=follow_symlinks, cluster=cluster,
                                 fmt=_reader_format(reader),
                                 on_total=progress.on_total, on_outcome=progress.on_outcome)
    except BoardpapersError as exc:  # the cluster could not be reached
        _fail(exc)
    progress.finish(summary)
    if as_json:
        write_json(summary.to_json())
    else:
        for o in summary.outcomes:
            if o.status in ("failed", "skipped"):
                err.print(f"[red]{o.status}:[/red] {escape(o.path)}: {escape(o.reason or '')}")
        sys.stdout.write(f"{summary.count('ingested')} ingested, {summary.count('present')} "
                         f"already present, {summary.count('failed')} failed, "
                         f"{summary.count('skipped')} skipped\n")
    raise typer.Exit(130 if summary.interrupted else 1 if summary.failed else 0)


@app.command()
def extract(files: Annotated[list[Path], typer.Argument(
                help="Papers to read; - reads one from standard input.")],
            as_json: Annotated[bool, typer.Option("--json", help="JSON Lines (the only "
                                                  "output; accepted for symmetry).")] = True,
            blocks: Annotated[bool, typer.Option(help="Include the layout blocks.")] = True,
            reader: ReaderOption = None,
            ) -> None:
    """Read and understand papers without a database: one JSON object per line per file."""
    from boardpapers import readers
    from boardpapers.pipeline import process, understand
    fmt = _reader_format(reader)
    failed = False
    for path in files:
        try:
            if str(path) == "-":
                data = sys.stdin.buffer.read()
                layout = readers.read_bytes(data, readers.source_of(data, "<stdin>", fmt))
                paper = understand(layout)
            else:
                paper = process(path, fmt)
        except BoardpapersError as exc:
            _err(str(exc))
            failed = True
            continue
        write_ndjson([paper.to_json(include_blocks=blocks)])
    raise typer.Exit(1 if failed else 0)


def _reader_format(name: str | None) -> str | None:
    if name is None:
        return None
    from boardpapers.readers import forced_format
    try:
        return forced_format(name)
    except BoardpapersError as exc:
        _fail(exc, 2)


@app.command()
def show(ref: Annotated[str, typer.Argument(help="A stored paper's path, or 4+ characters "
                                            "of its id.")],
         as_json: JsonOption = False) -> None:
    """Show a stored paper: what it is, its meeting, reports and recommendations."""
    store = _store()
    doc = _stored_paper(store, ref)
    doc["versions"] = store.report_versions(doc["id"])
    if as_json:
        write_json(doc)
        return
    from boardpapers.show import render_paper
    from boardpapers.terminal import console
    render_paper(console(), doc)


@app.command()
def stats(as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """Counts of stored documents, blocks, reports and facts."""
    try:
        numbers = _store().stats()
    except BoardpapersError as exc:
        _fail(exc)
    form = chosen(fmt, as_json)
    if form is Format.json:
        write_json(numbers)
        return
    rows: list[tuple[str, Any]] = []
    for key, value in numbers.items():
        if isinstance(value, dict):
            rows.extend((f"{key}: {k}", v) for k, v in value.items())
        else:
            rows.append((key, value))
    write_rows(form, ("what", "count"), rows, title="boardpapers database")


@app.command()
def reindex() -> None:
    """Rebuild the search index from the database (it also rebuilds itself when it finds
    itself out of step)."""
    try:
        n = _store().reindex()
    except BoardpapersError as exc:
        _fail(exc)
    sys.stdout.write(f"{n} blocks indexed\n")


@app.command()
def search(query: Annotated[str, typer.Argument(help='Words, "phrases", -exclusions, OR, '
                                                'and field:value filters.')] = "",
           as_json: JsonOption = False,
           fmt: FormatOption = None,
           limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT)] = 10,
           offset: Annotated[int, typer.Option(min=0)] = 0,
           body: Annotated[str | None, typer.Option(help="Board or body name.")] = None,
           genre: Annotated[str | None, typer.Option(help="{genres}")] = None,
           since: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
           until: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
           section: Annotated[str | None, typer.Option(help="e.g. recommendations")] = None,
           council: Annotated[str | None, typer.Option(
               help="Register code, GSS code or exact name: SHF, E08000019, Sheffield.")]
           = None,
           has: Annotated[str | None, typer.Option(
               help="A fact kind: {fact_kinds}.")]
           = None,
           sort: Annotated[Order, typer.Option(
               case_sensitive=False, help="relevance, or date (newest first).")]
           = Order.relevance,
           per_paper: Annotated[bool | None, typer.Option(
               "--per-paper/--passages", help="One hit per paper (its best passage), or "
               "every passage. Default: passages, or papers for filters alone.")] = None,
           copies: Annotated[bool, typer.Option(
               "--copies", help="Show every copy of a passage that appears in several "
               "papers, instead of one hit with a count.")] = False,
           undated: Annotated[bool, typer.Option(
               "--undated", help="With --since/--until: keep papers with no date too.")]
           = False) -> None:
    """Ranked full-text search with snippets, filters and facet counts.

    A query of filters alone (genre:report, council:SHF) lists what they select, newest
    first."""
    from boardpapers.search_command import SearchArgs, run_search
    given = {"body": body, "genre": genre, "since": since, "until": until,
             "section": section, "council": council, "has": has}
    args = SearchArgs(query=query, fmt=fmt, as_json=as_json, limit=limit, offset=offset,
                      filters=tuple((k, v) for k, v in given.items() if v is not None),
                      sort=sort.value, per_paper=per_paper, copies=copies, undated=undated)
    raise typer.Exit(run_search(_state["db"], args))


@app.command()
def facts(kind: Annotated[str, typer.Option("--kind", "-k",
                                            help="{fact_kinds}")],
          body: Annotated[str | None, typer.Option()] = None,
          since: Annotated[str | None, typer.Option()] = None,
          until: Annotated[str | None, typer.Option()] = None,
          limit: Annotated[int, typer.Option(min=1, help="Facts per page.")] = 100,
          offset: Annotated[int, typer.Option(min=0, help="Facts to skip.")] = 0,
          as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """List extracted facts of one kind, with the paper and page they came from."""
    from boardpapers.catalog import fact_value, list_facts
    try:
        page = list_facts(_store(), kind, body=body, since=since, until=until, limit=limit,
                          offset=offset)
    except BoardpapersError as exc:
        _fail(exc, 2)
    form = chosen(fmt, as_json)
    if form is Format.json:
        write_ndjson(page.rows)
    else:
        write_rows(form, ("fact", "value", "paper", "date", "page", "doc_id"),
                   [(r["text"], fact_value(r), r["paper"]["title"] or r["paper"]["path"],
                     r["paper"]["date"], r["page"], r["paper"]["id"][:12])
                    for r in page.rows])
    if page.more:
        sys.stderr.write(f"more facts follow: --offset {page.offset + len(page.rows)}\n")


@app.command()
def decisions(body: Annotated[str | None, typer.Option(help="Part of the board's name.")] = None,
              since: Annotated[str | None, typer.Option()] = None,
              until: Annotated[str | None, typer.Option()] = None,
              status: Annotated[str | None, typer.Option(
                  help="agreed, amended, deferred, rejected, noted, pending (or decided, "
                  "open)")] = None,
              as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """Each recommendation and what became of it: its report, meeting, status and the
    decision (for a deferral, the meeting it went to)."""
    from boardpapers.decisions.show import COLUMNS, row_cells
    from boardpapers.decisions.stored import recommendation_rows
    try:
        rows = recommendation_rows(_store(), body=body, since=since, until=until,
                                   status=status and status.lower())
    except BoardpapersError as exc:
        _fail(exc, 2)
    form = chosen(fmt, as_json)
    if form is Format.json:
        write_ndjson(rows)
    else:
        write_rows(form, COLUMNS, [row_cells(r) for r in rows])


@app.command()
def recommendation(rec_id: Annotated[str, typer.Argument(
                       metavar="ID", help="A recommendation's id, from `decisions`.")],
                   as_json: JsonOption = False) -> None:
    """One recommendation and its thread: the report's versions and every decision on it."""
    from boardpapers.decisions.show import thread_lines
    from boardpapers.decisions.stored import recommendation as thread_of
    try:
        thread = thread_of(_store(), rec_id)
    except BoardpapersError as exc:
        _fail(exc, 2)
    if thread is None:
        _fail(f"no recommendation {rec_id!r}", 2)
    if as_json:
        write_json(thread)
        return
    from boardpapers.files import printable
    for line in thread_lines(thread):
        print(printable(line))


@app.command()
def councils(as_json: JsonOption = False, fmt: FormatOption = None,
             unlinked: Annotated[bool, typer.Option(
                 "--unlinked", help="Also list names the register does not hold "
                 "(associations, partnerships).")] = False) -> None:
    """Councils mentioned across papers, linked to the register of UK local authorities."""
    from boardpapers.catalog import council_summary
    rows = council_summary(_store(), include_unlinked=unlinked)
    form = chosen(fmt, as_json)
    if form is Format.json:
        write_ndjson(rows)
        return
    write_rows(form, ("code", "gss", "council", "type", "region", "status", "mentions",
                      "papers"),
               [(r["code"] or "", r["gss"], r["name"], r["type"], r["region"],
                 _status(r), r["mentions"], r["papers"]) for r in rows])


def _status(council: dict[str, Any]) -> str:
    if not council["linked"]:
        return "not in register"
    if council["current"]:
        return "current"
    ended = f" {council['end_date']}" if council["end_date"] else ""
    into = f" → {', '.join(council['replaced_by'])}" if council["replaced_by"] else ""
    return f"abolished{ended}{into}"


@app.command()
def similar(ref: Annotated[str, typer.Argument(help="A stored paper's path, or 4+ "
                                               "characters of its id.")],
            as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """Papers related to this one by shared distinctive terms."""
    from boardpapers.catalog import similar as find_similar
    store = _store()
    doc = _stored_paper(store, ref)
    rows = find_similar(store, doc["id"])
    form = chosen(fmt, as_json)
    if form is Format.json:
        write_ndjson(rows)
        return
    write_rows(form, ("doc_id", "date", "genre", "title", "score"),
               [(r["doc_id"][:12], r["date"], r["genre"], r["title"] or r["path"],
                 r["score"]) for r in rows])


@app.command()
def delete(refs: Annotated[list[str], typer.Argument(
        help="Stored papers: paths, or 4+ characters of their ids.")]) -> None:
    """Remove stored papers and everything extracted from them (the files stay)."""
    store = _store()
    docs = [_stored_paper(store, ref) for ref in refs]  # all found before any is deleted
    for doc in docs:
        store.delete(doc["id"])
        sys.stdout.write(f"deleted {doc['id'][:12]} {doc['path']}\n")


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
          workers: Annotated[int, typer.Option(
              min=1, max=64, help="Server processes (one per core uses every core).")] = 1
          ) -> None:
    """Serve the web UI and the HTTP API (/api/v1, /openapi.json); uploads need
    BOARDPAPERS_TOKEN, and go to BOARDPAPERS_DATA (beside the database by default)."""
    from boardpapers.web.serve import run
    try:
        run(_state["db"], host, port, workers=workers,
            announce=lambda url: sys.stdout.write(f"serving on {url}\n"))
    except BoardpapersError as exc:
        _fail(exc)


# brief, item, pack, participation, ical, feed, export, datasette-metadata
import boardpapers.publish.commands  # noqa: E402,F401  (registers on ``app``)

if __name__ == "__main__":  # pragma: no cover
    app()
