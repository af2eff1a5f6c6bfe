"""The detector tiers: which detectors a pipeline runs, chosen by name.

| tier            | detectors                                                                                   |
|-----------------|---------------------------------------------------------------------------------------------|
| `deterministic` | the built-in lexicon, pattern and phrase detectors only                                     |
| `fast`          | those, plus the n-gram models (``offensive_lr``, ``hate_lr``, ``spam_lr``)                   |
| `accurate`      | those built-ins, plus the MiniLM encoder heads (stacked on the n-gram models), and off-topic |
|                 | scored by embedding similarity to the post instead of shared words                          |

The learned tiers apply to public comments (inbound). Staff drafts keep the deterministic outbound tier: the
models learned tweets, not NHS staff posts, and the outbound checks are measured on drafts without them.

``STEWARD_TIER`` chooses the default (``accurate`` when unset); ``steward check/scan --tier`` override it.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from steward.content import Direction
from steward.detectors.base import Detector
from steward.errors import InputError

DETERMINISTIC = "deterministic"
FAST = "fast"
ACCURATE = "accurate"
TIERS = (DETERMINISTIC, FAST, ACCURATE)
DEFAULT_TIER = ACCURATE


def resolve(tier: str | None = None) -> str:
    """The tier to use: ``tier`` if given, else ``STEWARD_TIER``, else the default; InputError if unknown."""
    chosen = (tier or os.environ.get("STEWARD_TIER") or DEFAULT_TIER).strip().lower()
    if chosen not in TIERS:
        raise InputError(f"unknown detector tier {chosen!r}; known: {', '.join(TIERS)}")
    return chosen


def learned_factories(tier: str) -> tuple[Callable[[], Detector], ...]:
    """The learned detectors a tier adds to the built-ins (inbound)."""
    if tier == FAST:
        from steward.models.detectors import LEARNED

        return LEARNED
    if tier == ACCURATE:
        from steward.models.accurate import EncoderDetector

        return (EncoderDetector,)
    return ()


def tier_detectors(direction: Direction, tier: str | None = None) -> tuple[Detector, ...]:
    """The detectors of ``tier`` for ``direction``: the built-in tier (plus anything registered), then the
    tier's learned detectors. In the accurate tier the off-topic check is scored by meaning."""
    from steward.detectors.off_topic import OffTopicDetector
    from steward.detectors.registry import default_detectors

    chosen = resolve(tier)
    built_in = default_detectors(direction)
    if direction is not Direction.INBOUND or chosen == DETERMINISTIC:
        return built_in
    if chosen == ACCURATE:
        from steward.models.relevance import SemanticOffTopicDetector

        built_in = tuple(SemanticOffTopicDetector() if isinstance(d, OffTopicDetector) else d for d in built_in)
    present = {d.name for d in built_in}
    return built_in + tuple(d for d in (f() for f in learned_factories(chosen)) if d.name not in present)
