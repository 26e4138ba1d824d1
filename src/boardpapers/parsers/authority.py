"""Who owns a paper: the council, authority or association behind it.

``Paper.body`` is the board or committee a paper is for or from ("Cabinet", "Planning
Committee"), falling back to the publisher; ``Paper.authority`` is the organisation that
owns it ("Northmoor County Council", "Local Government Association"), whatever the genre.
It is printed in the masthead, above the committee on a front sheet, at the start of a
banner ("Glenmorrow Council – Place Committee – 4 September 2025"), in the running header,
or it is the meeting body itself (a parish council's own meeting). Every parser asks this
module, so that a search by authority finds a council's reports, agendas and minutes alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from boardpapers.model.layout import BlockKind, Layout
from boardpapers.model.paper import Meeting
from boardpapers.parsers.block_text import plain
from boardpapers.parsers.report_front import running_lines

_TOP_BLOCKS = 8  # the masthead and front lines looked at
_MAX_CHARS = 80
_SMALL = r"(?:and|of|upon|on|in|under|by|with|y|yr|a|le|la|en|st\.?)"
_WORD = rf"(?:[A-Z][\w'’.&-]*|{_SMALL}|&)"
_AUTHORITY = re.compile(
    rf"(?:the\s+)?(?:{_WORD}\s+){{1,8}}(?:Councils?|Authority|Association)"
    rf"|(?:London|Royal)\s+Borough\s+of\s+{_WORD}(?:\s+{_WORD}){{0,4}}(?:\s+Council)?"
    rf"|City\s+of\s+{_WORD}(?:\s+{_WORD}){{0,4}}\s+Council"
    rf"|Cyngor\s+(?:{_WORD}\s*){{1,6}}")
# Words that say what kind of authority, not which one: "Full Council", "Town Council" and
# "Combined Authority" alone name no one.
_GENERIC = frozenset({"the", "and", "of", "full", "annual", "extraordinary", "special",
    "ordinary", "county", "city", "town", "parish", "community", "borough", "district",
    "metropolitan", "unitary", "council", "councils", "authority", "association", "combined",
    "fire", "rescue", "national", "park", "police", "crime", "local", "cyngor", "sir", "llawn",
    "tref", "cymuned", "dinas", "bwrdeistref", "meeting", "london", "royal"})
# "Members of the Council", "Leader of the Council": a post or a group, not a name.
_OF_THE = re.compile(r"\b(?:of|the|and|to|for)\s+(?:Councils?|Authority|Association)$",
                     re.IGNORECASE)
_BANNER_SPLIT = re.compile(r"\s+[–—|/-]\s+|\s{3,}|:\s+")
_SMALL_WORDS = re.compile(r"(?<=\s)(?:And|Of|The|Upon|On|In|Under|By|With)(?=\s)")
# "Stoke-on-Trent", "Llanfihangel-y-Grug": the small words between hyphens of a place name
_HYPHENED_SMALL = re.compile(r"(?<=-)(?:Y|Yr|Ym|Yn|Ar|Am|And|Of|On|Upon|Under|In|By|Le|La|En|"
                             r"The|Cum|With|Next|Super|Juxta|Sub)(?=-)")


def is_authority(text: str | None) -> bool:
    """A council's, authority's or association's own name, and nothing else on the line."""
    if not text or len(text) > _MAX_CHARS:
        return False
    name = _tidy(text)
    if not _AUTHORITY.fullmatch(name) or _OF_THE.search(name):
        return False
    words = re.findall(r"[\w'’.&-]+", name.casefold())
    return any(w.strip(".") not in _GENERIC for w in words)


# An office whose name heads its papers instead of its authority's ("MAYOR OF LONDON" on a
# mayoral decision form): the office belongs to that authority.
_OFFICE_OWNERS = {"mayor of london": "Greater London Authority"}


def first_authority(candidates: Iterable[str | None]) -> str | None:
    """The first candidate line that is (or opens with, as a banner) an authority's name.

    A bilingual masthead ("Cyngor Sir Fynwy / Monmouthshire County Council") gives its
    English name, so one council is filed under one name."""
    lines = [plain(text) for text in candidates if text]
    for k, line in enumerate(lines):
        if line.strip().casefold() in _OFFICE_OWNERS:
            return _OFFICE_OWNERS[line.strip().casefold()]
        parts = _BANNER_SPLIT.split(line) if len(line) <= 160 else []
        if is_authority(line):
            english = [x for x in lines[k + 1:k + 3] if is_authority(x) and not _welsh(x)]
            return _tidy(english[0] if _welsh(line) and english else line)
        if parts and is_authority(parts[0]):  # a banner opens with its publisher, never
            names = [p for p in parts if is_authority(p)]  # "Cllr A Bell – X Council"
            english = [p for p in names if not _welsh(p)]
            return _tidy((english or names)[0])
    return None


def _welsh(name: str) -> bool:
    """"Cyngor Cymuned Llanfihangel-y-Grug": the Welsh name of a bilingual pair."""
    return name.strip().casefold().startswith("cyngor")


def organisation_authority(publisher: str | None) -> str | None:
    """The authority behind a named publisher: "Harrowdene County Council" for "Democratic
    Services, Harrowdene County Council"; any other publisher is its own owner."""
    if not publisher:
        return None
    last = publisher.rsplit(",", 1)[-1].strip()
    return first_authority([publisher]) or (_tidy(last) if is_authority(last) else publisher)


_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_FURNITURE = re.compile(r"^(?:public\s+document\s+pack)\s+", re.IGNORECASE)


def address_authority(layout: Layout) -> str | None:
    """The council a web page signs off with: its address line at the foot ("Fernleigh
    Borough Council, Civic Centre, Station Road, Fernleigh FN1 4AB")."""
    blocks = [b for b in layout.blocks[-6:] if b.kind is not BlockKind.PAGE_BREAK]
    for block in reversed(blocks):
        line = plain(block.text)
        name = line.split(",", 1)[0]
        if "," in line and len(line) <= 160 and _POSTCODE.search(line) and is_authority(name):
            return _tidy(name)
    return None


def page_title_authority(layout: Layout) -> str | None:
    """The council a web page's title ends with ("Agenda and minutes - Cabinet - Wednesday,
    9th July, 2025 6.00 pm - Fernleigh Borough Council", "… - Glenmorrow Council CMIS")."""
    title = str(layout.metadata.get("title") or "")
    last = _BANNER_SPLIT.split(title.strip())[-1] if title.strip() else ""
    last = re.sub(r"\s+(?:CMIS|ModernGov|Mod\.gov|Committee Management System)$", "", last)
    return _tidy(last) if is_authority(last) else None


def top_lines(layout: Layout, first: int = 0, count: int = _TOP_BLOCKS) -> list[str]:
    """The short non-table lines at the top of a layout (or of a slice of it)."""
    blocks = [b for b in layout.blocks[first:] if b.kind not in (BlockKind.PAGE_BREAK,
                                                                BlockKind.TABLE)]
    return [line for b in blocks[:count] for line in b.text.splitlines()[:3] if line.strip()]


def paper_authority(layout: Layout, *, meeting: Meeting | None = None,
                    body: str | None = None, contacts: Iterable[str | None] = ()) -> str | None:
    """The authority owning a paper: the meeting's (as read from its front sheet), a name
    in the masthead or running header, else the body when the body is itself an authority
    (a report to "Severnmoor Fire and Rescue Authority", a parish council's minutes), else
    the association whose e-mail domain the paper's contact uses (an LGA board report
    carries its name only in a logo)."""
    return first_authority([
        meeting.authority if meeting else None,
        *top_lines(layout),
        *running_lines(layout),
        page_title_authority(layout),
        address_authority(layout),
        meeting.body if meeting else None,
        body,
    ]) or contact_domain_authority(
        [*contacts, meeting.contact.email if meeting and meeting.contact else None])


# National and regional associations whose papers print their name only in a logo; a
# council's own domain is not listed (its name is on the paper, and domains are not unique).
_ASSOCIATION_DOMAINS = {
    "local.gov.uk": "Local Government Association",
    "wlga.gov.uk": "Welsh Local Government Association",
    "cosla.gov.uk": "Convention of Scottish Local Authorities",
    "emcouncils.gov.uk": "East Midlands Councils",
}
_EMAIL_DOMAIN = re.compile(r"@([\w.-]+\.[a-z]{2,})", re.IGNORECASE)


def contact_domain_authority(contacts: Iterable[str | None]) -> str | None:
    """"Local Government Association" for a contact at …@local.gov.uk."""
    for text in contacts:
        for domain in _EMAIL_DOMAIN.findall(text or ""):
            name = _ASSOCIATION_DOMAINS.get(domain.casefold().rstrip("."))
            if name:
                return name
    return None


def _tidy(text: str) -> str:
    """"LOUGHSHORE AND GLENS BOROUGH COUNCIL" -> "Loughshore and Glens Borough Council";
    a leading lower-case "the" and trailing punctuation dropped."""
    text = _FURNITURE.sub("", re.sub(r"\s+", " ", text).strip(" .,:;–—-"))
    if text.isupper():
        text = _SMALL_WORDS.sub(lambda m: m.group(0).lower(), text.title())
        text = _HYPHENED_SMALL.sub(lambda m: m.group(0).lower(), text)
    return re.sub(r"^the\s+", "", text)
