"""What a moderator or lead does to an item: approve, hide, restore, remove, reply with a template, escalate,
acknowledge an escalation, pass to a team as a theme, add a note, and block or unblock the item's author.

Every action, in one transaction: checks the user's role (safeguarding items need the safeguarding permission)
and that nobody else holds a live claim; writes a ``ModeratorAction`` (who, when, why, which clauses) and an audit
event; moves the item to its next queue; stamps ``responded_at`` on the first response. Approving or restoring an
item overturns its strike. Claims are in ``claims.py``, blocking in ``authors.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from steward.errors import ConflictError, InvalidRequest, PermissionDenied, StewardError
from steward.server.audit.chain import record
from steward.server.inbox.models import (
    ActionKind,
    Escalation,
    Item,
    ModeratorAction,
    Note,
    Queue,
    Strike,
    Theme,
    Visibility,
)
from steward.server.inbox.services import authors
from steward.server.inbox.services.access import ACT_SAFEGUARDING, check_act, check_view
from steward.server.inbox.services.claims import check_not_claimed_by_other, get_item, locked_item
from steward.server.inbox.services.paging import page_after_commit
from steward.server.inbox.services.routing import raise_escalation
from steward.server.inbox.services.sanctions import inbound_pack, overturn_strike
from steward.server.inbox.services.templates import get_template, ready_text
from steward.server.inbox.services.validation import (
    MAX_CLAUSES,
    MAX_NOTE,
    clause_list,
    optional_text,
    required_text,
)


@dataclass(frozen=True, slots=True)
class Outcome:
    queue: Queue | None  # None: the item stays where it is
    visibility: Visibility | None  # None: unchanged
    responds: bool  # counts as the organisation's response (stamps responded_at)
    overturns: bool = False  # the engine's hide/remove was wrong: its strike stops counting
    reason_required: bool = False


OUTCOMES: dict[str, Outcome] = {
    ActionKind.APPROVE: Outcome(Queue.DONE, Visibility.VISIBLE, True, overturns=True),
    ActionKind.HIDE: Outcome(Queue.DONE, Visibility.HIDDEN, True),
    ActionKind.RESTORE: Outcome(Queue.DONE, Visibility.VISIBLE, True, overturns=True, reason_required=True),
    ActionKind.REMOVE: Outcome(Queue.DONE, Visibility.REMOVED, True, reason_required=True),
    ActionKind.REDIRECT: Outcome(Queue.DONE, None, True),
    ActionKind.ESCALATE: Outcome(Queue.SAFEGUARDING, None, True, reason_required=True),
    ActionKind.ACKNOWLEDGE: Outcome(None, None, True),
    ActionKind.THEME: Outcome(Queue.DONE, None, True),
    ActionKind.NOTE: Outcome(None, None, False),
}
ITEM_ACTIONS: tuple[str, ...] = (*OUTCOMES, ActionKind.BLOCK, ActionKind.UNBLOCK)
#: Actions that cite the engine's clauses when the person names none.
CITES_DECISION = frozenset({ActionKind.HIDE, ActionKind.REMOVE, ActionKind.REDIRECT, ActionKind.ESCALATE})


@dataclass(frozen=True, slots=True)
class ActionRequest:
    kind: str
    reason: str = ""
    clause_ids: tuple[str, ...] = ()
    template: str = ""
    placeholders: Mapping[str, str] = field(default_factory=dict)
    team: str = ""
    note: str = ""
    strike: bool = False  # hide/remove: also record a strike when the engine did not


@dataclass(frozen=True, slots=True)
class ActionResult:
    item: Item
    action: ModeratorAction


def act(user: Any, item_id: int, request: ActionRequest) -> ActionResult:
    """Carry out one action on one item (see the module docstring)."""
    if request.kind not in ITEM_ACTIONS:
        raise InvalidRequest(f"unknown action {request.kind[:40]!r}; one of: {', '.join(ITEM_ACTIONS)}")
    if request.kind in (ActionKind.BLOCK, ActionKind.UNBLOCK):
        return _author_action(user, item_id, request)
    outcome = OUTCOMES[request.kind]
    reason = (required_text if outcome.reason_required else optional_text)(request.reason, "reason")
    with transaction.atomic():
        item = locked_item(item_id)
        check_act(user, item)
        if request.kind == ActionKind.ACKNOWLEDGE and not user.has_perm(ACT_SAFEGUARDING, item):
            raise PermissionDenied("only a safeguarding lead may acknowledge an escalation")
        now = timezone.now()
        check_not_claimed_by_other(user, item, now)
        clauses = _clauses(item, request)
        row = ModeratorAction(item=item, user=user, kind=request.kind, reason=reason, clause_ids=clauses, at=now)
        data: dict[str, Any] = _perform(user, item, request, row, now)
        row.save()
        clauses = list(row.clause_ids)
        _move(item, outcome, now)
        if outcome.overturns and (strike := overturn_strike(item, user, now)) is not None:
            data["strike_overturned"] = strike.pk
        if request.kind in (ActionKind.HIDE, ActionKind.REMOVE) and request.strike:
            data["strike"] = _moderator_strike(item, clauses)
        data.update(action=row.pk, queue=item.queue, visibility=item.visibility)
        record(f"item.{request.kind}", actor=user, obj=item, clause_ids=clauses, reason=reason, data=data, at=now)
    return ActionResult(item, row)


def act_many(user: Any, item_ids: Iterable[int], request: ActionRequest) -> dict[int, str]:
    """The same action on several items, each in its own transaction. Maps item id to '' (done) or the error."""
    results: dict[int, str] = {}
    for item_id in dict.fromkeys(item_ids):
        try:
            act(user, item_id, request)
            results[item_id] = ""
        except StewardError as exc:
            results[item_id] = str(exc)
    return results


def _clauses(item: Item, request: ActionRequest) -> list[str]:
    """The clauses the person named (checked against the pack), else the engine's for actions that enforce it."""
    decision = getattr(item, "decision", None)
    engine = list(decision.clause_ids) if decision is not None else []
    given = list(dict.fromkeys(str(c).strip() for c in request.clause_ids if str(c).strip()))
    if len(given) > MAX_CLAUSES:
        raise InvalidRequest(f"too many clauses (at most {MAX_CLAUSES})")
    # The engine's clauses stand even if a newer pack version renamed them; anything else must exist now.
    checked = set(clause_list([c for c in given if c not in engine], inbound_pack(item.channel.organisation)))
    clauses = [c for c in given if c in engine or c in checked]
    if not clauses and request.kind in CITES_DECISION:
        clauses = engine
    return clauses


def _perform(user: Any, item: Item, request: ActionRequest, row: ModeratorAction, now: datetime) -> dict[str, Any]:
    """The action's own effect beyond the queue move; returns what the audit event should add."""
    kind = request.kind
    if kind == ActionKind.REDIRECT:
        org = item.channel.organisation
        key = optional_text(request.template, "template", 100)
        if not key:
            raise InvalidRequest("choose a reply template")
        template = get_template(org, key)
        row.template, row.reply_text = key, ready_text(template, inbound_pack(org), item, request.placeholders)
        row.clause_ids = list(dict.fromkeys([*row.clause_ids, *template.clause_ids]))
        return {"template": key}
    if kind == ActionKind.ESCALATE:
        escalation = raise_escalation(item, reason=row.reason, user=user, at=now, clause_ids=row.clause_ids)
        if escalation is None:
            raise ConflictError(f"item {item.pk} is already escalated")
        page_after_commit(escalation.pk)
        return {"escalation": escalation.pk}
    if kind == ActionKind.ACKNOWLEDGE:
        updated = Escalation.objects.filter(item=item, acknowledged_at__isnull=True).update(
            acknowledged_by=user, acknowledged_at=now
        )
        if not updated:
            raise ConflictError(f"item {item.pk} has no escalation waiting for acknowledgement")
        return {}
    if kind == ActionKind.THEME:
        row.team = required_text(request.team, "team", 100)
        note = optional_text(request.note, "note", MAX_NOTE)
        theme = Theme.objects.create(item=item, team=row.team, note=note, user=user, at=now)
        return {"team": row.team, "theme": theme.pk}
    if kind == ActionKind.NOTE:
        text = required_text(request.note or request.reason, "note", MAX_NOTE)
        note_row = Note.objects.create(item=item, user=user, text=text, at=now)
        return {"note": note_row.pk}
    return {}


def _move(item: Item, outcome: Outcome, now: datetime) -> None:
    fields: dict[str, Any] = {}
    if outcome.queue is not None:
        fields["queue"] = outcome.queue
        if outcome.queue == Queue.DONE:  # finished: the claim goes with it
            fields["claimed_by"], fields["claimed_at"] = None, None
    if outcome.visibility is not None:
        fields["visibility"] = outcome.visibility
    if outcome.responds and item.responded_at is None:
        fields["responded_at"] = now
    if fields:
        Item.objects.filter(pk=item.pk).update(**fields)
        for name, value in fields.items():
            setattr(item, name, value)


def _moderator_strike(item: Item, clauses: list[str]) -> int | None:
    """A strike the moderator records on hide/remove (none without an author; the engine's stands)."""
    if item.author_id is None:
        return None
    decision = getattr(item, "decision", None)
    strike, created = Strike.objects.get_or_create(
        item=item,
        defaults={
            "author_id": item.author_id,
            "clause_ids": clauses,
            "categories": list(decision.categories) if decision is not None else [],
            "at": item.created_at or item.received_at,
        },
    )
    if not created and strike.overturned_at is not None:  # hidden again after a restore: it counts again
        Strike.objects.filter(pk=strike.pk).update(overturned_at=None, overturned_by=None)
    return strike.pk


def _author_action(user: Any, item_id: int, request: ActionRequest) -> ActionResult:
    """Block or unblock the item's author; the ModeratorAction also points at the item it was done from."""
    item = get_item(item_id)
    check_view(user, item)
    if item.author_id is None:
        raise InvalidRequest(f"item {item.pk} has no known author to {request.kind}")
    if request.kind == ActionKind.BLOCK:
        row = authors.block(user, item.author_id, reason=request.reason, clause_ids=list(request.clause_ids), item=item)
    else:
        row = authors.unblock(user, item.author_id, reason=request.reason, item=item)
    return ActionResult(item, row)
