"""The forms that move a draft along: submit, review (approve, reject with a reason, request changes), and publish
or schedule. Each calls the service, which decides who may; a refusal re-renders the draft page with an NHS.UK
error summary (and the status the API would give: 400, 403 or 409) instead of an error page."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from steward.errors import NotFound, StewardError
from steward.server.http import status_for
from steward.server.outbound.models import ApprovalDecision, Draft, DraftStatus
from steward.server.outbound.services import drafts as svc
from steward.server.outbound.services.drafts import visible_draft
from steward.server.web import display
from steward.server.web.guard import page
from steward.server.web.views.posts_shared import (
    REASON_LIMIT,
    URL_LIMIT,
    WRITE_POSTS,
    Problem,
    render_draft,
    sentence,
    signed_in_user,
)

DONE: dict[str, str] = {
    ApprovalDecision.APPROVED: "You approved this step",
    ApprovalDecision.REJECTED: "You rejected the post",
    ApprovalDecision.CHANGES_REQUESTED: "You asked the author for changes",
}


def _back(draft: Draft) -> HttpResponse:
    return redirect(f"/posts/{draft.pk}/")


@page(WRITE_POSTS)
@require_POST
def submit(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = signed_in_user(request)
    draft = visible_draft(user, draft_id)
    try:
        svc.submit(user, draft)
    except NotFound:
        raise
    except StewardError as exc:
        draft.refresh_from_db()
        return render_draft(request, draft, problems=[Problem(sentence(exc), "#check")], status=status_for(exc))
    step = svc.next_step(draft)
    messages.success(request, f"Submitted for approval{f' by the {step.name.lower()}' if step else ''}.")
    return _back(draft)


@page(WRITE_POSTS)
@require_POST
def review(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = signed_in_user(request)
    draft = visible_draft(user, draft_id)
    decision = request.POST.get("decision", "")
    reason = request.POST.get("reason", "")[:REASON_LIMIT]
    form = {"decision": decision if decision in ApprovalDecision.values else "", "reason": reason}
    if not form["decision"]:
        problems = [Problem("Choose approve, request changes or reject", "#review-decision")]
        return render_draft(request, draft, problems=problems, status=400, form=form)
    try:
        svc.review(user, draft, decision, reason)
    except NotFound:
        raise
    except StewardError as exc:
        draft.refresh_from_db()
        href = "#review-reason" if "reason" in str(exc) else ""
        return render_draft(request, draft, problems=[Problem(sentence(exc), href)], status=status_for(exc), form=form)
    done = DONE[decision]
    if draft.status == DraftStatus.APPROVED:
        done += ": the post is approved and can be published"
    messages.success(request, done + ".")
    return _back(draft)


def _when(value: str) -> datetime | None:
    """A ``datetime-local`` value (2026-10-14T09:30) in the service's time zone, or None if it is not one."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = timezone.make_aware(moment)
    return moment


@page(WRITE_POSTS)
@require_POST
def publish(request: HttpRequest, draft_id: int) -> HttpResponse:
    """Mark the post published now (with the link to it, if there is one), or schedule it for a later time."""
    user = signed_in_user(request)
    draft = visible_draft(user, draft_id)
    url = request.POST.get("url", "").strip()[: URL_LIMIT + 1]
    when_text = request.POST.get("scheduled_for", "").strip()[:40]
    scheduling = request.POST.get("mode") == "schedule"
    form = {"url": url, "scheduled_for": when_text}
    problems: list[Problem] = []
    if url and (len(url) > URL_LIMIT or display.safe_href(url) is None):
        problems.append(Problem("Enter the post's web address starting https://, or leave it empty", "#publish-url"))
    scheduled_for = None
    if scheduling:
        scheduled_for = _when(when_text)
        if scheduled_for is None:
            problems.append(Problem("Enter the date and time to publish, for example 14/10/2026 09:30", "#schedule"))
        elif scheduled_for <= timezone.now():
            problems.append(Problem("Enter a time in the future, or mark the post as published now", "#schedule"))
    if problems:
        return render_draft(request, draft, problems=problems, status=400, form=form)
    try:
        svc.publish(user, draft, url=url, scheduled_for=scheduled_for)
    except NotFound:
        raise
    except StewardError as exc:
        draft.refresh_from_db()
        problems = [Problem(sentence(exc))]
        return render_draft(request, draft, problems=problems, status=status_for(exc), form=form)
    if draft.status == DraftStatus.SCHEDULED and draft.scheduled_for is not None:
        shown = timezone.localtime(draft.scheduled_for).strftime("%a %d %b %Y, %H:%M")
        messages.success(request, f"Scheduled for {shown}.")
    else:
        messages.success(request, "Marked as published. It is kept in the records.")
    return _back(draft)
