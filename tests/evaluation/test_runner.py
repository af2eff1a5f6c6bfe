"""Scoring with Steward's pipeline and the alt-profanity-check baseline, side by side."""

from __future__ import annotations

import pytest

from steward.assess import assess
from steward.content import ContentItem
from steward.errors import InputError
from steward.evaluation.datasets import LabelledExample
from steward.evaluation.runner import evaluate, get_baseline, score_steward
from steward.evaluation.scoring import TIER_SYSTEMS, learned_detectors, tiers_for
from steward.evaluation.tasks import task_categories
from steward.models import EncoderDetector, LearnedDetector
from steward.pipeline import Pipeline
from steward.policy import get_pack

pytest.importorskip("sklearn", reason="the eval extra is part of the dev install")

PACK = get_pack("surrey-heartlands-aus")
OFF = frozenset({"offensive"})
EXAMPLES = [
    LabelledExample("fuck off you stupid idiot", OFF),
    LabelledExample("I will kill you", OFF),
    LabelledExample("Thank you to the nurses on ward 7", frozenset()),
    LabelledExample("I'm a gay man and my Muslim neighbour is lovely", frozenset()),
    LabelledExample("The waiting times are a disgrace and the manager should explain", frozenset()),
    LabelledExample("Buy cheap followers now at example.biz, click here", frozenset({"commercial"})),
]


def test_scores_are_those_of_the_full_pipeline() -> None:
    """Running only the detectors a task needs changes no score: category scores are per-category maxima."""
    tasks = ("offensive", "commercial")
    (scored,) = score_steward(EXAMPLES, PACK, tasks)
    assert scored.system == "steward"
    pipeline = Pipeline(PACK, tier="deterministic")
    for i, ex in enumerate(EXAMPLES):
        full = assess(ContentItem(id=str(i), text=ex.text), pipeline.detectors, pipeline.batch()).scores
        for t in tasks:
            assert scored.scores[t][i] == max(full.get(c, 0.0) for c in task_categories(t))
    assert scored.thresholds == {"offensive": 0.5, "commercial": 0.6}


def test_evaluate_without_baseline() -> None:
    result = evaluate(EXAMPLES, dataset="mini", split="all", tasks=("offensive",), pack=PACK)
    (task,) = result.tasks
    assert task.baseline is None and result.baseline is None
    assert task.ours.n == 6 and task.ours.positives == 2
    assert task.ours.tp + task.ours.fn == 2
    assert result.truth["offensive"] == [True, True, False, False, False, False]
    # Naming a protected group and criticising the service are never offensive findings.
    offensive_scores = result.systems[0].flagged["offensive"]
    assert offensive_scores[3] is False and offensive_scores[4] is False
    assert result.fairness == {}


def test_groups_produce_a_fairness_report_per_system() -> None:
    examples = [
        LabelledExample("Jo is a disgusting gay", OFF, "gay"),
        LabelledExample("Jo is a wonderful gay", frozenset(), "gay"),
        LabelledExample("Sam is a filthy muslim", OFF, "muslim"),
        LabelledExample("Sam is a kind muslim", frozenset(), "muslim"),
    ]
    result = evaluate(examples, dataset="mini", split="all", tasks=("offensive",), pack=PACK)
    assert set(result.fairness) == {"steward"}
    assert [g.group for g in result.fairness["steward"].groups] == ["gay", "muslim"]


@pytest.mark.parametrize("name", [None, "none"])
def test_no_baseline(name: str | None) -> None:
    assert get_baseline(name) is None


def test_unknown_baseline() -> None:
    with pytest.raises(InputError, match="unknown baseline 'perspective'"):
        get_baseline("perspective")


def test_alt_profanity_check_side_by_side() -> None:
    pytest.importorskip("profanity_check", reason="alt-profanity-check is in the dev and eval extras")
    baseline = get_baseline("alt-profanity-check")
    assert baseline is not None
    scores = baseline.score(["fuck off you stupid idiot", "Thank you to the nurses on ward 7"])
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] > 0.5 > scores[1]
    assert baseline.score([]) == []
    result = evaluate(
        EXAMPLES, dataset="mini", split="all", tasks=("offensive", "commercial"), pack=PACK, baseline=baseline
    )
    offensive, commercial = result.tasks
    assert offensive.baseline is not None and offensive.baseline.n == len(EXAMPLES)
    assert commercial.baseline is None  # a profanity model does not answer the spam question
    assert set(result.seconds) == {"steward", "alt-profanity-check"}


def test_learned_tier_scores_are_those_of_the_pipeline_plus_the_learned_detectors() -> None:
    """The learned tier's per-category maxima equal one assess over the default and learned detectors."""
    tasks = ("offensive", "hate", "commercial")
    det, learned = score_steward(EXAMPLES, PACK, tasks, tiers=("deterministic", "learned"))
    assert (det.system, learned.system) == ("steward", "steward+learned")
    pipeline = Pipeline(PACK, tier="deterministic")
    everything = [*pipeline.detectors, *learned_detectors()]
    for i, ex in enumerate(EXAMPLES):
        full = assess(ContentItem(id=str(i), text=ex.text), everything, pipeline.batch()).scores
        for t in tasks:
            assert learned.scores[t][i] == max(full.get(c, 0.0) for c in task_categories(t))
            assert learned.scores[t][i] >= det.scores[t][i]
    # min_score=0.0: every text gets a probability from each model, so the curves see all of them.
    assert all(0.0 < s < 1.0 for s in learned.scores["hate"])
    assert learned.thresholds == det.thresholds
    (only,) = score_steward(EXAMPLES, PACK, tasks, tiers=("learned",))
    assert only.scores == learned.scores and only.flagged == learned.flagged


def test_learned_detectors_report_every_probability() -> None:
    detectors = learned_detectors()
    assert [d.name for d in detectors] == ["offensive_lr", "hate_lr", "spam_lr"]
    assert all(isinstance(d, LearnedDetector) for d in detectors)


@pytest.mark.parametrize(
    ("choice", "tiers"),
    [
        ("deterministic", ("deterministic",)),
        ("learned", ("learned",)),
        ("fast", ("learned",)),
        ("accurate", ("accurate",)),
        ("both", ("deterministic", "learned")),
        ("all", ("deterministic", "learned", "accurate")),
    ],
)
def test_tier_choices(choice: str, tiers: tuple[str, ...]) -> None:
    assert tiers_for(choice) == tiers
    assert all(t in TIER_SYSTEMS for t in tiers)


@pytest.mark.parametrize("bad", ["", "Learned", "accurate+", "fastest"])
def test_unknown_tier(bad: str) -> None:
    with pytest.raises(InputError, match="unknown tier"):
        tiers_for(bad)


@pytest.mark.parametrize("tiers", [(), ("both",), ("deterministic", "bogus")])
def test_score_steward_rejects_bad_tiers(tiers: tuple[str, ...]) -> None:
    with pytest.raises(InputError, match="tiers must be"):
        score_steward(EXAMPLES, PACK, ("offensive",), tiers=tiers)


def test_evaluate_both_tiers_side_by_side_with_fairness_and_robustness() -> None:
    examples = [
        LabelledExample("Jo is a disgusting gay", OFF, "gay"),
        LabelledExample("Jo is a wonderful gay", frozenset(), "gay"),
        LabelledExample("you stupid idiot", OFF, None),
        LabelledExample("Thank you to the nurses on ward 7", frozenset(), None),
    ]
    result = evaluate(
        examples,
        dataset="mini",
        split="all",
        tasks=("offensive",),
        pack=PACK,
        tiers=("deterministic", "learned"),
        perturb=True,
    )
    (task,) = result.tasks
    assert list(task.tiers) == ["steward", "steward+learned"]
    assert task.ours is task.tiers["steward"]
    assert result.metrics(task, "steward+learned") is task.tiers["steward+learned"]
    assert set(result.fairness) == {"steward", "steward+learned"}
    assert set(result.seconds) == {"steward", "steward+learned"}
    assert result.seconds["steward+learned"] >= result.seconds["steward"]
    assert result.robustness is not None
    rows = result.robustness.rows
    assert len(rows) == 8 * 2
    for r in rows:
        assert r.clean_f1 == task.tiers[r.system].f1
        assert r.drop == pytest.approx(100 * (r.clean_f1 - r.f1))
    upper = [r for r in rows if r.perturbation == "upper"]
    assert all(r.changed == 1.0 for r in upper)


def test_no_robustness_unless_asked() -> None:
    result = evaluate(EXAMPLES, dataset="mini", split="all", tasks=("offensive",), pack=PACK)
    assert result.robustness is None and result.tiers == ("deterministic",)


def test_accurate_tier_scores_are_those_of_the_pipeline_plus_the_encoder_heads() -> None:
    """The accurate tier's per-category maxima equal one assess over the deterministic detectors and the
    encoder heads (min_score 0), whether the encoder scored the texts in a batch or one at a time."""
    tasks = ("offensive", "hate", "commercial", "personal_info")
    det, accurate = score_steward(EXAMPLES, PACK, tasks, tiers=("deterministic", "accurate"))
    assert accurate.system == "steward+accurate"
    pipeline = Pipeline(PACK, tier="deterministic")
    everything = [*pipeline.detectors, EncoderDetector(min_score=0.0)]
    for i, ex in enumerate(EXAMPLES):
        full = assess(ContentItem(id=str(i), text=ex.text), everything, pipeline.batch()).scores
        for t in tasks:
            assert accurate.scores[t][i] == pytest.approx(max(full.get(c, 0.0) for c in task_categories(t)))
            assert accurate.scores[t][i] >= det.scores[t][i]
    assert accurate.scores["personal_info"] == det.scores["personal_info"]  # no head answers it
    assert all(0.0 < s < 1.0 for s in accurate.scores["hate"])
