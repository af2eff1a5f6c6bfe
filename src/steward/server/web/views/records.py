"""The audit log page (information-governance lead): filters, paging, chain check, and export through the API."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from steward.server.audit.chain import verify
from steward.server.audit.models import AuditEvent
from steward.server.web.guard import page

AUDIT_PAGE = 100
_PLAIN = re.compile(r"^[^\x00-\x1f\x7f]{0,150}$")
FIELDS = ("event", "actor", "object_type", "object_id", "since", "until")


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filtered(raw: dict[str, str]) -> tuple[QuerySet[AuditEvent], list[str]]:
    rows = AuditEvent.objects.all()
    problems: list[str] = []
    for name in ("event", "actor", "object_type", "object_id"):
        value = raw[name]
        if not value:
            continue
        if not _PLAIN.match(value):
            problems.append(f"The {name.replace('_', ' ')} filter holds characters that cannot be searched for.")
        elif name == "event" and value.endswith("*"):
            rows = rows.filter(event__startswith=value[:-1])
        else:
            rows = rows.filter(**{name: value})
    for name, op in (("since", "gte"), ("until", "lt")):
        if not raw[name]:
            continue
        day = _day(raw[name])
        if day is None:
            problems.append(f"Enter the {name} date as YYYY-MM-DD.")
            continue
        moment = timezone.make_aware(datetime.combine(day, time.min))
        rows = rows.filter(**{f"at__{op}": moment})
    return rows, problems


def _export_query(raw: dict[str, str], fmt: str) -> str:
    """The API's export filters (its since/until take ISO timestamps)."""
    query = {k: v for k, v in raw.items() if v and k not in ("since", "until")}
    for name in ("since", "until"):
        day = _day(raw[name])
        if day is not None:
            query[name] = timezone.make_aware(datetime.combine(day, time.min)).isoformat()
    return urlencode({**query, "format": fmt})


@page("steward.view_audit")
def audit_log(request: HttpRequest) -> HttpResponse:
    raw = {name: request.GET.get(name, "").strip()[:150] for name in FIELDS}
    rows, problems = _filtered(raw)
    offset_text = request.GET.get("offset", "0")
    offset = min(int(offset_text), 10**9) if offset_text.isdigit() else 0
    events = [] if problems else list(rows.order_by("-seq")[offset : offset + AUDIT_PAGE])
    total = 0 if problems else rows.count()
    chain = verify() if request.GET.get("verify") == "1" else None
    base = {k: v for k, v in raw.items() if v}
    context = {
        "raw": raw,
        "problems": problems,
        "events": events,
        "total": total,
        "offset": offset,
        "page_size": AUDIT_PAGE,
        "chain": chain,
        "csv_query": _export_query(raw, "csv"),
        "json_query": _export_query(raw, "json"),
        "next_query": urlencode({**base, "offset": offset + AUDIT_PAGE}),
        "prev_query": urlencode({**base, "offset": max(0, offset - AUDIT_PAGE)}),
        "verify_query": urlencode({**base, "verify": 1}),
    }
    return render(request, "records/audit.jinja", context)
