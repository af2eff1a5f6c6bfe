"""``steward.scan.scan``: order, unreadable records, resumed ids, and working ahead (the accurate tier)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from steward.content import ContentItem
from steward.errors import RecordError
from steward.pipeline import Pipeline
from steward.policy import DEFAULT_INBOUND, get_pack
from steward.scan import ScanSummary, scan

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
TEXTS = [
    "Thank you to everyone on the maternity ward",
    "you are all useless idiots",
    "Call me on 07700 900123 about my mum's appointment",
    "WIN a FREE iPhone!!! click bit.ly/free-phone now",
    "I want to make a complaint about A&E waiting times",
    "i will find you and hurt you",
    "What time does the pharmacy open on Sunday?",
]


def _records() -> list[ContentItem | RecordError]:
    out: list[ContentItem | RecordError] = []
    for i, text in enumerate(TEXTS):
        out.append(ContentItem(id=f"c{i}", text=text))
        if i == 2:
            out.append(RecordError("comments.jsonl", 4, "not JSON"))
    return out


@pytest.fixture(scope="module")
def accurate() -> Pipeline:
    return Pipeline(get_pack(DEFAULT_INBOUND), tier="accurate")


@pytest.mark.parametrize("chunk", [1, 3, 32])
def test_working_ahead_changes_nothing_but_speed(
    accurate: Pipeline, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert accurate.prefetches
    monkeypatch.setattr("steward.scan.PREFETCH", chunk)
    told: list[list[str]] = []
    real = accurate.prefetch
    monkeypatch.setattr(accurate, "prefetch", lambda items: (told.append([i.id for i in items]), real(items)))
    summary = ScanSummary()
    got = [
        (s.item.id, s.decision.as_contract())
        for s in scan(_records(), accurate, summary, skip_ids=frozenset({"c5"}), now=NOW)
    ]
    context = accurate.batch()
    expected = [
        (f"c{i}", accurate.check(ContentItem(id=f"c{i}", text=t), context, now=NOW).as_contract())
        for i, t in enumerate(TEXTS)
        if i != 5
    ]
    assert got == expected  # same items, same order, same decisions as checking one by one
    assert [str(e) for e in summary.errors] == ["comments.jsonl:4: not JSON"] and summary.resumed == 1
    flat = [i for ids in told for i in ids]
    assert flat == [f"c{i}" for i in range(len(TEXTS)) if i != 5]  # each readable, unskipped item told once
    assert all(len(ids) <= chunk for ids in told)


def test_a_pipeline_that_cannot_work_ahead_reads_one_record_at_a_time() -> None:
    pipeline = Pipeline(get_pack(DEFAULT_INBOUND), tier="deterministic")
    assert not pipeline.prefetches
    pulled: list[int] = []

    def records():  # type: ignore[no-untyped-def]
        for i, text in enumerate(TEXTS):
            pulled.append(i)
            yield ContentItem(id=f"c{i}", text=text)

    stream = scan(records(), pipeline, ScanSummary(), now=NOW)
    next(stream)
    assert pulled == [0]  # streaming input (stdin) is answered as it arrives
