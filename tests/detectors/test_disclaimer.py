"""missing_disclaimer (SMP 7.5.1): employees on personal accounts must say their views are their own."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Direction, Finding
from steward.detectors.base import AssessContext
from steward.detectors.disclaimer import DISCLAIMER_TEXT, MissingDisclaimerDetector

DET = MissingDisclaimerDetector()
CTX = AssessContext(protected_names=("NHS Bradford District and Craven CCG", "Bradford District and Craven CCG"))


def run(text: str, account: str = "personal", profile: str | None = None) -> list[Finding]:
    extra = {"account": account} | ({"profile": profile} if profile is not None else {})
    findings = DET.detect(ContentItem("d1", text, direction=Direction.OUTBOUND, extra=extra), CTX)
    for f in findings:
        assert f.category == "missing_disclaimer" and DISCLAIMER_TEXT in f.fix
        source = profile if f.field == "profile" else text
        assert source is not None and 0 <= f.start < f.end <= len(source)
    return findings


@pytest.mark.parametrize(
    ("text", "profile", "field"),
    [
        ("I work for the CCG and the new GP contract is a big step.", None, "text"),
        ("As a commissioning lead at NHS Bradford District and Craven CCG, I welcome the review.", None, "text"),
        ("Started my new role in the CCG's finance team today!", None, "text"),
        (
            "Busy clinic this morning, so many chest infections.",
            "Practice nurse @ Bradford District and Craven CCG",
            "profile",
        ),
        ("Our vaccine programme hit 1 million doses!", "Analyst | NHS Bradford | Dog mum", "profile"),
    ],
)
def test_found(text: str, profile: str | None, field: str) -> None:
    (f,) = run(text, profile=profile)
    assert f.field == field and f.score >= 0.5


@pytest.mark.parametrize(
    ("text", "account", "profile"),
    [
        ("I work for the CCG and the new GP contract is a big step. Views my own.", "personal", None),
        ("I work for the CCG and the new GP contract is a big step.", "corporate", None),
        ("I work for the CCG and the new GP contract is a big step.", "unknown", None),
        ("Our vaccine programme hit 1 million doses!", "personal", "Analyst at the CCG. Opinions are my own."),
        ("Sunny day at Bolton Abbey 🌞", "personal", "Nurse at NHS Bradford District and Craven"),
        ("Our vaccine programme hit 1 million doses!", "personal", "Runner and baker"),
        ("I work at Tesco and love the NHS staff who shop here.", "personal", None),
        ("", "personal", "Nurse at the CCG"),
    ],
)
def test_not_found(text: str, account: str, profile: str | None) -> None:
    assert run(text, account, profile) == []


def test_hostile_profile_is_clipped() -> None:
    run("Our clinic is busy", profile="Nurse at the CCG " * 10_000)
