"""Authors (their history, breaches per clause, strikes, block and unblock with a reason) and the safeguarding
view (escalations, who was paged when, acknowledgement) for safeguarding leads only."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from steward.errors import NotFound, PermissionDenied, StewardError
from steward.server.inbox.models import Author, Escalation
from steward.server.inbox.services import authors as author_service
from steward.server.inbox.services.access import visible_items
from steward.server.inbox.services.sanctions import inbound_pack
from steward.server.web import display
from steward.server.web.guard import page

AUTHOR_PAGE = 100


@page("steward.view_items")
def author_list(request: HttpRequest) -> HttpResponse:
    """Authors of the items this user may see, most standing strikes first; search by handle or name."""
    query = request.GET.get("q", "").strip()[:100].replace("\x00", "")
    seen = visible_items(request.user).exclude(author__isnull=True).values("author_id")
    rows = Author.objects.filter(pk__in=seen)
    if query:
        rows = rows.filter(Q(handle__icontains=query) | Q(display_name__icontains=query))
    rows = rows.annotate(
        n_items=Count("items", distinct=True),
        n_strikes=Count("strikes", filter=Q(strikes__overturned_at__isnull=True), distinct=True),
    ).order_by("-n_strikes", "-n_items", "pk")[:AUTHOR_PAGE]
    return render(request, "people/authors.jinja", {"authors": list(rows), "query": query})


@page("steward.view_items")
def author_page(request: HttpRequest, author_id: int) -> HttpResponse:
    history = author_service.history(request.user, author_id)
    context = {
        "h": history,
        "may_manage": request.user.has_perm("steward.manage_authors"),
        "clauses": [(c.id, c.ref or c.id, display.clean(c.text, 140)) for c in inbound_pack().clauses],
    }
    return render(request, "people/author.jinja", context)


@page("steward.manage_authors")
@require_http_methods(["POST"])
def author_block(request: HttpRequest, author_id: int) -> HttpResponse:
    reason = request.POST.get("reason", "")[:5000]
    try:
        if request.POST.get("unblock") == "1":
            author_service.unblock(request.user, author_id, reason=reason)
            messages.success(request, "The author is unblocked.")
        else:
            clauses = [c[:40] for c in request.POST.getlist("clause")][:20]
            author_service.block(request.user, author_id, reason=reason, clause_ids=clauses)
            messages.success(request, "The author is blocked.")
    except (NotFound, PermissionDenied):
        raise
    except StewardError as exc:
        messages.error(request, display.clean(str(exc), 400))
    return redirect("web:author", author_id)


@page("steward.view_safeguarding")
def safeguarding(request: HttpRequest) -> HttpResponse:
    waiting = request.GET.get("show") != "all"
    rows = Escalation.objects.select_related("item__channel", "item__decision", "raised_by", "acknowledged_by")
    if waiting:
        rows = rows.filter(acknowledged_at__isnull=True)
    context = {
        "escalations": list(rows.order_by("acknowledged_at", "raised_at", "pk")[:200]),
        "waiting": waiting,
        "may_ack": request.user.has_perm("steward.act_on_safeguarding"),
    }
    return render(request, "people/safeguarding.jinja", context)
