"""Impersonation detector: look-alike names and handles, claims to be the organisation."""

from __future__ import annotations

import pytest

from steward.content import Author, ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.impersonation import ImpersonationDetector

DETECTOR = ImpersonationDetector()
CONTEXT = AssessContext(protected_names=("NHS Surrey Heartlands",), protected_handles=("@NHSSurreyHeartlands",))


def run(
    name: str | None, handle: str | None, text: str = "Good to know", context: AssessContext = CONTEXT
) -> list[Finding]:
    item = ContentItem("p1", text, author=Author(id="a1", handle=handle, display_name=name))
    return list(DETECTOR.detect(item, context))


def test_protocol() -> None:
    assert isinstance(DETECTOR, Detector)
    assert DETECTOR.categories == frozenset({"impersonation"})


@pytest.mark.parametrize(
    ("name", "handle", "kind", "score", "length"),
    [
        ("NHS Surrey Heartlаnds", "@fan1", "confusable_name", 0.95, 21),  # Cyrillic а
        ("Jo", "@NHSSurreyHeartIands", "confusable_handle", 0.95, 20),  # capital I for l
        ("NHS Surrey Heart1ands", "@x", "confusable_name", 0.95, 21),
        ("ΝΗЅ Ѕurrey Ηeartlands", "@x", "confusable_name", 0.95, 21),  # Greek Ν Η, Cyrillic Ѕ
        ("NHS Surrey Heartland", "@x", "lookalike_name", 0.8, 20),
        ("Jo", "@NHSSurreyHeartlandz", "lookalike_handle", 0.8, 20),
        ("NHS Surrey Heartlands", "@scammer99", "copied_name", 0.85, 21),
        ("NHS Surrey Heartlands Support", "@x", "contains_name", 0.6, 29),
        ("NHS Support Team", "@nhs_help", "generic_official_name", 0.5, 16),
    ],
)
def test_author_lookalikes(name: str, handle: str, kind: str, score: float, length: int) -> None:
    findings = [f for f in run(name, handle) if f.field == "author"]
    assert len(findings) == 1
    f = findings[0]
    assert (f.kind, f.score, f.start, f.end, f.category) == (kind, score, 0, length, "impersonation")
    assert ("handle" if kind.endswith("handle") else "display name") in f.explanation


@pytest.mark.parametrize(
    ("name", "handle"),
    [
        ("NHS Surrey Heartlands", "@NHSSurreyHeartlands"),  # the organisation itself
        ("Sarah", "@nhssurreyheartlands"),  # same handle, different case
        ("Jane Smith", "@janesmith"),
        ("Surrey Heartlands Fan Club", "@fans"),
        ("NHS", "@nhs_fan"),
        ("Dr Sarah Jones, NHS GP", "@drsarah"),
        (None, None),
    ],
)
def test_not_impersonation(name: str | None, handle: str | None) -> None:
    assert run(name, handle) == []


def test_organisation_itself_is_never_flagged_even_with_claims() -> None:
    assert run("NHS Surrey Heartlands", "@NHSSurreyHeartlands", "This is the official NHS Surrey Heartlands page") == []


def test_generic_name_asking_for_details_is_stronger() -> None:
    findings = run("NHS Support Team", "@nhs_help", "Please send us your NHS number to verify your booking")
    assert max(f.score for f in findings) == 0.75


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("This is the official NHS Surrey Heartlands page", 0.7),
        ("I am from the CCG, send me your details", 0.7),
        ("I'm calling from the NHS", 0.5),
    ],
)
def test_text_claims(text: str, score: float) -> None:
    findings = [f for f in run("Jane Smith", "@janes", text) if f.field == "text"]
    assert findings and max(f.score for f in findings) == score
    f = max(findings, key=lambda f: f.score)
    assert f.kind == "claims_organisation"
    assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize(
    "text",
    ["I work for the NHS and love my job", "The official figures are out", "Real shame the clinic closed"],
)
def test_text_without_claims(text: str) -> None:
    assert run("Jane Smith", "@janes", text) == []


def test_without_protected_names_only_text_and_generic_names_count() -> None:
    empty = AssessContext()
    assert run("NHS Surrey Heartlаnds", "@x", context=empty) == []
    assert run("NHS Helpdesk", "@x", context=empty)[0].kind == "generic_official_name"
