"""What happens to an item once the engine has decided: its queue, automatic hiding, its due time, strikes,
and the safeguarding page. Runs inside the transaction that stores the decision.

- The queue follows the decision's action; ``hide`` and ``remove`` are carried out at once (the item is hidden,
  never deleted) and wait in ``auto_hidden`` for a person to confirm or restore.
- ``due_at`` counts the pack's response target in monitored minutes (weekdays, hours, bank holidays), from
  ``received_at``; an arrival outside monitored hours is flagged ``out_of_hours``.
- A decision the pack counts as a strike records one against the item's author.
- An escalation records an ``Escalation`` and pages the safeguarding leads at once, whatever the hour (the mail
  goes after the transaction commits, so a rolled-back decision pages nobody).
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from steward.content import Action
from steward.policy import OrgCalendar
from steward.server.audit.chain import record
from steward.server.inbox.models import Decision, Escalation, Item, Queue, Strike, Visibility
from steward.server.inbox.services.access import sensitive_categories
from steward.server.inbox.services.paging import page_after_commit

QUEUE_FOR_ACTION: dict[str, Queue] = {
    Action.ESCALATE: Queue.SAFEGUARDING,
    Action.REMOVE: Queue.AUTO_HIDDEN,
    Action.HIDE: Queue.AUTO_HIDDEN,
    Action.REDIRECT: Queue.COMPLAINTS,
    Action.REVIEW: Queue.NEEDS_REVIEW,
    Action.ALLOW: Queue.DONE,
}


def route_new_decision(item: Item, decision: Decision, calendar: OrgCalendar) -> None:
    """Set the item's queue, visibility, due time and out-of-hours flag from its decision (the caller saves
    those four fields); record the strike and the escalation rows, and page for an escalation after commit.

    ``item`` must already be saved (strikes and escalations point at it).
    """
    queue = QUEUE_FOR_ACTION.get(decision.action, Queue.NEEDS_REVIEW)
    item.queue = queue
    if queue == Queue.AUTO_HIDDEN:
        item.visibility = Visibility.HIDDEN
    item.out_of_hours = not calendar.is_monitored(item.received_at)
    item.due_at = None if queue == Queue.DONE else calendar.due(item.received_at)
    if sensitive_categories(decision.categories):
        mark_sensitive(item)
    if decision.strike and item.author_id is not None:
        record_strike(item, decision)
    if decision.action == Action.ESCALATE:
        reason = f"engine rule {', '.join(decision.rule_ids) or 'escalate'}"
        escalation = raise_escalation(item, reason=reason, at=decision.decided_at, clause_ids=list(decision.clause_ids))
        if escalation is not None:
            page_after_commit(escalation.pk)


def mark_sensitive(item: Item) -> None:
    """From now on only safeguarding leads see the item (saved at once: the caller saves other fields only)."""
    item.sensitive = True
    Item.objects.filter(pk=item.pk).update(sensitive=True)


def record_strike(item: Item, decision: Decision) -> Strike:
    """The strike this item's decision counts against its author (one per item; at = when it was posted)."""
    assert item.author_id is not None
    strike, _ = Strike.objects.get_or_create(
        item=item,
        defaults={
            "author_id": item.author_id,
            "clause_ids": list(decision.clause_ids),
            "categories": list(decision.categories),
            "at": item.created_at or item.received_at,
        },
    )
    return strike


def raise_escalation(
    item: Item, *, reason: str, user: object = None, at: datetime | None = None, clause_ids: list[str] | None = None
) -> Escalation | None:
    """Record a safeguarding escalation for the item (None when it is already escalated). Audited."""
    escalation, created = Escalation.objects.get_or_create(
        item=item,
        defaults={"raised_at": at or timezone.now(), "raised_by": user, "reason": reason},
    )
    if not created:
        return None
    mark_sensitive(item)
    record(
        "escalation.raised",
        actor=user,
        obj=escalation,
        clause_ids=clause_ids or [],
        reason=reason,
        data={"item": item.pk},
    )
    return escalation
