"""Score labelled examples with Steward and with a baseline, side by side, and compute the metrics.

Steward's scores are the ``scores`` of ``steward.assess`` run with the pack's default detectors
(``Pipeline(pack).detectors``), exactly as ``steward scan`` would produce them. Only the detectors that can
report a category the tasks need are run: a category's score is the highest score of its findings, so the
other detectors cannot change it, and leaving them out only saves time.

The baseline (``alt-profanity-check`` by default) scores the same texts in the same run. It answers one
question, "is this offensive?", so it is compared on the offensive-type tasks only (see ``tasks.py``) at its
own decision threshold of 0.5, the one its ``predict`` uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from steward.assess import assess
from steward.content import ContentItem
from steward.errors import InputError
from steward.evaluation.datasets import LabelledExample
from steward.evaluation.deps import require
from steward.evaluation.fairness import FairnessReport, fairness_report
from steward.evaluation.metrics import BinaryMetrics, binary_metrics
from steward.evaluation.tasks import (
    OFFENSIVE,
    policy_thresholds,
    task_categories,
    task_flagged,
    task_score,
    task_threshold,
)
from steward.pipeline import Pipeline
from steward.policy.schema import PolicyPack

OURS = "steward"
BATCH = 512


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


def _progress(console: Console | None) -> Progress:
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


def score_steward(
    examples: Sequence[LabelledExample], pack: PolicyPack, tasks: Sequence[str], console: Console | None = None
) -> SystemScores:
    """Steward's per-task scores (highest category score) and flags (any category at its policy threshold)."""
    pipeline = Pipeline(pack)
    needed = frozenset().union(*(task_categories(t) for t in tasks)) if tasks else frozenset()
    detectors = [d for d in pipeline.detectors if d.categories & needed]
    thresholds = policy_thresholds(pack)
    context = pipeline.batch()
    scores: dict[str, list[float]] = {t: [] for t in tasks}
    flagged: dict[str, list[bool]] = {t: [] for t in tasks}
    start = time.perf_counter()
    with _progress(console) as bar:
        job = bar.add_task(f"{OURS} ({len(detectors)} detectors)", total=len(examples))
        for i, ex in enumerate(examples):
            category_scores = assess(ContentItem(id=str(i), text=ex.text), detectors, context).scores
            for t in tasks:
                scores[t].append(task_score(category_scores, t))
                flagged[t].append(task_flagged(category_scores, thresholds, t))
            if i % 256 == 255:
                bar.update(job, completed=i + 1)
        bar.update(job, completed=len(examples))
    return SystemScores(
        system=OURS,
        scores=scores,
        flagged=flagged,
        thresholds={t: task_threshold(thresholds, t) for t in tasks},
        seconds=time.perf_counter() - start,
    )


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
    with _progress(console) as bar:
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


@dataclass(frozen=True, slots=True)
class TaskResult:
    task: str
    categories: tuple[str, ...]
    ours: BinaryMetrics
    baseline: BinaryMetrics | None


@dataclass(frozen=True, slots=True)
class EvalResult:
    dataset: str
    split: str
    policy: str
    n: int
    baseline: str | None
    tasks: tuple[TaskResult, ...]
    #: System name → fairness report, for sets whose examples carry a group.
    fairness: dict[str, FairnessReport]
    seconds: dict[str, float]
    #: Kept for the precision–recall plots: the truth per task, and each system's scores per task.
    truth: dict[str, list[bool]] = field(repr=False)
    systems: tuple[SystemScores, ...] = field(repr=False)


def _metrics(truth: list[bool], system: SystemScores, task: str) -> BinaryMetrics:
    return binary_metrics(truth, system.scores[task], system.thresholds[task], system.flagged[task])


def evaluate(
    examples: Sequence[LabelledExample],
    *,
    dataset: str,
    split: str,
    tasks: Sequence[str],
    pack: PolicyPack,
    baseline: Baseline | None = None,
    console: Console | None = None,
) -> EvalResult:
    """Score ``examples`` with Steward (and the baseline) and compute every metric for every task."""
    ours = score_steward(examples, pack, tasks, console)
    theirs = score_baseline(examples, baseline, tasks, console) if baseline else None
    systems = (ours,) if theirs is None else (ours, theirs)
    truth = {t: [t in ex.labels for ex in examples] for t in tasks}
    results = tuple(
        TaskResult(
            task=t,
            categories=tuple(sorted(task_categories(t))),
            ours=_metrics(truth[t], ours, t),
            baseline=_metrics(truth[t], theirs, t) if theirs and t in theirs.scores else None,
        )
        for t in tasks
    )
    fairness: dict[str, FairnessReport] = {}
    groups = [ex.group for ex in examples]
    if tasks and any(g is not None for g in groups):
        first = tasks[0]
        for system in systems:
            if first in system.scores:
                fairness[system.system] = fairness_report(
                    truth[first], system.scores[first], system.flagged[first], groups
                )
    return EvalResult(
        dataset=dataset,
        split=split,
        policy=pack.id,
        n=len(examples),
        baseline=baseline.name if baseline else None,
        tasks=results,
        fairness=fairness,
        seconds={s.system: s.seconds for s in systems},
        truth=truth,
        systems=systems,
    )
