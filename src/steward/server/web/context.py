"""Context every page template receives: the CSP nonce, the NHS.UK asset path and the role-aware navigation."""

from __future__ import annotations

from typing import Any

from django.contrib.messages import get_messages
from django.http import HttpRequest
from django.templatetags.static import static

from steward.server.accounts.roles import Role
from steward.server.web.nav import entries_for


def _roles(user: Any) -> list[str]:
    if not getattr(user, "is_authenticated", False):
        return []
    names = set(user.groups.values_list("name", flat=True))
    return [role.label for role in Role if role.value in names]


def page(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    nonce = getattr(request, "csp_nonce", None)
    return {
        # nhsuk/template.jinja puts this on its one inline script; django-csp adds it to the header.
        "cspNonce": str(nonce) if nonce is not None else "",
        "assetPath": static("nhsuk/assets"),
        "nav_items": entries_for(user, request.path),
        "user_roles": _roles(user),
        "messages": list(get_messages(request)),
    }
