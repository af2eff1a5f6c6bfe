"""Saved inbox filters: a person names the view they are looking at and gets it back from the inbox."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from steward.server.web.guard import page
from steward.server.web.models import SavedFilter

KEYS = ("queue", "channel", "category", "clause", "author", "age")
MAX_SAVED = 20


def clean_query(query: str) -> str:
    """Only the inbox's own parameters, each once, values capped: what is stored and linked is never raw input."""
    pairs = [(k, v[:200]) for k, v in parse_qsl(query[:2000]) if k in KEYS and v and "\x00" not in v]
    return urlencode(dict(pairs))


def _uid(request: HttpRequest) -> int:
    """The signed-in user's id (the page guard has already turned anonymous visitors away)."""
    return int(request.user.pk or 0)


def saved_for(user: Any) -> list[SavedFilter]:
    return list(SavedFilter.objects.filter(user_id=user.pk).order_by("name")[:MAX_SAVED])


@page("steward.view_items")
@require_http_methods(["POST"])
def save_filter(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.POST.get("query", ""))
    name = " ".join(request.POST.get("name", "").split())[:80].replace("\x00", "")
    back = "/inbox/?" + query
    if not name:
        messages.error(request, "Give the filter a name to save it.")
        return redirect(back)
    if SavedFilter.objects.filter(user_id=_uid(request)).count() >= MAX_SAVED:
        messages.error(request, f"You can keep {MAX_SAVED} saved filters; delete one first.")
        return redirect(back)
    try:
        with transaction.atomic():
            SavedFilter.objects.create(user_id=_uid(request), name=name, query=query)
    except IntegrityError:
        messages.error(request, "You already have a saved filter with that name.")
        return redirect(back)
    messages.success(request, f"Saved the filter “{name}”.")
    return redirect(back)


@page("steward.view_items")
@require_http_methods(["POST"])
def delete_filter(request: HttpRequest, filter_id: int) -> HttpResponse:
    deleted, _ = SavedFilter.objects.filter(pk=filter_id, user_id=_uid(request)).delete()
    if deleted:
        messages.success(request, "Deleted the saved filter.")
    return redirect("web:inbox")
