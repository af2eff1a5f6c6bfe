"""personal_info in staff drafts (SMP 7.5.3, 12.1.8): colleagues' details, photos and recordings without consent."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Direction, Finding
from steward.detectors.base import AssessContext
from steward.detectors.colleague_info import StaffPersonalInfoDetector

DET = StaffPersonalInfoDetector()


def run(text: str, **extra: str) -> list[Finding]:
    item = ContentItem("d1", text, direction=Direction.OUTBOUND, extra=extra)
    findings = DET.detect(item, AssessContext())
    for f in findings:
        assert f.category == "personal_info" and f.fix and f.explanation
        assert 0 <= f.start < f.end <= len(text)
    return findings


def kinds(text: str, **extra: str) -> set[str]:
    return {f.kind for f in run(text, **extra) if f.score >= 0.5}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ring Bev on her mobile 07700 900123 if you need the rota", "uk_phone"),
        ("Kev's personal number is 07911 123456, he won't mind", "uk_phone"),
        ("Send her flowers at 14 Oak Street, she's had a rough week", "street_address"),
        ("Lucy from reception's email is lucy.b1990@hotmail.co.uk", "email"),
        ("Our receptionist Mo has been signed off with stress, send good wishes", "colleague_private_life"),
        ("My colleague Dan is going through a divorce so go easy on him", "colleague_private_life"),
        ("Screenshot from today's Zoom call with the whole team 😂", "photo_without_consent"),
        ("📸 the gang at the awards night", "photo_without_consent"),
        ("Snapped our manager asleep at her desk", "photo_without_consent"),
        ("I recorded our team meeting so you can hear the rant", "recording_without_consent"),
    ],
)
def test_found(text: str, kind: str) -> None:
    assert kind in kinds(text), run(text)


@pytest.mark.parametrize(
    ("text", "extra"),
    [
        ("Questions? Email communications@bradford.nhs.uk or call 01274 237290.", {}),
        ("If you're feeling low, call the helpline on 0800 030 5182.", {}),
        ("Our office is at Scorex House, 1 Bolton Road, Bradford BD1 4AS.", {}),
        ("Email me at jo.bloggs@gmail.com if you want to join the walking group", {}),
        ("Welcome to our new Chief Nurse, Jane Doherty, who joins us from Leeds.", {}),
        ("📸 Our new Shipley hub is nearly finished!", {}),
        ("Photo shared with their permission: the Craven vaccine team", {}),
        ("Watch our video: midwife Sam explains antenatal classes (filmed with Sam's consent).", {}),
        ("📸 Meet Hannah, our new practice nurse!", {"consent": "recorded"}),
        ("The recording of today's public webinar is on our website.", {}),
        ("Our district nurses recorded 3,400 home visits in September.", {}),
        ("Menopause affects many colleagues; our café is on Wednesday.", {}),
        ("Disabled staff can ask for reasonable adjustments at any time.", {}),
        ("", {}),
    ],
)
def test_not_found(text: str, extra: dict[str, str]) -> None:
    assert kinds(text, **extra) == set(), run(text, **extra)


@pytest.mark.parametrize(
    "text",
    ["📸 our team at the Christmas do", "Ring Bev on her mobile 07700 900123", "Kev's personal number is 07911 123456"],
)
def test_consent_lowers_the_score_but_keeps_the_evidence(text: str) -> None:
    (without,) = run(text)
    (with_consent,) = run(text, consent="recorded")
    assert without.score >= 0.5 > with_consent.score
    assert "consent recorded" in with_consent.explanation


def test_patient_details_are_left_to_patient_info() -> None:
    assert run("Mrs Patel in bed 4, 07700 900123, had her stroke on Monday") == []


def test_nhs_numbers_are_never_reported_here() -> None:
    assert "nhs_number" not in {f.kind for f in run("Ref 485 777 3457")}


@pytest.mark.parametrize("text", ["07700 900123 " * 3000, "📸 team " * 4000])
def test_hostile_input_is_handled(text: str) -> None:
    assert len(run(text)) <= 60
