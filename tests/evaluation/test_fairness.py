"""Unintended-bias metrics on a tiny synthetic table worked out by hand."""

from __future__ import annotations

import pytest

from steward.evaluation.fairness import fairness_report

pytest.importorskip("sklearn", reason="the eval extra is part of the dev install")

# Group A: AUC 1.0, one false positive of two negatives (FPR 0.5). Group B: AUC 3/4, no false positive.
# Two rows name no identity (background only).
ROWS = [
    # group, truth, score
    ("A", True, 0.9),
    ("A", True, 0.8),
    ("A", False, 0.2),
    ("A", False, 0.7),
    ("B", True, 0.6),
    ("B", True, 0.25),
    ("B", False, 0.3),
    ("B", False, 0.1),
    (None, True, 0.4),
    (None, False, 0.65),
]
GROUPS = [r[0] for r in ROWS]
TRUTH = [r[1] for r in ROWS]
SCORES = [r[2] for r in ROWS]
PREDICTED = [s >= 0.5 for s in SCORES]


def test_per_group_metrics_by_hand() -> None:
    report = fairness_report(TRUTH, SCORES, PREDICTED, GROUPS)
    a, b = report.groups
    assert (a.group, a.n, a.positives) == ("A", 4, 2)
    assert a.subgroup_auc == pytest.approx(1.0)
    assert a.fpr == pytest.approx(0.5)
    # BPSN for A: A's negatives (0.2, 0.7) against positives elsewhere (0.6, 0.25, 0.4): each beats 0.2 only.
    assert a.bpsn_auc == pytest.approx(3 / 6)
    # BNSP for A: A's positives (0.9, 0.8) against negatives elsewhere (0.3, 0.1, 0.65): all won.
    assert a.bnsp_auc == pytest.approx(1.0)
    assert b.subgroup_auc == pytest.approx(3 / 4)
    assert b.fpr == 0.0
    assert report.fpr_gap == pytest.approx(0.5)
    assert report.min_subgroup_auc == pytest.approx(0.75)
    worst_auc, worst_fpr = report.worst("auc"), report.worst("fpr")
    assert worst_auc is not None and worst_auc.group == "B"
    assert worst_fpr is not None and worst_fpr.group == "A"
    assert not report.meets_auc_target and not report.meets_fpr_target


def test_a_fair_perfect_model_meets_both_targets() -> None:
    scores = [1.0 if t else 0.0 for t in TRUTH]
    report = fairness_report(TRUTH, scores, [s >= 0.5 for s in scores], GROUPS)
    assert report.meets_auc_target and report.meets_fpr_target
    assert report.fpr_gap == 0.0
    assert report.overall_auc == pytest.approx(1.0)
    assert report.as_dict()["meets_fpr_target"] is True


@pytest.mark.parametrize(("flagged", "meets"), [(0, True), (3, True), (4, False), (100, False)])
def test_fpr_gap_target_is_three_points(flagged: int, meets: bool) -> None:
    # 100 negatives per group: A flags `flagged` of them, B none.
    groups = ["A"] * 100 + ["B"] * 100 + ["A", "B"]
    truth = [False] * 200 + [True, True]
    scores = [0.9 if i < flagged else 0.0 for i in range(100)] + [0.0] * 100 + [1.0, 1.0]
    report = fairness_report(truth, scores, [s >= 0.5 for s in scores], groups)
    assert report.fpr_gap == pytest.approx(flagged / 100)
    assert report.meets_fpr_target is meets


def test_one_class_group_has_no_auc_and_fails_the_auc_target() -> None:
    groups = ["A", "A", "B", "B"]
    truth = [True, False, False, False]
    scores = [0.9, 0.1, 0.2, 0.3]
    report = fairness_report(truth, scores, [False] * 4, groups)
    b = report.groups[1]
    assert b.subgroup_auc is None and b.fpr == 0.0
    assert not report.meets_auc_target


def test_no_groups_at_all() -> None:
    report = fairness_report([True, False], [0.9, 0.1], [True, False], [None, None])
    assert report.groups == ()
    assert report.fpr_gap is None and report.min_subgroup_auc is None
    assert not report.meets_auc_target and not report.meets_fpr_target


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        fairness_report([True], [0.1, 0.2], [True], ["A"])
