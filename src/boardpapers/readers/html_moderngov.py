"""ModernGov (Civica modern.gov) pages: "Agenda and minutes", "Agenda item" and "Meeting
attendance" pages served by ieListDocuments.aspx, mgAi.aspx, mgMeetingAttendance.aspx.

Their content sits in ``div#modgov``: a title (``h1.mgMainTitleTxt``), the meeting
heading ("Cabinet - Tuesday, 12th March, 2024 6.00 pm"), venue and contact lines, then
the items table ``table.mgItemTable``: one row per item, the number in
``td.mgItemNumberCell`` ("1.", "12a"), the title in ``p.mgAiTitleTxt`` (often a link to
the report, with a "pdf icon PDF 244 KB" tail), then the item's text in ``div.mgWordPara``
with ``p.mgSubItemTitleTxt`` labels ("Minutes:", "Decision:"; in Welsh "Cofnodion:",
"Penderfyniad:"). Action links (``ul.mgActionList``: printed minutes, "View the reasons why
item 12 is restricted") are furniture.

Each item becomes a list item (marker = item number, text = title, bold), followed by the
item's paragraphs (``html_items``, which also reads other systems' items tables by their
shape); sub-item labels become bold paragraphs. Sections titled "Media" (the
webcast links) are dropped with their content.
"""

from __future__ import annotations

from typing import Any

from boardpapers.model.layout import Block, BlockKind
from boardpapers.readers import html_items
from boardpapers.readers.html_walk import HEADINGS, HtmlWalker
from boardpapers.readers.plain_lines import fold_all

Node = Any

DETECT = ("#modgov, .mgItemTable, #mgItemTable, .mgMainTitleTxt, .mgAiTitleTxt, .mgContent, "
          ".mgSubItemTitleTxt")
FURNITURE_SECTIONS = {"media", "cyfryngau", "webcast", "gweddarllediad", "share this page",
                      "rhannu'r dudalen hon", "rhannu’r dudalen hon"}


def is_moderngov(root: Node) -> bool:
    if root.css_first(DETECT) is not None:
        return True
    generator = root.css_first('meta[name="generator"]')
    content = (generator.attributes.get("content") or "") if generator is not None else ""
    return "modern.gov" in content.lower() or "moderngov" in content.lower()


def remove_furniture_sections(container: Node) -> None:
    """Drop a section headed "Media" (and the like) with everything up to the next
    heading of the same or a higher level."""
    for heading in container.css("h1, h2, h3, h4, h5, h6"):
        if fold_all(heading.text(deep=True)).strip(":").lower() not in FURNITURE_SECTIONS:
            continue
        level = HEADINGS[heading.tag]
        doomed = [heading]
        sibling = heading.next
        while sibling is not None:
            if sibling.tag in HEADINGS and HEADINGS[sibling.tag] <= level:
                break
            doomed.append(sibling)
            sibling = sibling.next
        for node in doomed:
            node.decompose()


def handle(walker: HtmlWalker, node: Node, depth: int) -> bool:
    """The walker's hook: read the nodes ModernGov marks up in its own way."""
    classes = set((node.attributes.get("class") or "").split())
    if node.tag == "table" and ("mgItemTable" in classes
                                or node.attributes.get("id") == "mgItemTable"):
        walker.flush()
        html_items.items_table(walker, node, depth)
        return True
    if classes & {"mgSubItemTitleTxt", "mgPartTitleTxt"}:
        walker.flush()
        label = walker.inline_text(node, depth)
        if label:
            walker.add(Block(BlockKind.PARAGRAPH, label, bold=True))
        return True
    return False
