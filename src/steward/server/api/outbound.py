"""Staff posts: check a draft, write and edit drafts, submit, review, publish, amend; FOI records export.

Any member of staff (the staff role, or any moderation role) may check text and write drafts; reviewing follows
the approval steps (never your own post); the records export is for the information-governance lead and the
communications team.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.contrib.auth.models import User
from django.db.models import Q
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Field, Router, Schema, Status
from ninja.params import P, QueryEx

from steward.errors import NotFound, PermissionDenied
from steward.server.api.auth import require
from steward.server.audit.chain import record
from steward.server.inbox.models import Channel
from steward.server.inbox.setup import default_organisation
from steward.server.outbound.models import AccountType, Draft, DraftStatus
from steward.server.outbound.services import drafts as svc
from steward.server.outbound.services import records
from steward.server.outbound.services.checking import MAX_DRAFT_CHARS, check_personal, check_text

router = Router(tags=["staff posts"])

Text = Field(..., min_length=1, max_length=MAX_DRAFT_CHARS)


class CheckIn(Schema):
    text: str = Text
    account: Literal["personal", "corporate"] = "personal"
    profile: str = Field("", max_length=2000, description="The personal account's profile text, if any.")


class DraftIn(Schema):
    text: str = Text
    channel: str | None = Field(None, max_length=50, description="Corporate account (channel slug).")
    account: Literal["personal", "corporate"] = "corporate"


class EditIn(Schema):
    text: str = Text


class ReviewIn(Schema):
    decision: Literal["approved", "rejected", "changes_requested"]
    reason: str = Field("", max_length=2000)


class PublishIn(Schema):
    url: str = Field("", max_length=500)
    scheduled_for: datetime | None = None


def _user(request: HttpRequest) -> User:
    user = require(request, "steward.write_posts")
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied("sign in first")
    return user


def _out(user: User, draft: Draft) -> dict[str, Any]:
    data = records.record_of(draft)
    data["account"] = draft.account_type
    data["findings"] = draft.result.get("findings", [])
    data["rationale"] = draft.result.get("rationale", "")
    data["clauses_quoted"] = draft.result.get("clauses", [])
    step = svc.next_step(draft) if draft.status == DraftStatus.SUBMITTED else None
    data["next_step"] = step.name if step is not None else None
    data["can_review"] = svc.can_review(user, draft)
    return data


@router.post("/check", summary="Can I post this? (nothing is stored but an anonymous count)")
def check(request: HttpRequest, body: CheckIn) -> dict[str, Any]:
    _user(request)
    org = default_organisation()
    extra = {"profile": body.profile} if body.profile else None
    if body.account == AccountType.PERSONAL.value:
        return check_personal(org, body.text, extra=extra)
    return check_text(org, body.text, account=body.account, extra=extra)


@router.post("/drafts", response={201: dict[str, Any]})
def create_draft(request: HttpRequest, body: DraftIn) -> Status[dict[str, Any]]:
    user = _user(request)
    channel = None
    if body.channel:
        channel = Channel.objects.filter(slug=body.channel).first()
        if channel is None:
            raise NotFound(f"no corporate account {body.channel!r}")
    draft = svc.create(user, default_organisation(), body.text, channel=channel, account_type=body.account)
    return Status(201, _out(user, draft))


@router.get("/drafts")
def list_drafts(
    request: HttpRequest,
    status: QueryEx[str | None, P(max_length=30)] = None,
    limit: QueryEx[int, P(ge=1, le=200)] = 50,
) -> list[dict[str, Any]]:
    user = _user(request)
    qs = Draft.objects.select_related("organisation", "channel", "amends", "author")
    # Reviewers see everything submitted; everyone sees their own drafts.
    mine_or_submitted = Q(author=user) | ~Q(status=DraftStatus.DRAFT)
    qs = qs.filter(mine_or_submitted if svc.is_reviewer(user) else Q(author=user))
    if status:
        qs = qs.filter(status=status)
    return [_out(user, d) for d in qs[:limit]]


@router.get("/drafts/{draft_id}")
def get_draft(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    user = _user(request)
    return _out(user, svc.visible_draft(user, draft_id))


@router.put("/drafts/{draft_id}")
def edit_draft(request: HttpRequest, draft_id: int, body: EditIn) -> dict[str, Any]:
    user = _user(request)
    return _out(user, svc.edit(user, svc.visible_draft(user, draft_id), body.text))


@router.post("/drafts/{draft_id}/submit")
def submit_draft(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    user = _user(request)
    return _out(user, svc.submit(user, svc.visible_draft(user, draft_id)))


@router.post("/drafts/{draft_id}/review")
def review_draft(request: HttpRequest, draft_id: int, body: ReviewIn) -> dict[str, Any]:
    user = _user(request)
    return _out(user, svc.review(user, svc.visible_draft(user, draft_id), body.decision, body.reason))


@router.post("/drafts/{draft_id}/publish")
def publish_draft(request: HttpRequest, draft_id: int, body: PublishIn) -> dict[str, Any]:
    user = _user(request)
    return _out(
        user, svc.publish(user, svc.visible_draft(user, draft_id), url=body.url, scheduled_for=body.scheduled_for)
    )


@router.post("/drafts/{draft_id}/amend", response={201: dict[str, Any]})
def amend_post(request: HttpRequest, draft_id: int, body: EditIn) -> Status[dict[str, Any]]:
    user = _user(request)
    return Status(201, _out(user, svc.amend(user, svc.visible_draft(user, draft_id), body.text)))


@router.get("/records", summary="FOI records: corporate posts with versions, approvals and amendments")
def export_records(
    request: HttpRequest,
    start: date | None = None,
    end: date | None = None,
    keyword: QueryEx[str, P(max_length=records.MAX_KEYWORD)] = "",
    format: Literal["json", "csv"] = "json",
) -> StreamingHttpResponse:
    user = require(request, "steward.export_records")
    found = records.search(start=start, end=end, keyword=keyword)
    record(
        "records.exported",
        actor=user,
        object_type="records",
        data={"start": str(start or ""), "end": str(end or ""), "keyword": keyword, "format": format},
    )
    if format == "csv":
        response = StreamingHttpResponse(records.export_csv(found), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="steward-post-records.csv"'
    else:
        response = StreamingHttpResponse(records.export_json(found), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="steward-post-records.json"'
    return response
