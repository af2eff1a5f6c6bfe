"""unmarked_amendment (SMP 7.3.6): an edited post must say it was amended; the fix names what changed."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Direction, Finding
from steward.detectors.amendment import UnmarkedAmendmentDetector, changes
from steward.detectors.base import AssessContext

DET = UnmarkedAmendmentDetector()
ORIGINAL = "Our Skipton flu clinic is on Monday 6 October, 10am to 2pm."


def run(text: str, amends: str | None = ORIGINAL) -> list[Finding]:
    extra = {"amends": amends} if amends is not None else {}
    findings = DET.detect(ContentItem("d1", text, direction=Direction.OUTBOUND, extra=extra), AssessContext())
    for f in findings:
        assert f.category == "unmarked_amendment" and "7.3.6" in f.fix
        assert 0 <= f.start < f.end <= len(text)
    return findings


@pytest.mark.parametrize(
    "text",
    [
        "Our Skipton flu clinic is on Tuesday 7 October, 10am to 2pm.",
        "Our Skipton flu clinic is on Monday 6 October, 10am to 4pm.",
        "Updated times for our Skipton flu clinic: Monday 6 October, 10am to 4pm.",  # "Updated times" is no marker
        "Our Skipton flu clinic is on Monday 6 October, 10am to 2pm. Bring your NHS number.",
    ],
)
def test_unmarked(text: str) -> None:
    (f,) = run(text)
    assert f.score >= 0.5 and text[f.start : f.end]


def test_fix_names_the_change() -> None:
    (f,) = run("Our Skipton flu clinic is on Tuesday 7 October, 10am to 2pm.")
    assert "“Monday 6” → “Tuesday 7”" in f.fix


@pytest.mark.parametrize(
    ("text", "amends"),
    [
        ("AMENDED: our Skipton flu clinic is on Tuesday 7 October, 10am to 2pm.", ORIGINAL),
        ("Our Skipton flu clinic is on Tuesday 7 October (edited: we said Monday).", ORIGINAL),
        ("Correction: the clinic is on Tuesday 7 October, not Monday as we posted earlier.", ORIGINAL),
        ("Our Skipton flu clinic is on Tuesday 7 October. [Updated]", ORIGINAL),
        ("Our Skipton flu clinic is on Tuesday 7 October, 10am to 2pm. This post has been updated.", ORIGINAL),
        ("our skipton flu clinic is on monday 6 october, 10am to 2pm", ORIGINAL),  # case and punctuation only
        ("Our Skipton flu clinic is on Tuesday 7 October.", None),  # a new post
        ("Our Skipton flu clinic is on Tuesday 7 October.", "   "),
    ],
)
def test_marked_or_not_an_amendment(text: str, amends: str | None) -> None:
    assert run(text, amends) == []


def test_amending_by_id_without_a_marker() -> None:
    (f,) = run("Clinic moved to Tuesday.", amends="post-4412")
    assert f.score >= 0.5


def test_changes_lists_each_run() -> None:
    assert [(a, b) for a, b, _, _ in changes("a b c d", "a x c y")] == [("b", "x"), ("d", "y")]


def test_hostile_input_is_handled() -> None:
    run("word " * 20_000, amends="other " * 20_000)
