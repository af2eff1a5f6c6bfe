"""A negation drops the phrase rule after it only within its own sentence.

Until 2026-12-07 the three-word window crossed sentence ends, so "It never stops. I want to die" and "I'm not
okay. I've taken all my tablets" found nothing: the "never" and "not" of the sentence before dropped the crisis.
"""

from __future__ import annotations

import pytest

from steward.content import ContentItem
from steward.detectors.base import AssessContext
from steward.detectors.phrases import negated
from steward.detectors.safeguarding import SelfHarmDetector
from steward.detectors.threat import ThreatDetector

CTX = AssessContext()


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("i'm not ", True),
        ("i don't ", True),
        ("i would never ", True),
        ("i'm not going to ", True),  # three words after the negation
        ("i'm not really going to ", False),  # four: out of reach, as before
        ("it never stops. ", False),
        ("i'm not okay! ", False),
        ("it didn't. ", False),
        ("not sure; ", False),
        ("nothing works ", False),  # "nothing" is not a negation of what follows
        ("", False),
    ],
)
def test_a_negation_reaches_three_words_within_its_sentence(before: str, expected: bool) -> None:
    assert negated(before + "x", len(before)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "It never stops. I want to die",
        "I'm not okay. I've taken all my tablets",
        "Used to think it got better. It didn't. I've got the pills ready",
        "Don't ring me. I'm going to kill myself tonight",
    ],
)
def test_a_crisis_after_a_negative_sentence_is_found(text: str) -> None:
    found = SelfHarmDetector().detect(ContentItem(id="1", text=text), CTX)
    assert found and max(f.score for f in found) >= 0.8, text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to kill myself",
        "I don't want to die",
        "I would never take an overdose",
    ],
)
def test_a_denial_in_the_same_sentence_still_drops_it(text: str) -> None:
    assert [f for f in SelfHarmDetector().detect(ContentItem(id="1", text=text), CTX) if f.score >= 0.5] == []


def test_a_threat_after_a_negative_sentence_is_found() -> None:
    text = "You didn't listen. I'm going to stab you when you finish your shift"
    found = ThreatDetector().detect(ContentItem(id="1", text=text), CTX)
    assert found and max(f.score for f in found) >= 0.7
