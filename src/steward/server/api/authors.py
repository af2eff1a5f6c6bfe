"""Authors over the API: history, breaches per clause, strikes and the recommended sanction; block and unblock.

Reading needs ``steward.view_items`` (a safeguarding item in the history is left out, and a strike on one loses
its item link, for anyone without the safeguarding permission); blocking and unblocking ``steward.manage_authors``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.params import P, PathEx

from steward.server.api.auth import require
from steward.server.api.workflow import MAX_ID
from steward.server.inbox.models import Author, ModeratorAction
from steward.server.inbox.services import authors

router = Router(tags=["authors"])


class AuthorRef(Schema):
    """An author as shown beside an item."""

    id: int
    platform: str
    handle: str
    display_name: str
    blocked: bool


class AuthorOut(AuthorRef):
    blocked_at: datetime | None
    blocked_reason: str
    blocked_clauses: list[str]


class HistoryItemOut(Schema):
    id: int
    received_at: datetime
    action: str
    clause_ids: list[str]
    queue: str
    visibility: str


class StrikeOut(Schema):
    id: int
    item_id: int | None
    at: datetime
    clause_ids: list[str]
    categories: list[str]
    overturned_at: datetime | None
    counts: bool


class SanctionOut(Schema):
    recommended: str
    strikes: int
    window_days: int


class AuthorActionOut(Schema):
    kind: str
    user: str
    reason: str
    clause_ids: list[str]
    at: datetime
    item_id: int | None


class AuthorHistoryOut(Schema):
    author: AuthorOut
    item_count: int
    items: list[HistoryItemOut]
    breaches: dict[str, int]
    strikes: list[StrikeOut]
    standing_strikes: int
    window_days: int
    sanction: SanctionOut | None
    actions: list[AuthorActionOut]


class BlockIn(Schema):
    reason: str = Field(..., max_length=2000)
    clause_ids: list[str] = Field(..., max_length=20, description="The clauses the author breached.")


class UnblockIn(Schema):
    reason: str = Field(..., max_length=2000)


def _author(row: Author) -> dict[str, Any]:
    return {
        "id": row.pk,
        "platform": row.platform,
        "handle": row.handle,
        "display_name": row.display_name,
        "blocked": row.blocked,
        "blocked_at": row.blocked_at,
        "blocked_reason": row.blocked_reason,
        "blocked_clauses": row.blocked_clauses,
    }


def _action(row: ModeratorAction) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "user": row.user.get_username(),
        "reason": row.reason,
        "clause_ids": row.clause_ids,
        "at": row.at,
        "item_id": row.item_id,
    }


@router.get("/{author_id}", response=AuthorHistoryOut, summary="An author's history, strikes and sanction")
def author_history(request: HttpRequest, author_id: PathEx[int, P(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    user = require(request, "steward.view_items")
    found = authors.history(user, author_id)
    return {
        "author": _author(found.author),
        "item_count": found.item_count,
        "items": found.items,
        "breaches": found.breaches,
        "strikes": found.strikes,
        "standing_strikes": found.standing_strikes,
        "window_days": found.window_days,
        "sanction": found.sanction.as_dict() if found.sanction else None,
        "actions": [_action(a) for a in found.actions],
    }


@router.post("/{author_id}/block", response=AuthorOut, summary="Block an author (reason and clauses required)")
def block_author(request: HttpRequest, body: BlockIn, author_id: PathEx[int, P(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    user = require(request, "steward.manage_authors")
    row = authors.block(user, author_id, reason=body.reason, clause_ids=body.clause_ids)
    assert row.author is not None
    return _author(row.author)


@router.post("/{author_id}/unblock", response=AuthorOut, summary="Unblock an author (reason required)")
def unblock_author(request: HttpRequest, body: UnblockIn, author_id: PathEx[int, P(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    user = require(request, "steward.manage_authors")
    row = authors.unblock(user, author_id, reason=body.reason)
    assert row.author is not None
    return _author(row.author)
