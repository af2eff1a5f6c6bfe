"""Strikes within the pack's window recommend warn, hide all, then block_author."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from steward.policy.schema import Sanctions
from steward.sanctions import StrikeLedger, recommend

RULES = Sanctions(strike_window_days=90, warn_at=1, hide_all_at=2, block_at=3)
T0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("strikes", "expected"),
    [(0, None), (1, "warn"), (2, "hide_all"), (3, "block_author"), (7, "block_author")],
)
def test_recommend(strikes: int, expected: str | None) -> None:
    got = recommend(strikes, RULES)
    assert (got.recommended if got else None) == expected


def test_strikes_outside_the_window_expire() -> None:
    ledger = StrikeLedger(RULES)
    assert ledger.record("fb:1", T0).recommended == "warn"  # type: ignore[union-attr]
    assert ledger.record("fb:1", T0 + timedelta(days=10)).recommended == "hide_all"  # type: ignore[union-attr]
    third = ledger.record("fb:1", T0 + timedelta(days=95))  # the first has expired
    assert third is not None and third.recommended == "hide_all" and third.strikes == 2
    fourth = ledger.record("fb:1", T0 + timedelta(days=96))
    assert fourth is not None and fourth.recommended == "block_author"


def test_authors_are_counted_separately() -> None:
    ledger = StrikeLedger(RULES)
    for _ in range(3):
        ledger.record("fb:a", T0)
    b = ledger.record("fb:b", T0)
    assert b is not None and b.strikes == 1
