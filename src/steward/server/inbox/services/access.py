"""Who may see and act on which item. Shared by the queues, the actions, the API and the web pages.

Safeguarding items are invisible to anyone without ``steward.view_safeguarding``: items in the safeguarding
queue, items that were ever escalated, and items whose decision names self-harm or child safety. Routing and
escalation keep that on the item (``Item.sensitive``), so the queues filter on an indexed column instead of
joining every decision. Someone who may not see an item is told it does not exist (``NotFound``), so its
existence does not leak either.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from steward.errors import NotFound, PermissionDenied
from steward.server.inbox.models import Item, Queue

#: Decision categories that make an item a safeguarding matter wherever it is queued.
SENSITIVE_CATEGORIES: tuple[str, ...] = ("self_harm", "child_safety")

VIEW = "steward.view_items"
ACT = "steward.act_on_items"
VIEW_SAFEGUARDING = "steward.view_safeguarding"
ACT_SAFEGUARDING = "steward.act_on_safeguarding"
MANAGE_AUTHORS = "steward.manage_authors"


def sensitive_q(prefix: str = "") -> Q:
    """A filter matching safeguarding items (``prefix`` e.g. ``"item__"`` from a related model)."""
    return Q(**{f"{prefix}queue": Queue.SAFEGUARDING}) | Q(**{f"{prefix}sensitive": True})


def sensitive_categories(categories: Iterable[str]) -> bool:
    return not set(categories).isdisjoint(SENSITIVE_CATEGORIES)


def is_sensitive(item: Item) -> bool:
    """The Python twin of ``sensitive_q`` (no query: routing and escalation keep ``Item.sensitive`` up to date)."""
    return item.sensitive or item.queue == Queue.SAFEGUARDING


def may_see_safeguarding(user: Any) -> bool:
    return bool(user.has_perm(VIEW_SAFEGUARDING))


def visible_items(user: Any, base: QuerySet[Item] | None = None) -> QuerySet[Item]:
    """The items ``user`` may see (none without ``steward.view_items``)."""
    qs = base if base is not None else Item.objects.all()
    if not user.has_perm(VIEW):
        return qs.none()
    if may_see_safeguarding(user):
        return qs
    return qs.exclude(sensitive_q())


def can_view(user: Any, item: Item) -> bool:
    if not user.has_perm(VIEW, item):
        return False
    return may_see_safeguarding(user) or not is_sensitive(item)


def check_view(user: Any, item: Item) -> None:
    if not can_view(user, item):
        raise NotFound(f"no item {item.pk}")


def check_act(user: Any, item: Item) -> None:
    """Raise unless ``user`` may act on ``item`` (safeguarding items need the safeguarding permission)."""
    check_view(user, item)
    if not user.has_perm(ACT, item):
        raise PermissionDenied("your role does not allow acting on items")
    if is_sensitive(item) and not user.has_perm(ACT_SAFEGUARDING, item):
        raise PermissionDenied("only a safeguarding lead may act on a safeguarding item")


def check_perm(user: Any, perm: str, what: str) -> None:
    if not user.has_perm(perm):
        raise PermissionDenied(f"your role does not allow {what}")
