"""Training data for each shipped model: the shared sets split reproducibly, plus neutral identity sentences.

Splits (fixed seed, stratified):

- offensive, hate: TweetEval ``train`` is split 85 / 15 into our training part and our held-back TEST part;
  the official ``val`` split tunes the regularisation and fits the calibration. The test part is never used
  for any choice.
- spam: YouTube spam (three videos) and SMS spam together, stratified by source and label, 70 / 15 / 15 into
  training, validation (tuning and calibration) and held-back test parts.

Identity augmentation: n-gram models learn identity words as toxic when those words mostly appear in toxic
training rows ("gay", "muslim", "jewish"). We add neutral sentences we wrote ourselves that merely mention a
group (never rows of the bias-madlibs evaluation set) as negatives to the training part of the offensive and
hate models, so mentioning a group is not evidence on its own.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.model_selection import train_test_split

from steward.evaluation.datasets import LabelledExample, load_dataset

TEST_SIZE = 0.15


@dataclass(frozen=True, slots=True)
class Split:
    """Texts and 0/1 labels of one part, with the source set of each row (for per-source reports)."""

    texts: list[str]
    labels: list[int]
    sources: list[str]

    def __len__(self) -> int:
        return len(self.texts)

    def positives(self) -> int:
        return sum(self.labels)


@dataclass(frozen=True, slots=True)
class TaskData:
    task: str
    train: Split
    val: Split
    test: Split
    val_name: str
    augmented: int


def _split(rows: list[tuple[str, int, str]]) -> Split:
    return Split([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])


def _rows(examples: list[LabelledExample], label: str, source: str) -> list[tuple[str, int, str]]:
    return [(e.text, int(label in e.labels), source) for e in examples]


def _sample(rows: list[tuple[str, int, str]], limit: int | None, seed: int) -> list[tuple[str, int, str]]:
    """A stratified random ``limit`` rows (all rows when ``limit`` is None or larger than the set)."""
    if limit is None or limit >= len(rows):
        return rows
    keep, _ = train_test_split(rows, train_size=limit, random_state=seed, stratify=[r[1] for r in rows])
    return list(keep)


def _carve(rows: list[tuple[str, int, str]], size: float, seed: int) -> tuple[list[tuple[str, int, str]], ...]:
    strata = [f"{r[2]}:{r[1]}" for r in rows]
    a, b = train_test_split(rows, test_size=size, random_state=seed, stratify=strata)
    return list(a), list(b)


#: Identity terms for the neutral sentences: the groups the Equality Act 2010 protects, as people name them.
IDENTITY_WORDS: tuple[str, ...] = (
    "gay", "lesbian", "bisexual", "transgender", "trans", "queer", "lgbt", "lgbtq", "homosexual", "straight",
    "heterosexual", "nonbinary", "male", "female", "black", "white", "asian", "african", "african american",
    "caribbean", "european", "hispanic", "latino", "latina", "latinx", "mexican", "american", "canadian",
    "indian", "pakistani", "bangladeshi", "chinese", "japanese", "middle eastern", "arab", "polish", "irish",
    "muslim", "jewish", "christian", "catholic", "protestant", "sikh", "hindu", "buddhist", "taoist", "atheist",
    "old", "older", "young", "younger", "elderly", "teenage", "millenial", "middle aged", "disabled", "blind",
    "deaf", "paralyzed", "autistic", "immigrant", "refugee", "pregnant",
)  # fmt: skip

_NEUTRAL_TEMPLATES: tuple[str, ...] = (
    "I am {a} {t} person",
    "I'm {t} and proud of it",
    "my {t} neighbour helped me with the shopping",
    "as {a} {t} patient I was treated with respect",
    "{t} people deserve good care like everyone else",
    "the {t} community group meets at the library on tuesdays",
    "my friend is {t}",
    "being {t} is part of who I am",
    "our {t} nurse was brilliant",
    "we need more {t} doctors",
    "{t} staff at the hospital",
    "{t} families in the area",
    "she is {t}",
    "he is {t} and works at the surgery",
    "my {t} colleague",
    "{t}",
    "are there support groups for {t} carers?",
    "thank you to the {t} volunteers",
)


def identity_sentences() -> list[str]:
    """Neutral sentences that only mention a group (label 0 for every task). Written for Steward."""
    out: list[str] = []
    for term in IDENTITY_WORDS:
        article = "an" if term[0] in "aeiou" else "a"
        out.extend(t.format(t=term, a=article) for t in _NEUTRAL_TEMPLATES)
    return out


#: Copies of each neutral sentence added (weight against the few toxic tweets that name a group). Chosen by
#: comparing 1, 4 and 10 copies on bias-madlibs (a sample of 8,000 rows) and the offensive val split: 1 left an
#: FPR gap of 19.6 points ("black" 19.6%, "white" 14.7%); 4 closed it to about 2 points for 0.003 val macro-F1;
#: 10 closed it fully but cost more. Madlibs therefore informed this one choice: its numbers are not blind.
AUGMENT_REPEAT = 4


def _augment(
    train: list[tuple[str, int, str]], seed: int, repeat: int | None = None
) -> tuple[list[tuple[str, int, str]], int]:
    extra = [(s, 0, "identity-neutral") for s in identity_sentences()] * (repeat or AUGMENT_REPEAT)
    rows = train + extra
    random.Random(seed).shuffle(rows)
    return rows, len(extra)


def tweeteval_task(task: str, dataset: str, data_dir: Path, seed: int, limit: int | None = None) -> TaskData:
    """TweetEval ``dataset`` for ``task``: our train and held-back test parts of its train split, and its val."""
    rows = _sample(_rows(load_dataset(dataset, data_dir, "train"), task, dataset), limit, seed)
    val = _sample(_rows(load_dataset(dataset, data_dir, "val"), task, dataset), limit, seed)
    train, test = _carve(rows, TEST_SIZE, seed)
    train, added = _augment(train, seed)
    return TaskData(task, _split(train), _split(val), _split(test), f"{dataset} val", added)


def spam_task(data_dir: Path, seed: int, limit: int | None = None) -> TaskData:
    """YouTube and SMS spam together, split 70 / 15 / 15 into train, validation and held-back test parts."""
    rows: list[tuple[str, int, str]] = []
    for name in ("youtube-spam", "sms-spam"):
        rows += _sample(_rows(load_dataset(name, data_dir, "all"), "commercial", name), limit, seed)
    rest, test = _carve(rows, TEST_SIZE, seed)
    train, val = _carve(rest, TEST_SIZE / (1 - TEST_SIZE), seed)
    return TaskData("commercial", _split(train), _split(val), _split(test), "validation carve-out", 0)


ROOT = Path(__file__).resolve().parents[1]
#: Spam and advertising as it turns up under NHS posts, beside comments that share links, prices and services
#: without promoting anything (written for the spam models; see bench/data/README.md).
COMMERCIAL_TRAIN = ROOT / "bench" / "data" / "commercial-train.jsonl"
#: The source name of written NHS-page comments among a task's training rows.
WRITTEN_SOURCE = "written-nhs"


def written_comments() -> tuple[Path, ...]:
    """Every written training file of the heads learned from written comments, and ``COMMERCIAL_TRAIN``: the
    NHS-page comments both spam models also learn from. Blind test sets are in none of them."""
    from training.written import recipes

    return tuple(sorted({p for recipe in recipes() for p in recipe.data} | {COMMERCIAL_TRAIN}))


def written_hashes(paths: Sequence[Path]) -> dict[str, str]:
    """SHA-256 of each written file, by its path in the repository (the manifest's provenance for them)."""
    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def labelled_rows(
    paths: Sequence[Path], positive: Callable[[dict[str, Any]], bool], limit: int | None
) -> tuple[list[str], list[int]]:
    """(texts, labels) of written comments in the generic format: 1 where ``positive`` holds for a record's
    ``expected``; ``limit`` rows of each file (a quick run) or all."""
    texts: list[str] = []
    labels: list[int] = []
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for row in rows[:limit]:
            texts.append(str(row["text"]))
            labels.append(int(positive(row.get("expected") or {})))
    return texts, labels


def written_rows(paths: Sequence[Path], category: str, limit: int | None) -> tuple[list[str], list[int]]:
    """``labelled_rows``, positive when ``category`` is among a record's expected categories."""
    return labelled_rows(paths, lambda expected: category in expected.get("categories", []), limit)


def spam_task_with_written(data_dir: Path, seed: int, limit: int | None = None) -> TaskData:
    """``spam_task`` with the written NHS-page comments (``written_comments``) added to its training part only:
    the fast tier's spam model learned 2015 YouTube comments and 2000s SMS, and read ordinary NHS-page comments
    (helplines, fundraisers, prices) as spam. Validation and held-back test parts are ``spam_task``'s."""
    data = spam_task(data_dir, seed, limit)
    texts, labels = written_rows(written_comments(), "commercial", limit)
    train = Split(
        data.train.texts + texts, data.train.labels + labels, data.train.sources + [WRITTEN_SOURCE] * len(texts)
    )
    return TaskData(data.task, train, data.val, data.test, data.val_name, data.augmented)
