"""Discrimination in staff drafts (reported as hate; SMP 7.3.3, section 10)."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext
from steward.detectors.discrimination import DiscriminationDetector

DET = DiscriminationDetector()


def run(text: str) -> list[Finding]:
    findings = DET.detect(ContentItem("d1", text), AssessContext())
    for f in findings:
        assert f.category == "hate" and f.kind == "discrimination" and f.fix
        assert 0 <= f.start < f.end <= len(text)
    return findings


@pytest.mark.parametrize(
    "text",
    [
        "We should only be recruiting English nurses from now on.",
        "Stop sending us any more Polish patients, it's a nightmare.",
        "Yet another locum who can't even speak English.",
        "She's pregnant again, typical 🙄",
        "That's why you don't hire young women into senior roles.",
        "Half the team are old fogeys who should be pensioned off.",
        "Asian patients never turn up to their appointments.",
        "Trans staff are always causing problems in the changing rooms.",
        "Enough of this woke nonsense at work.",
    ],
)
def test_found(text: str) -> None:
    assert run(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Ramadan Mubarak to our Muslim colleagues and communities.",
        "Happy Pride to our LGBTQ+ staff network!",
        "Our interpreters support patients who don't speak English, including in Polish and Urdu.",
        "Breast screening is offered to women aged 50 to 71.",
        "You're never too old to learn to swim: free sessions for over-60s.",
        "We're hiring nurses! Applications from all backgrounds are welcome.",
        "Disabled patients can always ask for a longer appointment.",
        "",
    ],
)
def test_not_found(text: str) -> None:
    assert run(text) == []


def test_fix_quotes_the_span_and_cites_the_equality_clauses() -> None:
    (f,) = run("Don't book any more Jewish patients on Saturdays.")
    assert "7.3.3" in f.fix and "section 10" in f.fix and "Jewish patients" in f.fix


def test_hostile_input_is_handled() -> None:
    assert len(run("only hire british " * 3000)) <= 20
