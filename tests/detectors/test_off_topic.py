"""Off-topic detector: conservative lexical similarity between a comment and its post."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.off_topic import OffTopicDetector, content_words, stem

DETECTOR = OffTopicDetector()
FLU_POST = (
    "Flu jab clinics are now open across Surrey. Book your free flu vaccination at your GP practice or local "
    "pharmacy this autumn."
)
CRYPTO = (
    "Bitcoin is going to the moon, buy now before the banks crash, crypto wallets and blockchain tokens will "
    "make millionaires of everyone who invests early. Join my trading channel for daily signals."
)


def run(text: str, post: str | None = FLU_POST) -> list[Finding]:
    return list(DETECTOR.detect(ContentItem("o1", text, post=post), AssessContext()))


def test_protocol() -> None:
    assert isinstance(DETECTOR, Detector)


def test_crypto_rant_on_flu_post_is_off_topic() -> None:
    findings = run(CRYPTO)
    assert len(findings) == 1
    f = findings[0]
    assert (f.kind, f.category, f.start, f.end) == ("low_similarity", "off_topic", 0, len(CRYPTO))
    assert 0.8 <= f.score <= 0.85
    assert "similarity 0.00" in f.explanation


@pytest.mark.parametrize(
    "text",
    [
        # a complaint about the flu-jab clinic shares the topic
        "Waited two hours at the flu clinic in Guildford and the receptionist was rude, absolutely terrible",
        # the health service in general is on-topic on a health post
        "The NHS is on its knees and the government keeps cutting funding while ministers line their pockets",
        "Thank you, booked mine already and the whole family went together on Saturday morning",
        "Well done everyone involved, brilliant effort from the whole team across the county",
        "When will the Woking site open on Saturdays? My husband works weekdays and cannot get there",
        "short and unrelated: buy bitcoin",
    ],
)
def test_on_topic_or_too_short(text: str) -> None:
    assert [f for f in run(text) if f.score >= 0.5] == []


def test_no_post_no_finding() -> None:
    assert run(CRYPTO, post=None) == []


FOOTBALL = (
    "Autumn football fixtures: league results, referees, trophies, stadium parking, tickets, "
    "programme sellers, kit sponsors, supporters coaches, pies and Bovril at half time for everyone"
)


def test_a_little_overlap_stays_below_half() -> None:
    findings = run(FOOTBALL)  # shares only "autumn" with the post
    assert len(findings) == 1 and 0 < findings[0].score < 0.5


def test_more_overlap_is_not_reported() -> None:
    assert run(FOOTBALL.replace("league", "Surrey league")) == []


def test_unrelated_post_topic_without_health_words() -> None:
    post = "Our new car park opens on Monday with 200 spaces and electric charging points."
    text = "Bitcoin and crypto tokens will make millionaires of early investors, join the trading channel today"
    assert run(text, post=post)[0].score >= 0.8


@pytest.mark.parametrize(
    ("word", "expected"),
    [("clinics", "clinic"), ("vaccinated", "vaccin"), ("vaccine", "vaccin"), ("booking", "book"), ("class", "class")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_content_words_drop_stop_words() -> None:
    assert content_words("The clinic is open, and we're booking!") == ["clinic", "open", "book"]
