"""Run a staff draft through the outbound pack: the same assess/decide pipeline as public comments."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from steward.content import ContentItem, Direction
from steward.errors import InputError
from steward.server.governance.packs import active_version, pipeline_for
from steward.server.inbox.models import Organisation
from steward.server.outbound.models import AccountType, PersonalCheckCount

MAX_DRAFT_CHARS = 10_000


def check_text(
    org: Organisation,
    text: str,
    *,
    account: str,
    platform: str = "generic",
    amends_text: str | None = None,
    extra: Mapping[str, str] | None = None,
    item_id: str = "draft",
) -> dict[str, Any]:
    """The decision contract for a draft (action, findings with fixes, clauses quoted, rationale)."""
    if account not in AccountType.values:
        raise InputError(f"account must be one of {', '.join(AccountType.values)}")
    if not text.strip():
        raise InputError("the draft is empty")
    if len(text) > MAX_DRAFT_CHARS:
        raise InputError(f"the draft is {len(text):,} characters; the most Steward checks is {MAX_DRAFT_CHARS:,}")
    fields = {k: v for k, v in (extra or {}).items() if isinstance(v, str)}
    fields["account"] = account
    if amends_text is not None:
        fields["amends"] = amends_text
    version = active_version(org.outbound_pack)
    pipeline = pipeline_for(version)
    item = ContentItem(
        id=item_id,
        text=text,
        platform=platform,
        kind="post",
        direction=Direction.OUTBOUND,
        created_at=timezone.now(),
        extra=fields,
    )
    decision = pipeline.check(item)
    return decision.as_contract()


def check_personal(org: Organisation, text: str, *, extra: Mapping[str, str] | None = None) -> dict[str, Any]:
    """ "Can I post this?" for a personal account: the verdict, and only an anonymous count is kept."""
    result = check_text(org, text, account=AccountType.PERSONAL, extra=extra)
    count_personal_check(str(result["action"]))
    return result


def count_personal_check(action: str, day: date | None = None) -> None:
    today = day or timezone.localdate()
    with transaction.atomic():
        row, created = PersonalCheckCount.objects.get_or_create(day=today, action=action, defaults={"count": 1})
        if not created:
            PersonalCheckCount.objects.filter(pk=row.pk).update(count=F("count") + 1)
