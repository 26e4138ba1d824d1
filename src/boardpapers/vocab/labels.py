"""The words councils use to label the parts of a report, in English and Welsh.

One vocabulary, shared by the report, pack, agenda and minutes parsers, so that a heading
is recognised the same way wherever it appears. A *label* is the short text that names a
part of a paper: a section heading ("2. Financial Implications", "Goblygiadau Ariannol")
or a header field ("Report to:", "Wards affected:", "Swyddog Cyswllt:"). Each label maps
to a canonical *kind*: one of ``paper.SECTION_KINDS`` for sections, or one of
``FIELD_KINDS`` for header and contact fields.

Why patterns and not a list of strings: the same label is written many ways ("Purpose of
the Report", "PURPOSE", "1.0 Purpose:", "Reason for this report"), and a label is only a
label when it is the whole line or is followed by a separator and its value; "the
purpose of this report is to..." in a sentence is body text, not a heading.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Header and contact fields: not sections, but values read from a report's front matter.
FIELD_KINDS = ("report_to", "report_number", "date", "subject", "report_of", "author",
               "portfolio", "wards", "key_decision", "exempt", "confidential", "plan_theme",
               "name", "position", "phone", "email", "status")

# (kind, language, pattern, inline). A pattern matches the whole label text after
# numbering and emphasis are removed and the text is lower-cased; order matters only
# between kinds whose patterns could match the same text (more specific first). *inline*
# is the part of the wording that may also start a field in the middle of a flattened
# line ("… DATE: 4 March 2019 CONTACT OFFICER: …"): only plain, closed wordings, since
# open ones ("report of the …") would swallow the line; "" where none may.
_VOCABULARY: tuple[tuple[str, str, str, str], ...] = (
    # --- contact and header fields (checked first: "Contact officer" is not "Contact")
    ("contact", "en", r"contact officers?|contact details|contacts?|officer contact|officer"
                      r"|officer contact details|contact officer(?:'s|s')? details"
                      r"|contact (?:person|name)|for further information(?: contact)?"
                      r"|further information|lead contact officer|report contact"
                      r"|(?:for )?(?:further|more) information,? please contact"
                      r"|contact for enquiries|enquiries to|relevant officer|contact point"
                      r"|contact for further information|press contact|please ask for",
     r"contact officers?|contact details|contact for enquiries|contact for further information"
     r"|contact point|relevant officer|contact"),
    ("contact", "cy", r"swyddogion cyswllt|swyddog cyswllt|manylion cyswllt|cyswllt"
                      r"|am ragor o wybodaeth|gofynnwch am",
     r"swyddog cyswllt|manylion cyswllt"),
    ("name", "en", r"name|officer name",
     r"name"),
    ("name", "cy", r"enw",
     r"enw"),
    ("position", "en", r"position|job title|post title|designation|role",
     r"position|job title"),
    ("position", "cy", r"swydd|teitl swydd|teitl y swydd",
     r"swydd"),
    ("phone", "en", r"(?:tel(?:ephone)?|phone|mobile|mob|direct line|direct dial)"
                    r"(?:\.? ?(?:no|number)\.?)?",
     r"(?:tel(?:ephone)?|phone|mobile)(?:\.? ?(?:no|number)\.?)?"),
    ("phone", "cy", r"(?:rhif )?ff[oô]n(?: symudol)?",
     r"rhif ff[oô]n|ff[oô]n"),
    ("email", "en", r"e-?mail(?: address)?",
     r"e-?mail(?: address)?"),
    ("email", "cy", r"e-?bost|cyfeiriad e-?bost",
     r"e-?bost"),
    ("report_to", "en", r"report to|to|meeting|committee|(?:final )?decision[- ]maker"
                        r"|meeting of|name of (?:committee|meeting)|board",
     r"report to|meeting|committee|decision maker"),
    ("report_to", "cy", r"adroddiad i|i|cyfarfod|pwyllgor|enw'r pwyllgor",
     r"adroddiad i|cyfarfod|pwyllgor"),
    ("report_number", "en", r"report (?:no|number|ref(?:erence)?)\.?|ref(?:erence)?(?: no\.?)?"
                            r"|document (?:no|number)\.?",
     r"report (?:no|number|ref(?:erence)?)\.?"),
    ("report_number", "cy", r"rhif (?:yr )?adroddiad|cyfeirnod",
     r"rhif (?:yr )?adroddiad|cyfeirnod"),
    ("date", "en", r"date(?: of (?:the )?meeting| of report| of decision)?|meeting date"
                   r"|report date",
     r"date of meeting|meeting date|report date|date"),
    ("date", "cy", r"dyddiad(?: y cyfarfod| y penderfyniad| cyfarfod)?",
     r"dyddiad(?: y cyfarfod)?"),
    ("subject", "en", r"subject|title|report title|title of report|subject of report"
                      r"|report subject|item",
     r"subject|report title|title"),
    ("subject", "cy", r"pwnc|teitl|teitl yr adroddiad|testun",
     r"pwnc|teitl"),
    ("report_of", "en", r"report (?:of|by|from)|from|lead officer|responsible officer"
                        r"|lead director|director|accountable officer|submitted by"
                        r"|report authori[sz]ed by|lead head of service|head of service"
                        r"|strategic director|sponsoring director"
                        r"|report of the .{3,80}|joint report of .{3,80}",
     r"report of|report by|report from|lead officer|responsible officer"),
    ("report_of", "cy", r"adroddiad gan|swyddog arweiniol|cyfarwyddwr|adroddiad y .{3,80}",
     r"adroddiad gan|swyddog arweiniol"),
    ("author", "en", r"report authors?|authors?|report author and contact|prepared by"
                     r"|lead officer and report author"
                     r"|written by",
     r"report author|author"),
    ("author", "cy", r"awdur(?: yr adroddiad)?",
     r"awdur(?: yr adroddiad)?"),
    ("portfolio", "en", r"portfolio(?: holder| area)?|cabinet member(?: responsible)?"
                        r"|cabinet portfolio|lead member|executive member|relevant cabinet member"
                        r"|portfolio holder responsible",
     r"portfolio holder|cabinet member|lead member|portfolio"),
    ("portfolio", "cy", r"aelod (?:cabinet|portffolio)(?: cyfrifol)?|portffolio|deiliad portffolio"
                        r"|enw'r aelod cabinet",
     r"aelod cabinet"),
    ("wards", "en", r"wards?(?: affected)?|wards? and communities affected"
                    r"|electoral divisions?(?: affected)?|divisions? affected"
                    r"|ward\(s\)(?: affected)?",
     r"wards affected|ward\(s\) affected|wards?|electoral divisions? affected"),
    ("wards", "cy", r"wardiau(?: yr effeithir arnynt)?|ward(?: yr effeithir arni)?",
     r"wardiau"),
    ("key_decision", "en", r"key decision\??|is this a key decision\??",
     r"key decision\??"),
    ("key_decision", "cy", r"penderfyniad allweddol\??",
     r"penderfyniad allweddol"),
    ("confidential", "en", r"is this report confidential\??|confidential(?: report)?\??"
                           r"|confidentiality|public or private\??|classification|public/private",
     r"is this report confidential\?|confidential"),
    ("confidential", "cy", r"cyfrinachol\??|a yw'r adroddiad hwn yn gyfrinachol\??", ""),
    ("exempt", "en", r"exempt information|exempt|exemption|exempt from publication\??"
                     r"|part (?:i|ii|1|2|one|two)(?: item)?|not for publication",
     r"exempt information|exempt"),
    ("exempt", "cy", r"gwybodaeth eithriedig|eithriedig", ""),
    ("status", "en", r"status|report status|for", ""),
    ("plan_theme", "en", r"(?:lga |council |corporate )?plan (?:theme|priority|priorities)"
                         r"|corporate priorit(?:y|ies)|council priorit(?:y|ies)"
                         r"|strategic priorit(?:y|ies)"
                         r"|link to (?:corporate|council) (?:plan|priorities)",
     r"lga plan theme|plan theme|corporate priority|corporate priorities"),
    ("plan_theme", "cy", r"amcan(?:ion)? llesiant|blaenoriaeth(?:au)? corfforaethol", ""),
    # --- the report template
    ("purpose", "en", r"purpose(?: of (?:the |this )?report)?|report purpose|purpose of paper"
                      # Northern Ireland's "1.0 Purpose of Report or Summary of Main Issues"
                      r"|purpose of (?:the )?report or summary of (?:the )?main issues"
                      r"|purpose and (?:background|scope|summary)|reasons? for (?:this|the) report"
                      r"|reasons? for report|why is this report being brought"
                      r"|aim of (?:the |this )?report|purpose of this paper"
                      r"|summary and purpose|summary ?/ ?purpose|purpose ?/ ?summary",
     r"purpose of (?:the )?report|purpose"),
    ("purpose", "cy", r"(?:diben|pwrpas)(?: yr adroddiad)?|pwrpas yr adroddiad hwn"
                      r"|diben yr adroddiad hwn|rheswm dros yr adroddiad",
     r"diben yr adroddiad|pwrpas yr adroddiad"),
    ("other", "en", r"reasons? for (?:the )?(?:recommendations?|recommendation\(s\)|decisions?"
                    r"|proposals?)"
                    r"|reasons? for (?:the )?recommended decisions?"
                    r"|alternative options?(?: considered)?(?: and rejected)?"
                    r"|other options considered|options considered and rejected", ""),
    ("other", "cy", r"rhesymau? dros (?:yr )?(?:argymhelliad|argymhellion|penderfyniad)"
                    r"|rhesymau? dros (?:yr )?argymhelliad\(ion\)|opsiynau eraill a ystyriwyd", ""),
    ("summary", "en", r"(?:executive |report |management )?summary|summary of (?:the )?report"
                      r"|report summary and recommendations?"
                      r"|key points|overview", ""),
    ("summary", "cy", r"crynodeb(?: gweithredol)?|crynodeb o'r adroddiad|trosolwg", ""),
    ("recommendations", "en", r"recommendations?|recommendation\(s\)|recommendation/s"
                              r"|recommended decisions?|recommended actions?|proposed decisions?"
                              r"|decisions? (?:required|sought|requested)|recommendations? to \w+"
                              r"|summary of recommendations?|decision|recommendations? for decision"
                              r"|officers?'? recommendations?|proposed recommendations?"
                              r"|this report makes the following recommendations?"
                              r"(?: to [\w ,&'-]{2,80})?"
                              r"|recommendations? of (?:the )?[\w ,&'-]{3,80}"
                              r"|recommendation(?:s|/s|\(s\))? and reasons?(?:/s|\(s\))?"
                              r"|recommendation(?:s|\(s\))? to (?:the )?[\w ]{2,40}",
     r"recommendations?"),
    ("recommendations", "cy", r"argymhelliad(?:ion)?|argymhellion|argymhelliad\(ion\)"
                              r"|argymhellion i'r \w+|penderfyniad a geisir|penderfyniad(?:au)?"
                              r"|yr argymhelliad|argymhellir",
     r"argymhellion|argymhelliad"),
    ("actions", "en", r"actions?(?: required| needed| requested)?|next actions|action\(s\)|action/s"
                      r"|action(?:s)? (?:for|by) (?:officers|members)", ""),
    ("actions", "cy", r"camau? gweithredu|gweithredu", ""),
    ("background", "en", r"background(?: information| and context)?|introduction"
                         r"|introduction and background|background and introduction|context"
                         r"|background and context"
                         r"|overview and background", ""),
    ("background", "cy", r"cefndir|cyflwyniad|cyd-destun|cefndir a chyd-destun", ""),
    ("issues", "en", r"(?:the |main |key )?issues|issues(?: and options)?(?: for consideration)?"
                     r"|discussion|proposals?|current position|options(?: appraisal| considered)?"
                     r"|main report|report details?|detailed information|details|consideration"
                     r"|main considerations|the proposal|key considerations|analysis"
                     r"|issues and analysis|update|progress update|information|available options"
                     r"|preferred option(?: and reasons for (?:the )?recommendations?)?"
                     r"|proposals? and reasons|options and (?:analysis|proposals?)", ""),
    ("issues", "cy", r"materion(?: allweddol)?|ystyriaethau|opsiynau|cynigion?|trafodaeth"
                     r"|y sefyllfa bresennol|manylion|gwybodaeth", ""),
    ("implications_wales", "en", r"implications for wales|wales implications|welsh implications",
     ""),
    ("implications_wales", "cy", r"goblygiadau i gymru|goblygiadau ar gyfer cymru", ""),
    ("financial", "en", r"(?:financial|finance|resource|budget|budgetary|funding|cost)"
                        r"(?: and (?:resource|resources|value for money|procurement|risk))?"
                        r" (?:implications|considerations|comments|issues|impact)"
                        r"|financial|finance|resources|financial and resource(?:s)? implications"
                        r"|comments? (?:of|from) the (?:chief finance officer|section 151 officer"
                        r"|s151 officer|director of finance|head of finance)"
                        r"|(?:section |s\.? ?)151 officer(?:'s)? comments"
                        r"|resource and value for money"
                        r"|implications for resources|value for money|finance summary"
                        r"|financial summary"
                        r"|(?:statutory |chief )?finance officer|section 151 officer", ""),
    ("financial", "cy", r"goblygiadau (?:ariannol|cyllidol|adnoddau)|ystyriaethau ariannol"
                        r"|cyllid|adnoddau|sylwadau'r (?:swyddog adran 151|pennaeth cyllid)"
                        r"|goblygiadau ariannol ac adnoddau|(?:y )?swyddog cyllid statudol"
                        r"|pennaeth cyllid", ""),
    ("legal", "en", r"legal(?: and (?:governance|constitutional|procurement))?"
                    r"(?: implications| considerations| comments| issues| powers)?"
                    r"|comments? (?:of|from) the "
                    r"(?:monitoring officer|head of legal\b.*|solicitor.*)"
                    r"|monitoring officer(?:'s)? comments|statutory (?:powers|considerations)"
                    r"|legal powers and duties|governance implications|monitoring officer", ""),
    ("legal", "cy", r"goblygiadau cyfreithiol|ystyriaethau cyfreithiol|cyfreithiol"
                    r"|sylwadau'r swyddog monitro|(?:y )?swyddog monitro", ""),
    ("equalities", "en", r"equalit(?:y|ies)(?: and diversity| diversity and inclusion"
                         r"| and inclusion| and human rights)?(?: implications| considerations"
                         r"| impact(?: assessment)?| issues)?"
                         r"|equality impact assessment|(?:public sector )?equality duty"
                         r"|diversity implications|equality, diversity and inclusion"
                         r"(?: implications)?|edi implications|equalities and diversity", ""),
    ("equalities", "cy", r"(?:goblygiadau|ystyriaethau) cydraddoldeb|cydraddoldeb"
                         r"|asesiad effaith (?:ar )?gydraddoldeb"
                         r"|asesiad o'r effaith ar gydraddoldeb"
                         r"|asesiad effaith integredig|cydraddoldeb ac amrywiaeth", ""),
    ("risk", "en", r"risks?(?: management| implications| assessment| analysis| and mitigation"
                   r"| and mitigations| management implications| considerations)?"
                   r"|key risks|risk and mitigation|risks and issues", ""),
    ("risk", "cy", r"risgiau?|rheoli risg|asesiad risg|goblygiadau risg", ""),
    ("next_steps", "en", r"next steps|next stages|way forward|timetable(?: and next steps)?"
                         r"|implementation(?: timetable)?", ""),
    ("next_steps", "cy", r"camau nesaf|y camau nesaf|y ffordd ymlaen", ""),
    ("appendix", "en", r"appendix(?: [0-9a-z]{1,3})?(?: ?[-–:] ?.*)?|appendices|annex(?:es)?"
                       r"(?: [0-9a-z]{1,3})?|background papers?|background documents?"
                       r"|list of (?:background papers|appendices)|supporting documents?"
                       r"|documents? attached|attachments?|enclosures?",
     r"appendices|background papers"),
    ("appendix", "cy", r"atodiad(?:au)?(?: [0-9a-z]{1,3})?(?: ?[-–:] ?.*)?|papurau cefndir"
                       r"|dogfennau cefndir|rhestr o bapurau cefndir",
     r"atodiadau|papurau cefndir"),
    ("other", "en", r"(?:climate|carbon|environmental|sustainability|human resources?|hr"
                    r"|staffing|workforce|procurement|property|health and safety|safeguarding"
                    r"|crime and disorder|community safety|data protection|privacy|ict|digital"
                    r"|health|social value|policy|corporate|council plan|consultation|wellbeing"
                    r"|well-being|climate change|biodiversity|armed forces|welsh language|rural"
                    r"|ward|member|partnership|communications?|performance|governance|other)"
                    r"(?: (?:and|&) [a-z ]{2,30})? (?:implications|considerations|comments"
                    r"|impact|issues|assessment)"
                    r"|consultation(?: undertaken| and engagement| responses?)?|engagement"
                    r"|conclusions?|summary of implications|implications|other implications"
                    r"|views of the statutory officers|local member views?|officers consulted"
                    r"|council plan|corporate plan|climate change|well-being of future generations"
                    r".*|wellbeing of future generations.*|sustainability|glossary", ""),
    ("other", "cy", r"casgliad(?:au)?|ymgynghori|ymgynghoriad(?:au)?|goblygiadau eraill|goblygiadau"
                    r"|barn y swyddogion statudol|barn yr aelod lleol|rhesymau dros y penderfyniad"
                    r"|yr iaith gymraeg|iaith gymraeg|newid hinsawdd|llesiant cenedlaethau'r"
                    r" dyfodol.*|deddf llesiant.*", ""),
)

_KIND_ORDER = tuple(dict.fromkeys(kind for kind, _, _, _ in _VOCABULARY))

# Section kinds whose label may carry the section's text inline ("Purpose: For decision").
SECTION_LABEL_KINDS = frozenset(k for k in _KIND_ORDER if k not in FIELD_KINDS)

_NUMBERING = re.compile(
    r"^(?:(?:section|part|item|rhan|eitem)\s+)?"
    r"(?:\(?\d{1,2}(?:\.\d{1,2}){0,2}[.):]?|\(?[a-hA-H][.)]|\(?[ivxIVX]{1,4}[.)])\s+")
_EMPHASIS = re.compile(r"[*_#`]+|</?(?:b|i|u|strong|em|sup|sub)>", re.IGNORECASE)
_SEPARATOR = r"\s*(?:[:?]|\s[-–—]\s|\t)\s*"
_EMPHASIS_CHARS = "*_#`<"  # every match of _EMPHASIS holds one of these
_SPACES = re.compile(r"[ ]+")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Label:
    """A label found at the start of a line, and what follows it on that line."""

    kind: str  # a SECTION_KIND or a FIELD_KIND
    text: str  # the label as written, numbering and separator removed
    value: str  # what follows the separator on the same line ("" for a bare heading)
    language: str  # en | cy
    number: str = ""  # the section number as written before it, "2." / "3.1"


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One vocabulary entry compiled once: the label alone, and the label before a value."""

    kind: str
    language: str
    source: str
    whole: re.Pattern[str]  # fullmatch: "Financial Implications:"
    separated: re.Pattern[str]  # match: "Purpose: For decision"
    run_in: re.Pattern[str]  # match: "Contact Rhodri Llewelyn" (label run into its value)


def _compile(kind: str, language: str, pattern: str) -> _Pattern:
    return _Pattern(
        kind, language, pattern,
        re.compile(rf"({pattern})\s*[:.?]?", re.IGNORECASE),
        re.compile(rf"({pattern}){_SEPARATOR}(?P<value>\S.*)$", re.IGNORECASE | re.DOTALL),
        re.compile(rf"({pattern})\s+(?P<value>\S.*)$", re.IGNORECASE))


_PATTERNS: tuple[_Pattern, ...] = tuple(_compile(k, lang, p) for k, lang, p, _ in _VOCABULARY)

# Every pattern in one alternation: most lines of a paper are prose that no label starts,
# and one regex call rules them out where the pattern-by-pattern loop would make ~140.
# It is a pre-filter only (it accepts whenever some pattern would), never the decision.
_ANY = "|".join(f"(?:{p})" for _, _, p, _ in _VOCABULARY)
_ANY_WHOLE = re.compile(rf"(?:{_ANY})\s*[:.?]?", re.IGNORECASE)
_ANY_SEPARATED = re.compile(rf"(?:{_ANY}){_SEPARATOR}\S", re.IGNORECASE | re.DOTALL)
# A label and its separator are short: past this many characters of cleaned text a line
# is too long to be a label line, whatever follows.
_MAX_LABEL_LINE = 400
# Cleaning a prefix gives a prefix of the cleaned line, save for the last few characters
# (an emphasis tag cut in two is not removed), so a long line can be judged on its head.
_HEAD_CHARS = 1000
_CUT_SLACK = 10


@functools.lru_cache(maxsize=16384)
def clean_label_text(text: str) -> str:
    """Drop emphasis markup, fold whitespace and unify apostrophes and dashes."""
    if any(c in text for c in _EMPHASIS_CHARS):  # most lines have none: skip the scan
        text = _EMPHASIS.sub("", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\xa0", " ").replace("\t", " \t ")
    return (_SPACES.sub(" ", text) if "  " in text else text).strip()


def clear_caches() -> None:
    """Forget cached answers: benchmarks time a cold start, as a fresh process sees it."""
    clean_label_text.cache_clear()
    _match_label.cache_clear()
    _split_fields.cache_clear()


_INTRODUCTION = re.compile(r"introduction(?: and background)?|cyflwyniad(?: a chefndir)?",
                           re.IGNORECASE)


def is_introduction(heading: str) -> bool:
    """"1. Introduction" / "Cyflwyniad": in a report with no Purpose or Summary label it
    opens the template (its first paragraph says what the report is for), where another
    "background" heading ("Background", "Context") does not."""
    return bool(_INTRODUCTION.fullmatch(split_numbering(clean_label_text(heading))[1]
                                        .strip().rstrip(":.")))


def template_label_kind(text: str) -> str | None:
    """The kind a report-start finder counts for a label line: "purpose", "summary",
    "recommendations", "actions", or "introduction" (a kind of its own here, not
    "background": "1. Introduction" then "2. Recommendations" opens a report)."""
    if is_introduction(text):
        return "introduction"
    label = match_label(text)
    if label is None or label.kind not in ("purpose", "summary", "recommendations", "actions"):
        return None
    return label.kind


def split_numbering(text: str) -> tuple[str, str]:
    """("2.1", "Financial implications") from "2.1 Financial implications"."""
    m = _NUMBERING.match(text)
    if not m:
        return "", text
    return m.group(0).strip(), text[m.end():]


def match_label(text: str, *, kinds: frozenset[str] | None = None) -> Label | None:
    """The label this line starts with, if the line is a label (alone or with a value).

    A label counts when it is the whole line ("Financial Implications"), or is followed by
    ":", "?", a tab or a spaced dash and then its value ("Purpose: For decision").
    Answers are cached: the classifier, the report parser and the contact reader all ask
    about the same lines.
    """
    return _match_label(text, kinds)


@functools.lru_cache(maxsize=16384)
def _match_label(text: str, kinds: frozenset[str] | None) -> Label | None:
    if (len(text) > _HEAD_CHARS
            and len(clean_label_text(text[:_HEAD_CHARS])) > _MAX_LABEL_LINE + _CUT_SLACK):
        return None  # far too long to be a label line: no need to clean all of it
    cleaned = clean_label_text(text)
    if not cleaned or len(cleaned) > _MAX_LABEL_LINE:
        return None
    number, rest = split_numbering(cleaned)
    label = _match_any(rest.strip(), kinds) or _match_bilingual(rest.strip(), kinds)
    if label is None:
        return None
    return Label(label.kind, label.text, label.value, label.language, number)


def _could_be_label(text: str) -> bool:
    return bool(_ANY_WHOLE.fullmatch(_whole_form(text)) or _ANY_SEPARATED.match(text))


def _whole_form(text: str) -> str:
    return text.replace("\t", " ").strip()


def _match_any(text: str, kinds: frozenset[str] | None) -> Label | None:
    if not _could_be_label(text):
        return None
    for pattern in _PATTERNS:
        if kinds is not None and pattern.kind not in kinds:
            continue
        label = _match_one(pattern, text)
        if label is not None:
            return label
    return None


_BILINGUAL = re.compile(r"^(?P<first>[^/:?]{2,80}?)\s+/\s+(?P<second>.+)$")


def _label_then_value(kind: str, text: str) -> Label | None:
    """"Contact Rhodri Llewelyn": a label run into its value when a PDF split the line."""
    for pattern in _PATTERNS:
        if pattern.kind != kind:
            continue
        m = pattern.run_in.match(text)
        if m and not _label_swallowed_separator(m.group(1)):
            return Label(kind, m.group(1).strip(), m.group("value").strip(), pattern.language)
    return None


def _match_bilingual(text: str, kinds: frozenset[str] | None) -> Label | None:
    """"Diben yr Adroddiad / Purpose of the Report", "Dyddiad / Date: 20 Mai 2025".

    Welsh councils print each label in both languages, Welsh first (or English first);
    the label counts when both halves are labels of the same kind.
    """
    if "/" not in text:
        return None
    m = _BILINGUAL.match(text)
    if not m:
        return None
    first = _match_any(m.group("first").strip(), kinds)
    if first is None or first.value:
        return None
    second = _match_any(m.group("second").strip(), kinds)
    if second is None:
        second = _label_then_value(first.kind, m.group("second").strip())
    if second is None or second.kind != first.kind:
        return None
    return Label(first.kind, f"{first.text} / {second.text}", second.value, "bilingual")


def _match_one(pattern: _Pattern, text: str) -> Label | None:
    whole = pattern.whole.fullmatch(_whole_form(text))
    if whole:
        return Label(pattern.kind, whole.group(1).strip(), "", pattern.language)
    m = pattern.separated.match(text)
    if m and not _label_swallowed_separator(m.group(1)):
        value = _WHITESPACE.sub(" ", m.group("value")).strip()
        return Label(pattern.kind, m.group(1).strip(), value, pattern.language)
    return None


def _label_swallowed_separator(label: str) -> bool:
    # Open-ended patterns (".{3,80}") must not run over a separator into the value.
    return ":" in label or "\t" in label


# ------------------------------------------------------------------ flattened headers

def _inline_labels() -> tuple[tuple[str, str], ...]:
    """(kind, wordings) of the vocabulary's inline wordings, English then Welsh per kind."""
    by_kind: dict[str, list[str]] = {}
    for kind, _, _, inline in _VOCABULARY:
        if inline:
            by_kind.setdefault(kind, []).append(inline)
    return tuple((kind, "|".join(wordings)) for kind, wordings in by_kind.items())


# Labels that may start a field in the middle of a flattened line.
_INLINE_LABELS = _inline_labels()
_INLINE_RE = re.compile(
    # "… and PartnershipsTel: 01632 …": a converter glued a capitalised contact label to
    # the word before it (a tab stop lost)
    r"(?:^|(?<=\s)|(?<=[.;,])|(?<=[a-z])(?=(?-i:Tel|Telephone|Phone|Mobile|Email|E-mail)\s*:))"
    r"(?P<label>"
    + "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_INLINE_LABELS))
    + r")\s*(?::|\?(?=\s))\s*",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Field:
    """One ``label: value`` pair read from a (possibly flattened) header line."""

    kind: str
    label: str
    value: str
    start: int  # where the label starts in the line


def split_fields(text: str) -> tuple[Field, ...]:
    """Every ``Label: value`` pair in a line, even when several share one line.

    PDF extraction often flattens a header table onto one line: "Report to: Cabinet
    Report number: CAB/24/17 Date: 12 March 2024". A label only counts here when it is
    followed by a colon (or "?" for questions), so ordinary prose is never split.
    Answers are cached, and a line that no label starts is turned away after looking
    at its head only.
    """
    if ":" not in text and "?" not in text:
        return ()  # every field label is followed by one of them
    return _split_fields(text)


def _fields_form(text: str) -> str:
    return _WHITESPACE.sub(" ", clean_label_text(text).replace("\t", " "))


@functools.lru_cache(maxsize=16384)
def _split_fields(text: str) -> tuple[Field, ...]:
    if len(text) > _HEAD_CHARS:
        head = _fields_form(text[:_HEAD_CHARS])
        if len(head) > 2 * _CUT_SLACK + 80 and not _INLINE_RE.match(head):
            return ()  # a field label and its colon fit well inside the head
    text = _fields_form(text)
    if not _INLINE_RE.match(text):
        return ()  # the first field must start the line
    hits = list(_INLINE_RE.finditer(text))
    out: list[Field] = []
    for i, m in enumerate(hits):
        kind = next(_INLINE_LABELS[j][0] for j in range(len(_INLINE_LABELS))
                    if m.group(f"k{j}") is not None)
        end = hits[i + 1].start() if i + 1 < len(hits) else len(text)
        value = text[m.end():end].strip(" ,;")
        out.append(Field(kind, m.group("label").strip(), value, m.start()))
    return tuple(out)


# A label of any wording in capitals ("ASSESSMENT OF RISK:", "WARD(S) AFFECTED:"): in a
# flattened cover sheet it ends the value before it, though it is no field of ours.
_CAPS_LABEL = re.compile(r"(?<![\w(])[A-Z][A-Z()/&,'’ -]{2,60}[A-Z)] ?:(?= |$)")
# "1. RECOMMENDATION 1.1 That …": a section label in capitals run into its first
# numbered paragraph, on a page flattened into one paragraph.
_CAPS_SECTION = re.compile(r"(?<= )(?P<label>[A-Z][A-Z ]{2,40}[A-Z]) (?=\d{1,2}\.\d{1,2} )")
_CAPS_SECTION_KINDS = frozenset({"recommendations", "purpose"})


@dataclass(frozen=True, slots=True)
class FlattenedSettings:
    """How much a paragraph must look like a flattened cover sheet to be cut into fields."""

    min_length: int = 200  # characters: a cover sheet's fields and values, not a line
    min_fields: int = 3  # labelled fields with a colon: one "date:" in prose is not a sheet


FLATTENED = FlattenedSettings()


def fields_anywhere(text: str, settings: FlattenedSettings = FLATTENED) -> tuple[Field, ...]:
    """The fields of a cover sheet flattened into one paragraph, wherever they stand in it.

    "Part 1 ITEM NO. REPORT OF … TITLE : Traffic Unit RECOMMENDATIONS : That … EXECUTIVE
    SUMMARY : … CONTACT OFFICER : Jane Doe KEY DECISION : …": the same inline labels as
    ``split_fields``, found after other text too; any label in capitals ends a value.
    """
    if text.count(":") < settings.min_fields or len(text) < settings.min_length:
        if not _has_caps_section(text):
            return ()
    form = _fields_form(text)
    hits: list[tuple[int, int, str, str]] = []  # start, end of label, kind, label
    for m in _INLINE_RE.finditer(form):
        kind = next(_INLINE_LABELS[j][0] for j in range(len(_INLINE_LABELS))
                    if m.group(f"k{j}") is not None)
        hits.append((m.start(), m.end(), kind, m.group("label").strip()))
    sections = [(m.start(), m.end(), found.kind, m.group("label")) for m in
                _CAPS_SECTION.finditer(form)
                if (found := match_label(m.group("label"))) is not None
                and found.kind in _CAPS_SECTION_KINDS]
    if len(hits) < settings.min_fields and not sections:
        return ()
    hits = sorted(hits + sections)
    ends = sorted({m.start() for m in _CAPS_LABEL.finditer(form)} | {h[0] for h in hits}
                  | {len(form)})
    out = []
    for start, end, kind, label in hits:
        stop = next(e for e in ends if e >= end)
        out.append(Field(kind, label, form[end:stop].strip(" ,;"), start))
    return tuple(out)


# The capitals of the section labels above: a substring test turns away almost every block
# before any regex runs.
_CAPS_SECTION_WORDS = ("RECOMMENDATION", "PURPOSE", "ARGYMHELL", "DIBEN", "PWRPAS")


def _has_caps_section(text: str) -> bool:
    return any(word in text for word in _CAPS_SECTION_WORDS) \
        and _CAPS_SECTION.search(text) is not None


# ------------------------------------------------------------------ placeholders

_PLACEHOLDER = re.compile(
    r"^\s*(?:\[[^\]]{1,200}\]\s*[.:]?|[\[<{(]\s*(?:insert|enter|add|type|text|title|name|date"
    r"|click|write|delete"
    r"|rhowch|mewnosod|ychwanegu|teitl|enw|dyddiad|xx+)[^\]>})]*[\]>})]\s*[.:]?"
    r"|click (?:or tap )?here to enter (?:text|a date)\.?|insert (?:text|title|name|date)"
    r"(?: here)?\.?|x{2,}|\.{3,}|…|tbc|tba|n/?a|-+|–+|—+)\s*$",
    re.IGNORECASE)


def is_placeholder(text: str) -> bool:
    """True for template filler that says nothing: "[Insert text]", "Click here...", "xx"."""
    return bool(_PLACEHOLDER.match(clean_label_text(text)))
