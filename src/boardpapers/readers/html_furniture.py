"""Site furniture: the parts of a web page that are not the paper.

Three layers, cheapest first: pick the page's main content container (ModernGov's
``div#modgov``, ``main``, ``#content``...) so site chrome outside it is never read; remove
elements inside it that are furniture by their tag (script, nav, forms...), by being
hidden, or by their class/id/role (cookie banners, breadcrumbs, share bars, language
toggles); and finally drop blocks whose whole text is a furniture phrase ("Download",
"Share this page", "pdf icon PDF 244 KB", "Cymraeg") and cut file-size tails off link
texts. The phrases are English and Welsh, as bilingual councils publish both.
"""

from __future__ import annotations

import re
from typing import Any

from boardpapers.model.layout import Block, BlockKind

Node = Any  # selectolax LexborNode

CONTAINERS = ("#modgov", "main", "[role=main]", "#content", "#main-content", "#maincontent",
              ".main-content", ".mgContent", "article")
MIN_CONTAINER_TEXT = 40
REMOVE_TAGS = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
               "embed", "nav", "form", "button", "select", "input", "textarea", "dialog",
               "aside", "link", "meta", "img", "picture", "video", "audio", "map", "head",
               "footer"}
FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog",
                   "complementary", "menu", "menubar", "toolbar"}
_FURNITURE_NAME = re.compile(
    r"cookie|consent|gdpr|breadcrumb|skip-?link|skip-?to|skipnav|share|sharing|social"
    r"|navbar|site-?header|site-?footer|masthead|back-?to-?top|feedback|page-?rating"
    r"|lang(uage)?-?(switch|select|toggle|picker)|print-?(page|link)|sr-only"
    r"|visually-?hidden|screen-?reader|offscreen|(^|\s)(nav|menu|hidden|hide|d-none|invisible"
    r"|mgactionlist|mglanguagelink|mghelpline)(\s|$)", re.IGNORECASE)
# a site's own chrome named like "cmisMenu", "pageFooter", "cmisHeader" (a container only:
# ModernGov's "mgHeader" is a table header cell)
_CHROME_SUFFIX = re.compile(r"[a-z](?:menu|footer)(?:\s|$)", re.IGNORECASE)
_HEADER_SUFFIX = re.compile(r"[a-z]header(?:\s|$)", re.IGNORECASE)
_CHROME_TAGS = {"div", "section", "ul", "ol", "span"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

FILE_SIZE_TAIL = re.compile(
    r"\s*(?:\b(?:pdf|word|doc|excel|xls|html?) icon\b\s*)?\(?\b(?:PDF|DOCX?|XLSX?|PPTX?|RTF"
    r"|HTML?|ODT)\s*,?\s*\d+(?:[.,]\d+)?\s*(?:KB|MB|kB|Kb|bytes)\b\)?", re.IGNORECASE)
_ICON_WORDS = re.compile(r"\s*\b(?:pdf|word|doc|excel|xls|html?) icon\b", re.IGNORECASE)
_LINK_TAILS = re.compile(r"\s*\b(?:view directions(?: to this venue)?|gweld cyfarwyddiadau)\.?$",
                         re.IGNORECASE)
FURNITURE_TEXTS = {
    "download", "downloads", "share this page", "share", "print this page", "printed minutes",
    "printed decisions", "printed agenda", "printed plain text minutes", "agenda frontsheet",
    "agenda reports pack", "public reports pack", "media", "webcast", "cymraeg", "english",
    "skip to main content", "skip to content", "back to top", "top of page",
    "was this page helpful?", "accept cookies", "reject cookies", "cookie settings",
    "rss", "subscribe", "email this page", "print", "view the decision",
    # Welsh
    "lawrlwytho", "rhannu'r dudalen hon", "rhannu’r dudalen hon", "cofnodion printiedig",
    "penderfyniadau printiedig", "agenda printiedig", "cyfryngau", "gweddarllediad",
    "argraffu'r dudalen hon", "yn ôl i'r brig", "derbyn cwcis", "gwrthod cwcis",
}
RESTRICTED_LINK = re.compile(
    r"^(?:view the reasons why item .{1,20} is restricted|gweld y rhesymau pam fod eitem "
    r".{1,20} wedi'?i chyfyngu)$", re.IGNORECASE)
FURNITURE_PATTERNS = re.compile(
    r"^(view the (reasons why item .{1,20} is restricted|decision for item .{1,20}"
    r"|background to item .{1,20}|declarations of interest for item .{1,20}"
    r"|webcast for item .{1,20}|recording .*)"
    r"|gweld y rhesymau pam fod eitem .{1,20} wedi'?i chyfyngu|gweld y penderfyniad ar "
    r"gyfer eitem .{1,20}|link to (the )?(webcast|recording).*|watch the (webcast|meeting).*"
    r"|we use cookies.*|this site uses cookies.*)$", re.IGNORECASE)


def main_container(root: Node) -> Node:
    """The page's main content element, or the body (or root) when none stands out."""
    for selector in CONTAINERS:
        node = root.css_first(selector)
        if node is not None and len(node.text(deep=True).strip()) >= MIN_CONTAINER_TEXT:
            return node
    return root.body if root.body is not None else root.root


def remove_furniture(container: Node) -> None:
    """Take furniture elements out of the tree under ``container`` (iteratively: pages can
    nest deeper than Python's recursion limit)."""
    doomed: list[Node] = []
    stack = [container]
    while stack:
        node = stack.pop()
        for child in node.iter():
            if is_furniture(child):
                doomed.append(child)
            else:
                stack.append(child)
    for node in doomed:
        node.decompose()


def is_furniture(node: Node) -> bool:
    tag = node.tag
    if tag in REMOVE_TAGS:
        return True
    attrs = node.attributes
    if tag == "header" and node.css_first("h1, h2, h3") is None:
        return True
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    if (attrs.get("role") or "").lower() in FURNITURE_ROLES:
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    # The names first: a subtree search on every div would be quadratic in nesting depth.
    if tag in _CHROME_TAGS and (_CHROME_SUFFIX.search(names) or _HEADER_SUFFIX.search(names)
                                and _mostly_links(node)) and node.css_first("h1, h2, h3") is None:
        return True
    if not names.strip() or _FURNITURE_NAME.search(names) is None:
        return False
    return not _says_restricted(node)  # kept for ``clean_blocks`` to read, then dropped


def _mostly_links(node: Node) -> bool:
    """A site header of links (home, menu), not a heading block that names the meeting."""
    text = len("".join(node.text(deep=True).split()))
    links = sum(len("".join(a.text(deep=True).split())) for a in node.css("a"))
    return text > 0 and links >= text / 2


def _says_restricted(node: Node) -> bool:
    """A ModernGov action list holding "View the reasons why item 7 is restricted"."""
    if "mgactionlist" not in (node.attributes.get("class") or "").lower():
        return False
    return any(RESTRICTED_LINK.match(" ".join(a.text(deep=True).split()))
               for a in node.css("a"))


def strip_file_sizes(text: str) -> str:
    """"Budget report pdf icon PDF 244 KB" -> "Budget report"."""
    return _LINK_TAILS.sub("", _ICON_WORDS.sub("", FILE_SIZE_TAIL.sub("", text))).strip()


def is_furniture_text(text: str) -> bool:
    bare = text.strip().strip(":.|»›>").strip().lower()
    return not bare or bare in FURNITURE_TEXTS or FURNITURE_PATTERNS.match(bare) is not None


def clean_blocks(blocks: list[Block]) -> list[Block]:
    """Cut file-size tails and drop blocks (and table rows) that are only furniture."""
    out: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            rows = tuple(r for r in (tuple(strip_file_sizes(c) for c in row)
                                     for row in block.rows)
                         if not all(is_furniture_text(c) for c in r))
            if rows:
                out.append(_replace(block, "\n".join("\t".join(r) for r in rows), rows))
            continue
        lines = [strip_file_sizes(line) for line in block.text.split("\n")]
        if any(RESTRICTED_LINK.match(line.strip()) for line in lines):
            out.append(restricted_marker(block))
        text = "\n".join(line for line in lines if not is_furniture_text(line))
        if text:
            out.append(_replace(block, text, block.rows))
    return out


def restricted_marker(block: Block) -> Block:
    """ModernGov's "View the reasons why item 7 is restricted" link says the item is Part 2:
    the link goes, the fact stays as the "Restricted" line ModernGov prints elsewhere."""
    welsh = block.text.strip().lower().startswith("gweld")
    return Block(BlockKind.PARAGRAPH, "Cyfyngedig" if welsh else "Restricted",
                 page=block.page, bold=True)


def _replace(block: Block, text: str, rows: tuple[tuple[str, ...], ...]) -> Block:
    return Block(kind=block.kind, text=text, page=block.page, level=block.level,
                 marker=block.marker, depth=block.depth, rows=rows, bold=block.bold)
