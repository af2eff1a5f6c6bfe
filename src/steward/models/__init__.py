"""The learned tiers: calibrated n-gram models (fast) and a fine-tuned MiniLM encoder with heads (accurate).

The models are rebuilt from ``../shared/datasets`` by ``make models`` (``training/``); their cards are in
``cards/``. ``steward.models.tiers`` chooses which detectors a pipeline runs (``STEWARD_TIER``; the accurate
tier by default for public comments). :func:`register_learned` adds the fast tier's detectors to the
built-in registry instead (kept for callers that build their own detector lists).
"""

from __future__ import annotations

from steward.content import Direction
from steward.models.accurate import EncoderDetector, load_accurate, shipped_accurate
from steward.models.detectors import (
    LEARNED,
    HateModelDetector,
    LearnedDetector,
    OffensiveModelDetector,
    SpamModelDetector,
)
from steward.models.linear import Bundle, LinearModel, ModelError, load_model
from steward.models.store import MODEL_SPECS, load_bundle, shipped_bundle
from steward.models.tiers import ACCURATE, DETERMINISTIC, FAST, TIERS, resolve, tier_detectors

__all__ = [
    "ACCURATE",
    "DETERMINISTIC",
    "FAST",
    "LEARNED",
    "MODEL_SPECS",
    "TIERS",
    "Bundle",
    "EncoderDetector",
    "HateModelDetector",
    "LearnedDetector",
    "LinearModel",
    "ModelError",
    "OffensiveModelDetector",
    "SpamModelDetector",
    "load_accurate",
    "load_bundle",
    "load_model",
    "register_learned",
    "resolve",
    "shipped_accurate",
    "shipped_bundle",
    "tier_detectors",
]


_registered: set[Direction] = set()


def register_learned(*directions: Direction) -> None:
    """Register the learned detectors after the built-in tier for the given directions (default: both).

    Calling it again for a direction already registered does nothing."""
    from steward.detectors import registry

    wanted = [d for d in (directions or tuple(Direction)) if d not in _registered]
    if not wanted:
        return
    for factory in LEARNED:
        registry.register(factory, *wanted)
    _registered.update(wanted)
