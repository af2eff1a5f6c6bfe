"""Due times in words, counted in working (monitored) time: evenings, weekends and bank holidays do not count."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from steward.policy import OrgCalendar
from steward.server.inbox.models import Channel, Organisation
from steward.server.inbox.services.clocks import calendar_for, due_status, item_due, span
from tests.server.factories import TEXTS, make_item

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.fixture
def calendar(org: Organisation) -> OrgCalendar:
    return calendar_for(org)


CASES = [
    # due                 now                   minutes  overdue  label
    ("2026-08-24T09:55", "2026-08-24T09:30", 25, False, "due in 25 working minutes"),
    ("2026-08-24T09:55", "2026-08-24T09:54", 1, False, "due in 1 working minute"),
    ("2026-08-24T09:55", "2026-08-21T16:30", 55, False, "due in 55 working minutes"),  # the weekend is free
    ("2026-09-01T09:55", "2026-08-31T12:00", 55, False, "due in 55 working minutes"),  # so is a bank holiday
    ("2026-08-24T15:00", "2026-08-24T09:00", 360, False, "due in 6 working hours"),
    ("2026-08-24T09:55", "2026-08-24T09:55", 0, False, "due now"),
    ("2026-08-24T09:55", "2026-08-24T11:55", -120, True, "overdue by 2 working hours"),
    ("2026-08-24T09:55", "2026-08-24T10:05", -10, True, "overdue by 10 working minutes"),
    ("2026-08-24T09:55", "2026-08-24T10:54", -59, True, "overdue by 59 working minutes"),
    ("2026-08-21T15:55", "2026-08-25T09:30", -455, True, "overdue by 1 working day"),  # 5 + 420 + 30 minutes
    ("2026-08-17T10:00", "2026-08-21T10:00", -1680, True, "overdue by 4 working days"),
    ("2026-08-21T15:59", "2026-08-21T18:00", -1, True, "overdue by 1 working minute"),
    ("2026-08-21T16:00", "2026-08-21T18:00", 0, True, "overdue"),  # past due, no working time since
]


@pytest.mark.parametrize(("due", "now", "minutes", "overdue", "label"), CASES)
def test_due_status_in_working_time(
    calendar: OrgCalendar, due: str, now: str, minutes: int, overdue: bool, label: str
) -> None:
    status = due_status(at(due), calendar, at(now))
    assert (status.minutes, status.overdue, status.label) == (minutes, overdue, label)


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (0, "0 working minutes"),
        (1, "1 working minute"),
        (-59, "59 working minutes"),
        (60, "1 working hour"),
        (419, "6 working hours"),
        (420, "1 working day"),
        (840, "2 working days"),
    ],
)
def test_span_in_words(minutes: int, words: str) -> None:
    assert span(minutes, 420) == words


def test_an_item_shows_its_due_status_until_it_is_answered(facebook: Channel, calendar: OrgCalendar) -> None:
    with time_machine.travel(at("2026-08-21T15:55"), tick=False):
        item = make_item(facebook, TEXTS["political"])
    status = item_due(item, calendar, at("2026-08-24T09:30"))
    assert status is not None and status.label == "due in 25 working minutes"
    item.responded_at = at("2026-08-24T09:31")
    assert item_due(item, calendar, at("2026-08-24T10:30")) is None
    done = make_item(facebook, TEXTS["fine"])
    assert done.due_at is None and item_due(done, calendar) is None
