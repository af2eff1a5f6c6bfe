"""corporate_email (SMP 7.5.2): no CCG email address on a personal account."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Direction, Finding
from steward.detectors.base import AssessContext
from steward.detectors.corporate_email import CorporateEmailDetector

DET = CorporateEmailDetector()


def run(text: str, account: str = "personal", profile: str | None = None) -> list[Finding]:
    extra = {"account": account} | ({"profile": profile} if profile is not None else {})
    findings = DET.detect(ContentItem("d1", text, direction=Direction.OUTBOUND, extra=extra), AssessContext())
    for f in findings:
        assert f.category == "corporate_email" and "7.5.2" in f.fix
    return findings


@pytest.mark.parametrize(
    ("text", "profile", "field"),
    [
        ("Hello!", "GP lead. sam.jones@bradford.nhs.uk. Views my own", "profile"),
        ("Hello!", "Nurse (a.khan@NHS.NET)", "profile"),
        ("Any questions, email me at p.smith2@nhs.net", None, "text"),
        ("Drop me a line at my work address k.lee@bradford.nhs.uk", None, "text"),
    ],
)
def test_found(text: str, profile: str | None, field: str) -> None:
    (f,) = run(text, profile=profile)
    assert f.field == field and f.score >= 0.5


@pytest.mark.parametrize(
    ("text", "account", "profile"),
    [
        ("Hello!", "corporate", "Official account. communications@bradford.nhs.uk"),
        ("Hello!", "personal", "Runner. jo@gmail.com"),
        ("For press enquiries contact communications@bradford.nhs.uk", "personal", None),
        ("Hello!", "personal", "Fan of nhs.uk and gov.uk"),
        ("Email me at sam@nhs.net.evil.example", "personal", None),
    ],
)
def test_not_found(text: str, account: str, profile: str | None) -> None:
    assert run(text, account, profile) == []
