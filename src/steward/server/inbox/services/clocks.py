"""How long an item has left, in the organisation's working (monitored) time: "due in 25 working minutes",
"overdue by 2 working hours". Evenings, weekends and bank holidays do not count, so an item that arrived on
Friday evening is not "overdue" on Monday at 09:01.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from steward.policy import OrgCalendar
from steward.server.inbox.models import Item, Organisation
from steward.server.inbox.services.sanctions import inbound_pack


def calendar_for(org: Organisation | None = None) -> OrgCalendar:
    """The monitored-hours calendar of the organisation's active inbound pack."""
    return OrgCalendar.for_pack(inbound_pack(org))


@dataclass(frozen=True, slots=True)
class DueStatus:
    minutes: int  # working minutes until due (negative when overdue)
    overdue: bool
    label: str  # "due in 25 working minutes", "overdue by 2 working hours", "due now"


def _plural(n: int, word: str) -> str:
    return f"{n} working {word}{'' if n == 1 else 's'}"


def span(minutes: int, day_minutes: int) -> str:
    """A length of working time in words: minutes under an hour, hours under a working day, else days."""
    minutes = abs(minutes)
    if minutes < 60:
        return _plural(minutes, "minute")
    if day_minutes <= 0 or minutes < day_minutes:
        return _plural(minutes // 60, "hour")
    return _plural(minutes // day_minutes, "day")


def _day_minutes(calendar: OrgCalendar) -> int:
    start, end = calendar.hours.start, calendar.hours.end
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def due_status(due_at: datetime, calendar: OrgCalendar, now: datetime | None = None) -> DueStatus:
    """Where ``due_at`` stands against ``now`` in monitored minutes."""
    now = now or timezone.now()
    minutes = calendar.monitored_minutes_between(now, due_at)
    if now > due_at:
        overdue = abs(minutes)
        if overdue == 0:  # past due, but no working time has gone by since (e.g. due at 16:00, now 18:00)
            return DueStatus(0, True, "overdue")
        return DueStatus(-overdue, True, f"overdue by {span(overdue, _day_minutes(calendar))}")
    if minutes == 0:
        return DueStatus(0, False, "due now")
    return DueStatus(minutes, False, f"due in {span(minutes, _day_minutes(calendar))}")


def item_due(item: Item, calendar: OrgCalendar, now: datetime | None = None) -> DueStatus | None:
    """The item's due status; None when it has no due time or has been responded to."""
    if item.due_at is None or item.responded_at is not None:
        return None
    return due_status(item.due_at, calendar, now)
