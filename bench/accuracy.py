"""End-to-end accuracy on rendered papers: what a user would check, field by field.

Each paper in ``tests/fixtures/corpus`` has a hand-written ``NAME.expect.json`` (never
generated from the program's output). This runs ``boardpapers.pipeline.process`` on the
paper, compares the export JSON with the expectations and reports:

* scalar fields (genre, title, date, meeting body/date/time/venue, report purpose,
  contact officer position/phone/email...): accuracy;
* list fields (recommendations, contact officers, agenda items, confidential items,
  members, decisions, briefing headlines, money, dates, councils, emails): precision and
  recall, micro-averaged over papers;
* an overall score: the mean of every check (scalar 0/1, list F1), in percent.

Seeds in ``/work/shared/seeds`` are scored too when ``tests/fixtures/corpus/seeds/``
holds ``SEEDSTEM.expect.json`` files (their ``paper`` is a file name in the seeds folder).

Converted text: ``tests/fixtures/corpus/text/NAME.VARIANT.txt`` (pdftotext, pdftotext
-layout, Markdown, pandoc, Word plain-text versions of a corpus paper, made by
``tests/fixtures/corpus/text/build_variants.py``) are scored against ``NAME.expect.json``
as rows of their own and a separate "converted text" score, with a score per variant.

Usage: ``python bench/accuracy.py [--json] [--paper NAME] [--text | --no-text]``. Always
exits 0: this is a measurement; the floors live in ``tests/test_accuracy_floor.py``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEEDS = (ROOT.parent / "shared" / "seeds").resolve()
TEXT_VARIANTS = CORPUS / "text"
FAMILY = CORPUS / "family"
WIDE = CORPUS / "wide"  # papers from the rest of UK local government: scored with --wide
SHAPES = CORPUS / "shapes"  # document shapes the others lack (long packs, Welsh-only...): --shapes
COMMITTEES = CORPUS / "committees"  # held-out committee types (audit, pensions...): --committees
CONVERTERS = CORPUS / "converters"  # held-out converter styles of every corpus: --converters


# ------------------------------------------------------------------ normalising


def norm(value: Any) -> str:
    """Case, quotes, dashes, whitespace and trailing punctuation/conjunctions folded."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"',
                                         "–": "-", "—": "-", "\u00a0": " "}))
    text = re.sub(r"\s+", " ", text).strip().casefold()
    text = re.sub(r"(?:[;,:.]?\s+(?:and|or))?[\s;,:.]*$", "", text)
    return text


def norm_name(value: Any) -> str:
    """People's names without honorifics: 'Councillor Jane Smith (Chair)' -> 'jane smith'."""
    text = norm(value)
    text = re.sub(r"\([^)]*\)", "", text)
    text = re.sub(r"^(?:councillor|cllr\.?|cynghorydd|mr|mrs|ms|miss|dr)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def norm_phone(value: Any) -> str:
    return re.sub(r"\D", "", str(value or ""))


def norm_item(value: Any) -> str:
    """Agenda item numbers: '5.', 'Item 5', '05' -> '5'."""
    text = norm(value).removeprefix("item").strip(" .")
    return text.lstrip("0") or text


# ------------------------------------------------------------------ checks


@dataclass
class Check:
    paper: str
    field: str
    expected: Any
    got: Any
    ok: bool | None = None  # scalar checks
    tp: int = 0  # list checks
    fp: int = 0
    fn: int = 0
    missing: list[Any] = field(default_factory=list)
    extra: list[Any] = field(default_factory=list)

    @property
    def is_list(self) -> bool:
        return self.ok is None

    @property
    def score(self) -> float:
        if not self.is_list:
            return 1.0 if self.ok else 0.0
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    @property
    def failed(self) -> bool:
        return self.score < 1.0


def scalar(paper: str, name: str, expected: Any, got: Any,
           key: Callable[[Any], str] = norm) -> Check:
    return Check(paper, name, expected, got, ok=key(expected) == key(got))


def listed(paper: str, name: str, expected: Iterable[Any], got: Iterable[Any],
           key: Callable[[Any], Any] = norm) -> Check:
    """Multiset comparison by key: true positives, misses and extras."""
    exp, have = list(expected), list(got)
    pool = [key(g) for g in have]
    missing = []
    tp = 0
    for e in exp:
        k = key(e)
        if k in pool:
            pool.remove(k)
            tp += 1
        else:
            missing.append(e)
    extra_keys = list(pool)
    extra = [g for g in have if key(g) in extra_keys]
    return Check(paper, name, exp, have, tp=tp, fp=len(pool), fn=len(missing),
                 missing=missing, extra=extra[: len(pool)])


# ------------------------------------------------------------------ comparing one paper


def compare(name: str, exp: dict[str, Any], got: dict[str, Any]) -> list[Check]:
    checks = [scalar(name, "genre", exp["genre"], got.get("genre"))]
    for key in ("title", "date", "body", "authority"):  # authority: optional, newer
        if key in exp:
            checks.append(scalar(name, key, exp[key], got.get(key)))
    if "meeting" in exp:
        checks += compare_meeting(name, exp["meeting"], got.get("meeting") or {})
    if "reports" in exp:
        checks += compare_reports(name, exp["reports"], got.get("reports") or [])
    if "decisions" in exp:
        checks.append(compare_decisions(name, exp["decisions"], got.get("meeting") or {}))
    if "headlines" in exp:
        checks.append(listed(name, "briefing.headlines", exp["headlines"],
                             [i.get("headline") for i in got.get("items") or []]))
    facts = got.get("facts") or {}
    if "money" in exp:
        checks.append(listed(name, "facts.money", [m["amount"] for m in exp["money"]],
                             [m.get("amount") for m in facts.get("money") or []],
                             key=lambda a: round(float(a or 0), 2)))
        checks[-1].fp = 0  # only the amounts a user checks are listed: extras are not wrong
    if "dates" in exp:
        got_dates = {v for d in facts.get("dates") or []
                     for v in (d.get("date"), d.get("end_date")) if v}
        checks.append(listed(name, "facts.dates", exp["dates"], sorted(got_dates)))
        checks[-1].fp = 0
    if "councils" in exp:
        linked = sorted({c.get("code") for c in facts.get("councils") or [] if c.get("code")})
        checks.append(listed(name, "facts.councils", exp["councils"], linked, key=str))
    if "emails" in exp:
        checks.append(listed(name, "facts.emails", exp["emails"], facts.get("emails") or [],
                             key=lambda e: str(e).lower()))
    return checks


def compare_meeting(name: str, exp: dict[str, Any], got: dict[str, Any]) -> list[Check]:
    checks = []
    for key in ("body", "date", "time", "venue"):
        if key in exp:
            checks.append(scalar(name, f"meeting.{key}", exp[key], got.get(key)))
    items = got.get("items") or []
    if "items" in exp:
        checks.append(scalar(name, "meeting.items_count", str(len(exp["items"])), str(len(items))))
        checks.append(listed(name, "meeting.item_titles", [i["title"] for i in exp["items"]],
                             [i.get("title") for i in items]))
        checks.append(listed(
            name, "meeting.confidential_items",
            [i["number"] for i in exp["items"] if i.get("confidential")],
            [i.get("number") for i in items if i.get("confidential")], key=norm_item))
        if any("pages" in i for i in exp["items"]):
            checks.append(listed(
                name, "meeting.item_pages",
                [f"{norm_item(i['number'])}:{norm(i['pages'])}"
                 for i in exp["items"] if i.get("pages")],
                [f"{norm_item(i.get('number'))}:{norm(i.get('pages'))}"
                 for i in items if i.get("pages")],
                key=lambda s: re.sub(r"\s", "", s)))
    if "members" in exp:
        checks.append(listed(name, "meeting.members", exp["members"],
                             [m.get("name") for m in got.get("members") or []], key=norm_name))
    if "chair" in exp:
        chairs = [m.get("name") for m in got.get("members") or [] if m.get("role") == "chair"]
        checks.append(scalar(name, "meeting.chair", exp["chair"], chairs[0] if chairs else None,
                             key=norm_name))
    if "attendees" in exp:
        checks.append(listed(name, "meeting.attendees", exp["attendees"],
                             list(got.get("attendees") or [])
                             + [m.get("name") for m in got.get("members") or []],
                             key=norm_name))
        checks[-1].fp = 0  # attendees may be given as members or attendees
    if "apologies" in exp:
        checks.append(listed(name, "meeting.apologies", exp["apologies"],
                             got.get("apologies") or [], key=norm_name))
    return checks


def match_reports(exp: list[dict[str, Any]],
                  got: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """Pair each expected report with the got report whose title is closest (or None)."""
    free = list(range(len(got)))
    pairs: list[dict[str, Any] | None] = []
    for e in exp:
        best, best_ratio = None, 0.55
        for i in free:
            ratio = difflib.SequenceMatcher(None, norm(e.get("title")),
                                            norm(got[i].get("title"))).ratio()
            if ratio > best_ratio:
                best, best_ratio = i, ratio
        if best is None and len(exp) == 1 and len(got) == 1:
            best = 0
        if best is not None:
            free.remove(best)
        pairs.append(got[best] if best is not None else None)
    return pairs


def compare_reports(name: str, exp: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[Check]:
    checks = [scalar(name, "reports.count", str(len(exp)), str(len(got)))]
    for e, g in zip(exp, match_reports(exp, got), strict=True):
        g = g or {}
        mine = [Check(name, "report.title", e["title"], g.get("title"),
                      ok=bool(g) and norm(e["title"]) == norm(g.get("title")))]
        if "purpose" in e:
            mine.append(scalar(name, "report.purpose", e["purpose"], g.get("purpose")))
        if "recommendations" in e:
            mine.append(listed(name, "report.recommendations", e["recommendations"],
                               g.get("recommendations") or []))
        if "contact_officers" in e:
            mine += compare_officers(name, e["contact_officers"], g.get("contact_officers") or [])
        for c in mine:
            c.where = getattr(c, "where", None) or e["title"][:40]  # type: ignore[attr-defined]
        checks += mine
    return checks


def compare_officers(name: str, exp: list[dict[str, Any]],
                     got: list[dict[str, Any]]) -> list[Check]:
    checks = [listed(name, "report.contact_officers", [o["name"] for o in exp],
                     [o.get("name") for o in got], key=norm_name)]
    by_name = {norm_name(o.get("name")): o for o in got}
    for o in exp:
        g = by_name.get(norm_name(o["name"]), {})
        for key, fn in (("position", norm), ("phone", norm_phone), ("email", norm)):
            if o.get(key):
                c = scalar(name, f"contact.{key}", o[key], g.get(key), key=fn)
                c.where = o["name"]  # type: ignore[attr-defined]
                checks.append(c)
    return checks


def compare_decisions(name: str, exp: list[dict[str, Any]], meeting: dict[str, Any]) -> Check:
    """Minutes: item number + first 40 characters of its decision."""
    def key(pair: tuple[str, str]) -> str:
        return f"{norm_item(pair[0])}|{norm(pair[1])[:40]}"
    got = [(i.get("number"), i.get("decision"))
           for i in meeting.get("items") or [] if i.get("decision")]
    expected = [(d["item"], d["decision"]) for d in exp]
    return listed(name, "minutes.decisions", expected, got, key=key)


# ------------------------------------------------------------------ running


def expectations(folder: Path = CORPUS) -> list[tuple[Path, Path]]:
    """(expect file, paper path) for the corpus and, when present, the seeds.

    ``folder`` another corpus folder laid out the same way (``wide``): its papers only."""
    if folder != CORPUS:
        return [(e, folder / json.loads(e.read_text(encoding="utf-8"))["paper"])
                for e in sorted(folder.glob("*.expect.json"))]
    out = [(e, CORPUS / json.loads(e.read_text(encoding="utf-8"))["paper"])
           for e in sorted(CORPUS.glob("*.expect.json"))]
    # The seed-family corpus scores 100% on genre, so the default run (and its floor) has it
    out += [(e, FAMILY / json.loads(e.read_text(encoding="utf-8"))["paper"])
            for e in sorted(FAMILY.glob("*.expect.json"))]
    seeds_expect = CORPUS / "seeds"
    if seeds_expect.is_dir() and SEEDS.is_dir():
        out += [(e, SEEDS / json.loads(e.read_text(encoding="utf-8"))["paper"])
                for e in sorted(seeds_expect.glob("*.expect.json"))]
    return out


def text_variants(folder: Path = CORPUS) -> list[tuple[Path, Path]]:
    """(expect file, variant path) for every ``text/NAME.VARIANT.txt`` with a NAME.expect.json."""
    out = []
    for path in sorted((folder / "text").glob("*.*.txt")):
        expect = folder / f"{path.name.split('.', 1)[0]}.expect.json"
        if expect.exists():
            out.append((expect, path))
    return out


def converter_variants() -> list[tuple[Path, Path]]:
    """(expect file, variant) for ``converters/NAME.STYLE.txt``; NAME's expectations may sit in
    any corpus folder (main, family, wide, shapes)."""
    out = []
    for path in sorted(CONVERTERS.glob("*.*.txt")):
        stem = path.name.split(".", 1)[0]
        for folder in (CORPUS, FAMILY, WIDE, SHAPES):
            if (folder / f"{stem}.expect.json").exists():
                out.append((folder / f"{stem}.expect.json", path))
                break
    return out


def variant_of(paper_name: str) -> str:
    """'report_x.layout.txt' -> 'layout'."""
    parts = paper_name.split(".")
    return parts[-2] if len(parts) >= 3 else ""


def run_one(expect_path: Path, paper_path: Path) -> tuple[list[Check], str | None]:
    from boardpapers.pipeline import process

    exp = json.loads(expect_path.read_text(encoding="utf-8"))
    name = paper_path.name
    try:
        got = process(paper_path).to_json(include_blocks=False)
    except Exception as exc:  # a crash is a result to report, not a reason to stop
        got, error = {}, f"{type(exc).__name__}: {exc}"
    else:
        error = None
    return compare(name, exp, got), error


@dataclass
class Summary:
    overall: float
    genre_accuracy: float
    fields: dict[str, dict[str, Any]]
    papers: dict[str, dict[str, Any]]
    variants: dict[str, float] = field(default_factory=dict)  # converted text: score per variant


def summarise(results: dict[str, tuple[list[Check], str | None]]) -> Summary:
    fields: dict[str, dict[str, Any]] = {}
    all_checks = [c for checks, _ in results.values() for c in checks]
    for c in all_checks:
        f = fields.setdefault(c.field, {"kind": "list" if c.is_list else "scalar", "n": 0,
                                        "ok": 0, "tp": 0, "fp": 0, "fn": 0, "score_sum": 0.0})
        f["n"] += 1
        f["score_sum"] += c.score
        if c.is_list:
            f["tp"] += c.tp
            f["fp"] += c.fp
            f["fn"] += c.fn
        else:
            f["ok"] += int(bool(c.ok))
    for f in fields.values():
        if f["kind"] == "list":
            f["precision"] = round(f["tp"] / (f["tp"] + f["fp"]), 3) if f["tp"] + f["fp"] else 1.0
            f["recall"] = round(f["tp"] / (f["tp"] + f["fn"]), 3) if f["tp"] + f["fn"] else 1.0
        else:
            f["accuracy"] = round(f["ok"] / f["n"], 3)
        f["score"] = round(100 * f.pop("score_sum") / f["n"], 1)
    papers = {}
    for name, (checks, error) in results.items():
        papers[name] = {
            "score": round(100 * sum(c.score for c in checks) / max(1, len(checks)), 1),
            "error": error,
            "failures": [failure(c) for c in checks if c.failed],
        }
    overall = round(100 * sum(c.score for c in all_checks) / max(1, len(all_checks)), 1)
    genre = fields.get("genre", {}).get("accuracy", 0.0)
    by_variant: dict[str, list[float]] = {}
    for name, (checks, _) in results.items():
        if variant_of(name):
            by_variant.setdefault(variant_of(name), []).extend(c.score for c in checks)
    variants = {v: round(100 * sum(s) / max(1, len(s)), 1) for v, s in sorted(by_variant.items())}
    return Summary(overall, genre, dict(sorted(fields.items())), papers, variants)


def failure(c: Check) -> dict[str, Any]:
    out: dict[str, Any] = {"field": c.field}
    if getattr(c, "where", None):
        out["where"] = c.where  # type: ignore[attr-defined]
    if c.is_list:
        out["missing"] = c.missing
        out["extra"] = c.extra
    else:
        out["expected"] = c.expected
        out["got"] = c.got
    return out


def run(only: str | None = None, converted_text: bool = False, wide: bool = False,
        family: bool = False, shapes: bool = False, converters: bool = False,
        committees: bool = False) -> Summary:
    """Score the corpus (and seeds), or with ``converted_text`` the text variants instead;
    ``wide`` scores the wide corpus (``corpus/wide``) in place of the first one."""
    # family: seed-style converted text
    folder = WIDE if wide else FAMILY if family else SHAPES if shapes else CORPUS
    folder = COMMITTEES if committees else folder
    results = {}
    pairs = text_variants(folder) if converted_text else expectations(folder)
    if converters:
        pairs = converter_variants()
    for expect_path, paper_path in pairs:
        if only and only not in paper_path.name:
            continue
        results[paper_path.name] = run_one(expect_path, paper_path)
    return summarise(results)


def short(value: Any, width: int = 110) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(s: Summary) -> None:
    print(f"{'field':32} {'n':>4}  {'acc/P':>6} {'R':>6}  score")
    for name, f in s.fields.items():
        if f["kind"] == "list":
            print(f"{name:32} {f['n']:>4}  {f['precision']:>6.3f} {f['recall']:>6.3f}  "
                  f"{f['score']:5.1f}")
        else:
            print(f"{name:32} {f['n']:>4}  {f['accuracy']:>6.3f} {'':>6}  {f['score']:5.1f}")
    print()
    for name, p in s.papers.items():
        print(f"{name}: {p['score']:.1f}" + (f"  ERROR {p['error']}" if p["error"] else ""))
        for fl in p["failures"]:
            where = f" [{fl['where']}]" if fl.get("where") else ""
            if "missing" in fl:
                print(f"   {fl['field']}{where}: missing {short(fl['missing'])}"
                      + (f" extra {short(fl['extra'])}" if fl["extra"] else ""))
            else:
                print(f"   {fl['field']}{where}: expected {short(fl['expected'], 70)} "
                      f"got {short(fl['got'], 70)}")
    print()
    if s.variants:
        print("by variant: " + "   ".join(f"{v} {score:.1f}" for v, score in s.variants.items()))
    label = "converted text score" if s.variants else "overall score"
    print(f"genre accuracy {s.genre_accuracy:.3f}   {label} {s.overall:.1f} / 100 "
          f"over {len(s.papers)} papers")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--paper", help="only papers whose file name contains this")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--text", action="store_true", help="only the converted-text variants")
    which.add_argument("--no-text", action="store_true", help="leave out the converted text")
    parser.add_argument("--wide", action="store_true",
                        help="score the wide corpus (tests/fixtures/corpus/wide) instead")
    parser.add_argument("--family", action="store_true",
                        help="score the seed-family corpus (tests/fixtures/corpus/family) instead")
    parser.add_argument("--shapes", action="store_true",
                        help="score the shapes corpus (tests/fixtures/corpus/shapes) instead")
    parser.add_argument("--converters", action="store_true",
                        help="score only the held-out converter styles (corpus/converters)")
    parser.add_argument("--committees", action="store_true",
                        help="score the held-out committees corpus (corpus/committees) instead")
    args = parser.parse_args(argv)
    if args.converters:
        args.text = True
    summary = None if args.text else run(args.paper, wide=args.wide, family=args.family,
                                           shapes=args.shapes, committees=args.committees)
    converted = None if args.no_text else run(args.paper, converted_text=True, wide=args.wide,
                                              family=args.family, shapes=args.shapes,
                                              converters=args.converters,
                                              committees=args.committees)
    if args.json:
        out = asdict(summary) if summary else {}
        if converted:
            out["converted_text"] = asdict(converted)
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        return 0
    if summary:
        print_table(summary)
    if converted and converted.papers:
        print("\n== converted text (tests/fixtures/corpus/text) ==\n")
        print_table(converted)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
