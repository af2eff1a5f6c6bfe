"""Unintended-bias metrics over identity subgroups (Borkan et al. 2019, the Jigsaw unintended-bias work).

For each identity term (the example's ``group``):

- subgroup AUC: ROC-AUC on the rows that name the identity only; low means the model cannot tell toxic from
  non-toxic comments about that group;
- BPSN AUC (background positive, subgroup negative) and BNSP AUC (background negative, subgroup positive):
  low BPSN means innocuous mentions of the group score higher than toxic comments elsewhere;
- false-positive rate at the policy threshold: non-toxic rows that mention the group and would be flagged.

The targets of issue 3: every subgroup AUC ≥ 0.95 and a gap of at most 3 points between the highest and the
lowest identity false-positive rate. Rows without a group count as background only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from steward.evaluation.metrics import false_positive_rate, roc_auc

#: Targets from issue 3.
TARGET_SUBGROUP_AUC = 0.95
TARGET_FPR_GAP = 0.03


@dataclass(frozen=True, slots=True)
class GroupResult:
    group: str
    n: int
    positives: int
    subgroup_auc: float | None
    bpsn_auc: float | None
    bnsp_auc: float | None
    fpr: float | None


@dataclass(frozen=True, slots=True)
class FairnessReport:
    overall_auc: float | None
    groups: tuple[GroupResult, ...]

    @property
    def fpr_gap(self) -> float | None:
        rates = [g.fpr for g in self.groups if g.fpr is not None]
        return max(rates) - min(rates) if rates else None

    @property
    def min_subgroup_auc(self) -> float | None:
        aucs = [g.subgroup_auc for g in self.groups if g.subgroup_auc is not None]
        return min(aucs) if aucs else None

    def worst(self, key: str) -> GroupResult | None:
        """The group with the lowest subgroup AUC (``key="auc"``) or the highest false-positive rate (``"fpr"``)."""
        if key == "auc":
            scored = [g for g in self.groups if g.subgroup_auc is not None]
            return min(scored, key=lambda g: g.subgroup_auc or 0.0) if scored else None
        rated = [g for g in self.groups if g.fpr is not None]
        return max(rated, key=lambda g: g.fpr or 0.0) if rated else None

    @property
    def meets_auc_target(self) -> bool:
        aucs = [g.subgroup_auc for g in self.groups]
        return bool(aucs) and all(a is not None and a >= TARGET_SUBGROUP_AUC for a in aucs)

    @property
    def meets_fpr_target(self) -> bool:
        gap = self.fpr_gap
        return gap is not None and gap <= TARGET_FPR_GAP + 1e-12

    def as_dict(self) -> dict[str, Any]:
        worst_auc, worst_fpr = self.worst("auc"), self.worst("fpr")
        return {
            "overall_auc": self.overall_auc,
            "min_subgroup_auc": self.min_subgroup_auc,
            "worst_auc_group": worst_auc.group if worst_auc else None,
            "fpr_gap": self.fpr_gap,
            "worst_fpr_group": worst_fpr.group if worst_fpr else None,
            "targets": {"subgroup_auc": TARGET_SUBGROUP_AUC, "fpr_gap": TARGET_FPR_GAP},
            "meets_auc_target": self.meets_auc_target,
            "meets_fpr_target": self.meets_fpr_target,
            "groups": [asdict(g) for g in self.groups],
        }


def fairness_report(
    truth: Sequence[bool],
    scores: Sequence[float],
    predicted: Sequence[bool],
    groups: Sequence[str | None],
) -> FairnessReport:
    """Per-identity subgroup AUC, BPSN/BNSP AUC and false-positive rate, sorted by group name."""
    if not len(truth) == len(scores) == len(predicted) == len(groups):
        raise ValueError("truth, scores, predicted and groups must have the same length")
    results: list[GroupResult] = []
    for name in sorted({g for g in groups if g is not None}):
        inside = [g == name for g in groups]
        sub = [i for i, x in enumerate(inside) if x]
        bpsn = [i for i, x in enumerate(inside) if (x and not truth[i]) or (not x and truth[i])]
        bnsp = [i for i, x in enumerate(inside) if (x and truth[i]) or (not x and not truth[i])]
        results.append(
            GroupResult(
                group=name,
                n=len(sub),
                positives=sum(1 for i in sub if truth[i]),
                subgroup_auc=roc_auc([truth[i] for i in sub], [scores[i] for i in sub]),
                bpsn_auc=roc_auc([truth[i] for i in bpsn], [scores[i] for i in bpsn]),
                bnsp_auc=roc_auc([truth[i] for i in bnsp], [scores[i] for i in bnsp]),
                fpr=false_positive_rate([truth[i] for i in sub], [predicted[i] for i in sub]),
            )
        )
    return FairnessReport(overall_auc=roc_auc(truth, scores), groups=tuple(results))
