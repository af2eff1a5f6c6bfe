"""assess() isolates detectors: a crash or a runaway pattern never loses the item."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from steward.assess import assess
from steward.content import Action, ContentItem, Finding
from steward.decide import decide
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, compile_pattern, finditer
from steward.policy import load_pack

PACK = load_pack(Path(__file__).resolve().parents[1] / "data" / "mini_pack.yaml")


class Fake:
    version = "1.0"

    def __init__(self, name: str, behaviour: str) -> None:
        self.name = name
        self.behaviour = behaviour
        self.categories = frozenset({"abuse"})
        self.seen: list[int] = []

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        self.seen.append(len(item.text))
        if self.behaviour == "crash":
            raise RuntimeError("boom")
        if self.behaviour == "runaway":
            # catastrophic backtracking, stopped by the shared regex time box
            return [
                Finding("abuse", "x", 0, 1, 0.9, "runaway@1.0", "")
                for _ in finditer(compile_pattern(r"(a|aa)+$"), "a" * 5000 + "!")
            ]
        if self.behaviour == "bad-span":
            return [Finding("abuse", "x", 5, 10_000, 0.9, "bad@1.0", "out of range")]
        return [Finding("abuse", "insult", 0, 3, 0.8, "ok@1.0", "lexicon: 'git'")]


ITEM = ContentItem(id="i1", text="git, you are")


@pytest.mark.parametrize(
    ("behaviour", "timed_out"),
    [("crash", False), ("runaway", True), ("bad-span", False)],
)
def test_failing_detector_sends_item_to_review(behaviour: str, timed_out: bool) -> None:
    good = Fake("ok", "ok")
    bad = Fake("bad", behaviour)
    a = assess(ITEM, [bad, good])
    assert good.seen == [len(ITEM.text)], "the other detectors still run"
    assert len(a.failures) == 1 and a.failures[0].detector == "bad@1.0"
    assert a.failures[0].timed_out is timed_out
    assert [f.kind for f in a.findings] == ["insult"]
    d = decide(a, PACK)
    assert d.action is Action.HIDE  # the good detector's finding still counts
    assert "bad@1.0" in d.rationale


def test_only_failure_gives_review_not_allow() -> None:
    d = decide(assess(ITEM, [Fake("bad", "crash")]), PACK)
    assert d.action is Action.REVIEW


def test_regex_time_box_raises_timeout() -> None:
    with pytest.raises(TimeoutError):
        list(finditer(compile_pattern(r"(a|aa)+$"), "a" * 5000 + "!"))
    assert isinstance(compile_pattern("x"), regex.Pattern)


def test_overlong_text_is_capped_and_flagged() -> None:
    det = Fake("ok", "ok")
    item = ContentItem(id="long", text="a" * (MAX_TEXT_CHARS + 500))
    a = assess(item, [det])
    assert det.seen == [MAX_TEXT_CHARS]
    assert a.failures[0].detector == "assess"
    assert a.item is item  # the stored item keeps its whole text


def test_scores_cover_every_category_a_detector_can_report() -> None:
    a = assess(ContentItem(id="i", text="fine"), [Fake("ok", "crash")])
    assert dict(a.scores) == {"abuse": 0.0}
