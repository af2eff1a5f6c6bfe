"""speaking_on_behalf (SMP 7.3.9, 7.6.2): personal accounts must not speak for the CCG."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Direction, Finding
from steward.detectors.base import AssessContext
from steward.detectors.speaking_on_behalf import SpeakingOnBehalfDetector

DET = SpeakingOnBehalfDetector()
CTX = AssessContext(protected_names=("NHS Bradford District and Craven CCG",))


def run(text: str, account: str = "personal", post: str | None = None) -> list[Finding]:
    item = ContentItem("d1", text, post=post, direction=Direction.OUTBOUND, extra={"account": account})
    findings = DET.detect(item, CTX)
    for f in findings:
        assert f.category == "speaking_on_behalf" and "7.3.9" in f.fix
        assert 0 <= f.start < f.end <= len(text)
    return findings


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("On behalf of NHS Bradford District and Craven CCG, thank you to every volunteer.", None),
        ("Speaking on behalf of the CCG: we are reviewing the decision.", None),
        ("OFFICIAL STATEMENT: the Keighley hub will open in May.", None),
        ("We at the CCG will not be commenting on the leaked report.", None),
        ("I work at the CCG and I can confirm the clinic stays open.", None),
        ("As the CCG's communications officer, this article is wrong.", "Local paper: clinic to shut, say sources"),
    ],
)
def test_found(text: str, post: str | None) -> None:
    (f,) = run(text, post=post)
    assert f.score >= 0.5


@pytest.mark.parametrize(
    ("text", "account", "post"),
    [
        ("On behalf of the CCG, thank you to every volunteer.", "corporate", None),
        ("Great news from @NHSBradfordDC: the hub opens in May. Views my own.", "personal", None),
        ("I can confirm I've booked my flu jab!", "personal", None),
        ("The article is wrong about parking, it's free after 6pm.", "personal", "Hospital parking charges rise"),
        ("I work at the CCG. Lovely day for a walk.", "personal", None),
        ("", "personal", None),
    ],
)
def test_not_found(text: str, account: str, post: str | None) -> None:
    assert run(text, account, post) == []
