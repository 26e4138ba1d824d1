"""The agenda of a meeting: numbered items with pages, presenters, sub-items, and which
items are held in private.

Read from ``meeting.Line``s like the rest of the front matter, so an agenda table, a
numbered list and ModernGov's number-then-title lines are read by the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from boardpapers.model.layout import BlockKind
from boardpapers.model.paper import AgendaItem
from boardpapers.parsers.agenda_lines import heading_items, tidy_agenda_lines
from boardpapers.parsers.lines import ITEM_MARKER, NEXT_MEETING, Line, clean_cell
from boardpapers.vocab.calendar import MONTHS
from boardpapers.vocab.dates import parse_date
from boardpapers.vocab.text import fold
from boardpapers.vocab.times import parse_time


@dataclass(frozen=True, slots=True)
class AgendaItemSettings:
    """How agenda items are told apart and joined up."""

    same_title: float = 0.5  # share of the shorter title's words two listings of an item share
    wrap_min: int = 55  # a title this long without closing punctuation may have wrapped...
    wrap_rest: int = 100  # ...onto a next line no longer than this
    last_page: int = 1000  # a page range ending past this is no page range


AGENDA_ITEMS = AgendaItemSettings()

_AGENDA_START = re.compile(
    r"^(?:agenda|rhaglen|agenda\s*/\s*rhaglen|rhaglen\s*/\s*agenda|items?|eitemau|business|"
    r"order of business|items? of business|item\s+(?:no\.?\s+)?(?:title\s+)?pages?|"
    r"no\.?\s+item|rhif eitem)\s*:?$", re.IGNORECASE)
_ITEM = re.compile(
    r"^(?:item\s+|eitem\s+)?([1-9]\d{0,2}\((?:[a-z]|[ivx]{1,4})\)"  # "5(i)", "4(b)"
    r"|(?:0[1-9]|[1-9]\d{0,2})(?:\.\d{1,2})?[a-z]?|\([a-z]\)|[a-z]\)"  # "01", "5.1"
    r"|(?:[A-Z]{1,4}/)?\d{2}/\d{2,4}[a-z]?)"  # a parish's "25/101", a town's "FC/25/088"
    r"[.):]?\s+(\S.*)$",
    re.IGNORECASE)
_PAGES = re.compile(
    r"\(?\b(?:pages?|tudalen(?:nau)?|tt?\.)?\s*(\d{1,4})\s*(?:[-–—]|to)\s*(\d{1,4})\)?\s*$",
    re.IGNORECASE)
_PAGE_ONE = re.compile(r"\(?\b(?:page|tudalen|p\.)\s*(\d{1,4})\)?\s*$", re.IGNORECASE)
_OPEN_MARK = re.compile(
    r"^(?:non[- ]?confidential|part\s*(?:1|i|one|a)\b|open (?:items|session|business)|"
    r"public (?:items|business|session)|items? (?:for|in) public|rhan\s*(?:1|un)\b|"
    r"eitemau agored)", re.IGNORECASE)
_CONF_MARK = re.compile(
    r"^(?:confidential|part\s*(?:2|ii|two|b)\b|exempt|private (?:items|session|business)|"
    r"in confidence\b|"
    r"closed session|items? (?:not for publication|in private|to be considered in private)|"
    r"rhan\s*(?:2|dau)\b|eitemau (?:cyfrinachol|eithriedig))", re.IGNORECASE)
_PRIVATE_WORDS = re.compile(r"exempt information|in private|confidential|not for publication|"
                            r"gwybodaeth eithriedig|yn breifat", re.IGNORECASE)
_FOLLOWING = re.compile(r"\b(?:the )?following (?:items?|business|reports?)\b|"
                        r"\byr eitem(?:au)? (?:canlynol|ganlynol)\b", re.IGNORECASE)
_NAMED_ITEMS = re.compile(
    r"\b(?:agenda )?(?:items?|eitem(?:au)?)\s+(?:nos?\.?\s*)?"
    r"(\d{1,3}[a-z]?(?:\s*(?:,|and|&|a|to|-|–)\s*\d{1,3}[a-z]?)*)", re.IGNORECASE)
EXCLUSION = re.compile(r"exclusion of (?:the )?(?:press|public)|gwahardd y cyhoedd", re.I)
_ITEM_IS_CONF = re.compile(
    r"\((?:exempt|confidential|part\s*(?:2|ii)|private)\b|\bconfidential\b|"
    r"not for publication", re.IGNORECASE)
def agenda_start(lines: Sequence[Line]) -> int | None:
    """Index of the first line that opens the agenda ("AGENDA", "Item  Page", "Rhaglen")."""
    for i, line in enumerate(lines):
        if _AGENDA_START.match(line.text) or _AGENDA_START.match(line.cells[0]):
            return i
    return None


def split_pages(text: str) -> tuple[str, str | None]:
    """"Minutes (Pages 5 - 12)" -> ("Minutes", "5 - 12"); a title without pages unchanged."""
    m = _PAGES.search(text)
    if m:
        before = text[:m.start()].rstrip(" .,-–—(")
        named = bool(re.match(r"\(|\s*[a-z]", m.group(0), re.IGNORECASE))  # "(Pages 5 - 12)"
        bare_ok = not before or _trailing_pages(before, m)  # not "Local Plan 2024 - 2040"
        if int(m.group(1)) <= int(m.group(2)) and (named or bare_ok):
            return before, f"{m.group(1)} - {m.group(2)}"
    m = _PAGE_ONE.search(text)
    if m:
        return text[:m.start()].rstrip(" .,-–—("), m.group(1)
    return text, None


_COUNTED = re.compile(
    r"\b(?:phases?|tranches?|bands?|stages?|years?|options?|lots?|sections?|parts?|levels?|"
    r"grades?|ages?|aged|tiers?|rounds?|weeks?|days?|months?|zones?|rooms?|units?|items?|"
    r"nos?\.?|numbers?|paragraphs?|para\.?|chapters?|appendix|appendices|rhan|tudalen)$",
    re.IGNORECASE)


def _trailing_pages(before: str, m: re.Match[str]) -> bool:
    """A bare "1 - 6" after a title is its pages (a converter dropped the column break),
    unless the numbers are years ("2024 - 2040") or count something ("Phases 1 - 3")."""
    first, last = int(m.group(1)), int(m.group(2))
    return last < AGENDA_ITEMS.last_page and first >= 1 and not _COUNTED.search(before) \
        and not re.search(r"\d\s*[-–]\s*$", before)


def is_page_range(text: str) -> bool:
    title, pages = split_pages(text.strip())
    return pages is not None and not title.strip()


@dataclass
class _ItemDraft:
    number: str
    title: str
    pages: str | None = None
    presenters: tuple[str, ...] = ()
    confidential: bool = False
    verbal: bool = False
    subitems: tuple[str, ...] = ()
    text: list[str] | None = None

    def freeze(self) -> AgendaItem:
        return AgendaItem(number=self.number, title=self.title, pages=self.pages,
                          presenters=self.presenters, confidential=self.confidential,
                          verbal=self.verbal, subitems=self.subitems,
                          text=" ".join(self.text) if self.text else None)


def parse_agenda_items(lines: Sequence[Line]) -> tuple[AgendaItem, ...]:
    """The numbered agenda, with pages, presenters, sub-items and confidentiality.

    Reading starts at the agenda's opening line when there is one and ends with the front
    matter: at an "Agenda Item 3" stamp, at the embedded minutes of the last meeting, or
    where numbering restarts under other titles (a report's "1. Introduction"). A second
    list that repeats the items ("Contents" with pages) only fills in missing pages.
    Items under a "CONFIDENTIAL ITEMS", "Part 2"/"PART II" or "exempt information" heading,
    or after an "Exclusion of the press and public" item (itself public), are confidential
    until a "NON-CONFIDENTIAL", "Part 1" or "open" heading. Numbered sub-items ("4a",
    "5(i)", "6.1") are items of their own, listed in their parent's sub-items too; lines
    under an item are its page range ("9 - 24"), its presenters ("X, Programme Manager,
    to present"; "Verbal update from A and B"), its lettered sub-items ("(a) …", bullets)
    or its description.
    """
    lines = tidy_agenda_lines(lines, _number_of)
    start = agenda_start(lines)
    agenda = _Agenda(bulleted=start is not None and start + 1 < len(lines)
                     and _is_bullet(lines[start + 1]))
    joined = _numbers_joined_to_titles(lines[start or 0:])
    for k, line in enumerate(joined):
        text = line.text
        number_title = _item_number_title(line) or agenda.bullet_item(line)
        if NEXT_MEETING.match(text) and not number_title:
            break  # "Date of next meeting: …" closes the agenda ("7. Date of next …" is an item)
        if agenda.items and not number_title and _front_matter_ends(joined, k):
            break
        if number_title and agenda.current and _is_subitem(number_title[0]):
            if not agenda.repeating:
                agenda.current.subitems += (_subitem_text(line),)
            continue
        if number_title:
            if not agenda.read_item(line, *number_title):
                break  # numbering restarted under other titles: the agenda is over
            continue
        if _OPEN_MARK.match(text):
            agenda.confidential = False
            continue
        private = private_scope(text)
        if private == "following":
            agenda.confidential = True
            continue
        if isinstance(private, set):
            agenda.named_private |= private
            continue
        agenda.detail(line)
    for draft in agenda.items:
        draft.confidential = draft.confidential or draft.number in agenda.named_private
    if not agenda.items and start is not None and _TABLE_HEAD.match(lines[start].text):
        return heading_items(joined[1:])
    return tuple(d.freeze() for d in agenda.items)


_TABLE_HEAD = re.compile(r"^(?:no\.?\s+item|rhif eitem)\s*:?$", re.IGNORECASE)


def _number_of(line: Line) -> str | None:
    found = _item_number_title(line)
    return found[0] if found else None


@dataclass
class _Agenda:
    """The agenda read so far, and where the reading is."""

    items: list[_ItemDraft] = field(default_factory=list)
    named_private: set[str] = field(default_factory=set)
    confidential: bool = False
    current: _ItemDraft | None = None
    repeating: bool = False  # inside a list that repeats the items (a contents page)
    last_page: int = 0
    bulleted: bool = False  # bullets right under "AGENDA": they are the items
    bullet_depth: int | None = None

    def bullet_item(self, line: Line) -> tuple[str, str] | None:
        """("", title) for a bullet that is an item: a page store turned the agenda's
        numbers into bullets, so the bullets right under "AGENDA" (and the later ones at
        their depth) are the items, numbered sub-items between them."""
        if not self.bulleted or not _is_bullet(line):
            return None
        if self.bullet_depth is None:
            self.bullet_depth = line.depth
        title = _BULLET_TEXT.sub("", line.text)
        return ("", title) if line.depth <= self.bullet_depth else None

    def read_item(self, line: Line, number: str, title: str) -> bool:
        """Add (or, when the number was read before, merge) an item; False when the
        number comes again under another title, so the agenda has ended."""
        title, description = _cell_description(title)
        title, pages = split_pages(title)
        if len(line.cells) > 1 and pages is None:
            pages = next((_cell_pages(c) for c in line.cells[1:] if _cell_pages(c)), None)
        title, said = split_description(title)
        description = description or said
        seen = next((d for d in self.items if number and d.number.casefold()
                     == number.casefold()), None)
        if seen is not None:
            if not same_title(seen.title, title):
                return False
            self.current, self.repeating = seen, True
            self._set_pages(seen, pages)
            return True
        exclusion = bool(EXCLUSION.search(title))
        marked = bool(_ITEM_IS_CONF.search(title)) and not exclusion
        verbal_cell = any(re.fullmatch(r"(?:verbal|oral)(?:\s+(?:update|report))?", c, re.I)
                          for c in line.cells[1:])  # "5. | Feedback | Verbal"
        draft = _ItemDraft(number, title.strip(), None,
                           confidential=(self.confidential or marked) and not exclusion,
                           verbal=verbal_cell or bool(re.search(r"\bverbal\b", title, re.I)))
        self._set_pages(draft, pages)
        parent = self._parent_of(number)
        if parent is not None:
            parent.subitems += (f"{number} {draft.title}",)
        self.items.append(draft)
        self.current, self.repeating = draft, False
        if description:
            _add_detail(draft, Line((description,), line.block))
        if exclusion:
            self.confidential = True  # the motion is public; the business after it is not
        return True

    def detail(self, line: Line) -> None:
        """A line under the current item: its pages, presenters, sub-items or text."""
        item = self.current
        if item is None:
            return
        text = line.text.strip()
        pages = split_pages(text)[1] if is_page_range(text) else _bare_page(text)
        if pages is not None:
            if _is_range(pages) or (item.pages is None and int(pages) > self.last_page > 0):
                self._set_pages(item, pages)  # a lone "47" only after earlier pages
            return
        if not self.repeating:
            _add_detail(item, line)
            self._note_pages(item.pages)

    def _set_pages(self, item: _ItemDraft, pages: str | None) -> None:
        if pages is not None and (item.pages is None or not self.repeating):
            item.pages = pages
        self._note_pages(item.pages)

    def _note_pages(self, pages: str | None) -> None:
        if pages:
            self.last_page = max(self.last_page, int(re.findall(r"\d+", pages)[-1]))

    def _parent_of(self, number: str) -> _ItemDraft | None:
        """Item 6 for "6.1", item 4 for "4a" or "4(i)": the last item with the base number."""
        base = re.match(r"\d+", number)
        if base is None or base.group(0) == number:
            return None
        return next((d for d in reversed(self.items) if d.number == base.group(0)), None)


_BULLET_TEXT = re.compile(r"^[-–•·▪●◦*]\s+(?=\w)")  # a PDF line keeps its bullet as text


def _is_bullet(line: Line) -> bool:
    if line.kind is BlockKind.LIST_ITEM:
        return not any(c.isalnum() for c in line.marker)
    return len(line.cells) == 1 and bool(_BULLET_TEXT.match(line.text))


def _cell_pages(cell: str) -> str | None:
    """A page cell of an agenda table row: "9 - 24", "Pages 9-24" or a single "47"."""
    return split_pages(cell)[1] if is_page_range(cell) else _bare_page(cell)


def _bare_page(text: str) -> str | None:
    return text.strip() if re.fullmatch(r"\s*[1-9]\d{0,3}\s*", text) else None


def _is_range(pages: str) -> bool:
    return "-" in pages


_STAMP = re.compile(r"^(?:agenda\s+item|eitem(?:\s+(?:agenda|ar yr agenda))?)\s+(?:no\.?\s*)?"
                    r"\d{1,3}[a-z]?$", re.IGNORECASE)
_MINUTES_HEAD = re.compile(r"^(?:minutes|cofnodion)\b", re.IGNORECASE)
_PRESENT = re.compile(r"^(?:present|members present|in attendance|yn bresennol|"
                      r"aelodau['’]?n bresennol)\b", re.IGNORECASE)


def _front_matter_ends(lines: Sequence[Line], k: int) -> bool:
    """An "Agenda Item 3" stamp over the pack's first paper, or the heading of the last
    meeting's minutes printed in the pack (a "Present:" line follows it)."""
    text = lines[k].text.strip()
    if _STAMP.match(text):
        return True
    return bool(_MINUTES_HEAD.match(text)) and any(
        _PRESENT.match(ln.text) for ln in lines[k + 1:k + 5])


_CELL_DESCRIPTION = re.compile(r"^[A-Z][^\n]*[.!]$")
_OPEN_END = re.compile(r"(?:\b(?:the|a|an|of|to|and|on|for|in|at|by|with|from)|[,–-])$",
                       re.IGNORECASE)


def _cell_description(title: str) -> tuple[str, str | None]:
    """"Cofnodion\nCadarnhau cofnodion y cyfarfod …." -> the title and its description,
    where a table cell put the description on a line of its own under the title."""
    head, _, rest = title.partition("\n")
    rest = " ".join(rest.split("\n")).strip()
    if (not rest or not _CELL_DESCRIPTION.match(rest) or len(rest.split()) < 3
            or _OPEN_END.search(head.strip()) or split_pages(rest)[1]):
        return fold(title), None
    return head.strip(), rest


_STOP = frozenset("a an and the of in on to for from with by update report reports paper "
                  "progress annual our its at as is be".split())


def title_words(title: str) -> frozenset[str]:
    """Words that carry a title's meaning: "Update on MoU activity" -> {mou, activity}."""
    words = re.findall(r"[a-z0-9]+(?:/[a-z0-9]+)?", title.casefold())
    return frozenset(w for w in words if w not in _STOP and len(w) > 1)


def title_similarity(a: str, b: str) -> float:
    """Shared meaningful words over the shorter title's: 0 (nothing shared) to 1."""
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def same_title(a: str, b: str) -> bool:
    """Whether two listings of one item number name the same item ("Minutes" and "Minutes
    of the meeting held on 8 July 2025")."""
    return title_similarity(a, b) >= AGENDA_ITEMS.same_title


_DESCRIPTION_START = re.compile(
    r"\s(?=(?:to\s+(?:approve|receive|note|consider|agree|confirm|discuss|elect|appoint|"
    r"review|endorse|resolve|determine|decide)|(?:cadarnhau|derbyn|nodi|ystyried)\s|members\s+(?:are|will)|(?:a\s+)?report\s+(?:of|by|from)\s+the|"
    r"the\s+(?:committee|cabinet|panel|board|council)\s+(?:is|are|will))\b)", re.IGNORECASE)


def split_description(title: str) -> tuple[str, str | None]:
    """"Minutes of the meeting held on 9 July 2025 To approve the minutes as a correct
    record." -> the title and its description, which a reader joined into one cell line."""
    if not title.endswith("."):
        return title, None
    m = _DESCRIPTION_START.search(title)
    if not m or m.start() < 3 or not (title[m.start() - 1].isalnum()
                                      or title[m.start() - 1] == ")"):  # "Apologies – to …"
        return title, None
    head = title[:m.start()]
    if _DESCRIPTION_START.match(f" {head}") or re.search(
            r"\b(?:the|a|an|of|to|and|on|for|receive|consider|note)$", head, re.IGNORECASE):
        return title, None  # "To receive the report of the County Councillors." is one title
    return title[:m.start()].strip(), title[m.end():].strip()


def private_scope(text: str) -> str | set[str] | None:
    """What a line about private business covers: "following" for a Part 2 heading or a
    sentence about the following items, the item numbers a note names ("Item 10 is likely
    to be considered in private"), or None when it is not about private business."""
    if _CONF_MARK.match(text) and (len(text) < 80 or _FOLLOWING.search(text)):
        return "following"  # "PART II", "CONFIDENTIAL ITEMS", "Exempt items"
    if not _PRIVATE_WORDS.search(text):
        return None
    named = _NAMED_ITEMS.search(text)
    if named and not _FOLLOWING.search(text[:named.start()]):
        return set(_item_numbers(named.group(1)))
    if _FOLLOWING.search(text):
        return "following"
    return None


def _item_numbers(text: str) -> list[str]:
    """"10", "10 and 11", "10, 11 and 12", "10 to 12" -> each number."""
    numbers = re.findall(r"\d{1,3}[a-z]?", text)
    span = re.fullmatch(r"\s*(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})\s*", text)
    if span and int(span.group(1)) < int(span.group(2)) <= int(span.group(1)) + 20:
        return [str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1)]
    return numbers


_BARE_NUMBER = re.compile(r"(?:item\s+)?(?:0[1-9]|[1-9]\d{0,2})"
                          r"(?:\.\d{1,2}|\((?:[a-z]|[ivx]{1,4})\))?[a-z]?[.)]?", re.IGNORECASE)


def _numbers_joined_to_titles(lines: Sequence[Line]) -> list[Line]:
    """ModernGov prints "4." on one line and the item's title on the next: join them."""
    out: list[Line] = []
    skip = False
    for k, line in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if (len(line.cells) == 1 and _BARE_NUMBER.fullmatch(line.cells[0]) and nxt
                and not _ITEM.match(nxt.cells[0]) and not is_page_range(nxt.text)):
            cells = (f"{line.cells[0]} {nxt.cells[0]}",) + nxt.cells[1:]
            out.append(Line(cells, line.block, nxt.kind, nxt.bold, line.marker, 0, nxt.level))
            skip = True
            continue
        out.append(line)
    return out


def _item_number_title(line: Line) -> tuple[str, str] | None:
    first = line.cells[0]
    if len(line.cells) > 1 and _BARE_NUMBER.fullmatch(first):
        first = f"{first} {line.cells[1]}"  # "4." | "Planning applications" | "7 - 64"
    m = _ITEM.match(first.replace("\n", " "))  # title\ndescription cells
    if not m:
        return None
    number, title = m.group(1), first[m.start(2):].strip()  # the cell's line breaks kept
    if re.fullmatch(r"\(?[a-z]\)", number, re.IGNORECASE):
        number = number.strip("()")  # "(a)", "b)"; "5(i)" keeps its brackets
    if re.match(r"(?:item|eitem)\s", first, re.I) and title[:1].islower():
        return None  # "Item 10 is likely to be considered in private …" is a note
    if parse_time(first[:12]) and re.match(r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m|$|[-–])", first):
        return None  # "11.00 am – online" is a time, not item 11
    if parse_date(first) and len(first) < 40 and not NEXT_MEETING.match(title):
        return None  # page furniture such as "5 March 2021"
    if _MONTH_FIRST.match(title) and int(re.sub(r"\D", "", number) or 0) <= 31:
        return None  # "19 July 2018 attached marked 6a": a date opening a sentence
    if not re.match(r"[\w'‘“\"(]", title) or is_page_range(title) or _CONTACT_NOTE.match(title):
        return None
    return number, title


_MONTH_FIRST = re.compile(r"(?:" + "|".join(MONTHS) + r")[a-z]*\.?"
                          r"(?:\s+\d{2,4}\b|\s*$)", re.IGNORECASE)
_CONTACT_NOTE = re.compile(r"^(?:for (?:further|more) information|please contact|enquiries to)\b",
                          re.IGNORECASE)  # the agenda's footnote next to a stray "6."


def _is_subitem(number: str) -> bool:
    """"(a)", "b)", "(i)": lettered parts of the item above. Sub-items with their parent's
    number ("4a", "5(i)", "6.1") have their own pages and papers: they are items."""
    return bool(re.fullmatch(r"[a-z]|[ivx]+", number, re.IGNORECASE))


def _subitem_text(line: Line) -> str:
    return clean_cell(line.text)


_TO_PRESENT = re.compile(r"^(.*?),?\s*(?:to present|to introduce|i gyflwyno)\.?$", re.I)
_VERBAL = re.compile(r"^(?:a\s+)?(?:verbal|oral)\s+(?:update|report|briefing)\b"
                     r"(?:\s+(?:from|by)(?:\s+the)?)?\s*[:,-]?\s*(.*)$", re.I)
_PRESENTER_LABEL = re.compile(
    r"^(?:presented by|presenters?|lead officers?|lead members?|portfolio holder|"
    r"report of|report by|report from|to (?:consider|receive) (?:a |the )?report of|"
    r"adroddiad gan)(?:\s+the)?\s*[:-]?\s*(.+?)\.?$", re.I)


def _add_detail(item: _ItemDraft, line: Line) -> None:
    text = line.text.strip()
    if is_page_range(text):
        item.pages = split_pages(text)[1]
        return
    bullet = line.kind is BlockKind.LIST_ITEM and not ITEM_MARKER.match(line.marker)
    if bullet:
        item.subitems += (text,)
        return
    for part in reversed(_languages(text)):
        verbal = _VERBAL.match(part)
        if verbal:
            item.verbal = True
            item.presenters += presenter_names(verbal.group(1))
            return
        m = _TO_PRESENT.match(part) or _PRESENTER_LABEL.match(part)
        if m:
            who = re.split(r"\s+(?:on|for|regarding|about|in respect of)\s+|:", m.group(1))[0]
            item.presenters += presenter_names(who) or (who.strip(),)
            return
    if item.text is None and title_wraps_into(item.title, text):
        item.title = f"{item.title} {text}"
        item.confidential = item.confidential or bool(_ITEM_IS_CONF.search(text))
        return
    if len(line.cells) > 1 and is_page_range(line.cells[-1]):
        item.pages = split_pages(line.cells[-1])[1]
    item.text = [*(item.text or []), text]



_SIGNED = re.compile(r"^(?:signed|dated?|clerk|llofnod)\b\s*:?", re.IGNORECASE)  # a summons' foot
_DESCRIPTION = re.compile(r"^(?:to\s+[a-z]|members\b|the\s+\w+\s+(?:is|are|will)\b|this\s+report\b"
                          r"|report\s+(?:of|by|from)\b)", re.IGNORECASE)


_PRIVATE_TAIL = re.compile(r"\((?:exempt|confidential|part\s*(?:2|ii)|private|not for "
                           r"publication)[^()]{0,40}\)", re.IGNORECASE)


def title_wraps_into(title: str, text: str) -> bool:
    """Whether ``text`` is the rest of a long title wrapped in its table cell ("… Office of the
    Police and Crime" + "Commissioner – confirmation hearing"), not the item's description."""
    if _PRIVATE_TAIL.fullmatch(text) and not title.endswith(")"):
        return True  # "Disposal of the Former Depot" + "(exempt)"
    if len(title) < AGENDA_ITEMS.wrap_min or title.endswith((".", ":", ";", ")", "?")) \
            or len(text) > AGENDA_ITEMS.wrap_rest \
            or _SIGNED.match(text):
        return False
    return not (text.endswith(".") or _DESCRIPTION.match(text) or _ITEM.match(text)
                or split_pages(text)[1])


def _languages(text: str) -> list[str]:
    """"Adroddiad gan … / Report of …" -> both halves (bilingual lines are read in each)."""
    parts = [p.strip() for p in re.split(r"\s+/\s+", text) if p.strip()]
    return parts if len(parts) == 2 else [text]


_ROLE_WORDS = re.compile(
    r"\b(?:head|director|manager|officer|adviser|advisor|chief|executive|lead|member|"
    r"programme|team|service|services|council|committee|board|secretary|clerk|deputy|"
    r"assistant|portfolio|holder|cabinet|leader|strategy|finance|policy)\b", re.I)
_NAME = re.compile(
    r"^(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|"
    r"Mayor|Y Cynghorydd)\.?\s+)*[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|le|ap))"
    r"{1,3}$")


def presenter_names(text: str) -> tuple[str, ...]:
    """People in "Tina Holland, Programme Manager, and Susan Attard, Head of X": names only.

    Each "and"-separated part keeps its first comma-separated piece when that looks like a
    person's name, so job titles with "and" in them ("Head of Finance and Procurement")
    are not mistaken for people.
    """
    names: list[str] = []
    for part in re.split(r",?\s+(?:and|&|a)\s+|;\s*", text.strip().rstrip(".")):
        head = part.split(",")[0].strip()
        if head and _NAME.match(head) and not _ROLE_WORDS.search(head):
            names.append(head)
    return tuple(names)
