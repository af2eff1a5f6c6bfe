"""Freedom of Information records (SMP 7.6.3): every corporate post with its versions, approvals and amendments,
searchable by date range and keyword, exportable as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from steward.errors import InputError
from steward.server.csvsafe import safe_cell
from steward.server.outbound.models import AccountType, Draft

MAX_KEYWORD = 200


def search(
    *, start: date | None = None, end: date | None = None, keyword: str = "", published_only: bool = False
) -> QuerySet[Draft]:
    """Corporate posts created, updated or published in [start, end] (local dates, inclusive) matching keyword."""
    if start is not None and end is not None and end < start:
        raise InputError("the end date is before the start date")
    if len(keyword) > MAX_KEYWORD:
        raise InputError(f"keyword longer than {MAX_KEYWORD} characters")
    qs = Draft.objects.filter(account_type=AccountType.CORPORATE).select_related("author", "channel", "amends")
    tz = timezone.get_current_timezone()
    if start is not None:
        qs = qs.filter(updated_at__gte=datetime.combine(start, time.min, tzinfo=tz))
    if end is not None:
        qs = qs.filter(created_at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz))
    if keyword.strip():
        term = keyword.strip()
        qs = qs.filter(Q(text__icontains=term) | Q(versions__text__icontains=term)).distinct()
    if published_only:
        qs = qs.filter(published_at__isnull=False)
    return qs.order_by("created_at", "pk").prefetch_related("versions__edited_by", "approvals__user")


def _user(u: Any) -> str:
    return str(u.get_username()) if u is not None else ""


def record_of(draft: Draft) -> dict[str, Any]:
    """One post as an FOI record: the text, who wrote and approved it, every version and amendment link."""
    return {
        "id": draft.pk,
        "channel": draft.channel.name if draft.channel is not None else "",
        "platform": draft.channel.platform if draft.channel is not None else "",
        "author": _user(draft.author),
        "status": draft.status,
        "text": draft.text,
        "created_at": draft.created_at.isoformat(),
        "published_at": draft.published_at.isoformat() if draft.published_at else None,
        "published_url": draft.published_url,
        "amends": draft.amends_id,
        "amended_by": [a.pk for a in draft.amendments.all()],
        "check_action": draft.action,
        "clauses": [c.get("id") for c in draft.result.get("clauses", [])],
        "versions": [
            {"number": v.number, "at": v.at.isoformat(), "by": _user(v.edited_by), "action": v.action, "text": v.text}
            for v in draft.versions.all()
        ],
        "approvals": [
            {
                "step": a.step,
                "step_name": a.step_name,
                "by": _user(a.user),
                "decision": a.decision,
                "reason": a.reason,
                "at": a.at.isoformat(),
                "version": a.version.number,
            }
            for a in draft.approvals.all()
        ],
    }


def export_json(drafts: QuerySet[Draft]) -> Iterator[str]:
    yield "["
    for n, draft in enumerate(drafts):
        yield ("," if n else "") + json.dumps(record_of(draft), ensure_ascii=False)
    yield "]\n"


CSV_COLUMNS = (
    "id",
    "channel",
    "platform",
    "author",
    "status",
    "created_at",
    "published_at",
    "published_url",
    "amends",
    "check_action",
    "clauses",
    "versions",
    "approval_trail",
    "text",
)


def export_csv(drafts: QuerySet[Draft]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for draft in drafts:
        rec = record_of(draft)
        trail = "; ".join(
            f"{a['at']} step {a['step']} ({a['step_name']}) {a['decision']} by {a['by']}"
            + (f": {a['reason']}" if a["reason"] else "")
            for a in rec["approvals"]
        )
        writer.writerow(
            [
                safe_cell(v)
                for v in (
                    rec["id"],
                    rec["channel"],
                    rec["platform"],
                    rec["author"],
                    rec["status"],
                    rec["created_at"],
                    rec["published_at"] or "",
                    rec["published_url"],
                    rec["amends"] or "",
                    rec["check_action"],
                    " ".join(c for c in rec["clauses"] if c),
                    len(rec["versions"]),
                    trail,
                    rec["text"],
                )
            ]
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
