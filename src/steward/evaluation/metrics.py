"""Binary metrics for one task: precision, recall and F1 at the policy threshold, ROC-AUC, PR-AUC, confusion.

scikit-learn does the arithmetic (imported lazily: it comes with the ``eval`` extra). Degenerate sets are
normal (a spam set with no spam in a ``--limit`` sample, a subgroup with one class): ROC-AUC and PR-AUC are
then None, shown as "n/a", never a crash or a made-up number. Precision, recall and F1 with an empty
denominator are 0.0, as scikit-learn's ``zero_division=0`` defines them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from steward.evaluation.deps import require


@dataclass(frozen=True, slots=True)
class BinaryMetrics:
    threshold: float
    n: int
    positives: int
    tp: int
    fp: int
    fn: int
    tn: int
    precision: float
    recall: float
    f1: float
    #: Mean of the F1 of the positive and of the negative class (the TweetEval measure).
    macro_f1: float
    roc_auc: float | None
    pr_auc: float | None

    @property
    def confusion(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """[[tn, fp], [fn, tp]]: rows are the truth (negative, positive), columns the prediction."""
        return ((self.tn, self.fp), (self.fn, self.tp))

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["confusion"] = [list(row) for row in self.confusion]
        return out


def _check(truth: Sequence[bool], other: Sequence[object], what: str) -> None:
    if len(truth) != len(other):
        raise ValueError(f"{len(truth)} labels but {len(other)} {what}")


def two_classes(truth: Sequence[bool]) -> bool:
    return any(truth) and not all(truth)


def roc_auc(truth: Sequence[bool], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve, or None when only one class is present."""
    _check(truth, scores, "scores")
    if not two_classes(truth):
        return None
    sk = require("sklearn.metrics")
    return float(sk.roc_auc_score([int(t) for t in truth], list(scores)))


def pr_auc(truth: Sequence[bool], scores: Sequence[float]) -> float | None:
    """Average precision (area under the precision–recall curve), or None when only one class is present."""
    _check(truth, scores, "scores")
    if not two_classes(truth):
        return None
    sk = require("sklearn.metrics")
    return float(sk.average_precision_score([int(t) for t in truth], list(scores)))


def binary_metrics(
    truth: Sequence[bool],
    scores: Sequence[float],
    threshold: float,
    predicted: Sequence[bool] | None = None,
) -> BinaryMetrics:
    """Metrics for one task. ``predicted`` defaults to ``score >= threshold``; pass it when the decision rule
    is richer (a pooled task is flagged when any of its categories reaches its own threshold)."""
    _check(truth, scores, "scores")
    pred = [s >= threshold for s in scores] if predicted is None else list(predicted)
    _check(truth, pred, "predictions")
    sk = require("sklearn.metrics")
    y = [int(t) for t in truth]
    p = [int(x) for x in pred]
    if y:
        (tn, fp), (fn, tp) = sk.confusion_matrix(y, p, labels=[0, 1]).tolist()
        prec, rec, f1s, _ = sk.precision_recall_fscore_support(y, p, labels=[0, 1], zero_division=0)
    else:
        tn = fp = fn = tp = 0
        prec, rec, f1s = [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]
    return BinaryMetrics(
        threshold=threshold,
        n=len(y),
        positives=sum(y),
        tp=int(tp),
        fp=int(fp),
        fn=int(fn),
        tn=int(tn),
        precision=float(prec[1]),
        recall=float(rec[1]),
        f1=float(f1s[1]),
        macro_f1=float((f1s[0] + f1s[1]) / 2),
        roc_auc=roc_auc(truth, scores),
        pr_auc=pr_auc(truth, scores),
    )


def pr_curve(truth: Sequence[bool], scores: Sequence[float]) -> tuple[list[float], list[float]] | None:
    """(recall, precision) points of the precision–recall curve, or None without both classes."""
    _check(truth, scores, "scores")
    if not two_classes(truth):
        return None
    sk = require("sklearn.metrics")
    precision, recall, _ = sk.precision_recall_curve([int(t) for t in truth], list(scores))
    return [float(r) for r in recall], [float(p) for p in precision]


def false_positive_rate(truth: Sequence[bool], predicted: Sequence[bool]) -> float | None:
    """FP / negatives, or None when there are no negatives."""
    _check(truth, predicted, "predictions")
    negatives = sum(1 for t in truth if not t)
    if negatives == 0:
        return None
    return sum(1 for t, p in zip(truth, predicted, strict=True) if p and not t) / negatives
