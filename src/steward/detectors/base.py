"""The one Detector protocol, the context detectors read, and helpers for time-boxed patterns.

A detector knows nothing of policies. What an organisation supplies that a detector needs (its own published
phone numbers, the names it protects from impersonation, candidate names, link allow/deny lists) arrives as an
``AssessContext`` built from the pack by the caller.
"""

from __future__ import annotations

import weakref
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


@runtime_checkable
class Prefetcher(Protocol):
    """A detector that can start on the next items in the background (the accurate tier's encoder). Optional:
    ``Pipeline.prefetch`` tells it what comes next, with the pack's context; its ``detect`` must give exactly
    what it gives without."""

    def prefetch(self, items: Iterable[ContentItem], context: AssessContext) -> None: ...


def compile_pattern(pattern: str, flags: int = regex.IGNORECASE | regex.VERSION1) -> regex.Pattern[str]:
    """Compile with the `regex` module, which supports per-call timeouts."""
    return regex.compile(pattern, flags)


class LazyPattern:
    """A pattern compiled on its first search, for the lexicons' many term and phrase patterns.

    Most of them only run when the shared trigger pass finds their words, and compiling all ~1,000 of them up
    front was two thirds of the pipeline's cold start (measured: 4.9 s of 7.7 s on a loaded 2-core box, 1,010 of
    1,170 patterns). Compiling is idempotent, so two threads racing on the first search at worst compile twice.
    Every lazy pattern is kept in ``LAZY_PATTERNS`` (weakly) so that tests can compile them all.
    """

    __slots__ = ("__weakref__", "_compiled", "flags", "source")

    def __init__(self, source: str, flags: int) -> None:
        self.source = source
        self.flags = flags
        self._compiled: regex.Pattern[str] | None = None
        LAZY_PATTERNS.add(self)

    def compiled(self) -> regex.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = regex.compile(self.source, self.flags)
        return found


LAZY_PATTERNS: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


def lazy_pattern(pattern: str, flags: int = regex.IGNORECASE | regex.VERSION1) -> LazyPattern:
    """Like :func:`compile_pattern`, compiled on first use."""
    return LazyPattern(pattern, flags)


def finditer(pattern: regex.Pattern[str] | LazyPattern, text: str) -> Iterable[regex.Match[str]]:
    """Iterate matches with the shared time box; raises TimeoutError when a pattern runs away."""
    if isinstance(pattern, LazyPattern):
        pattern = pattern.compiled()
    return pattern.finditer(text, timeout=REGEX_TIMEOUT_S)


def search(
    pattern: regex.Pattern[str] | LazyPattern, text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match[str] | None:
    """Search with the shared time box; ``pos``/``endpos`` as in ``Pattern.search`` (``^`` stays the text's start)."""
    if isinstance(pattern, LazyPattern):
        pattern = pattern.compiled()
    return pattern.search(text, pos, endpos, timeout=REGEX_TIMEOUT_S)


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
