"""Links a page builds from its own URL (facets, pager): the remembered quoting gives
exactly what urlencode gives."""

from urllib.parse import parse_qsl, urlencode

from hypothesis import given
from hypothesis import strategies as st
from starlette.requests import Request

from boardpapers.web.pages import url_with

params = st.dictionaries(st.sampled_from(["q", "body", "genre", "year", "page", "sort"]),
                         st.text(min_size=1, max_size=20), max_size=5)


def _request(query: dict[str, str]) -> Request:
    return Request({"type": "http", "method": "GET", "path": "/search", "headers": [],
                    "query_string": urlencode(query).encode(), "server": ("test", 80),
                    "scheme": "http", "root_path": ""})


@given(params, params)
def test_url_with_matches_urlencode(current, changes):
    url = url_with(_request(current), **changes)
    expected = dict(current)
    if "page" not in changes:
        expected.pop("page", None)
    expected.update(changes)
    expected = {k: v for k, v in expected.items() if v}
    assert url == "/search" + ("?" + urlencode(expected) if expected else "")
    assert dict(parse_qsl(url.partition("?")[2], keep_blank_values=True)) == expected


def test_none_removes_a_parameter():
    assert url_with(_request({"q": "bus lanes", "genre": "report"}), genre=None) == (
        "/search?q=bus+lanes")
