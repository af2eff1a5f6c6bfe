"""The same comment gets the same explanation in every process.

Python salts string hashes per process, so anything that iterates a set of strings can change order from one
run to the next. The lexicons gather candidate entries that way; when two entries match the same span ("shit"
with its stem and "shite", "nonbinary" and "non-binary"), the one reported must not depend on that order, or a
decision's explanation (and, for entries of different weight, its score) would change between two runs on the
same comment. The entry earlier in the lexicon's order (longest term first) wins.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CHILD = r"""
import json, sys
from steward.assess import assess
from steward.content import ContentItem, Direction
from steward.detectors.registry import default_detectors
detectors = default_detectors(Direction.INBOUND)
texts = json.loads(sys.argv[1])
print(json.dumps([[f.explanation for f in assess(ContentItem(id="x", text=t), detectors).findings] for t in texts]))
"""

# (text, the explanation that must be among its findings in every process)
CASES = [
    ("what a load of shite this is", "profanity lexicon entry 'shite' (swear)."),
    (
        "nonbinary people are disgusting",
        "hateful generalisation: makes a degrading generalisation about a protected group ('non-binary').",
    ),
    ("Vote Lib Dem on Thursday", "voting appeal: political lexicon entry 'vote lib dem'."),
]
SEEDS = ("0", "1", "2", "3", "4")


@pytest.fixture(scope="module")
def runs() -> dict[str, list[list[str]]]:
    texts = json.dumps([t for t, _ in CASES])
    out: dict[str, list[list[str]]] = {}
    for seed in SEEDS:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, texts],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        out[seed] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def test_every_process_explains_alike(runs: dict[str, list[list[str]]]) -> None:
    first = runs[SEEDS[0]]
    for seed in SEEDS[1:]:
        assert runs[seed] == first, f"PYTHONHASHSEED={seed} explained the same comments differently"


@pytest.mark.parametrize(("index", "expected"), [(i, e) for i, (_, e) in enumerate(CASES)])
def test_the_longest_entry_at_a_span_wins(runs: dict[str, list[list[str]]], index: int, expected: str) -> None:
    for seed in SEEDS:
        assert expected in runs[seed][index], (seed, runs[seed][index])
