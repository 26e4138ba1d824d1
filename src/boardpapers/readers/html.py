"""HTML reader: a web page (a council's meeting page, a saved report, a ModernGov
"Agenda and minutes" page) as a Layout.

Decode (``html_decode``), parse with selectolax's lexbor parser (a browser-grade HTML5
parser that never rejects a page), keep only the main content container and take the
furniture out (``html_furniture``; ModernGov specifics in ``html_moderngov``), then walk the
tree into blocks (``html_walk``), reading a meeting's items table item by item whatever
system made the page (``html_items``: ModernGov, CMIS and others). A web page has no pages,
so every block is on page 1. The page's title, description, language and canonical address
go in ``Layout.metadata``.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import Layout, Source, join_blocks
from boardpapers.readers import html_items, html_moderngov
from boardpapers.readers.html_decode import decode_html
from boardpapers.readers.html_furniture import clean_blocks, main_container, remove_furniture
from boardpapers.readers.html_nesting import MAX_NESTING, nesting_depth
from boardpapers.readers.html_walk import HtmlWalker
from boardpapers.readers.plain_lines import fold_all


def read_bytes(data: bytes, source: Source) -> Layout:
    text, encoding = decode_html(data, source.path)
    if (depth := nesting_depth(text)) > MAX_NESTING:
        raise UnreadableFile(source.path, f"too complex: elements nested over {depth - 1} "
                             f"deep (the limit is {MAX_NESTING})")
    tree = LexborHTMLParser(text)
    metadata = page_metadata(tree)
    metadata["encoding"] = encoding
    moderngov = html_moderngov.is_moderngov(tree)
    if moderngov:
        metadata["platform"] = "moderngov"
    container = main_container(tree)
    if container is None:
        raise UnreadableFile(source.path, "not an HTML page: nothing to read in it")
    remove_furniture(container)
    if moderngov:
        html_moderngov.remove_furniture_sections(container)
    walker = HtmlWalker(special=_moderngov_or_items if moderngov else html_items.handle)
    walker.walk(container)
    walker.flush()
    blocks, joined = join_blocks(clean_blocks(walker.blocks))
    if not blocks:
        raise UnreadableFile(source.path, "the HTML page has no readable text (an empty "
                             "page, or one that builds its content with JavaScript)")
    return Layout(source=source, blocks=blocks, text=joined, metadata=metadata)


def _moderngov_or_items(walker: HtmlWalker, node: Any, depth: int) -> bool:
    """ModernGov's own markup first, then items tables by their shape."""
    return html_moderngov.handle(walker, node, depth) or html_items.handle(walker, node, depth)


def page_metadata(tree: Any) -> dict[str, str]:
    """Title, description, language and canonical URL, where the page states them."""
    out: dict[str, str] = {}
    title = tree.css_first("title")
    if title is not None and fold_all(title.text()):
        out["title"] = fold_all(title.text())
    for key, selector, attr in (
            ("description", 'meta[name="description"]', "content"),
            ("author", 'meta[name="author"]', "content"),
            ("url", 'link[rel="canonical"]', "href"),
            ("url", 'meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        value = fold_all(node.attributes.get(attr) or "") if node is not None else ""
        if value and key not in out:
            out[key] = value
    html = tree.css_first("html")
    lang = (html.attributes.get("lang") or "") if html is not None else ""
    if lang.strip():
        out["language"] = lang.strip()
    return out
