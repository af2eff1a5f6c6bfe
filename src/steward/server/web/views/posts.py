"""Staff posts, the pages: "Can I post this?", the list of drafts (and the approval queue for the communications
team), a new draft, the draft page, editing and amending. The forms that act on a draft (submit, review, publish)
are in ``posts_actions``; the Freedom of Information records in ``posts_records``.

Permissions mirror the API (``api/outbound.py``): any member of staff (``steward.write_posts``: the staff role or
any moderation role) may check text and write drafts; a draft is seen by its author, the communications team and
the records roles; everything else is the service's rule (``outbound/services/drafts.py``), whose refusals come
back as an NHS.UK error summary.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from steward.errors import InputError, NotFound, StewardError
from steward.server.http import status_for
from steward.server.inbox.models import Channel
from steward.server.inbox.setup import default_organisation
from steward.server.outbound.models import AccountType, Draft, DraftStatus
from steward.server.outbound.services import drafts as svc
from steward.server.outbound.services.checking import MAX_DRAFT_CHARS, check_personal, check_text
from steward.server.outbound.services.drafts import is_reviewer, visible_draft
from steward.server.web import display
from steward.server.web.guard import page
from steward.server.web.views.posts_shared import (
    STATUS_COLOURS,
    WRITE_POSTS,
    Problem,
    check_view,
    normalised,
    render_draft,
    sentence,
    signed_in_user,
    verdict,
)

PROFILE_LIMIT = 2000
LIST_LIMIT = 100


def _draft_url(draft: Draft) -> str:
    return f"/posts/{draft.pk}/"


@page(WRITE_POSTS)
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """Check text without keeping it. A personal-account check adds one to an anonymous daily count; nothing else
    (not the text, not who asked) is stored, logged or audited."""
    form = {"text": "", "account": AccountType.PERSONAL.value, "profile": ""}
    context: dict[str, Any] = {"form": form, "problems": [], "result": None, "max_chars": MAX_DRAFT_CHARS}
    if request.method == "POST":
        form["text"] = normalised(request.POST.get("text", ""))[: MAX_DRAFT_CHARS + 1]
        form["profile"] = normalised(request.POST.get("profile", ""))[:PROFILE_LIMIT]
        account = request.POST.get("account", "")
        form["account"] = account if account in AccountType.values else ""
        problems: list[Problem] = []
        if not form["account"]:
            problems.append(Problem("Choose whose account this is for", "#account"))
        if not form["text"].strip():
            problems.append(Problem("Enter the text you want to post", "#check-text"))
        if not problems:
            org = default_organisation()
            extra = {"profile": form["profile"]} if form["profile"].strip() else None
            try:
                if form["account"] == AccountType.PERSONAL:
                    result = check_personal(org, form["text"], extra=extra)
                else:
                    result = check_text(org, form["text"], account=form["account"], extra=extra)
            except StewardError as exc:
                problems.append(Problem(sentence(exc), "#check-text"))
            else:
                context["result"] = check_view(form["text"], result)
        context["problems"] = problems
        if problems:
            return render(request, "posts/check.jinja", context, status=400)
    return render(request, "posts/check.jinja", context)


def _rows(drafts: list[Draft]) -> list[dict[str, Any]]:
    return [
        {
            "draft": d,
            "excerpt": display.masked_excerpt(d.text, (d.result or {}).get("findings") or []),
            "verdict": verdict(d.action),
            "status_colour": STATUS_COLOURS.get(d.status, "grey"),
        }
        for d in drafts
    ]


@page(WRITE_POSTS)
def post_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    base = Draft.objects.select_related("channel", "author", "amends")
    mine = list(base.filter(author=user)[:LIST_LIMIT])
    context: dict[str, Any] = {"mine": _rows(mine), "reviewer": is_reviewer(user), "queue": [], "approved": []}
    if context["reviewer"]:
        waiting = list(base.filter(status=DraftStatus.SUBMITTED).order_by("updated_at", "pk")[:LIST_LIMIT])
        context["queue"] = [
            {**row, "next_step": svc.next_step(row["draft"]), "may_review": svc.can_review(user, row["draft"])}
            for row in _rows(waiting)
        ]
        ready = base.filter(Q(status=DraftStatus.APPROVED) | Q(status=DraftStatus.SCHEDULED))
        context["approved"] = _rows(list(ready.order_by("updated_at", "pk")[:LIST_LIMIT]))
    return render(request, "posts/list.jinja", context)


def _channels() -> list[Channel]:
    return list(Channel.objects.filter(organisation=default_organisation()).order_by("name"))


@page(WRITE_POSTS)
@require_http_methods(["GET", "POST"])
def new_draft(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    channels = _channels()
    form = {"text": "", "channel": ""}
    problems: list[Problem] = []
    if request.method == "POST":
        form["text"] = normalised(request.POST.get("text", ""))[: MAX_DRAFT_CHARS + 1]
        form["channel"] = request.POST.get("channel", "")[:50]
        if request.POST.get("prefill") != "1":  # "Write this as a draft" from the check page only fills the form
            chosen = next((c for c in channels if c.slug == form["channel"]), None)
            if chosen is None:
                problems.append(Problem("Choose the corporate account this post is for", "#draft-channel"))
            if not form["text"].strip():
                problems.append(Problem("Enter the text of the post", "#draft-text"))
            if not problems:
                try:
                    draft = svc.create(user, default_organisation(), form["text"], channel=chosen)
                except StewardError as exc:
                    problems.append(Problem(sentence(exc), "#draft-text"))
                else:
                    messages.success(request, f"Draft saved and checked: post {draft.pk}.")
                    return redirect(_draft_url(draft))
    context = {"form": form, "problems": problems, "channels": channels, "max_chars": MAX_DRAFT_CHARS}
    return render(request, "posts/new.jinja", context, status=400 if problems else 200)


@page(WRITE_POSTS)
def draft_page(request: HttpRequest, draft_id: int) -> HttpResponse:
    return render_draft(request, visible_draft(signed_in_user(request), draft_id))


def _text_form(
    request: HttpRequest, draft: Draft, *, amend: bool, text: str, problems: list[Problem], status: int = 200
) -> HttpResponse:
    context = {
        "draft": draft,
        "amend": amend,
        "heading": f"Amend published post {draft.pk}" if amend else f"Edit post {draft.pk}",
        "form": {"text": text},
        "problems": problems,
        "max_chars": MAX_DRAFT_CHARS,
        "check": check_view(draft.text, draft.result or {}),
        "versions": draft.versions.count(),
    }
    return render(request, "posts/edit.jinja", context, status=status)


@page(WRITE_POSTS)
@require_http_methods(["GET", "POST"])
def edit_draft(request: HttpRequest, draft_id: int) -> HttpResponse:
    """Change the text: a new version, checked again. Only the author, and only while the draft is editable."""
    user = signed_in_user(request)
    draft = visible_draft(user, draft_id)
    if request.method == "GET":
        if draft.author_id != user.pk or draft.status not in svc.EDITABLE:
            messages.error(request, "This draft cannot be edited now.")
            return redirect(_draft_url(draft))
        return _text_form(request, draft, amend=False, text=draft.text, problems=[])
    text = normalised(request.POST.get("text", ""))[: MAX_DRAFT_CHARS + 1]
    before = draft.versions.count()
    try:
        svc.edit(user, draft, text)
    except NotFound:
        raise
    except InputError as exc:
        problems = [Problem(sentence(exc), "#draft-text")]
        return _text_form(request, draft, amend=False, text=text, problems=problems, status=status_for(exc))
    except StewardError as exc:  # not the author, or no longer editable: the draft page says why
        return render_draft(request, draft, problems=[Problem(sentence(exc))], status=status_for(exc))
    after = draft.versions.count()
    messages.success(
        request, f"Saved as version {after} and checked again." if after > before else "No changes to save."
    )
    return redirect(_draft_url(draft))


@page(WRITE_POSTS)
@require_http_methods(["GET", "POST"])
def amend_post(request: HttpRequest, draft_id: int) -> HttpResponse:
    """Amend a published post: a new draft through the same check and approval, linked to the original."""
    user = signed_in_user(request)
    draft = visible_draft(user, draft_id)
    if request.method == "GET":
        if draft.status != DraftStatus.PUBLISHED:
            messages.error(request, "Only a published post can be amended.")
            return redirect(_draft_url(draft))
        return _text_form(request, draft, amend=True, text=draft.text, problems=[])
    text = normalised(request.POST.get("text", ""))[: MAX_DRAFT_CHARS + 1]
    try:
        amendment = svc.amend(user, draft, text)
    except NotFound:
        raise
    except InputError as exc:
        problems = [Problem(sentence(exc), "#draft-text")]
        return _text_form(request, draft, amend=True, text=text, problems=problems, status=status_for(exc))
    except StewardError as exc:  # e.g. not published: the draft page says why
        return render_draft(request, draft, problems=[Problem(sentence(exc))], status=status_for(exc))
    messages.success(request, f"Amendment saved as post {amendment.pk}: check it, then submit it for approval.")
    return redirect(_draft_url(amendment))
