"""The built-in detectors, in the fixed order they run. Learned detectors register the same way."""

from __future__ import annotations

from collections.abc import Callable

from steward.content import Direction
from steward.detectors.amendment import UnmarkedAmendmentDetector
from steward.detectors.base import Detector
from steward.detectors.colleague_info import StaffPersonalInfoDetector
from steward.detectors.commercial import CommercialDetector
from steward.detectors.confidential import ConfidentialDetector
from steward.detectors.copyright import CopyrightDetector
from steward.detectors.corporate_email import CorporateEmailDetector
from steward.detectors.derogatory import DerogatoryDetector
from steward.detectors.disclaimer import MissingDisclaimerDetector
from steward.detectors.discrimination import DiscriminationDetector
from steward.detectors.endorsement import EndorsementDetector
from steward.detectors.impersonation import ImpersonationDetector
from steward.detectors.intent import ComplaintDetector, UrgentMedicalDetector
from steward.detectors.link import LinkDetector
from steward.detectors.off_topic import OffTopicDetector
from steward.detectors.patient_info import PatientInfoDetector
from steward.detectors.personal_info import PersonalInfoDetector
from steward.detectors.political import PoliticalDetector
from steward.detectors.safeguarding import ChildSafetyDetector, ExtremismDetector, SelfHarmDetector
from steward.detectors.speaking_on_behalf import SpeakingOnBehalfDetector
from steward.detectors.staff_fixes import WithFixes
from steward.detectors.staff_political import StaffPoliticalDetector
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


def _fixed(factory: Callable[[], Detector], *drop: str) -> Callable[[], Detector]:
    """A shared detector whose findings carry suggested fixes in staff drafts."""
    return lambda: WithFixes(factory(), drop)


#: Staff drafts (SMP). The shared detectors with fixes added, the personal-data and political detectors replaced
#: by their staff-draft versions, and the outbound-only checks. Complaint, urgent-medical and off-topic answer
#: questions about the public's comments, so they do not run here.
OUTBOUND_TIER: tuple[Callable[[], Detector], ...] = (
    _fixed(SelfHarmDetector),
    _fixed(ChildSafetyDetector),
    _fixed(ExtremismDetector),
    _fixed(ThreatDetector),
    _fixed(HateDetector),
    DiscriminationDetector,
    _fixed(AbuseDetector),
    _fixed(ProfanityDetector),
    _fixed(SexualDetector),
    PatientInfoDetector,
    StaffPersonalInfoDetector,
    ConfidentialDetector,
    DerogatoryDetector,
    StaffPoliticalDetector,
    _fixed(CommercialDetector, "self_promotion"),  # "watch our video" is comms, not a third party's advert
    EndorsementDetector,
    MissingDisclaimerDetector,
    CorporateEmailDetector,
    SpeakingOnBehalfDetector,
    UnmarkedAmendmentDetector,
    LinkDetector,
    _fixed(ImpersonationDetector, "claims_organisation"),
    _fixed(CopyrightDetector),
)
_TIERS = {Direction.INBOUND: FAST_TIER, Direction.OUTBOUND: OUTBOUND_TIER}

_EXTRA: dict[Direction, list[Callable[[], Detector]]] = {Direction.INBOUND: [], Direction.OUTBOUND: []}


def register(factory: Callable[[], Detector], *directions: Direction) -> None:
    """Add a detector (e.g. a learned one) after the built-in tier, for the given directions (default: both)."""
    for direction in directions or tuple(Direction):
        _EXTRA[direction].append(factory)


def default_detectors(direction: Direction = Direction.INBOUND) -> tuple[Detector, ...]:
    return tuple(factory() for factory in (*_TIERS[direction], *_EXTRA[direction]))
