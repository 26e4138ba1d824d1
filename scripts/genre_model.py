"""Measure a statistical genre classifier against the rules (issue 13): not shipped.

A linear model (scikit-learn logistic regression) over word 1-2-grams, character 3-5-grams
and the rule features ``genre.classify`` computes (its score per genre), trained only on
the project's own fictional papers: ``tests/fixtures/genre`` (one short paper per real
shape) and the accuracy corpus (``tests/fixtures/corpus``: every paper, rendered and as
converted text, labelled by its hand-written expectation). The real papers in
``../shared/realpapers`` are the development set: evaluated on, never trained on.

Prints the model's grouped cross-validated accuracy on the training papers (the variants
of one paper stay in one fold) and, on the development set, the accuracy of the rules,
of the model on n-grams alone and of the model with the rule features. Fixed seed, so
every run prints the same numbers.

    .venv/bin/pip install scikit-learn
    .venv/bin/python scripts/genre_model.py [--chars 2500]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from boardpapers import genre, readers

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: bench/ is beside src/
REAL = (ROOT.parent / "shared" / "realpapers" / "docs").resolve()
SHAPES = ROOT / "tests" / "fixtures" / "genre"
GENRES = ("report", "agenda", "minutes", "agenda_and_minutes", "briefing", "other")
AS_GOLD = {"agenda_pack": "agenda", "summary": "other"}  # the export contract -> the gold's
RULE_GENRES = ("report", "agenda", "agenda_pack", "minutes", "agenda_and_minutes", "briefing",
               "summary", "other")
SEED = 0


def own_papers() -> list[tuple[Path, str, str]]:
    """(file, genre, group) for every fictional paper the project wrote."""
    out = [(p, AS_GOLD.get(p.stem.split("_")[0], p.stem.split("_")[0]).replace(
        "aam", "agenda_and_minutes"), p.stem) for p in sorted(SHAPES.glob("*.txt"))]
    from bench import accuracy as acc  # the corpus folders and their expectations
    folders = (acc.CORPUS, acc.WIDE, acc.FAMILY, acc.SHAPES, acc.COMMITTEES)
    pairs = [pair for f in folders for pair in (*acc.expectations(f), *acc.text_variants(f))]
    pairs += list(acc.converter_variants())
    for expect, paper in pairs:
        label = json.loads(expect.read_text(encoding="utf-8"))["genre"]
        out.append((paper, AS_GOLD.get(label, label), str(expect)))
    return out


def real_papers() -> list[tuple[Path, str]]:
    return [(p, json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["doc_type"])
            for p in sorted(REAL.glob("*.txt"))]


def features(path: Path, chars: int) -> tuple[str, list[float], str]:
    """The text the classifier sees (first ``chars``), the rule scores, the rules' genre."""
    layout = readers.read(path)
    text = "\n".join(b.text for b in layout.blocks)[:chars]
    result = genre.classify(layout)
    scores = dict(result.scores)
    return text, [float(scores.get(g, 0.0)) for g in RULE_GENRES], \
        AS_GOLD.get(result.genre, result.genre)


class Model:
    def __init__(self, with_rules: bool) -> None:
        self.words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                     lowercase=True)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2,
                                     sublinear_tf=True, max_features=60000)
        self.with_rules = with_rules
        self.clf = LogisticRegression(C=4.0, max_iter=3000, random_state=SEED)

    def _matrix(self, texts: list[str], rules: np.ndarray, fit: bool):
        w = self.words.fit_transform(texts) if fit else self.words.transform(texts)
        c = self.chars.fit_transform(texts) if fit else self.chars.transform(texts)
        parts = [w, c] + ([csr_matrix(rules / 4.0)] if self.with_rules else [])
        return hstack(parts).tocsr()

    def fit(self, texts: list[str], rules: np.ndarray, labels: list[str]) -> Model:
        self.clf.fit(self._matrix(texts, rules, True), labels)
        return self

    def predict(self, texts: list[str], rules: np.ndarray) -> list[str]:
        return list(self.clf.predict(self._matrix(texts, rules, False)))


def _accuracy(pred: list[str], gold: list[str]) -> float:
    return sum(p == g for p, g in zip(pred, gold, strict=True)) / max(len(gold), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=2500, help="characters of each paper read")
    args = ap.parse_args(argv)
    own = own_papers()
    rows = [features(p, args.chars) for p, _, _ in own]
    texts, rules = [r[0] for r in rows], np.array([r[1] for r in rows])
    labels, groups = [g for _, g, _ in own], [k for _, _, k in own]
    print(f"training papers: {len(own)} ({len(set(groups))} distinct), "
          + ", ".join(f"{g} {labels.count(g)}" for g in GENRES))
    for with_rules in (False, True):
        name = "n-grams + rule features" if with_rules else "n-grams only"
        pred = [""] * len(labels)
        for train, test in GroupKFold(n_splits=5).split(texts, labels, groups):
            model = Model(with_rules).fit([texts[i] for i in train], rules[train],
                                          [labels[i] for i in train])
            for i, p in zip(test, model.predict([texts[i] for i in test], rules[test]),
                            strict=True):
                pred[i] = p
        print(f"grouped 5-fold CV on own papers, {name}: {_accuracy(pred, labels):.3f}")
    print(f"rules on own papers: {_accuracy([r[2] for r in rows], labels):.3f}")
    if not REAL.is_dir():
        print("../shared/realpapers not present: no development-set numbers")
        return 0
    real = real_papers()
    real_rows = [features(p, args.chars) for p, _ in real]
    gold = [g for _, g in real]
    real_texts, real_rules = [r[0] for r in real_rows], np.array([r[1] for r in real_rows])
    print(f"development set ({len(real)} real papers):")
    print(f"  rules                     {_accuracy([r[2] for r in real_rows], gold):.3f}")
    for with_rules in (False, True):
        name = "model, n-grams + rules" if with_rules else "model, n-grams only"
        model = Model(with_rules).fit(texts, rules, labels)
        print(f"  {name:<25} {_accuracy(model.predict(real_texts, real_rules), gold):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
