"""What the staff-post pages share: who may see a draft (the API's rule, mirrored), how a check result is shown
(verdict, highlighted text, findings with fixes, quoted clauses) and the draft page's context.

Draft text is written by staff, but it is still treated as hostile: it reaches the page only through
``display.clean`` and Jinja2's escaping, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from steward.errors import PermissionDenied
from steward.server.outbound.models import Draft, DraftStatus
from steward.server.outbound.services import drafts as svc
from steward.server.outbound.services.drafts import is_reviewer
from steward.server.web import display

WRITE_POSTS = "steward.write_posts"  # any member of staff: the staff role or any moderation role (as in the API)
QUOTE_LIMIT = 200  # characters of a finding's span quoted beside it
REASON_LIMIT = 2000
URL_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Verdict:
    tag: str  # short label for tags and tables
    headline: str  # the sentence at the top of a check result
    colour: str  # an NHS.UK tag colour


VERDICTS: Mapping[str, Verdict] = {
    "approve": Verdict("No problems found", "You can post this", "green"),
    "review": Verdict("Needs a closer look", "Ask the communications team before posting this", "yellow"),
    "needs_changes": Verdict("Needs changes", "Change this before posting it", "orange"),
    "block": Verdict("Cannot be posted", "Do not post this", "red"),
}
UNKNOWN_VERDICT = Verdict("Not checked", "Steward could not check this", "grey")

STATUS_COLOURS: Mapping[str, str] = {
    DraftStatus.DRAFT: "grey",
    DraftStatus.SUBMITTED: "blue",
    DraftStatus.CHANGES_REQUESTED: "orange",
    DraftStatus.REJECTED: "red",
    DraftStatus.APPROVED: "green",
    DraftStatus.SCHEDULED: "purple",
    DraftStatus.PUBLISHED: "aqua-green",
}


def verdict(action: str) -> Verdict:
    return VERDICTS.get(action, UNKNOWN_VERDICT)


def signed_in_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # the page guard has already sent anonymous visitors to sign in
        raise PermissionDenied("sign in first")
    return user


def sentence(message: object) -> str:
    """A service error as a sentence for the error summary: capitalised, capped, controls made visible."""
    text = display.clean(str(message), 400).strip()
    return text[:1].upper() + text[1:] if text else "That could not be done."


@dataclass(frozen=True, slots=True)
class Problem:
    """One line of an NHS.UK error summary, linking to the field it is about."""

    text: str
    href: str = ""


@dataclass(frozen=True, slots=True)
class FindingView:
    category: str
    quote: str
    where: str  # "" for the post itself, else the field (e.g. "profile")
    explanation: str
    fix: str


def findings_of(text: str, result: Mapping[str, Any]) -> tuple[FindingView, ...]:
    rows: list[FindingView] = []
    raw = result.get("findings") or []
    for finding in raw if isinstance(raw, list) else []:
        if not isinstance(finding, Mapping):
            continue
        field = str(finding.get("field") or "text")
        start, end = finding.get("start"), finding.get("end")
        quote = ""
        if field == "text" and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            quote = display.clean(" ".join(text[start:end].split()), QUOTE_LIMIT)
        rows.append(
            FindingView(
                category=str(finding.get("category") or "").replace("_", " "),
                quote=quote,
                where="" if field == "text" else display.clean(field, 40),
                explanation=display.clean(finding.get("explanation") or "", 600),
                fix=display.clean(finding.get("fix") or "", 600),
            )
        )
    return tuple(rows)


def clauses_of(result: Mapping[str, Any]) -> tuple[Mapping[str, Any], ...]:
    raw = result.get("clauses") or []
    return tuple(c for c in raw if isinstance(c, Mapping)) if isinstance(raw, list) else ()


@dataclass(frozen=True, slots=True)
class CheckView:
    """A check result ready for ``posts/_check.jinja``: the verdict, the text in runs, findings and clauses."""

    action: str
    verdict: Verdict
    segments: tuple[display.Segment, ...]
    trimmed_marks: int
    findings: tuple[FindingView, ...]
    clauses: tuple[Mapping[str, Any], ...]
    rationale: str


def check_view(text: str, result: Mapping[str, Any]) -> CheckView:
    """The author's own text is shown unmasked (it is theirs, and approvers must read what they approve)."""
    action = str(result.get("action") or "")
    raw = result.get("findings") or []
    findings = [f for f in raw if isinstance(f, Mapping)] if isinstance(raw, list) else []
    return CheckView(
        action=action,
        verdict=verdict(action),
        segments=display.segments(text, findings, revealed=True),
        trimmed_marks=display.trimmed_marks(text),
        findings=findings_of(text, result),
        clauses=clauses_of(result),
        rationale=display.clean(result.get("rationale") or "", 3000),
    )


def normalised(text: object) -> str:
    """Form text with the browser's CRLF line ends made LF, so what is checked is exactly what is stored."""
    return str(text or "").replace("\r\n", "\n").replace("\r", "\n")


def draft_context(user: User, draft: Draft) -> dict[str, Any]:
    """Everything the draft page shows and which of its forms this user gets."""
    mine = draft.author_id == user.pk
    editable = draft.status in svc.EDITABLE
    step = svc.next_step(draft) if draft.status == DraftStatus.SUBMITTED else None
    versions = list(draft.versions.select_related("edited_by").order_by("-number"))
    may_publish = draft.status in {DraftStatus.APPROVED, DraftStatus.SCHEDULED} and (
        mine or is_reviewer(user) or user.is_superuser
    )
    return {
        "draft": draft,
        "check": check_view(draft.text, draft.result or {}),
        "status_colour": STATUS_COLOURS.get(draft.status, "grey"),
        "mine": mine,
        "may_edit": mine and editable,
        "may_submit": mine and editable,
        "may_review": svc.can_review(user, draft),
        "may_publish": may_publish,
        "may_amend": draft.status == DraftStatus.PUBLISHED,
        "next_step": step,
        "steps": svc.steps_for(draft.organisation),
        "versions": [(v, check_view(v.text, v.result or {})) for v in versions],
        "approvals": list(draft.approvals.select_related("user", "version").order_by("at", "pk")),
        "amendments": list(draft.amendments.order_by("created_at", "pk")),
        "published_href": display.safe_href(draft.published_url),
    }


def render_draft(
    request: HttpRequest,
    draft: Draft,
    *,
    problems: Sequence[Problem] = (),
    status: int = 200,
    form: Mapping[str, str] | None = None,
) -> HttpResponse:
    """The draft page, with an error summary when a form on it was refused (the form's input kept)."""
    context = draft_context(signed_in_user(request), draft)
    context.update({"problems": list(problems), "form": dict(form or {})})
    return render(request, "posts/draft.jinja", context, status=status)
