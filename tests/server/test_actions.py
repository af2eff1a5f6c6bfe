"""Moderator actions: each one's effect, its record (ModeratorAction + audit), roles, claims, templates, authors."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail

from steward.errors import ConflictError, InvalidRequest, NotFound, PermissionDenied, StewardError
from steward.server.audit.chain import verify
from steward.server.audit.models import AuditEvent
from steward.server.inbox.models import (
    Author,
    Channel,
    Escalation,
    Item,
    ModeratorAction,
    Note,
    Organisation,
    Queue,
    ReplyTemplate,
    Strike,
    Theme,
    Visibility,
)
from steward.server.inbox.services import authors, claims
from steward.server.inbox.services.actions import ActionRequest, act, act_many
from tests.server.factories import TEXTS, make_item

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 8, 24, 10, 0, tzinfo=LONDON)

OUTCOMES = [
    # text, role, request, then the queue, visibility and whether it counts as the response
    ("abuse", "moderator", ActionRequest("approve"), Queue.DONE, Visibility.VISIBLE, True),
    ("abuse", "moderator", ActionRequest("hide"), Queue.DONE, Visibility.HIDDEN, True),
    ("abuse", "moderator", ActionRequest("restore", reason="banter"), Queue.DONE, Visibility.VISIBLE, True),
    ("abuse", "communications_lead", ActionRequest("remove", reason="vile"), Queue.DONE, Visibility.REMOVED, True),
    (
        "complaint",
        "moderator",
        ActionRequest("redirect", template="complaint_redirect"),
        Queue.DONE,
        Visibility.VISIBLE,
        True,
    ),
    (
        "political",
        "moderator",
        ActionRequest("escalate", reason="worrying"),
        Queue.SAFEGUARDING,
        Visibility.VISIBLE,
        True,
    ),
    (
        "political",
        "moderator",
        ActionRequest("theme", team="Elections", note="trend"),
        Queue.DONE,
        Visibility.VISIBLE,
        True,
    ),
    (
        "political",
        "moderator",
        ActionRequest("note", note="seen before"),
        Queue.NEEDS_REVIEW,
        Visibility.VISIBLE,
        False,
    ),
    ("self_harm", "safeguarding_lead", ActionRequest("acknowledge"), Queue.SAFEGUARDING, Visibility.VISIBLE, True),
    ("self_harm", "safeguarding_lead", ActionRequest("approve"), Queue.DONE, Visibility.VISIBLE, True),
]


@pytest.mark.parametrize(("key", "role", "request_", "queue", "visibility", "responds"), OUTCOMES)
def test_each_action_moves_the_item_and_is_recorded(
    facebook: Channel,
    users: dict[str, User],
    key: str,
    role: str,
    request_: ActionRequest,
    queue: Queue,
    visibility: Visibility,
    responds: bool,
) -> None:
    with time_machine.travel(MONDAY, tick=False):
        item = make_item(facebook, TEXTS[key])
    user = users[role]
    later = MONDAY + timedelta(minutes=20)
    with time_machine.travel(later, tick=False):
        done = act(user, item.pk, request_)
    item.refresh_from_db()
    assert (item.queue, item.visibility) == (queue, visibility)
    assert item.responded_at == (later if responds else None)
    row = ModeratorAction.objects.get(item=item)
    assert (row.pk, row.user, row.kind, row.at) == (done.action.pk, user, request_.kind, later)
    event = AuditEvent.objects.get(event=f"item.{request_.kind}", object_id=str(item.pk))
    assert event.actor == role and event.clause_ids == row.clause_ids and event.data["action"] == row.pk
    assert verify().ok


def test_each_action_leaves_its_own_trace(facebook: Channel, users: dict[str, User]) -> None:
    moderator, lead = users["moderator"], users["safeguarding_lead"]
    complaint = make_item(facebook, TEXTS["complaint"], author="Pat")
    reply = act(moderator, complaint.pk, ActionRequest("redirect", template="complaint_redirect")).action
    assert reply.reply_text.startswith("Hello Pat, thank you") and "{" not in reply.reply_text
    assert "3.p6" in reply.clause_ids and reply.template == "complaint_redirect"
    political = make_item(facebook, TEXTS["political"])
    act(moderator, political.pk, ActionRequest("theme", team="Elections", note="a trend"))
    assert Theme.objects.get(item=political).team == "Elections"
    act(moderator, political.pk, ActionRequest("note", note="seen this one before"))
    assert Note.objects.get(item=political).text == "seen this one before"
    worrying = make_item(facebook, TEXTS["political"])
    act(moderator, worrying.pk, ActionRequest("escalate", reason="worrying", clause_ids=("5.p1",)))
    escalation = Escalation.objects.get(item=worrying)
    assert (escalation.raised_by, escalation.reason) == (moderator, "worrying")
    act(lead, worrying.pk, ActionRequest("acknowledge"))
    escalation.refresh_from_db()
    assert escalation.acknowledged_by == lead and escalation.acknowledged_at is not None
    with pytest.raises(ConflictError, match="no escalation waiting"):
        act(lead, worrying.pk, ActionRequest("acknowledge"))
    with pytest.raises(ConflictError, match="already escalated"):
        act(lead, worrying.pk, ActionRequest("escalate", reason="again"))


CLAUSES = [
    # text      request                                                   clause ids recorded
    ("abuse", ActionRequest("hide"), ["1.4", "1.6", "1.p5", "1.p7"]),  # the engine's, confirmed
    ("abuse", ActionRequest("hide", clause_ids=("1.6",)), ["1.6"]),  # the person's choice
    ("abuse", ActionRequest("approve"), []),  # approving cites nothing
    ("political", ActionRequest("remove", reason="x", clause_ids=(" 1.4 ", "1.4", "1.6")), ["1.4", "1.6"]),
]


@pytest.mark.parametrize(("key", "request_", "expected"), CLAUSES)
def test_actions_record_the_clauses(
    facebook: Channel, users: dict[str, User], key: str, request_: ActionRequest, expected: list[str]
) -> None:
    item = make_item(facebook, TEXTS[key])
    assert act(users["moderator"], item.pk, request_).action.clause_ids == expected


REFUSED = [
    # text         role                            request                                          error, message
    ("political", "information_governance_lead", ActionRequest("approve"), PermissionDenied, "acting"),
    ("political", "nobody", ActionRequest("approve"), NotFound, "no item"),
    ("self_harm", "moderator", ActionRequest("approve"), NotFound, "no item"),  # invisible to a moderator
    ("threat", "communications_lead", ActionRequest("hide"), NotFound, "no item"),
    ("political", "moderator", ActionRequest("acknowledge"), PermissionDenied, "safeguarding lead"),
    ("political", "safeguarding_lead", ActionRequest("acknowledge"), ConflictError, "no escalation"),
    ("political", "moderator", ActionRequest("restore"), InvalidRequest, "reason is required"),
    ("political", "moderator", ActionRequest("remove", reason="   "), InvalidRequest, "reason is required"),
    ("political", "moderator", ActionRequest("escalate"), InvalidRequest, "reason is required"),
    ("political", "moderator", ActionRequest("hide", reason="a\x00b"), InvalidRequest, "NUL"),
    ("political", "moderator", ActionRequest("hide", reason="x" * 2001), InvalidRequest, "too long"),
    ("political", "moderator", ActionRequest("hide", clause_ids=("9.99",)), InvalidRequest, "unknown clause"),
    (
        "political",
        "moderator",
        ActionRequest("hide", clause_ids=tuple(f"c{n}" for n in range(21))),
        InvalidRequest,
        "too many",
    ),
    ("political", "moderator", ActionRequest("theme"), InvalidRequest, "team is required"),
    ("political", "moderator", ActionRequest("note"), InvalidRequest, "note is required"),
    ("political", "moderator", ActionRequest("delete_everything"), InvalidRequest, "unknown action"),
    ("political", "moderator", ActionRequest("claim"), InvalidRequest, "unknown action"),
    ("complaint", "moderator", ActionRequest("redirect"), InvalidRequest, "choose a reply template"),
    ("complaint", "moderator", ActionRequest("redirect", template="nope"), NotFound, "no active reply template"),
    (
        "political",
        "information_governance_lead",
        ActionRequest("block", reason="x", clause_ids=("1.4",)),
        PermissionDenied,
        "blocking",
    ),
    (
        "political",
        "safeguarding_lead",
        ActionRequest("block", reason="x", clause_ids=("1.4",)),
        PermissionDenied,
        "blocking",
    ),
]


@pytest.mark.parametrize(("key", "role", "request_", "error", "message"), REFUSED)
def test_refused_actions_change_nothing(
    facebook: Channel,
    users: dict[str, User],
    key: str,
    role: str,
    request_: ActionRequest,
    error: type[StewardError],
    message: str,
) -> None:
    item = make_item(facebook, TEXTS[key])
    before = (item.queue, item.visibility, AuditEvent.objects.count())
    with pytest.raises(error, match=message):
        act(users[role], item.pk, request_)
    item.refresh_from_db()
    assert (item.queue, item.visibility, AuditEvent.objects.count()) == before
    assert not ModeratorAction.objects.filter(item=item).exists() and item.responded_at is None


def test_an_unknown_item_is_not_found(users: dict[str, User]) -> None:
    with pytest.raises(NotFound):
        act(users["moderator"], 999_999, ActionRequest("approve"))


def test_responded_at_is_the_first_response(facebook: Channel, users: dict[str, User]) -> None:
    item = make_item(facebook, TEXTS["abuse"])
    with time_machine.travel(MONDAY, tick=False):
        act(users["moderator"], item.pk, ActionRequest("note", note="looking"))
    with time_machine.travel(MONDAY + timedelta(minutes=5), tick=False):
        act(users["moderator"], item.pk, ActionRequest("hide"))
    with time_machine.travel(MONDAY + timedelta(minutes=9), tick=False):
        act(users["moderator"], item.pk, ActionRequest("restore", reason="on appeal"))
    item.refresh_from_db()
    assert item.responded_at == MONDAY + timedelta(minutes=5)


def test_overturning_removes_the_strike_and_hiding_again_restores_it(facebook: Channel, users: dict[str, User]) -> None:
    item = make_item(facebook, TEXTS["abuse"])
    act(users["moderator"], item.pk, ActionRequest("restore", reason="context: a joke between friends"))
    strike = Strike.objects.get(item=item)
    assert strike.overturned_at is not None and strike.overturned_by == users["moderator"]
    assert AuditEvent.objects.get(event="item.restore").data["strike_overturned"] == strike.pk
    act(users["moderator"], item.pk, ActionRequest("hide", strike=True))
    strike.refresh_from_db()
    assert strike.overturned_at is None


def test_a_moderator_may_record_a_strike_the_engine_did_not(facebook: Channel, users: dict[str, User]) -> None:
    item = make_item(facebook, TEXTS["political"])
    act(users["moderator"], item.pk, ActionRequest("hide", clause_ids=("1.6",), strike=True))
    strike = Strike.objects.get(item=item)
    assert strike.clause_ids == ["1.6"] and strike.author == item.author
    anonymous = make_item(facebook, TEXTS["political"], author=None)
    act(users["moderator"], anonymous.pk, ActionRequest("hide", strike=True))
    assert not Strike.objects.filter(item=anonymous).exists()


def test_escalating_pages_the_lead_after_commit(
    facebook: Channel, users: dict[str, User], org: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    org.safeguarding_email = "safeguarding@trust.example"
    org.save()
    item = make_item(facebook, TEXTS["political"])
    with django_capture_on_commit_callbacks(execute=True):
        act(users["moderator"], item.pk, ActionRequest("escalate", reason="mentions a child at risk"))
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"safeguarding@trust.example", "safeguarding_lead@example.nhs.uk"}
    assert "raised by a moderator" in mail.outbox[0].body and "child at risk" not in mail.outbox[0].body
    with pytest.raises(NotFound):  # now a safeguarding matter: out of the moderator's sight
        act(users["moderator"], item.pk, ActionRequest("note", note="x"))


# Claims ---------------------------------------------------------------------------------------------------------


def test_a_claimed_item_cannot_be_worked_by_anyone_else(facebook: Channel, users: dict[str, User]) -> None:
    moderator, other = users["moderator"], users["communications_lead"]
    item = make_item(facebook, TEXTS["abuse"])
    with time_machine.travel(MONDAY, tick=False):
        claims.claim(moderator, item.pk)
        claims.claim(moderator, item.pk)  # renewing your own claim is fine
        for attempt in (
            lambda: act(other, item.pk, ActionRequest("hide")),
            lambda: claims.claim(other, item.pk),
            lambda: claims.release(other, item.pk),
        ):
            with pytest.raises(ConflictError, match="claimed by moderator"):
                attempt()
        act(moderator, item.pk, ActionRequest("note", note="on it"))  # the claimer works on
    with time_machine.travel(MONDAY + timedelta(minutes=31), tick=False):  # the claim has lapsed
        claims.claim(other, item.pk)
        with pytest.raises(ConflictError, match="claimed by communications_lead"):
            act(moderator, item.pk, ActionRequest("hide"))
        act(other, item.pk, ActionRequest("hide"))
    item.refresh_from_db()
    assert item.claimed_by is None and item.queue == Queue.DONE  # finishing releases the claim
    kinds = list(ModeratorAction.objects.filter(item=item).values_list("kind", "user__username"))
    assert kinds == [
        ("claim", "moderator"),
        ("claim", "moderator"),
        ("note", "moderator"),
        ("claim", "communications_lead"),
        ("hide", "communications_lead"),
    ]
    assert AuditEvent.objects.filter(event="item.claim").count() == 3


def test_release(facebook: Channel, users: dict[str, User]) -> None:
    item = make_item(facebook, TEXTS["abuse"])
    with pytest.raises(ConflictError, match="not claimed"):
        claims.release(users["moderator"], item.pk)
    claims.claim(users["moderator"], item.pk)
    released = claims.release(users["moderator"], item.pk)
    assert released.claimed_by is None
    claims.claim(users["communications_lead"], item.pk)
    with pytest.raises(PermissionDenied):
        claims.claim(users["information_governance_lead"], item.pk)


# Templates ------------------------------------------------------------------------------------------------------


@pytest.fixture
def ward_template(org: Organisation) -> ReplyTemplate:
    return ReplyTemplate.objects.create(
        organisation=org, key="ward", name="Ward", body="Hello {author_name}, please call {ward} on {contact_url}."
    )


TEMPLATE_CASES = [
    # author      placeholders                                     result (text, or the error's message)
    ("Pat", {}, "placeholder {ward} not filled"),
    (None, {}, "placeholders {author_name}, {ward} not filled"),
    ("Pat", {"ward": "   "}, "placeholder {ward} not filled"),
    ("Pat", {"ward": "Ward 7"}, "Hello Pat, please call Ward 7 on https://"),
    ("Pat", {"ward": "{contact_url}"}, "please call {contact_url} on https://"),  # values are never re-filled
    ("Pat", {"ward": "7", "author_name": "Dr Who"}, "Hello Dr Who, please"),  # typed values win
    ("Pat", {"ward.x": "7"}, "not a plain name"),
    ("Pat", {"ward": "x" * 501}, "too long"),
]


@pytest.mark.parametrize(("author", "values", "expected"), TEMPLATE_CASES)
def test_unfilled_placeholders_block_sending(
    facebook: Channel,
    users: dict[str, User],
    ward_template: ReplyTemplate,
    author: str | None,
    values: dict[str, str],
    expected: str,
) -> None:
    item = make_item(facebook, TEXTS["complaint"], author=author)
    request_ = ActionRequest("redirect", template="ward", placeholders=values)
    if expected.startswith(("Hello", "please")):
        assert expected in act(users["moderator"], item.pk, request_).action.reply_text
    else:
        with pytest.raises(InvalidRequest, match=expected.replace("{", r"\{").replace("}", r"\}")):
            act(users["moderator"], item.pk, request_)
        assert not ModeratorAction.objects.filter(item=item).exists()


@pytest.mark.parametrize(
    "body", ["Hi {author_name.__class__}", "Hi {0}", "Hi {}", "Hi {author_name!r}", "Hi {author_name:>999}", "Hi {"]
)
def test_templates_are_never_evaluated(facebook: Channel, users: dict[str, User], org: Organisation, body: str) -> None:
    ReplyTemplate.objects.create(organisation=org, key="evil", name="Evil", body=body)
    item = make_item(facebook, TEXTS["complaint"])
    with pytest.raises(InvalidRequest, match="template"):
        act(users["moderator"], item.pk, ActionRequest("redirect", template="evil"))


# Authors and bulk ----------------------------------------------------------------------------------------------


def test_block_and_unblock_an_author(facebook: Channel, users: dict[str, User]) -> None:
    moderator = users["moderator"]
    item = make_item(facebook, TEXTS["abuse"], author="troll")
    assert item.author is not None
    with pytest.raises(InvalidRequest, match="reason"):
        act(moderator, item.pk, ActionRequest("block", clause_ids=("1.4",)))
    with pytest.raises(InvalidRequest, match="clauses breached"):
        act(moderator, item.pk, ActionRequest("block", reason="repeated abuse"))
    with pytest.raises(InvalidRequest, match="unknown clause"):
        authors.block(moderator, item.author.pk, reason="x", clause_ids=["not-a-clause"])
    done = act(moderator, item.pk, ActionRequest("block", reason="repeated abuse", clause_ids=("1.4", "1.p7")))
    troll = Author.objects.get(pk=item.author.pk)
    assert troll.blocked and troll.blocked_by == moderator and troll.blocked_clauses == ["1.4", "1.p7"]
    assert done.action.author == troll and done.action.item == item
    with pytest.raises(ConflictError, match="already blocked"):
        authors.block(moderator, troll.pk, reason="again", clause_ids=["1.4"])
    with pytest.raises(InvalidRequest, match="reason"):
        authors.unblock(moderator, troll.pk, reason="")
    authors.unblock(moderator, troll.pk, reason="apologised")
    troll.refresh_from_db()
    assert not troll.blocked and troll.blocked_reason == ""
    with pytest.raises(ConflictError, match="not blocked"):
        authors.unblock(moderator, troll.pk, reason="again")
    events = list(AuditEvent.objects.filter(object_type="author").values_list("event", "clause_ids", "reason"))
    assert events == [
        ("author.block", ["1.4", "1.p7"], "repeated abuse"),
        ("author.unblock", ["1.4", "1.p7"], "apologised"),
    ]
    with pytest.raises(NotFound):
        authors.block(moderator, 999_999, reason="x", clause_ids=["1.4"])
    anonymous = make_item(facebook, TEXTS["abuse"], author=None)
    with pytest.raises(InvalidRequest, match="no known author"):
        act(moderator, anonymous.pk, ActionRequest("block", reason="x", clause_ids=("1.4",)))


def test_act_many_reports_each_item(facebook: Channel, users: dict[str, User]) -> None:
    ok = make_item(facebook, TEXTS["abuse"])
    hidden_from_moderator = make_item(facebook, TEXTS["self_harm"])
    claimed = make_item(facebook, TEXTS["abuse"])
    claims.claim(users["communications_lead"], claimed.pk)
    results = act_many(users["moderator"], [ok.pk, hidden_from_moderator.pk, claimed.pk, ok.pk], ActionRequest("hide"))
    assert list(results) == [ok.pk, hidden_from_moderator.pk, claimed.pk]
    assert results[ok.pk] == "" and "no item" in results[hidden_from_moderator.pk]
    assert "claimed by communications_lead" in results[claimed.pk]
    assert Item.objects.get(pk=ok.pk).visibility == Visibility.HIDDEN
