"""Evaluate: score labelled examples with Steward's tiers and a baseline side by side, and compute the metrics.

Scoring itself is in ``scoring.py`` (the tiers, the baseline); the perturbation suite in ``robustness.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from rich.console import Console

from steward.evaluation.datasets import LabelledExample
from steward.evaluation.fairness import FairnessReport, fairness_report
from steward.evaluation.metrics import BinaryMetrics, binary_metrics
from steward.evaluation.robustness import RobustnessReport, robustness
from steward.evaluation.scoring import (
    BASELINES,
    DETERMINISTIC,
    NO_BASELINE,
    OURS,
    TIER_SYSTEMS,
    Baseline,
    ProfanityCheckBaseline,
    SystemScores,
    get_baseline,
    score_baseline,
    score_steward,
    score_systems,
)
from steward.evaluation.tasks import task_categories
from steward.policy.schema import PolicyPack

__all__ = [
    "BASELINES",
    "NO_BASELINE",
    "OURS",
    "Baseline",
    "EvalResult",
    "ProfanityCheckBaseline",
    "SystemScores",
    "TaskResult",
    "evaluate",
    "get_baseline",
    "score_baseline",
    "score_steward",
]


@dataclass(frozen=True, slots=True)
class TaskResult:
    task: str
    categories: tuple[str, ...]
    #: Steward system name (``steward``, ``steward+learned``) → its metrics, in tier order.
    tiers: dict[str, BinaryMetrics]
    baseline: BinaryMetrics | None

    @property
    def ours(self) -> BinaryMetrics:
        """The first tier scored (the deterministic tier unless only the learned one was asked for)."""
        return next(iter(self.tiers.values()))

    def of(self, system: str) -> BinaryMetrics | None:
        return self.tiers.get(system)


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
    #: The tiers scored, in order (``deterministic``, ``learned``).
    tiers: tuple[str, ...] = (DETERMINISTIC,)
    robustness: RobustnessReport | None = None

    def metrics(self, task: TaskResult, system: str) -> BinaryMetrics | None:
        """One system's metrics on one task, Steward tier or baseline."""
        if system == self.baseline:
            return task.baseline
        return task.of(system)


def _metrics(truth: dict[str, list[bool]], system: SystemScores, task: str) -> BinaryMetrics:
    return binary_metrics(truth[task], system.scores[task], system.thresholds[task], system.flagged[task])


def evaluate(
    examples: Sequence[LabelledExample],
    *,
    dataset: str,
    split: str,
    tasks: Sequence[str],
    pack: PolicyPack,
    baseline: Baseline | None = None,
    console: Console | None = None,
    tiers: Sequence[str] = (DETERMINISTIC,),
    perturb: bool = False,
) -> EvalResult:
    """Score ``examples`` with the Steward tiers (and the baseline) and compute every metric for every task;
    with ``perturb``, run the perturbation suite too."""
    systems = score_systems(examples, pack, tasks, tiers, baseline, console)
    names = {TIER_SYSTEMS[t] for t in tiers}
    ours = [s for s in systems if s.system in names]
    theirs = next((s for s in systems if s.system not in names), None)
    truth = {t: [t in ex.labels for ex in examples] for t in tasks}
    results = tuple(
        TaskResult(
            task=t,
            categories=tuple(sorted(task_categories(t))),
            tiers={s.system: _metrics(truth, s, t) for s in ours},
            baseline=_metrics(truth, theirs, t) if theirs and t in theirs.scores else None,
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
    report = None
    if perturb:
        report = robustness(
            examples,
            systems,
            tasks,
            partial(score_systems, pack=pack, tasks=tasks, tiers=tiers, baseline=baseline, console=console),
            partial(_metrics, truth),
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
        tiers=tuple(tiers),
        robustness=report,
    )
