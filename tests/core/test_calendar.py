"""Monitored-hours clock: working minutes, England and Wales bank holidays, BST, pre-election windows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from steward.policy import OrgCalendar, load_pack

LONDON = ZoneInfo("Europe/London")
PACK = load_pack(Path(__file__).resolve().parents[1] / "data" / "mini_pack.yaml")  # Mon–Fri 09:00–16:00, 60 min
CAL = OrgCalendar.for_pack(PACK)


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("arrived", "due", "why"),
    [
        (at(2026, 11, 13, 15, 55), at(2026, 11, 16, 9, 55), "Friday 15:55 → Monday 09:55"),
        (at(2026, 5, 22, 15, 55), at(2026, 5, 26, 9, 55), "Monday 25 May 2026 is a bank holiday → Tuesday"),
        (at(2026, 11, 16, 10, 0), at(2026, 11, 16, 11, 0), "inside hours: one hour later"),
        (at(2026, 11, 16, 7, 30), at(2026, 11, 16, 10, 0), "before opening: clock starts at 09:00"),
        (at(2026, 11, 16, 16, 0), at(2026, 11, 17, 10, 0), "at closing time: next morning"),
        (at(2026, 11, 14, 12, 0), at(2026, 11, 16, 10, 0), "Saturday: Monday 10:00"),
        (at(2026, 12, 24, 15, 30), at(2026, 12, 29, 9, 30), "Christmas, Boxing Day substitute Monday 28th"),
        (at(2026, 10, 23, 15, 55), at(2026, 10, 26, 9, 55), "clocks go back on Sunday: still 09:55 local"),
        (at(2026, 4, 2, 15, 30), at(2026, 4, 7, 9, 30), "Good Friday and Easter Monday 2026"),
    ],
)
def test_due_time(arrived: datetime, due: datetime, why: str) -> None:
    assert CAL.due(arrived) == due, why


def test_utc_input_is_converted() -> None:
    # 14:55 UTC in British Summer Time is 15:55 local on a Friday.
    arrived = datetime(2026, 6, 12, 14, 55, tzinfo=UTC)
    assert CAL.due(arrived) == at(2026, 6, 15, 9, 55)


@pytest.mark.parametrize(
    ("moment", "monitored"),
    [
        (at(2026, 11, 16, 9, 0), True),
        (at(2026, 11, 16, 8, 59), False),
        (at(2026, 11, 16, 15, 59), True),
        (at(2026, 11, 16, 16, 0), False),
        (at(2026, 11, 15, 12, 0), False),  # Sunday
        (at(2026, 8, 31, 12, 0), False),  # summer bank holiday (England and Wales)
        (at(2026, 8, 3, 12, 0), True),  # Scotland's summer holiday is not England's
    ],
)
def test_is_monitored(moment: datetime, monitored: bool) -> None:
    assert CAL.is_monitored(moment) is monitored


def test_minutes_between_skips_nights_weekends_and_holidays() -> None:
    assert CAL.monitored_minutes_between(at(2026, 11, 13, 15, 0), at(2026, 11, 16, 10, 0)) == 120
    assert CAL.monitored_minutes_between(at(2026, 11, 16, 10, 0), at(2026, 11, 13, 15, 0)) == -120
    assert CAL.monitored_minutes_between(at(2026, 5, 22, 15, 0), at(2026, 5, 26, 9, 30)) == 90


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 5, 24), None),
        (date(2024, 5, 25), "General election 2024"),
        (date(2024, 7, 4), "General election 2024"),
        (date(2024, 7, 5), None),
    ],
)
def test_pre_election_window_is_inclusive(day: date, name: str | None) -> None:
    period = CAL.pre_election_period(datetime.combine(day, time(12), tzinfo=LONDON))
    assert (period.name if period else None) == name


def test_naive_times_are_local() -> None:
    assert CAL.is_monitored(datetime(2026, 11, 16, 9, 30))
