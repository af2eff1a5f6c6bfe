"""Political detector: parties, politicians, candidates, voting appeals; ambiguous words are not political."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext
from steward.detectors.political import PoliticalDetector

DET = PoliticalDetector()


def run(text: str, candidates: tuple[str, ...] = ()) -> list[Finding]:
    findings = list(DET.detect(ContentItem("p1", text), AssessContext(candidate_names=candidates)))
    for f in findings:
        assert f.category == "political"
        assert 0 <= f.start < f.end <= len(text)
        assert f.explanation
    return findings


def top(text: str, candidates: tuple[str, ...] = ()) -> float:
    return max((f.score for f in run(text, candidates)), default=0.0)


@pytest.mark.parametrize(
    ("text", "kind", "minimum"),
    [
        ("Vote Labour on Thursday!", "voting_appeal", 0.85),
        ("#VoteLabour", "voting_appeal", 0.85),
        ("Tories out! They wrecked the NHS", "partisan", 0.85),
        ("vote them out", "voting_appeal", 0.85),
        ("don't vote for Reform UK", "voting_appeal", 0.85),
        ("Support the Green Party in May", "party", 0.85),
        ("Vote Lib Dem", "voting_appeal", 0.85),
        ("vote SNP", "voting_appeal", 0.85),
        ("Plaid Cymru would do better", "party", 0.5),
        ("Sinn Féin have a plan", "party", 0.5),
        ("Labour have ruined the NHS", "party", 0.5),
        ("labour government cuts", "party", 0.5),
        ("the Conservatives cut funding", "party", 0.5),
        ("Starmer promised more GPs", "politician", 0.5),
        ("Farage was right", "politician", 0.5),
        ("V0te T0ry", "voting_appeal", 0.85),
        ("vоte lаbour", "voting_appeal", 0.85),  # Cyrillic о and а
    ],
)
def test_political_found(text: str, kind: str, minimum: float) -> None:
    findings = run(text)
    assert any(f.kind == kind for f in findings), findings
    assert top(text) >= minimum


@pytest.mark.parametrize(
    "text",
    [
        "My wife was in labour for 20 hours",
        "the labour ward staff were amazing",
        "she went into labour early",
        "labour pains started at 3am",
        "the green walls in the ward",
        "NHS reform is needed",
        "a conservative estimate is 3 hours",
        "the alliance between the two trusts",
        "vote for your favourite nurse in the awards",
        "Thank you to the maternity team",
    ],
)
def test_not_political(text: str) -> None:
    assert top(text) == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "The Government should fund more nurses",
        "the health secretary needs to sort out A&E waits",
        "ministers keep promising more beds",
    ],
)
def test_government_mentions_score_low(text: str) -> None:
    score = top(text)
    assert 0.25 <= score <= 0.4
    assert all(f.kind == "government" for f in run(text))


def test_candidate_names_from_context() -> None:
    assert top("Jane Smith will fix the hospital", ("Jane Smith",)) >= 0.6
    assert top("vote for Jane Smith", ("Jane Smith",)) >= 0.85
    assert top("Jane Smith will fix the hospital") == 0.0
