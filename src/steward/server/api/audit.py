"""The audit log over the API: filtered pages, streamed CSV/JSON export, and chain verification.

Reading the log needs ``steward.view_audit`` (information-governance lead; admin). Exporting is itself an
audited event (``audit.exported``), written before the first byte is streamed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from ninja import Field, P, Query, QueryEx, Router, Schema
from ninja.errors import HttpError

from steward.server.api.auth import require
from steward.server.audit.chain import record, verify
from steward.server.audit.models import AuditEvent
from steward.server.csvsafe import safe_cell

router = Router(tags=["audit"])

PERM = "steward.view_audit"
COLUMNS = (
    "seq",
    "at",
    "actor",
    "event",
    "object_type",
    "object_id",
    "clause_ids",
    "reason",
    "data",
    "prev_hash",
    "hash",
)
# A spreadsheet treats a cell starting with one of these as a formula (CSV/formula injection).
_MAX_OFFSET = 1_000_000_000
# Filter text never holds control characters (PostgreSQL refuses NUL in a query string outright).
_PLAIN = r"^[^\x00-\x1f\x7f]*$"


class AuditFilters(Schema):
    since: datetime | None = Field(None, description="Events at or after this time.")
    until: datetime | None = Field(None, description="Events before this time.")
    event: str | None = Field(
        None, max_length=64, pattern=_PLAIN, description="Event name; a trailing * matches a prefix."
    )
    actor: str | None = Field(None, max_length=150, pattern=_PLAIN)
    object_type: str | None = Field(None, max_length=64, pattern=_PLAIN)
    object_id: str | None = Field(None, max_length=64, pattern=_PLAIN)


class AuditEventOut(Schema):
    seq: int
    at: datetime
    actor: str
    event: str
    object_type: str
    object_id: str
    clause_ids: list[Any]
    reason: str
    data: dict[str, Any]
    prev_hash: str
    hash: str


class AuditPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[AuditEventOut]


class VerifyOut(Schema):
    ok: bool
    checked: int
    broken_seq: int | None
    broken_id: int | None
    problem: str
    message: str


def _utc(moment: datetime, name: str) -> datetime:
    """An aware UTC datetime (naive input is read as UTC); 400 when it cannot be represented."""
    try:
        aware = moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)
        return aware.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise HttpError(400, f"{name} is out of range") from exc


def filtered(filters: AuditFilters) -> QuerySet[AuditEvent]:
    """The events matching ``filters``, oldest first."""
    rows = AuditEvent.objects.all()
    if filters.since is not None:
        rows = rows.filter(at__gte=_utc(filters.since, "since"))
    if filters.until is not None:
        rows = rows.filter(at__lt=_utc(filters.until, "until"))
    if filters.event:
        if filters.event.endswith("*"):
            rows = rows.filter(event__startswith=filters.event[:-1])
        else:
            rows = rows.filter(event=filters.event)
    if filters.actor:
        rows = rows.filter(actor=filters.actor)
    if filters.object_type:
        rows = rows.filter(object_type=filters.object_type)
    if filters.object_id:
        rows = rows.filter(object_id=filters.object_id)
    return rows.order_by("seq")


def _as_dict(ev: AuditEvent) -> dict[str, Any]:
    return {
        "seq": ev.seq,
        "at": ev.at.astimezone(UTC).isoformat(),
        "actor": ev.actor,
        "event": ev.event,
        "object_type": ev.object_type,
        "object_id": ev.object_id,
        "clause_ids": ev.clause_ids,
        "reason": ev.reason,
        "data": ev.data,
        "prev_hash": ev.prev_hash,
        "hash": ev.hash,
    }


def _csv_cells(ev: AuditEvent) -> list[object]:
    row = _as_dict(ev)
    row["clause_ids"] = json.dumps(row["clause_ids"], ensure_ascii=False)
    row["data"] = json.dumps(row["data"], ensure_ascii=False, sort_keys=True)
    return [safe_cell(row[name]) for name in COLUMNS]


class _Line:
    """A file-like sink for csv.writer that hands back what was written."""

    def write(self, text: str) -> str:
        return text


def stream_csv(rows: QuerySet[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for ev in rows.iterator(chunk_size=1000):
        yield writer.writerow(_csv_cells(ev))


def stream_json(rows: QuerySet[AuditEvent]) -> Iterator[str]:
    yield "["
    first = True
    for ev in rows.iterator(chunk_size=1000):
        yield ("\n" if first else ",\n") + json.dumps(_as_dict(ev), ensure_ascii=False)
        first = False
    yield "\n]\n"


@router.get("", response=AuditPage, summary="Audit events, filtered and paginated (oldest first)")
def list_events(
    request: HttpRequest,
    filters: Query[AuditFilters],
    limit: QueryEx[int, P(ge=1, le=500)] = 100,
    offset: QueryEx[int, P(ge=0, le=_MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    require(request, PERM)
    rows = filtered(filters)
    return {"count": rows.count(), "limit": limit, "offset": offset, "items": list(rows[offset : offset + limit])}


_EXPORT_RESPONSES = {
    "200": {
        "description": "The matching events, streamed.",
        "content": {"text/csv": {"schema": {"type": "string"}}, "application/json": {"schema": {"type": "array"}}},
    }
}


@router.get(
    "/export",
    summary="Export audit events as CSV or JSON (streamed; the export is itself audited)",
    openapi_extra={"responses": _EXPORT_RESPONSES},
)
def export_events(
    request: HttpRequest,
    filters: Query[AuditFilters],
    fmt: QueryEx[Literal["csv", "json"], P(alias="format")] = "csv",
) -> StreamingHttpResponse:
    user = require(request, PERM)
    rows = filtered(filters)  # checks the filters before the export is recorded
    chosen = filters.model_dump(mode="json", exclude_none=True)
    exported = record("audit.exported", actor=user, object_type="audit", data={"format": fmt, "filters": chosen})
    # A fixed end: events appended while the export streams are left for the next one.
    rows = rows.filter(seq__lte=exported.seq)
    stamp = timezone.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    if fmt == "json":
        response = StreamingHttpResponse(stream_json(rows), content_type="application/json")
    else:
        response = StreamingHttpResponse(stream_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="steward-audit-{stamp}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.get("/verify", response=VerifyOut, summary="Recompute the hash chain and name the first broken event")
def verify_chain(request: HttpRequest) -> dict[str, Any]:
    require(request, PERM)
    result = verify()
    return {
        "ok": result.ok,
        "checked": result.checked,
        "broken_seq": result.broken_seq,
        "broken_id": result.broken_id,
        "problem": result.problem,
        "message": str(result),
    }
