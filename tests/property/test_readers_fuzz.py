"""Every reader, fed any bytes, raises nothing but the project's own errors.

Each format goes through the public entry point ``readers.read_bytes`` (which turns
library failures into ``UnreadableFile``); a format whose reader module is not there yet
is skipped with a reason. Besides random bytes, real fixtures are mutated (bytes flipped,
cut short, spliced) because that is what half-downloaded or corrupt papers look like.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpapers import readers
from boardpapers.model.errors import BoardpapersError
from boardpapers.model.layout import Layout, Source
from tests.conftest import FIXTURES, SEEDS

FORMATS = ("pdf", "docx", "html", "md", "txt")
_MODULE = {"pdf": "pdf", "docx": "docx", "html": "html", "md": "text", "txt": "text"}
_EXTENSIONS = {"pdf": (".pdf",), "docx": (".docx",), "html": (".html", ".htm"),
               "md": (".md",), "txt": (".txt",)}


def _require_reader(fmt: str) -> None:
    if importlib.util.find_spec(f"boardpapers.readers.{_MODULE[fmt]}") is None:
        pytest.skip(f"the {fmt} reader module is not written yet")


def _samples(fmt: str) -> list[bytes]:
    """Real files of this format: reader fixtures, paper fixtures and (for txt) the seeds."""
    folders = [FIXTURES / "readers", FIXTURES / "papers"]
    paths: list[Path] = [p for folder in folders if folder.is_dir() for p in folder.iterdir()
                         if p.suffix.lower() in _EXTENSIONS[fmt]]
    if fmt == "txt" and SEEDS.is_dir():
        paths += [p for p in SEEDS.iterdir() if p.suffix == ".txt"]
    return [p.read_bytes()[:200_000] for p in sorted(paths)[:6]]


def _read(data: bytes, fmt: str) -> Layout | None:
    source = Source(path=f"fuzz.{fmt}", sha256=hashlib.sha256(data).hexdigest(), format=fmt,
                    size=len(data))
    try:
        return readers.read_bytes(data, source)
    except BoardpapersError:
        return None


@st.composite
def mutated(draw: st.DrawFn, samples: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        op = draw(st.sampled_from(["flip", "cut", "insert", "splice"]))
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:at + draw(st.integers(1, 4096))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            other = draw(st.sampled_from(samples))
            data[at:] = other[draw(st.integers(0, max(0, len(other) - 1))):]
    return bytes(data)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4096))
def test_any_bytes_raise_only_project_errors(fmt: str, data: bytes) -> None:
    _require_reader(fmt)
    layout = _read(data, fmt)
    if layout is not None:
        assert all(layout.text[b.start:b.end] == b.text for b in layout.blocks)


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_real_files_raise_only_project_errors(fmt: str) -> None:
    _require_reader(fmt)
    samples = _samples(fmt)
    if not samples:
        pytest.skip(f"no {fmt} fixture to mutate")

    @settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=mutated(samples))
    def check(data: bytes) -> None:
        _read(data, fmt)

    check()


_CONVERTED_PIECES = st.sampled_from([
    "Meeting", "   ", "      ", "\t", "a)", "1.", "1.1", "(2)", "PL/88", "environ-", "mental",
    "long-", "term", "jo@hollinsrid", "ge.gov.uk", "·", "**Bold**", "## ", "Page 2", "\f",
    "12 March 2025", "Contact Officers", ".", "£3.2 million", "-", " ", "x"])


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.lists(_CONVERTED_PIECES, max_size=8).map("".join), max_size=25))
def test_converted_text_shapes_keep_spans_and_leave_no_hyphen_placeholder(lines: list[str]) -> None:
    """pdftotext -layout columns, lone markers, broken words and e-mails in any mix."""
    from boardpapers.readers.text_blocks import HYPHEN_BREAK

    layout = _read("\n".join(lines).encode("utf-8"), "txt")
    if layout is not None:
        assert all(layout.text[b.start:b.end] == b.text for b in layout.blocks)
        assert HYPHEN_BREAK not in layout.text
