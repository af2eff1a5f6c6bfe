"""confidential (SMP 7.3.1, 7.6.4): the organisation's business marked or described as not public."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext
from steward.detectors.confidential import ConfidentialDetector

DET = ConfidentialDetector()


def run(text: str) -> list[Finding]:
    findings = DET.detect(ContentItem("d1", text), AssessContext())
    for f in findings:
        assert f.category == "confidential" and f.fix and f.explanation
        assert 0 <= f.start < f.end <= len(text)
    return findings


def top(text: str) -> float:
    return max((f.score for f in run(text)), default=0.0)


@pytest.mark.parametrize(
    "text",
    [
        "Confidential: the board is looking at merging the two community contracts next year.",
        "This hasn't been announced yet but the Keighley practice is closing in June.",
        "Sneak peek at our unpublished financial recovery plan 👀 £9m of savings needed",
        "From the part 2 session of the governing body: the diagnostics tender is being scrapped.",
        "Internal only, but here's the slide on next year's commissioning strategy.",
        "Off the record, the preferred bidder has already been chosen.",
        "Embargoed until 10am: new hub opening confirmed",
        "Don't share this yet, but the restructure consultation starts Monday and 40 posts are at risk.",
        "I shouldn't really say, but the deficit is worse than the papers show.",
        "C0nfidential: the contract value is £12m",  # disguised
        "Ｃｏｎｆｉｄｅｎｔｉａｌ: the bidder scores",  # fullwidth
        "Not\u200b yet announced: the practice merger",  # zero-width space
    ],
)
def test_marked_not_public(text: str) -> None:
    assert top(text) >= 0.5, run(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our annual report and accounts are published today: read how we spent the budget.",
        "Board papers, including the finance report, are on our website ahead of Thursday's public meeting.",
        "We're inviting tenders for community audiology; details are on Contracts Finder.",
        "Have your say on our new strategy: the public consultation closes on 1 March.",
        "Confidentiality matters: complete your IG training by 31 March.",
        "Need to talk? Our free, confidential helpline is open 24/7.",
        "Confidential support is available for staff through the Employee Assistance Programme.",
        "A new agreement between us and the council means more joined-up care.",
        "We're not out of the woods yet, but A&E waits fell again this month.",
        "",
    ],
)
def test_public_business_is_fine(text: str) -> None:
    assert top(text) < 0.5, run(text)


def test_marker_without_business_is_only_a_weak_signal() -> None:
    assert 0.3 <= top("Between us, I've eaten all the biscuits.") < 0.5


def test_fix_quotes_the_marker() -> None:
    (f, *_) = run("Not yet announced: the budget for 2027 is £1.1bn")
    assert "Not yet announced" in f.fix and "7.3.1" in f.fix


@pytest.mark.parametrize("text", ["confidential " * 5000, "between us, " * 3000 + "budget"])
def test_hostile_input_is_handled(text: str) -> None:
    run(text)
