"""Paging the safeguarding lead: an e-mail to every active safeguarding lead and the organisation's safeguarding
address, sent the moment an escalation commits, whatever the hour.

The e-mail carries no comment text, no author name and no other personal data: only the item's number and
link, the category, the clauses and the due time. Whoever reads it signs in to see the rest.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from steward.server.accounts.roles import Role
from steward.server.audit.chain import record
from steward.server.inbox.models import Escalation

log = logging.getLogger(__name__)

#: Where a reader of the page opens the item; ``{id}`` is the item's number.
DEFAULT_ITEM_URL = "http://127.0.0.1:8000/items/{id}/"
SAFEGUARDING_CATEGORIES = frozenset({"self_harm", "child_safety", "extremism", "threat"})


def page_after_commit(escalation_id: int) -> None:
    """Page for the escalation once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: page(escalation_id))


def recipients(safeguarding_email: str) -> list[str]:
    """Every active safeguarding lead's address and the organisation's safeguarding address, each once."""
    leads = User.objects.filter(is_active=True, groups__name=Role.SAFEGUARDING_LEAD.value).exclude(email="")
    found = {email.strip().lower() for email in leads.values_list("email", flat=True) if email.strip()}
    if safeguarding_email.strip():
        found.add(safeguarding_email.strip().lower())
    return sorted(found)


def page(escalation_id: int) -> list[str]:
    """Send the page now and record who was notified and when. Returns the addresses paged."""
    escalation = (
        Escalation.objects.select_related("item__channel__organisation", "item__decision")
        .filter(pk=escalation_id)
        .first()
    )
    if escalation is None:  # the escalation was rolled back or deleted
        return []
    item = escalation.item
    addresses = recipients(item.channel.organisation.safeguarding_email)
    if not addresses:
        record("escalation.page_failed", obj=escalation, reason="no safeguarding lead has an e-mail address")
        return []
    try:
        _message(escalation, addresses).send()
    except Exception as exc:  # a mail failure is recorded; the escalation itself is never lost
        log.exception("paging the safeguarding lead failed for escalation %s", escalation_id)
        record("escalation.page_failed", obj=escalation, reason=type(exc).__name__)
        return []
    now = timezone.now()
    with transaction.atomic():
        Escalation.objects.filter(pk=escalation.pk).update(notified=addresses, notified_at=now)
        record("escalation.paged", obj=escalation, data={"item": item.pk, "addresses": len(addresses)}, at=now)
    return addresses


def _message(escalation: Escalation, addresses: list[str]) -> EmailMessage:
    item = escalation.item
    decision = getattr(item, "decision", None)
    categories = [c for c in (decision.categories if decision else []) if c in SAFEGUARDING_CATEGORIES]
    category = ", ".join(categories) or "raised by a moderator"
    clauses = ", ".join(decision.clause_ids) if decision and decision.clause_ids else "-"
    due = timezone.localtime(item.due_at).strftime("%a %d %b %Y %H:%M") if item.due_at else "-"
    raised = timezone.localtime(escalation.raised_at).strftime("%a %d %b %Y %H:%M")
    link = str(getattr(settings, "STEWARD_ITEM_URL", DEFAULT_ITEM_URL)).replace("{id}", str(item.pk))
    body = "\n".join(
        [
            "An item has been escalated to safeguarding and needs a safeguarding lead now.",
            "",
            f"Item: #{item.pk}",
            f"Open: {link}",
            f"Category: {category}",
            f"Policy clauses: {clauses}",
            f"Escalated: {raised}",
            f"Response due: {due}",
            "",
            "This e-mail holds no comment text or personal data. Sign in to Steward to see the item.",
        ]
    )
    subject = f"Steward: safeguarding escalation #{item.pk} ({category})"
    return EmailMessage(subject=subject, body=body, to=addresses)
