"""political in staff drafts: partisan opinion always needs changes; elected representatives only in purdah."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext
from steward.detectors.staff_political import StaffPoliticalDetector

DET = StaffPoliticalDetector()
OUTSIDE, INSIDE = 0.6, 0.4  # the pack's min_score outside and inside a pre-election period


def run(text: str, candidates: tuple[str, ...] = ()) -> list[Finding]:
    findings = DET.detect(ContentItem("d1", text), AssessContext(candidate_names=candidates))
    for f in findings:
        assert f.category == "political" and f.fix and f.explanation
        assert 0 <= f.start < f.end <= len(text)
    return findings


def top(text: str, candidates: tuple[str, ...] = ()) -> float:
    return max((f.score for f in run(text, candidates)), default=0.0)


@pytest.mark.parametrize(
    "text",
    [
        "The Conservatives have gutted community services for a decade.",
        "Labour would wreck the NHS with their plans.",
        "Proud to be a member of the Green Party, out canvassing in Shipley tonight!",
        "Vote Lib Dem on Thursday!",
        "The Government's cuts to social care are shameful.",
        "Reform UK can't be trusted with the NHS.",
    ],
)
def test_partisan_needs_changes_at_any_time(text: str) -> None:
    assert top(text) >= OUTSIDE, run(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Imran Hussain MP for visiting our Manningham clinic.",
        "Councillor Jenkins cut the ribbon at the new hub.",
        "Cllr. Ali joined our health fair today.",
        "Our local MP dropped in to see the vaccine team.",
    ],
)
def test_elected_representatives_only_count_in_purdah(text: str) -> None:
    assert INSIDE <= top(text) < OUTSIDE, run(text)


def test_candidates_from_the_pack_count_in_purdah() -> None:
    assert top("Great to see Sam Smith at the health fair", ("Sam Smith",)) >= INSIDE


@pytest.mark.parametrize(
    "text",
    [
        "The Government has announced £20m for a new diagnostic centre in Bradford.",
        "We are in the pre-election period before the local elections on 6 May.",
        "The Health Secretary visited Bradford Royal Infirmary today.",
        "Labour ward staff at Airedale were brilliant.",
        "Green space matters for mental health.",
        "The Prime Minister's speech on the NHS is on the BBC tonight.",
        "",
    ],
)
def test_information_is_not_political(text: str) -> None:
    assert top(text) < INSIDE, run(text)


def test_hostile_input_is_handled() -> None:
    run("Vote Labour! " * 2000)
