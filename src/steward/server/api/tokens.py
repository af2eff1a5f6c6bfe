"""Per-user API tokens: create one for yourself (the secret is shown once), list yours, revoke one.

Any signed-in staff role may hold tokens; an administrator may revoke anyone's. Issue and revoke are audited.
Over a browser session, creating a token needs the CSRF token like any other unsafe request.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, P, PathEx, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import field_validator

from steward.server.accounts.models import ApiToken
from steward.server.accounts.rules import is_staff_member
from steward.server.audit.chain import record

router = Router(tags=["tokens"])

MAX_ACTIVE_TOKENS = 20
MAX_ID = 2**63 - 1
# A row id in a path: out-of-range numbers are a 422, never a database overflow.
RowId = PathEx[int, P(ge=1, le=MAX_ID)]


def require_staff(request: HttpRequest) -> Any:
    """The signed-in user if they hold any staff role, else 403."""
    user = request.auth  # type: ignore[attr-defined]
    if not is_staff_member.test(user):
        raise HttpError(403, "your role does not allow this (a staff role is needed)")
    return user


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100, description="What the token is for, e.g. 'reporting script'.")

    @field_validator("name")
    @classmethod
    def _plain(cls, value: str) -> str:
        cleaned = value.strip()
        if not cleaned:
            raise ValueError("the name must not be blank")
        if any(ord(c) < 32 or ord(c) == 127 for c in cleaned):
            raise ValueError("the name must not hold control characters")
        return cleaned


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreated(TokenOut):
    token: str = Field(description="The secret. Shown this once; only its hash is kept.")


@router.post("", response={201: TokenCreated}, summary="Create an API token for yourself (secret shown once)")
def create_token(request: HttpRequest, body: TokenIn) -> Status[dict[str, Any]]:
    user = require_staff(request)
    with transaction.atomic():
        active = ApiToken.objects.filter(user=user, revoked_at__isnull=True).count()
        if active >= MAX_ACTIVE_TOKENS:
            raise HttpError(409, f"you already hold {active} active tokens; revoke one first")
        row, secret = ApiToken.issue(user, body.name)
        record("token.issued", actor=user, obj=row, data={"name": row.name, "prefix": row.prefix})
    return Status(201, {**_out(row), "token": secret})


@router.get("", response=list[TokenOut], summary="Your API tokens (never their secrets)")
def list_tokens(request: HttpRequest) -> list[dict[str, Any]]:
    user = require_staff(request)
    return [_out(row) for row in ApiToken.objects.filter(user=user).order_by("-created_at", "-id")]


@router.delete("/{token_id}", response={204: None}, summary="Revoke a token (your own; an admin may revoke any)")
def revoke_token(request: HttpRequest, token_id: RowId) -> Status[None]:
    user = require_staff(request)
    with transaction.atomic():
        row = ApiToken.objects.select_for_update().select_related("user").filter(pk=token_id).first()
        # Someone else's token is "not found" unless you may manage users: its existence is not yours to learn.
        if row is None or (row.user_id != user.pk and not user.has_perm("steward.manage_users")):
            raise HttpError(404, "no such token")
        if row.revoked_at is None:
            row.revoked_at = timezone.now()
            row.save(update_fields=["revoked_at"])
            record(
                "token.revoked",
                actor=user,
                obj=row,
                data={"owner": row.user.get_username(), "name": row.name, "prefix": row.prefix},
            )
    return Status(204, None)


def _out(row: ApiToken) -> dict[str, Any]:
    return {
        "id": row.pk,
        "name": row.name,
        "prefix": row.prefix,
        "created_at": row.created_at,
        "last_used_at": row.last_used_at,
        "revoked_at": row.revoked_at,
    }
