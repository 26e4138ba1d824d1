"""A report's front: its title, the board it goes to, its date and header fields.

The lines before the template ("Report to:", "Date of meeting:", "Report of the
Director of...", "Part II", a two-column header table) and the title among them, which
is the "Subject:" field when there is one and otherwise the first line that is not a
council name, a committee name, a date or boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.parsers.report_heads import Head, block_head, block_text, body_name_completed
from boardpapers.vocab.dates import english_months, parse_date
from boardpapers.vocab.labels import FIELD_KINDS, clean_label_text, is_placeholder, match_label
from boardpapers.vocab.text import fold


@dataclass(frozen=True, slots=True)
class FrontSettings:
    """Where a report's front matter is sought (blocks from the top) and how long its
    lines may be (characters) to be a title, a date, a committee or an authority."""

    title_chars: int = 200  # a longer block is no title
    date_chars: int = 40  # a date standing alone ("5 February 2026") in a title or banner
    date_blocks: int = 15  # blocks from the top where a dated line may give the date
    date_line_chars: int = 60  # a dated line this short is a date line...
    banner_chars: int = 140  # ...a longer one, up to this, a banner ending in the date
    footer_chars: int = 100  # a running footer carrying the date
    committee_blocks: int = 8  # blocks from the top where a committee line may stand
    authority_blocks: int = 6  # ...and an authority's name, or a banner naming both
    banner_blocks: int = 2  # the masthead lines read as a banner ("Authority – Committee")
    name_chars: int = 80  # a committee's or authority's name
    banner_line_chars: int = 120  # a banner line
    shouted_words: int = 5  # a title in capitals has at least this many words...
    shouted_letters: int = 20  # ...and letters
    wrapped_title_words: int = 6  # a capitals title this long may wrap onto a second heading


FRONT = FrontSettings()


_BOILERPLATE = re.compile(
    r"^(?:agenda item\b.*|item(?: no\.?)? \d+.*|eitem \d+.*|part (?:i|ii|1|2|one|two)\b.*"
    r"|public|open|official(?:[- ]sensitive)?|not protectively marked|restricted"
    r"|document is restricted|not for publication.*|exempt.*|confidential|page \d+.*"
    r"|appendix \w{1,3}|annex \w{1,3}|atodiad \w{1,3}|draft|tudalen \d+.*|\d+"
    # a Scottish reference line under "Item No. 7": "Report No. PLC/25/061"
    r"|(?:report|paper|document) (?:no|number|ref(?:erence)?)\.?:? ?[\w/.-]{1,30})$",
    re.IGNORECASE)
_COUNCIL_NAME = re.compile(
    r"^(?:the )?(?:[A-Z][\w&'’,.-]*\s+){0,6}(?:council|authority|association|cyngor\b.*"
    r"|combined authority|fire and rescue authority|borough|city of .*)$|^cyngor\b.*",
    re.IGNORECASE)
_REPORT_TO_LINE = re.compile(r"^(?:(?:report|paper) to (?:the )?|adroddiad i(?:'r| r|\s))\s*"
                             r"(?P<body>.{3,120})$", re.IGNORECASE)
# A line naming the meeting, not the report: "Licensing and Regulatory Committee".
_BODY_LINE = re.compile(r"^(?!that\b|(?:joint )?report (?:of|by|from|to)\b"
                        # a report's subject: "Establishment of a Joint Waste Committee"
                        r"|(?:establishment|creation|formation|review|appointments?|changes?"
                        r"|proposals?|terms of reference|membership|update)\b|.*\b(?:a|an)\s)"
                        r"(?:the )?(?:[A-Z][\w&,' -]{0,80}\b)?(?:committee|sub-committee"
                        r"|cabinet|board|panel|forum|executive|council meeting|full council)$"
                        r"|^pwyllgor\b[\w' -]{0,80}$", re.IGNORECASE)
# A front line that says whether the report is public: "Part II", "NOT FOR PUBLICATION".
_STATUS_LINE = re.compile(r"^(?:part (?:i{1,2}|1|2|one|two)|not for publication|for general release"
                          r"|exempt|confidential|open|public|private|restricted)"
                          r"(?: report| item)?$",
                          re.IGNORECASE)
_STATUS_CONFIDENTIAL = re.compile(r"^(?:part (?:ii|2|two)|not for publication|exempt|confidential"
                                  r"|private|restricted)\b", re.IGNORECASE)
_REPORT_OF_LINE = re.compile(r"^(?:joint )?report (?:of|by|from) (?:the )?(?P<who>.{3,160})$",
                             re.IGNORECASE)
_YES = re.compile(r"^(?:yes|ydy|ydi|oes|y|true|part (?:ii|2|two)|exempt|confidential"
                  r"|not for publication|restricted)\b", re.IGNORECASE)
_NO = re.compile(r"^(?:no|nac ydy|nac ydi|nac oes|na|none|n/?a|nil|false|part (?:i|1|one)"
                 r"|public|open|not exempt)\b", re.IGNORECASE)


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


def key_decision(fields: dict[str, str]) -> bool | None:
    """Yes/No from "Key decision:" ("Yes – KD/2025/14", "Ydy / Yes")."""
    return _yes_no(fields["key_decision"]) if fields.get("key_decision") else None


# "Yes - Appendix B is exempt under paragraph 3 of Schedule 12A" -> the reason only.
_ANSWER_PREFIX = re.compile(r"^(?:yes|no|ydy|ydi|oes|nac ydy|nac oes)\b\s*[-–—:,;.]?\s*",
                            re.IGNORECASE)


def exemption(fields: dict[str, str]) -> str | None:
    """Why the report (or part of it) is exempt, when its header says more than Yes/No."""
    for key in ("exempt", "confidential"):
        value = fields.get(key) or ""
        answer = _yes_no(value)
        if answer is False or (key == "confidential" and answer is None):
            continue  # "Confidential: Public" / "Classification: OFFICIAL" give no reason
        reason = _ANSWER_PREFIX.sub("", value).strip()
        if reason:
            return reason
    return None


_PARAGRAPHS = r"(?P<nums>\d{1,2}(?:\s*(?:,|and|&|or|a|ac)\s*\d{1,2})*)"
# The exemption paragraphs of Schedule 12A to the Local Government Act 1972 (Part 4 of
# it in Wales: "paragraff 14 o Ran 4 o Atodlen 12A").
_SCHEDULE_12A = re.compile(
    rf"\bparagraphs?\s+{_PARAGRAPHS}\s+of\s+(?:part\s+(?:1|i|one|4)\s+of\s+)?(?:the\s+)?"
    r"schedule\s*12\s?a\b"
    rf"|\bparagraff(?:au)?\s+{_PARAGRAPHS.replace('nums', 'cy')}"
    r"\s+o\s+ran\s+4\s+o\s+atodlen\s*12\s?a\b",
    re.IGNORECASE)
_PARAGRAPH_ONLY = re.compile(rf"\bparagraphs?\s+{_PARAGRAPHS}\b", re.IGNORECASE)


def exempt_paragraphs(fields: dict[str, str], texts: list[str]) -> tuple[str, ...]:
    """Schedule 12A paragraph numbers the report cites, in order, each once.

    The exempt field may name a bare "paragraph 3"; elsewhere in the report a paragraph
    only counts with the Schedule named ("under paragraph 3 of Schedule 12A").
    """
    found: list[str] = []
    reason = exemption(fields)
    if reason:
        found += [n for m in _PARAGRAPH_ONLY.finditer(reason) for n in _numbers(m.group("nums"))]
    for text in texts:
        if "12" not in text:
            continue  # every citation names Schedule 12A
        for m in _SCHEDULE_12A.finditer(text):
            found += _numbers(m.group("nums") or m.group("cy"))
    return tuple(dict.fromkeys(found))


def _numbers(run: str) -> list[str]:
    return re.findall(r"\d{1,2}", run)


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


# Template values some councils put in the header table ("Purpose of report" | "Decision").
_TABLE_TEMPLATE_KINDS = frozenset({"purpose", "summary"})


def table_rows_as_lines(blocks: list[tuple[int, Block]]) -> list[str]:
    """Each row of the tables among these blocks as "label: value"."""
    lines = []
    for _, block in blocks:
        if block.kind is not BlockKind.TABLE:
            continue
        for row in block.rows:
            cells = [c.strip() for c in row if c.strip()]
            for pair in _label_value_pairs(cells):
                lines.append(f"{pair[0].rstrip(':')}: {' '.join(pair[1:])}")
    return lines


def _label_value_pairs(cells: list[str]) -> list[list[str]]:
    """A row's cells as label/value groups: a four-column cover sheet ("Meeting:" |
    "Executive" | "Date:" | "2 July 2025") holds two pairs; any other row is one."""
    if len(cells) < 2:
        return []
    if len(cells) >= 4 and len(cells) % 2 == 0 and all(
            (label := match_label(cells[k])) is not None and not label.value
            for k in range(0, len(cells), 2)):
        return [cells[k:k + 2] for k in range(0, len(cells), 2)]
    return [cells]


def _meeting_row(blocks: list[tuple[int, Block]]) -> dict[str, str]:
    """A header-table row with no labels: "Cabinet" | "7 April 2025"."""
    for _, block in blocks:
        for row in block.rows if block.kind is BlockKind.TABLE else ():
            cells = [c.strip() for c in row if c.strip()]
            if (len(cells) == 2 and _BODY_LINE.match(cells[0])
                    and parse_date(english_months(cells[1]))):
                return {"report_to": cells[0], "date": cells[1]}
    return {}


def table_fields(blocks: list[tuple[int, Block]]) -> dict[str, str]:
    """Header fields laid out as a two-column table ("Report to:" | "Cabinet")."""
    out: dict[str, str] = _meeting_row(blocks)
    for line in table_rows_as_lines(blocks):
        label = match_label(line)
        if label is None or not label.value or is_placeholder(label.value):
            continue
        if label.kind in FIELD_KINDS or label.kind in _TABLE_TEMPLATE_KINDS:
            out.setdefault(label.kind, label.value)
    if out.get("report_to"):
        out["report_to"] = _body_cut_after_table(out["report_to"], blocks)
    if out.get("purpose"):
        out["purpose"] = _sentence_cut_after_table(out["purpose"], blocks)
    return out


def _sentence_cut_after_table(value: str, blocks: list[tuple[int, Block]]) -> str:
    """"… for working-age residents" in the table's last cell, "for 2026/27 so that …"
    below it: a converter broke the cell's sentence out of the table (Markdown)."""
    for pos, (_, block) in enumerate(blocks[:-1]):
        if block.kind is BlockKind.TABLE and block.rows and block.rows[-1] \
                and block.rows[-1][-1].strip() and value.endswith(block.rows[-1][-1].strip()):
            after = blocks[pos + 1][1]
            text = fold(after.text)
            if after.kind is BlockKind.PARAGRAPH and text[:1].islower() \
                    and not value.endswith((".", ";", ":")):
                return f"{value} {text}"
    return value


def _body_cut_after_table(name: str, blocks: list[tuple[int, Block]]) -> str:
    """The last word of a committee's name left below the table that holds the name."""
    for pos, (_, block) in enumerate(blocks[:-1]):
        if block.kind is BlockKind.TABLE and block.rows and name in block.rows[-1]:
            return body_name_completed(name, blocks[pos + 1][1])
    return name


def header_fields(heads: list[Head]) -> dict[str, str]:
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
    if not text or len(text) > FRONT.title_chars or is_placeholder(text):
        return None
    halves = [h.strip() for h in re.split(r"\s+/\s+", text)]  # "Council / Cyngor"
    if any(_not_a_title(h) for h in halves):
        return None
    return text.rstrip(":").strip()


def _not_a_title(text: str) -> bool:
    """Council and committee names, dates, "Report to..." lines and page furniture."""
    return bool(_BOILERPLATE.match(text) or _COUNCIL_NAME.match(text)
                or (parse_date(english_months(text)) and len(text) <= FRONT.date_chars)
                or _REPORT_TO_LINE.match(text) or _REPORT_OF_LINE.match(text)
                or _BODY_LINE.match(text) or _meeting_banner(text))


_BANNER_PARTS = re.compile(r"\s+[–—|-]\s+")
_FULL_COUNCIL = re.compile(r"^(?:full |county |borough |city )?council$|^y cyngor(?: llawn)?$",
                           re.IGNORECASE)


def _meeting_banner(text: str) -> bool:
    """"Glenmorrow Council – Place Committee – 4 September 2025": a running header made
    of the council, the meeting and its date, each part of which is no title."""
    parts = _BANNER_PARTS.split(text)
    return len(parts) >= 2 and all(
        _COUNCIL_NAME.match(p) or _BODY_LINE.match(p)
        or (parse_date(english_months(p)) and len(p) <= FRONT.date_chars) for p in parts)


def read_front(front: list[tuple[int, Block]], fields: dict[str, str]) -> Front:
    """The title: a "Subject:"/"Title:" field, else the first title-like line (headings,
    and lines set in capitals as a heading is, before plain lines)."""
    if fields.get("subject"):
        return Front(fields["subject"].replace(" -- ", " – "), fields)  # pandoc's en dash
    blocks = [b for _, b in front]
    headings = [b for b in blocks if b.kind is BlockKind.HEADING or _shouted(b)]
    for block in headings + [b for b in blocks if b not in headings]:
        if block.kind is BlockKind.TABLE or block_head(0, block) is not None:
            continue
        title = _title_candidate(block)
        if title:
            title, after = title.replace(" -- ", " – "), blocks.index(block) + 1
            return Front(_title_completed(title, blocks[after] if after < len(blocks) else None),
                         fields)
    return Front(None, fields)


_ITEM_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=[A-Z][A-Z])")


def _shouted(block: Block) -> bool:
    """"FULL APPLICATION – CONVERSION OF FIELD BARN…": a planning report's title set in
    capitals, which a converter may have made a list item ("8." is the agenda item)."""
    text = block_text(block)
    letters = [c for c in text if c.isalpha()]
    return (block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and len(text.split()) >= FRONT.shouted_words
            and len(letters) >= FRONT.shouted_letters and all(c.isupper() for c in letters))


def _title_completed(title: str, after: Block | None) -> str:
    """The agenda item number dropped ("8. FULL APPLICATION…"), and the rest of a capitals
    title a converter broke onto a second heading ("… HOLLIN COTE" / "BARN, SKELWITH…")."""
    title = _ITEM_NUMBER.sub("", title)
    if after is None or after.kind is not BlockKind.HEADING or not title.isupper():
        return title
    rest = clean_label_text(after.text).strip()
    if (rest.isupper() and len(title.split()) >= FRONT.wrapped_title_words
            and not title.endswith((".", ":", ")"))
            and block_head(0, after) is None and not _not_a_title(rest)):
        return f"{title} {rest}"
    return title


def front_line_fields(front: list[tuple[int, Block]], fields: dict[str, str]) -> None:
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


# A "Date:" field read after the template began: the date an author signed the report
# ("Author: …" / "Tel: …" / "Date: 21 August 2025"), which yields to the meeting's date.
CLOSING_DATE = "closing_date"


def report_date(layout: Layout, fields: dict[str, str]) -> str | None:
    """The date a user files the report under: the header's date field, else a short
    dated line at the top ("PLACE COMMITTEE – 4 SEPTEMBER 2025"), else a closing "Date:",
    else a date in the running header or footer the reader removed."""
    if fields.get("date"):
        iso = parse_date(english_months(fields["date"]))
        if iso:
            return iso
    for block in layout.content_blocks[:FRONT.date_blocks]:
        text = block_text(block)
        # "Housing and … Scrutiny Committee – 11 …": a banner ending in the date
        if FRONT.date_line_chars < len(text) <= FRONT.banner_chars:
            text = _BANNER_PARTS.split(text)[-1] if _BANNER_PARTS.search(text) else ""
        if text and len(text) <= FRONT.date_line_chars:
            iso = parse_date(english_months(text))
            if iso:
                return iso
    if fields.get(CLOSING_DATE):
        iso = parse_date(english_months(fields[CLOSING_DATE]))
        if iso:
            return iso
    return running_text_date(layout) or _page_footer_date(layout)


_DATED_FOOTER = re.compile(r"(?P<date>\b\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9} \d{4})\s+[–—|-]\s+"
                           r"page \d{1,4}$", re.IGNORECASE)


def _page_footer_date(layout: Layout) -> str | None:
    """"Planning Committee – Part A 2 October 2025 – Page 1": a running footer a text
    converter left in the text."""
    for block in layout.content_blocks:
        m = _DATED_FOOTER.search(block_text(block)) if len(block.text) <= FRONT.footer_chars \
            else None
        iso = parse_date(english_months(m.group("date"))) if m else None
        if iso:
            return iso
    return None


def running_lines(layout: Layout) -> list[str]:
    """The running headers and footers the PDF reader took off every page."""
    lines: list[str] = []
    for key in ("running_headers", "running_footers"):
        lines += [ln for ln in str(layout.metadata.get(key) or "").splitlines() if ln.strip()]
    return lines


def running_text_date(layout: Layout) -> str | None:
    """A date printed only in the running header or footer ("Planning Committee – Part A
    | 2 October 2025"): the meeting's date, when the body gives none."""
    for line in running_lines(layout):
        for part in re.split(r"\s+[|–—-]\s+", line):
            iso = parse_date(english_months(part)) if len(part) <= FRONT.date_chars else None
            if iso:
                return iso
    return None


def committee_line(layout: Layout) -> str | None:
    """A line near the top naming the meeting ("Licensing Committee") when no label does."""
    for block in layout.content_blocks[:FRONT.committee_blocks]:
        text = block_text(block)
        if len(text) <= FRONT.name_chars and _BODY_LINE.match(text):
            return text
    return None


def banner_committee(layout: Layout) -> str | None:
    """The committee a banner names after its authority ("Fellmoor National Park Authority
    – Planning Committee" as the running header, "PLACE COMMITTEE – 4 SEPTEMBER 2025" under
    the masthead): the paper's board, ahead of the authority that owns it."""
    top = [block_text(b) for b in layout.content_blocks[:FRONT.authority_blocks]]
    for line in [t for t in top if len(t) <= FRONT.banner_line_chars] + running_lines(layout):
        parts = _BANNER_PARTS.split(line.strip())
        committee = next((p for p in parts if len(p) <= FRONT.name_chars
                          and _BODY_LINE.match(p)), None)
        if committee is None and len(parts) == 2 and parse_date(english_months(parts[1])):
            # "Council – 15 July 2025": a report to the full council
            committee = parts[0] if _FULL_COUNCIL.match(parts[0]) else None
        if len(parts) > 1 and committee:
            return committee
    return None


def authority_line(layout: Layout) -> str | None:
    """The publishing council or authority named at the top, when no board is given;
    else one named in the running header ("Fellmoor National Park Authority – Planning
    Committee")."""
    for block in layout.content_blocks[:FRONT.authority_blocks]:
        text = block_text(block)
        if len(text) <= FRONT.name_chars and _COUNCIL_NAME.match(text) \
                and not is_placeholder(text):
            return text
    top = [block_text(b) for b in layout.content_blocks[:FRONT.banner_blocks]]
    for line in [t for t in top if len(t) <= FRONT.banner_line_chars] + running_lines(layout):
        for part in _BANNER_PARTS.split(line.strip()):
            if len(part) <= FRONT.name_chars and _COUNCIL_NAME.match(part):
                return part
    return None


# An office held by one person who takes decisions in their own name, printed as the
# masthead of their decision forms: "MAYOR OF LONDON", "Police and Crime Commissioner for
# Northmoor", "Office of the Police, Fire and Crime Commissioner for Eastshire".
_DECISION_OFFICE = re.compile(
    r"^(?:(?:the )?office of )?(?:the )?(?P<office>(?:elected |metro |combined authority )?"
    r"mayor of (?:the )?[A-Z][\w'’-]*(?: (?:and |of |the |[A-Z][\w'’-]*)){0,4}"
    r"|(?:police(?:,| and)? )?(?:fire and )?(?:police and )?crime commissioner"
    r" (?:for|of) (?:the )?[A-Z][\w'’-]*(?: (?:and |of |the |[A-Z][\w'’-]*)){0,4})$",
    re.IGNORECASE)
_OFFICE_SMALL_WORDS = re.compile(r"(?<=\s)(?:And|Of|The|For)(?=\s)")


def masthead_office(layout: Layout) -> str | None:
    """The office named alone in the masthead of a decision it takes ("MAYOR OF LONDON"
    above "MAYORAL DECISION – MD3517"): the paper's decision maker, so its body. Only
    the first lines count: the same words further down sign a declaration."""
    for block in layout.content_blocks[:FRONT.banner_blocks]:
        text = re.sub(r"\s+", " ", block_text(block)).strip(" .")
        m = _DECISION_OFFICE.match(text) if len(text) <= FRONT.name_chars else None
        if m:
            office = m.group("office")
            if office.isupper():
                office = _OFFICE_SMALL_WORDS.sub(lambda w: w.group(0).lower(), office.title())
            return office[0].upper() + office[1:]
    return None


def body_name(report_to: str | None) -> str | None:
    """"Environment Committee" from "Environment Committee, 14 March 2024"."""
    if not report_to:
        return None
    name = re.sub(r"[,\s–-]*(?:on\s+)?(?:\w+day,?\s+)?"
                  r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}\.?$",
                  "", report_to).strip(" ,")
    return name or report_to
