"""Queues, claims and actions over the API (reply templates are in ``templates.py``).

Reading needs ``steward.view_items``; acting ``steward.act_on_items`` (and the safeguarding permission for a
safeguarding item). Safeguarding items are neither listed nor counted for anyone else, and comment text is
returned with personal data masked (the item page's audited reveal is the only way to see it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.params import P, PathEx, QueryEx

from steward.policy import OrgCalendar
from steward.server.api.auth import require
from steward.server.inbox.models import Item, Queue
from steward.server.inbox.services import actions, claims, queues
from steward.server.inbox.services.clocks import calendar_for, item_due
from steward.server.inbox.services.masking import masked_text

router = Router(tags=["workflow"])

VIEW = "steward.view_items"
ACT = "steward.act_on_items"
MAX_ID = 2**63 - 1
EXCERPT = 300
PLAIN = r"^[^\x00-\x1f\x7f]*$"
ActionName = Literal[
    "approve", "hide", "restore", "remove", "redirect", "escalate", "acknowledge", "theme", "note", "block", "unblock"
]


class QueueCountOut(Schema):
    queue: str
    label: str
    count: int
    overdue: int


class AuthorRef(Schema):
    id: int
    handle: str
    display_name: str
    blocked: bool


class DecisionSummary(Schema):
    action: str
    categories: list[str]
    clause_ids: list[str]
    rule_ids: list[str]
    rationale: str
    strike: bool
    policy_version: str


class QueueItemOut(Schema):
    id: int
    queue: str
    channel: str
    platform: str
    kind: str
    excerpt: str = Field(description="The comment's start, personal data masked.")
    length: int
    author: AuthorRef | None
    received_at: datetime
    created_at: datetime | None
    due_at: datetime | None
    due: str | None = Field(description='"due in 25 working minutes", "overdue by 2 working hours"')
    overdue: bool
    out_of_hours: bool
    visibility: str
    responded_at: datetime | None
    claimed_by: str | None
    claim_expires_at: datetime | None
    decision: DecisionSummary | None


class QueuePageOut(Schema):
    queue: str
    total: int
    offset: int
    limit: int
    items: list[QueueItemOut]


class QueueFiltersIn(Schema):
    channel: str = Field("", max_length=200, pattern=PLAIN, description="Channel slug.")
    category: str = Field("", max_length=40, pattern=PLAIN, description="A decision category, e.g. abuse.")
    clause: str = Field("", max_length=40, pattern=PLAIN, description="A clause id the decision cites, e.g. 1.4.")
    author: str = Field("", max_length=200, pattern=PLAIN, description="Author id, or handle (with or without @).")
    older_than: int | None = Field(None, ge=0, le=5_000_000, description="Received at least this many minutes ago.")
    received_before: datetime | None = None


class ItemStateOut(Schema):
    id: int
    queue: str
    visibility: str
    responded_at: datetime | None
    claimed_by: str | None
    claimed_at: datetime | None


class ActionIn(Schema):
    kind: ActionName
    reason: str = Field("", max_length=2000)
    clause_ids: list[str] = Field(default_factory=list, max_length=20)
    template: str = Field("", max_length=100)
    placeholders: dict[str, str] = Field(default_factory=dict)
    team: str = Field("", max_length=100)
    note: str = Field("", max_length=5000)
    strike: bool = Field(False, description="hide/remove: also record a strike against the author.")


class ActionOut(Schema):
    action_id: int
    kind: str
    at: datetime
    clause_ids: list[str]
    reply_text: str
    item: ItemStateOut


def _summary(item: Item, calendar: OrgCalendar, now: datetime) -> dict[str, Any]:
    decision = getattr(item, "decision", None)
    text = masked_text(item.text, decision.findings if decision is not None else [])
    due = item_due(item, calendar, now)
    claim = claims.claim_state(item, now)
    author = item.author
    return {
        "id": item.pk,
        "queue": item.queue,
        "channel": item.channel.slug,
        "platform": item.platform,
        "kind": item.kind,
        "excerpt": text[:EXCERPT] + ("…" if len(text) > EXCERPT else ""),
        "length": len(item.text),
        "author": (
            {"id": author.pk, "handle": author.handle, "display_name": author.display_name, "blocked": author.blocked}
            if author is not None
            else None
        ),
        "received_at": item.received_at,
        "created_at": item.created_at,
        "due_at": item.due_at,
        "due": due.label if due else None,
        "overdue": bool(due and due.overdue),
        "out_of_hours": item.out_of_hours,
        "visibility": item.visibility,
        "responded_at": item.responded_at,
        "claimed_by": claim.claimed_by,
        "claim_expires_at": claim.expires_at,
        "decision": (
            {
                "action": decision.action,
                "categories": decision.categories,
                "clause_ids": decision.clause_ids,
                "rule_ids": decision.rule_ids,
                "rationale": decision.rationale,
                "strike": decision.strike,
                "policy_version": decision.policy_version,
            }
            if decision is not None
            else None
        ),
    }


def _aware(moment: datetime) -> datetime:
    """An aware datetime (naive is read as the organisation's local time); 400 when it cannot be represented."""
    try:
        aware = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
        return aware.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise HttpError(400, "received_before is out of range") from exc


def _state(item: Item) -> dict[str, Any]:
    claim = claims.claim_state(item)
    return {
        "id": item.pk,
        "queue": item.queue,
        "visibility": item.visibility,
        "responded_at": item.responded_at,
        "claimed_by": claim.claimed_by,
        "claimed_at": claim.claimed_at,
    }


@router.get("/queues", response=list[QueueCountOut], summary="Items and overdue items per queue")
def queue_counts(request: HttpRequest) -> list[queues.QueueCount]:
    user = require(request, VIEW)
    return queues.counts(user)


@router.get("/queues/{queue}/items", response=QueuePageOut, summary="A queue's items, oldest-due first")
def queue_list(
    request: HttpRequest,
    queue: Queue,
    filters: Query[QueueFiltersIn],
    limit: QueryEx[int, P(ge=1, le=queues.MAX_PAGE)] = 50,
    offset: QueryEx[int, P(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    user = require(request, VIEW)
    before = _aware(filters.received_before) if filters.received_before is not None else None
    wanted = queues.QueueFilters(
        channel=filters.channel,
        category=filters.category,
        clause=filters.clause,
        author=filters.author,
        older_than_minutes=filters.older_than,
        received_before=before,
    )
    now = timezone.now()
    page = queues.list_queue(user, str(queue), wanted, offset=offset, limit=limit, now=now)
    calendar = calendar_for()
    return {
        "queue": page.queue,
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "items": [_summary(item, calendar, now) for item in page.items],
    }


@router.post("/items/{item_id}/claim", response=ItemStateOut, summary="Claim an item (one moderator at a time)")
def claim_item(request: HttpRequest, item_id: PathEx[int, P(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    user = require(request, ACT)
    return _state(claims.claim(user, item_id))


@router.post("/items/{item_id}/release", response=ItemStateOut, summary="Release your claim on an item")
def release_item(request: HttpRequest, item_id: PathEx[int, P(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    user = require(request, ACT)
    return _state(claims.release(user, item_id))


@router.post("/items/{item_id}/actions", response=ActionOut, summary="Act on an item")
def act_on_item(request: HttpRequest, body: ActionIn, item_id: PathEx[int, P(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    perm = "steward.manage_authors" if body.kind in ("block", "unblock") else ACT
    user = require(request, perm)
    wanted = actions.ActionRequest(
        kind=body.kind,
        reason=body.reason,
        clause_ids=tuple(body.clause_ids),
        template=body.template,
        placeholders=dict(body.placeholders),
        team=body.team,
        note=body.note,
        strike=body.strike,
    )
    done = actions.act(user, item_id, wanted)
    row = done.action
    return {
        "action_id": row.pk,
        "kind": row.kind,
        "at": row.at,
        "clause_ids": row.clause_ids,
        "reply_text": row.reply_text,
        "item": _state(done.item),
    }
