"""The built-in detectors, in the fixed order they run. Learned detectors register the same way."""

from __future__ import annotations

from collections.abc import Callable

from steward.content import Direction
from steward.detectors.base import Detector
from steward.detectors.commercial import CommercialDetector
from steward.detectors.copyright import CopyrightDetector
from steward.detectors.impersonation import ImpersonationDetector
from steward.detectors.intent import ComplaintDetector, UrgentMedicalDetector
from steward.detectors.link import LinkDetector
from steward.detectors.off_topic import OffTopicDetector
from steward.detectors.personal_info import PersonalInfoDetector
from steward.detectors.political import PoliticalDetector
from steward.detectors.safeguarding import ChildSafetyDetector, ExtremismDetector, SelfHarmDetector
from steward.detectors.toxicity import (
    AbuseDetector,
    HateDetector,
    ProfanityDetector,
    SexualDetector,
    ThreatDetector,
)

#: Fast, deterministic tier. Safeguarding first: if anything is slow, the urgent checks have already run.
FAST_TIER: tuple[Callable[[], Detector], ...] = (
    SelfHarmDetector,
    ChildSafetyDetector,
    ExtremismDetector,
    UrgentMedicalDetector,
    ThreatDetector,
    HateDetector,
    AbuseDetector,
    ProfanityDetector,
    SexualDetector,
    PersonalInfoDetector,
    LinkDetector,
    CommercialDetector,
    PoliticalDetector,
    ComplaintDetector,
    ImpersonationDetector,
    CopyrightDetector,
    OffTopicDetector,
)

_EXTRA: dict[Direction, list[Callable[[], Detector]]] = {Direction.INBOUND: [], Direction.OUTBOUND: []}


def register(factory: Callable[[], Detector], *directions: Direction) -> None:
    """Add a detector (e.g. a learned one) after the built-in tier, for the given directions (default: both)."""
    for direction in directions or tuple(Direction):
        _EXTRA[direction].append(factory)


def default_detectors(direction: Direction = Direction.INBOUND) -> tuple[Detector, ...]:
    return tuple(factory() for factory in (*FAST_TIER, *_EXTRA[direction]))
