"""defamation in staff drafts (SMP 7.3.1, 7.3.8): derogatory opinions and allegations about the CCG or colleagues."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext
from steward.detectors.derogatory import DerogatoryDetector

DET = DerogatoryDetector()
CTX = AssessContext(protected_names=("NHS Bradford District and Craven CCG",))


def run(text: str) -> list[Finding]:
    findings = DET.detect(ContentItem("d1", text), CTX)
    for f in findings:
        assert f.category == "defamation" and f.fix and f.explanation
        assert 0 <= f.start < f.end <= len(text)
    return findings


def best(text: str) -> tuple[str, float] | None:
    found = run(text)
    if not found:
        return None
    f = max(found, key=lambda f: f.score)
    return f.kind, f.score


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Our finance director has been cooking the books, mark my words.", "allegation"),
        ("The board buried the report on the cancer waiting times.", "allegation"),
        ("The CCG's chair took bribes from a care home chain.", "allegation"),
        ("My manager lied to the whole team about our contracts.", "allegation"),
        ("NHS Bradford District and Craven CCG is a total shambles.", "derogatory"),
        ("Senior management are completely clueless about frontline work.", "derogatory"),
        ("Our leadership couldn't run a bath. Embarrassing.", "derogatory"),
        ("This organisation wasted £2m on consultants.", "derogatory"),
    ],
)
def test_found(text: str, kind: str) -> None:
    found = best(text)
    assert found is not None and found[0] == kind, run(text)
    assert found[1] >= (0.8 if kind == "allegation" else 0.5)


@pytest.mark.parametrize(
    "text",
    [
        "We got it wrong with the booking system and we're sorry.",
        "Government cuts to public health are a disgrace.",  # political, not about the CCG
        "Waiting lists are still too long; the team is working hard on them.",
        "The patient lied about his age to get a flu jab, bless him.",
        "My director was lying in bed with flu all week.",
        "Proud of our leadership team for a brilliant year.",
        "",
    ],
)
def test_not_found(text: str) -> None:
    assert best(text) is None, run(text)


def test_fix_points_to_whistleblowing_for_allegations() -> None:
    (f,) = [f for f in run("The CEO lied to staff.") if f.kind == "allegation"]
    assert "Whistleblowing" in f.fix and "lied to" in f.fix


@pytest.mark.parametrize("text", ["the ccg is a joke. " * 2000, "." * 20000])
def test_hostile_input_is_handled(text: str) -> None:
    run(text)
