"""The one Detector protocol, the context detectors read, and helpers for time-boxed patterns.

A detector knows nothing of policies. What an organisation supplies that a detector needs (its own published
phone numbers, the names it protects from impersonation, candidate names, link allow/deny lists) arrives as an
``AssessContext`` built from the pack by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import regex

from steward.content import ContentItem, Finding

#: Longest text a detector examines. Longer texts are truncated for detection and the item is flagged.
MAX_TEXT_CHARS = 20_000
#: Time box for any single regular-expression search, in seconds (the `regex` module enforces it).
REGEX_TIMEOUT_S = 0.25


@dataclass(frozen=True, slots=True)
class AssessContext:
    """Organisation-supplied facts that detectors may use. Every field is optional.

    ``batch_state`` is scratch space for detectors that compare items within one batch (near-duplicates);
    each detector keeps its own entry under its name. Create one context per batch.
    """

    published_numbers: tuple[str, ...] = ()
    protected_names: tuple[str, ...] = ()
    protected_handles: tuple[str, ...] = ()
    candidate_names: tuple[str, ...] = ()
    link_allow: tuple[str, ...] = ()
    link_deny: tuple[str, ...] = ()
    batch_state: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class Detector(Protocol):
    """Finds things in one item. Must be safe to call from several threads and never mutate the item."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def categories(self) -> frozenset[str]:
        """Every category this detector can report (so scores can carry a 0 for each)."""
        ...

    def detect(self, item: ContentItem, context: AssessContext) -> Iterable[Finding]: ...


def compile_pattern(pattern: str, flags: int = regex.IGNORECASE | regex.VERSION1) -> regex.Pattern[str]:
    """Compile with the `regex` module, which supports per-call timeouts."""
    return regex.compile(pattern, flags)


def finditer(pattern: regex.Pattern[str], text: str) -> Iterable[regex.Match[str]]:
    """Iterate matches with the shared time box; raises TimeoutError when a pattern runs away."""
    return pattern.finditer(text, timeout=REGEX_TIMEOUT_S)


def search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    return pattern.search(text, timeout=REGEX_TIMEOUT_S)


def tag(name: str, version: str) -> str:
    """``name@version``, the way detectors are named in findings and decisions."""
    return f"{name}@{version}"


def span_finding(
    category: str,
    kind: str,
    match: regex.Match[str] | tuple[int, int],
    score: float,
    detector: str,
    explanation: str,
) -> Finding:
    start, end = match if isinstance(match, tuple) else match.span()
    return Finding(category, kind, start, end, score, detector, explanation)


def category_scores(categories: Iterable[str], findings: Iterable[Finding]) -> Mapping[str, float]:
    """Highest score per category, with 0.0 for every category that found nothing."""
    out = dict.fromkeys(categories, 0.0)
    for f in findings:
        if f.score > out.get(f.category, 0.0):
            out[f.category] = f.score
    return out
