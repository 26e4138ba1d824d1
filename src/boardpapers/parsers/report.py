"""Committee reports: the template every council fills in, read into a Report.

A report has a *front* (title, who it goes to, date, header fields), a *template*
(purpose, summary, recommendations, actions, contact officers, confidentiality, plan
theme) and a *body* of headed sections with numbered paragraphs. The parser

1. finds the *heads*: blocks that open a section (a known label in any wording, a real
   heading, or a short title-like line before a longer paragraph) or that carry a header
   field ("Date: 12 March 2024");
2. cuts the blocks into sections between heads, each with a canonical kind;
3. reads the template values from their sections, and the title from the front.

``parse_report(layout, first, last)`` works on any slice of a layout, so the agenda-pack
parser calls it once per report in a pack; all block indices stay absolute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.facts.dates import parse_date
from boardpapers.genre import Classification
from boardpapers.layout import Block, BlockKind, Layout
from boardpapers.paper import ContactOfficer, Paper, Paragraph, Report, Section
from boardpapers.parsers.contacts_block import merge_officers, read_contacts
from boardpapers.parsers.labels import (
    FIELD_KINDS,
    Field,
    Label,
    clean_label_text,
    is_placeholder,
    match_label,
    split_fields,
)

# Sections whose label may carry its content on the same line ("Purpose: For decision").
_INLINE_SECTIONS = frozenset({"purpose", "summary", "recommendations", "actions", "contact",
                              "appendix"})
# Inside these, only real labels and headings end the section, never a short plain line
# (a one-line recommendation without a full stop is not a heading).
_CLOSED_SECTIONS = frozenset({"purpose", "recommendations", "actions", "appendix"})
_CONTACT_KINDS = frozenset({"contact", "name", "position", "phone", "email"})
_TEMPLATE = frozenset({"purpose", "summary", "recommendations", "actions", "contact"})

_PARA_NUMBER = re.compile(
    r"^(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)|^(?P<m>\d{1,2})[.)]\s+(?=\S)")
_ITEM_MARKER = re.compile(
    r"^(?:\(?[a-zA-Z]\)|[a-z]\.(?=\s)|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)\)|(?:i{1,3}|iv|vi{0,3}|ix|x)\."
    r"(?=\s)|\(?\d{1,2}(?:\.\d{1,2}){0,2}[.)]?|[\u2022\u00b7\u25aa\u25cf\u2023\u2043\u2219*o\-\u2013"
    r"\u2014\u27a2\uf0b7\uf0a7]|\u00b7)\s+")
_BOILERPLATE = re.compile(
    r"^(?:agenda item\b.*|item(?: no\.?)? \d+.*|eitem \d+.*|part (?:i|ii|1|2|one|two)\b.*"
    r"|public|open|official(?:[- ]sensitive)?|not protectively marked|restricted"
    r"|document is restricted|not for publication.*|exempt.*|confidential|page \d+.*"
    r"|appendix \w{1,3}|annex \w{1,3}|atodiad \w{1,3}|draft|tudalen \d+.*|\d+)$",
    re.IGNORECASE)
_COUNCIL_NAME = re.compile(
    r"^(?:the )?(?:[A-Z][\w&'’,.-]*\s+){0,6}(?:council|authority|association|cyngor\b.*"
    r"|combined authority|fire and rescue authority|borough|city of .*)$|^cyngor\b.*",
    re.IGNORECASE)
_REPORT_TO_LINE = re.compile(r"^(?:(?:report|paper) to (?:the )?|adroddiad i(?:'r| r|\s))\s*"
                             r"(?P<body>.{3,120})$", re.IGNORECASE)
# A line naming the meeting, not the report: "Licensing and Regulatory Committee".
_BODY_LINE = re.compile(r"^(?!that\b)(?:the )?[A-Z][\w&,' -]{0,80}\b(?:committee|sub-committee"
                        r"|cabinet|board|panel|forum|executive|council meeting|full council)$"
                        r"|^pwyllgor\b[\w' -]{0,80}$", re.IGNORECASE)
# A front line that says whether the report is public: "Part II", "NOT FOR PUBLICATION".
_STATUS_LINE = re.compile(r"^(?:part (?:i{1,2}|1|2|one|two)|not for publication|for general release"
                          r"|exempt|confidential|open|public|private|restricted)(?: report| item)?$",
                          re.IGNORECASE)
_STATUS_CONFIDENTIAL = re.compile(r"^(?:part (?:ii|2|two)|not for publication|exempt|confidential"
                                  r"|private|restricted)\b", re.IGNORECASE)
_WELSH_MONTHS = {"ionawr": "January", "chwefror": "February", "mawrth": "March",
                 "ebrill": "April", "mai": "May", "mehefin": "June", "gorffennaf": "July",
                 "awst": "August", "medi": "September", "hydref": "October",
                 "tachwedd": "November", "rhagfyr": "December"}
_REPORT_OF_LINE = re.compile(r"^(?:joint )?report (?:of|by|from) (?:the )?(?P<who>.{3,160})$",
                             re.IGNORECASE)
_YES = re.compile(r"^(?:yes|ydy|ydi|oes|y|true|part (?:ii|2|two)|exempt|confidential"
                  r"|not for publication|restricted)\b", re.IGNORECASE)
_NO = re.compile(r"^(?:no|nac ydy|nac ydi|nac oes|na|none|n/?a|nil|false|part (?:i|1|one)"
                 r"|public|open|not exempt)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Head:
    """A block that opens a section or carries a header field."""

    index: int  # absolute block index
    kind: str  # a SECTION_KIND, or a FIELD_KIND for header fields
    heading: str
    value: str = ""  # the label's value on the same line
    fields: tuple[Field, ...] = ()  # several header fields flattened onto one line
    language: str = "en"

    @property
    def is_field(self) -> bool:
        return self.kind in FIELD_KINDS or bool(self.fields)


# ------------------------------------------------------------------ finding heads


def _text(block: Block) -> str:
    return re.sub(r"\s+", " ", block.text).strip()


def paragraph_number(block: Block) -> tuple[str, str]:
    """("2.1", rest) for a numbered paragraph; ("", text) otherwise."""
    marker = block.marker.strip()
    text = _text(block)
    if marker and re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,3}[.)]?", marker):
        return marker.rstrip(".)"), text
    m = _PARA_NUMBER.match(text)
    if not m:
        return "", text
    return (m.group("n") or m.group("m")), text[m.end():].strip()


def _head_from_label(index: int, block: Block, label: Label) -> Head | None:
    text = _text(block)
    if label.kind in FIELD_KINDS:
        if len(text) > 300:
            return None
        return Head(index, label.kind, label.text, label.value, language=label.language)
    if label.value and label.kind not in _INLINE_SECTIONS:
        return None  # "Background: the council has..." reads as prose
    if not label.value and len(text) > 160:
        return None
    heading = (f"{label.number} {label.text}".strip() if label.number else label.text)
    return Head(index, label.kind, heading, label.value, language=label.language)


def block_head(index: int, block: Block) -> Head | None:
    """The head this block is, from its words alone (labels and flattened fields)."""
    if block.kind in (BlockKind.TABLE, BlockKind.PAGE_BREAK):
        return None
    text = _text(block)
    fields = split_fields(text)
    if len(fields) >= 2:
        return Head(index, fields[0].kind, fields[0].label, fields[0].value, fields=fields)
    label = match_label(text)
    if label is None:
        return None
    return _head_from_label(index, block, label)


def _is_short_title(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 14 and len(text) <= 100 and not text.endswith((".", ",", ";", ":"))
            and (text[0].isupper() or text[0].isdigit() or text[0] in "‘'\"(")
            and not is_placeholder(text))


def _plain_heading(blocks: list[tuple[int, Block]], pos: int) -> bool:
    """A short title-like line that introduces longer text: a heading the reader missed."""
    _, block = blocks[pos]
    if block.kind is BlockKind.HEADING:
        return True
    if block.kind is not BlockKind.PARAGRAPH or block.marker or "\t" in block.text:
        return False
    number, rest = paragraph_number(block)
    rest = clean_label_text(rest)
    if not _is_short_title(rest):
        return False
    if block.bold:
        return True
    following = next((b for _, b in blocks[pos + 1:] if b.kind is not BlockKind.PAGE_BREAK), None)
    if following is None or following.kind is BlockKind.HEADING:
        return False
    next_number, next_text = paragraph_number(following)
    if next_number and (not number or next_number.startswith(number.rstrip(".") + ".")):
        return True
    return not number and len(next_text) >= max(120, 2 * len(rest))


def _inside_contact_block(head: Head) -> bool:
    """Labels that continue a contact block rather than open a new section."""
    kinds = {f.kind for f in head.fields} or {head.kind}
    return kinds <= _CONTACT_KINDS


def _contact_lines(head: Head, blocks: list[tuple[int, Block]]) -> list[str]:
    if head.fields:
        lines = [" ".join(f"{f.label}: {f.value}" for f in head.fields)]
    else:
        lines = [f"{head.heading}: {head.value}"] if head.value else []
    return lines + [_text(b) if b.kind is not BlockKind.TABLE else _table_as_fields(b)
                    for _, b in blocks]


def contact_extent(head: Head, following: list[tuple[int, Block]]) -> int:
    """How many of the blocks after a contact label belong to its contact block."""
    used = read_contacts(_contact_lines(head, following[:40]), heading=not head.value)[1]
    return max(0, used - (1 if head.value or head.fields else 0))


def find_heads(blocks: list[tuple[int, Block]]) -> list[Head]:
    heads: list[Head] = []
    current = ""
    skip_until = -1
    for pos, (index, block) in enumerate(blocks):
        if pos < skip_until:
            continue  # a name or value inside a contact block, whatever the reader made it
        head = block_head(index, block)
        if head is not None and current == "contact" and _inside_contact_block(head):
            continue
        if head is not None and head.kind in _CONTACT_KINDS - {"contact"} and not head.fields:
            continue  # a stray "Email: x" line belongs to the text around it
        if head is None and current not in _CLOSED_SECTIONS and _plain_heading(blocks, pos):
            head = Head(index, "other", clean_label_text(block.text).rstrip(":"))
        if head is None and current in _CLOSED_SECTIONS and block.kind is BlockKind.HEADING:
            head = Head(index, "other", clean_label_text(block.text).rstrip(":"))
        if head is None:
            continue
        heads.append(head)
        if head.kind == "contact" and current != "contact":
            skip_until = pos + 1 + contact_extent(head, blocks[pos + 1:])
        if not head.is_field or head.kind == "contact":
            current = head.kind
        elif current in ("purpose", "summary", "recommendations", "actions"):
            current = ""
    return heads


# ------------------------------------------------------------------ sections


def _section_paragraphs(blocks: list[tuple[int, Block]]) -> tuple[Paragraph, ...]:
    out = []
    for index, block in blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        number, rest = paragraph_number(block)
        if number and rest:
            out.append(Paragraph(number, rest, index))
    return tuple(out)


def _content(head: Head, blocks: list[tuple[int, Block]]) -> list[str]:
    """The section's text lines: the label's inline value, then its blocks."""
    lines = [head.value] if head.value else []
    lines += [_text(b) if b.kind is not BlockKind.TABLE else b.text for _, b in blocks]
    return [ln for ln in lines if ln.strip() and not is_placeholder(ln)]


def build_sections(blocks: list[tuple[int, Block]], heads: list[Head]
                   ) -> list[tuple[Head, list[tuple[int, Block]]]]:
    """Each section head with the blocks under it (up to the next head)."""
    positions = {index: pos for pos, (index, _) in enumerate(blocks)}
    out = []
    for i, head in enumerate(heads):
        start = positions[head.index] + 1
        end = positions[heads[i + 1].index] if i + 1 < len(heads) else len(blocks)
        out.append((head, blocks[start:end]))
    return out


def _section(head: Head, body: list[tuple[int, Block]]) -> Section:
    text = "\n".join(_content(head, body))
    last = body[-1][0] if body else head.index
    return Section(kind=head.kind, heading=head.heading, text=text,
                   paragraphs=_section_paragraphs(body), first_block=head.index,
                   last_block=last)


# ------------------------------------------------------------------ template values


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
    lines: list[tuple[Block | None, str]] = [(None, head.value)] if head.value else []
    lines += [(b, _text(b)) for _, b in body if b.kind is not BlockKind.TABLE]
    for block, text in lines:
        if not text or is_placeholder(text):
            continue
        marked, rest = strip_item_marker(text)
        is_item = block is not None and block.kind is BlockKind.LIST_ITEM
        if not rest or is_placeholder(rest):
            continue
        depth = block.depth if is_item and block is not None else 0
        out.append((depth, rest, marked or is_item))
    return out


def list_items(head: Head, body: list[tuple[int, Block]]) -> tuple[str, ...]:
    """Recommendations or actions as separate strings, as written minus list markers.

    An introduction ending in a colon ("The Cabinet is RECOMMENDED to:") is dropped when
    items follow it, and its sub-items become the items; a numbered item with sub-items of
    its own among sibling items keeps them joined to it; a single sentence with no list
    is itself the one item.
    """
    lines = _item_lines(head, body)
    lines = _without_intro(lines)
    if not lines:
        return ()
    top = min(depth for depth, _, _ in lines)
    groups: list[list[str]] = []
    for depth, text, _ in lines:
        if len(text) > 1500:
            break  # body prose, not a recommendation
        if depth == top or not groups:
            groups.append([text])
        else:
            groups[-1].append(text)
    if len(groups) > 1 and len(groups[0]) == 1 and groups[0][0].endswith(":"):
        groups = groups[1:]
    return tuple(" ".join(g) for g in groups)


def _without_intro(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Drop "That the Cabinet:" when everything after it is indented under it."""
    if len(lines) < 2 or not lines[0][1].endswith(":"):
        return lines
    if all(depth > lines[0][0] for depth, _, _ in lines[1:]):
        return lines[1:]
    return lines


def _first_value(head: Head, body: list[tuple[int, Block]]) -> str | None:
    """The first real line of a section: "For information." under "Purpose"."""
    for line in _content(head, body):
        _, text = paragraph_number(Block(BlockKind.PARAGRAPH, line))
        if text and not is_placeholder(text):
            return text
    return None


def _joined_value(head: Head, body: list[tuple[int, Block]]) -> str | None:
    lines = [paragraph_number(Block(BlockKind.PARAGRAPH, ln))[1] for ln in _content(head, body)]
    lines = [ln for ln in lines if ln and not is_placeholder(ln)]
    return "\n".join(lines) or None


_ASKS = re.compile(r"^(?:it is recommended that|(?:board |committee )?members are (?:asked|invited|"
                   r"recommended) to|(?:the )?[\w ,&'-]{2,60} (?:is|are) (?:recommended|asked|invited) "
                   r"to|argymhellir|gofynnir i)\b", re.IGNORECASE)


def asked_in_template(cut: list[tuple[Head, list[tuple[int, Block]]]], first_head: int,
                      front: list[tuple[int, Block]]) -> tuple[str, ...]:
    """"Members are asked to note..." in a purpose or summary with no recommendations label.

    Only the front and the purpose/summary sections are searched: a body paragraph that
    happens to say "it is recommended" is never taken for the report's recommendation.
    """
    zones = [front] + [body for head, body in cut
                       if head.kind in ("purpose", "summary") and head.index >= first_head]
    for zone in zones:
        for pos, (_, block) in enumerate(zone):
            number, text = paragraph_number(block)
            if block.kind is BlockKind.TABLE or not _ASKS.match(text):
                continue
            if not text.endswith(":"):
                return (text,)
            head = Head(zone[pos][0], "recommendations", "")
            items = list_items(head, zone[pos:])
            return items[1:] if items and items[0] == text else items
    return ()


def report_confidential(fields: dict[str, str]) -> bool | None:
    """Yes/No from "Is this report confidential?", "Exempt information:" or a "Part II" line."""
    for key in ("confidential", "exempt"):
        if key in fields:
            answer = _yes_no(fields[key])
            if answer is not None:
                return answer
    if "status" in fields and _STATUS_LINE.match(fields["status"]):
        return bool(_STATUS_CONFIDENTIAL.match(fields["status"]))
    return None


def _yes_no(value: str) -> bool | None:
    value = value.strip().strip("*").strip()
    if _YES.match(value):
        return True
    if _NO.match(value):
        return False
    return None


@dataclass(frozen=True, slots=True)
class Front:
    """What the lines before the template say: title and header fields."""

    title: str | None
    fields: dict[str, str]


def table_fields(blocks: list[tuple[int, Block]]) -> dict[str, str]:
    """Header fields laid out as a two-column table ("Report to:" | "Cabinet")."""
    out: dict[str, str] = {}
    for _, block in blocks:
        if block.kind is not BlockKind.TABLE:
            continue
        for row in block.rows:
            cells = [c.strip() for c in row if c.strip()]
            if len(cells) < 2:
                continue
            label = match_label(f"{cells[0].rstrip(':')}: {' '.join(cells[1:])}")
            if label is not None and label.kind in FIELD_KINDS and label.value:
                out.setdefault(label.kind, label.value)
    return out


def _header_fields(heads: list[Head]) -> dict[str, str]:
    out: dict[str, str] = {}
    for head in heads:
        pairs = [(f.kind, f.value) for f in head.fields] or [(head.kind, head.value)]
        for kind, value in pairs:
            value = clean_label_text(value)
            if kind == "report_of" and not value:
                m = _REPORT_OF_LINE.match(head.heading)
                value = m.group("who") if m else ""
            if value and not is_placeholder(value):
                out.setdefault(kind, value)
    return out


def _title_candidate(block: Block) -> str | None:
    text = clean_label_text(block.text).strip()
    if (not text or is_placeholder(text) or _BOILERPLATE.match(text) or _COUNCIL_NAME.match(text)
            or parse_date(text) and len(text) <= 40 or len(text) > 200):
        return None
    if _REPORT_TO_LINE.match(text) or _REPORT_OF_LINE.match(text) or _BODY_LINE.match(text):
        return None
    return text.rstrip(":").strip()


def read_front(front: list[tuple[int, Block]], fields: dict[str, str]) -> Front:
    """The title: a "Subject:"/"Title:" field, else the first title-like line."""
    if fields.get("subject"):
        return Front(fields["subject"], fields)
    headings = [b for _, b in front if b.kind is BlockKind.HEADING]
    for block in headings + [b for _, b in front if b.kind is not BlockKind.HEADING]:
        if block.kind is BlockKind.TABLE or block_head(0, block) is not None:
            continue
        title = _title_candidate(block)
        if title:
            return Front(title, fields)
    return Front(None, fields)


def _front_lines_fields(front: list[tuple[int, Block]], fields: dict[str, str]) -> None:
    """"Report to the Cabinet" / "Report of the Director of Place" without colons."""
    for _, block in front:
        text = clean_label_text(block.text)
        m = _REPORT_TO_LINE.match(text)
        if m:
            fields.setdefault("report_to", m.group("body"))
        m = _REPORT_OF_LINE.match(text)
        if m:
            fields.setdefault("report_of", m.group("who"))
        m = _STATUS_LINE.match(text)
        if m:
            fields.setdefault("status", m.group(0))


# ------------------------------------------------------------------ the report


def _content_blocks(layout: Layout, first: int, last: int) -> list[tuple[int, Block]]:
    first = max(0, first)
    last = min(last, len(layout.blocks) - 1)
    return [(i, layout.blocks[i]) for i in range(first, last + 1)
            if layout.blocks[i].kind is not BlockKind.PAGE_BREAK and _text(layout.blocks[i])]


def _contact_section(head: Head, body: list[tuple[int, Block]]
                     ) -> tuple[tuple[ContactOfficer, ...], list[tuple[int, Block]]]:
    """Officers from a contact section, and the blocks after the block it used."""
    officers, used = read_contacts(_contact_lines(head, body), heading=not head.value)
    used_blocks = used - (1 if head.value or head.fields else 0)
    return officers, body[max(0, used_blocks):]


def _table_as_fields(block: Block) -> str:
    """A two-column contact table as "Label: value" lines joined by newlines."""
    rows = [" ".join(c for c in row if c.strip()) for row in block.rows]
    return "\n".join(rows)


def _rest_section(after: list[tuple[int, Block]]) -> Section | None:
    """Body text that follows a template block with no heading of its own."""
    if not after:
        return None
    head = Head(after[0][0], "other", "")
    return Section(kind="other", heading="", text="\n".join(_content(head, after)),
                   paragraphs=_section_paragraphs(after), first_block=after[0][0],
                   last_block=after[-1][0])


def _template_value(head: Head, body: list[tuple[int, Block]]) -> str | tuple[str, ...] | None:
    if head.kind == "purpose":
        return _first_value(head, body)
    if head.kind == "summary":
        return _joined_value(head, body)
    return list_items(head, body)


def _first_section_head(heads: list[Head], default: int) -> int:
    """Where the front ends: the first labelled section (a title heading is not one)."""
    labelled = (h.index for h in heads
                if (not h.is_field and h.kind != "other") or h.kind == "contact")
    return next(labelled, default)


def _front_contacts(heads: list[Head], first_head: int) -> tuple[ContactOfficer, ...]:
    """Contacts given among flattened header fields ("... Contact officer: Jane Doe ...")."""
    lines = [f"{f.label}: {f.value}" for h in heads for f in h.fields
             if f.kind in _CONTACT_KINDS and h.index < first_head]
    return read_contacts(lines)[0] if lines else ()


def parse_report(layout: Layout, first: int, last: int) -> Report:
    """One report from blocks first..last (absolute indices, inclusive)."""
    blocks = _content_blocks(layout, first, last)
    if not blocks:
        return Report(first_block=first, last_block=last)
    heads = find_heads(blocks)
    cut = build_sections(blocks, heads)
    first_head = _first_section_head(heads, blocks[-1][0] + 1)
    front_blocks = [(i, b) for i, b in blocks if i < first_head]
    fields = _header_fields(heads)
    for kind, value in table_fields(front_blocks).items():
        fields.setdefault(kind, value)
    _front_lines_fields(front_blocks, fields)
    front = read_front(front_blocks, fields)

    values: dict[str, object] = {}
    sections: list[Section] = []
    officers: list[ContactOfficer] = list(_front_contacts(heads, first_head))
    for head, body in cut:
        if head.index < first_head:
            continue  # the front: title lines and header fields, read above
        if head.is_field and head.kind != "contact":
            extra = _rest_section(body) if head.index > first_head else None
            if extra is not None:
                sections.append(extra)
            continue
        if head.kind == "contact":
            found, rest = _contact_section(head, body)
            officers.extend(found)
            sections.append(_section(head, body[:len(body) - len(rest)]))
            extra = _rest_section(rest)
            if extra is not None:
                sections.append(extra)
            continue
        sections.append(_section(head, body))
        if head.kind in _TEMPLATE and head.kind not in values:
            value = _template_value(head, body)
            if value:
                values[head.kind] = value

    if "recommendations" not in values:
        asked = asked_in_template(cut, first_head, front_blocks)
        if asked:
            values["recommendations"] = asked
    confidential = report_confidential(fields)
    pages = (blocks[0][1].page, blocks[-1][1].page)
    return Report(
        title=front.title,
        purpose=values.get("purpose"),  # type: ignore[arg-type]
        summary=values.get("summary"),  # type: ignore[arg-type]
        recommendations=values.get("recommendations", ()),  # type: ignore[arg-type]
        actions=values.get("actions", ()),  # type: ignore[arg-type]
        contact_officers=merge_officers(officers),
        confidential=confidential,
        plan_theme=fields.get("plan_theme"),
        report_of=fields.get("report_of"),
        sections=tuple(sections),
        first_block=first,
        last_block=last,
        pages=pages,
    )


def report_fields(layout: Layout, first: int, last: int) -> dict[str, str]:
    """The header fields of a report ("report_to", "date", "wards"...), for callers."""
    blocks = _content_blocks(layout, first, last)
    heads = find_heads(blocks)
    fields = _header_fields(heads)
    first_head = _first_section_head(heads, len(layout.blocks))
    front = [(i, b) for i, b in blocks if i < first_head]
    for kind, value in table_fields(front).items():
        fields.setdefault(kind, value)
    _front_lines_fields(front, fields)
    return fields


def english_months(text: str) -> str:
    """"3 June 2025" from "3 Mehefin 2025", so the one date parser reads Welsh dates."""
    return re.sub(r"\b(" + "|".join(_WELSH_MONTHS) + r")\b",
                  lambda m: _WELSH_MONTHS[m.group(1).lower()], text, flags=re.IGNORECASE)


def _report_date(layout: Layout, fields: dict[str, str]) -> str | None:
    if fields.get("date"):
        iso = parse_date(english_months(fields["date"]))
        if iso:
            return iso
    for block in layout.content_blocks[:15]:
        text = _text(block)
        if len(text) <= 60:
            iso = parse_date(english_months(text))
            if iso:
                return iso
    return None


def _body_name(report_to: str | None) -> str | None:
    """"Environment Committee" from "Environment Committee, 14 March 2024"."""
    if not report_to:
        return None
    name = re.sub(r"[,\s–-]*(?:on\s+)?(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}\.?$",
                  "", report_to).strip(" ,")
    return name or report_to


def parse_report_paper(layout: Layout, classification: Classification) -> Paper:
    """A standalone report: the Paper around its one Report."""
    last = len(layout.blocks) - 1
    report = parse_report(layout, 0, last)
    fields = report_fields(layout, 0, last)
    if "report_to" not in fields:
        body_line = next((_text(b) for b in layout.content_blocks[:8]
                          if _BODY_LINE.match(_text(b)) and len(_text(b)) <= 80), None)
        if body_line:
            fields["report_to"] = body_line
    return Paper(
        source=layout.source, genre=classification.genre, layout=layout,
        genre_evidence=classification.evidence, title=report.title,
        body=_body_name(fields.get("report_to")), date=_report_date(layout, fields),
        reports=(report,), language=getattr(classification, "language", "en"),
    )
