"""Facts accuracy on held-out papers: every fact of every kind, not a few per paper.

Each paper in ``tests/fixtures/corpus/facts/`` (converted text in the seeds' styles and
PDFs rendered with LibreOffice) sits beside ``NAME.facts-expect.json``, written by hand
from the paper's text (never from the program's output): the complete list of money,
dates, metrics, e-mails, phones, URLs, people, councils and the tables' consistent flags.

This runs ``boardpapers.pipeline.process`` on each paper and reports, per fact kind,
precision and recall micro-averaged over the papers, and lists every false positive and
false negative per paper. Why set semantics (each distinct fact once per paper): a paper
repeats its sums and dates, and a reader wants to know whether a fact was found and
whether anything found is wrong, not how often.

Matching is by normalised text *and* value: a found fact matches an expected one when
their values agree and one text holds the other once normalised (so "over £383m" found as
"£383m" still matches; the qualifier is checked elsewhere). Values: money ``amount`` (and
``amount_max``), dates ``date`` or ``period``, metrics ``value``, phones E.164
(``;ext=`` kept), councils the register code (or the text when the council is not on the
register). Attributes that do not decide a match (a date's kind, a sum's or a metric's
unit, a person's role) are scored separately as attribute accuracy over matched facts.

Usage: ``python bench/facts_accuracy.py [--json] [--paper NAME] [--quiet]``.
Always exits 0: this is a measurement; floors live in tests/test_facts_accuracy_floor.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "facts"
KINDS = ("money", "dates", "metrics", "emails", "phones", "urls", "people", "councils")
ATTRIBUTES = {"money": "unit", "dates": "kind", "metrics": "unit", "people": "role"}

_SPACE = re.compile(r"\s+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "’": "'", "‘": "'", "“": '"',
                         "”": '"', "\u00a0": " "})
_EDGE = re.compile(r"^[\s.,;:()\[\]<>\"']+|[\s.,;:()\[\]<>\"']+$")
_URL_SCHEME = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)


def norm(text: str | None) -> str:
    """Text as compared: NFKC, dashes and quotes plain, lower case, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "").translate(_DASHES).lower()
    return _SPACE.sub(" ", text).strip()


def norm_edge(text: str | None) -> str:
    """``norm`` without brackets and punctuation at the ends: "(£1.2m)" ~ "£1.2m"."""
    return _EDGE.sub("", norm(text))


def norm_url(url: str) -> str:
    """A URL without its scheme, trailing slash or full stop, lower case."""
    return _URL_SCHEME.sub("", norm_edge(url)).rstrip("/")


def texts_agree(a: str, b: str) -> bool:
    """One text holds the other, spaces aside ("c. £41m" from a PDF ~ "c.£41m")."""
    a, b = norm_edge(a).replace(" ", ""), norm_edge(b).replace(" ", "")
    return bool(a) and bool(b) and (a == b or a in b or b in a)


def close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= max(1e-6, 1e-9 * abs(float(a)))
    except (TypeError, ValueError):
        return str(a) == str(b)


# ------------------------------------------------------------------ facts as rows


@dataclass(frozen=True)
class Fact:
    """One fact reduced to what is compared: its text, its value and one attribute.
    ``optional``: an expected fact that may be found or not ("London Councils" kept
    unlinked in a membership table): found, it is no false positive; missed, no miss."""
    text: str
    value: Any
    attribute: Any = None
    optional: bool = False

    def show(self) -> str:
        extra = f" [{self.attribute}]" if self.attribute not in (None, "") else ""
        return f"{self.text!r} = {self.value}{extra}"


def _date_value(d: dict[str, Any]) -> str | None:
    return d.get("date") or d.get("period")


def _money_value(m: dict[str, Any]) -> tuple[Any, Any]:
    return (m.get("amount"), m.get("amount_max"))


def _council_value(c: dict[str, Any]) -> str:
    return c.get("code") or "unlinked"


def expected_facts(exp: dict[str, Any], kind: str) -> list[Fact]:
    return [dataclasses.replace(f, optional=bool(isinstance(r, dict) and r.get("optional")))
            for f, r in zip(_expected_rows(exp, kind), exp.get(kind, []), strict=True)]


def _expected_rows(exp: dict[str, Any], kind: str) -> list[Fact]:
    rows = exp.get(kind, [])
    if kind == "money":
        return [Fact(r["text"], _money_value(r), r.get("unit")) for r in rows]
    if kind == "dates":
        return [Fact(r["text"], _date_value(r), r.get("kind")) for r in rows]
    if kind == "metrics":
        return [Fact(r["text"], r["value"], r.get("unit")) for r in rows]
    if kind == "phones":
        return [Fact(r["text"], r["e164"]) for r in rows]
    if kind == "people":
        return [Fact(r["name"], norm(r["name"]), r.get("role")) for r in rows]
    if kind == "councils":
        return [Fact(r["text"], _council_value(r)) for r in rows]
    if kind == "urls":
        return [Fact(u, norm_url(u)) for u in rows]
    return [Fact(e, norm_edge(e)) for e in rows]  # emails


def found_facts(out: dict[str, Any], kind: str) -> list[Fact]:
    facts = out["facts"]
    if kind == "money":
        return [Fact(m["text"], _money_value(m), m.get("unit")) for m in facts["money"]]
    if kind == "dates":
        return [Fact(d["text"], _date_value(d), d.get("kind")) for d in facts["dates"]]
    if kind == "metrics":
        return [Fact(m["text"], m["value"], m.get("unit")) for m in facts["metrics"]]
    if kind == "phones":
        return [Fact(c["text"], c.get("normalised") or c["text"])
                for c in facts["contacts"] if c["kind"] == "phone"]
    if kind == "people":
        return [Fact(p["name"], norm(p["name"]), p.get("role")) for p in facts["people"]]
    if kind == "councils":
        return [Fact(c["text"], _council_value(c)) for c in facts["councils"]]
    if kind == "urls":
        return [Fact(u, norm_url(u)) for u in facts["urls"]]
    return [Fact(e, norm_edge(e)) for e in facts["emails"]]


def _abs(value: Any) -> Any:
    return abs(value) if isinstance(value, (int, float)) else value


def _values_agree(kind: str, exp: Fact, got: Fact) -> bool:
    if kind == "money":
        # the sign is not scored: "(£1.2m)" may be kept as 1.2m or as -1.2m
        return close(_abs(exp.value[0]), _abs(got.value[0])) and (
            exp.value[1] is None or close(_abs(exp.value[1]), _abs(got.value[1])))
    if kind == "metrics":  # a share written in words: "two-thirds" 66.7 ~ 66.67
        return close(exp.value, got.value) or (
            isinstance(got.value, (int, float)) and abs(exp.value - got.value) <= 0.05)
    return exp.value == got.value


def facts_match(kind: str, exp: Fact, got: Fact) -> bool:
    if kind == "people" and str(exp.value).endswith(" " + str(got.value)):
        return True  # "Cllr Reeve" after "Cllr Malcolm Reeve": the same person, not wrong
    if not _values_agree(kind, exp, got):
        return False
    if kind in ("emails", "urls", "phones", "people"):
        return True  # the value is the normalised text already
    if kind == "councils" and exp.value != "unlinked":
        return True  # the register code decides; "Rotherham MBC" and "Rotherham" agree
    return texts_agree(exp.text, got.text)


def attribute_agrees(kind: str, exp: Any, got: Any) -> bool:
    if kind == "people":
        return exp is None or texts_agree(exp, got or "")
    if kind in ("money", "metrics"):
        a, b = norm_edge(exp), norm_edge(got)
        return a.rstrip("s") == b.rstrip("s") or (bool(a) and bool(b) and (a in b or b in a))
    return exp == got


def _distinct(facts: Iterable[Fact], kind: str) -> list[Fact]:
    seen: dict[tuple[str, str], Fact] = {}
    for f in facts:
        key = (norm_edge(f.text) if kind not in ("people", "councils") else "", str(f.value))
        if kind == "councils" and f.value == "unlinked":
            key = (norm_edge(f.text), "unlinked")
        seen.setdefault(key, f)
    return list(seen.values())


# ------------------------------------------------------------------ scoring


@dataclass
class KindScore:
    expected: int = 0
    found: int = 0
    matched_expected: int = 0
    matched_found: int = 0
    attr_checked: int = 0
    attr_ok: int = 0
    false_negatives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    attr_wrong: list[str] = field(default_factory=list)

    def add(self, other: KindScore) -> None:
        for name in ("expected", "found", "matched_expected", "matched_found",
                     "attr_checked", "attr_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched_expected / self.expected if self.expected else 1.0

    @property
    def attribute_accuracy(self) -> float:
        return self.attr_ok / self.attr_checked if self.attr_checked else 1.0


def score_kind(kind: str, expected: list[Fact], found: list[Fact]) -> KindScore:
    exp, got = _distinct(expected, kind), _distinct(found, kind)
    used: set[int] = set()
    for e in (e for e in exp if e.optional):
        optional_hits = {i for i, g in enumerate(got) if facts_match(kind, e, g)}
        used.update(optional_hits)
    exp = [e for e in exp if not e.optional]
    s = KindScore(expected=len(exp), found=len(got) - len(used))
    optional = set(used)
    for e in exp:
        hits = [i for i, g in enumerate(got) if facts_match(kind, e, g) and i not in optional]
        if not hits:
            s.false_negatives.append(e.show())
            continue
        s.matched_expected += 1
        used.update(hits)
        if kind in ATTRIBUTES:
            s.attr_checked += 1
            if attribute_agrees(kind, e.attribute, got[hits[0]].attribute):
                s.attr_ok += 1
            else:
                s.attr_wrong.append(
                    f"{e.text!r}: {ATTRIBUTES[kind]} expected {e.attribute!r}, "
                    f"got {got[hits[0]].attribute!r}")
    s.matched_found = len(used - optional)
    s.false_positives = [g.show() for i, g in enumerate(got) if i not in used]
    return s


@dataclass
class TableScore:
    checked: int = 0
    ok: int = 0
    wrong: list[str] = field(default_factory=list)


def score_tables(expected: list[dict[str, Any]], tables: list[dict[str, Any]]) -> TableScore:
    s = TableScore()
    for t in expected:
        s.checked += 1
        needle = norm(t["contains"])
        hit = next((tb for tb in tables
                    if any(needle in norm(c) for row in [tb.get("header", []), *tb["rows"]]
                           for c in row)), None)
        if hit is None:
            s.wrong.append(f"table with {t['contains']!r}: not found")
        elif hit.get("consistent") != t["consistent"]:
            s.wrong.append(f"table with {t['contains']!r}: consistent expected "
                           f"{t['consistent']}, got {hit.get('consistent')}")
        else:
            s.ok += 1
    return s


@dataclass
class PaperScore:
    name: str
    kinds: dict[str, KindScore]
    tables: TableScore
    error: str | None = None


def expectations(names: list[str] | None = None) -> list[Path]:
    paths = sorted(CORPUS.glob("*.facts-expect.json"))
    if names:
        paths = [p for p in paths if p.name.split(".")[0] in names]
    return paths


def score_paper(expect_path: Path, process: Callable[[Path], Any]) -> PaperScore:
    exp = json.loads(expect_path.read_text(encoding="utf-8"))
    name = expect_path.name.split(".")[0]
    try:
        out = process(CORPUS / exp["paper"]).to_json(include_blocks=False)
    except Exception as err:  # a measurement reports a crash, it does not stop
        empty = {k: score_kind(k, expected_facts(exp, k), []) for k in KINDS}
        return PaperScore(name, empty, score_tables(exp.get("tables", []), []),
                          f"{type(err).__name__}: {err}")
    kinds = {k: score_kind(k, expected_facts(exp, k), found_facts(out, k)) for k in KINDS}
    return PaperScore(name, kinds, score_tables(exp.get("tables", []), out.get("tables", [])))


def run(names: list[str] | None = None) -> dict[str, Any]:
    from boardpapers.pipeline import process
    papers = [score_paper(p, process) for p in expectations(names)]
    totals = {k: KindScore() for k in KINDS}
    tables = TableScore()
    for p in papers:
        for k in KINDS:
            totals[k].add(p.kinds[k])
        tables.checked += p.tables.checked
        tables.ok += p.tables.ok
    return {
        "papers": [_paper_json(p) for p in papers],
        "kinds": {k: _kind_json(s) for k, s in totals.items()},
        "tables": {"checked": tables.checked, "ok": tables.ok},
    }


def _kind_json(s: KindScore) -> dict[str, Any]:
    return {"expected": s.expected, "found": s.found, "precision": round(s.precision, 4),
            "recall": round(s.recall, 4), "attribute_accuracy": round(s.attribute_accuracy, 4),
            "attribute_checked": s.attr_checked}


def _paper_json(p: PaperScore) -> dict[str, Any]:
    return {"name": p.name, "error": p.error,
            "kinds": {k: {**_kind_json(s), "false_positives": s.false_positives,
                          "false_negatives": s.false_negatives,
                          "attribute_wrong": s.attr_wrong} for k, s in p.kinds.items()},
            "tables": {"checked": p.tables.checked, "ok": p.tables.ok,
                       "wrong": p.tables.wrong}}


def print_report(result: dict[str, Any], *, quiet: bool = False) -> None:
    if not quiet:
        for p in result["papers"]:
            print(f"== {p['name']}" + (f"  ERROR {p['error']}" if p["error"] else ""))
            for k, s in p["kinds"].items():
                for label, key in (("FP", "false_positives"), ("FN", "false_negatives"),
                                   ("ATTR", "attribute_wrong")):
                    for line in s[key]:
                        print(f"  {k:8} {label:4} {line}")
            for line in p["tables"]["wrong"]:
                print(f"  tables   WRONG {line}")
    print(f"\n{'kind':10}{'expected':>9}{'found':>7}{'precision':>11}{'recall':>8}{'attr':>7}")
    for k, s in result["kinds"].items():
        print(f"{k:10}{s['expected']:>9}{s['found']:>7}{s['precision']:>11.3f}"
              f"{s['recall']:>8.3f}{s['attribute_accuracy']:>7.2f}")
    t = result["tables"]
    print(f"tables consistent flag: {t['ok']}/{t['checked']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--paper", action="append")
    ap.add_argument("--quiet", action="store_true", help="only the totals")
    args = ap.parse_args(argv)
    result = run(args.paper)
    if args.json:
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print_report(result, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
