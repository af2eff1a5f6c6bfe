"""Role-aware navigation: each page names the permission that opens it; the header lists only those a user has."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True, slots=True)
class NavEntry:
    label: str
    url_name: str
    permission: str
    section: str  # the first path segment the entry owns, for the "current page" marker


NAVIGATION: tuple[NavEntry, ...] = (
    NavEntry("Inbox", "web:inbox", "steward.view_items", "inbox"),
    NavEntry("Safeguarding", "web:safeguarding", "steward.view_safeguarding", "safeguarding"),
    NavEntry("Authors", "web:authors", "steward.view_items", "authors"),
    NavEntry("Dashboard", "web:dashboard", "steward.view_reports", "dashboard"),
    NavEntry("Policy", "web:policy", "steward.view_items", "policy"),
    NavEntry("Audit log", "web:audit", "steward.view_audit", "audit"),
    NavEntry("Staff posts", "web:posts", "steward.write_posts", "posts"),
)


def entries_for(user: Any, path: str) -> list[dict[str, Any]]:
    """The header's navigation items for this user (nhsuk-frontend-jinja's header ``navigation.items``)."""
    if not getattr(user, "is_authenticated", False):
        return []
    section = path.strip("/").split("/", 1)[0] or "inbox"
    if section == "items":
        section = "inbox"
    items: list[dict[str, Any]] = []
    for entry in NAVIGATION:
        if not user.has_perm(entry.permission):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:  # a page not mounted in this build
            continue
        items.append({"text": entry.label, "href": url, "current": section == entry.section})
    return items
