"""The dashboard's numbers: volumes by day and channel, actions by clause, response times against the
monitored-hours target, and overdue items now. Plain frozen values; the charts and the CSV are drawn from them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from steward.policy import OrgCalendar
from steward.server.inbox.models import ActionKind, Item, ModeratorAction, Queue

LONDON = ZoneInfo("Europe/London")
#: Response-time buckets in working minutes: (upper bound, label). The target is marked separately.
BUCKETS: tuple[tuple[int | None, str], ...] = (
    (15, "≤ 15 min"),
    (30, "≤ 30 min"),
    (60, "≤ 1 hour"),
    (120, "≤ 2 hours"),
    (240, "≤ 4 hours"),
    (420, "≤ 1 day"),
    (None, "longer"),
)
MAX_RESPONSES = 5000
#: Actions that are a decision about the content (not bookkeeping such as claims and notes).
DECIDING = (
    ActionKind.APPROVE,
    ActionKind.HIDE,
    ActionKind.RESTORE,
    ActionKind.REMOVE,
    ActionKind.REDIRECT,
    ActionKind.ESCALATE,
    ActionKind.THEME,
    ActionKind.BLOCK,
)


@dataclass(frozen=True, slots=True)
class Volumes:
    days: tuple[date, ...]
    channels: tuple[str, ...]
    counts: dict[tuple[date, str], int]

    def total(self, day: date) -> int:
        return sum(self.counts.get((day, c), 0) for c in self.channels)


@dataclass(frozen=True, slots=True)
class ResponseTimes:
    target_minutes: int
    buckets: tuple[tuple[str, int], ...]
    responded: int
    within_target: int
    median_minutes: int | None


@dataclass(frozen=True, slots=True)
class Dashboard:
    since: datetime
    days: int
    volumes: Volumes
    by_clause: tuple[tuple[str, int], ...]
    by_action: tuple[tuple[str, int], ...]
    responses: ResponseTimes
    overdue: tuple[tuple[str, int], ...]


def volumes(since: datetime, days: int) -> Volumes:
    rows = (
        Item.objects.filter(received_at__gte=since)
        .annotate(day=TruncDate("received_at", tzinfo=LONDON))
        .values("day", "channel__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[date, str], int] = {}
    for row in rows:
        key = (row["day"], str(row["channel__name"]))
        counts[key] = counts.get(key, 0) + int(row["n"])
    first = timezone.localtime(since, LONDON).date()
    all_days = tuple(first + timedelta(days=i) for i in range(days))
    totals: Counter[str] = Counter()
    for (_, name), n in counts.items():
        totals[name] += n
    channels = tuple(sorted({name for _, name in counts}, key=lambda c: (-totals[c], c)))
    return Volumes(all_days, channels, counts)


def actions(since: datetime) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """Decisions people made in the window, counted per clause cited and per kind of action."""
    by_clause: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for kind, clauses in ModeratorAction.objects.filter(at__gte=since, kind__in=DECIDING).values_list(
        "kind", "clause_ids"
    ):
        by_kind[str(kind)] += 1
        by_clause.update(str(c) for c in (clauses or ["(none cited)"]))
    labels = dict(ActionKind.choices)
    return (
        tuple(by_clause.most_common(12)),
        tuple((str(labels.get(k, k)), n) for k, n in by_kind.most_common()),
    )


def response_times(since: datetime, calendar: OrgCalendar, target: int) -> ResponseTimes:
    pairs = Item.objects.filter(responded_at__gte=since).values_list("received_at", "responded_at")[:MAX_RESPONSES]
    minutes = sorted(max(0, calendar.monitored_minutes_between(got, done)) for got, done in pairs if done is not None)
    counts = [0] * len(BUCKETS)
    for m in minutes:
        index = next(i for i, (upper, _) in enumerate(BUCKETS) if upper is None or m <= upper)
        counts[index] += 1
    median = minutes[len(minutes) // 2] if minutes else None
    within = sum(1 for m in minutes if m <= target)
    buckets = tuple((label, n) for (_, label), n in zip(BUCKETS, counts, strict=True))
    return ResponseTimes(target, buckets, len(minutes), within, median)


def overdue(now: datetime) -> tuple[tuple[str, int], ...]:
    rows = dict(
        Item.objects.filter(due_at__lt=now, responded_at__isnull=True)
        .exclude(queue=Queue.DONE)
        .values_list("queue")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return tuple((str(label), int(rows.get(value, 0))) for value, label in Queue.choices if value != Queue.DONE)


def dashboard(calendar: OrgCalendar, target: int, days: int = 14, now: datetime | None = None) -> Dashboard:
    now = now or timezone.now()
    start_day = timezone.localtime(now, LONDON).date() - timedelta(days=days - 1)
    since = datetime.combine(start_day, datetime.min.time(), tzinfo=LONDON)
    by_clause, by_action = actions(since)
    return Dashboard(
        since=since,
        days=days,
        volumes=volumes(since, days),
        by_clause=by_clause,
        by_action=by_action,
        responses=response_times(since, calendar, target),
        overdue=overdue(now),
    )


def csv_rows(board: Dashboard) -> list[list[str]]:
    """The same numbers as the charts, one row each: section, key, series, value."""
    rows: list[list[str]] = [["section", "key", "series", "value"]]
    for day in board.volumes.days:
        for channel in board.volumes.channels:
            rows.append(["volume", day.isoformat(), channel, str(board.volumes.counts.get((day, channel), 0))])
    rows += [["actions_by_clause", clause, "", str(n)] for clause, n in board.by_clause]
    rows += [["actions_by_kind", kind, "", str(n)] for kind, n in board.by_action]
    responses = board.responses
    rows += [["response_time", label, "working minutes", str(n)] for label, n in responses.buckets]
    rows.append(["response_target", "target_minutes", "", str(responses.target_minutes)])
    rows.append(["response_target", "within_target", "", str(responses.within_target)])
    rows.append(["response_target", "responded", "", str(responses.responded)])
    rows += [["overdue_now", queue, "", str(n)] for queue, n in board.overdue]
    return rows
