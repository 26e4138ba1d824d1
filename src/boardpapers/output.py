"""How commands print what they answer: one convention for every command.

A stream of records (``extract``, ``facts``, ``councils``, ``similar``) prints JSON Lines,
one object per line, so it can be piped into ``jq -c``, ``grep`` or a loader without
reading it all first; a single answer (``search``, ``stats``, ``show``, ``ingest``)
prints one JSON object. Wherever a table is printed, ``--format csv`` prints the same
columns as CSV. A table goes to a terminal with Rich; piped, it is plain tab-separated
text with a header line, never box-drawing characters or wrapped cells.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from boardpapers.files import printable
from boardpapers.vocab.text import fold


class Format(StrEnum):
    """Output formats a table-printing command accepts (case-insensitive)."""

    table = "table"
    json = "json"
    csv = "csv"


def chosen(fmt: Format | None, as_json: bool) -> Format:
    """``--json`` is short for ``--format json``."""
    return Format.json if as_json else (fmt or Format.table)


# What json.dumps leaves raw besides printable text (it escapes only C0 controls): DEL
# and C1 controls (U+009B starts a terminal escape sequence like ESC [), the line and
# paragraph separators and bidi overrides. Each becomes a \uXXXX escape: the same JSON.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_line(value: Any) -> str:
    """One JSON value on one line, non-ASCII text kept readable, controls escaped."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}",
                            json.dumps(value, ensure_ascii=False))


def write_json(value: Any) -> None:
    """A single answer: one JSON object on one line."""
    sys.stdout.write(json_line(value) + "\n")


def write_ndjson(rows: Iterable[Any]) -> None:
    """A stream of records: one JSON object per line (JSON Lines)."""
    for row in rows:
        sys.stdout.write(json_line(row) + "\n")


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])


def write_table(columns: Sequence[str], rows: Iterable[Sequence[Any]],
                title: str | None = None) -> None:
    """Rich on a terminal; tab-separated plain lines when piped or redirected."""
    from boardpapers.terminal import console as safe_console
    console = safe_console()
    if not console.is_terminal:
        sys.stdout.write("\t".join(columns) + "\n")
        for row in rows:
            sys.stdout.write("\t".join(_cell(v) for v in row) + "\n")
        return
    from rich.markup import escape
    from rich.table import Table
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*(escape(_cell(v)) for v in row))
    console.print(table)


def write_rows(fmt: Format, columns: Sequence[str], rows: Sequence[Sequence[Any]],
               title: str | None = None) -> None:
    """A table in the chosen format (JSON callers build their own records)."""
    if fmt is Format.csv:
        write_csv(columns, rows)
    else:
        write_table(columns, rows, title)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return printable(fold(str(value)))
