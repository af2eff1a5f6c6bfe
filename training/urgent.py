"""The accurate tier's urgent-medical head: a linear head on the fine-tuned encoder's embedding, from written examples.

Section 3 of the acceptable use statement points medical emergencies to 999 and NHS 111, and the pack answers
them with that reply at once. People rarely say "emergency": they ask the page whether the walk-in is open
because their son's lip is swelling after peanuts, or say their dad's face looks droopy "but he says he's fine".
The phrase rules found half of them or fewer on the blind sets; a head on the encoder's embedding generalises
from meaning, and costs one dot product a comment (the accurate tier already embeds every comment).

- **Data** (in this repository): ``bench/data/urgent-train.jsonl`` (240 comments written for this head: 100
  needs for care now, 125 comments in the same medical words without one, 15 past complaints), and the other
  training sets whose labels say whether a comment is urgent (the safeguarding and complaint training sets,
  ``criticism-comments.jsonl``, ``safeguarding-comments.jsonl`` and ``examples/demo-comments.jsonl``). A comment
  is positive when ``urgent_medical`` is among its expected categories. ``bench/data/urgent-test.jsonl``,
  ``page-mix-test.jsonl``, ``heldout-comments.jsonl``, ``complaint-comments.jsonl`` and
  ``safeguarding-test-2.jsonl`` are the blind tests and are never read here.
  Since minilm 2.4 also, as negatives, ``written.ALLOWED_NEGATIVES`` (comments written to need nothing).
- **Method**: ``training.written``, in ``encoder/urgent_medical.npz``.

``python -m training.urgent [--models DIR]`` rebuilds it from the encoder in ``DIR`` and records it in
``DIR/manifest.json``; ``python -m training.train`` calls it after the encoder is built.
"""

from __future__ import annotations

from typing import Any

from training import written

ROOT = written.ROOT
BENCH = ROOT / "bench" / "data"
DATA = (
    BENCH / "urgent-train.jsonl",
    # written for version 1.1: needs for care now beside the same words not happening now (past emergencies told
    # as stories or thanks, emergencies already in hand, awareness, chronic conditions, idioms), which 1.0 answered
    # with the 999 reply
    BENCH / "urgent-train-2.jsonl",
    BENCH / "safeguarding-dev.jsonl",
    BENCH / "safeguarding-train-1.jsonl",
    BENCH / "safeguarding-train-2.jsonl",
    BENCH / "safeguarding-comments.jsonl",
    BENCH / "complaint-dev-a.jsonl",
    BENCH / "complaint-dev-b.jsonl",
    BENCH / "complaint-dev-c.jsonl",
    BENCH / "criticism-comments.jsonl",
    ROOT / "examples" / "demo-comments.jsonl",
)
#: The pack's threshold for this head (surrey-heartlands-aus rule ``urgent-medical-model``): the lowest at which
#: its out-of-fold precision on the training examples reaches 0.8 (as for the complaint head); the bias check
#: also reports a lower one.
LOW, REDIRECT = 0.2, 0.3


def _positive(expected: dict[str, Any]) -> bool:
    """A need for medical care now, whatever else the comment carries."""
    return "urgent_medical" in expected.get("categories", [])


def card(entry: dict[str, Any]) -> str:
    """The model card (``cards/urgent_medical.md``) from the manifest entry."""
    data = """
Written examples in this repository, MIT like the project: `bench/data/urgent-train.jsonl` and
`urgent-train-2.jsonl` (written for this head: needs for care now, and comments in the same medical words
without one), and the other training sets
whose labels say whether a comment is urgent (safeguarding and complaint training sets, the criticism set, the
retired first safeguarding set, the demo comments). The blind sets
(`urgent-test.jsonl`, `page-mix-test.jsonl`, `heldout-comments.jsonl`, `complaint-comments.jsonl`,
`safeguarding-test-2.jsonl`) are never read by training."""
    blind = """
Blind sets, through the whole pipeline with the phrase rules (`bench/demo_agreement.py FILE --tier accurate`,
2026-12-06; `bench/data/README.md` records each look), rules alone -> with this head:

| set (urgent of all) | `urgent_medical` recall | precision |
|---|---|---|
| `urgent-test.jsonl` (55 of 150) | 0.15 -> 0.85 | 0.67 -> 0.80 |
| `heldout-comments.jsonl` (9 of 308) | 0.56 -> 0.89 | 0.62 -> 0.62 |
| `complaint-comments.jsonl` (10 of 150) | 0.40 -> 0.60 | 0.80 -> 0.75 |
| `safeguarding-test-2.jsonl` (6 of 150) | 0.33 -> 0.50 | 0.50 -> 0.50 |
| `page-mix-test.jsonl` (3 of 200) | 0.33 -> 1.00 | 1.00 -> 0.75 |

On `urgent-test.jsonl` the accurate tier takes the labelled action on 63.3% -> 78.7% of comments; of its 80
comments that need nothing it now answers 9 with the 999 / NHS 111 reply (past emergencies and stories told
vividly; see below), where the phrase rules answered 4.

Version 1.1 added `urgent-train-2.jsonl` (220 written for it: needs for care now beside past emergencies told as
stories, emergencies already in hand, awareness, chronic conditions and idioms), and the same out-of-fold rule
moved the pack's threshold from 0.4 to 0.3. It changed no action on any of the seven labelled sets (per-item
comparison, 2026-12-06): it scores four of those nine lower (0.48-0.78 -> 0.39-0.59), but not below 0.3, and is
as sure as before (0.96-0.99) of the other five, so the numbers above stand.

Version 1.3 (2026-12-07, a head-only refit on minilm 2.4's encoder) reads the ordinary comments of the other written
files (Data, above), because it sent the emergency reply to hyperbole ("my arm feels like it's been hit by a bus but
I'll live" 0.89). Over the nine blind sets, the demo and `hyperbole-test.jsonl` (2,148 comments, accurate tier,
against version 1.2): urgent need found 100 -> 100 of 122, wrongly given 58 -> 49; on `urgent-test.jsonl` recall
0.89 -> 0.91 at precision 0.78 -> 0.79; one emergency told in jest on `hyperbole-test.jsonl` lost (redirect ->
allowed)."""
    failures = """
- Since version 1.3 it scores some insults naming a group high ("Angela is a idiotic latinx" 0.86, 0.41 before;
  the word piece "latin" near medical words, perhaps): on bias-madlibs 4 of 4,030 sentences reach the pack's 0.3
  (1 before), all insults: the hate rules remove them (checked), though the decision still lists urgent need.
- It reads meaning, not time: a past emergency told vividly can score like one happening now, and an
  understated one ("probably nothing but…") can score low."""
    return written.render_card(
        RECIPE, entry, module="urgent", data=data, blind=blind, failures=failures, subject="none urgent"
    )


RECIPE = written.Recipe(
    key="urgent_medical",
    version="1.3",
    data=DATA,
    negative_files=written.ALLOWED_NEGATIVES,
    positive=_positive,
    low=("low", LOW),
    high=("redirect", REDIRECT),
    card=card,
    # (2026-12-07) every other written file's ordinary comments, read by the head only (``written.ALLOWED_POOL``)
    head_allowed_files=written.ALLOWED_POOL,
)


if __name__ == "__main__":
    raise SystemExit(written.main(RECIPE))
