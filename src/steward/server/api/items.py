"""Items over the API: ingest one record or a batch in any input format, and read one item with its decision.

``POST /api/items`` (``steward.ingest``) stores records the way ``steward ingest`` does: each once, unreadable ones
reported with their place (``index`` in ``records``, ``line`` in a CSV text or the page number among ``pages``),
the rest stored and queued for assessment. ``GET /api/items/{id}`` (``steward.view_items``) returns the item and
its decision with personal data masked; ``?reveal=true`` shows it to a role allowed to reveal, and is audited.
A safeguarding item is invisible (404) to anyone without ``steward.view_safeguarding``.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.params import P, PathEx

from steward.connectors import read_items
from steward.connectors.common import type_name
from steward.connectors.generic import checked_item
from steward.content import ContentItem
from steward.errors import InputError, RecordError
from steward.server.api.auth import require
from steward.server.api.authors import AuthorRef
from steward.server.audit.chain import record
from steward.server.inbox.models import Channel, Item
from steward.server.inbox.services.access import can_view
from steward.server.inbox.services.ingest import ingest, problem
from steward.server.inbox.services.masking import masked_text

router = Router(tags=["items"])

MAX_ID = 2**63 - 1
#: Shown instead of a text whose personal data could not be located (not assessed yet, or assessment failed).
WITHHELD = "[text withheld until assessed: reveal to see it]"
Format = Literal["jsonl", "csv", "facebook", "x", "instagram", "youtube"]
_SOURCES = ("record", "records", "page", "pages", "csv")


class IngestIn(Schema):
    channel: str = Field(
        min_length=1, max_length=50, pattern=r"^[-a-zA-Z0-9_]+$", description="The channel's short name (slug)."
    )
    format: Format | None = Field(None, description="jsonl for generic records; a platform for API pages.")
    platform: str | None = Field(None, max_length=20, description="Override the items' platform.")
    record: dict[str, Any] | None = Field(None, description="One record of the generic contract (id, text…).")
    records: list[Any] | None = Field(None, description="Records of the generic contract.")
    page: dict[str, Any] | None = Field(None, description="One platform API response body.")
    pages: list[Any] | None = Field(None, description="Several platform API response bodies.")
    csv: str | None = Field(None, description="CSV text with a header row (columns id, text…).")


class RecordProblem(Schema):
    index: int | None = Field(None, description="Position in `records` (from 0).")
    line: int | None = Field(None, description="Line of the CSV text, or number of the page (from 1).")
    id: str | None = None
    message: str


class IngestOut(Schema):
    stored: int
    duplicates: int
    error_count: int
    errors: list[RecordProblem]
    detail: str = ""


class DecisionOut(Schema):
    action: str
    categories: list[str]
    rule_ids: list[str]
    clause_ids: list[str]
    clauses: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    scores: dict[str, float]
    detectors: list[str]
    failures: list[dict[str, Any]]
    policy_id: str
    policy_version: str
    input_hash: str
    rationale: str
    reply_template: str
    reply_text: str
    pre_election: bool
    strike: bool
    error: str
    decided_at: datetime


class ItemOut(Schema):
    id: int
    channel: str
    platform: str
    external_id: str
    kind: str
    text: str
    masked: bool = Field(description="Personal data in `text` is masked (finding offsets refer to the original).")
    author: AuthorRef | None
    post_ref: str
    parent_id: int | None
    thread: list[str] = Field(description="Earlier replies, oldest first (only when revealed).")
    thread_length: int
    created_at: datetime | None
    received_at: datetime
    state: str
    attempts: int
    last_error: str
    queue: str
    visibility: str
    due_at: datetime | None
    out_of_hours: bool
    decision: DecisionOut | None


@router.post(
    "",
    response={200: IngestOut, 400: IngestOut},
    summary="Store items (one record or a batch, any input format) and queue them for assessment",
)
def post_items(request: HttpRequest, body: IngestIn) -> Status[dict[str, Any]]:
    user = require(request, "steward.ingest")
    channel = Channel.objects.filter(slug=body.channel).first()
    if channel is None:
        raise InputError(f"no channel {body.channel[:50]!r}")
    given = [name for name in _SOURCES if getattr(body, name) is not None]
    if len(given) != 1:
        raise InputError(f"give exactly one of {', '.join(_SOURCES)}")
    source = given[0]
    if source in ("record", "records"):
        if body.format not in (None, "jsonl"):
            raise InputError(f"records are the generic contract (format jsonl); send {body.format} pages as pages")
        records = [body.record] if source == "record" else list(body.records or [])
        _check_count(len(records))
        items, problems = _from_records(records)
    else:
        items, problems = _from_file(body, source)
    _check_count(len(items) + len(problems))
    summary = ingest(items, channel, platform=body.platform, actor=user, source=f"api:{source}")
    out = {
        "stored": summary.stored,
        "duplicates": summary.duplicates,
        "error_count": len(problems),
        "errors": problems[:1000],
    }
    if summary.stored + summary.duplicates == 0:
        out["detail"] = "no record could be stored" if problems else "no records given"
        return Status(400, out)
    return Status(200, out)


def _check_count(count: int) -> None:
    limit = int(settings.STEWARD_MAX_BATCH)
    if count > limit:
        raise InputError(f"{count} records in one call; at most {limit} are accepted")


def _from_records(records: list[Any]) -> tuple[list[ContentItem], list[dict[str, Any]]]:
    items: list[ContentItem] = []
    problems: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(records):
        if not isinstance(entry, dict):
            problems.append({"index": index, "message": f"expected a JSON object, found {type_name(entry)}"})
            continue
        got = checked_item(entry, "request", index, seen)
        if isinstance(got, RecordError):
            message = re.sub(r"first read at line (\d+)", r"first given at records[\1]", got.message)
            problems.append({"index": index, "id": got.record_id, "message": message})
        elif (why := problem(got)) is not None:
            problems.append({"index": index, "id": got.id[:100], "message": why})
        else:
            items.append(got)
    return items, problems


def _from_file(body: IngestIn, source: str) -> tuple[list[ContentItem], list[dict[str, Any]]]:
    """Pages or CSV text, read by the core's connectors from a temporary file."""
    if source == "csv":
        if body.format not in (None, "csv"):
            raise InputError("csv text is read as format csv")
        fmt: str | None = "csv"
        suffix, text = ".csv", body.csv or ""
    else:
        if body.format in ("jsonl", "csv"):
            raise InputError("pages are platform API responses: format facebook, x, instagram or youtube")
        pages = [body.page] if source == "page" else list(body.pages or [])
        fmt, suffix = body.format, ".jsonl"
        text = "\n".join(json.dumps(page) for page in pages) + "\n"
    with tempfile.TemporaryDirectory(prefix="steward-api-") as folder:
        path = Path(folder) / f"request{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            return _collect(read_items(path, format=fmt), str(path))
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), "request")) from None


def _collect(results: Iterable[ContentItem | RecordError], path: str) -> tuple[list[ContentItem], list[dict[str, Any]]]:
    items: list[ContentItem] = []
    problems: list[dict[str, Any]] = []
    for got in results:
        if isinstance(got, RecordError):
            problems.append({"line": got.line, "id": got.record_id, "message": got.message.replace(path, "request")})
        elif (why := problem(got)) is not None:
            problems.append({"id": got.id[:100], "message": why})
        else:
            items.append(got)
    return items, problems


@router.get("/{item_id}", response=ItemOut, summary="One item and its decision (personal data masked unless revealed)")
def get_item(request: HttpRequest, item_id: PathEx[int, P(ge=1, le=MAX_ID)], reveal: bool = False) -> dict[str, Any]:
    user = require(request, "steward.view_items")
    item = Item.objects.select_related("channel", "author", "decision").filter(pk=item_id).first()
    if item is None or not can_view(user, item):
        raise HttpError(404, f"no item {item_id}")
    if reveal:
        require(request, "steward.reveal_personal_data", item)
        with transaction.atomic():
            record("item.revealed", actor=user, obj=item, reason="personal data shown through the API")
    return _item_out(item, revealed=reveal)


def _item_out(item: Item, *, revealed: bool) -> dict[str, Any]:
    decision = getattr(item, "decision", None)
    text = item.text
    if not revealed:
        if decision is None or decision.error or decision.failures:
            text = WITHHELD
        else:
            text = masked_text(item.text, decision.findings)
    author = item.author
    return {
        "id": item.pk,
        "channel": item.channel.slug,
        "platform": item.platform,
        "external_id": item.external_id,
        "kind": item.kind,
        "text": text,
        "masked": not revealed,
        "author": None
        if author is None
        else {
            "id": author.pk,
            "platform": author.platform,
            "handle": author.handle,
            "display_name": author.display_name,
            "blocked": author.blocked,
        },
        "post_ref": item.post_ref,
        "parent_id": item.parent_id,
        "thread": [str(t) for t in item.thread] if revealed else [],
        "thread_length": len(item.thread),
        "created_at": item.created_at,
        "received_at": item.received_at,
        "state": item.state,
        "attempts": item.attempts,
        "last_error": item.last_error,
        "queue": item.queue,
        "visibility": item.visibility,
        "due_at": item.due_at,
        "out_of_hours": item.out_of_hours,
        "decision": None if decision is None else _decision_out(decision),
    }


def _decision_out(d: Any) -> dict[str, Any]:
    fields = ("action", "categories", "rule_ids", "clause_ids", "clauses", "findings", "scores", "detectors")
    more = ("failures", "policy_id", "policy_version", "input_hash", "rationale", "reply_template", "reply_text")
    flags = ("pre_election", "strike", "error", "decided_at")
    return {name: getattr(d, name) for name in (*fields, *more, *flags)}
