"""Routing a new decision: queue, automatic hiding, the monitored-hours due time, strikes, and the safeguarding page.

The SLA examples of the issue are here with real dates: the Surrey pack monitors Mon–Fri 09:00–16:00 with a
one-hour target, excluding England and Wales bank holidays (31 August 2026 is the summer bank holiday).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.db import transaction

from steward.policy import OrgCalendar
from steward.server.accounts.roles import Role
from steward.server.audit.chain import verify
from steward.server.audit.models import AuditEvent
from steward.server.inbox.models import Channel, Decision, Escalation, Organisation, Queue, Strike, Visibility
from steward.server.inbox.services.access import can_view, visible_items
from steward.server.inbox.services.paging import page
from steward.server.inbox.services.routing import route_new_decision
from steward.server.inbox.services.sanctions import inbound_pack
from tests.server.factories import TEXTS, make_item

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def test_the_surrey_pack_monitors_weekdays_nine_to_four_with_a_one_hour_target(org: Organisation) -> None:
    hours = inbound_pack(org).monitored_hours
    assert (hours.start.isoformat(), hours.end.isoformat()) == ("09:00:00", "16:00:00")
    assert tuple(hours.days) == ("mon", "tue", "wed", "thu", "fri")
    assert hours.response_target_minutes == 60
    assert hours.exclude_bank_holidays and hours.bank_holiday_region == "ENG"


def test_the_bank_holidays_used_below_are_real() -> None:
    england = holidays.country_holidays("GB", subdiv="ENG", years=2026)
    assert date(2026, 8, 31) in england and date(2026, 8, 24) not in england
    assert date(2026, 12, 25) in england and date(2026, 12, 28) in england  # Boxing Day observed on the Monday
    assert date(2026, 8, 28).weekday() == 4  # a Friday


SLA_CASES = [
    # received (local)     due (local)           out of hours   why
    ("2026-08-21T15:55", "2026-08-24T09:55", False),  # Friday 15:55 -> Monday 09:55
    ("2026-08-28T15:55", "2026-09-01T09:55", False),  # ... Tuesday when Monday is the summer bank holiday
    ("2026-08-24T10:00", "2026-08-24T11:00", False),  # inside hours: one hour later
    ("2026-08-24T08:59", "2026-08-24T10:00", True),  # before opening: the clock starts at 09:00
    ("2026-08-21T16:00", "2026-08-24T10:00", True),  # 16:00 is closed (hours are 09:00 up to 16:00)
    ("2026-08-22T12:00", "2026-08-24T10:00", True),  # Saturday
    ("2026-08-31T12:00", "2026-09-01T10:00", True),  # on the bank holiday itself
    ("2026-12-24T15:30", "2026-12-29T09:30", False),  # Christmas Day and Boxing Day (observed Monday) skipped
    ("2026-10-23T15:55", "2026-10-26T09:55", False),  # the clocks go back over that weekend: still 09:55 local
]


@pytest.mark.parametrize(("received", "due", "out_of_hours"), SLA_CASES)
def test_due_time_counts_monitored_hours_and_bank_holidays(
    facebook: Channel, received: str, due: str, out_of_hours: bool
) -> None:
    with time_machine.travel(at(received), tick=False):
        item = make_item(facebook, TEXTS["political"])  # review: needs a person, so it has a due time
    item.refresh_from_db()
    assert item.queue == Queue.NEEDS_REVIEW
    assert item.due_at == at(due)
    assert item.out_of_hours is out_of_hours


ROUTES = [
    # text key       queue                  visibility          strike  escalation
    ("abuse", Queue.AUTO_HIDDEN, Visibility.HIDDEN, True, False),
    ("commercial", Queue.AUTO_HIDDEN, Visibility.HIDDEN, True, False),
    ("phone", Queue.AUTO_HIDDEN, Visibility.HIDDEN, False, False),  # privacy: hidden, never a strike
    ("self_harm", Queue.SAFEGUARDING, Visibility.VISIBLE, False, True),  # escalate, never auto-hidden
    ("threat", Queue.SAFEGUARDING, Visibility.VISIBLE, True, True),
    ("complaint", Queue.COMPLAINTS, Visibility.VISIBLE, False, False),
    ("political", Queue.NEEDS_REVIEW, Visibility.VISIBLE, False, False),
    ("fine", Queue.DONE, Visibility.VISIBLE, False, False),
]


@pytest.mark.parametrize(("key", "queue", "visibility", "strike", "escalation"), ROUTES)
def test_each_decision_is_routed_to_its_queue(
    facebook: Channel, key: str, queue: Queue, visibility: Visibility, strike: bool, escalation: bool
) -> None:
    item = make_item(facebook, TEXTS[key])
    item.refresh_from_db()
    assert (item.queue, item.visibility) == (queue, visibility)
    assert (item.due_at is None) is (queue == Queue.DONE)
    assert Strike.objects.filter(item=item).exists() is strike
    assert Escalation.objects.filter(item=item).exists() is escalation


def test_a_strike_is_dated_when_the_item_was_posted(facebook: Channel) -> None:
    posted = at("2026-03-02T08:00")
    with time_machine.travel(at("2026-03-04T10:00"), tick=False):
        posted_item = make_item(facebook, TEXTS["abuse"], created_at=posted)
        unposted = make_item(facebook, TEXTS["abuse"], author="carol")
    assert Strike.objects.get(item=posted_item).at == posted
    strike = Strike.objects.get(item=unposted)
    assert strike.at == unposted.received_at
    assert strike.clause_ids == unposted.decision.clause_ids and "1.4" in strike.clause_ids


def test_no_strike_without_an_author(facebook: Channel) -> None:
    item = make_item(facebook, TEXTS["abuse"], author=None)
    assert not Strike.objects.filter(item=item).exists()


@pytest.fixture
def paged(org: Organisation, make_user: Callable[..., User]) -> dict[str, User]:
    org.safeguarding_email = "Safeguarding@Trust.example"
    org.save()
    made = {
        "lead": make_user("sg-lead", Role.SAFEGUARDING_LEAD),
        "second": make_user("sg-second", Role.SAFEGUARDING_LEAD),
        "left": make_user("sg-left", Role.SAFEGUARDING_LEAD),
        "moderator": make_user("mod", Role.MODERATOR),
    }
    made["left"].is_active = False
    made["left"].save()
    return made


def test_a_safeguarding_escalation_at_two_on_sunday_morning_pages_at_once(
    facebook: Channel, paged: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    sunday = at("2026-08-23T02:00")
    assert sunday.weekday() == 6
    with time_machine.travel(sunday, tick=False), django_capture_on_commit_callbacks(execute=True):
        item = make_item(facebook, TEXTS["self_harm"], author="vulnerable_handle")
    item.refresh_from_db()
    assert item.out_of_hours and item.queue == Queue.SAFEGUARDING
    assert item.due_at == at("2026-08-24T10:00")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["safeguarding@trust.example", "sg-lead@example.nhs.uk", "sg-second@example.nhs.uk"]
    body = f"{message.subject}\n{message.body}"
    assert f"#{item.pk}" in body and "self_harm" in body and "5.7" in body and "Mon 24 Aug 2026 10:00" in body
    for private in ("kill myself", "vulnerable", "Vulnerable_Handle", item.text):
        assert private.lower() not in body.lower()
    escalation = Escalation.objects.get(item=item)
    assert escalation.notified == message.to and escalation.notified_at == sunday
    assert AuditEvent.objects.filter(event="escalation.paged", object_id=str(escalation.pk)).exists()
    assert verify().ok


def test_no_page_when_the_decision_is_rolled_back(
    facebook: Channel, paged: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_item(facebook, TEXTS["self_harm"])
        raise RuntimeError("the worker died before commit")
    assert callbacks == [] and mail.outbox == []


def test_a_page_with_nobody_to_send_to_is_recorded_as_failed(
    facebook: Channel, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        item = make_item(facebook, TEXTS["self_harm"])
    escalation = Escalation.objects.get(item=item)
    assert mail.outbox == [] and escalation.notified_at is None
    assert AuditEvent.objects.filter(event="escalation.page_failed", object_id=str(escalation.pk)).exists()


def test_a_mail_failure_is_recorded_and_the_escalation_kept(
    facebook: Channel, paged: dict[str, User], settings: Any
) -> None:
    settings.EMAIL_BACKEND = "tests.server.test_routing.BrokenBackend"
    item = make_item(facebook, TEXTS["threat"])
    escalation = Escalation.objects.get(item=item)
    assert page(escalation.pk) == []
    assert AuditEvent.objects.filter(event="escalation.page_failed", reason="ConnectionRefusedError").exists()
    assert page(10**9) == []  # an escalation that no longer exists pages nobody


class BrokenBackend:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def send_messages(self, messages: Any) -> int:
        raise ConnectionRefusedError("smtp down")


@pytest.mark.parametrize(
    ("action", "categories", "sensitive"),
    [
        ("review", ["self_harm"], True),  # a weak self-harm signal: reviewed, but by the safeguarding lead only
        ("redirect", ["complaint", "child_safety"], True),
        ("review", ["political"], False),
        ("escalate", ["threat"], True),  # every escalation is a safeguarding matter
        ("hide", ["abuse"], False),
    ],
)
def test_safeguarding_matters_are_marked_wherever_they_are_queued(
    facebook: Channel, users: dict[str, User], action: str, categories: list[str], sensitive: bool
) -> None:
    item = make_item(facebook, "text", decide=False)
    decision = Decision.objects.create(
        item=item, action=action, categories=categories, decided_at=item.received_at, input_hash="x", rationale="r"
    )
    route_new_decision(item, decision, OrgCalendar.for_pack(inbound_pack()))
    item.save(update_fields=["queue", "visibility", "due_at", "out_of_hours"])  # what the assessment task saves
    item.refresh_from_db()
    assert item.sensitive is sensitive
    assert can_view(users["moderator"], item) is not sensitive and can_view(users["safeguarding_lead"], item)
    assert visible_items(users["moderator"]).filter(pk=item.pk).exists() is not sensitive
