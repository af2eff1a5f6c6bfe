"""The moderation queues: items per queue, oldest-due first, filtered by channel, category, clause, author and
age; and counts per queue. Only what the user may see is listed or counted (see ``access.py``).

Listing is two queries (the page with its decision, channel, author and claimer joined in, and a count when
the page is full), served by the ``(queue, due_at)`` index, or ``(queue, sensitive, due_at)`` for a user who may
not see safeguarding items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from steward.content import Category
from steward.errors import InvalidRequest
from steward.server.inbox.models import Item, Queue
from steward.server.inbox.services.access import visible_items

MAX_PAGE = 200
_CLAUSE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
_MAX_AGE_MINUTES = 10 * 366 * 24 * 60
#: Columns a queue row never shows (the full engine output and thread), left out of the listing query.
_HEAVY = (
    "thread",
    "extra",
    "decision__contract",
    "decision__clauses",
    "decision__scores",
    "decision__detectors",
    "decision__failures",
)


@dataclass(frozen=True, slots=True)
class QueueFilters:
    channel: str = ""  # channel slug
    category: str = ""  # a decision category, e.g. "abuse"
    clause: str = ""  # a clause id the decision cites, e.g. "1.4"
    author: str = ""  # author id (digits) or handle (with or without @)
    older_than_minutes: int | None = None  # received at least this long ago (wall clock)
    received_before: datetime | None = None


@dataclass(frozen=True, slots=True)
class QueuePage:
    queue: str
    total: int
    offset: int
    limit: int
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class QueueCount:
    queue: str
    label: str
    count: int
    overdue: int  # past due by the wall clock and not yet responded to (always 0 for done)


def _text(value: str, name: str, limit: int = 200) -> str:
    value = value.strip()
    if len(value) > limit or "\x00" in value:
        raise InvalidRequest(f"the {name} filter is too long or holds a NUL character")
    return value


def apply_filters(qs: QuerySet[Item], filters: QueueFilters, now: datetime | None = None) -> QuerySet[Item]:
    """Narrow ``qs`` by the filters (each checked; an invalid one is an ``InvalidRequest``)."""
    if channel := _text(filters.channel, "channel"):
        qs = qs.filter(channel__slug=channel)
    if category := _text(filters.category, "category"):
        if category not in Category.__members__.values():
            raise InvalidRequest(f"unknown category {category[:40]!r}")
        qs = qs.filter(decision__categories__icontains=f'"{category}"')
    if clause := _text(filters.clause, "clause"):
        if not _CLAUSE.match(clause):
            raise InvalidRequest(f"{clause[:40]!r} is not a clause id")
        qs = qs.filter(decision__clause_ids__icontains=f'"{clause}"')
    if author := _text(filters.author, "author"):
        if author.isdigit() and len(author) < 19:
            qs = qs.filter(author_id=int(author))
        else:
            handle = author.removeprefix("@")
            qs = qs.filter(Q(author__handle__iexact=handle) | Q(author__handle__iexact="@" + handle))
    if filters.older_than_minutes is not None:
        if not 0 <= filters.older_than_minutes <= _MAX_AGE_MINUTES:
            raise InvalidRequest("older_than must be between 0 minutes and ten years")
        moment = (now or timezone.now()) - timedelta(minutes=filters.older_than_minutes)
        qs = qs.filter(received_at__lte=moment)
    if filters.received_before is not None:
        before = filters.received_before
        if timezone.is_naive(before):
            before = timezone.make_aware(before)
        qs = qs.filter(received_at__lt=before)
    return qs


def queue_items(
    user: Any, queue: str, filters: QueueFilters | None = None, now: datetime | None = None
) -> QuerySet[Item]:
    """The queue's items ``user`` may see, filtered, oldest-due first (no due time last), related rows joined."""
    if queue not in Queue.values:
        raise InvalidRequest(f"unknown queue {queue[:40]!r}; one of: {', '.join(Queue.values)}")
    qs = visible_items(user).filter(queue=queue)
    qs = apply_filters(qs, filters or QueueFilters(), now)
    return (
        qs.select_related("decision", "channel", "author", "claimed_by")
        .defer(*_HEAVY)
        .order_by(F("due_at").asc(nulls_last=True), "received_at", "pk")
    )


def list_queue(
    user: Any,
    queue: str,
    filters: QueueFilters | None = None,
    *,
    offset: int = 0,
    limit: int = 50,
    now: datetime | None = None,
) -> QueuePage:
    """One page of the queue."""
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise InvalidRequest(f"limit must be 1–{MAX_PAGE} and offset 0 or more")
    qs = queue_items(user, queue, filters, now)
    items = tuple(qs[offset : offset + limit])
    total = offset + len(items) if len(items) < limit and (items or offset == 0) else qs.count()
    return QueuePage(queue, total, offset, limit, items)


def _overdue(now: datetime) -> Q:
    """Past due and not answered, in a queue someone still works (done items keep their due time)."""
    # The queue first: the index answers it, so done items are never read for ``responded_at``.
    return ~Q(queue=Queue.DONE) & Q(due_at__lt=now) & Q(responded_at__isnull=True)


def counts(user: Any, now: datetime | None = None) -> list[QueueCount]:
    """Items and overdue items per queue, in the queues' order (one query)."""
    now = now or timezone.now()
    rows = {
        r["queue"]: r
        for r in visible_items(user)
        .filter(queue__in=Queue.values)
        .values("queue")
        .annotate(n=Count("pk"), late=Count("pk", filter=_overdue(now)))
        .order_by()
    }
    return [
        QueueCount(str(value), str(label), rows.get(value, {}).get("n", 0), rows.get(value, {}).get("late", 0))
        for value, label in Queue.choices
    ]
