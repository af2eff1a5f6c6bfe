"""Detector tiers: which detectors a pipeline runs, and off-topic by meaning in the accurate tier."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Direction
from steward.detectors.base import AssessContext
from steward.detectors.off_topic import OffTopicDetector
from steward.errors import InputError
from steward.models import EncoderDetector, LearnedDetector
from steward.models.relevance import HIGH, LOW, SemanticOffTopicDetector
from steward.models.tiers import DEFAULT_TIER, resolve, tier_detectors
from steward.pipeline import Pipeline
from steward.policy import DEFAULT_INBOUND, DEFAULT_OUTBOUND, get_pack

CTX = AssessContext()


@pytest.mark.parametrize(
    ("given", "env", "expected"),
    [
        (None, None, DEFAULT_TIER),
        (None, "fast", "fast"),
        ("deterministic", "fast", "deterministic"),  # an explicit choice beats the environment
        (" Accurate ", None, "accurate"),
    ],
)
def test_resolve(monkeypatch: pytest.MonkeyPatch, given: str | None, env: str | None, expected: str) -> None:
    if env is None:
        monkeypatch.delenv("STEWARD_TIER", raising=False)
    else:
        monkeypatch.setenv("STEWARD_TIER", env)
    assert resolve(given) == expected


@pytest.mark.parametrize("bad", ["turbo", "learned; rm -rf /", "ACCURATE2"])
def test_unknown_tier_is_a_clear_error(bad: str) -> None:
    with pytest.raises(InputError, match="unknown detector tier"):
        resolve(bad)


def _kinds(detectors: tuple[object, ...]) -> set[type]:
    return {type(d) for d in detectors}


def test_tiers_add_their_detectors_to_the_built_ins() -> None:
    deterministic = tier_detectors(Direction.INBOUND, "deterministic")
    fast = tier_detectors(Direction.INBOUND, "fast")
    accurate = tier_detectors(Direction.INBOUND, "accurate")
    assert not _kinds(deterministic) & {LearnedDetector, EncoderDetector, SemanticOffTopicDetector}
    assert [d.name for d in fast[: len(deterministic)]] == [d.name for d in deterministic]
    assert {d.name for d in fast[len(deterministic) :]} == {"offensive_lr", "hate_lr", "spam_lr"}
    assert EncoderDetector in _kinds(accurate) and LearnedDetector not in _kinds(accurate)
    # off-topic is scored by meaning in the accurate tier, in the same place in the order
    position = [d.name for d in deterministic].index("off_topic")
    assert isinstance(accurate[position], SemanticOffTopicDetector)
    assert OffTopicDetector not in _kinds(accurate)


def test_staff_drafts_keep_the_deterministic_outbound_tier() -> None:
    names = [d.name for d in tier_detectors(Direction.OUTBOUND, "deterministic")]
    assert [d.name for d in tier_detectors(Direction.OUTBOUND, "accurate")] == names


def test_pipeline_uses_the_tier(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STEWARD_TIER", "fast")
    pack = get_pack(DEFAULT_INBOUND)
    assert Pipeline(pack).tier == "fast"
    assert Pipeline(pack, tier="accurate").tier == "accurate"
    assert Pipeline(pack, detectors=[]).tier == "custom"
    assert Pipeline(get_pack(DEFAULT_OUTBOUND), tier="accurate").detectors  # drafts still checked


def test_accurate_scores_reach_the_scan_contract() -> None:
    decision = Pipeline(get_pack(DEFAULT_INBOUND), tier="accurate").check(
        ContentItem(id="1", text="you are a useless pathetic idiot and everyone hates you")
    )
    contract = decision.as_contract()
    assert contract["scores"]["abuse"] >= 0.6
    assert any(f["detector"].startswith("minilm@") and f["category"] == "abuse" for f in contract["findings"])
    assert contract["action"] in {"hide", "remove", "escalate"}


POST = "Our flu vaccination clinics open at the health centre on Saturday for everyone over 65."
SUICIDE_POST = "Today is World Suicide Prevention Day. If you are struggling, our 24/7 line is open: call 111."


@pytest.mark.parametrize(
    ("similarity", "expected"),
    [(0.9, 0.0), (0.28, 0.0), (0.27, None), (0.215, (HIGH + LOW) / 2), (0.15, HIGH), (-0.5, HIGH)],
)
def test_similarity_to_score(similarity: float, expected: float | None) -> None:
    det = SemanticOffTopicDetector()
    got = det.score(similarity)
    if expected is None:
        assert LOW < got < HIGH
    else:
        assert got == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize(
    ("text", "post", "flagged"),
    [
        # clearly about something else, no shared word, no health word
        ("Who's watching the England game tonight at the pub? Reckon we'll win the league this year", POST, True),
        ("Selling my old xbox and two controllers, collection only, message me for a bargain price", POST, True),
        # on-topic in other words, and the lexical guard rails still hold
        ("Thank you so much, brilliant news", POST, False),
        ("Will the jab be available on the Saturday for my nan?", POST, False),
        ("Is there parking near the centre on Saturday, and do I need to book?", POST, False),
        # no post: nothing to compare with
        ("Who's watching the England game tonight at the pub? Reckon we'll win the league this year", None, False),
        # a story of surviving, under a suicide-prevention post: mental-health words are NHS business (2026-12-07)
        (
            "Took me a long time to stop seeing my attempt as a failure and start seeing my survival as a success",
            SUICIDE_POST,
            False,
        ),
        ("My scars used to itch when I was stressed, like they remembered. They don't anymore", SUICIDE_POST, False),
    ],
)
def test_semantic_off_topic(text: str, post: str | None, flagged: bool) -> None:
    findings = SemanticOffTopicDetector().detect(ContentItem(id="1", text=text, post=post), CTX)
    assert bool(findings) is flagged
    for f in findings:
        assert f.category == "off_topic" and f.kind == "low_semantic_similarity" and "similarity" in f.explanation
        assert 0.0 < f.score <= HIGH


def test_semantic_off_topic_reads_the_thread() -> None:
    det = SemanticOffTopicDetector()
    text = "Who's watching the England game tonight at the pub? Reckon we'll win the league this year"
    alone = det.similarity(ContentItem(id="1", text=text, post=POST))
    with_thread = det.similarity(
        ContentItem(id="1", text=text, post=POST, thread=("Anyone going to watch the football later?",))
    )
    assert with_thread > alone


def test_bad_thresholds_are_refused() -> None:
    with pytest.raises(ValueError, match="unrelated < related"):
        SemanticOffTopicDetector(related=0.1, unrelated=0.2)
