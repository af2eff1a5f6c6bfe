"""Strangers write anything: random mixes of real tweets, emoji, control and zero-width characters, markup,
injection strings, PII and long runs must all be decided without a detector failing.

A detector that fails (an exception, or a pattern out of its time box) sends the comment to review for the
failure rather than for what it says. Fuzzing like this (the fast tier, so it stays quick) found a squeeze
pattern that timed out and left the learned models without a score, four phrase rules and five other patterns
that timed out on long runs, and spaCy taking seconds over emoji (2026-12-06). With the two seeds here the code
before those fixes failed (extremism, sexual and threat patterns timed out on 4 of the 500 comments).
"""

from __future__ import annotations

import random

import pytest

from steward.content import ContentItem
from steward.detectors.base import MAX_TEXT_CHARS
from steward.evaluation.datasets import default_data_dir, load_dataset
from steward.pipeline import Pipeline
from steward.policy import DEFAULT_INBOUND, get_pack

PIECES = (
    "\u200b", "\u202e", "\u0301", "\ufeff", "\x00", "\r\n", "\t", "😀", "👍🏽", "🏳️\u200d🌈", "ﬁ", "Ⅻ",
    "𝐟𝐮𝐜𝐤", "ｆｕｃｋ",
    "07700 900123", "07911 123456", "+44 (0)20 7946 0958", "NHS 943 476 5919", "SW1A 1AA", "a@b.co",
    "http://x.y/z?q=<script>", "<img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x}", "'; DROP TABLE x;--",
    "%s%s%n", "k i l l   y o u r s e l f", "f.u.c.k", "1d10t", "s h i t e", "kill", "die", "suicide", "overdose",
    "nazi", "vote", "£££", "DM me", "free iphone", "ا", "日本語", "İ", "ß", "ǅ", "\U0010ffff", "Dr Sarah Jones",
    "ward 4 bed 12", "any time 😉", "better off", "a better place", "nuremberg", "https://www.nhs.uk/x",
    "ha" * 400, "i" * 1500, "1" * 1500, " " * 1500, "." * 1500, "a." * 700, "x-" * 700, "😀" * 1500, "#" * 1500,
    "_" * 1500, "I" * 1500, "ı" * 800, "!?" * 700, "\n" * 300, "@user " * 200, "http://a.b/" * 100,
)  # fmt: skip


def _comments(n: int, seed: int) -> list[str]:
    tweets = [r.text for r in load_dataset("tweeteval-offensive", default_data_dir(), "val")]
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        parts = [
            rng.choice(PIECES) if rng.random() < 0.5 else rng.choice(tweets)[: rng.randint(0, 200)]
            for _ in range(rng.randint(1, 12))
        ]
        text = rng.choice(["", " ", "\n", "\u200b"]).join(parts)
        out.append(text[:MAX_TEXT_CHARS])  # the length cap is its own, expected, review reason
    return out


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(get_pack(DEFAULT_INBOUND), tier="fast")


@pytest.mark.parametrize("seed", [3, 4])
def test_no_detector_fails_on_hostile_comments(pipeline: Pipeline, seed: int) -> None:
    failed: list[tuple[int, str, str]] = []
    context = pipeline.batch()
    for k, text in enumerate(_comments(250, seed)):
        decision = pipeline.check(ContentItem(id=str(k), text=text), context)
        failed.extend((k, f.detector, f.error[:60]) for f in decision.failures)
    assert failed == []
