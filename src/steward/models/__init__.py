"""The fast learned tier: calibrated n-gram models shipped as plain arrays, and detectors that use them.

The models are rebuilt from ``../shared/datasets`` by ``make models`` (``training/``); their cards are in
``cards/``. They are not in the default detector tier yet: call :func:`register_learned` to add them.
"""

from __future__ import annotations

from steward.content import Direction
from steward.models.detectors import (
    LEARNED,
    HateModelDetector,
    LearnedDetector,
    OffensiveModelDetector,
    SpamModelDetector,
)
from steward.models.linear import Bundle, LinearModel, ModelError, load_model
from steward.models.store import MODEL_SPECS, load_bundle, shipped_bundle

__all__ = [
    "LEARNED",
    "MODEL_SPECS",
    "Bundle",
    "HateModelDetector",
    "LearnedDetector",
    "LinearModel",
    "ModelError",
    "OffensiveModelDetector",
    "SpamModelDetector",
    "load_bundle",
    "load_model",
    "register_learned",
    "shipped_bundle",
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
