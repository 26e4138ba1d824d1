"""A report's recommendations as separate items, however they are laid out.

Under a "Recommendation(s)" label the items are list items, numbered lines, or numbers
run together in one paragraph; a table row may hold them; with no label a lead-in
sentence ("It is recommended that Cabinet:", "The Executive is asked to:") introduces
them. Each item is one recommendation, without its number, the lead-in left out.
"""

from __future__ import annotations

import re
from itertools import pairwise

from boardpapers.model.layout import Block, BlockKind
from boardpapers.parsers.report_heads import Head, block_text, paragraph_number
from boardpapers.vocab.labels import is_placeholder, match_label

_ITEM_MARKER = re.compile(
    r"^(?:\(?[a-zA-Z]\)|[a-z]\.(?=\s)|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)\)|(?:i{1,3}|iv|vi{0,3}|ix|x)\."
    r"(?=\s)|\(?\d{1,2}(?:\.\d{1,2}){0,2}[.)]?|[\u2022\u00b7\u25aa\u25cf\u2023\u2043\u2219*o\-\u2013"
    r"\u2014\u27a2\uf0b7\uf0a7]|\u00b7)\s+")

def strip_item_marker(text: str) -> tuple[bool, str]:
    """(True, "Discuss the progress") from "- a) Discuss the progress" (up to two markers)."""
    marked = False
    for _ in range(2):
        m = _ITEM_MARKER.match(text)
        if not m:
            break
        marked, text = True, text[m.end():].strip()
    return marked, text


def _item_lines(head: Head, body: list[tuple[int, Block]]) -> list[tuple[int, str, bool]]:
    """(depth, text, marked) for each line under a recommendations/actions label."""
    out: list[tuple[int, str, bool]] = []
    lines: list[tuple[Block | None, str, bool]] = []
    joined = _joined_lines([(None, head.value)] + [(b, block_text(b)) for _, b in body
                                                   if b.kind is not BlockKind.TABLE])
    semicolons = sum(text.endswith((";", "; and", "; or")) for _, text in joined) >= 2
    for block, text in joined:
        parts = split_run_on(f"{block.marker} {text}" if block is not None and block.marker
                             else text)
        if len(parts) == 1 and semicolons:
            parts = semicolon_items(text)
        if len(parts) > 1:  # a paragraph holding several items: each one is marked
            lines += [(None, part, k > 0) for k, part in enumerate(parts)]
        else:
            lines.append((block, text, False))
    for block, text, split in lines:
        if not text or is_placeholder(text):
            continue
        marked, rest = strip_item_marker(text)
        is_item = split or (block is not None and block.kind is BlockKind.LIST_ITEM)
        if not rest or is_placeholder(rest):
            continue
        depth = block.depth if is_item and block is not None else 0
        if out and not (marked or is_item) and wrapped(out[-1][1], rest):
            out[-1] = (out[-1][0], f"{out[-1][1]} {rest}", out[-1][2])
            continue
        out.append((depth, rest, marked or is_item))
    return out


def _joined_lines(lines: list[tuple[Block | None, str]]) -> list[tuple[Block | None, str]]:
    """Lines with a PDF's line breaks inside an item undone: an unmarked line continues
    the one before when that one was cut mid-sentence ("… on 18th" / "February and …")."""
    out: list[tuple[Block | None, str]] = []
    for block, text in lines:
        if not text:
            continue
        starts_item = (block is not None and (block.kind is BlockKind.LIST_ITEM or block.marker)) \
            or strip_item_marker(text)[0]
        if out and not starts_item and (wrapped(out[-1][1], text) or unfinished(out[-1][1])):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((block, text))
    return out


def unfinished(value: str) -> bool:
    """A long line with no full stop: a sentence a converter broke ("… the Community
    Festivals" / "Fund for 2025/26.")."""
    return len(value) >= 60 and not value.endswith((".", ";", ":", "!", "?", ")")) \
        and not _LIST_JOIN_END.search(value[-8:])


_LIST_JOIN_END = re.compile(r";\s*(?:and|or)$")


CONNECTOR_END = re.compile(r"(?:,|\b(?:in|of|the|to|and|or|for|a|an|on|at|by|with|from|that))$",
                            re.IGNORECASE)


def wrapped(before: str, text: str) -> bool:
    """A PDF line-wrap inside one recommendation, not the next recommendation."""
    if before.endswith((".", ";", ":")) or re.search(r";\s*(?:and|or)$", before):
        return False
    return text[:1].islower() or bool(CONNECTOR_END.search(before))


def list_items(head: Head, body: list[tuple[int, Block]]) -> tuple[str, ...]:
    """Recommendations or actions as separate strings, as written minus list markers.

    An introduction ending in a colon ("The Cabinet is RECOMMENDED to:") is dropped when
    items follow it, and its sub-items become the items; a numbered item with sub-items of
    its own among sibling items keeps them joined to it; a single sentence with no list
    is itself the one item.
    """
    lines = _item_lines(head, _before_numbered_heading(body, 0 if head.value else 1))
    lines = _without_intro(_from_lead_in(lines))
    if not lines:
        return ()
    top = min(depth for depth, _, _ in lines)
    groups: list[list[str]] = []
    for depth, text, marked in lines:
        if len(text) > 1500:
            break  # body prose, not a recommendation
        if head.kind == "recommendations" and groups and _after_the_items(groups[-1][-1], text,
                                                                          marked):
            break
        if depth == top or not groups:
            groups.append([text])
        else:
            groups[-1].append(text)
    if len(groups) > 1 and len(groups[0]) == 1 and groups[0][0].endswith(":"):
        groups = groups[1:]
    if groups and len(groups[-1]) == 1 and groups[-1][0].endswith(":"):
        groups = groups[:-1]  # "Key:" or a lead-in the excerpt cut before its items
    return tuple(item for g in groups if not _NO_RECOMMENDATION.match(item := " ".join(g)))


def _after_the_items(before: str, text: str, marked: bool) -> bool:
    """Text that follows a report's recommendations: prose after its one unnumbered item,
    a key to the list ("Key:" then "Strategic – …"), or the decisions of a meeting
    ("RESOLVED")."""
    if _RESOLVED.match(text):
        return True
    ended = before.endswith(".") or (before.endswith(":") and len(before.split()) <= 2)
    return ended and not marked and not _REC_OPENING.match(text)


_RESOLVED = re.compile(r"^(?:resolved|penderfynwyd)\b", re.IGNORECASE)
# How a recommendation opens, where it is not numbered: "That …", "To …", "Note …",
# "The Executive is asked to …", "Cabinet approves …".
_REC_OPENING = re.compile(
    r"^(?:that|to|it is|members|option|none|nil|and|or"
    r"|(?:the )?(?:[\w'’-]+ ){1,5}(?:is|are) (?:recommended|asked|invited|requested)"
    r"|(?:the )?(?:[\w'’-]+ ){1,5}(?:notes?|approves?|agrees?|endorses?|considers?|delegates?"
    r"|authori[sz]es?|recommends?|adopts?|confirms?|receives?|requests?|supports?|resolves?)"
    r"|notes?|approve|agree|endorse|consider|delegate|authori[sz]e|recommend|adopt|confirm"
    r"|receive|comment|support|accept|instruct|request|ask|give|grant|set|concur|welcome"
    r"|review|continue|establish|allocate|release|nominate|appoint|amend|identify|decide"
    r"|determine|agree|argymhellir|nodi|cymeradwyo|cytuno)\b", re.IGNORECASE)
# "None – report for information.": a recommendations section that recommends nothing.
_NO_RECOMMENDATION = re.compile(r"^(?:none|nil|n/?a|not applicable|no recommendations?)\b"
                                r"(?!\s+(?:of|to)\b)", re.IGNORECASE)
# "It is recommended that Cabinet:", "The Executive is requested to:", "Approval is
# requested to:": a sentence that introduces the items after it.
_LEAD_IN = re.compile(
    r"^(?:it is recommended that|(?:the )?[\w ,&'’-]{2,80} (?:is|are) (?:recommended|asked"
    r"|invited|requested)(?: to)?|approval is (?:requested|sought)|this report makes the following"
    r"|argymhellir|gofynnir i)\b.{0,120}:$", re.IGNORECASE)


def _from_lead_in(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Drop the prose before a lead-in sentence ("… regularly." / "The Executive is
    requested to:") when items follow it."""
    for k in range(len(lines) - 2, 0, -1):
        if _LEAD_IN.match(lines[k][1]) and not lines[k][2]:
            return lines[k:]
    return lines


_NUMBERED_TITLE = re.compile(r"^(\d{1,2})\.?\s+[A-Z][^.;:]{2,80}$")


def _before_numbered_heading(body: list[tuple[int, Block]], first: int
                             ) -> list[tuple[int, Block]]:
    """The blocks before the next heading, or before "1 Strategic planning updates" /
    "1.1 The Authority …": the next numbered section, its heading taken for text."""
    for pos in range(first, len(body)):
        if body[pos][1].kind is BlockKind.HEADING:
            return body[:pos]
        m = _NUMBERED_TITLE.match(_marked_text(body[pos][1]))
        if m and pos + 1 < len(body) \
                and _marked_text(body[pos + 1][1]).startswith(f"{m.group(1)}.1 "):
            return body[:pos]
    return body


def _marked_text(block: Block) -> str:
    return f"{block.marker} {block_text(block)}" if block.marker else block_text(block)


def _without_intro(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Drop "That the Cabinet:" when everything after it is indented under it."""
    if len(lines) < 2 or not lines[0][1].endswith(":"):
        return lines
    if all(depth > lines[0][0] for depth, _, _ in lines[1:]):
        return lines[1:]
    return lines



_ASKS = re.compile(r"^(?:it is recommended that|(?:board |committee )?members are (?:asked|invited|"
                   r"recommended) to"
                   r"|(?:the )?[\w ,&'’-]{2,60} (?:is|are) (?:recommended|asked|invited"
                   r"|requested) to"
                   r"|approval is (?:requested|sought) to"
                   r"|argymhellir|gofynnir i)\b", re.IGNORECASE)

Sections = list[tuple[Head, list[tuple[int, Block]]]]


def asked_in_template(cut: Sections, first_head: int,
                      front: list[tuple[int, Block]]) -> tuple[str, ...]:
    """"Members are asked to note..." in a purpose or summary with no recommendations label.

    Only the front and the purpose/summary sections are searched: a body paragraph that
    happens to say "it is recommended" is never taken for the report's recommendation.
    Numbered asks ("(1) The Executive is asked to note …" / "(2) … is asked to give …")
    are one recommendation each.
    """
    zones = [front] + [body for head, body in cut
                       if head.kind in ("purpose", "summary") and head.index >= first_head]
    for zone in zones:
        for pos, (_, block) in enumerate(zone):
            number, text = paragraph_number(block)
            if block.kind is BlockKind.TABLE or not _ASKS.match(strip_item_marker(text)[1]):
                continue
            if block.kind is BlockKind.LIST_ITEM or strip_item_marker(text)[0]:
                return _sibling_asks(zone[pos:])
            head = Head(zone[pos][0], "recommendations", "")
            if not text.endswith(":") and len(split_run_on(text)) == 1:
                return (text,)
            items = list_items(head, zone[pos:])
            return items[1:] if items and items[0] == text else items
    return ()


def _sibling_asks(zone: list[tuple[int, Block]]) -> tuple[str, ...]:
    """The numbered asks from the first: the list items that follow it, each asking."""
    out = []
    for _, block in zone:
        marked, text = strip_item_marker(block_text(block))
        if not (marked or block.kind is BlockKind.LIST_ITEM) or not _ASKS.match(text):
            break
        out.append(text)
    return tuple(out)


# "Reasons for the Recommendations": the heading that follows the recommendations in
# many templates, kept by a converter that dropped the "Recommendations" heading itself.
_REASONS = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?(?:reasons? for (?:the )?"
                      r"(?:recommendations?|recommendation\(s\)|recommended decisions?)"
                      r"|rhesymau? dros (?:yr )?(?:argymhelliad|argymhellion)(?:\(ion\))?)[:.]?",
                      re.IGNORECASE)


def before_reasons(cut: Sections) -> tuple[str, ...]:
    """Recommendations standing unlabelled between the purpose (or summary) and "Reasons
    for the Recommendations": the purpose's own paragraph first, then the items."""
    for (head, body), (after, _) in pairwise(cut):
        if head.kind not in ("purpose", "summary") or not _REASONS.fullmatch(after.heading):
            continue
        rest = body if head.value else _after_first_paragraph(body)
        if not rest:
            return ()
        return list_items(Head(rest[0][0], "recommendations", ""), rest)
    return ()


def _after_first_paragraph(body: list[tuple[int, Block]]) -> list[tuple[int, Block]]:
    """The blocks after a section's first paragraph and the lines a PDF wrapped it onto."""
    if not body:
        return []
    text = block_text(body[0][1])
    for pos in range(1, len(body)):
        number, line = paragraph_number(body[pos][1])
        if number or body[pos][1].marker or not wrapped(text, line):
            return body[pos:]
        text = line
    return []


def table_recommendations(blocks: list[tuple[int, Block]]) -> tuple[str, ...]:
    """A "Recommendation(s)" | "That Cabinet: <br> 1. … <br> 2. …" row of a front table:
    the cell's lines read as a list, each numbered line one recommendation. A converter
    may run the cell's lines together ("That Cabinet: 1. … ; 2. … and 3. …") or leave
    the numbered lines as a list after the table, the row keeping only "That Cabinet:"."""
    for pos, (index, block) in enumerate(blocks):
        if block.kind is not BlockKind.TABLE:
            continue
        for r, row in enumerate(block.rows):
            cells = [c.strip() for c in row if c.strip()]
            label = match_label(cells[0]) if len(cells) >= 2 else None
            if label is None or label.kind != "recommendations" or label.value:
                continue
            texts = [ln.strip() for ln in "\n".join(cells[1:]).split("\n") if ln.strip()]
            if len(texts) == 1:
                texts = split_inline_numbering(texts[0])
            lines = [(index, Block(BlockKind.PARAGRAPH, t)) for t in texts]
            if r == len(block.rows) - 1 and texts[-1].endswith(":"):
                lines += _list_after(blocks[pos + 1:])
            return list_items(Head(index, "recommendations", label.text), lines)
    return ()


def _list_after(blocks: list[tuple[int, Block]]) -> list[tuple[int, Block]]:
    """The list items right after a table (its last cell's list, set outside it)."""
    out = []
    for index, block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            break
        out.append((index, Block(BlockKind.PARAGRAPH, f"{block.marker} {block_text(block)}")))
    return out


_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)\(?(\d{1,2}|[a-h])[.)]\s+")
# "1.1 That … 1.2 That …" run together by a flattened page
_INLINE_DECIMAL = re.compile(r"(?:(?<=\s)|^)\d{1,2}\.(\d{1,2})\s+(?=[A-Z])")
# "requested to: 1 To approve … refers). 2 To approve …": bare numbers, each after the end
# of a sentence (or the lead-in's colon) and before a capital
_INLINE_BARE = re.compile(r"(?:(?<=[.:;] )|^)(\d{1,2}) (?=[A-Z])")
_RUN_ON_LEAD = re.compile(r"^(?P<lead>.{10,240}?:)\s+(?P<rest>\S.*)$")
# "…; " or "…; and " between items (not inside brackets): the item keeps its separator
_SEMICOLON = re.compile(r";(?:\s+(?:and|or)\b)?(?=\s+\S)(?![^()]*\))")


def semicolon_items(text: str) -> list[str]:
    """"a; b; and c" -> ["a;", "b; and", "c"], as written."""
    cuts = [m.end() for m in _SEMICOLON.finditer(text)]
    out: list[str] = []
    for a, b in pairwise([0, *cuts, len(text)]):
        part = text[a:b].strip()
        if out and part in ("and", "or"):
            out[-1] = f"{out[-1]} {part}"
        elif part:
            out.append(part)
    return out


def split_run_on(text: str) -> list[str]:
    """A paragraph holding a lead-in and its items, as the lead-in and each item: numbered
    ("That Cabinet: 1. notes … 2. agrees …") or, after a lead-in's colon, parted by
    semicolons ("The Executive is asked to agree: the budget; the plan; and the fees.")."""
    parts = split_inline_numbering(text)
    if len(parts) > 1:
        return parts
    m = _RUN_ON_LEAD.match(text)
    if m is None or not _LEAD_IN.match(m.group("lead")):
        return [text]
    items = semicolon_items(m.group("rest"))
    return [m.group("lead"), *items] if len(items) >= 2 else [text]


def split_inline_numbering(text: str) -> list[str]:
    """"That Cabinet: 1. notes …; 2. agrees …" -> the lead-in and each numbered item, when
    the numbers run 1, 2, 3… (or a, b, c…, or 1.1, 1.2…) from the first; else the text
    alone."""
    hits: list[re.Match[str]] = []
    for pattern in (_INLINE_NUMBER, _INLINE_DECIMAL, _INLINE_BARE):
        hits = _numbered_run(pattern, text)
        if len(hits) >= 2:
            break
    if len(hits) < 2:
        return [text]
    cuts = [m.start() for m in hits] + [len(text)]
    head = text[:cuts[0]].strip()
    return ([head] if head else []) + [text[a:b].strip() for a, b in pairwise(cuts)]


def _numbered_run(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    hits: list[re.Match[str]] = []
    for m in pattern.finditer(text):
        expected = _next_number(hits[-1].group(1)) if hits else None
        if (expected is None and m.group(1) in ("1", "a")) or m.group(1) == expected:
            hits.append(m)
    return hits


def _next_number(number: str) -> str:
    return str(int(number) + 1) if number.isdigit() else chr(ord(number) + 1)
