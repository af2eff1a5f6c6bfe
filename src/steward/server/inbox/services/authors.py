"""Authors: their history (items, breaches per clause, strikes, the recommended sanction) and blocking.

Blocking and unblocking need ``steward.manage_authors``, a reason, and (to block) the clauses breached. Both are
recorded as a ``ModeratorAction`` and in the audit log, in the same transaction as the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from steward.errors import ConflictError, NotFound
from steward.sanctions import Sanction
from steward.server.audit.chain import record
from steward.server.inbox.models import ActionKind, Author, Item, ModeratorAction, Strike
from steward.server.inbox.services.access import MANAGE_AUTHORS, VIEW, check_perm, visible_items
from steward.server.inbox.services.sanctions import breaches_by_clause, inbound_pack, recommended
from steward.server.inbox.services.validation import clause_list, required_text

HISTORY_ITEMS = 50


@dataclass(frozen=True, slots=True)
class StrikeRow:
    id: int
    item_id: int | None  # None when the viewer may not see the item (a safeguarding matter)
    at: datetime
    clause_ids: tuple[str, ...]
    categories: tuple[str, ...]
    overturned_at: datetime | None
    counts: bool  # inside the window and not overturned


@dataclass(frozen=True, slots=True)
class HistoryItem:
    id: int
    received_at: datetime
    action: str
    clause_ids: tuple[str, ...]
    queue: str
    visibility: str


@dataclass(frozen=True, slots=True)
class AuthorHistory:
    author: Author
    item_count: int
    items: tuple[HistoryItem, ...]  # most recent first, at most HISTORY_ITEMS
    breaches: dict[str, int]
    strikes: tuple[StrikeRow, ...]
    standing_strikes: int
    window_days: int
    sanction: Sanction | None
    actions: tuple[ModeratorAction, ...]  # blocks and unblocks, oldest first


def get_author(author_id: int) -> Author:
    author = Author.objects.filter(pk=author_id).first()
    if author is None:
        raise NotFound(f"no author {author_id}")
    return author


def history(user: Any, author_id: int, now: datetime | None = None) -> AuthorHistory:
    """What the team knows about an author, limited to what ``user`` may see."""
    check_perm(user, VIEW, "viewing authors")
    author = get_author(author_id)
    now = now or timezone.now()
    rules = inbound_pack().sanctions
    items_qs = visible_items(user).filter(author=author).select_related("decision")
    items = tuple(
        HistoryItem(
            i.pk,
            i.received_at,
            getattr(getattr(i, "decision", None), "action", ""),
            tuple(getattr(getattr(i, "decision", None), "clause_ids", ())),
            i.queue,
            i.visibility,
        )
        for i in items_qs.order_by("-received_at", "-pk")[:HISTORY_ITEMS]
    )
    seen = set(visible_items(user).filter(author=author).values_list("pk", flat=True))
    since = now - timedelta(days=rules.strike_window_days)
    strikes = tuple(
        StrikeRow(
            s.pk,
            s.item_id if s.item_id in seen else None,
            s.at,
            tuple(s.clause_ids),
            tuple(s.categories),
            s.overturned_at,
            s.overturned_at is None and s.at >= since,
        )
        for s in Strike.objects.filter(author=author).order_by("-at", "-pk")
    )
    actions = tuple(
        ModeratorAction.objects.filter(author=author, kind__in=[ActionKind.BLOCK, ActionKind.UNBLOCK])
        .select_related("user")
        .order_by("at", "pk")
    )
    return AuthorHistory(
        author=author,
        item_count=items_qs.count(),
        items=items,
        breaches=breaches_by_clause(author),
        strikes=strikes,
        standing_strikes=sum(1 for s in strikes if s.counts),
        window_days=rules.strike_window_days,
        sanction=recommended(author, rules, now),
        actions=actions,
    )


def block(
    user: Any, author_id: int, *, reason: str, clause_ids: list[str], item: Item | None = None
) -> ModeratorAction:
    """Block the author (the reason and the clauses breached are required). Returns the recorded action."""
    check_perm(user, MANAGE_AUTHORS, "blocking authors")
    why = required_text(reason, "reason")
    clauses = clause_list(clause_ids, inbound_pack(), required=True)
    with transaction.atomic():
        author = Author.objects.select_for_update().filter(pk=author_id).first()
        if author is None:
            raise NotFound(f"no author {author_id}")
        if author.blocked:
            raise ConflictError(f"author {author.pk} is already blocked")
        now = timezone.now()
        Author.objects.filter(pk=author.pk).update(
            blocked=True, blocked_at=now, blocked_by=user, blocked_reason=why, blocked_clauses=clauses
        )
        row = _log(user, author, ActionKind.BLOCK, why, clauses, now, item)
    author.refresh_from_db()
    return row


def unblock(user: Any, author_id: int, *, reason: str, item: Item | None = None) -> ModeratorAction:
    """Lift a block (a reason is required; the block's clauses are kept in the action record)."""
    check_perm(user, MANAGE_AUTHORS, "unblocking authors")
    why = required_text(reason, "reason")
    with transaction.atomic():
        author = Author.objects.select_for_update().filter(pk=author_id).first()
        if author is None:
            raise NotFound(f"no author {author_id}")
        if not author.blocked:
            raise ConflictError(f"author {author.pk} is not blocked")
        now = timezone.now()
        clauses = list(author.blocked_clauses)
        Author.objects.filter(pk=author.pk).update(
            blocked=False, blocked_at=None, blocked_by=None, blocked_reason="", blocked_clauses=[]
        )
        row = _log(user, author, ActionKind.UNBLOCK, why, clauses, now, item)
    author.refresh_from_db()
    return row


def _log(
    user: Any, author: Author, kind: str, reason: str, clauses: list[str], now: datetime, item: Item | None
) -> ModeratorAction:
    row = ModeratorAction.objects.create(
        author=author, item=item, user=user, kind=kind, reason=reason, clause_ids=clauses, at=now
    )
    data = {"action": row.pk, "item": item.pk if item is not None else None}
    record(f"author.{kind}", actor=user, obj=author, clause_ids=clauses, reason=reason, data=data, at=now)
    return row
