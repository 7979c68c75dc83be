"""Would a small statistical classifier give a ruling's outcome better than the reader's rules?

Issue 19 allows "a small statistical or ML part only where it measurably beats rules on your own
labelled set". This measures it for dispositions, leave one set out: for each of the nine sets
that were once held out (the first, ``held_out: true``, and heldout2-heldout9, read from the
git history of ``tests/orders/*.yaml``, since every set has since been moved into development),
train on every other order of the corpus and test on that set's orders.

What is classified: each ruling the reader drafts that the benchmark scores as a disposition
(benchmarks/read_orders.py, ``drafted_items``), by the words of the sentence it came from; the
classifier replaces only the ruling's outcome, so which rulings are drafted, on which exhibits,
stays the rules'. A training ruling's label is the yaml's outcome for the same exhibit (or
"-", a whole document or motion) in the same order, where the yaml gives that key one outcome
only; a ruling with no such label is not trained on (it is still predicted, and scored).

Two classifiers, both numpy only: multinomial naive Bayes (add-one smoothing) and multinomial
logistic regression (L2, full-batch gradient descent), each over the sentence's lower-cased
words and word pairs, with the words in capitals marked apart ("GRANTED").

Printed per set and in total: the dispositions' precision and recall as the benchmark scores
them, for the rules and for each classifier, and the outcome accuracy on the labelled rulings.
The rules were tuned on every set by now (each was moved in after its held-out run), so the
rules' figures here are a fit, not a claim; the classifiers' are honest (their set never
trained them), which favours the classifiers, not the rules.

    PYTHONPATH=src:. .venv/bin/python benchmarks/disposition_classifier.py
"""

from __future__ import annotations

import itertools
import re
import subprocess
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml
from benchmarks.read_orders import _NOTE, CORPUS, _outcome, drafted_items, expected_items

from clawback.domain.order_draft import Draft, Ruling
from clawback.domain.order_reading import read_order
from clawback.domain.outcomes import Result

_WORD = re.compile(r"[A-Za-z]+")


def former_sets(corpus: Path = CORPUS) -> dict[str, str]:
    """Each order's held-out set as it once was (slug -> "heldout1" ... "heldout9"), from the
    lines ``held_out: ...`` removed from its yaml in the git history; the first 30 are absent."""
    log = subprocess.run(
        ["git", "log", "-p", "--format=", "--", "*.yaml"],
        cwd=corpus,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sets: dict[str, str] = {}
    path = ""
    for line in log.splitlines():
        if line.startswith("diff --git"):
            path = Path(line.split()[-1]).stem
        elif line.startswith("-held_out:") and path not in sets:
            value = line.split(":", 1)[1].split("#")[0].strip()
            sets[path] = "heldout1" if value == "true" else value
    return sets


@dataclass(frozen=True)
class Case:
    slug: str
    draft: Draft
    want: Counter[Hashable]  # the yaml's dispositions
    labels: dict[str, str]  # exhibit or "-" -> the one outcome the yaml gives it


def load(corpus: Path = CORPUS) -> list[Case]:
    cases = []
    for path in sorted(corpus.glob("*.txt")):
        case = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
        draft = read_order(_NOTE.sub("", path.read_text("utf-8")))
        outcomes: dict[str, set[str]] = defaultdict(set)
        for motion in case.get("motions") or []:
            for ruling in motion.get("rulings") or []:
                if ruling.get("outcome") is not None:
                    key = str(ruling["exhibit"]) if ruling.get("exhibit") is not None else "-"
                    outcomes[key].add(_outcome(ruling["outcome"]))
        labels = {key: next(iter(v)) for key, v in outcomes.items() if len(v) == 1}
        want = expected_items(case)["dispositions"]
        cases.append(Case(path.stem, draft, want, labels))
    return cases


def scored(draft: Draft) -> list[Ruling]:
    """The drafted rulings the benchmark scores as dispositions (as ``drafted_items``)."""
    parts = [r for r in draft.rulings if r.exhibit is not None or r.document is not None]
    by_part = {r.motion for r in parts}
    return parts + [r for r in draft.rulings if r not in parts and r.motion not in by_part]


def features(ruling: Ruling) -> list[str]:
    """The words of the ruling's sentence, their pairs, the words in capitals, and the words
    near the exhibit it rules on (a sentence may rule on several exhibits several ways)."""
    sentence = ruling.sentence
    words = _WORD.findall(sentence)
    lower = [w.lower() for w in words]
    caps = [f"CAP_{w.lower()}" for w in words if len(w) > 2 and w.isupper()]
    pairs = [f"{a}_{b}" for a, b in itertools.pairwise(lower)]
    near: list[str] = []
    if ruling.exhibit is not None:
        at = re.search(
            rf"\b(?:Exhibits?|Exs?\.)\s+(?:[\w,\s]{{0,40}}?\b)?{re.escape(ruling.exhibit)}\b",
            sentence,
        )
        if at is not None:
            window = sentence[max(0, at.start() - 80) : at.end() + 80]
            near = [f"NEAR_{w.lower()}" for w in _WORD.findall(window)]
    return lower + pairs + caps + near


class Vectors:
    def __init__(self, docs: Sequence[list[str]]) -> None:
        seen = Counter(t for d in docs for t in set(d))
        self.index = {t: i for i, t in enumerate(sorted(t for t, n in seen.items() if n >= 2))}

    def matrix(self, docs: Sequence[list[str]]) -> np.ndarray:
        x = np.zeros((len(docs), len(self.index)))
        for row, doc in enumerate(docs):
            for token in doc:
                if (col := self.index.get(token)) is not None:
                    x[row, col] += 1
        return x


class NaiveBayes:
    def fit(self, x: np.ndarray, y: np.ndarray, classes: int) -> NaiveBayes:
        counts = np.stack([x[y == c].sum(axis=0) for c in range(classes)]) + 1.0
        self.log_p = np.log(counts / counts.sum(axis=1, keepdims=True))
        prior = np.bincount(y, minlength=classes) + 1.0
        self.log_prior = np.log(prior / prior.sum())
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.asarray((x @ self.log_p.T + self.log_prior).argmax(axis=1))


class Logistic:
    def fit(self, x: np.ndarray, y: np.ndarray, classes: int) -> Logistic:
        x = np.log1p(x)
        self.w = np.zeros((x.shape[1], classes))
        self.b = np.zeros(classes)
        onehot = np.eye(classes)[y]
        for _ in range(300):
            z = x @ self.w + self.b
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            grad = (p - onehot) / len(y)
            self.w -= 0.5 * (x.T @ grad + 1e-3 * self.w)
            self.b -= 0.5 * grad.sum(axis=0)
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.asarray((np.log1p(x) @ self.w + self.b).argmax(axis=1))


@dataclass
class Tally:
    hit: int = 0
    want: int = 0
    got: int = 0
    right: int = 0
    labelled: int = 0

    def line(self, name: str) -> str:
        p = self.hit / self.got if self.got else 0.0
        r = self.hit / self.want if self.want else 0.0
        acc = self.right / self.labelled if self.labelled else 0.0
        right = f"({self.right}/{self.labelled})"
        return f"{name:<10} P/R {p:.2f}/{r:.2f}  outcome accuracy {acc:.2f} {right}"


def _score(tally: Tally, case: Case, outcomes: Sequence[str]) -> None:
    rulings = scored(case.draft)
    draft = replace(
        case.draft,
        rulings=tuple(
            replace(r, outcome=Result(o)) for r, o in zip(rulings, outcomes, strict=True)
        ),
    )
    got = drafted_items(draft)["dispositions"]
    tally.hit += sum((case.want & got).values())
    tally.want += sum(case.want.values())
    tally.got += sum(got.values())
    for ruling, outcome in zip(rulings, outcomes, strict=True):
        label = case.labels.get(ruling.exhibit or "-")
        if label is not None:
            tally.labelled += 1
            tally.right += label == outcome


def main() -> None:
    cases = load()
    sets = former_sets()
    classes = [r.value for r in Result]
    totals = {name: Tally() for name in ("rules", "bayes", "logistic")}
    for held in sorted(set(sets.values()), key=lambda s: int(s.removeprefix("heldout"))):
        train = [c for c in cases if sets.get(c.slug) != held]
        test = [c for c in cases if sets.get(c.slug) == held]
        docs, labels = [], []
        for case in train:
            for ruling in scored(case.draft):
                if (label := case.labels.get(ruling.exhibit or "-")) is not None:
                    docs.append(features(ruling))
                    labels.append(classes.index(label))
        vectors = Vectors(docs)
        x, y = vectors.matrix(docs), np.array(labels)
        models: dict[str, NaiveBayes | Logistic] = {
            "bayes": NaiveBayes().fit(x, y, len(classes)),
            "logistic": Logistic().fit(x, y, len(classes)),
        }
        tallies = {name: Tally() for name in totals}
        for case in test:
            rulings = scored(case.draft)
            _score(tallies["rules"], case, [r.outcome.value for r in rulings])
            if not rulings:
                for name in models:
                    _score(tallies[name], case, [])
                continue
            xt = vectors.matrix([features(r) for r in rulings])
            for name, model in models.items():
                _score(tallies[name], case, [classes[i] for i in model.predict(xt)])
        print(f"== {held}: {len(test)} orders, trained on {len(train)} ({len(docs)} rulings)")
        for name, tally in tallies.items():
            print("  " + tally.line(name))
            total = totals[name]
            for field in ("hit", "want", "got", "right", "labelled"):
                setattr(total, field, getattr(total, field) + getattr(tally, field))
    print("== all nine sets, each scored by models that never saw it")
    for name, tally in totals.items():
        print("  " + tally.line(name))


if __name__ == "__main__":
    main()
