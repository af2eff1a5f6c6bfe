"""The moderation data model: organisation, channels, authors, items, decisions, actions, notes, strikes.

Items are unique on (platform, external id), so re-importing a file never duplicates anything. An item is stored
first (``state = pending``) and assessed by a background task, which writes its one engine ``Decision`` and moves
the item to ``assessed`` in the same transaction, so every item is assessed exactly once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    inbound_pack = models.CharField(max_length=100)
    outbound_pack = models.CharField(max_length=100, blank=True, default="")
    safeguarding_email = models.EmailField(
        blank=True, default="", help_text="Where safeguarding escalations are paged, in addition to the leads."
    )

    def __str__(self) -> str:
        return self.name


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    GENERIC = "generic", "Other / file import"


class Channel(models.Model):
    """One platform account the organisation runs (a Facebook page, an X account…)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="channels")
    platform = models.CharField(max_length=20, choices=Platform.choices)
    account_id = models.CharField(max_length=200, help_text="The platform's id or handle for the account.")
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True, help_text="Short name used on the command line: --channel SLUG.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "account_id"], name="channel_unique_account")]
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_platform_display()})"


class Author(models.Model):
    """A member of the public as the platform knows them, with their breaches, strikes and sanctions."""

    platform = models.CharField(max_length=20, choices=Platform.choices)
    external_id = models.CharField(max_length=200, help_text="Platform user id, else handle, else display name.")
    handle = models.CharField(max_length=200, blank=True, default="")
    display_name = models.CharField(max_length=200, blank=True, default="")
    blocked = models.BooleanField(default=False)
    blocked_at = models.DateTimeField(null=True, blank=True)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    blocked_reason = models.TextField(blank=True, default="")
    blocked_clauses = models.JSONField(default=list, blank=True)
    first_seen = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "external_id"], name="author_unique_platform_id")]

    def __str__(self) -> str:
        return self.handle or self.display_name or self.external_id


class ItemKind(models.TextChoices):
    POST = "post", "Post"
    COMMENT = "comment", "Comment"
    REPLY = "reply", "Reply"
    DM = "dm", "Direct message"
    MENTION = "mention", "Mention"


class ItemState(models.TextChoices):
    PENDING = "pending", "Waiting to be assessed"
    ASSESSED = "assessed", "Assessed"
    POISON = "poison", "Assessment kept failing"


class Queue(models.TextChoices):
    """Where an item waits for a person. ``done`` holds items nobody needs to look at again."""

    NEEDS_REVIEW = "needs_review", "Needs review"
    SAFEGUARDING = "safeguarding", "Safeguarding escalations"
    COMPLAINTS = "complaints", "Complaints to redirect"
    AUTO_HIDDEN = "auto_hidden", "Auto-hidden: confirm or restore"
    DONE = "done", "Done"


class Visibility(models.TextChoices):
    VISIBLE = "visible", "Visible"
    HIDDEN = "hidden", "Hidden"
    REMOVED = "removed", "Removed"


class Item(models.Model):
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="items")
    platform = models.CharField(max_length=20, choices=Platform.choices)
    external_id = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=ItemKind.choices, default=ItemKind.COMMENT)
    text = models.TextField()
    author = models.ForeignKey(Author, null=True, blank=True, on_delete=models.PROTECT, related_name="items")
    post_ref = models.CharField(max_length=200, blank=True, default="", help_text="The post this replies to.")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies")
    thread = models.JSONField(default=list, blank=True, help_text="Earlier messages in the thread, oldest first.")
    extra = models.JSONField(default=dict, blank=True)
    direction = models.CharField(max_length=10, default="inbound")
    created_at = models.DateTimeField(null=True, blank=True, help_text="When it was posted on the platform.")
    received_at = models.DateTimeField(db_index=True, help_text="When Steward stored it; the clock starts here.")
    # Assessment bookkeeping.
    state = models.CharField(max_length=10, choices=ItemState.choices, default=ItemState.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True, default="")
    # Workflow.
    queue = models.CharField(max_length=20, choices=Queue.choices, blank=True, default="", db_index=True)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE)
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    out_of_hours = models.BooleanField(default=False)
    sensitive = models.BooleanField(
        default=False, help_text="A safeguarding matter (escalated, self-harm or child safety): leads only."
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "external_id"], name="item_unique_platform_id")]
        indexes = [
            models.Index(fields=["queue", "due_at"], name="item_queue_due"),
            models.Index(fields=["queue", "sensitive", "due_at"], name="item_queue_open_due"),
        ]
        ordering = ["due_at", "received_at"]

    def __str__(self) -> str:
        return f"{self.platform}:{self.external_id}"


class Decision(models.Model):
    """The engine's decision for one item: the full contract output, with the policy version it was made under."""

    item = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="decision")
    action = models.CharField(max_length=20, db_index=True)
    categories = models.JSONField(default=list)
    rule_ids = models.JSONField(default=list)
    clause_ids = models.JSONField(default=list)
    clauses = models.JSONField(default=list, help_text="Each clause quoted: policy, id, ref, section, text.")
    findings = models.JSONField(default=list)
    scores = models.JSONField(default=dict)
    detectors = models.JSONField(default=list)
    failures = models.JSONField(default=list)
    policy_id = models.CharField(max_length=100)
    policy_version = models.CharField(max_length=50)
    pack = models.ForeignKey(
        "governance.PackVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    input_hash = models.CharField(max_length=80)
    rationale = models.TextField()
    reply_template = models.CharField(max_length=100, blank=True, default="")
    reply_text = models.TextField(blank=True, default="")
    pre_election = models.BooleanField(default=False)
    strike = models.BooleanField(default=False)
    error = models.TextField(blank=True, default="", help_text="Set when the item was poison: why it failed.")
    contract = models.JSONField(default=dict, help_text="as_contract() output, for replay and export.")
    decided_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.item_id}: {self.action}"


class ActionKind(models.TextChoices):
    CLAIM = "claim", "Claim"
    RELEASE = "release", "Release"
    APPROVE = "approve", "Approve (leave visible)"
    HIDE = "hide", "Hide"
    RESTORE = "restore", "Restore"
    REMOVE = "remove", "Remove"
    REDIRECT = "redirect", "Reply with a template"
    ESCALATE = "escalate", "Escalate to safeguarding"
    ACKNOWLEDGE = "acknowledge", "Acknowledge escalation"
    THEME = "theme", "Pass to a team as a theme"
    NOTE = "note", "Add a note"
    BLOCK = "block", "Block author"
    UNBLOCK = "unblock", "Unblock author"


class ModeratorAction(models.Model):
    """What a person did, when, why and under which clause. Mirrored into the audit log."""

    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.PROTECT, related_name="actions")
    author = models.ForeignKey(Author, null=True, blank=True, on_delete=models.PROTECT, related_name="actions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="moderation_actions")
    kind = models.CharField(max_length=20, choices=ActionKind.choices)
    reason = models.TextField(blank=True, default="")
    clause_ids = models.JSONField(default=list, blank=True)
    template = models.CharField(max_length=100, blank=True, default="")
    reply_text = models.TextField(blank=True, default="")
    team = models.CharField(max_length=100, blank=True, default="")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} by {self.user_id} at {self.at:%Y-%m-%d %H:%M}"


class Note(models.Model):
    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(Author, null=True, blank=True, on_delete=models.CASCADE, related_name="notes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]


class ReplyTemplate(models.Model):
    """A reply the team sends, seeded from the policy pack's templates and editable by leads."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="templates")
    key = models.CharField(max_length=100)
    name = models.CharField(max_length=200)
    body = models.TextField(help_text="Placeholders in {braces}; every one must be filled before sending.")
    clause_ids = models.JSONField(default=list, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="template_unique_key")]

    def __str__(self) -> str:
        return self.name


class Strike(models.Model):
    """One breach by an author. Overturning the decision (restore/approve) sets ``overturned_at``."""

    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="strikes")
    item = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="strike_record")
    clause_ids = models.JSONField(default=list)
    categories = models.JSONField(default=list)
    at = models.DateTimeField(help_text="When the breaching item was posted (else received).")
    overturned_at = models.DateTimeField(null=True, blank=True)
    overturned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["author", "at"], name="strike_author_at")]


class Escalation(models.Model):
    """A safeguarding escalation: who was paged when, and who acknowledged it."""

    item = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="escalation")
    raised_at = models.DateTimeField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(blank=True, default="")
    notified = models.JSONField(default=list, help_text="Addresses paged.")
    notified_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)


class Theme(models.Model):
    """An item passed to a team (e.g. patient experience) as a theme, rather than answered on the channel."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="themes")
    team = models.CharField(max_length=100)
    note = models.TextField(blank=True, default="")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
