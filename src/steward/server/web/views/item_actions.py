"""The item page's forms: an action (approve, hide, restore, remove, escalate, acknowledge), claim and release,
a note, a reply from a template, and passing to a team. Each calls the workflow services, which check the role,
the claim and the input and write the audit event; a refusal comes back to the item page as an error message."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from steward.errors import NotFound, PermissionDenied, StewardError
from steward.server.inbox.models import ActionKind, Queue
from steward.server.inbox.services import claims
from steward.server.inbox.services.actions import ActionRequest, act
from steward.server.web import display
from steward.server.web.guard import page

FORM_ACTIONS = frozenset(
    {
        ActionKind.APPROVE,
        ActionKind.HIDE,
        ActionKind.RESTORE,
        ActionKind.REMOVE,
        ActionKind.ESCALATE,
        ActionKind.ACKNOWLEDGE,
    }
)
DONE_WORDS: dict[str, str] = {
    ActionKind.APPROVE: "Approved",
    ActionKind.HIDE: "Hidden",
    ActionKind.RESTORE: "Restored",
    ActionKind.REMOVE: "Removed",
    ActionKind.ESCALATE: "Escalated to safeguarding",
    ActionKind.ACKNOWLEDGE: "Escalation acknowledged",
    ActionKind.REDIRECT: "Reply sent",
    ActionKind.THEME: "Passed to the team",
    ActionKind.NOTE: "Note added",
}


def _item_url(item_id: int) -> str:
    return reverse("web:item", args=[item_id])


def _run(request: HttpRequest, item_id: int, work: Callable[[], object], done: str, back: str = "") -> HttpResponse:
    """Do the work; on a refusal go back to the item with the reason, else to ``back`` (default the item)."""
    try:
        work()
    except (NotFound, PermissionDenied):
        raise
    except StewardError as exc:
        messages.error(request, display.clean(str(exc), 400))
        return redirect(_item_url(item_id))
    messages.success(request, done)
    return HttpResponseRedirect(back or _item_url(item_id))


def _queue_url(request: HttpRequest) -> str:
    queue = request.POST.get("queue", "")
    return reverse("web:inbox") + "?" + urlencode({"queue": queue}) if queue in Queue.values else ""


@page("steward.act_on_items")
@require_http_methods(["POST"])
def take_action(request: HttpRequest, item_id: int) -> HttpResponse:
    kind = request.POST.get("kind", "")
    if kind not in FORM_ACTIONS:
        messages.error(request, "Choose an action.")
        return redirect(_item_url(item_id))
    clause = request.POST.get("clause", "").strip()[:40]
    action = ActionRequest(
        kind=kind,
        reason=request.POST.get("reason", "")[:5000],
        clause_ids=(clause,) if clause else (),
        strike=request.POST.get("strike") == "1",
    )
    back = "" if kind in (ActionKind.ESCALATE, ActionKind.ACKNOWLEDGE) else _queue_url(request)
    return _run(
        request, item_id, lambda: act(request.user, item_id, action), f"{DONE_WORDS[kind]}: item {item_id}.", back
    )


@page("steward.act_on_items")
@require_http_methods(["POST"])
def claim(request: HttpRequest, item_id: int) -> HttpResponse:
    if request.POST.get("release") == "1":
        return _run(request, item_id, lambda: claims.release(request.user, item_id), "You released the item.")
    return _run(request, item_id, lambda: claims.claim(request.user, item_id), "You claimed the item for 30 minutes.")


@page("steward.view_items")
@require_http_methods(["POST"])
def note(request: HttpRequest, item_id: int) -> HttpResponse:
    action = ActionRequest(kind=ActionKind.NOTE, note=request.POST.get("note", "")[:6000])
    return _run(request, item_id, lambda: act(request.user, item_id, action), "Note added.")


@page("steward.act_on_items")
@require_http_methods(["POST"])
def reply(request: HttpRequest, item_id: int) -> HttpResponse:
    values = {k[3:]: str(request.POST.get(k, "")) for k in request.POST if k.startswith("ph_")}
    action = ActionRequest(
        kind=ActionKind.REDIRECT, template=request.POST.get("template", "")[:100], placeholders=values
    )
    return _run(request, item_id, lambda: act(request.user, item_id, action), f"Reply sent: item {item_id}.")


@page("steward.act_on_items")
@require_http_methods(["POST"])
def theme(request: HttpRequest, item_id: int) -> HttpResponse:
    action = ActionRequest(
        kind=ActionKind.THEME, team=request.POST.get("team", "")[:200], note=request.POST.get("note", "")[:6000]
    )
    return _run(request, item_id, lambda: act(request.user, item_id, action), f"Passed to the team: item {item_id}.")
