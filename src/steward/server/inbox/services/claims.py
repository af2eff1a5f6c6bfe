"""Claims: one person works an item at a time.

A claim lasts ``STEWARD_CLAIM_MINUTES`` (30 by default) from when it was made or renewed; after that anyone may
take the item over. While a claim is live, nobody else may claim, release or act on the item. Finishing an item
(any action that moves it to ``done``) releases the claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from steward.errors import ConflictError, NotFound
from steward.server.audit.chain import record
from steward.server.inbox.models import ActionKind, Item, ModeratorAction
from steward.server.inbox.services.access import check_act


def claim_minutes() -> int:
    return int(getattr(settings, "STEWARD_CLAIM_MINUTES", 30))


def claim_live_since(now: datetime) -> datetime:
    """Claims made at or after this instant are still live."""
    return now - timedelta(minutes=claim_minutes())


@dataclass(frozen=True, slots=True)
class ClaimState:
    claimed_by: str | None
    claimed_at: datetime | None
    expires_at: datetime | None


def claim_state(item: Item, now: datetime | None = None) -> ClaimState:
    """Who holds a live claim on ``item`` (nobody when it is unclaimed or the claim has expired)."""
    now = now or timezone.now()
    if item.claimed_by_id is None or item.claimed_at is None or item.claimed_at < claim_live_since(now):
        return ClaimState(None, None, None)
    expires = item.claimed_at + timedelta(minutes=claim_minutes())
    holder = item.claimed_by.get_username() if item.claimed_by is not None else str(item.claimed_by_id)
    return ClaimState(holder, item.claimed_at, expires)


def check_not_claimed_by_other(user: Any, item: Item, now: datetime | None = None) -> None:
    state = claim_state(item, now)
    if state.claimed_by is not None and item.claimed_by_id != user.pk:
        until = timezone.localtime(state.expires_at).strftime("%H:%M") if state.expires_at else "?"
        raise ConflictError(f"item {item.pk} is claimed by {state.claimed_by} (until {until}); ask them to release it")


_RELATED = ("decision", "author", "channel__organisation", "claimed_by", "escalation")


def get_item(item_id: int) -> Item:
    """The item with what the workflow reads about it (NotFound when there is none)."""
    item = Item.objects.select_related(*_RELATED).filter(pk=item_id).first()
    if item is None:
        raise NotFound(f"no item {item_id}")
    return item


def locked_item(item_id: int) -> Item:
    """The item, locked for update (call inside a transaction)."""
    item = Item.objects.select_for_update(of=("self",)).select_related(*_RELATED).filter(pk=item_id).first()
    if item is None:
        raise NotFound(f"no item {item_id}")
    return item


def claim(user: Any, item_id: int) -> Item:
    """Claim the item for ``user`` (renews their own claim). Conflict if someone else holds a live claim."""
    with transaction.atomic():
        item = locked_item(item_id)
        check_act(user, item)
        now = timezone.now()
        free = Q(claimed_by__isnull=True) | Q(claimed_by=user) | Q(claimed_at__lt=claim_live_since(now))
        if not Item.objects.filter(free, pk=item.pk).update(claimed_by=user, claimed_at=now):
            check_not_claimed_by_other(user, item, now)
            raise ConflictError(f"item {item.pk} was claimed by someone else just now")
        item.claimed_by, item.claimed_at = user, now
        _log(user, item, ActionKind.CLAIM, now)
    return item


def release(user: Any, item_id: int) -> Item:
    """Give up the claim. Only its holder may release a live claim; an expired one anyone may clear."""
    with transaction.atomic():
        item = locked_item(item_id)
        check_act(user, item)
        if item.claimed_by_id is None:
            raise ConflictError(f"item {item.pk} is not claimed")
        now = timezone.now()
        check_not_claimed_by_other(user, item, now)
        Item.objects.filter(pk=item.pk).update(claimed_by=None, claimed_at=None)
        item.claimed_by, item.claimed_at = None, None
        _log(user, item, ActionKind.RELEASE, now)
    return item


def _log(user: Any, item: Item, kind: str, now: datetime) -> None:
    row = ModeratorAction.objects.create(item=item, user=user, kind=kind, at=now)
    record(f"item.{kind}", actor=user, obj=item, data={"action": row.pk}, at=now)
