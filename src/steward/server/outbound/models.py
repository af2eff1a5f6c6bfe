"""Staff posts: drafts with their full edit history, the approval trail, publication and amendments.

Corporate-account drafts need approval through the organisation's steps; nobody approves their own post. Every
corporate post with its approvals and amendments is kept for Freedom of Information requests (SMP 7.6.3).
Personal-account checks ("Can I post this?") store nothing but an anonymous count.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AccountType(models.TextChoices):
    CORPORATE = "corporate", "Corporate account"
    PERSONAL = "personal", "Personal account"


class DraftStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for approval"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    REJECTED = "rejected", "Rejected"
    APPROVED = "approved", "Approved"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"


class ApprovalStep(models.Model):
    """One step of the organisation's approval route, in order (e.g. 1: communications team)."""

    organisation = models.ForeignKey("inbox.Organisation", on_delete=models.CASCADE, related_name="approval_steps")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=50, help_text="The role (group) whose members may approve this step.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "order"], name="approval_step_order")]
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class Draft(models.Model):
    organisation = models.ForeignKey("inbox.Organisation", on_delete=models.PROTECT, related_name="drafts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="drafts")
    account_type = models.CharField(max_length=10, choices=AccountType.choices, default=AccountType.CORPORATE)
    channel = models.ForeignKey("inbox.Channel", null=True, blank=True, on_delete=models.PROTECT, related_name="drafts")
    text = models.TextField()
    status = models.CharField(max_length=20, choices=DraftStatus.choices, default=DraftStatus.DRAFT, db_index=True)
    # The latest check of the current text.
    action = models.CharField(max_length=20, blank=True, default="")
    result = models.JSONField(default=dict, blank=True)
    amends = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
        help_text="The published post this draft amends.",
    )
    scheduled_for = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    published_url = models.URLField(blank=True, default="")
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return f"Draft {self.pk} ({self.status})"


class DraftVersion(models.Model):
    """Every text the draft has had, with the check result it got: the full edit history approvers see."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    action = models.CharField(max_length=20)
    result = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="draft_version_number")]
        ordering = ["number"]


class ApprovalDecision(models.TextChoices):
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"


class Approval(models.Model):
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="approvals")
    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="approvals")
    step = models.PositiveSmallIntegerField()
    step_name = models.CharField(max_length=100)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=20, choices=ApprovalDecision.choices)
    reason = models.TextField(blank=True, default="")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]


class PersonalCheckCount(models.Model):
    """Anonymous: how many personal drafts were checked per day and verdict. Nothing else is kept."""

    day = models.DateField()
    action = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "action"], name="personal_check_day_action")]
