"""Complaint and urgent-medical detectors."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.intent import ComplaintDetector, UrgentMedicalDetector

COMPLAINT = ComplaintDetector()
URGENT = UrgentMedicalDetector()


def best(detector: Detector, text: str) -> Finding | None:
    findings = list(detector.detect(ContentItem("i1", text), AssessContext()))
    return max(findings, key=lambda f: f.score) if findings else None


@pytest.mark.parametrize("detector", [COMPLAINT, URGENT])
def test_protocol(detector: Detector) -> None:
    assert isinstance(detector, Detector)
    assert detector.categories == frozenset({detector.name})


@pytest.mark.parametrize(
    ("text", "kind", "score"),
    [
        ("I want to make a complaint", "complaint_intent", 0.9),
        ("How do I complain about the GP?", "complaint_intent", 0.9),
        ("I'm going to report this", "complaint_intent", 0.9),
        ("We have already lodged a formal complaint", "complaint_intent", 0.9),
        ("I'll be going to the ombudsman", "complaint_intent", 0.9),
        ("my dad was left for 12 hours without food", "care_concern", 0.7),
        ("nobody has called me back about my referral", "care_concern", 0.7),
        ("appalling treatment of my mother on ward 7", "care_concern", 0.7),
        ("They cancelled my operation three times", "care_concern", 0.7),
        ("still waiting for my test results after 6 weeks", "care_concern", 0.7),
        ("the receptionist was so rude", "care_concern", 0.7),
        ("this is an absolute joke", "dissatisfaction", 0.4),
        ("I w@nt to m4ke a c0mplaint", "complaint_intent", 0.9),
    ],
)
def test_complaint_positive(text: str, kind: str, score: float) -> None:
    f = best(COMPLAINT, text)
    assert f is not None, text
    assert (f.kind, f.score, f.category) == (kind, score, "complaint")
    assert f.detector == "complaint_lexicon@1.0"


@pytest.mark.parametrize(
    "text",
    [
        "The NHS is great",
        "The staff on ward 7 were brilliant, thank you so much",
        "Had my booster today, quick and painless",
        "me and my pals went to the vaccine bus",
        "Thanks for the reminder about the flu jab",
        "What are the opening hours of the walk-in centre?",
        "Nurses deserve a proper pay rise",
    ],
)
def test_complaint_negative(text: str) -> None:
    assert best(COMPLAINT, text) is None


@pytest.mark.parametrize(
    ("text", "min_score", "evidence"),
    [
        ("my husband has chest pain and can't breathe", 0.9, "chest pain"),
        ("I think I'm having a stroke", 0.9, "stroke"),
        ("baby has a high fever and won't wake up", 0.9, "wake up"),
        ("I've taken too many paracetamol", 0.9, "paracetamol"),
        ("my son is struggling to breathe and I can't get through to 111", 0.9, "breathe"),
        ("she's not breathing please help", 0.9, "breathing"),
        ("my daughter's lips are swelling after eating nuts", 0.9, "swelling"),
        ("need urgent help", 0.85, "urgent help"),
        ("he's collapsed in the kitchen", 0.9, "collapsed"),
        ("severe bleeding, please help now", 0.6, "bleeding"),
        ("anaphylaxis", 0.4, "anaphylaxis"),
        ("my dad is unresponsive", 0.9, "unresponsive"),
    ],
)
def test_urgent_positive(text: str, min_score: float, evidence: str) -> None:
    f = best(URGENT, text)
    assert f is not None, text
    assert f.score >= min_score and f.category == "urgent_medical"
    assert evidence in text[f.start : f.end]


@pytest.mark.parametrize(
    "text",
    [
        "What are the urgent care centre opening hours?",
        "May is stroke awareness month",
        "last year I had a stroke and the staff were brilliant",
        "my husband had chest pain in 2019 and the paramedics were amazing",
        "unconscious bias training for all staff",
        "the booking website is not responding",
        "I took all my kids to the park",
        "Know the signs of sepsis: join our webinar",
    ],
)
def test_urgent_negative(text: str) -> None:
    f = best(URGENT, text)
    assert f is None or f.score < 0.5, (text, f)


def test_emergency_term_context() -> None:
    bare = best(URGENT, "possible sepsis")
    urgent_now = best(URGENT, "I think it's sepsis, please help!!")
    history = best(URGENT, "I had sepsis two years ago")
    assert bare is not None and urgent_now is not None
    assert urgent_now.score > bare.score
    assert history is None
