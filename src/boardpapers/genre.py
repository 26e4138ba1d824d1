"""classify(layout) -> Classification: which kind of paper this is, and why.

Each genre's signs are scored by its own ``score`` function, registered with the genre
(``GenreSpec.score``; the built-ins' are in ``genres/``, added by ``builtins`` through the
same hook an outside package uses). A scorer reads the paper's short lines and the words of
its whole text and, for each sign found, adds a weight to a genre with a line of evidence;
a single matching phrase never decides alone, so a stray "Agenda" in a report does not make
it an agenda.

This module holds what is not any one genre's: the decision (which genre wins, the rules
for genres made of others, ties and the minimum score, all in ``DECIDE``), the confidence
(the chosen genre's share of the evidence) and the paper's language. "other" is chosen on
positive evidence (a decision record, forward-plan entry, letter, template) or when
nothing points anywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from boardpapers.genre_cues import CUE_SETTINGS
from boardpapers.genres import READ, Line, PaperLines, Signs
from boardpapers.model.classification import Classification
from boardpapers.model.layout import Layout
from boardpapers.plugins import GenreSpec, points, resolve

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


@dataclass(frozen=True, slots=True)
class LanguageSettings:
    """How the language is told from the lines' function words."""

    lines: int = 600  # lines read
    min_lines: int = 3  # fewer lines in both languages together: too few to tell ("en")
    bilingual_lines: int = 2  # bilingual needs this many lines in each language...
    bilingual_share: float = 0.25  # ...and the lesser language this share of them


LANGUAGE = LanguageSettings()


def detect_language(lines: list[Line]) -> tuple[str, str]:
    """("en" | "cy" | "bilingual", evidence) from which language each line is written in.

    Welsh councils print labels and text twice ("Dyddiad / Date"), so each half of a
    line split at " / " is judged on its own by its function words and common labels.
    """
    counts: Counter[str] = Counter()
    w = LANGUAGE
    for _, _, text in lines[:w.lines]:
        for half in re.split(r"\s+/\s+", text):
            language = _half_language(half)
            if language:
                counts[language] += 1
    cy, en = counts["cy"], counts["en"]
    total = cy + en
    if total < w.min_lines:
        return "en", "too few words to tell the language"
    if cy >= w.bilingual_lines and en >= w.bilingual_lines \
            and min(cy, en) >= w.bilingual_share * total:
        return "bilingual", f"Welsh and English lines {cy}/{en}"
    if cy > en:
        return "cy", f"Welsh lines {cy}/{total}"
    return "en", f"English lines {en}/{total}"


# ------------------------------------------------------------------ deciding



# ------------------------------------------------------------------ deciding

# A meeting page (ModernGov, CMIS) lists a meeting's items; with minutes under them it
# is "agenda and minutes", without them an agenda.
_MEETING_PAGE = re.compile(
    r"^\s*(?:no\.?|item(?: no\.?)?)\s*\|?\s*(?:agenda )?item\b|^\s*meeting details\s*$"
    r"|(?:^|\s)(?:•\s*)?documents\s+(?:•\s*)?attendance\s+(?:•\s*)?visitors\b",
    re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class DecideSettings:
    """Thresholds of the final choice (scores are sums of feature weights)."""

    min_score: float = 1.5  # below this nothing points anywhere: "other"
    # A ModernGov/CMIS page with its minutes: its own labels this strong, with minute
    # wording or labels strong enough alone.
    page_with_minutes: float = 2.0
    page_minutes: float = 1.5
    page_alone: float = 3.0
    # A pack: agenda front matter (or a pack cover with an "Agenda" heading) and a report
    # template behind it.
    pack_agenda: float = 3.0
    pack_cover: float = 2.0
    pack_cover_agenda: float = 1.5
    pack_templates: int = 1
    pack_report: float = 3.0
    meeting_page_agenda: float = 1.5  # agenda signs that make a meeting page
    meeting_page_minutes: float = 2.0  # minute wording that makes a meeting page a&m
    # Two signs of a decision record, forward-plan entry, letter or template outweigh the
    # report headings such papers quote.
    other_decisive: float = 4.0
    read_as_report: float = 3.0  # an "other" paper this report-like is read by the report parser
    confidence_prior: float = 1.0  # pseudo-score that keeps one weak feature from 100 %
    min_form_score: float = 2.5  # a form of the chosen genre needs this much of its own


DECIDE = DecideSettings()


def _decide(signs: Signs, text: str) -> str:
    """The rules first (a meeting page with minutes, a pack, decisive "other" signs), then
    the best score among the genres that may win alone (ties: the first registered), past
    ``min_score``."""
    s, d = signs.scores, DECIDE
    agenda, report, minutes = s["agenda"], s["report"], s["minutes"]
    page = s["agenda_and_minutes"]
    if page >= d.page_with_minutes and (minutes >= d.page_minutes or page >= d.page_alone):
        return "agenda_and_minutes"
    pack = s["agenda_pack"]
    templates = signs.measures.get("templates", 0)
    if (agenda >= d.pack_agenda or (pack >= d.pack_cover and agenda >= d.pack_cover_agenda)) \
            and templates >= d.pack_templates and report >= d.pack_report:
        signs("agenda_pack", agenda + report,
              f"agenda front matter + {templates} report template(s)")
        return "agenda_pack"
    if s["other"] >= d.other_decisive:
        return "other"  # a decision record or forward-plan entry quotes a report's headings
    labels = len(_MEETING_PAGE.findall(text[:CUE_SETTINGS.max_chars]))
    if labels and "minutes" not in signs.titled and agenda >= d.meeting_page_agenda \
            and minutes >= d.meeting_page_minutes and report < minutes:
        signs("agenda_and_minutes", agenda + minutes,
              f"a meeting page ({labels} page labels) with minutes under its items")
        return "agenda_and_minutes"
    best = _best(signs)
    if s[best] < d.min_score:
        return "other"
    return best


def _best(signs: Signs) -> str:
    """The best-scored genre that may win alone; the first registered wins a tie."""
    return max(_candidates(), key=lambda g: signs.scores[g])


def _candidates() -> tuple[str, ...]:
    """Genres with a scorer that may win on their score alone, in registration order."""
    return tuple(spec.name for spec in points().genres
                 if spec.score is not None and spec.alone and spec.family is None)


def _form(genre: str, signs: Signs) -> str | None:
    """The best-scored form of the chosen genre past ``min_form_score`` (first registered
    on a tie), or None."""
    forms = [spec.name for spec in points().genres if spec.family == genre]
    best = max(forms, key=lambda g: signs.scores[g], default=None)
    return best if best is not None and signs.scores[best] >= DECIDE.min_form_score else None


def _is_form(genre: str) -> bool:
    spec = points().genres.get(genre)
    return spec is not None and spec.family is not None


def _by_rule(genre: str) -> GenreSpec | None:
    """The genre's spec when only a rule names it (a pack: an agenda with reports)."""
    spec = points().genres.get(genre)
    return spec if spec is not None and not spec.alone else None


def _confidence(genre: str, signs: Signs) -> float:
    """The chosen genre's share of the evidence, damped so that one feature is not certainty.

    A genre named by a rule counts its parts' scores as its own, and none of them is its
    rival; a genre only a rule names is nobody's rival."""
    scores = signs.scores
    ruled = _by_rule(genre)
    parts = ruled.parts if ruled is not None else ()
    chosen = max(scores[genre], sum(scores[p] for p in parts)) if ruled else scores[genre]
    rival = max((v for g, v in scores.items() if g != genre and _by_rule(g) is None
                 and g not in parts and not _is_form(g)), default=0.0)
    if chosen <= 0:
        return round(1.0 / (1.0 + DECIDE.confidence_prior + rival), 2)
    return round(chosen / (chosen + rival + DECIDE.confidence_prior), 2)


def _evidence(genre: str, signs: Signs) -> list[str]:
    """The genre's evidence; a genre made of others (``GenreSpec.parts``) shows theirs first."""
    spec = points().genres.get(genre)
    parts = spec.parts if spec is not None else ()
    return [why for part in parts for why in signs.evidence.get(part, [])] \
        + signs.evidence.get(genre, [])


def score(paper: PaperLines) -> Signs:
    """Every registered genre's signs in the paper."""
    signs = Signs()
    # imported before any runs: every cue table is then made, and one pass finds them all
    scorers = [resolve(spec.score) for spec in points().genres if spec.score is not None]
    for scorer in scorers:
        scorer(paper, signs)
    return signs


def classify(layout: Layout) -> Classification:
    paper = PaperLines.of(layout)
    if sum(len(t) for _, _, t in paper.lines) < READ.min_chars:
        return Classification("other", ("no text to classify",), (), "en", 1.0)
    signs = score(paper)
    genre = _decide(signs, paper.text)
    form = _form(genre, signs)
    language, language_why = detect_language(paper.lines)
    evidence = (signs.evidence.get(form, []) if form else []) + _evidence(genre, signs)
    if not evidence:
        best = _best(signs)
        evidence = [f"nothing points to any genre (best: {best} {signs.scores[best]:.2f})"]
    if language != "en":
        evidence.append(language_why)
    scores = tuple(sorted(((g, round(v, 2)) for g, v in signs.scores.items()),
                          key=lambda kv: -kv[1]))
    read_as = "report" if genre == "other" and signs.scores["report"] >= DECIDE.read_as_report \
        else None
    return Classification(genre, tuple(dict.fromkeys(evidence)), scores, language,
                          _confidence(genre, signs), read_as, form)
