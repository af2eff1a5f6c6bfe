"""Scan a stream of items: decide each, track strikes per author, count by action and clause, resume.

The library half of `steward scan`; the CLI adds the progress bar and tables.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from steward.content import ContentItem, Decision
from steward.errors import RecordError
from steward.pipeline import Pipeline
from steward.sanctions import Sanction, StrikeLedger


@dataclass(frozen=True, slots=True)
class Scanned:
    item: ContentItem
    decision: Decision
    sanction: Sanction | None

    def as_contract(self) -> dict[str, Any]:
        out = self.decision.as_contract()
        if self.sanction is not None:
            out["sanction"] = self.sanction.as_dict()
        return out


@dataclass
class ScanSummary:
    by_action: Counter[str] = field(default_factory=Counter)
    by_clause: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    errors: list[RecordError] = field(default_factory=list)
    resumed: int = 0

    @property
    def decided(self) -> int:
        return sum(self.by_action.values())

    def add(self, scanned: Scanned) -> None:
        d = scanned.decision
        self.by_action[d.action.value] += 1
        self.by_category.update(d.categories)
        for c in d.clauses:
            self.by_clause[(c.ref or c.id, c.text)] += 1


def _author_key(item: ContentItem) -> str | None:
    a = item.author
    if a is None:
        return None
    key = a.id or a.handle or a.display_name
    return f"{item.platform}:{key}" if key else None


def scan(
    records: Iterable[ContentItem | RecordError],
    pipeline: Pipeline,
    summary: ScanSummary,
    *,
    skip_ids: frozenset[str] = frozenset(),
    now: datetime | None = None,
) -> Iterator[Scanned]:
    """Decide every readable record in order; unreadable ones are added to ``summary.errors``.

    When the pipeline can work ahead (the accurate tier's encoder), records are read ``PREFETCH`` at a time and
    the chunk's texts are encoded on the encoder's threads while this one runs the other detectors."""
    context = pipeline.batch()
    ledger = StrikeLedger(pipeline.pack.sanctions)
    moment = now or datetime.now(UTC)
    for record in _ahead(records, pipeline, skip_ids):
        if isinstance(record, RecordError):
            summary.errors.append(record)
            continue
        if record.id in skip_ids:
            summary.resumed += 1
            continue
        decision = pipeline.check(record, context, now=moment)
        sanction = None
        key = _author_key(record)
        if decision.strike and key is not None:
            sanction = ledger.record(key, record.created_at or moment)
        scanned = Scanned(record, decision, sanction)
        summary.add(scanned)
        yield scanned


#: Records read ahead of the one being checked, when the pipeline can work ahead.
PREFETCH = 32


def _ahead(
    records: Iterable[ContentItem | RecordError], pipeline: Pipeline, skip_ids: frozenset[str]
) -> Iterator[ContentItem | RecordError]:
    """``records`` unchanged, in order; for a pipeline that prefetches, read in chunks that it is told about."""
    if not pipeline.prefetches:
        yield from records
        return
    stream = iter(records)
    while chunk := list(islice(stream, PREFETCH)):
        pipeline.prefetch([r for r in chunk if isinstance(r, ContentItem) and r.id not in skip_ids])
        yield from chunk


def completed_ids(out_path: Path) -> frozenset[str]:
    """Ids already written to an earlier, interrupted run's output. A torn last line is dropped."""
    if not out_path.exists():
        return frozenset()
    done: set[str] = set()
    good_bytes = 0
    with out_path.open("rb") as fh:
        for raw in fh:
            try:
                obj = json.loads(raw)
            except ValueError:
                break
            if not raw.endswith(b"\n") or not isinstance(obj, dict) or "id" not in obj:
                break
            done.add(str(obj["id"]))
            good_bytes += len(raw)
    with out_path.open("r+b") as fh:  # cut a torn tail so appended records start on a fresh line
        fh.truncate(good_bytes)
    return frozenset(done)
