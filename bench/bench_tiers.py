"""Speed, cold start and memory of each detector tier (deterministic, fast, accurate): the full pipeline
(``assess`` + ``decide``) in one process, one item at a time, as ``steward scan`` and the worker run it: the
accurate tier is told the next ``steward.scan.PREFETCH`` items, so its encoder works on them in the background
(``--no-prefetch``: strictly one item after another, as before 2026-12-06).

    .venv/bin/python bench/bench_tiers.py [--items 3000] [--corpus demo|tweets] [--tier accurate ...]

Each tier runs in a fresh subprocess, so its cold start (import, pipeline build, model loads, first item) and
its peak resident memory are its own. Corpora: ``demo`` = ``examples/demo-comments.jsonl`` (302 NHS-style
comments, PII- and abuse-heavy by design); ``tweets`` = TweetEval offensive val texts (real short posts). Each
is repeated to ``--items``; text caches are per text, so repeats would flatter the learned tiers: every repeat
gets a distinct suffix (" #n"), so no text is seen twice. The same number of items then runs again with other
suffixes (" ##n"): *warm* is that second pass, after every lazily compiled pattern the corpus needs has been
compiled and every cache has filled with texts it will not see again (what a long-running worker sees). Results
go into BENCHMARKS.md by hand, with the machine and the command. Never used as a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from steward.connectors import read_items
from steward.content import ContentItem
from steward.policy import DEFAULT_INBOUND, get_pack
from steward.pipeline import Pipeline
import dataclasses
from pathlib import Path
tier, corpus, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
pipeline = Pipeline(get_pack(DEFAULT_INBOUND), tier=tier)
from steward.scan import PREFETCH
ahead = PREFETCH if pipeline.prefetches and sys.argv[5] == "ahead" else 0
first = ContentItem(id="first", text="Thank you to the staff on the ward")
pipeline.check(first)
cold = time.perf_counter() - t0
if corpus == "demo":
    base = [r for r in read_items(Path(sys.argv[4])) if isinstance(r, ContentItem)]
else:
    lines = open(sys.argv[4], encoding="utf-8").read().splitlines()
    base = [ContentItem(id=str(i), text=t) for i, t in enumerate(lines)]
def timed(tag):
    items = [
        dataclasses.replace(base[i % len(base)], id=f"b{i}", text=f"{base[i % len(base)].text} {tag}{i}")
        for i in range(n)
    ]
    context = pipeline.batch()
    start, cpu0 = time.perf_counter(), time.process_time()
    actions = {}
    for i, item in enumerate(items):
        if i % len(base) == 0:
            context = pipeline.batch()
        if ahead and i % ahead == 0:  # as steward scan does: tell the pipeline the next chunk
            pipeline.prefetch(items[i : i + ahead])
        a = pipeline.check(item, context).action.value
        actions[a] = actions.get(a, 0) + 1
    return time.perf_counter() - start, time.process_time() - cpu0, actions
wall, cpu, actions = timed("#")
warm_wall, warm_cpu, _ = timed("##")
print(json.dumps({"tier": tier, "corpus": corpus, "items": n, "per_s": n / wall, "cpu_us": cpu / n * 1e6,
                  "warm_per_s": n / warm_wall, "warm_cpu_us": warm_cpu / n * 1e6,
                  "cold_s": cold, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "actions": actions, "detectors": len(pipeline.detectors)}))
"""


def run(tier: str, corpus: str, items: int, ahead: bool = True) -> dict[str, object]:
    source = (
        ROOT / "examples" / "demo-comments.jsonl"
        if corpus == "demo"
        else ROOT.parent / "shared" / "datasets" / "tweeteval-offensive" / "val_text.txt"
    )
    out = subprocess.run(
        [sys.executable, "-c", CHILD, tier, corpus, str(items), str(source), "ahead" if ahead else "one"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "STEWARD_TIER": tier},
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=3000)
    ap.add_argument("--corpus", choices=("demo", "tweets"), action="append")
    ap.add_argument("--tier", choices=("deterministic", "fast", "accurate"), action="append")
    ap.add_argument(
        "--no-prefetch",
        action="store_true",
        help="check strictly one item at a time (no encoding of the next items in the background)",
    )
    args = ap.parse_args()
    print(f"machine: {platform.machine()} {os.cpu_count()} CPUs, python {platform.python_version()}")
    if args.no_prefetch:
        print("--no-prefetch: one item at a time, nothing encoded ahead")
    print(
        "| tier | corpus | items | comments/s (wall) | µs/item (CPU, all threads) | warm comments/s | warm µs/item "
        "| cold start | peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for corpus in args.corpus or ["demo", "tweets"]:
        for tier in args.tier or ["deterministic", "fast", "accurate"]:
            r = run(tier, corpus, args.items, not args.no_prefetch)
            print(
                f"| {tier} | {corpus} | {r['items']:,} | {r['per_s']:,.0f} | {r['cpu_us']:,.0f} | "
                f"{r['warm_per_s']:,.0f} | {r['warm_cpu_us']:,.0f} | {r['cold_s']:.2f} s | {r['rss_mb']:,.0f} MB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
