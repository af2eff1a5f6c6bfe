"""The outbound tier: shared detectors carry fixes in staff drafts; the inbound tier is untouched."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Direction, Finding
from steward.detectors import registry
from steward.detectors.base import AssessContext
from steward.detectors.impersonation import ImpersonationDetector
from steward.detectors.staff_fixes import FIXES, WithFixes
from steward.detectors.toxicity import AbuseDetector, ProfanityDetector

CTX = AssessContext(protected_names=("NHS Bradford District and Craven CCG",))


@pytest.mark.parametrize(
    ("detector", "text", "category", "quoted"),
    [
        (AbuseDetector(), "you are an idiot", "abuse", "idiot"),
        (ProfanityDetector(), "what a shit day", "profanity", "shit"),
    ],
)
def test_fix_quotes_the_evidence(detector: object, text: str, category: str, quoted: str) -> None:
    wrapped = WithFixes(detector)  # type: ignore[arg-type]
    findings = wrapped.detect(ContentItem("d1", text), CTX)
    assert findings and all(f.category == category for f in findings)
    assert all(quoted in f.fix and f.fix.startswith(FIXES[category].split("“")[0]) for f in findings)
    assert (wrapped.name, wrapped.version, wrapped.categories) == (
        detector.name,  # type: ignore[attr-defined]
        detector.version,  # type: ignore[attr-defined]
        detector.categories,  # type: ignore[attr-defined]
    )


def test_existing_fix_is_kept_and_unknown_categories_pass_through() -> None:
    class Fixed:
        name, version, categories = "x", "1", frozenset({"abuse", "link"})

        def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
            return [
                Finding("abuse", "insult", 0, 3, 0.9, "x@1", "why", fix="mine"),
                Finding("link", "url", 0, 3, 0.5, "x@1", "why"),
            ]

    abuse, link = WithFixes(Fixed()).detect(ContentItem("d1", "abc"), CTX)  # type: ignore[arg-type]
    assert abuse.fix == "mine" and link.fix == ""


def test_an_employee_naming_their_employer_is_not_impersonation() -> None:
    text = "I am from the CCG's vaccine team and we're at Keighley library today."
    plain = ImpersonationDetector().detect(ContentItem("d1", text), CTX)
    wrapped = WithFixes(ImpersonationDetector(), ["claims_organisation"]).detect(ContentItem("d1", text), CTX)
    assert any(f.kind == "claims_organisation" for f in plain)
    assert wrapped == []


def test_tiers() -> None:
    inbound = [d.name for d in registry.default_detectors(Direction.INBOUND)]
    outbound = [d.name for d in registry.default_detectors(Direction.OUTBOUND)]
    assert "patient_info" not in inbound and "missing_disclaimer" not in inbound
    assert {"personal_info", "political", "complaint"} <= set(inbound)
    staff = {
        "patient_info", "confidential", "staff_personal_info", "derogatory", "discrimination", "staff_political",
        "endorsement", "missing_disclaimer", "corporate_email", "speaking_on_behalf", "unmarked_amendment",
    }  # fmt: skip
    assert staff <= set(outbound)
    assert not {"personal_info", "political", "complaint", "urgent_medical", "off_topic"} & set(outbound)
    assert outbound[:3] == ["self_harm", "child_safety", "extremism"]  # safeguarding first


@pytest.mark.parametrize("text", ["Watch our video: how to use the NHS App", "Check out our page for clinic times"])
def test_own_channels_are_not_commercial_in_staff_drafts(text: str) -> None:
    def commercial(direction: Direction) -> list[Finding]:
        (det,) = [d for d in registry.default_detectors(direction) if d.name == "commercial"]
        return list(det.detect(ContentItem("d1", text), CTX))

    assert commercial(Direction.INBOUND)  # self-promotion in a public comment
    assert commercial(Direction.OUTBOUND) == []
