"""The robustness suite of `steward eval --perturb`: F1 on disguised copies of the set, and the drop from clean.

Every perturbation of ``perturb.PERTURBATIONS`` is applied to every example (labels kept), the disguised set is
scored by the same systems as the clean one, and each (perturbation, system, task) gets its F1 at the policy
threshold and the drop from the clean F1 in points (``100 × (clean − perturbed)``; negative when the disguise
happens to help). Issue 3's target: a drop of at most ``TARGET_MAX_DROP`` points for every perturbation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from steward.evaluation.datasets import LabelledExample
from steward.evaluation.metrics import BinaryMetrics
from steward.evaluation.perturb import PERTURBATIONS, Perturbation, perturb_examples
from steward.evaluation.scoring import SystemScores

#: Issue 3: F1 drops at most 5 points under any perturbation.
TARGET_MAX_DROP = 5.0

Scorer = Callable[[Sequence[LabelledExample]], tuple[SystemScores, ...]]
Measure = Callable[[SystemScores, str], BinaryMetrics]


def f1_drop(clean: float, perturbed: float) -> float:
    """The fall in F1 from clean to perturbed, in points (F1 × 100); negative when F1 rose."""
    if not (0.0 <= clean <= 1.0 and 0.0 <= perturbed <= 1.0):
        raise ValueError(f"F1 must be between 0 and 1, got {clean} and {perturbed}")
    return round(100.0 * (clean - perturbed), 9)


def meets_drop_target(drop: float) -> bool:
    return drop <= TARGET_MAX_DROP + 1e-9


@dataclass(frozen=True, slots=True)
class RobustnessRow:
    perturbation: str
    system: str
    task: str
    #: Share of examples whose text the perturbation changed.
    changed: float
    f1: float
    macro_f1: float
    clean_f1: float
    drop: float

    @property
    def meets_target(self) -> bool:
        return meets_drop_target(self.drop)


@dataclass(frozen=True, slots=True)
class RobustnessReport:
    rows: tuple[RobustnessRow, ...]

    def worst(self, system: str, task: str) -> RobustnessRow | None:
        """The perturbation with the largest F1 drop for one system and task."""
        mine = [r for r in self.rows if r.system == system and r.task == task]
        return max(mine, key=lambda r: r.drop) if mine else None

    def meets_target(self, system: str, task: str) -> bool:
        worst = self.worst(system, task)
        return worst is not None and worst.meets_target

    def as_dict(self) -> dict[str, Any]:
        pairs = dict.fromkeys((r.system, r.task) for r in self.rows)
        return {
            "target_max_drop": TARGET_MAX_DROP,
            "perturbations": {p.name: p.description for p in PERTURBATIONS.values()},
            "rows": [{**asdict(r), "meets_target": r.meets_target} for r in self.rows],
            "worst": [
                {
                    "system": system,
                    "task": task,
                    "perturbation": w.perturbation if (w := self.worst(system, task)) else None,
                    "drop": w.drop if w else None,
                    "meets_target": self.meets_target(system, task),
                }
                for system, task in pairs
            ],
        }


def robustness(
    examples: Sequence[LabelledExample],
    clean: Sequence[SystemScores],
    tasks: Sequence[str],
    score: Scorer,
    measure: Measure,
    perturbations: Sequence[Perturbation] = tuple(PERTURBATIONS.values()),
) -> RobustnessReport:
    """Score each perturbed copy of ``examples`` with ``score`` and compare ``measure``'s F1 with the clean one."""
    clean_f1 = {(s.system, t): measure(s, t).f1 for s in clean for t in tasks if t in s.scores}
    rows: list[RobustnessRow] = []
    for perturbation in perturbations:
        disguised = perturb_examples(examples, perturbation)
        changed = sum(a.text != b.text for a, b in zip(examples, disguised, strict=True)) / max(len(examples), 1)
        for system in score(disguised):
            for task in tasks:
                if (system.system, task) not in clean_f1:
                    continue
                m = measure(system, task)
                before = clean_f1[system.system, task]
                rows.append(
                    RobustnessRow(
                        perturbation=perturbation.name,
                        system=system.system,
                        task=task,
                        changed=changed,
                        f1=m.f1,
                        macro_f1=m.macro_f1,
                        clean_f1=before,
                        drop=f1_drop(before, m.f1),
                    )
                )
    return RobustnessReport(rows=tuple(rows))
