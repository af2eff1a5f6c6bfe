"""Throughput and memory of assess + decide, one process, on the demo data repeated.

    .venv/bin/python bench/bench_pipeline.py --items 50000 [--policy ID] [--per-detector]

Prints comments/s, peak resident memory and, with --per-detector, microseconds per item for each detector.
Results are recorded by hand in BENCHMARKS.md with the machine and the command. Never used as a test.
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import resource
import time
from collections.abc import Sequence
from pathlib import Path

from steward.assess import assess
from steward.connectors import read_items
from steward.content import ContentItem, Finding
from steward.decide import decide
from steward.detectors import names
from steward.detectors.personal_info import PersonalInfoDetector
from steward.models import LEARNED
from steward.pipeline import Pipeline
from steward.policy import DEFAULT_INBOUND, get_pack

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int) -> tuple[list[ContentItem], int]:
    base = [r for r in read_items(ROOT / "examples" / "demo-comments.jsonl") if isinstance(r, ContentItem)]
    return [dataclasses.replace(base[i % len(base)], id=f"b{i}") for i in range(n)], len(base)


_SPACY_CALLS = [0]


def _count_spacy_calls() -> None:
    """Wrap the spaCy loader's callers so the report can say how often the slow path ran."""
    original = names.NameRecogniser.analyse

    def counted(
        self: names.NameRecogniser,
        text: str,
        reason: str,
        display_name: str | None = None,
        near: Sequence[tuple[int, int]] = (),
    ) -> list[Finding]:
        if names.might_name_someone(text):
            _SPACY_CALLS[0] += 1
        return original(self, text, reason, display_name, near)

    names.NameRecogniser.analyse = counted  # type: ignore[method-assign]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=50_000)
    ap.add_argument("--policy", default=DEFAULT_INBOUND)
    ap.add_argument("--per-detector", action="store_true")
    ap.add_argument("--no-names", action="store_true", help="personal_info without spaCy names (for comparison)")
    ap.add_argument("--learned", action="store_true", help="add the fast tier's n-gram models (same as --tier fast)")
    ap.add_argument(
        "--tier",
        default="deterministic",
        choices=("deterministic", "fast", "accurate"),
        help="detector tier (default deterministic; bench/bench_tiers.py compares all three)",
    )
    args = ap.parse_args()
    _count_spacy_calls()

    t0 = time.perf_counter()
    pack = get_pack(args.policy)
    detectors = list(Pipeline(pack, tier=args.tier).detectors)
    if args.no_names:
        detectors = [PersonalInfoDetector(names=False) if d.name == "personal_info" else d for d in detectors]
    if args.learned and args.tier == "deterministic":
        detectors += [factory() for factory in LEARNED]
    pipeline = Pipeline(pack, detectors)
    cold = time.perf_counter() - t0
    items, round_size = corpus(args.items)
    context = pipeline.batch()
    pipeline.check(items[0], context)  # warm lazy loads (spaCy) so they are reported separately
    warm = time.perf_counter() - t0

    start = time.perf_counter()
    cpu_start = time.process_time()
    actions: dict[str, int] = {}
    for i, item in enumerate(items):
        if i % round_size == 0:
            context = pipeline.batch()  # each copy of the demo is its own batch, or every long item is a duplicate
        d = decide(assess(item, pipeline.detectors, context), pipeline.pack, calendar=pipeline.calendar)
        actions[d.action.value] = actions.get(d.action.value, 0) + 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"items: {len(items):,}  elapsed: {elapsed:.2f}s  throughput: {len(items) / elapsed:,.0f} comments/s")
    print(f"CPU time: {cpu:.2f}s  = {cpu / len(items) * 1e6:,.0f} µs/item  = {len(items) / cpu:,.0f} comments/s of CPU")
    print(f"startup: pipeline {cold:.2f}s, first item (lazy loads) {warm - cold:.2f}s")
    print(f"name recogniser (spaCy) calls: {_SPACY_CALLS[0]:,} ({_SPACY_CALLS[0] / len(items):.1%} of items)")
    print(f"peak RSS: {peak_mb:,.0f} MB")
    print(f"actions: {dict(sorted(actions.items()))}")
    if args.per_detector:
        sample = items[: min(len(items), 5_000)]
        print("per detector (µs/item):")
        for det in pipeline.detectors:
            s = time.perf_counter()
            for item in sample:
                det.detect(item, context)
            us = (time.perf_counter() - s) / len(sample) * 1e6
            print(f"  {det.name:<20} {us:8.1f}")


if __name__ == "__main__":
    main()
