"""Lexicon and phrase patterns compile on first use: every one of them still compiles, and the time box holds."""

from __future__ import annotations

import pytest
import regex

from steward.content import Direction
from steward.detectors.base import LAZY_PATTERNS, LazyPattern, finditer, lazy_pattern, search
from steward.detectors.registry import default_detectors
from steward.models.tiers import tier_detectors


def test_every_lazy_pattern_of_every_pipeline_compiles() -> None:
    """A typo in a shipped lexicon or phrase list must fail here, not on the first comment that triggers it."""
    keep = [*default_detectors(Direction.INBOUND), *tier_detectors(Direction.OUTBOUND, "deterministic")]
    patterns = list(LAZY_PATTERNS)
    assert keep and len(patterns) > 500  # the lexicons' terms and the phrase lists (~1,000 today)
    for pattern in patterns:
        assert isinstance(pattern.compiled(), regex.Pattern), pattern.source


def test_compiled_once_and_searches_like_the_eager_pattern() -> None:
    lazy = lazy_pattern(r"\bidiot\b")
    assert lazy.compiled() is lazy.compiled()
    eager = regex.compile(r"\bidiot\b", regex.IGNORECASE | regex.VERSION1)
    text = "You IDIOT, idiots and an idiot"
    assert [m.span() for m in finditer(lazy, text)] == [m.span() for m in eager.finditer(text)] == [(4, 9), (25, 30)]
    assert search(lazy, "no match here") is None
    assert isinstance(lazy, LazyPattern) and lazy in LAZY_PATTERNS


def test_a_bad_lazy_pattern_fails_on_use_with_the_regex_error() -> None:
    bad = lazy_pattern("(unclosed")
    with pytest.raises(regex.error):
        search(bad, "text")


def test_the_time_box_applies_to_lazy_patterns() -> None:
    runaway = lazy_pattern(r"(a|aa)+$")
    with pytest.raises(TimeoutError):
        list(finditer(runaway, "a" * 5000 + "!"))
