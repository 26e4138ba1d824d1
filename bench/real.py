"""Accuracy on real papers: the pipeline against hand-checked gold, field by field.

A set in the development set's layout (``docs/NNN.txt`` beside ``docs/NNN.json``, as in
``../shared/realpapers``) is run through ``boardpapers.pipeline.process`` — the code
``extract --json`` runs — as text, and as PDF and DOCX rendered from the text by LibreOffice.
The renderings are cached outside the repository, keyed by the text's sha256
(``~/.cache/boardpapers/realpapers/{pdf,docx}``, or ``$BOARDPAPERS_REAL_CACHE``), so only
new or changed papers are rendered again; the product itself never needs LibreOffice.

Prints, per format, genre and meeting-date accuracy and precision, recall and F1 for
recommendations, contacts, money, day dates, e-mails and agenda items (the reference
scorer's fields and matching rules, see ``bench/real_score.py``); ``--show`` adds each
paper's misses.

    .venv/bin/python -m bench.real [SET_DIR] [--ext txt|pdf|docx|all] [--show] [--paper 104]

Always exits 0 unless the set cannot be found: a measurement; floors live in
``tests/test_real_floor.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.real_score import LIST_FIELDS, PaperScore, SetScore, score_paper, score_set

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SET = (ROOT.parent / "shared" / "realpapers").resolve()
RENDERED = ("pdf", "docx")
# LibreOffice's plain-text import, told the text is UTF-8 (it guesses otherwise).
_TEXT_FILTER = "Text (encoded):UTF8,LF,,"


@dataclass(frozen=True, slots=True)
class RealPaper:
    name: str  # "104"
    text: Path
    gold: dict[str, Any]

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.read_bytes()).hexdigest()[:24]


def load_set(set_dir: Path, only: set[str] | None = None) -> list[RealPaper]:
    docs = set_dir / "docs"
    out = []
    for text in sorted(docs.glob("*.txt")):
        gold = text.with_suffix(".json")
        if gold.exists() and (not only or text.stem in only):
            out.append(RealPaper(text.stem, text, json.loads(gold.read_text(encoding="utf-8"))))
    return out


def cache_dir() -> Path:
    base = os.environ.get("BOARDPAPERS_REAL_CACHE")
    return Path(base) if base else Path.home() / ".cache" / "boardpapers" / "realpapers"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render(papers: list[RealPaper], ext: str, cache: Path) -> dict[str, Path]:
    """Each paper's text rendered to ``ext`` by LibreOffice, converted once and cached."""
    out_dir = cache / ext
    out_dir.mkdir(parents=True, exist_ok=True)
    want = {p.name: out_dir / f"{p.digest}.{ext}" for p in papers}
    todo = [p for p in papers if not want[p.name].exists()]
    if todo:
        office = soffice()
        if office is None:
            print(f"  {ext}: LibreOffice (soffice) not found; cannot render", file=sys.stderr)
            return {n: f for n, f in want.items() if f.exists()}
        _convert(office, todo, ext, out_dir)
    return {n: f for n, f in want.items() if f.exists()}


def _convert(office: str, papers: list[RealPaper], ext: str, out_dir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="bp-real-") as tmp:
        staged = []
        for p in papers:
            copy = Path(tmp) / f"{p.digest}.txt"
            copy.write_bytes(p.text.read_bytes())
            staged.append(str(copy))
        profile = Path(tmp) / "profile"
        cmd = [office, f"-env:UserInstallation=file://{profile}", "--headless",
               f"--infilter={_TEXT_FILTER}", "--convert-to", ext, "--outdir", str(out_dir),
               *staged]
        subprocess.run(cmd, capture_output=True, timeout=60 + 10 * len(staged), check=False)
    missing = [p.name for p in papers if not (out_dir / f"{p.digest}.{ext}").exists()]
    if missing:
        print(f"  {ext}: LibreOffice did not render {', '.join(missing)}", file=sys.stderr)


def extract(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The export JSON for one file, as ``extract --json`` prints it, or why it failed."""
    from boardpapers.pipeline import process_safely

    paper, reason = process_safely(str(path))
    return (paper.to_json(include_blocks=False) if paper else None), reason


def run(set_dir: Path = DEFAULT_SET, ext: str = "txt", only: set[str] | None = None,
        cache: Path | None = None) -> SetScore:
    """Score every paper of the set in one format (txt, pdf or docx)."""
    papers = load_set(set_dir, only)
    files = ({p.name: p.text for p in papers} if ext == "txt"
             else render(papers, ext, cache or cache_dir()))
    scores = []
    for p in papers:
        path = files.get(p.name)
        if path is None:
            scores.append(score_paper(p.name, None, p.gold, failed=f"no {ext} rendering"))
            continue
        exported, reason = extract(path)
        scores.append(score_paper(p.name, exported, p.gold, failed=reason))
    return score_set(scores)


# ------------------------------------------------------------------ printing


def print_scores(ext: str, result: SetScore) -> None:
    print(f"== {ext}: {len(result.papers)} papers, {result.failed} failed")
    print(f"  genre accuracy      {result.genre:.3f}")
    print(f"  meeting date        {result.date:.3f}")
    print(f"  {'field':<18}{'precision':>10}{'recall':>8}{'F1':>7}{'gold':>6}{'found':>7}")
    for f in result.fields:
        print(f"  {f.name:<18}{f.precision:>10.3f}{f.recall:>8.3f}{f.f1:>7.3f}"
              f"{f.gold:>6}{f.predicted:>7}")
    print("score: " + " ".join(f"{k}={v:.3f}" for k, v in result.headline().items()))


def _short(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("title") or value.get("name") or value.get("email") \
            or value.get("position")
    text = " ".join(str(value).split())
    return text if len(text) <= 70 else text[:67] + "..."


def paper_misses(p: PaperScore) -> list[str]:
    """One line per thing a paper got wrong: genre, date, and each field's missed gold."""
    lines = []
    if p.failed:
        lines.append(f"failed: {p.failed}")
    if not p.genre_ok:
        why = "; ".join(p.evidence[:3]) or "no evidence"
        lines.append(f"genre {p.genre} != {p.gold_genre} ({why})")
    if p.gold_date and not p.date_ok:
        lines.append(f"date {p.date} != {p.gold_date}")
    for key in LIST_FIELDS:
        tp, npred, ngold = p.counts[key]
        if tp < ngold or tp < npred:
            missed = "; ".join(_short(m) for m in p.missed.get(key, [])[:4])
            lines.append(f"{key} {tp}/{ngold} found, {npred} predicted"
                         + (f"; missed: {missed}" if missed else ""))
    return lines


def print_misses(result: SetScore) -> None:
    for p in result.papers:
        lines = paper_misses(p)
        if lines:
            print(f"  {p.name}:")
            for line in lines:
                print(f"    {line}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set_dir", nargs="?", type=Path, default=DEFAULT_SET,
                    help="a folder holding docs/NNN.txt and docs/NNN.json")
    ap.add_argument("--ext", choices=("txt", "pdf", "docx", "all"), default="txt")
    ap.add_argument("--show", action="store_true", help="list each paper's misses")
    ap.add_argument("--paper", action="append", help="only this paper (repeatable)")
    ap.add_argument("--json", action="store_true", help="the headline scores as JSON")
    args = ap.parse_args(argv)
    if not (args.set_dir / "docs").is_dir():
        print(f"{args.set_dir}: no docs/ folder of NNN.txt and NNN.json", file=sys.stderr)
        return 2
    exts = ("txt", *RENDERED) if args.ext == "all" else (args.ext,)
    only = set(args.paper) if args.paper else None
    headlines = {}
    for ext in exts:
        result = run(args.set_dir, ext, only)
        headlines[ext] = result.headline()
        if not args.json:
            print_scores(ext, result)
            if args.show:
                print_misses(result)
    if args.json:
        print(json.dumps(headlines, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
