"""Queues: who sees what, filters, oldest-due ordering, counts, and a constant number of queries per page."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from steward.errors import InvalidRequest
from steward.server.inbox.models import Channel, Item, Queue
from steward.server.inbox.services import queues
from steward.server.inbox.services.access import can_view, visible_items
from steward.server.inbox.services.queues import QueueFilters, counts, list_queue
from steward.server.inbox.setup import channel as make_channel
from tests.server.factories import TEXTS, make_item

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 8, 24, 9, 0, tzinfo=LONDON)


@pytest.fixture
def x(org: object) -> Channel:
    return make_channel("trust-x", platform="x", name="Trust on X")


@pytest.fixture
def items(facebook: Channel, x: Channel) -> dict[str, Item]:
    """One item per outcome, received a minute apart from Monday 09:00, plus a self-harm item already done."""
    made: dict[str, Item] = {}
    for n, key in enumerate(["abuse", "phone", "self_harm", "threat", "complaint", "political", "fine"]):
        with time_machine.travel(MONDAY + timedelta(minutes=n), tick=False):
            made[key] = make_item(facebook, TEXTS[key], author=f"user{n}")
    with time_machine.travel(MONDAY + timedelta(minutes=10), tick=False):
        made["x_abuse"] = make_item(x, TEXTS["commercial"], author="@spammer")
        made["handled_self_harm"] = make_item(facebook, TEXTS["self_harm"], author="user2")
    Item.objects.filter(pk=made["handled_self_harm"].pk).update(queue=Queue.DONE)  # a lead dealt with it
    return made


def _ids(page: queues.QueuePage) -> set[int]:
    return {i.pk for i in page.items}


SAFEGUARDING_KEYS = {"self_harm", "threat", "handled_self_harm"}
ROLES = [
    # role                          sees items  sees safeguarding
    ("moderator", True, False),
    ("communications_lead", True, False),
    ("information_governance_lead", True, False),
    ("safeguarding_lead", True, True),
    ("admin", True, True),
    ("nobody", False, False),
]


@pytest.mark.parametrize(("role", "sees", "sees_safeguarding"), ROLES)
def test_each_role_sees_only_what_it_may(
    users: dict[str, User], items: dict[str, Item], role: str, sees: bool, sees_safeguarding: bool
) -> None:
    user = users[role]
    visible = set(visible_items(user).values_list("pk", flat=True))
    for key, item in items.items():
        expected = sees and (sees_safeguarding or key not in SAFEGUARDING_KEYS)
        assert (item.pk in visible) is expected, key
        assert can_view(user, item) is expected, key
    by_queue = {c.queue: c.count for c in counts(user)}
    assert by_queue[Queue.SAFEGUARDING] == (2 if sees_safeguarding else 0)
    assert by_queue[Queue.DONE] == (0 if not sees else 2 if sees_safeguarding else 1)
    done = list_queue(user, Queue.DONE)
    assert (items["handled_self_harm"].pk in _ids(done)) is sees_safeguarding
    assert done.total == by_queue[Queue.DONE]


FILTERS = [
    # filters                                              queue               expected keys
    (QueueFilters(), Queue.AUTO_HIDDEN, ["abuse", "phone", "x_abuse"]),
    (QueueFilters(channel="trust-x"), Queue.AUTO_HIDDEN, ["x_abuse"]),
    (QueueFilters(channel="no-such-channel"), Queue.AUTO_HIDDEN, []),
    (QueueFilters(category="personal_info"), Queue.AUTO_HIDDEN, ["phone"]),
    (QueueFilters(category="abuse"), Queue.AUTO_HIDDEN, ["abuse"]),
    (QueueFilters(category="self_harm"), Queue.AUTO_HIDDEN, []),
    (QueueFilters(clause="1.1"), Queue.AUTO_HIDDEN, ["phone"]),
    (QueueFilters(clause="1.p7"), Queue.AUTO_HIDDEN, ["abuse", "x_abuse"]),
    (QueueFilters(clause="1"), Queue.AUTO_HIDDEN, []),  # a clause id matches whole, never as a prefix
    (QueueFilters(author="@spammer"), Queue.AUTO_HIDDEN, ["x_abuse"]),
    (QueueFilters(author="SPAMMER"), Queue.AUTO_HIDDEN, ["x_abuse"]),
    (QueueFilters(author="user0"), Queue.AUTO_HIDDEN, ["abuse"]),
    (QueueFilters(older_than_minutes=5), Queue.AUTO_HIDDEN, ["abuse", "phone"]),  # now is Monday 09:10
    (QueueFilters(older_than_minutes=10), Queue.AUTO_HIDDEN, ["abuse"]),
    (QueueFilters(received_before=MONDAY + timedelta(minutes=1)), Queue.AUTO_HIDDEN, ["abuse"]),
    (QueueFilters(received_before=datetime(2026, 8, 24, 9, 1)), Queue.AUTO_HIDDEN, ["abuse"]),  # naive: local
    (QueueFilters(category="complaint"), Queue.COMPLAINTS, ["complaint"]),
    (QueueFilters(channel="trust-facebook", clause="4.p1"), Queue.NEEDS_REVIEW, ["political"]),
]


@pytest.mark.parametrize(("filters", "queue", "expected"), FILTERS)
def test_filters(
    users: dict[str, User], items: dict[str, Item], filters: QueueFilters, queue: Queue, expected: list[str]
) -> None:
    with time_machine.travel(MONDAY + timedelta(minutes=10), tick=False):
        page = list_queue(users["moderator"], queue, filters)
    assert [i.pk for i in page.items] == [items[k].pk for k in expected]
    assert page.total == len(expected)


def test_filter_by_author_id(users: dict[str, User], items: dict[str, Item]) -> None:
    author_id = items["phone"].author_id
    page = list_queue(users["moderator"], Queue.AUTO_HIDDEN, QueueFilters(author=str(author_id)))
    assert _ids(page) == {items["phone"].pk}


BAD = [
    (Queue.AUTO_HIDDEN, QueueFilters(category="nonsense"), "unknown category"),
    (Queue.AUTO_HIDDEN, QueueFilters(clause="1%"), "not a clause id"),
    (Queue.AUTO_HIDDEN, QueueFilters(clause='1"] OR 1=1 --'), "not a clause id"),
    (Queue.AUTO_HIDDEN, QueueFilters(channel="a\x00b"), "NUL"),
    (Queue.AUTO_HIDDEN, QueueFilters(author="x" * 201), "too long"),
    (Queue.AUTO_HIDDEN, QueueFilters(older_than_minutes=-1), "older_than"),
    (Queue.AUTO_HIDDEN, QueueFilters(older_than_minutes=10**12), "older_than"),
    ("inbox", QueueFilters(), "unknown queue"),
]


@pytest.mark.parametrize(("queue", "filters", "message"), BAD)
def test_invalid_filters_are_refused(users: dict[str, User], queue: str, filters: QueueFilters, message: str) -> None:
    with pytest.raises(InvalidRequest, match=message):
        list_queue(users["moderator"], queue, filters)


@pytest.mark.parametrize(("offset", "limit"), [(-1, 10), (0, 0), (0, queues.MAX_PAGE + 1)])
def test_invalid_pages_are_refused(users: dict[str, User], offset: int, limit: int) -> None:
    with pytest.raises(InvalidRequest):
        list_queue(users["moderator"], Queue.NEEDS_REVIEW, offset=offset, limit=limit)


def test_oldest_due_first_and_paginated(facebook: Channel, users: dict[str, User]) -> None:
    # Received in a shuffled order; the due time follows the arrival time.
    arrivals = [30, 5, 50, 0, 20]
    made = {}
    for minutes in arrivals:
        with time_machine.travel(MONDAY + timedelta(minutes=minutes), tick=False):
            made[minutes] = make_item(facebook, TEXTS["political"], author=f"a{minutes}")
    pending = make_item(facebook, "not assessed yet", decide=False)
    Item.objects.filter(pk=pending.pk).update(queue=Queue.NEEDS_REVIEW)  # e.g. a poison item: no due time
    first = list_queue(users["moderator"], Queue.NEEDS_REVIEW, limit=2)
    second = list_queue(users["moderator"], Queue.NEEDS_REVIEW, offset=2, limit=2)
    last = list_queue(users["moderator"], Queue.NEEDS_REVIEW, offset=4, limit=2)
    order = [i.pk for page in (first, second, last) for i in page.items]
    assert order == [made[m].pk for m in sorted(arrivals)] + [pending.pk]
    assert first.total == second.total == last.total == 6
    assert list_queue(users["moderator"], Queue.NEEDS_REVIEW, offset=50).total == 6


def test_counts_include_overdue_items(facebook: Channel, users: dict[str, User]) -> None:
    with time_machine.travel(MONDAY, tick=False):
        make_item(facebook, TEXTS["political"])
    with time_machine.travel(MONDAY + timedelta(minutes=59), tick=False):
        make_item(facebook, TEXTS["political"])
    late = {c.queue: c.overdue for c in counts(users["moderator"], MONDAY + timedelta(minutes=90))}
    assert late[Queue.NEEDS_REVIEW] == 1
    totals = {c.queue: (c.count, c.label) for c in counts(users["moderator"])}
    assert totals[Queue.NEEDS_REVIEW] == (2, "Needs review") and totals[Queue.COMPLAINTS] == (
        0,
        "Complaints to redirect",
    )


def test_listing_takes_the_same_queries_however_many_items(facebook: Channel, users: dict[str, User]) -> None:
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as ctx:
            page = list_queue(users["moderator"], Queue.AUTO_HIDDEN)
            for item in page.items:  # everything a queue row shows
                _ = (item.decision.clause_ids, item.channel.slug, item.author and item.author.handle, item.claimed_by)
        return len(ctx.captured_queries)

    for n in range(2):
        make_item(facebook, TEXTS["abuse"], author=f"few{n}")
    queries_for_page()  # the user's roles are looked up once and kept on the user
    few = queries_for_page()
    for n in range(10):
        make_item(facebook, TEXTS["abuse"], author=f"many{n}")
    assert queries_for_page() == few
