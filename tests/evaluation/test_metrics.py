"""Harness metrics against values computed by hand, and the policy thresholds they are taken at."""

from __future__ import annotations

import pytest

from steward.evaluation.metrics import binary_metrics, false_positive_rate, pr_auc, pr_curve, roc_auc
from steward.evaluation.tasks import (
    policy_thresholds,
    task_categories,
    task_flagged,
    task_score,
    task_threshold,
)
from steward.policy import get_pack

pytest.importorskip("sklearn", reason="the eval extra is part of the dev install")

# Ten examples. At threshold 0.5 the flagged ones are 0, 1, 3 (true positives), 4 and 8 (false positives);
# example 2 (score 0.4) is the one false negative.
TRUTH = [True, True, True, True, False, False, False, False, False, False]
SCORES = [0.9, 0.8, 0.4, 0.7, 0.6, 0.3, 0.2, 0.1, 0.55, 0.05]


def test_ten_example_table_by_hand() -> None:
    m = binary_metrics(TRUTH, SCORES, 0.5)
    assert (m.tp, m.fp, m.fn, m.tn) == (3, 2, 1, 4)
    assert m.confusion == ((4, 2), (1, 3))
    assert (m.n, m.positives, m.threshold) == (10, 4, 0.5)
    assert m.precision == pytest.approx(3 / 5)
    assert m.recall == pytest.approx(3 / 4)
    assert m.f1 == pytest.approx(2 * 0.6 * 0.75 / (0.6 + 0.75))  # 2/3
    # Negative class: precision 4/5, recall 4/6, F1 8/11; macro-F1 is the mean of 2/3 and 8/11.
    assert m.macro_f1 == pytest.approx((2 / 3 + 8 / 11) / 2)
    # 24 positive/negative pairs; only 0.4 loses, to 0.6 and 0.55: (24 - 2) / 24.
    assert m.roc_auc == pytest.approx(22 / 24)
    # Ranked: P P P N N P ...; precision at each positive 1, 1, 1, 4/6.
    assert m.pr_auc == pytest.approx((1 + 1 + 1 + 4 / 6) / 4)
    assert m.as_dict()["confusion"] == [[4, 2], [1, 3]]


@pytest.mark.parametrize(
    ("threshold", "tp", "fp", "fn", "tn"),
    [(0.0, 4, 6, 0, 0), (0.35, 4, 2, 0, 4), (0.75, 2, 0, 2, 6), (0.95, 0, 0, 4, 6)],
)
def test_threshold_moves_the_confusion_matrix(threshold: float, tp: int, fp: int, fn: int, tn: int) -> None:
    m = binary_metrics(TRUTH, SCORES, threshold)
    assert (m.tp, m.fp, m.fn, m.tn) == (tp, fp, fn, tn)
    assert m.roc_auc == pytest.approx(22 / 24)  # threshold-free


def test_nothing_flagged_gives_zero_not_a_crash() -> None:
    m = binary_metrics(TRUTH, SCORES, 0.95)
    assert (m.precision, m.recall, m.f1) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("truth", "scores", "expected"),
    [
        ([False, False, True, True], [0.1, 0.4, 0.35, 0.8], 3 / 4),
        ([False, True], [0.5, 0.5], 0.5),  # a tie counts half
        ([True, False], [0.1, 0.9], 0.0),  # perfectly wrong
        ([False, True, False, True], [0.1, 0.4, 0.35, 0.8], 1.0),
    ],
)
def test_roc_auc_tiny_cases(truth: list[bool], scores: list[float], expected: float) -> None:
    assert roc_auc(truth, scores) == pytest.approx(expected)


def test_average_precision_tiny_case() -> None:
    # Ranked 0.8 (P), 0.4 (N), 0.35 (P), 0.1 (N): precision 1 then 2/3.
    assert pr_auc([False, False, True, True], [0.1, 0.4, 0.35, 0.8]) == pytest.approx((1 + 2 / 3) / 2)


@pytest.mark.parametrize("truth", [[False] * 4, [True] * 4, []])
def test_one_class_gives_na(truth: list[bool]) -> None:
    scores = [0.2, 0.9, 0.1, 0.6][: len(truth)]
    assert roc_auc(truth, scores) is None
    assert pr_auc(truth, scores) is None
    assert pr_curve(truth, scores) is None
    m = binary_metrics(truth, scores, 0.5)
    assert (m.roc_auc, m.pr_auc, m.n) == (None, None, len(truth))


def test_predictions_can_differ_from_the_single_threshold() -> None:
    flagged = [True] * 10
    m = binary_metrics(TRUTH, SCORES, 0.5, flagged)
    assert (m.tp, m.fp, m.fn, m.tn) == (4, 6, 0, 0)


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        binary_metrics(TRUTH, SCORES[:-1], 0.5)
    with pytest.raises(ValueError):
        binary_metrics(TRUTH, SCORES, 0.5, [True])


def test_pr_curve_ends_at_full_recall() -> None:
    curve = pr_curve(TRUTH, SCORES)
    assert curve is not None
    recall, precision = curve
    assert max(recall) == 1.0 and len(recall) == len(precision)


@pytest.mark.parametrize(
    ("truth", "predicted", "expected"),
    [
        ([False, False, True], [True, False, True], 0.5),
        ([False, False], [False, False], 0.0),
        ([True, True], [True, False], None),
    ],
)
def test_false_positive_rate(truth: list[bool], predicted: list[bool], expected: float | None) -> None:
    assert false_positive_rate(truth, predicted) == expected


# --- tasks and policy thresholds -----------------------------------------------------------------------------

PACK = get_pack("surrey-heartlands-aus")


@pytest.mark.parametrize(
    ("category", "threshold"),
    [
        ("abuse", 0.6),
        ("hate", 0.5),  # the model-review rule: more likely than not
        ("threat", 0.5),
        ("self_harm", 0.3),  # the "possible safeguarding" review rule is the lowest
        ("political", 0.6),  # the 0.4 pre-election rule is conditional and left out
        ("complaint", 0.5),
        ("off_topic", 0.8),
    ],
)
def test_policy_thresholds(category: str, threshold: float) -> None:
    assert policy_thresholds(PACK)[category] == threshold


def test_offensive_pools_categories() -> None:
    assert task_categories("offensive") == {"abuse", "profanity", "hate", "threat", "sexual"}
    assert task_categories("hate") == {"hate"}
    with pytest.raises(ValueError, match="unknown category"):
        task_categories("rudeness")
    thresholds = policy_thresholds(PACK)
    assert task_threshold(thresholds, "offensive") == 0.5  # threat's
    assert task_threshold(thresholds, "commercial") == 0.6


@pytest.mark.parametrize(
    ("scores", "flagged"),
    [
        ({"threat": 0.55}, True),  # threat acts at 0.5
        ({"abuse": 0.55}, False),  # abuse needs 0.6, although 0.55 is above the pooled task's lowest threshold
        ({"abuse": 0.6}, True),
        ({"hate": 0.55}, True),  # hate's model-review rule acts from 0.5
        ({"commercial": 0.55}, False),  # commercial needs 0.6 (and is not an offensive category)
        ({"commercial": 0.99}, False),  # not an offensive category
        ({}, False),
    ],
)
def test_pooled_task_flags_by_each_categorys_threshold(scores: dict[str, float], flagged: bool) -> None:
    thresholds = policy_thresholds(PACK)
    assert task_flagged(scores, thresholds, "offensive") is flagged
    assert task_score(scores, "offensive") == max(
        (v for k, v in scores.items() if k in task_categories("offensive")), default=0.0
    )
