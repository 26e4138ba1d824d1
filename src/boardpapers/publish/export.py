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
from boardpapers.store import Store

# The store gives these (Store.export_rows: facts are every fact kind under one
# set of columns); councils are the catalog's summary.
STORED = ("papers", "reports", "recommendations", "facts")
TABLES = (*STORED, "councils")
FORMATS = ("csv", "ndjson", "parquet")


class ExportError(BoardpapersError):
    """An export that cannot be made (unknown table, missing pyarrow)."""


def export_rows(store: Store, table: str) -> list[dict[str, Any]]:
    """The rows of one exported table, in a stable order."""
    if table in STORED:
        return store.export_rows(table)
    if table == "councils":
        from boardpapers.catalog import council_summary
        return [{k: (", ".join(v) if isinstance(v, list) else v) for k, v in row.items()}
                for row in council_summary(store, include_unlinked=True)]
    raise ExportError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")


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
