"""refuse_bombs gives check_inflated_size's verdict (the same refusal, or none) while
inflating only the streams whose bound leaves it open."""

from __future__ import annotations

import re
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers.model.errors import TooComplex
from boardpapers.readers import pdf_inflate
from tests.hostile.builders import pdf_bytes

_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")  # what starts an object: the plain form


def _verdict(check, data: bytes) -> str:  # noqa: ANN001 - either checker
    try:
        check(data)
    except TooComplex as exc:
        return str(exc)
    return "read"


def _streams(sizes: list[int], lengths: bool) -> bytes:
    """Flate streams of zeros inflating to ``sizes`` (near deflate's largest ratio), with
    or without their /Length."""
    out = bytearray(b"%PDF-1.4\n")
    for n, size in enumerate(sizes, 1):
        body = zlib.compress(b"\0" * size, 9)
        length = b" /Length %d" % len(body) if lengths else b""
        out += b"%d 0 obj\n<< /Filter /FlateDecode%s >>\nstream\n" % (n, length)
        out += body + b"\nendstream\nendobj\n"
    return bytes(out)


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(0, 600_000), max_size=8), lengths=st.booleans(),
       stream_limit=st.sampled_from([64 * 1024, 256 * 1024, 1024 * 1024]),
       total_limit=st.sampled_from([128 * 1024, 512 * 1024, 2 * 1024 * 1024]))
def test_the_same_verdict_as_inflating_every_stream(sizes: list[int], lengths: bool,
                                                     stream_limit: int,
                                                     total_limit: int) -> None:
    data = _streams(sizes, lengths)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pdf_inflate, "MAX_STREAM_BYTES", stream_limit)
        mp.setattr(pdf_inflate, "MAX_INFLATED_BYTES", total_limit)
        assert (_verdict(pdf_inflate.refuse_bombs, data)
                == _verdict(pdf_inflate.check_inflated_size, data))


def test_deflate_never_writes_more_than_the_bound() -> None:
    data = b"\0" * 20_000_000
    assert len(data) <= pdf_inflate.MAX_RATIO * len(zlib.compress(data, 9))


def test_a_small_paper_is_not_inflated(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    inflate = pdf_inflate._inflated_size
    monkeypatch.setattr(pdf_inflate, "_inflated_size",
                        lambda *a: calls.append(a) or inflate(*a))
    pdf_inflate.refuse_bombs(pdf_bytes(3, inflated=20_000))
    assert calls == []
    with pytest.raises(TooComplex, match="a PDF stream inflates to more than 128 MB"):
        pdf_inflate.refuse_bombs(pdf_bytes(1, inflated=200 * 1024 * 1024))
    assert len(calls) == 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"1", b"12", b" ", b"\n", b"\t", b"0", b"obj", b"objx",
                                 b"<<", b"/Filter /FlateDecode", b">>", b"stream", b"x",
                                 b"_", b"endobj"]), max_size=40).map(b"".join))
def test_a_streams_dictionary_starts_after_its_last_object_number(window: bytes) -> None:
    data = window + b"stream\n"
    found = [o.end() for o in _OBJ.finditer(data[:len(data) - 7 + 2])]
    expected = data[found[-1]:len(data) - 5] if found else data[:len(data) - 5]
    assert pdf_inflate._dictionary(data, len(data) - 7) == expected
