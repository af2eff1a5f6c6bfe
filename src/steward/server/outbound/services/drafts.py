"""The life of a staff post: write, check, edit, submit, approve (in steps, never your own), publish, amend.

Each function checks the caller may act, changes the rows in one transaction, and writes the audit chain.
A draft with a ``block`` finding (patient-identifiable information) cannot be submitted; approvers always see
the current findings and every earlier version.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from steward.errors import ConflictError, InputError, NotFound, PermissionDenied
from steward.server.audit.chain import record
from steward.server.inbox.models import Channel, Organisation
from steward.server.outbound.models import (
    AccountType,
    Approval,
    ApprovalDecision,
    ApprovalStep,
    Draft,
    DraftStatus,
    DraftVersion,
)
from steward.server.outbound.services.checking import check_text

EDITABLE = frozenset({DraftStatus.DRAFT, DraftStatus.CHANGES_REQUESTED, DraftStatus.REJECTED})
DEFAULT_STEPS: tuple[tuple[str, str], ...] = (("Communications team", "communications_lead"),)


def steps_for(org: Organisation) -> list[ApprovalStep]:
    """The organisation's approval steps, creating the default (one: the communications team) on first use."""
    steps = list(ApprovalStep.objects.filter(organisation=org).order_by("order"))
    if not steps:
        for order, (name, role) in enumerate(DEFAULT_STEPS, start=1):
            ApprovalStep.objects.get_or_create(organisation=org, order=order, defaults={"name": name, "role": role})
        steps = list(ApprovalStep.objects.filter(organisation=org).order_by("order"))
    return steps


def is_reviewer(user: User) -> bool:
    """The communications team and administrators: they see every submitted draft."""
    return bool(user.has_perm("steward.manage_templates") or user.has_perm("steward.manage_users"))


def visible_draft(user: User, draft_id: int) -> Draft:
    """The draft if this user may see it (its author, a reviewer, or a records role), else ``NotFound``.

    Someone who may not see a draft is told it does not exist, so its existence does not leak.
    """
    draft = Draft.objects.select_related("organisation", "channel", "amends", "author").filter(pk=draft_id).first()
    if draft is None or (
        draft.author_id != user.pk and not (is_reviewer(user) or user.has_perm("steward.export_records"))
    ):
        raise NotFound("no such draft")
    return draft


def _roles(user: User) -> frozenset[str]:
    return frozenset(user.groups.values_list("name", flat=True))


def _check(draft: Draft, text: str) -> dict[str, Any]:
    amends_text = draft.amends.text if draft.amends_id is not None and draft.amends is not None else None
    platform = draft.channel.platform if draft.channel is not None else "generic"
    return check_text(
        draft.organisation,
        text,
        account=draft.account_type,
        platform=platform,
        amends_text=amends_text,
        item_id=f"draft-{draft.pk}",
    )


def _new_version(draft: Draft, text: str, user: User, now: datetime) -> DraftVersion:
    result = _check(draft, text)
    number = (draft.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = DraftVersion.objects.create(
        draft=draft, number=number, text=text, edited_by=user, at=now, action=str(result["action"]), result=result
    )
    draft.text = text
    draft.action = version.action
    draft.result = result
    draft.updated_at = now
    return version


def create(
    user: User,
    org: Organisation,
    text: str,
    *,
    channel: Channel | None = None,
    account_type: str = AccountType.CORPORATE,
    amends: Draft | None = None,
) -> Draft:
    if account_type == AccountType.CORPORATE and channel is None:
        raise InputError("choose the corporate account (channel) this post is for")
    if amends is not None and amends.status != DraftStatus.PUBLISHED:
        raise ConflictError("only a published post can be amended")
    now = timezone.now()
    with transaction.atomic():
        draft = Draft.objects.create(
            organisation=org,
            author=user,
            account_type=account_type,
            channel=channel if channel is not None else (amends.channel if amends is not None else None),
            text=text,
            amends=amends,
            created_at=now,
            updated_at=now,
        )
        version = _new_version(draft, text, user, now)
        draft.save()
        record(
            "draft.amendment_started" if amends is not None else "draft.created",
            actor=user,
            obj=draft,
            data={"version": version.number, "action": version.action, "amends": amends.pk if amends else None},
        )
    return draft


def edit(user: User, draft: Draft, text: str) -> Draft:
    if draft.author_id != user.pk:
        raise PermissionDenied("only the draft's author can edit it")
    if draft.status not in EDITABLE:
        raise ConflictError(f"a draft that is {draft.get_status_display().lower()} cannot be edited")
    if text == draft.text:
        return draft
    now = timezone.now()
    with transaction.atomic():
        version = _new_version(draft, text, user, now)
        if draft.status == DraftStatus.REJECTED:
            draft.status = DraftStatus.DRAFT
        draft.save()
        record("draft.edited", actor=user, obj=draft, data={"version": version.number, "action": version.action})
    return draft


def submit(user: User, draft: Draft) -> Draft:
    if draft.author_id != user.pk:
        raise PermissionDenied("only the draft's author can submit it")
    if draft.status not in EDITABLE:
        raise ConflictError(f"a draft that is {draft.get_status_display().lower()} cannot be submitted")
    if draft.action == "block":
        clauses = ", ".join(c["id"] for c in draft.result.get("clauses", [])) or "the policy"
        raise ConflictError(f"this draft cannot be submitted: it breaches {clauses}; remove what the check highlights")
    with transaction.atomic():
        draft.status = DraftStatus.SUBMITTED
        draft.updated_at = timezone.now()
        draft.save()
        record("draft.submitted", actor=user, obj=draft, data={"action": draft.action})
    return draft


def next_step(draft: Draft) -> ApprovalStep | None:
    """The first step not yet approved for the current version (None when all are)."""
    version = draft.versions.order_by("-number").first()
    approved = set(
        Approval.objects.filter(draft=draft, version=version, decision=ApprovalDecision.APPROVED).values_list(
            "step", flat=True
        )
    )
    for step in steps_for(draft.organisation):
        if step.order not in approved:
            return step
    return None


def can_review(user: User, draft: Draft) -> bool:
    step = next_step(draft)
    if step is None or draft.status != DraftStatus.SUBMITTED or draft.author_id == user.pk:
        return False
    roles = _roles(user)
    return user.is_superuser or step.role in roles or "admin" in roles


def review(user: User, draft: Draft, decision: str, reason: str = "") -> Draft:
    """Approve the current step, reject, or request changes. Nobody reviews their own post."""
    if decision not in ApprovalDecision.values:
        raise InputError(f"decision must be one of {', '.join(ApprovalDecision.values)}")
    if draft.author_id == user.pk:
        raise PermissionDenied("nobody can approve or reject their own post")
    if draft.status != DraftStatus.SUBMITTED:
        raise ConflictError("only a submitted draft can be reviewed")
    step = next_step(draft)
    if step is None or not can_review(user, draft):
        raise PermissionDenied("your role cannot review this step")
    if decision != ApprovalDecision.APPROVED and not reason.strip():
        raise InputError("give a reason when rejecting or requesting changes")
    version = draft.versions.order_by("-number").first()
    assert version is not None
    now = timezone.now()
    with transaction.atomic():
        Approval.objects.create(
            draft=draft,
            version=version,
            step=step.order,
            step_name=step.name,
            user=user,
            decision=decision,
            reason=reason,
            at=now,
        )
        if decision == ApprovalDecision.REJECTED:
            draft.status = DraftStatus.REJECTED
        elif decision == ApprovalDecision.CHANGES_REQUESTED:
            draft.status = DraftStatus.CHANGES_REQUESTED
        elif next_step(draft) is None:
            draft.status = DraftStatus.APPROVED
        draft.updated_at = now
        draft.save()
        record(
            f"draft.{decision}",
            actor=user,
            obj=draft,
            reason=reason,
            data={"step": step.order, "step_name": step.name, "version": version.number},
        )
    return draft


def publish(user: User, draft: Draft, *, url: str = "", scheduled_for: datetime | None = None) -> Draft:
    """Mark an approved post published now, or scheduled for a later time."""
    if draft.status not in {DraftStatus.APPROVED, DraftStatus.SCHEDULED}:
        raise ConflictError("only an approved post can be published or scheduled")
    if not (draft.author_id == user.pk or is_reviewer(user)):
        raise PermissionDenied("only the author or the communications team can publish")
    now = timezone.now()
    with transaction.atomic():
        if scheduled_for is not None and scheduled_for > now:
            draft.status = DraftStatus.SCHEDULED
            draft.scheduled_for = scheduled_for
            event = "draft.scheduled"
        else:
            draft.status = DraftStatus.PUBLISHED
            draft.published_at = now
            event = "draft.published"
        draft.published_url = url[:500]
        draft.updated_at = now
        draft.save()
        record(event, actor=user, obj=draft, data={"url": draft.published_url, "amends": draft.amends_id})
    return draft


def amend(user: User, published: Draft, text: str) -> Draft:
    """Start an amendment of a published post: a new draft through the same checks and approval."""
    return create(
        user,
        published.organisation,
        text,
        channel=published.channel,
        account_type=published.account_type,
        amends=published,
    )
