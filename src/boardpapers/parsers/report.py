"""Committee reports: the template every council fills in, read into a Report.

A report has a *front* (title, who it goes to, date, header fields), a *template*
(purpose, summary, recommendations, actions, contact officers, confidentiality, plan
theme) and a *body* of headed sections with numbered paragraphs. The parser

1. finds the *heads* (``report_heads``): blocks that open a section (a known label in
   any wording, a real heading, or a short title-like line before a longer paragraph) or
   that carry a header field ("Date: 12 March 2024");
2. cuts the blocks into sections between heads, each with a canonical kind;
3. reads the template values from their sections (here), and the title, board, date
   and header fields from the front (``report_front``).

``parse_report(layout, first, last)`` works on any slice of a layout, so the agenda-pack
parser calls it once per report in a pack; all block indices stay absolute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.model.paper import ContactOfficer, Paper, Paragraph, Report, Section
from boardpapers.parsers import contacts_block, report_heads
from boardpapers.parsers.authority import paper_authority
from boardpapers.parsers.contacts_block import (
    contacts_from_table,
    merge_officers,
    phone_and_email,
    read_contacts,
    with_nameless_details,
)
from boardpapers.parsers.report_front import (
    CLOSING_DATE,
    authority_line,
    banner_committee,
    body_name,
    committee_line,
    exempt_paragraphs,
    exemption,
    front_line_fields,
    header_fields,
    key_decision,
    masthead_office,
    read_front,
    report_confidential,
    report_date,
    table_fields,
    table_rows_as_lines,
)
from boardpapers.parsers.report_heads import (
    CONTACT_KINDS,
    Head,
    block_text,
    contact_line,
    contact_lines,
    find_heads,
    first_section_head,
    paragraph_number,
)
from boardpapers.parsers.report_recs import (
    CONNECTOR_END,
    asked_in_template,
    before_reasons,
    list_items,
    table_recommendations,
    unfinished,
    wrapped,
)
from boardpapers.vocab import labels
from boardpapers.vocab.labels import is_placeholder, match_label

# The template sections whose first occurrence gives the report's value of that name.
_TEMPLATE = frozenset({"purpose", "summary", "recommendations", "actions", "contact"})

# ------------------------------------------------------------------ finding heads


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
    lines += [block_text(b) if b.kind is not BlockKind.TABLE else b.text for _, b in blocks]
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



def _first_value(head: Head, body: list[tuple[int, Block]]) -> str | None:
    """The first real paragraph of a section: "For information." under "Purpose", with
    the lines a PDF wrapped it onto."""
    value: str | None = None
    for line in _content(head, body):
        number, text = paragraph_number(Block(BlockKind.PARAGRAPH, line))
        if value is None:
            text = text.lstrip(":").strip()  # "Purpose" / ": for Decision" broken by a converter
            value = text if text and not is_placeholder(text) else None
        elif not number and text and (wrapped(value, text) or unfinished(value)):
            value = f"{value} {text}"
        else:
            break
    return value


def _joined_value(head: Head, body: list[tuple[int, Block]]) -> str | None:
    lines = [paragraph_number(Block(BlockKind.PARAGRAPH, ln))[1] for ln in _content(head, body)]
    lines = [ln for ln in lines if ln and not is_placeholder(ln)]
    return "\n".join(lines) or None




# ------------------------------------------------------------------ the report


def _content_blocks(layout: Layout, first: int, last: int) -> list[tuple[int, Block]]:
    first = max(0, first)
    last = min(last, len(layout.blocks) - 1)
    return [(i, layout.blocks[i]) for i in range(first, last + 1)
            if layout.blocks[i].kind is not BlockKind.PAGE_BREAK and block_text(layout.blocks[i])]


def _contact_section(head: Head, body: list[tuple[int, Block]]
                     ) -> tuple[tuple[ContactOfficer, ...], list[tuple[int, Block]]]:
    """Officers from a contact section, and the blocks after the block it used."""
    officers, used = read_contacts(contact_lines(head, body), heading=not head.value)
    used_blocks = used - (1 if head.value or head.fields else 0)
    return officers, body[max(0, used_blocks):]


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


def _front_contacts(cut: list[tuple[Head, list[tuple[int, Block]]]], first_head: int,
                    front: list[tuple[int, Block]]) -> tuple[ContactOfficer, ...]:
    """Contacts in the front: "Contact officer: Jane Doe" header lines (flattened or not)
    and header tables ("Contact officer" | "Jane Doe, 01632 960000")."""
    lines: list[str] = []
    for head, body in cut:
        if head.index >= first_head:
            break
        if head.kind == "contact":
            lines += contact_lines(head, body)
        elif head.fields:
            lines += [f"{f.label}: {f.value}" for f in head.fields if f.kind in CONTACT_KINDS]
    lines += _table_contact_lines(table_rows_as_lines(front))
    return read_contacts(lines)[0] if lines else ()


def _table_contact_lines(rows: list[str]) -> list[str]:
    """A header table's contact rows; a "Report author" row counts as the contact when
    phone or e-mail rows follow it ("Report author: | Leah M, Lead" / "Tel: | 01632…")."""
    kinds = [label.kind if (label := match_label(ln)) is not None else None for ln in rows]
    out = []
    for k, (line, kind) in enumerate(zip(rows, kinds, strict=True)):
        if kind in CONTACT_KINDS:
            out.append(line)
        elif kind == "author" and "contact" not in kinds and any(
                later in ("phone", "email") for later in kinds[k + 1:k + 3]):
            out.append(f"Contact: {line.split(':', 1)[1].strip()}")
    return out


def _author_contacts(cut: list[tuple[Head, list[tuple[int, Block]]]]
                     ) -> list[ContactOfficer]:
    """A "Report author" / Scottish "Author:" block, when the report names no contact.

    The author counts with a phone or e-mail, or with a job title on the label's line
    ("Report Author: Tom Ashworth, Senior Planner").
    """
    found: list[ContactOfficer] = []
    for head, body in cut:
        if head.kind == "author":
            # read as a contact label, so the reader knows the first line names the officer
            as_contact = Head(head.index, "contact", "Contact", head.value)
            officers = read_contacts(contact_lines(as_contact, body), heading=not head.value)[0]
            found += [o for o in officers if o.phone or o.email or (head.value and o.position)]
    return found


@dataclass(slots=True)
class _Reading:
    """What the sections after the front give: sections, officers, template values."""

    sections: list[Section] = field(default_factory=list)
    officers: list[ContactOfficer] = field(default_factory=list)
    nameless: list[tuple[str | None, str | None]] = field(default_factory=list)  # phone, email
    values: dict[str, str | tuple[str, ...]] = field(default_factory=dict)


def _read_sections(cut: list[tuple[Head, list[tuple[int, Block]]]], first_head: int,
                   reading: _Reading) -> _Reading:
    for head, body in cut:
        if head.index < first_head:
            continue  # the front: title lines and header fields, read separately
        if head.is_field and head.kind != "contact":
            extra = _rest_section(body) if head.index > first_head else None
            reading.sections += [extra] if extra is not None else []
            continue
        if head.kind == "contact":
            found, rest = _contact_section(head, body)
            reading.officers.extend(found)
            if not found and head.value:
                reading.nameless.append(phone_and_email(head.value))
            reading.sections.append(_section(head, body[:len(body) - len(rest)]))
            extra = _rest_section(rest)
            reading.sections += [extra] if extra is not None else []
            continue
        reading.sections.append(_section(head, body))
        if labels.is_introduction(head.heading) and "introduction" not in reading.values:
            value = _first_value(head, body)
            if value:
                reading.values["introduction"] = value
        if head.kind in _TEMPLATE and (head.kind not in reading.values
                                       or _only_a_type(reading.values, head.kind)):
            template_value = _template_value(head, body) or _label_as_value(head, body, cut)
            if template_value:
                reading.values[head.kind] = template_value
    return reading


# "Purpose: For decision": what kind of paper it is, which a later "Summary/Purpose"
# section saying what it is for replaces.
_PAPER_TYPE = re.compile(r"^(?:for )?(?:decision|information|noting|discussion|approval"
                         r"|consideration)\.?$", re.IGNORECASE)


def _only_a_type(values: dict[str, str | tuple[str, ...]], kind: str) -> bool:
    value = values.get(kind)
    return kind == "purpose" and isinstance(value, str) and bool(_PAPER_TYPE.match(value))


def _label_as_value(head: Head, body: list[tuple[int, Block]],
                    cut: list[tuple[Head, list[tuple[int, Block]]]]) -> str | None:
    """"Purpose of Report" / "Decision": an empty purpose section whose answer, a paper
    type, the reader took for the next heading."""
    if head.kind != "purpose" or body:
        return None
    after = next((h for h, _ in cut if h.index > head.index), None)
    if after is None or after.value or not _PAPER_TYPE.match(after.heading):
        return None
    return after.heading


def _table_contacts(blocks: list[tuple[int, Block]]) -> list[ContactOfficer]:
    """Officers in tables, with the lines after a table whose last row is a contact."""
    found: list[ContactOfficer] = []
    for pos, (_, block) in enumerate(blocks):
        if block.kind is BlockKind.TABLE:
            after = _lines_after_table(blocks[pos + 1:pos + 8])
            found += contacts_from_table(block.rows, after)
    return found


def _lines_after_table(blocks: list[tuple[int, Block]]) -> list[str]:
    """Up to three lines after a table, read on over a page break and its running header
    (a contact cell's last rows may be on the next page). A table of an officer's details
    that names no officer is read too: a converter writing each page's rows as their own
    table ("| Telephone No: | 029 … |" after the page footer) split the contact there."""
    lines = [contact_line(b) for _, b in blocks
             if b.kind is not BlockKind.PAGE_BREAK
             and (b.kind is not BlockKind.TABLE or _nameless_details_table(b))]
    return [ln for ln in lines if ln][:3]


def _nameless_details_table(block: Block) -> bool:
    """A table of contact details (phone, e-mail) without the officer's name."""
    rows = [" ".join(c.strip() for c in row if c.strip()) for row in block.rows]
    return bool(rows) and not contacts_from_table(block.rows) \
        and any(phone_and_email(row) != (None, None) for row in rows)


def _front_fields(blocks: list[tuple[int, Block]], heads: list[Head], first_head: int
                  ) -> dict[str, str]:
    """Header fields from labelled lines, a header table and unlabelled front lines."""
    front = [(i, b) for i, b in blocks if i < first_head]
    fields = header_fields([_title_completed(h, blocks) for h in heads if h.index < first_head])
    for kind, value in header_fields([h for h in heads if h.index >= first_head]).items():
        fields.setdefault(CLOSING_DATE if kind == "date" else kind, value)
    for kind, value in table_fields(front).items():
        fields.setdefault(kind, value)
    front_line_fields(front, fields)
    return fields


def _title_completed(head: Head, blocks: list[tuple[int, Block]]) -> Head:
    """"Title: … Approval to Consult on a" / "20mph Limit": a title field's value broken
    after a connecting word, its end on the next line."""
    if head.kind != "subject" or not head.value or not CONNECTOR_END.search(head.value):
        return head
    after = next((b for i, b in blocks if i > head.index), None)
    if after is None or after.kind is not BlockKind.PARAGRAPH or len(block_text(after)) > 60 \
            or match_label(block_text(after)) is not None:
        return head
    return Head(head.index, head.kind, head.heading, f"{head.value} {block_text(after)}",
                head.fields, head.language)


def clear_caches() -> None:
    """Forget every cached line answer of the report parser (labels, contacts, text):
    after each paper (pipeline.understand), and so a benchmark times a cold start."""
    labels.clear_caches()
    contacts_block.clean_value.cache_clear()
    report_heads.clear_caches()


def parse_report(layout: Layout, first: int, last: int) -> Report:
    """One report from blocks first..last (absolute indices, inclusive)."""
    blocks = _content_blocks(layout, first, last)
    if not blocks:
        return Report(first_block=first, last_block=last)
    heads = find_heads(blocks)
    cut = build_sections(blocks, heads)
    first_head = first_section_head(heads, blocks[-1][0] + 1)
    front_blocks = [(i, b) for i, b in blocks if i < first_head]
    fields = _front_fields(blocks, heads, first_head)
    front_officers = list(_front_contacts(cut, first_head, front_blocks))
    reading = _read_sections(cut, first_head, _Reading(officers=front_officers))
    reading.officers += _table_contacts(blocks)
    if not reading.officers:
        reading.officers += _author_contacts(cut)
    values = reading.values
    for kind in ("purpose", "summary"):  # from a header table, when no section gave one
        if kind not in values and fields.get(kind):
            values[kind] = fields[kind]
    if "purpose" not in values and "summary" not in values and "introduction" in values:
        values["purpose"] = values["introduction"]  # "1. Introduction 1.1 This report seeks…"
    if "recommendations" not in values:
        values["recommendations"] = (table_recommendations(front_blocks)
                                     or asked_in_template(cut, first_head, front_blocks)
                                     or _field_recommendations(fields)
                                     or before_reasons(cut))
    return Report(
        title=read_front(front_blocks, fields).title,
        purpose=_one(values.get("purpose")),
        summary=_one(values.get("summary")),
        recommendations=_many(values.get("recommendations")),
        actions=_many(values.get("actions")),
        contact_officers=with_nameless_details(merge_officers(reading.officers),
                                               reading.nameless),
        confidential=report_confidential(fields),
        plan_theme=fields.get("plan_theme"),
        report_of=fields.get("report_of"),
        sections=tuple(reading.sections),
        report_number=fields.get("report_number"),
        portfolio=fields.get("portfolio"),
        wards=fields.get("wards"),
        key_decision=key_decision(fields),
        exemption=exemption(fields),
        exempt_paragraphs=exempt_paragraphs(fields, [b.text for _, b in blocks]),
        first_block=first,
        last_block=last,
        pages=(blocks[0][1].page, blocks[-1][1].page),
    )


def _field_recommendations(fields: dict[str, str]) -> tuple[str, ...]:
    """"RECOMMENDATIONS: Approval is requested to: 1 To approve …" as a field of a cover
    sheet flattened into one paragraph."""
    value = fields.get("recommendations")
    return list_items(Head(0, "recommendations", "", value), []) if value else ()


def _one(value: str | tuple[str, ...] | None) -> str | None:
    return value if isinstance(value, str) else None


def _many(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else ()


def report_fields(layout: Layout, first: int, last: int) -> dict[str, str]:
    """The header fields of a report ("report_to", "date", "wards"...), for callers."""
    blocks = _content_blocks(layout, first, last)
    heads = find_heads(blocks)
    return _front_fields(blocks, heads, first_section_head(heads, len(layout.blocks)))


# A "Decision:" section of a decision record holds what was decided, not a recommendation.
_DECISION_HEADING = re.compile(r"^(?:decision|penderfyniad)\b", re.IGNORECASE)
# "Members are asked to declare any interests": an agenda item's business, not a report's
# recommendation, where no recommendations heading says otherwise.
_MEMBERS_ASKED = re.compile(r"^members are (?:asked|invited|requested) to\b", re.IGNORECASE)


def without_decisions(report: Report) -> Report:
    """A paper of no report genre keeps no "recommendations" that record decisions taken
    ("Decision:") or describe an agenda's business ("Members are asked to declare …")."""
    labelled = [s for s in report.sections if s.kind == "recommendations"]
    if any(_DECISION_HEADING.match(s.heading) for s in labelled) or (not labelled and all(
            _MEMBERS_ASKED.match(r) for r in report.recommendations)):
        return replace(report, recommendations=())
    return report


def template_report(layout: Layout) -> Report | None:
    """The report template in a paper of no report genre (a forward-plan entry, a decision
    page, a template), when it gives recommendations, a purpose or contact officers."""
    report = without_decisions(parse_report(layout, 0, len(layout.blocks) - 1))
    if report.recommendations or report.purpose or report.contact_officers:
        return report
    return None


def parse_report_paper(layout: Layout, classification: Classification) -> Paper:
    """A standalone report: the Paper around its one Report."""
    last = len(layout.blocks) - 1
    report = parse_report(layout, 0, last)
    if classification.genre != "report":  # a record of decision read as a report
        report = without_decisions(report)
    fields = report_fields(layout, 0, last)
    body = body_name(fields.get("report_to") or masthead_office(layout) or committee_line(layout)
                     or banner_committee(layout) or authority_line(layout))
    authority = paper_authority(layout, body=body,
                                contacts=[o.email for o in report.contact_officers])
    return Paper(
        source=layout.source, genre=classification.genre, layout=layout,
        genre_evidence=classification.evidence, title=report.title,
        body=body or authority, authority=authority,
        date=report_date(layout, fields),
        reports=(report,), language=getattr(classification, "language", "en"),
    )
