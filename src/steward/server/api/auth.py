"""Authentication for the API: a per-user bearer token, or the browser session (CSRF enforced)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer

from steward.server.accounts.models import ApiToken, hash_token

LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if not token or len(token) > 200:
            return None
        row = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if row is None:
            return None
        now = timezone.now()
        # At most one write a minute per token: a write per request would serialise readers on SQLite.
        if row.last_used_at is None or now - row.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        return row.user


class SessionAuth(APIKeyCookie):
    """The Django session cookie; ninja checks the CSRF token for unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


AUTH = [TokenAuth(), SessionAuth(csrf=True)]


def require(request: HttpRequest, perm: str, obj: object = None) -> Any:
    """The signed-in user if they hold ``perm`` (on ``obj``), else 403."""
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm(perm, obj):
        raise HttpError(403, f"your role does not allow this ({perm.removeprefix('steward.')})")
    return user
