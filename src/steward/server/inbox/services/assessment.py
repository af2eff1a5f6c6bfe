"""Assess stored items exactly once: the body of the ``assess_items`` background task.

For each pending item the attempt is counted and committed first (``attempts += 1``), so an attempt that kills
the process still counts. Then the pipeline of the organisation's active pack version decides, and one
transaction moves the item pending → assessed (only if it is still pending), stores its one ``Decision``, routes
it (queue, visibility, due time, strike, escalation) and records ``item.decided`` in the audit log. An item that
is no longer pending is skipped, so a duplicate task is harmless.

Items never tried before are tried together; an item that was tried and did not finish (its worker died, or the
pipeline raised) is tried on its own, so one poison item cannot keep failing the items queued beside it. An item
whose pipeline raises is queued again until it has used ``STEWARD_MAX_ATTEMPTS`` attempts; then (or when that
many attempts never finished) it is marked ``poison`` with a ``review`` decision carrying the error, and waits
in the needs-review queue. It is never retried forever.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from steward.content import Decision as EngineDecision
from steward.content import Direction
from steward.detectors.base import AssessContext
from steward.pipeline import Pipeline
from steward.server.audit.chain import record, record_many
from steward.server.governance.models import PackVersion
from steward.server.governance.packs import active_version, pipeline_for
from steward.server.inbox.models import Decision, Item, ItemState, Queue
from steward.server.inbox.services.decision_rows import content_item, decision_row, poison_row
from steward.server.inbox.services.routing import route_new_decision

log = logging.getLogger(__name__)

MAX_ERROR_CHARS = 1000
#: What ``last_error`` says while an attempt runs; it stays there if the worker dies mid-attempt.
UNFINISHED = "the worker stopped before this item's assessment finished"
#: The item fields the assessment sets (routing sets the last four).
ITEM_FIELDS = ["state", "last_error", "queue", "visibility", "due_at", "out_of_hours"]


@dataclass(frozen=True, slots=True)
class AssessSummary:
    decided: int = 0
    skipped: int = 0
    retried: int = 0
    poisoned: int = 0

    def __add__(self, other: AssessSummary) -> AssessSummary:
        return AssessSummary(
            self.decided + other.decided,
            self.skipped + other.skipped,
            self.retried + other.retried,
            self.poisoned + other.poisoned,
        )

    def as_dict(self) -> dict[str, int]:
        return {"decided": self.decided, "skipped": self.skipped, "retried": self.retried, "poisoned": self.poisoned}


@dataclass(frozen=True, slots=True)
class _Engine:
    version: PackVersion
    pipeline: Pipeline
    context: AssessContext


@dataclass(frozen=True, slots=True)
class _Outcome:
    item: Item
    engine: _Engine | None
    decision: EngineDecision | None
    error: str = ""


class _Engines:
    """The pipeline of each pack's active version, looked up once per task."""

    def __init__(self) -> None:
        self._found: dict[str, _Engine | Exception] = {}

    def for_item(self, item: Item) -> _Engine:
        org = item.channel.organisation
        if item.direction == Direction.OUTBOUND:
            pack_id = org.outbound_pack or str(settings.STEWARD_OUTBOUND_PACK)
        else:
            pack_id = org.inbound_pack
        found = self._found.get(pack_id)
        if found is None:
            try:
                version = active_version(pack_id)
                pipeline = pipeline_for(version)
                found = _Engine(version, pipeline, pipeline.batch())
            except Exception as exc:  # a broken pack fails its items, which end in review
                found = exc
            self._found[pack_id] = found
        if isinstance(found, Exception):
            raise found
        return found

    def maybe(self, item: Item) -> _Engine | None:
        try:
            return self.for_item(item)
        except Exception:
            return None


def assess_batch(item_ids: Sequence[int]) -> AssessSummary:
    """Assess the pending items among ``item_ids``; see the module docstring for the guarantees."""
    wanted = sorted({int(pk) for pk in item_ids})
    items = list(
        Item.objects.select_related("author", "channel__organisation")
        .filter(pk__in=wanted, state=ItemState.PENDING)
        .order_by("pk")
    )
    limit = int(settings.STEWARD_MAX_ATTEMPTS)
    engines = _Engines()
    total = AssessSummary(skipped=len(wanted) - len(items))
    retry: list[int] = []
    spent = [item for item in items if item.attempts >= limit]
    fresh = [item for item in items if item.attempts == 0]
    suspects = [item for item in items if 0 < item.attempts < limit]
    for item in spent:
        total += _poison(item, item.last_error or UNFINISHED, engines)
    if fresh:
        total += _run(fresh, engines, retry)
    for item in suspects:
        total += _run([item], engines, retry)
    if retry:
        from steward.server.inbox.tasks import enqueue_assessment

        with transaction.atomic():
            enqueue_assessment(retry, size=1)
    return total


def _run(items: list[Item], engines: _Engines, retry: list[int]) -> AssessSummary:
    # Count the attempt and commit it before the pipeline runs: a crash that kills the process still counts.
    Item.objects.filter(pk__in=[i.pk for i in items], state=ItemState.PENDING).update(
        attempts=F("attempts") + 1, last_error=UNFINISHED
    )
    for item in items:
        item.attempts += 1
    _prefetch(items, engines)
    outcomes = [_check(item, engines) for item in items]
    good = [o for o in outcomes if o.decision is not None]
    decided, skipped, failures = _save(good)
    total = AssessSummary(decided=decided, skipped=skipped)
    for outcome in [o for o in outcomes if o.decision is None] + failures:
        item = outcome.item
        if item.attempts >= int(settings.STEWARD_MAX_ATTEMPTS):
            total += _poison(item, outcome.error, engines)
        else:
            Item.objects.filter(pk=item.pk, state=ItemState.PENDING).update(last_error=outcome.error)
            retry.append(item.pk)
            total += AssessSummary(retried=1)
    return total


def _prefetch(items: list[Item], engines: _Engines) -> None:
    """Let each pipeline that can work ahead (the accurate tier's encoder) start on its items in the background."""
    by_engine: dict[int, tuple[_Engine, list[Item]]] = {}
    for item in items:
        engine = engines.maybe(item)
        if engine is not None and engine.pipeline.prefetches:
            by_engine.setdefault(id(engine), (engine, []))[1].append(item)
    for engine, mine in by_engine.values():
        try:
            engine.pipeline.prefetch([content_item(i) for i in mine])
        except Exception:  # working ahead is an optimisation; ``_check`` meets and records any real error
            continue


def _check(item: Item, engines: _Engines) -> _Outcome:
    try:
        engine = engines.for_item(item)
        decision = engine.pipeline.check(content_item(item), engine.context, now=item.received_at)
    except Exception as exc:  # any failure outside the detectors makes the item a suspect
        log.warning("assessing item %s failed (attempt %s): %s", item.pk, item.attempts, type(exc).__name__)
        return _Outcome(item, None, None, describe(exc))
    return _Outcome(item, engine, decision)


def describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"


def _save(good: list[_Outcome]) -> tuple[int, int, list[_Outcome]]:
    """Store the decisions in one transaction; if that fails, item by item. Returns (decided, skipped, failed)."""
    if not good:
        return 0, 0, []
    try:
        with transaction.atomic():
            decided, skipped = _write(good)
        return decided, skipped, []
    except Exception as exc:  # find the item that broke the batch, store the rest
        if len(good) == 1:
            log.warning("storing the decision of item %s failed: %s", good[0].item.pk, type(exc).__name__)
            return 0, 0, [_Outcome(good[0].item, good[0].engine, None, describe(exc))]
    decided = skipped = 0
    failed: list[_Outcome] = []
    for outcome in good:
        d, s, f = _save([outcome])
        decided, skipped, failed = decided + d, skipped + s, failed + f
    return decided, skipped, failed


def _write(outcomes: list[_Outcome]) -> tuple[int, int]:
    pks = [o.item.pk for o in outcomes]
    still_pending = set(
        Item.objects.select_for_update().filter(pk__in=pks, state=ItemState.PENDING).values_list("pk", flat=True)
    )
    todo = [o for o in outcomes if o.item.pk in still_pending]
    now = timezone.now()
    rows: list[Decision] = []
    for o in todo:
        assert o.decision is not None and o.engine is not None  # _save is only given decided outcomes
        rows.append(decision_row(o.item, o.decision, o.engine.version, now))
    Decision.objects.bulk_create(rows)
    events: list[tuple[str, dict[str, Any]]] = []
    for outcome, row in zip(todo, rows, strict=True):
        item = outcome.item
        assert outcome.engine is not None
        item.state = ItemState.ASSESSED
        item.last_error = ""
        route_new_decision(item, row, outcome.engine.pipeline.calendar)
        data = {"action": row.action, "rules": row.rule_ids, "policy": row.policy_id, "version": row.policy_version}
        events.append(("item.decided", {"obj": item, "clause_ids": row.clause_ids, "data": data, "at": now}))
    record_many(events)
    _update_fields([o.item for o in todo])
    return len(todo), len(outcomes) - len(todo)


def _update_fields(items: list[Item]) -> None:
    """Save ITEM_FIELDS: one UPDATE per distinct set of values (items stored together mostly share them)."""
    groups: dict[tuple[Any, ...], list[int]] = {}
    for item in items:
        groups.setdefault(tuple(getattr(item, name) for name in ITEM_FIELDS), []).append(item.pk)
    for values, pks in groups.items():
        Item.objects.filter(pk__in=pks).update(**dict(zip(ITEM_FIELDS, values, strict=True)))


def _poison(item: Item, error: str, engines: _Engines) -> AssessSummary:
    """Give up on ``item``: state poison, a ``review`` decision carrying the error, the needs-review queue."""
    engine = engines.maybe(item)
    try:
        input_hash = content_item(item).input_hash()
    except Exception:
        input_hash = ""
    version = engine.version if engine is not None else None
    rationale = (
        f"Automatic assessment failed ({item.attempts} attempt(s)), so a person must review this item. "
        f"Last error: {error}"
    )
    with transaction.atomic():
        if not Item.objects.select_for_update().filter(pk=item.pk, state=ItemState.PENDING).exists():
            return AssessSummary(skipped=1)
        now = timezone.now()
        poison_row(item, error, rationale, input_hash, version, now).save()
        item.state = ItemState.POISON
        item.last_error = error
        item.queue = Queue.NEEDS_REVIEW
        if engine is not None:
            item.out_of_hours = not engine.pipeline.calendar.is_monitored(item.received_at)
            item.due_at = engine.pipeline.calendar.due(item.received_at)
        item.save(update_fields=ITEM_FIELDS)
        record("item.poisoned", obj=item, reason=error, data={"attempts": item.attempts}, at=now)
    log.warning("item %s marked poison after %s attempt(s)", item.pk, item.attempts)
    return AssessSummary(poisoned=1)
