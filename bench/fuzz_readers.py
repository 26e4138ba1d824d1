"""Fuzz the readers with hypothesis and report what breaks.

For each format, hypothesis makes inputs (text with control characters, long runs and
table rules; tag soup HTML; Word packages from random paragraphs, spans, numbering and
flags; PDFs with random bytes changed), and each goes through read -> understand. The
only acceptable outcomes are a Paper or a ``BoardpapersError`` (one line naming the
file). Anything else is a finding: its type, message and where it was raised are
collected (the run goes on) and printed at the end with the count of inputs tried.

Run: ``python -m bench.fuzz_readers [--examples 200] [--seed 22]``. Exits non-zero if
there were findings. Results of recorded runs: docs/hostile-inputs.md.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from boardpapers.model.errors import BoardpapersError
from boardpapers.model.layout import Source
from boardpapers.pipeline import understand
from boardpapers.readers import read_bytes
from tests.hostile.builders import docx_bytes, pdf_bytes, set_zip_flags

_PIECES = ["Report", "Recommendations", "1.", "(a)", "£2.4m", "5 March 2026", "\t", "|",
           "---", " | --- | --- |", "    ", "\x1b[2J", "\x00", "\u202e", "\ufeff", "Cllr ",
           "0" * 50, "9" * 400, "- ", "# ", "**", "<b>", "\f", "\r", "Page 3 of 12", "\n\n",
           "Email: a@b.gov.uk", "Tel: 020 7946 0123", "Chair", "Minutes", "Agenda item 4"]
_TAGS = ["div", "p", "span", "table", "tr", "td", "ul", "ol", "li", "h1", "h2", "b", "a",
         "pre", "br", "script", "style", "header", "nav", "main", "section", "font"]

pieces = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=20)), max_size=60)


@st.composite
def text_files(draw: st.DrawFn) -> bytes:
    text = "".join(draw(pieces))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252"]))
    return text.encode(encoding, "replace")


@st.composite
def html_files(draw: st.DrawFn) -> bytes:
    out = ["<html><body>"]
    for _ in range(draw(st.integers(0, 80))):
        tag = draw(st.sampled_from(_TAGS))
        attrs = draw(st.sampled_from(["", ' class="mgActionList"', ' colspan="99999"',
                                      ' rowspan="70000"', ' hidden', ' start="2000000000"',
                                      ' style="display:none"', ' value="-5"']))
        out.append(draw(st.sampled_from([f"<{tag}{attrs}>", f"</{tag}>", "".join(
            draw(pieces))])))
    return "".join(out).encode("utf-8", "surrogatepass")


def _run(text: str) -> str:
    return (f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")


@st.composite
def docx_files(draw: st.DrawFn) -> bytes:
    body = []
    for _ in range(draw(st.integers(1, 30))):
        text = "".join(draw(pieces)).encode("ascii", "xmlcharrefreplace").decode()
        text = text.replace("&", "&amp;").replace("<", "&lt;")
        text = "".join(c for c in text if c in "\t\n" or 32 <= ord(c) < 0xD800)
        kind = draw(st.integers(0, 3))
        if kind == 0:
            body.append(f"<w:p>{_run(text)}</w:p>")
        elif kind == 1:
            num = draw(st.integers(-3, 3))
            body.append(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{draw(st.integers(-2, 12))}"/>'
                        f'<w:numId w:val="{num}"/></w:numPr></w:pPr>{_run(text)}</w:p>')
        else:
            span = draw(st.sampled_from([1, 2, 0, -1, 63, 64, 65, 10**6]))
            cells = "".join(f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p>'
                            f"{_run(text)}</w:p></w:tc>" for _ in range(draw(st.integers(1, 4))))
            body.append(f"<w:tbl><w:tr>{cells}</w:tr><w:tr><w:tc><w:p>{_run('x')}</w:p>"
                        "</w:tc></w:tr></w:tbl>")
    numbering = None
    if draw(st.booleans()):
        start = draw(st.sampled_from([0, 1, -7, 2_000_000_000, 10**30]))
        fmt = draw(st.sampled_from(["decimal", "lowerLetter", "upperRoman", "bullet", "x"]))
        numbering = (f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start '
                     f'w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/>'
                     '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                     "</w:num>")
    data = docx_bytes("".join(body), numbering)
    if draw(st.integers(0, 9)) == 0:
        data = set_zip_flags(data, 0x1)
    return data


_PDF = pdf_bytes(2, lines=6)


@st.composite
def pdf_files(draw: st.DrawFn) -> bytes:
    data = bytearray(_PDF)
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut]
    return bytes(data)


FORMATS: dict[str, tuple[str, st.SearchStrategy[bytes]]] = {
    "txt": ("txt", text_files()),
    "md": ("md", text_files()),
    "html": ("html", html_files()),
    "docx": ("docx", docx_files()),
    "pdf": ("pdf", pdf_files()),
}


def fuzz(fmt: str, strategy: st.SearchStrategy[bytes], examples: int, seed_value: int,
         findings: Counter[str]) -> int:
    """Run ``examples`` inputs of one format; findings are counted by their kind."""
    tried = 0

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def one(data: bytes) -> None:
        nonlocal tried
        tried += 1
        source = Source(path=f"fuzz.{fmt}", sha256="0" * 64, format=fmt, size=len(data))
        try:
            understand(read_bytes(data, source))
        except BoardpapersError as exc:
            if "\n" in str(exc):
                findings[f"{fmt}: a refusal of more than one line: {str(exc)[:80]!r}"] += 1
        except Exception as exc:  # noqa: BLE001 - every other exception is a finding
            where = traceback.extract_tb(exc.__traceback__)[-1]
            findings[f"{fmt}: {type(exc).__name__} at {Path(where.filename).name}:"
                     f"{where.lineno}: {str(exc)[:80]}"] += 1

    one()
    return tried


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("formats", nargs="*", default=list(FORMATS))
    args = parser.parse_args(argv)
    findings: Counter[str] = Counter()
    total = 0
    for name in args.formats:
        fmt, strategy = FORMATS[name]
        started = time.perf_counter()
        before = sum(findings.values())
        tried = fuzz(fmt, strategy, args.examples, args.seed, findings)
        total += tried
        print(f"{name:5} {tried:6} inputs, {sum(findings.values()) - before} findings, "
              f"{time.perf_counter() - started:.1f}s", flush=True)
    print(f"{total} inputs in all, {len(findings)} kinds of finding")
    for what, n in findings.most_common():
        print(f"  {n:5}x {what}")
    return 1 if findings else 0



if __name__ == "__main__":
    sys.exit(main())
