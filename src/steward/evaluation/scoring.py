"""Score labelled examples with Steward's tiers and with a baseline: one score and one decision per task.

Steward's scores are the ``scores`` of ``steward.assess``, exactly as ``steward scan`` would produce them, with
one of two detector tiers:

| tier            | system name       | detectors                                                              |
|-----------------|-------------------|------------------------------------------------------------------------|
| `deterministic` | `steward`         | the pack's default detectors (``Pipeline(pack).detectors``)            |
| `learned`       | `steward+learned` | those plus the fast tier's n-gram models, built with ``min_score=0.0`` |
| `accurate`      | `steward+accurate`| the deterministic ones plus the MiniLM encoder heads (``min_score=0.0``)|

(``fast`` is another name for ``learned``.)

The learned detectors are built with ``min_score=0.0`` so that every probability reaches the score (and the
ROC and precision–recall curves); the decision still uses the policy threshold. Only the detectors that can
report a category the tasks need are run: a category's score is the highest score of its findings, so the
other detectors cannot change it. For the same reason the learned tier's scores are the per-category maxima
of the deterministic detectors' scores and the learned detectors' scores, so scoring both tiers runs the
deterministic detectors once.

The baseline (``alt-profanity-check`` by default) answers one question, "is this offensive?", so it is
compared on the offensive-type tasks only (see ``tasks.py``) at its own decision threshold of 0.5, the one
its ``predict`` uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from steward.assess import assess
from steward.content import ContentItem
from steward.detectors.base import Detector
from steward.errors import InputError
from steward.evaluation.datasets import LabelledExample
from steward.evaluation.deps import require
from steward.evaluation.tasks import (
    OFFENSIVE,
    policy_thresholds,
    task_categories,
    task_flagged,
    task_score,
    task_threshold,
)
from steward.policy.schema import PolicyPack

DETERMINISTIC = "deterministic"
LEARNED_TIER = "learned"
ACCURATE_TIER = "accurate"
BOTH = "both"
ALL = "all"
TIER_CHOICES = (DETERMINISTIC, LEARNED_TIER, "fast", ACCURATE_TIER, BOTH, ALL)
#: Tier → the system name it is reported under.
TIER_SYSTEMS: Mapping[str, str] = MappingProxyType(
    {DETERMINISTIC: "steward", LEARNED_TIER: "steward+learned", ACCURATE_TIER: "steward+accurate"}
)
OURS = TIER_SYSTEMS[DETERMINISTIC]
BATCH = 512


def tiers_for(choice: str) -> tuple[str, ...]:
    """``--tier`` → the tiers to score, in report order."""
    if choice == BOTH:
        return (DETERMINISTIC, LEARNED_TIER)
    if choice == ALL:
        return (DETERMINISTIC, LEARNED_TIER, ACCURATE_TIER)
    if choice == "fast":
        return (LEARNED_TIER,)
    if choice in TIER_SYSTEMS:
        return (choice,)
    raise InputError(f"unknown tier {choice!r}; known: {', '.join(TIER_CHOICES)}")


class Baseline(Protocol):
    name: str
    tasks: frozenset[str]
    threshold: float

    def score(self, texts: Sequence[str]) -> list[float]: ...


class ProfanityCheckBaseline:
    """alt-profanity-check: a linear SVM on word n-grams, trained on Davidson et al. and Wikipedia comments."""

    name = "alt-profanity-check"
    tasks = frozenset({OFFENSIVE, "abuse", "profanity", "hate"})
    threshold = 0.5

    def __init__(self) -> None:
        require("sklearn")
        self._module = require("profanity_check")

    def score(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        return [float(p) for p in self._module.predict_prob(list(texts))]


BASELINES: dict[str, Callable[[], Baseline]] = {ProfanityCheckBaseline.name: ProfanityCheckBaseline}
NO_BASELINE = "none"


def get_baseline(name: str | None) -> Baseline | None:
    if name is None or name == NO_BASELINE:
        return None
    factory = BASELINES.get(name)
    if factory is None:
        raise InputError(f"unknown baseline {name!r}; known: {', '.join([*BASELINES, NO_BASELINE])}")
    return factory()


@dataclass(frozen=True, slots=True)
class SystemScores:
    """One system's score and decision per task, per example, and how long scoring took."""

    system: str
    scores: dict[str, list[float]]
    flagged: dict[str, list[bool]]
    thresholds: dict[str, float]
    seconds: float


def progress(console: Console | None) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        transient=True,
        disable=console is None,
    )


def learned_detectors() -> list[Detector]:
    """The learned tier's own detectors, each reporting every probability (``min_score=0.0``)."""
    # Imported here and below, not at module level: `steward --help` should not load models and detectors.
    from steward.models import LEARNED, LearnedDetector

    return [LearnedDetector(factory().name, min_score=0.0) for factory in LEARNED]


def accurate_detectors() -> list[Detector]:
    """The accurate tier's encoder heads, reporting every probability (``min_score=0.0``)."""
    from steward.models import EncoderDetector

    return [EncoderDetector(min_score=0.0)]


def tier_detectors(
    pack: PolicyPack, needed: frozenset[str], accurate: bool = False
) -> tuple[list[Detector], list[Detector], list[Detector]]:
    """(deterministic, learned, accurate) detectors that can report a needed category. Learned detectors a
    caller may have registered in the default tier are left out of the deterministic list."""
    from steward.models import EncoderDetector, LearnedDetector
    from steward.pipeline import Pipeline

    learned = (LearnedDetector, EncoderDetector)
    deterministic = [d for d in Pipeline(pack, tier=DETERMINISTIC).detectors if not isinstance(d, learned)]
    return (
        [d for d in deterministic if d.categories & needed],
        [d for d in learned_detectors() if d.categories & needed],
        [d for d in accurate_detectors() if d.categories & needed] if accurate else [],
    )


def score_steward(
    examples: Sequence[LabelledExample],
    pack: PolicyPack,
    tasks: Sequence[str],
    console: Console | None = None,
    tiers: Sequence[str] = (DETERMINISTIC,),
) -> tuple[SystemScores, ...]:
    """Per tier: per-task scores (highest category score) and flags (any category at its policy threshold)."""
    unknown = [t for t in tiers if t not in TIER_SYSTEMS]
    if unknown or not tiers:
        raise InputError(f"tiers must be some of {', '.join(TIER_SYSTEMS)}, got {list(tiers)}")
    needed = frozenset().union(*(task_categories(t) for t in tasks)) if tasks else frozenset()
    with_accurate = ACCURATE_TIER in tiers
    base, extra, encoder = tier_detectors(pack, needed, with_accurate)
    with_learned = LEARNED_TIER in tiers
    thresholds = policy_thresholds(pack)
    from steward.pipeline import context_for

    context = context_for(pack)
    out: dict[str, tuple[dict[str, list[float]], dict[str, list[bool]]]] = {
        tier: ({t: [] for t in tasks}, {t: [] for t in tasks}) for tier in tiers
    }
    spent = dict.fromkeys((DETERMINISTIC, LEARNED_TIER, ACCURATE_TIER), 0.0)
    names = " + ".join(TIER_SYSTEMS[t] for t in tiers)
    with progress(console) as bar:
        job = bar.add_task(
            f"{names} ({len(base)} + {len(extra) if with_learned else 0} + {len(encoder)} detectors)",
            total=len(examples),
        )
        for i, ex in enumerate(examples):
            if encoder and i % BATCH == 0:  # the encoder is faster in batches: score the next ones together
                started = time.perf_counter()
                _prime([e.text for e in examples[i : i + BATCH]])
                spent[ACCURATE_TIER] += time.perf_counter() - started
            item = ContentItem(id=str(i), text=ex.text)
            start = time.perf_counter()
            per_tier = {DETERMINISTIC: dict(assess(item, base, context).scores)}
            middle = time.perf_counter()
            if with_learned:
                learned = dict(per_tier[DETERMINISTIC])
                for category, score in assess(item, extra, context).scores.items():
                    learned[category] = max(score, learned.get(category, 0.0))
                per_tier[LEARNED_TIER] = learned
            spent[DETERMINISTIC] += middle - start
            spent[LEARNED_TIER] += time.perf_counter() - middle
            if with_accurate:  # no head answers the tasks (e.g. personal_info): the deterministic scores
                started = time.perf_counter()
                accurate = dict(per_tier[DETERMINISTIC])
                if encoder:
                    for category, score in assess(item, encoder, context).scores.items():
                        accurate[category] = max(score, accurate.get(category, 0.0))
                per_tier[ACCURATE_TIER] = accurate
                spent[ACCURATE_TIER] += time.perf_counter() - started
            for tier, (scores, flagged) in out.items():
                category_scores = per_tier[tier]
                for t in tasks:
                    scores[t].append(task_score(category_scores, t))
                    flagged[t].append(task_flagged(category_scores, thresholds, t))
            if i % 256 == 255:
                bar.update(job, completed=i + 1)
        bar.update(job, completed=len(examples))
    return tuple(
        SystemScores(
            system=TIER_SYSTEMS[tier],
            scores=scores,
            flagged=flagged,
            thresholds={t: task_threshold(thresholds, t) for t in tasks},
            seconds=spent[DETERMINISTIC] + (spent[tier] if tier != DETERMINISTIC else 0.0),
        )
        for tier, (scores, flagged) in out.items()
    )


def _prime(texts: list[str]) -> None:
    from steward.models import shipped_accurate

    shipped_accurate().prime(texts)


def score_baseline(
    examples: Sequence[LabelledExample], baseline: Baseline, tasks: Sequence[str], console: Console | None = None
) -> SystemScores | None:
    """The baseline's scores on the tasks it answers (the same score for each), or None if it answers none."""
    mine = [t for t in tasks if t in baseline.tasks]
    if not mine:
        return None
    texts = [ex.text for ex in examples]
    out: list[float] = []
    start = time.perf_counter()
    with progress(console) as bar:
        job = bar.add_task(baseline.name, total=len(texts))
        for lo in range(0, len(texts), BATCH):
            out.extend(baseline.score(texts[lo : lo + BATCH]))
            bar.update(job, completed=min(lo + BATCH, len(texts)))
    if len(out) != len(texts):
        raise RuntimeError(f"baseline {baseline.name} returned {len(out)} scores for {len(texts)} texts")
    return SystemScores(
        system=baseline.name,
        scores={t: out for t in mine},
        flagged={t: [s >= baseline.threshold for s in out] for t in mine},
        thresholds=dict.fromkeys(mine, baseline.threshold),
        seconds=time.perf_counter() - start,
    )


def score_systems(
    examples: Sequence[LabelledExample],
    pack: PolicyPack,
    tasks: Sequence[str],
    tiers: Sequence[str],
    baseline: Baseline | None,
    console: Console | None = None,
) -> tuple[SystemScores, ...]:
    """Every Steward tier asked for, then the baseline when it answers one of the tasks."""
    ours = score_steward(examples, pack, tasks, console, tiers)
    theirs = score_baseline(examples, baseline, tasks, console) if baseline else None
    return ours if theirs is None else (*ours, theirs)
