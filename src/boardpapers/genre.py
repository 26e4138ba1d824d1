"""classify(layout) -> Classification: which kind of paper this is, and why.

Each genre has a handful of *features* (a report template's labels, an agenda's item
table, a minute's "RESOLVED", a briefing's dated round-up headline...) found in the
paper's short lines. Every feature found adds to its genre's score and leaves a short
human-readable string of evidence; the best score past a threshold wins. A single
matching phrase never decides alone, so a stray "Agenda" in a report does not make it an
agenda; a blank or unfamiliar paper scores low everywhere and is "other".

``genre_cues`` adds the cues found anywhere in the words of the whole text (flattened
papers have few short lines); the decision then takes the best genre, with a confidence
(its share of the evidence) and the evidence itself. "other" is chosen on positive
evidence (a decision record, forward-plan entry, letter, template) or when nothing
points anywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from boardpapers.genre_cues import CUE_SETTINGS, score_cues
from boardpapers.model.classification import Classification
from boardpapers.model.layout import Block, BlockKind, Layout
from boardpapers.plugins import points, resolve
from boardpapers.vocab.labels import clean_label_text, match_label
from boardpapers.vocab.text import fold

# Only the first part of a long paper decides its front matter; template labels are
# counted everywhere (a pack's reports sit behind its agenda).
_FRONT_BLOCKS = 160


class _Scores(dict[str, float]):
    """Score per genre; a genre not scored yet reads 0 (and is not added by reading it)."""

    def __missing__(self, genre: str) -> float:
        return 0


@dataclass(slots=True)
class _Tally:
    scores: _Scores = field(default_factory=_Scores)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    titled: set[str] = field(default_factory=set)  # genres the paper's title names

    def add(self, genre: str, weight: float, why: str) -> None:
        self.scores[genre] += weight
        self.evidence.setdefault(genre, []).append(why)


# Letters that re.IGNORECASE folds onto ASCII letters but str.lower() does not.
_ODD_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _folded(text: str) -> str:
    """Lower case for substring pre-checks that agree exactly with re.IGNORECASE."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_ODD_FOLDS)
    return text.lower()


def _search(pattern: re.Pattern[str], needles: tuple[str, ...], text: str) -> bool:
    """``pattern.search(text)``, skipped when the text lacks every word a match contains.

    A long paper's lines are mostly prose that none of the genre phrases occur in;
    a substring test rules such a line out many times faster than the regex scan.
    """
    folded = _folded(text)
    return any(n in folded for n in needles) and pattern.search(text) is not None


def _start_or_search(pattern: re.Pattern[str], needles: tuple[str, ...], text: str) -> bool:
    """For patterns whose anchored alternatives need no needle: those can only match at 0."""
    return pattern.match(text) is not None or _search(pattern, needles, text)


# Pandoc's Markdown keeps an HTML page's ids and classes: "Items {#items .mgSectionTitle}",
# "[Venue: ]{.mgLabel}Council Chamber". They are markup, not words of the paper.
_PANDOC_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]{0,200}\}")
_PANDOC_SPAN = re.compile(r"\[([^\[\]]{0,200})\]\{\.[^{}]{0,200}\}")


def _without_pandoc_attributes(text: str) -> str:
    if "{" not in text:
        return text
    return _PANDOC_ATTRIBUTES.sub("", _PANDOC_SPAN.sub(r"\1", text))


def _lines(layout: Layout) -> list[tuple[int, Block, str]]:
    out = []
    for i, b in enumerate(layout.blocks):
        if b.kind is BlockKind.PAGE_BREAK:
            continue
        text = fold(clean_label_text(_without_pandoc_attributes(b.text)))
        if text:
            out.append((i, b, text))
    return out


# ------------------------------------------------------------------ report templates

_TEMPLATE_KINDS = ("purpose", "summary", "recommendations", "actions", "contact")
_IMPLICATION_KINDS = ("financial", "legal", "equalities", "implications_wales", "risk")
_RECOMMENDS = re.compile(r"\b(?:it is recommended that|is (?:recommended|asked) to|members are "
                         r"asked to (?:note|agree|approve|consider)|argymhellir"
                         # a planning report's "That the application be APPROVED subject to"
                         r"|that (?:the )?(?:application|planning permission) be "
                         r"(?:approved|granted|refused))\b", re.IGNORECASE)
# Words every match of a pattern contains (lower case), for the ``_search`` pre-check.
_RECOMMENDS_NEEDLES = ("recommended", "asked to", "argymhellir", " be ")


_HEADER_KINDS = ("confidential", "plan_theme", "key_decision", "wards", "report_of",
                 "report_to", "exempt")


def _label_rows(block: Block, text: str) -> list[str]:
    """The lines of a block that could be labels: a label/value table's rows count too.

    A Word front sheet ("Key decision: | Yes", "Divisions affected: | Lowbridge") is a
    table; its rows are the same header fields a typed report writes one per line. Only
    narrow tables with a short first cell are label tables (not an agenda's item table).
    """
    if block.kind is not BlockKind.TABLE:
        return [text] if len(text) <= 160 else []
    return [f"{row[0].strip()}\t{row[1].strip()}" if len(row) > 1 else row[0].strip()
            for row in block.rows[:40]
            if 1 <= len(row) <= 3 and row and 0 < len(row[0].strip()) <= 60]


def template_labels(lines: list[tuple[int, Block, str]]) -> Counter[str]:
    """How often each report-template label appears as a line (or table row) of its own."""
    found: Counter[str] = Counter()
    for n, (_, block, text) in enumerate(lines):
        for row in _label_rows(block, text):
            label = match_label(row)
            if label is None or (not label.value and _among_column_headers(lines, n)):
                continue
            _count_label(label.kind, label.value, found)
    return found


def _is_column_header(text: str) -> bool:
    return len(text) <= 15 and len(text.split()) <= 2 and not any(c.isdigit() for c in text)


def _among_column_headers(lines: list[tuple[int, Block, str]], n: int) -> bool:
    """A table's header row flattened one cell per line ("Item / Title / Lead / Purpose /
    Time"): its "Purpose" is a column, not the report template's heading."""
    around = [t for _, _, t in lines[max(0, n - 2):n] + lines[n + 1:n + 2]]
    return len(around) == 3 and all(_is_column_header(t) for t in around)


def _count_label(kind: str, value: str, found: Counter[str]) -> None:
    if kind == "author" and value:
        kind = "contact"  # "Report Author: Tom Ashworth, Senior Planner" names the contact
    if kind in _TEMPLATE_KINDS or kind in _IMPLICATION_KINDS:
        if kind == "contact" and value and "@" in value:
            return  # a bulletin's or summary's "Contact: Name, role  name@..." line
        found[kind] += 1
    elif kind in _HEADER_KINDS:
        found["header"] += 1


# A planning committee's application report has no "Purpose" heading: it is known by
# its application reference ("NP/25/0412/FUL", "25/01234/FUL") and its side headings.
_PLANNING_REFERENCE = re.compile(r"\b(?:[A-Z]{1,4}/)?\d{2,4}/\d{3,6}/[A-Z]{2,6}\b")
_PLANNING_HEADINGS = re.compile(
    r"^(?:site and surroundings|site description|the site|proposal|key issues|planning history"
    r"|history|consultations?(?: responses)?|representations|main policies|relevant policies"
    r"|planning policy|(?:officer )?assessment|applicant|agent|conditions|reasons? for refusal"
    r"|human rights)\s*:?$", re.IGNORECASE)
# A record of a decision taken by a cabinet member or officer is filed as "other" (the
# real-paper conventions) and read by the report parser, which finds its decision list.
_DECISION_RECORD = re.compile(
    r"^(?:record of (?:(?:an? )?(?:executive|key|delegated|officer|individual|cabinet member|"
    r"portfolio holder|non-key) )*decisions?(?: taken .*)?|decision record|(?:executive|officer|"
    r"delegated|cabinet member|key) decision (?:record|notice|report)|officer decision)$",
    re.IGNORECASE)


def _score_report_kinds(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    """Report kinds without the usual template: planning applications, decision records."""
    front = lines[:_FRONT_BLOCKS]
    if any(_DECISION_RECORD.match(t) for _, _, t in front[:12]):
        tally.add("other", 2.5, "'Record of Decision' title (a decision taken, read as a report)")
    references = sum(1 for _, _, t in front if "/" in t and _PLANNING_REFERENCE.search(t))
    headings = {t.lower().rstrip(" :") for _, _, t in front
                if len(t) <= 40 and _PLANNING_HEADINGS.match(t)}
    if references and len(headings) >= 3:
        tally.add("report", 1.5, f"planning application report (reference, {len(headings)} "
                                 "headings: " + ", ".join(sorted(headings)[:4]) + ")")


def _score_report(lines: list[tuple[int, Block, str]], tally: _Tally) -> int:
    """Template features; returns how many report templates the paper holds."""
    labels = template_labels(lines)
    templates = max(labels["purpose"], labels["recommendations"])
    if labels["purpose"]:
        tally.add("report", 2.0, f"heading 'Purpose of report' x{labels['purpose']} "
                                 "(report template)")
    if labels["recommendations"]:
        tally.add("report", 1.5, f"'Recommendation(s)' heading x{labels['recommendations']}")
    if labels["contact"]:
        tally.add("report", 1.0, "contact officer block")
    if labels["summary"]:
        tally.add("report", 0.5, "'Summary' heading")
    implications = sum(labels[k] for k in _IMPLICATION_KINDS)
    if implications:
        tally.add("report", min(1.5, 0.5 * implications),
                  f"{implications} implications heading(s) (financial, legal, equalities...)")
    if labels["header"]:
        tally.add("report", min(1.0, 0.5 * labels["header"]),
                  "report header fields (confidential, report to/of, wards, key decision)")
    if any(_search(_RECOMMENDS, _RECOMMENDS_NEEDLES, t) for _, _, t in lines[:200]):
        tally.add("report", 0.5, "'it is recommended that' / 'members are asked to'")
    _score_report_kinds(lines, tally)
    return templates


# ------------------------------------------------------------------ agendas and minutes

_AGENDA_WORDS = re.compile(r"^(?:agenda|rhaglen|agenda and reports|supplementary agenda"
                           r"|agenda pack|public reports pack)$", re.IGNORECASE)
_AGENDA_ITEMS = re.compile(
    r"\b(?:apologies(?: for absence)?|declarations? of (?:interests?|pecuniary)"
    r"|minutes of the (?:previous|last) meeting|any other business|date of (?:the )?next meeting"
    r"|urgent business|exclusion of (?:the )?(?:press and )?public|ymddiheuriadau"
    r"|datganiadau? o (?:fuddiant|ddiddordeb)|public (?:participation|questions))\b",
    re.IGNORECASE)
_MEETING_NOTICE = re.compile(
    r"\b(?:there will be a meeting|you are (?:hereby )?summoned|notice (?:is hereby given )?of "
    r"(?:a )?meeting|members of the .{3,60} (?:committee|board|cabinet)|membership\b|quorum"
    r"|to: (?:members|all members))", re.IGNORECASE)
_MINUTES_TITLE = re.compile(r"^(?:(?:draft |confirmed |signed )?minutes(?: of (?:the )?(?:a )?"
                            r"(?:meeting|proceedings).*)?|cofnodion.*|note of .{0,60}meeting.*"
                            # the LGA's "Minutes of last Improvement and Innovation Board
                            # meeting"; an agenda's "Minutes of the last meeting" is not a title
                            r"|minutes of last \S.{0,60}meeting.*)$",
                            re.IGNORECASE)
_MODERNGOV = re.compile(
    r"^(?:agenda and minutes|agenda and draft minutes|agenda a chofnodion|agenda a chofnodion "
    r"drafft|rhaglen a chofnodion|minutes:|cofnodion:|(?:venue|lleoliad|contact|cyswllt):.*"
    r"|items|item no\.?|rhif eitem|eitemau|additional documents:|dogfennau ychwanegol:)$"
    r"|\bpdf (?:icon )?pdf \d+ kb\b|\bpdf eicon pdf\b", re.IGNORECASE)
_MODERNGOV_NEEDLES = ("pdf ",)
# What makes a ModernGov page "agenda and minutes" rather than an agenda: minutes in it.
_MODERNGOV_MINUTES = re.compile(r"^(?:minutes:|cofnodion:|agenda and (?:draft )?minutes"
                                r"|agenda a chofnodion(?: drafft)?|rhaglen a chofnodion)$",
                                re.IGNORECASE)
_ITEM_ROW = re.compile(r"^\d{1,2}[.)]?\s+\S.{3,}(?:\s\d{1,3}\s*[-–]\s*\d{1,3})?$")
_PAGE_RANGE = re.compile(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\s*$")


_PACK_COVER = re.compile(r"^(?:public (?:document|reports) pack|agenda pack|supplementary pack)$",
                         re.IGNORECASE)
_ITEM_STAMP = re.compile(r"^(?:agenda item|eitem agenda|eitem)\s+\d{1,2}[a-z]?$", re.IGNORECASE)


def _score_pack(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    """What only a pack has: the publisher's cover line and "Agenda Item 4" page stamps."""
    if any(_PACK_COVER.match(t) for _, _, t in lines[:10]):
        tally.add("agenda_pack", 2.0, "'Public Document Pack' cover")
    stamps = sum(1 for _, _, t in lines if _ITEM_STAMP.match(t))
    if stamps >= 1:
        tally.add("agenda_pack", min(2.0, 1.0 * stamps), f"'Agenda Item N' stamps x{stamps}")


# A licensing (or other) sub-committee's notice of determination is the record of one
# hearing: its body, date, venue, members and decision. The expectations score it as
# minutes, the closest of the export contract's genres.
_HEARING_NOTICE = re.compile(r"^(?:notice of (?:the )?(?:determination|decision)(?: of .{3,60})?"
                             r"|(?:hearing )?decision notice|record of (?:the )?hearing)$",
                             re.IGNORECASE)
_HEARING_LABELS = re.compile(r"^(?:date of (?:the )?hearing|hearing(?: date)?|(?:sub-?committee|"
                             r"panel) members(?: present)?|parties (?:attending|present)"
                             r"|members of the (?:sub-?committee|panel))\s*:", re.IGNORECASE)


def _score_hearing(front: list[tuple[int, Block, str]], tally: _Tally) -> None:
    if any(_HEARING_NOTICE.match(t) for _, _, t in front[:12]):
        tally.add("minutes", 1.5, "'Notice of Determination' title (a hearing's record)")
    labels = sum(1 for _, b, t in front for row in _label_rows(b, t)
                 if _HEARING_LABELS.match(row))
    if labels:
        tally.add("minutes", min(1.5, 0.75 * labels),
                  f"hearing labels x{labels} (date of hearing, sub-committee members)")


def _score_meetings(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    front = lines[:_FRONT_BLOCKS]
    _score_hearing(front, tally)
    agenda_heads = sum(1 for _, _, t in front if _AGENDA_WORDS.match(t.rstrip(":")))
    if agenda_heads:
        tally.add("agenda", 1.5, f"'Agenda' heading x{agenda_heads}")
    items = {m.group(0).lower() for _, _, t in front for m in _AGENDA_ITEMS.finditer(t)}
    if items:
        tally.add("agenda", min(2.0, 0.5 * len(items)),
                  "standing agenda items: " + ", ".join(sorted(items)[:4]))
    if any(_MEETING_NOTICE.search(t) for _, _, t in front):
        tally.add("agenda", 1.0, "meeting notice / membership")
    page_rows = sum(1 for _, b, t in front if b.kind is BlockKind.TABLE and _PAGE_RANGE.search(t))
    page_rows += sum(1 for _, b, t in front if _ITEM_ROW.match(t) and _PAGE_RANGE.search(t))
    if page_rows >= 2:
        tally.add("agenda", 1.5, f"agenda table ({page_rows} items with page ranges)")
    minutes_title = sum(1 for _, _, t in front if _MINUTES_TITLE.match(t))
    if minutes_title:
        tally.add("minutes", 2.0, "'Minutes' title")
        tally.titled.add("minutes")
    moderngov = sum(1 for _, _, t in lines
                    if _start_or_search(_MODERNGOV, _MODERNGOV_NEEDLES, t))
    with_minutes = sum(1 for _, _, t in lines if _MODERNGOV_MINUTES.match(t))
    if moderngov >= 3 and with_minutes:
        tally.add("agenda_and_minutes", min(4.0, 0.5 * moderngov),
                  f"ModernGov page labels x{moderngov} with minutes x{with_minutes} "
                  "(Agenda and minutes, Venue, Items, Minutes:)")
    elif moderngov >= 3:
        tally.add("agenda", min(2.0, 0.5 * moderngov),
                  f"ModernGov agenda page labels x{moderngov} (Venue, Items), no minutes")


# ------------------------------------------------------------------ briefings, summaries

_BRIEF_WORDS = re.compile(
    r"\b(?:policy brief(?:ing)?|members'? (?:briefing|bulletin|update|newsletter)"
    r"|in this (?:issue|edition)|issue \d{1,3}\b"
    r"|weekly (?:round[- ]?up|brief(?:ing)?|bulletin|update)"
    r"|round[- ]?up|newsletter|e-?bulletin|bulletin|top items this week|in this issue"
    r"|news in brief)\b", re.IGNORECASE)
_SUMMARY_WORDS = re.compile(
    r"\b(?:support to (?:members?|councils|member \w+)|member (?:authorities|councils)"
    r"|our support|councillor development|employers'? organisation"
    r"|annual (?:review|summary|report)|year in review"
    r"|value for money|member organisations?|return on (?:investment|subscriptions?)"
    r"|savings delivered|supporting (?:elected )?members|looking ahead)\b", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_URL_NEEDLES = ("http", "www.")
_SUMMARY_NEEDLES = ("support", "member ", "councillor development", "employer", "annual ",
                    "year in review", "value for money", "return on ", "savings delivered",
                    "looking ahead")
_YEAR_SPAN = re.compile(r"\b20\d\d\s*[-/–]\s*(?:20)?\d\d\b")


def _is_shouted_headline(text: str) -> bool:
    if len(text) > 120:
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and len(text) <= 120 and sum(c.isupper() for c in letters) \
        > 0.9 * len(letters)


# A press release is one news story: the expectations score it as a briefing with one
# item, so it reaches the weekly brief rather than "other".
_PRESS_MASTHEAD = re.compile(r"^(?:news|press|media) (?:release|statement|notice)$", re.IGNORECASE)
_PRESS_FURNITURE = re.compile(r"^(?:for immediate release\b.*|embargoed (?:until|to)\b.*"
                              r"|notes? (?:to|for) editors?:?|media enquiries\b.*"
                              r"|press enquiries\b.*|-?\s*ends\s*-?\.?)$", re.IGNORECASE)


def _score_press_release(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    if any(_PRESS_MASTHEAD.match(t) for _, _, t in lines[:6]):
        tally.add("briefing", 2.0, "'News release' masthead")
    furniture = {t.lower()[:20] for _, _, t in lines if len(t) <= 120 and _PRESS_FURNITURE.match(t)}
    if furniture:
        tally.add("briefing", min(1.5, 0.5 * len(furniture)),
                  "press release furniture: " + ", ".join(sorted(furniture)[:3]))


def _score_briefing(lines: list[tuple[int, Block, str]], tally: _Tally) -> None:
    front = lines[:12]
    if any(_BRIEF_WORDS.search(t) for _, _, t in front if len(t) <= 140):
        tally.add("briefing", 2.0, "briefing masthead (policy brief / weekly round up / bulletin)")
    _score_press_release(lines, tally)
    urls = sum(1 for _, _, t in lines if _search(_URL, _URL_NEEDLES, t))
    if urls >= 2:
        tally.add("briefing", min(1.5, 0.25 * urls), f"{urls} lines with links")
    shouted = sum(1 for _, _, t in lines if _is_shouted_headline(t))
    if shouted >= 3:
        tally.add("briefing", min(1.5, 0.3 * shouted), f"{shouted} capitalised headlines")
    summary_words = {m.group(0).lower() for _, _, t in lines
                     if _search(_SUMMARY_WORDS, _SUMMARY_NEEDLES, t)
                     for m in _SUMMARY_WORDS.finditer(t)}
    if summary_words:
        tally.add("summary", min(2.5, 0.75 * len(summary_words)),
                  "member-support review wording: " + ", ".join(sorted(summary_words)[:3]))
    if any(_YEAR_SPAN.search(t) for _, _, t in lines[:8]):
        tally.add("summary", 0.75, "a year span in the title (e.g. 2016-17)")


# ------------------------------------------------------------------ language

_WELSH = frozenset("""yr a'r i'r o'r ac yn ein eich mae oedd bydd wedi bod sydd hyn hynny
gan gyda ydy ydyw nid dim neu ond fel ar gyfer cyngor pwyllgor argymhelliad argymhellion
adroddiad cyfarfod cynghorydd cynghorwyr swyddog cymru sir gwasanaethau aelodau diben
cefndir crynodeb goblygiadau ariannol cyfreithiol penderfyniad cofnodion eitem eitemau
ymddiheuriadau dyddiad amser lleoliad rhaglen cadeirydd is-gadeirydd aelodaeth datgan
buddiant tudalennau tudalen dydd hefyd rhaid angen drwy trwy y""".split())
_ENGLISH = frozenset("""the and of to is that for with this on be are was as by from it will
have has an at which report council members committee not or their been date time venue
agenda items minutes apologies declarations interest chair vice-chair membership page pages
purpose recommendation recommendations summary contact officer""".split())
_WORD = re.compile(r"[A-Za-z\u00C0-\u017F'-]+")


def _half_language(text: str) -> str | None:
    cy = en = 0
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        if word in _WELSH:
            cy += 1
        elif word in _ENGLISH:
            en += 1
    if cy == en:
        return None
    return "cy" if cy > en else "en"


def detect_language(lines: list[tuple[int, Block, str]]) -> tuple[str, str]:
    """("en" | "cy" | "bilingual", evidence) from which language each line is written in.

    Welsh councils print labels and text twice ("Dyddiad / Date"), so each half of a
    line split at " / " is judged on its own by its function words and common labels.
    """
    counts: Counter[str] = Counter()
    for _, _, text in lines[:600]:
        for half in re.split(r"\s+/\s+", text):
            language = _half_language(half)
            if language:
                counts[language] += 1
    cy, en = counts["cy"], counts["en"]
    total = cy + en
    if total < 3:
        return "en", "too few words to tell the language"
    if cy >= 2 and en >= 2 and min(cy, en) >= 0.25 * total:
        return "bilingual", f"Welsh and English lines {cy}/{en}"
    if cy > en:
        return "cy", f"Welsh lines {cy}/{total}"
    return "en", f"English lines {en}/{total}"


# ------------------------------------------------------------------ deciding


# A meeting page (ModernGov, CMIS) lists a meeting's items; with minutes under them it
# is "agenda and minutes", without them an agenda.
_MEETING_PAGE = re.compile(
    r"^\s*(?:no\.?|item(?: no\.?)?)\s*\|?\s*(?:agenda )?item\b|^\s*meeting details\s*$"
    r"|(?:^|\s)(?:•\s*)?documents\s+(?:•\s*)?attendance\s+(?:•\s*)?visitors\b",
    re.IGNORECASE | re.MULTILINE)
# Genres made of two others: their evidence is both parts' evidence.
_COMBINED = {"agenda_pack": ("agenda", "report"), "agenda_and_minutes": ("agenda", "minutes")}
_GENRES = ("report", "agenda", "minutes", "agenda_and_minutes", "briefing", "summary", "other")


@dataclass(frozen=True, slots=True)
class DecideSettings:
    """Thresholds of the final choice (scores are sums of feature weights)."""

    min_score: float = 1.5  # below this nothing points anywhere: "other"
    meeting_page_minutes: float = 2.0  # minute wording that makes a meeting page a&m
    # Two signs of a decision record, forward-plan entry, letter or template outweigh the
    # report headings such papers quote.
    other_decisive: float = 4.0
    read_as_report: float = 3.0  # an "other" paper this report-like is read by the report parser
    confidence_prior: float = 1.0  # pseudo-score that keeps one weak feature from 100 %


DECIDE = DecideSettings()


def _decide(tally: _Tally, templates: int, text: str) -> str:
    s = tally.scores
    agenda, report, minutes = s["agenda"], s["report"], s["minutes"]
    if s["agenda_and_minutes"] >= 2.0 and (minutes >= 1.5 or s["agenda_and_minutes"] >= 3.0):
        return "agenda_and_minutes"
    pack = s["agenda_pack"]
    if (agenda >= 3.0 or (pack >= 2.0 and agenda >= 1.5)) and templates >= 1 and report >= 3.0:
        tally.add("agenda_pack", agenda + report,
                  f"agenda front matter + {templates} report template(s)")
        return "agenda_pack"
    if s["other"] >= DECIDE.other_decisive:
        return "other"  # a decision record or forward-plan entry quotes a report's headings
    page = len(_MEETING_PAGE.findall(text[:CUE_SETTINGS.max_chars]))
    if page and "minutes" not in tally.titled and agenda >= 1.5 \
            and minutes >= DECIDE.meeting_page_minutes and report < minutes:
        tally.add("agenda_and_minutes", agenda + minutes,
                  f"a meeting page ({page} page labels) with minutes under its items")
        return "agenda_and_minutes"
    best = max(_candidates(), key=lambda g: s[g])
    if s[best] < DECIDE.min_score:
        return "other"
    return best


def _candidates() -> tuple[str, ...]:
    """The built-in genres, then those added from outside with a score of their own."""
    return _GENRES + tuple(spec.name for spec in points().genres
                           if spec.score is not None and spec.name not in _GENRES)


def _confidence(genre: str, scores: _Scores) -> float:
    """The chosen genre's share of the evidence, damped so that one feature is not certainty."""
    chosen = max(scores[genre], scores["agenda"] + scores["report"]) \
        if genre == "agenda_pack" else scores[genre]
    rival = max((v for g, v in scores.items() if g != genre and g != "agenda_pack"
                 and not (genre == "agenda_pack" and g in ("agenda", "report"))), default=0.0)
    if chosen <= 0:
        return round(1.0 / (1.0 + DECIDE.confidence_prior + rival), 2)
    return round(chosen / (chosen + rival + DECIDE.confidence_prior), 2)


def classify(layout: Layout) -> Classification:
    lines = _lines(layout)
    tally = _Tally()
    if sum(len(t) for _, _, t in lines) < 40:
        return Classification("other", ("no text to classify",), (), "en", 1.0)
    text = "\n".join(t for _, _, t in lines)
    templates = _score_report(lines, tally)
    _score_meetings(lines, tally)
    _score_pack(lines, tally)
    _score_briefing(lines, tally)
    tally.titled |= score_cues(text, tally.add)
    for spec in points().genres:
        if spec.score is not None:
            resolve(spec.score)(text, tally.add)
    genre = _decide(tally, templates, text)
    language, language_why = detect_language(lines)
    evidence = list(tally.evidence.get(genre, []))
    if genre in _COMBINED:
        evidence = [why for part in _COMBINED[genre] for why in tally.evidence.get(part, [])] \
            + evidence
    if not evidence:
        best = max(_candidates(), key=lambda g: tally.scores[g])
        evidence = [f"nothing points to any genre (best: {best} {tally.scores[best]:.2f})"]
    if language != "en":
        evidence.append(language_why)
    scores = tuple(sorted(((g, round(v, 2)) for g, v in tally.scores.items()),
                          key=lambda kv: -kv[1]))
    read_as = "report" if genre == "other" and tally.scores["report"] >= DECIDE.read_as_report \
        else None
    return Classification(genre, tuple(dict.fromkeys(evidence)), scores, language,
                          _confidence(genre, tally.scores), read_as)
