"""Scores for the model cards and the manifest, computed with ``steward.evaluation`` (metrics and fairness)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from steward.evaluation.datasets import load_dataset
from steward.evaluation.fairness import fairness_report
from steward.evaluation.metrics import binary_metrics
from steward.evaluation.runner import ProfanityCheckBaseline

#: Decision thresholds reported: 0.5 (as likely as not) and 0.6 (the Surrey Heartlands pack's abuse, hate and
#: commercial rules).
THRESHOLDS = (0.5, 0.6)
KEYS = ("n", "positives", "precision", "recall", "f1", "macro_f1", "roc_auc", "pr_auc", "tp", "fp", "fn", "tn")


def scores_row(truth: Sequence[int], scores: Sequence[float], threshold: float = 0.5) -> dict[str, Any]:
    m = binary_metrics([bool(t) for t in truth], list(scores), threshold).as_dict()
    out = {k: (round(m[k], 4) if isinstance(m[k], float) else m[k]) for k in KEYS}
    out["threshold"] = threshold
    out["macro_f1_at_0.6"] = round(binary_metrics([bool(t) for t in truth], list(scores), 0.6).macro_f1, 4)
    return out


class Baseline:
    """alt-profanity-check on the same texts, or nothing when it is not installed."""

    def __init__(self) -> None:
        try:
            self._impl: ProfanityCheckBaseline | None = ProfanityCheckBaseline()
        except Exception:  # the eval extra is missing: report without the baseline
            self._impl = None

    @property
    def available(self) -> bool:
        return self._impl is not None

    def score(self, texts: Sequence[str]) -> list[float] | None:
        return self._impl.score(texts) if self._impl is not None else None


def compare(
    name: str, texts: Sequence[str], truth: Sequence[int], ours: Sequence[float], baseline: Baseline | None
) -> dict[str, Any]:
    """Our row and, when a baseline is given, the baseline's row on the same texts."""
    out: dict[str, Any] = {"set": name, "ours": scores_row(truth, ours)}
    theirs = baseline.score(texts) if baseline is not None else None
    if theirs is not None:
        out["alt-profanity-check"] = scores_row(truth, theirs)
    return out


def madlibs_fairness(
    data_dir: Path, predict: Any, limit: int | None = None, baseline: Baseline | None = None
) -> dict[str, Any]:
    """Per-identity subgroup AUC and false-positive rate on bias-madlibs (label BAD) at threshold 0.5, and
    (under ``comparison``) our scores beside the baseline's on the same rows."""
    rows = load_dataset("bias-madlibs", data_dir)
    if limit is not None:
        rows = rows[:: max(1, len(rows) // limit)]
    scores = [float(s) for s in predict([r.text for r in rows])]
    truth = [bool(r.labels) for r in rows]
    report = fairness_report(truth, scores, [s >= 0.5 for s in scores], [r.group for r in rows])
    out = report.as_dict()
    out["overall"] = scores_row([int(t) for t in truth], scores)
    texts = [r.text for r in rows]
    out["comparison"] = compare("bias-madlibs (whole set)", texts, [int(t) for t in truth], scores, baseline)
    return out
