"""Commercial endorsements in staff drafts (SMP 7.3.10)."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext
from steward.detectors.endorsement import EndorsementDetector

DET = EndorsementDetector()


def run(text: str) -> list[Finding]:
    findings = DET.detect(ContentItem("d1", text), AssessContext())
    for f in findings:
        assert f.category == "commercial" and f.fix and "7.3.10" in f.fix
        assert 0 <= f.start < f.end <= len(text)
    return findings


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Loving my new trainers from StepUp #gifted", "paid_partnership"),
        ("I have partnered with GlowSkin to bring you the best night-shift skincare", "paid_partnership"),
        ("We highly recommend Airedale Opticians Ltd for your next eye test", "recommendation"),
        ("Best prices on mobility scooters at Craven Mobility, shop now!", "recommendation"),
        ("Every midwife needs this water bottle. Get one now!", "product_push"),
        ("Looking for a side hustle? Join my team selling Younique!", "selling_to_colleagues"),
    ],
)
def test_found(text: str, kind: str) -> None:
    found = run(text)
    assert any(f.kind == kind and f.score >= 0.5 for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Pharmacy First: your local pharmacy can treat seven common conditions.",
        "We recommend NHS 111 online if you need help fast.",
        "Thanks to the Bradford Bulls Foundation for hosting our event.",
        "Thank you to everyone who sponsored me for the Yorkshire Three Peaks!",
        "Free parking for blue badge holders at all our health centres.",
        "The prescription charge is £9.90 per item from 1 May.",
        "Our partners at Bradford Council are running a housing advice drop-in.",
        "",
    ],
)
def test_not_found(text: str) -> None:
    assert run(text) == []


def test_hostile_input_is_handled() -> None:
    assert len(run("#ad " * 5000)) <= 20
