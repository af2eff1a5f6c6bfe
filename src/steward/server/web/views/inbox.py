"""The inbox: the queues with their counts, one queue's items oldest-due first, filters, and bulk actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from steward.content import Category
from steward.errors import InvalidRequest
from steward.server.inbox.models import ActionKind, Channel, Item, Queue
from steward.server.inbox.services import queues
from steward.server.inbox.services.access import visible_items
from steward.server.inbox.services.actions import ActionRequest, act_many
from steward.server.inbox.services.clocks import DueStatus, calendar_for, item_due
from steward.server.inbox.services.sanctions import inbound_pack
from steward.server.web import display
from steward.server.web.guard import page
from steward.server.web.views.saved import saved_for

PAGE_SIZE = 50
#: "older than" choices: (value in minutes, label).
AGES: tuple[tuple[str, str], ...] = (
    ("", "Any age"),
    ("60", "Older than 1 hour"),
    ("240", "Older than 4 hours"),
    ("1440", "Older than 1 day"),
    ("10080", "Older than 1 week"),
)
INBOUND_CATEGORIES: tuple[str, ...] = tuple(
    c.value
    for c in Category
    if c
    not in (
        Category.MISSING_DISCLAIMER,
        Category.UNMARKED_AMENDMENT,
        Category.SPEAKING_ON_BEHALF,
        Category.CORPORATE_EMAIL,
    )
)
#: Bulk actions offered on a queue page, with the label the confirmation uses.
BULK: dict[str, str] = {
    ActionKind.APPROVE: "approve (leave visible)",
    ActionKind.HIDE: "hide",
    ActionKind.RESTORE: "restore",
    ActionKind.REMOVE: "remove",
}
MAX_BULK = 200


@dataclass(frozen=True, slots=True)
class Row:
    item: Item
    excerpt: str
    due: DueStatus | None
    categories: tuple[str, ...]
    clauses: tuple[str, ...]
    author: str


def _filters(request: HttpRequest) -> tuple[queues.QueueFilters, dict[str, str]]:
    raw = {key: request.GET.get(key, "").strip()[:200] for key in ("channel", "category", "clause", "author", "age")}
    age = raw["age"]
    if age and not age.isdigit():
        raise InvalidRequest("choose an age from the list")
    filters = queues.QueueFilters(
        channel=raw["channel"],
        category=raw["category"],
        clause=raw["clause"],
        author=raw["author"],
        older_than_minutes=int(age) if age else None,
    )
    return filters, raw


def _row(item: Item, calendar: Any, now: Any) -> Row:
    decision = getattr(item, "decision", None)
    findings = decision.findings if decision is not None else []
    author = item.author
    return Row(
        item=item,
        excerpt=display.masked_excerpt(item.text, findings),
        due=item_due(item, calendar, now),
        categories=tuple(decision.categories) if decision is not None else (),
        clauses=tuple(decision.clause_ids) if decision is not None else (),
        author=display.name(str(author)) if author is not None else "unknown",
    )


def _offset(request: HttpRequest) -> int:
    value = request.GET.get("offset", "0")
    return min(int(value), 1_000_000) if value.isdigit() else 0


@page("steward.view_items")
def inbox(request: HttpRequest) -> HttpResponse:
    user = request.user
    now = timezone.now()
    queue = request.GET.get("queue", Queue.NEEDS_REVIEW)
    if queue not in Queue.values:
        queue = Queue.NEEDS_REVIEW
    counts = queues.counts(user, now)
    error = ""
    rows: list[Row] = []
    total = 0
    offset = _offset(request)
    raw: dict[str, str] = {}
    try:
        filters, raw = _filters(request)
        listing = queues.list_queue(user, queue, filters, offset=offset, limit=PAGE_SIZE, now=now)
    except InvalidRequest as exc:
        error = str(exc)
    else:
        calendar = calendar_for()
        rows = [_row(item, calendar, now) for item in listing.items]
        total = listing.total
    pack = inbound_pack()
    query = {k: v for k, v in raw.items() if v}
    context = {
        "queue": queue,
        "queue_label": Queue(queue).label,
        "counts": [c for c in counts if c.queue != Queue.SAFEGUARDING or user.has_perm("steward.view_safeguarding")],
        "rows": rows,
        "total": total,
        "offset": offset,
        "page_size": PAGE_SIZE,
        "error": error,
        "raw": raw,
        "channels": list(Channel.objects.order_by("name").values_list("slug", "name")),
        "categories": INBOUND_CATEGORIES,
        "clauses": [(c.id, c.ref or c.id) for c in pack.clauses],
        "ages": AGES,
        "bulk": BULK if user.has_perm("steward.act_on_items") else {},
        "filter_query": urlencode({"queue": queue, **query}),
        "next_query": urlencode({"queue": queue, **query, "offset": offset + PAGE_SIZE}),
        "prev_query": urlencode({"queue": queue, **query, "offset": max(0, offset - PAGE_SIZE)}),
        "now": now,
        "saved": saved_for(user),
    }
    return render(request, "inbox/inbox.jinja", context)


def _selected(request: HttpRequest) -> list[int]:
    ids = [int(v) for v in request.POST.getlist("item") if v.isdigit() and len(v) < 19]
    return list(dict.fromkeys(ids))[:MAX_BULK]


@page("steward.act_on_items")
@require_http_methods(["POST"])
def bulk(request: HttpRequest) -> HttpResponse:
    """Step 1 shows a confirmation naming how many items and which clause; step 2 (``confirm``) acts."""
    kind = request.POST.get("action", "")
    back = request.POST.get("back", "")
    back_url = "/inbox/?" + back if back and not back.startswith(("/", "\\")) and len(back) < 2000 else "/inbox/"
    ids = _selected(request)
    if kind not in BULK:
        messages.error(request, "Choose what to do with the selected items.")
        return redirect(back_url)
    if not ids:
        messages.error(request, "Select at least one item first.")
        return redirect(back_url)
    clause = request.POST.get("clause", "").strip()[:40]
    reason = request.POST.get("reason", "").strip()[:2000]
    reason_required = kind in (ActionKind.RESTORE, ActionKind.REMOVE)
    confirmed = request.POST.get("confirm") == "yes"
    if not confirmed or (reason_required and not reason):
        pack = inbound_pack()
        visible = visible_items(request.user).filter(pk__in=ids)
        engine_clauses = sorted({c for d in visible.values_list("decision__clause_ids", flat=True) if d for c in d})
        context = {
            "kind": kind,
            "label": BULK[kind],
            "ids": list(visible.values_list("pk", flat=True)),
            "clauses": [(c.id, c.ref or c.id, display.clean(c.text, 160)) for c in pack.clauses],
            "engine_clauses": engine_clauses,
            "chosen_clause": clause,
            "reason": reason,
            "back": back,
            "back_url": back_url,
            "reason_required": reason_required,
            "reason_error": "Enter a reason" if confirmed and reason_required and not reason else "",
        }
        return render(request, "inbox/bulk_confirm.jinja", context)
    action = ActionRequest(kind=kind, reason=reason, clause_ids=(clause,) if clause else ())
    results = act_many(request.user, ids, action)
    done = sum(1 for message in results.values() if not message)
    failed = {item_id: message for item_id, message in results.items() if message}
    clause_text = f" under clause {clause}" if clause else ""
    messages.success(request, f"{BULK[kind].capitalize()}: {done} of {len(results)} items{clause_text}.")
    for item_id, message in list(failed.items())[:10]:
        messages.error(request, f"Item {item_id}: {display.clean(message, 300)}")
    return redirect(back_url)
