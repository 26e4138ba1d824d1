"""Exports: the tables people ask for (papers, reports, recommendations, facts,
councils) as CSV, JSON Lines or Parquet, each row carrying the paper it came from so a
spreadsheet needs no joins. Parquet needs pyarrow (the ``parquet`` extra)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any, BinaryIO

from boardpapers.model.errors import BoardpapersError
from boardpapers.plugins import points
from boardpapers.publish.rows import sql_rows
from boardpapers.store import Store

PAPER = "d.path AS paper_path, d.title AS paper_title, d.date AS paper_date, d.body AS body"

# One SELECT per exported table; facts are every fact table under one set of columns.
QUERIES = {
    "papers": "SELECT d.id, d.path, d.format, d.pages, d.size, d.genre, d.title, d.body, "
              "d.authority, d.date, d.language, d.ingested_at FROM documents d "
              "ORDER BY d.date, d.path",
    "reports": f"SELECT r.doc_id, r.idx, r.title, r.agenda_item, r.purpose, r.summary, "
               f"r.confidential, {PAPER} FROM reports r JOIN documents d ON d.id = r.doc_id "
               "ORDER BY d.date, d.path, r.idx",
    "recommendations": f"SELECT x.doc_id, x.report_idx, x.idx, x.kind, x.text, "
                       f"r.title AS report_title, {PAPER} FROM recommendations x "
                       "JOIN documents d ON d.id = x.doc_id LEFT JOIN reports r ON "
                       "r.doc_id = x.doc_id AND r.idx = x.report_idx "
                       "ORDER BY d.date, d.path, x.report_idx, x.kind, x.idx",
}
TABLES = (*QUERIES, "facts", "councils")
FORMATS = ("csv", "ndjson", "parquet")


class ExportError(BoardpapersError):
    """An export that cannot be made (unknown table, missing pyarrow)."""


def export_rows(store: Store, table: str) -> list[dict[str, Any]]:
    """The rows of one exported table, in a stable order."""
    if table in QUERIES:
        return sql_rows(store, QUERIES[table], {})
    if table == "facts":
        return _facts(store)
    if table == "councils":
        from boardpapers.catalog import council_summary
        return [{k: (", ".join(v) if isinstance(v, list) else v) for k, v in row.items()}
                for row in council_summary(store, include_unlinked=True)]
    raise ExportError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")


def _facts(store: Store) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for spec in points().fact_kinds:  # each stored kind's value column, beside its text
        if spec.table is None:
            continue
        out.extend(sql_rows(store, f"SELECT x.doc_id, '{spec.name}' AS kind, x.idx, "
                            f"b.page, x.text, CAST(x.{spec.value} AS TEXT) AS value, "
                            f"{PAPER} FROM {spec.table} x "
                            "JOIN documents d ON d.id = x.doc_id LEFT JOIN blocks b ON "
                            "b.doc_id = x.doc_id AND b.idx = x.block "
                            "ORDER BY d.date, d.path, x.idx", {}))
    return out


def write_export(rows: list[dict[str, Any]], fmt: str, out: BinaryIO) -> None:
    """Write rows as CSV, JSON Lines (UTF-8) or Parquet to a binary stream."""
    if fmt == "parquet":
        _write_parquet(rows, out)
        return
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        if fmt == "csv":
            _write_csv(rows, text)
        else:
            text.writelines(_json_lines(rows))
        text.flush()
    finally:
        text.detach()  # the caller's stream stays open


def _write_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _json_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def _write_parquet(rows: list[dict[str, Any]], out: BinaryIO) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet needs pyarrow: pip install 'boardpapers[parquet]'") from None
    pq.write_table(pa.Table.from_pylist(rows), out)
