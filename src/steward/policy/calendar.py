"""The organisation's clock: monitored hours, England and Wales bank holidays, pre-election periods.

Response targets count only monitored minutes: at a Mon–Fri 09:00–16:00 organisation, an item arriving on
Friday at 15:55 with a one-hour target is due on Monday at 09:55 (Tuesday if Monday is a bank holiday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from steward.policy.schema import WEEKDAYS, MonitoredHours, PolicyPack, PreElectionPeriod

#: A search bound: no realistic calendar has a year without a monitored minute.
_MAX_DAYS_AHEAD = 400


@cache
def _bank_holidays(region: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv=region, years=year).keys())


@dataclass(frozen=True, slots=True)
class OrgCalendar:
    hours: MonitoredHours
    zone: ZoneInfo
    pre_election: tuple[PreElectionPeriod, ...] = ()

    @classmethod
    def for_pack(cls, pack: PolicyPack) -> OrgCalendar:
        return cls(pack.monitored_hours, ZoneInfo(pack.timezone), pack.pre_election_periods)

    def local(self, moment: datetime) -> datetime:
        """The moment in the organisation's zone; naive datetimes are taken as already local."""
        if moment.tzinfo is None:
            return moment.replace(tzinfo=self.zone)
        return moment.astimezone(self.zone)

    def is_bank_holiday(self, day: date) -> bool:
        return day in _bank_holidays(self.hours.bank_holiday_region, day.year)

    def is_working_day(self, day: date) -> bool:
        if WEEKDAYS[day.weekday()] not in self.hours.days:
            return False
        return not (self.hours.exclude_bank_holidays and self.is_bank_holiday(day))

    def is_monitored(self, moment: datetime) -> bool:
        t = self.local(moment)
        return self.is_working_day(t.date()) and self.hours.start <= t.time() < self.hours.end

    def _window(self, day: date) -> tuple[datetime, datetime]:
        start = datetime.combine(day, self.hours.start, tzinfo=self.zone)
        end = datetime.combine(day, self.hours.end, tzinfo=self.zone)
        return start, end

    def next_monitored_start(self, moment: datetime) -> datetime:
        """The first monitored instant at or after ``moment``."""
        t = self.local(moment)
        for offset in range(_MAX_DAYS_AHEAD):
            day = t.date() + timedelta(days=offset)
            if not self.is_working_day(day):
                continue
            start, end = self._window(day)
            if offset == 0 and t >= end:
                continue
            return max(start, t) if offset == 0 else start
        raise ValueError("no monitored hours within a year; check the pack's monitored_hours")

    def add_monitored(self, moment: datetime, minutes: int) -> datetime:
        """The instant ``minutes`` monitored minutes after ``moment`` (the response due time)."""
        remaining = timedelta(minutes=minutes)
        cursor = self.next_monitored_start(moment)
        for _ in range(_MAX_DAYS_AHEAD):
            _, end = self._window(cursor.date())
            available = end - cursor
            if remaining <= available:
                return cursor + remaining
            remaining -= available
            cursor = self.next_monitored_start(end)
        raise ValueError("response target too long for the monitored calendar")

    def due(self, arrived: datetime) -> datetime:
        return self.add_monitored(arrived, self.hours.response_target_minutes)

    def monitored_minutes_between(self, start: datetime, end: datetime) -> int:
        """Monitored minutes from ``start`` to ``end`` (negative when end is earlier)."""
        if end < start:
            return -self.monitored_minutes_between(end, start)
        a, b = self.local(start), self.local(end)
        total = timedelta()
        day = a.date()
        while day <= b.date():
            if self.is_working_day(day):
                w_start, w_end = self._window(day)
                lo, hi = max(w_start, a), min(w_end, b)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return int(total.total_seconds() // 60)

    def pre_election_period(self, moment: datetime) -> PreElectionPeriod | None:
        """The pre-election period (purdah) the moment falls in, judged by the local date."""
        day = self.local(moment).date()
        for period in self.pre_election:
            if period.start <= day <= period.end:
                return period
        return None
