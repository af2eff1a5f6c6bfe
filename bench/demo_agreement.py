"""How far Steward's decisions agree with the hand labels in examples/demo-comments.jsonl.

    .venv/bin/python bench/demo_agreement.py [FILE] [--tier deterministic|fast|accurate] [--show-misses]

FILE defaults to the demo set. The demo set was written (with its `expected` labels) independently of the
detectors, but its misses have since been looked at; bench/data/heldout-comments.jsonl was written blind to the
detectors and must never be tuned on (see bench/data/README.md), as were criticism-comments.jsonl (criticism
against abuse), complaint-comments.jsonl (concerns to redirect against criticism) and safeguarding-comments.jsonl
(crisis posts against idioms; safeguarding-dev.jsonl is its development set); the README lists what has been
tuned on each since. All are small and invented: treat the numbers as a check on generalisation, not a
quality claim. Never used as a test.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from steward.connectors import read_items
from steward.content import ContentItem
from steward.pipeline import Pipeline
from steward.policy import DEFAULT_INBOUND, get_pack

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo-comments.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", type=Path, default=DEMO)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--tier", default=None, help="detector tier (default: $STEWARD_TIER or accurate)")
    args = ap.parse_args()
    expected = {}
    for line in args.file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            expected[str(rec["id"])] = rec.get("expected") or {}
    pipeline = Pipeline(get_pack(DEFAULT_INBOUND), tier=args.tier)
    context = pipeline.batch()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    agree = flagged_right = total = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for item in read_items(args.file):
        if not isinstance(item, ContentItem):
            continue
        want = expected[item.id]
        d = pipeline.check(item, context)
        got_cats, want_cats = set(d.categories), set(want.get("categories", []))
        for c in got_cats | want_cats:
            if c in got_cats and c in want_cats:
                tp[c] += 1
            elif c in got_cats:
                fp[c] += 1
            else:
                fn[c] += 1
        total += 1
        agree += d.action.value == want.get("action")
        flagged_right += (d.action.value == "allow") == (want.get("action") == "allow")
        confusion[(want.get("action", "?"), d.action.value)] += 1
        if args.show_misses and d.action.value != want.get("action"):
            print(
                f"{item.id}: want {want.get('action')} {sorted(want_cats)} got {d.action.value} "
                f"{sorted(got_cats)} | {item.text[:100]!r}"
            )
    legit = sum(n for (w, _), n in confusion.items() if w == "allow")
    over = sum(n for (w, g), n in confusion.items() if w == "allow" and g != "allow")
    taken_down = sum(n for (w, g), n in confusion.items() if w == "allow" and g in ("hide", "remove"))
    print(
        f"tier {pipeline.tier}; items {total}; same action {agree / total:.1%}; same allow/not-allow "
        f"{flagged_right / total:.1%}; legitimate comments actioned {over} of {legit}, "
        f"hidden or removed {taken_down}"
    )
    print(f"{'category':<16}{'precision':>10}{'recall':>8}{'support':>9}")
    for c in sorted(set(tp) | set(fn) | set(fp)):
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else float("nan")
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else float("nan")
        print(f"{c:<16}{p:>10.2f}{r:>8.2f}{tp[c] + fn[c]:>9}")
    print("expected → got:", ", ".join(f"{w}→{g}: {n}" for (w, g), n in sorted(confusion.items()) if w != g))


if __name__ == "__main__":
    main()
