"""The item page: the comment with its evidence, personal data masked until revealed (each reveal audited), the
thread, the decision with its quoted clauses, the author's standing, notes, history and the action forms."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from steward.errors import InvalidRequest, NotFound, StewardError
from steward.server.audit.chain import record
from steward.server.inbox.models import ActionKind, Item, ModeratorAction, Queue, ReplyTemplate
from steward.server.inbox.services.access import ACT_SAFEGUARDING, check_view, is_sensitive
from steward.server.inbox.services.claims import claim_state, get_item
from steward.server.inbox.services.clocks import calendar_for, item_due
from steward.server.inbox.services.sanctions import inbound_pack, recommended, standing_strikes
from steward.server.inbox.services.templates import Filled, placeholders, preview
from steward.server.web import display
from steward.server.web.guard import page

REVEAL_SECONDS = 10 * 60
REVEAL_KEY = "steward_revealed"
MASKABLE = display.MASKED_CATEGORIES
#: Keyboard shortcuts on the item page: key → (the action radio it selects, what the help panel says).
SHORTCUTS: dict[str, tuple[str, str]] = {
    "a": (ActionKind.APPROVE, "Approve: leave the comment visible"),
    "h": (ActionKind.HIDE, "Hide the comment"),
    "r": (ActionKind.RESTORE, "Restore a hidden comment"),
    "x": (ActionKind.REMOVE, "Remove the comment"),
    "e": (ActionKind.ESCALATE, "Escalate to the safeguarding lead"),
}
ACTION_CHOICES: tuple[tuple[str, str, bool], ...] = (
    # kind, label, reason required
    (ActionKind.APPROVE, "Approve (leave visible)", False),
    (ActionKind.HIDE, "Hide", False),
    (ActionKind.RESTORE, "Restore (make visible again)", True),
    (ActionKind.REMOVE, "Remove", True),
    (ActionKind.ESCALATE, "Escalate to safeguarding", True),
)


@dataclass(frozen=True, slots=True)
class Composer:
    templates: tuple[tuple[str, str], ...]
    chosen: str
    filled: Filled | None
    fields: tuple[tuple[str, str], ...]  # (placeholder, value typed so far)
    error: str


def _revealed(request: HttpRequest, item_id: int) -> bool:
    until = request.session.get(REVEAL_KEY, {}).get(str(item_id))
    return isinstance(until, int | float) and until > time.time()


def _composer(request: HttpRequest, item: Item) -> Composer:
    org = item.channel.organisation
    rows = ReplyTemplate.objects.filter(organisation=org, active=True).order_by("name")
    templates = tuple((t.key, display.clean(t.name, 120)) for t in rows)
    decision = getattr(item, "decision", None)
    default = decision.reply_template if decision is not None else ""
    chosen = request.GET.get("template", default or "")[:100]
    template = next((t for t in rows if t.key == chosen), None)
    if template is None:
        return Composer(templates, "", None, (), "")
    values = {
        k[3:]: str(request.GET.get(k, ""))[:500] for k in request.GET if k.startswith("ph_") and k[3:].isidentifier()
    }
    try:
        filled = preview(template, inbound_pack(org), item, values)
    except StewardError as exc:
        return Composer(templates, chosen, None, (), str(exc))
    names = placeholders(template.body)
    fields = tuple((n, values.get(n, "")) for n in names if n in filled.missing or n in values)
    return Composer(templates, chosen, filled, fields, "")


def _author_context(item: Item) -> dict[str, Any]:
    author = item.author
    if author is None:
        return {}
    rules = inbound_pack(item.channel.organisation).sanctions
    return {
        "author": author,
        "standing": standing_strikes(author, rules).count(),
        "sanction": recommended(author, rules),
        "window_days": rules.strike_window_days,
    }


@page("steward.view_items")
def item_page(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_item(item_id)
    check_view(request.user, item)
    decision = getattr(item, "decision", None)
    findings = list(decision.findings) if decision is not None else []
    revealed = _revealed(request, item.pk)
    has_personal = any(f.get("category") in MASKABLE for f in findings if isinstance(f, dict))
    now = timezone.now()
    may_act = request.user.has_perm("steward.act_on_items") and (
        not is_sensitive(item) or request.user.has_perm(ACT_SAFEGUARDING)
    )
    history = ModeratorAction.objects.filter(item=item).select_related("user").order_by("at", "pk")
    links = [(k, v, display.safe_href(v)) for k, v in sorted(item.extra.items()) if k.endswith(("url", "link"))]
    context = {
        "item": item,
        "decision": decision,
        "segments": display.segments(item.text, findings, revealed=revealed),
        "trimmed_marks": display.trimmed_marks(item.text),
        "findings": [f for f in findings if isinstance(f, dict)],
        "revealed": revealed,
        "has_personal": has_personal,
        "may_reveal": request.user.has_perm("steward.reveal_personal_data", item),
        "may_act": may_act,
        "may_ack": request.user.has_perm(ACT_SAFEGUARDING) and hasattr(item, "escalation"),
        "due": item_due(item, calendar_for(item.channel.organisation), now),
        "claim": claim_state(item, now),
        "post_text": item.extra.get("post_text", ""),
        "thread": [t for t in item.thread if isinstance(t, str)][-20:],
        "parent": item.parent if item.parent_id is not None else None,
        "links": links,
        "notes": item.notes.select_related("user").order_by("at", "pk"),
        "history": history,
        "composer": _composer(request, item),
        "actions": ACTION_CHOICES,
        "shortcuts": SHORTCUTS,
        "clauses": [(c.id, c.ref or c.id, display.clean(c.text, 140)) for c in inbound_pack().clauses],
        "queue_label": Queue(item.queue).label if item.queue in Queue.values else "Not yet assessed",
        **_author_context(item),
    }
    return render(request, "inbox/item.jinja", context)


@page("steward.reveal_personal_data")
@require_http_methods(["POST"])
def reveal(request: HttpRequest, item_id: int) -> HttpResponse:
    """Show the item's personal data to this user for ten minutes; recorded in the audit log first."""
    item = get_item(item_id)
    check_view(request.user, item)
    if not request.user.has_perm("steward.reveal_personal_data", item):
        raise NotFound(f"no item {item_id}")
    shown: dict[str, float] = dict(request.session.get(REVEAL_KEY, {}))
    if request.POST.get("hide") == "1":
        shown.pop(str(item.pk), None)
        request.session[REVEAL_KEY] = shown
        return redirect("web:item", item.pk)
    reason = request.POST.get("reason", "").strip()[:500]
    if not reason:
        messages.error(request, "Say why you need to see the personal data: the reason is recorded.")
        return redirect("web:item", item.pk)
    if "\x00" in reason:
        raise InvalidRequest("the reason holds a NUL character")
    with transaction.atomic():
        record("item.personal_data_revealed", actor=request.user, obj=item, reason=reason, data={"item": item.pk})
    now = time.time()
    shown = {k: v for k, v in shown.items() if isinstance(v, int | float) and v > now}
    shown[str(item.pk)] = now + REVEAL_SECONDS
    request.session[REVEAL_KEY] = shown
    messages.success(request, "Personal data shown for 10 minutes. This was recorded in the audit log.")
    return redirect("web:item", item.pk)
