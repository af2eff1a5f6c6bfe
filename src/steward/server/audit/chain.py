"""Append to the audit chain and verify it.

``record`` is the only way events are written. The hash of event n is
``sha256(prev_hash + canonical JSON of its fields)``; ``verify`` recomputes every hash in order and names the
first event whose stored hash, previous-hash link or sequence number does not match.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from steward.server.audit.models import AuditEvent, ChainHead

GENESIS = "0" * 64


def _canonical(fields: Mapping[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


def _fields(ev: AuditEvent) -> dict[str, Any]:
    """What an event's hash covers (everything but the two hashes), as the database gives it back."""
    return {
        "seq": ev.seq,
        "at": ev.at.isoformat(timespec="microseconds"),
        "actor": ev.actor,
        "event": ev.event,
        "object_type": ev.object_type,
        "object_id": ev.object_id,
        "clause_ids": list(ev.clause_ids),
        "reason": ev.reason,
        "data": ev.data,
    }


def event_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + _canonical(fields)).hexdigest()


def _actor_name(actor: object) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    name = getattr(actor, "get_username", None)
    return str(name()) if callable(name) else str(actor)


def record(
    event: str,
    *,
    actor: object = None,
    obj: object = None,
    object_type: str = "",
    object_id: str = "",
    clause_ids: Iterable[str] = (),
    reason: str = "",
    data: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event. Call inside the transaction that makes the change, so both commit or neither."""
    entry = {"actor": actor, "obj": obj, "object_type": object_type, "object_id": object_id}
    entry |= {"clause_ids": clause_ids, "reason": reason, "data": data, "at": at}
    return record_many([(event, entry)])[0]


def record_many(entries: Sequence[tuple[str, Mapping[str, Any]]]) -> list[AuditEvent]:
    """Append several events under one lock of the chain head: each is ``(event, record's keyword arguments)``."""
    rows: list[AuditEvent] = []
    if not entries:
        return rows
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(id=1)
        seq, prev = head.seq, head.hash
        for event, entry in entries:
            seq += 1
            rows.append(_event(seq, prev, event, **entry))
            prev = rows[-1].hash
        AuditEvent.objects.bulk_create(rows)
        ChainHead.objects.filter(id=1).update(seq=seq, hash=prev)
    return rows


def _event(
    seq: int,
    prev_hash: str,
    event: str,
    *,
    actor: object = None,
    obj: object = None,
    object_type: str = "",
    object_id: str = "",
    clause_ids: Iterable[str] = (),
    reason: str = "",
    data: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    if obj is not None:
        object_type = object_type or type(obj).__name__.lower()
        object_id = object_id or str(getattr(obj, "pk", ""))
    # UTC, microseconds: the form every database gives back, so the hash recomputes identically.
    moment = (at or timezone.now()).astimezone(UTC)
    # JSON round trip now, so the hash is computed over exactly what the database will give back.
    payload = json.loads(json.dumps(dict(data or {}), default=str))
    row = AuditEvent(
        seq=seq,
        at=moment,
        actor=_actor_name(actor),
        event=event,
        object_type=object_type,
        object_id=object_id,
        clause_ids=list(clause_ids),
        reason=reason,
        data=payload,
        prev_hash=prev_hash,
    )
    row.hash = event_hash(prev_hash, _fields(row))
    return row


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    checked: int
    broken_seq: int | None = None
    broken_id: int | None = None
    problem: str = ""

    def __str__(self) -> str:
        if self.ok:
            return f"audit chain intact: {self.checked} events verified"
        return f"audit chain BROKEN at event #{self.broken_seq} (row id {self.broken_id}): {self.problem}"


def verify(batch: int = 2000) -> Verification:
    """Recompute the chain from the first event; stop at the first broken link."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for ev in AuditEvent.objects.order_by("seq").iterator(chunk_size=batch):
        fields = _fields(ev)
        problem = ""
        if ev.seq != expected_seq:
            problem = f"sequence number {ev.seq} where {expected_seq} was expected (an event is missing)"
        elif ev.prev_hash != prev:
            problem = "its previous-hash link does not match the event before it"
        elif event_hash(prev, fields) != ev.hash:
            problem = "its contents do not match its hash (the row was altered)"
        if problem:
            return Verification(False, checked, ev.seq, ev.pk, problem)
        prev = ev.hash
        expected_seq += 1
        checked += 1
    head = ChainHead.objects.filter(id=1).first()
    if head is not None and head.seq != checked:
        return Verification(
            False, checked, checked + 1, None, f"the chain head records {head.seq} events but {checked} exist"
        )
    return Verification(True, checked)
