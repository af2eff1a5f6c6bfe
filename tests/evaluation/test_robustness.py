"""The robustness suite's arithmetic: F1 drop in points, worst perturbation, target, against hand-computed values."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from steward.evaluation.datasets import LabelledExample
from steward.evaluation.metrics import BinaryMetrics, binary_metrics
from steward.evaluation.perturb import PERTURBATIONS
from steward.evaluation.robustness import TARGET_MAX_DROP, f1_drop, meets_drop_target, robustness
from steward.evaluation.scoring import SystemScores

pytest.importorskip("sklearn", reason="the eval extra is part of the dev install")


@pytest.mark.parametrize(
    ("clean", "perturbed", "drop"),
    [
        (0.80, 0.75, 5.0),
        (0.80, 0.80, 0.0),
        (0.50, 0.60, -10.0),
        (1.0, 0.0, 100.0),
        (0.0, 0.0, 0.0),
        (0.584, 0.527, 5.7),
    ],
)
def test_f1_drop_in_points(clean: float, perturbed: float, drop: float) -> None:
    assert f1_drop(clean, perturbed) == pytest.approx(drop)


@pytest.mark.parametrize(("clean", "perturbed"), [(1.2, 0.5), (0.5, -0.1), (float("nan"), 0.5)])
def test_f1_drop_rejects_non_f1(clean: float, perturbed: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        f1_drop(clean, perturbed)


@pytest.mark.parametrize(
    ("drop", "met"), [(-3.0, True), (0.0, True), (TARGET_MAX_DROP, True), (5.0001, False), (18.8, False)]
)
def test_drop_target(drop: float, met: bool) -> None:
    assert TARGET_MAX_DROP == 5.0
    assert meets_drop_target(drop) is met


EXAMPLES = [
    LabelledExample("you idiot", frozenset({"offensive"})),
    LabelledExample("what an idiot", frozenset({"offensive"})),
    LabelledExample("you are a moron", frozenset({"offensive"})),
    LabelledExample("lovely nurses", frozenset()),
    LabelledExample("idiotic parking", frozenset()),
]
TRUTH = {"offensive": ["offensive" in ex.labels for ex in EXAMPLES]}


def _score(examples: Sequence[LabelledExample]) -> tuple[SystemScores, ...]:
    """A case-sensitive substring 'model': says offensive when the text holds "idiot"."""
    scores = [1.0 if "idiot" in ex.text else 0.0 for ex in examples]
    flagged = [s >= 0.5 for s in scores]
    return (SystemScores("toy", {"offensive": scores}, {"offensive": flagged}, {"offensive": 0.5}, 0.0),)


def _measure(system: SystemScores, task: str) -> BinaryMetrics:
    return binary_metrics(TRUTH[task], system.scores[task], system.thresholds[task], system.flagged[task])


def test_robustness_against_hand_computed_f1() -> None:
    # Clean: TP 2 (both "idiot"), FP 1 ("idiotic"), FN 1 ("moron"): precision 2/3, recall 2/3, F1 2/3.
    # Upper: nothing contains lower-case "idiot": F1 0, drop 66.7 points. Emoji leaves "idiot" intact: no drop.
    clean = _score(EXAMPLES)
    report = robustness(
        EXAMPLES, clean, ("offensive",), _score, _measure, (PERTURBATIONS["upper"], PERTURBATIONS["emoji"])
    )
    upper, emoji = report.rows
    assert (upper.perturbation, upper.system, upper.task) == ("upper", "toy", "offensive")
    assert upper.clean_f1 == pytest.approx(2 / 3)
    assert upper.f1 == 0.0 and upper.drop == pytest.approx(66.666666667)
    assert upper.changed == 1.0 and not upper.meets_target
    assert emoji.f1 == pytest.approx(2 / 3) and emoji.drop == 0.0 and emoji.meets_target
    assert report.worst("toy", "offensive") == upper
    assert not report.meets_target("toy", "offensive")
    assert report.worst("nobody", "offensive") is None
    out = report.as_dict()
    assert out["target_max_drop"] == 5.0
    assert out["worst"] == [
        {"system": "toy", "task": "offensive", "perturbation": "upper", "drop": upper.drop, "meets_target": False}
    ]
    assert [r["meets_target"] for r in out["rows"]] == [False, True]


def test_systems_or_tasks_missing_from_clean_are_skipped() -> None:
    report = robustness(EXAMPLES, (), ("offensive",), _score, _measure, (PERTURBATIONS["upper"],))
    assert report.rows == ()
