"""The learned detectors on the shipped models: valid findings, sensible scores, thread safety, registration."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from steward.content import ContentItem, Direction, Finding
from steward.detectors import registry
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, Detector
from steward.models import (
    LEARNED,
    HateModelDetector,
    LearnedDetector,
    OffensiveModelDetector,
    SpamModelDetector,
    register_learned,
)

CTX = AssessContext()


def _item(text: str) -> ContentItem:
    return ContentItem(id="1", text=text)


@pytest.mark.parametrize(
    ("factory", "name", "category", "kind"),
    [
        (OffensiveModelDetector, "offensive_lr", "abuse", "offensive_model"),
        (HateModelDetector, "hate_lr", "hate", "hate_model"),
        (SpamModelDetector, "spam_lr", "commercial", "spam_model"),
    ],
)
def test_detector_contract(factory: type[LearnedDetector], name: str, category: str, kind: str) -> None:
    det = factory()
    assert isinstance(det, Detector)
    assert (det.name, det.version, det.categories) == (name, "1.0", frozenset({category}))
    det_low = LearnedDetector(name, min_score=0.0)
    text = "some words here"
    (finding,) = det_low.detect(_item(text), CTX)
    assert isinstance(finding, Finding)
    assert (finding.category, finding.kind, finding.start, finding.end) == (category, kind, 0, len(text))
    assert 0.0 <= finding.score <= 1.0
    assert finding.detector == f"{name}@1.0"
    assert finding.explanation == f"model {name}@1.0 p={finding.score:.2f}"


@pytest.mark.parametrize(
    ("factory", "text"),
    [
        (OffensiveModelDetector, "@user you are a fucking idiot, shut up"),
        (OffensiveModelDetector, "you are a f.u.c.k.i.n.g 1d10t"),  # disguised
        (OffensiveModelDetector, "YOU ARE A FUCKING IDIOT"),
        (HateModelDetector, "send them all back, these illegals are invading our country #buildthewall"),
        (SpamModelDetector, "WINNER!! You have won a £1000 prize. Text CLAIM to 81010 now"),
        (SpamModelDetector, "Check out my channel and subscribe please!! http://bit.ly/2xyz"),
    ],
)
def test_positive_texts_score_high(factory: type[LearnedDetector], text: str) -> None:
    (finding,) = factory().detect(_item(text), CTX)
    assert finding.score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "Thank you to the staff on ward 7, they were wonderful with my mum",
        "The waiting time at A&E was six hours, which is not good enough",
        "Is the walk-in centre open on bank holiday Monday?",
        "I'm a gay man and the sexual health clinic was brilliant",
        "My Muslim neighbour drove me to my appointment",
        "Disabled patients deserve better parking at the hospital",
        "As a black woman I felt listened to by the midwives",
    ],
)
def test_benign_texts_and_identity_mentions_are_not_flagged(text: str) -> None:
    for factory in LEARNED:
        findings = factory().detect(_item(text), CTX)
        assert all(f.score < 0.5 for f in findings), (factory, findings)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_gives_nothing(text: str) -> None:
    for factory in LEARNED:
        assert factory().detect(_item(text), CTX) == []


def test_long_text_span_is_capped() -> None:
    text = "you stupid idiot " * 3000
    det = LearnedDetector("offensive_lr", min_score=0.0)
    (finding,) = det.detect(_item(text), CTX)
    assert finding.end == MAX_TEXT_CHARS < len(text)


@pytest.mark.parametrize(("model", "min_score"), [("nope_lr", 0.2), ("hate_lr", -0.1), ("hate_lr", 1.5)])
def test_bad_arguments(model: str, min_score: float) -> None:
    with pytest.raises(ValueError):
        LearnedDetector(model, min_score=min_score)


def test_threads_get_the_same_scores() -> None:
    texts = [f"comment {i}: you are an idiot" if i % 2 else f"comment {i}: lovely staff" for i in range(200)]
    det = LearnedDetector("offensive_lr", min_score=0.0)
    serial = [det.detect(_item(t), CTX)[0].score for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda t: det.detect(_item(t), CTX)[0].score, texts))
    assert parallel == serial


def test_not_in_the_default_tier_until_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    import steward.models as models

    monkeypatch.setattr(registry, "_EXTRA", {Direction.INBOUND: [], Direction.OUTBOUND: []})
    monkeypatch.setattr(models, "_registered", set())
    names = {d.name for d in registry.default_detectors()}
    assert not names & {"offensive_lr", "hate_lr", "spam_lr"}
    register_learned(Direction.INBOUND)
    register_learned(Direction.INBOUND)  # idempotent
    inbound = [d.name for d in registry.default_detectors(Direction.INBOUND)]
    assert [n for n in inbound if n.endswith("_lr")] == ["offensive_lr", "hate_lr", "spam_lr"]
    assert not any(d.name.endswith("_lr") for d in registry.default_detectors(Direction.OUTBOUND))
