"""Worst cases: how long one hostile comment takes, and whether any detector ran out of time on it.

    .venv/bin/python bench/bench_hostile.py [--tier fast] [--repeat 3]

Each comment below was found by fuzzing the pipeline (random mixes of tweets, emoji, symbols, PII and long
runs; 2026-12-06) or built from what fuzzing found. Every one is at most MAX_TEXT_CHARS long, so none is cut.
For each: wall time of ``Pipeline.check`` (best of ``--repeat``, after one warm-up comment that loads every
model), the action, and the detectors that failed (a failure sends the comment to review for the failure, not
for what it says). Results go into BENCHMARKS.md by hand, with the machine and the command. Never a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

from steward.content import ContentItem
from steward.pipeline import Pipeline
from steward.policy import DEFAULT_INBOUND, get_pack

PHONE = "Please call Peter Smith on 07911 123456"
COMMENTS: tuple[tuple[str, str], ...] = (
    ("emoji flood beside a name and number", f"{'😀' * 9_000} {PHONE} {'😀' * 9_000}"),
    ("'!?' flood beside a name and number", f"{'!?' * 4_500} {PHONE} {'!?' * 4_500}"),
    ("'x-' flood with a number every 800 chars", " ".join(["x-" * 400 + " 07911 123456 Sarah Jones"] * 23)),
    ("a long word, then a stretched one", "ha" * 9_000 + " stuuuupid"),
    ("'all the' + 1,000 letters + 'a better place'", "all the" + "a" * 1_000 + " she is in a better place now"),
    ("'he' + 1,500 × 'i', then 'anytime'", "he " + "i" * 1_500 + " x anytime 😉"),
    ("'they' + 3,000 × '_', then 'be better'", "they " + "_" * 3_000 + " would be better"),
    ("19,000 characters of ordinary words", "The staff on ward 4 were kind and patient. " * 440),
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tier", choices=("deterministic", "fast", "accurate"), default="accurate")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pipeline = Pipeline(get_pack(DEFAULT_INBOUND), tier=args.tier)
    pipeline.check(ContentItem(id="warm", text=f"{PHONE}, the nurse on ward 4 was rude 😀 https://bit.ly/x"))
    print(f"machine: {platform.machine()} {os.cpu_count()} CPUs, python {platform.python_version()}; tier {args.tier}")
    print("| comment | characters | ms (best) | action | detectors that failed |")
    print("|---|---|---|---|---|")
    for label, text in COMMENTS:
        best = float("inf")
        decision = None
        for k in range(args.repeat):
            item = ContentItem(id=f"h{k}", text=f"{text[:19_990]} #{k}")  # a new text each time: no cache hits
            start = time.perf_counter()
            decision = pipeline.check(item)
            best = min(best, time.perf_counter() - start)
        assert decision is not None
        failed = ", ".join(sorted({f.detector.split("@")[0] for f in decision.failures})) or "none"
        print(f"| {label} | {len(text):,} | {best * 1000:,.0f} | {decision.action.value} | {failed} |", flush=True)


if __name__ == "__main__":
    main()
