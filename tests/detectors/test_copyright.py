"""Copyright detector: notices, long pastes, near-duplicates within a batch."""

from __future__ import annotations

import random
import threading

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.copyright import STATE_KEY, CopyrightDetector, NearDuplicateIndex, shingle_hashes

DETECTOR = CopyrightDetector()

_WORDS = str.split(
    "clinic patient booking service winter flu jab appointment surgery waiting list pharmacy vaccine booster "
    "council road parking bus train weather garden football match music film dinner holiday school weekend "
    "market price energy bill phone network shop town river bridge park library museum coffee bread"
)


def prose(seed: int, words: int = 80) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(words)) + "."


def run(text: str, context: AssessContext | None = None, item_id: str = "c1") -> list[Finding]:
    return list(DETECTOR.detect(ContentItem(item_id, text), context or AssessContext()))


def test_protocol() -> None:
    assert isinstance(DETECTOR, Detector)
    assert DETECTOR.categories == frozenset({"copyright"})


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("© 2023 Daily Bugle Ltd", 0.75),
        ("(c) 2021 Some Publisher", 0.75),
        ("Copyright 2020 BBC", 0.75),
        ("Text and images: All Rights Reserved.", 0.75),
        ("Reproduced from the Surrey Advertiser", 0.75),
        ("is this a copyright issue?", 0.35),
    ],
)
def test_notices(text: str, score: float) -> None:
    findings = [f for f in run(text) if f.kind == "notice"]
    assert findings and max(f.score for f in findings) == score


@pytest.mark.parametrize(
    "text",
    [
        "Options are (a) walk in, (b) phone 111 or (c) book online",
        "Thanks for the update, see you at the clinic",
        "I copied my GP into the email",
    ],
)
def test_no_notice(text: str) -> None:
    assert run(text) == []


def test_long_paste_with_signs() -> None:
    sentences = " ".join(
        f"The trust announced on Tuesday that service number {i} would move to a new site in the spring."
        for i in range(12)
    )
    text = f"“{sentences}” Source: Surrey News, 4 March 2024"
    findings = [f for f in run(text) if f.kind == "long_paste"]
    assert len(findings) == 1
    f = findings[0]
    assert (f.start, f.end) == (0, len(text))
    assert f.score >= 0.65
    assert "source attribution" in f.explanation


def test_long_first_person_comment_is_not_a_paste() -> None:
    text = " ".join(
        f"I waited at the clinic with my daughter on day {i} and we were seen by a lovely nurse." for i in range(12)
    )
    assert len(text) > 800
    assert [f for f in run(text) if f.kind == "long_paste"] == []


def test_batch_of_50_with_two_near_identical_pastes_flags_once() -> None:
    context = AssessContext()
    paste = prose(999, 120)
    edited = paste.replace("clinic", "clinics", 1) + " Please share."
    texts = [prose(i) for i in range(50)]
    texts[10] = paste
    texts[37] = edited
    dupes: list[tuple[int, Finding]] = []
    for i, text in enumerate(texts):
        for f in run(text, context, item_id=f"item-{i}"):
            if f.kind == "near_duplicate":
                dupes.append((i, f))
    assert [i for i, _ in dupes] == [37]
    finding = dupes[0][1]
    assert "item-10" in finding.explanation
    assert finding.score >= 0.7
    assert isinstance(context.batch_state[STATE_KEY], NearDuplicateIndex)


def test_short_items_and_separate_batches_are_not_compared() -> None:
    short = "Same short comment about the clinic."
    context = AssessContext()
    assert run(short, context, "a") == [] and run(short, context, "b") == []
    text = prose(5)
    assert run(text, AssessContext(), "x") == []
    assert run(text, AssessContext(), "y") == []  # a new context is a new batch


def test_reprocessing_the_same_item_is_not_a_duplicate_of_itself() -> None:
    context = AssessContext()
    text = prose(7)
    assert run(text, context, "same") == []
    assert run(text, context, "same") == []


def test_index_is_bounded_and_evicts_oldest() -> None:
    index = NearDuplicateIndex(max_items=5)
    first = shingle_hashes(prose(100))
    assert index.add_and_match("first", first) is None
    for i in range(10):
        index.add_and_match(f"other-{i}", shingle_hashes(prose(200 + i)))
    assert len(index) == 5
    assert index.add_and_match("again", first) is None  # "first" was evicted


def test_index_is_thread_safe() -> None:
    context = AssessContext()
    texts = [prose(i) for i in range(40)]

    def worker(offset: int) -> None:
        for i, text in enumerate(texts):
            run(text, context, item_id=f"w{offset}-{i}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(context.batch_state[STATE_KEY]) == 160


def test_unrelated_items_are_not_duplicates() -> None:
    context = AssessContext()
    flagged = [f for i in range(200) for f in run(prose(i), context, f"u{i}") if f.kind == "near_duplicate"]
    assert flagged == []
