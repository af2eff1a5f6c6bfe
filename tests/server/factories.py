"""Items for service tests, made the way the service makes them: stored, run through the real pipeline of the
organisation's active inbound pack, the decision stored and routed (queue, due time, strike, escalation).

``make_item(channel, text, author="bob", received_at=...)``; ``decide=False`` leaves it pending, unassessed.
``TEXTS`` holds a comment for each outcome of the Surrey pack, checked in tests/server/test_routing.py.
"""

from __future__ import annotations

import itertools
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from steward.content import Author as ContentAuthor
from steward.content import ContentItem
from steward.server.governance.packs import active_version, pipeline_for
from steward.server.inbox.models import Author, Channel, Decision, Item, ItemState
from steward.server.inbox.services.routing import route_new_decision

TEXTS: dict[str, str] = {
    "abuse": "You are a useless idiot and a disgrace",  # hide, strike
    "commercial": "Buy cheap followers at www.spam-shop.biz",  # hide, strike
    "phone": "Call me on 07911 123456",  # hide (personal data), no strike
    "self_harm": "I want to kill myself tonight, I cannot go on any more",  # escalate, no strike
    "threat": "I am going to stab the receptionist tomorrow",  # escalate, strike
    "complaint": "I waited 6 hours in A&E and nobody apologised, I want to make a complaint about the terrible care",
    "political": "Vote Labour on Thursday!",  # review
    "fine": "Thanks for the update, very helpful",  # allow
}

_ids = itertools.count(1)


def make_author(channel: Channel, handle: str, display_name: str = "") -> Author:
    row, _ = Author.objects.get_or_create(
        platform=channel.platform,
        external_id=handle,
        defaults={"handle": handle, "display_name": display_name or handle.title()},
    )
    return row


def make_item(
    channel: Channel,
    text: str,
    *,
    author: Author | str | None = "bob",
    received_at: datetime | None = None,
    created_at: datetime | None = None,
    decide: bool = True,
    kind: str = "comment",
    external_id: str | None = None,
) -> Item:
    """Store an item on ``channel``; with ``decide`` (the default) assess, store and route it as the worker does."""
    who = make_author(channel, author) if isinstance(author, str) else author
    received = received_at or timezone.now()
    item = Item.objects.create(
        channel=channel,
        platform=channel.platform,
        external_id=external_id or f"t{next(_ids)}",
        kind=kind,
        text=text,
        author=who,
        created_at=created_at,
        received_at=received,
    )
    if decide:
        store_decision(item)
    return item


def store_decision(item: Item) -> Decision:
    """Run the pipeline on the item and store and route its decision (one transaction)."""
    version = active_version(item.channel.organisation.inbound_pack)
    pipeline = pipeline_for(version)
    author = item.author
    content = ContentItem(
        id=item.external_id,
        text=item.text,
        platform=item.platform,
        kind=item.kind,
        author=ContentAuthor(author.external_id, author.handle, author.display_name) if author else None,
        created_at=item.created_at,
    )
    d = pipeline.check(content, now=item.received_at)
    with transaction.atomic():
        row = Decision.objects.create(
            item=item,
            action=d.action.value,
            categories=list(d.categories),
            rule_ids=list(d.rule_ids),
            clause_ids=[c.id for c in d.clauses],
            clauses=[c.as_dict() for c in d.clauses],
            findings=[f.as_dict() for f in d.findings],
            scores=dict(d.scores),
            detectors=list(d.detectors),
            failures=[{"detector": f.detector, "error": f.error} for f in d.failures],
            policy_id=d.policy_id,
            policy_version=d.policy_version,
            pack=version,
            input_hash=d.input_hash,
            rationale=d.rationale,
            reply_template=d.reply_template or "",
            reply_text=d.reply_text or "",
            pre_election=d.pre_election,
            strike=d.strike,
            contract=d.as_contract(),
            decided_at=item.received_at,
        )
        route_new_decision(item, row, pipeline.calendar)
        item.state = ItemState.ASSESSED
        item.save(update_fields=["state", "queue", "visibility", "due_at", "out_of_hours"])
    return row
