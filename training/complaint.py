"""The accurate tier's complaint head: a linear head on the fine-tuned encoder's embedding, from written examples.

Section 3 of the acceptable use statement sends concerns and complaints to the formal route, and the pack
redirects them. Most complaints never say "complaint": they tell a story ("3rd time my repeat prescription
hasn't been sent"). The phrase rules found 0.38 of them on a blind set (``bench/data/complaint-comments.jsonl``)
because a story can be told in too many ways; a head on the encoder's embedding generalises from meaning, and
costs one dot product a comment (the accurate tier already embeds every comment).

- **Data** (in this repository): ``bench/data/complaint-dev-a.jsonl`` and ``complaint-dev-b.jsonl`` (320
  comments written for training by two helper sessions, half complaints, half criticism, good news and
  questions in the same words), ``complaint-dev-c.jsonl`` (200, a page's ordinary traffic, one in five a
  complaint, by a third), ``bench/data/criticism-comments.jsonl`` (160; its complaint labels were read
  to write the complaint rules, so it is no longer a blind test for them), ``bench/data/safeguarding-dev.jsonl``
  (120) and ``examples/demo-comments.jsonl`` (302). A comment is positive when ``complaint`` is among its
  expected categories. ``bench/data/complaint-comments.jsonl``, ``page-mix-test.jsonl`` and
  ``heldout-comments.jsonl`` are the blind tests and are never read here.
- **Method**: ``training.written``, in ``encoder/complaint.npz``.

``python -m training.complaint [--models DIR]`` rebuilds it from the encoder in ``DIR`` and records it in
``DIR/manifest.json``; ``python -m training.train`` calls it after the encoder is built.
"""

from __future__ import annotations

from typing import Any

from training import written

ROOT = written.ROOT
DATA = (
    ROOT / "bench" / "data" / "complaint-dev-a.jsonl",
    ROOT / "bench" / "data" / "complaint-dev-b.jsonl",
    # a page's ordinary traffic (four in five not complaints): general criticism, good stories, questions
    ROOT / "bench" / "data" / "complaint-dev-c.jsonl",
    # past emergencies, thanks to crews and health questions in the words of care, and complaints among them
    ROOT / "bench" / "data" / "urgent-train.jsonl",
    ROOT / "bench" / "data" / "criticism-comments.jsonl",
    ROOT / "bench" / "data" / "safeguarding-dev.jsonl",
    ROOT / "examples" / "demo-comments.jsonl",
)
#: The pack's threshold for this head (surrey-heartlands-aus rule ``complaint-model``: redirect from here),
#: chosen on the out-of-fold scores of the training examples; the bias check also reports a lower one.
LOW, REDIRECT = 0.5, 0.7


def _positive(expected: dict[str, Any]) -> bool:
    """A concern or complaint about the writer's own or someone close's care, whatever else it carries."""
    return "complaint" in expected.get("categories", [])


def card(entry: dict[str, Any]) -> str:
    """The model card (``cards/complaint.md``) from the manifest entry."""
    data = """
Written examples in this repository, MIT like the project: `bench/data/complaint-dev-a.jsonl` and
`complaint-dev-b.jsonl` (written for training: half complaints, half criticism, good news and questions in
the same words), `complaint-dev-c.jsonl` (a page's ordinary traffic, one in five a complaint),
`bench/data/criticism-comments.jsonl`, `bench/data/safeguarding-dev.jsonl` and
`examples/demo-comments.jsonl`. The blind sets
`bench/data/complaint-comments.jsonl`, `page-mix-test.jsonl` and `heldout-comments.jsonl` are never read by
training."""
    blind = """
Blind sets, through the whole pipeline with the phrase rules (`bench/demo_agreement.py FILE --tier accurate`,
2026-12-06; `bench/data/README.md` records each look), rules alone -> with this head:

| set (complaints of all) | recall | precision | same action | legitimate comments actioned |
|---|---|---|---|---|
| `complaint-comments.jsonl` (80 of 150) | 0.38 -> 0.71 | 0.94 -> 0.92 | 67.3% -> 82.0% | 4 -> 7 of 61 |
| `page-mix-test.jsonl` (14 of 200) | 0.57 -> 0.86 | 1.00 -> 1.00 | 90.0% -> 91.5% | 4 -> 6 of 150 (0 this head's) |
| `heldout-comments.jsonl` (11 of 308) | 0.64 -> 0.73 | 0.50 -> 0.40 | 76.6% -> 76.3% | 9 -> 12 of 142 |

`page-mix-test.jsonl` is a page's ordinary night; the held-out set is not blind for the threshold (0.6 was set
after one look at it; 0.7 came later from the same rule when `urgent-train.jsonl` joined the training data)."""
    failures = """
- It reads meaning, not who it happened to: general anger told vividly ("people are left on trolleys for
  days") can score like a story of one's own care, and a complaint told in one flat line can score low.
- It reads a story of one's own care as a complaint whatever its ending: thanks to a nurse or a discharge team
  scored 0.77-0.99. The detector caps it at 0.4 when the comment is thanks or praise with no word of grievance
  (`steward.detectors.intent.told_as_good_news`, since 2026-12-07; `BENCHMARKS.md`). Sarcastic thanks ("Thank
  you for cancelling my mum's op for the third time") it scores low, below 0.2: the phrase rules catch those."""
    return written.render_card(
        RECIPE, entry, module="complaint", data=data, blind=blind, failures=failures, subject="none a complaint"
    )


RECIPE = written.Recipe(
    key="complaint",
    version="1.0",
    data=DATA,
    positive=_positive,
    low=("low", LOW),
    high=("redirect", REDIRECT),
    card=card,
)


if __name__ == "__main__":
    raise SystemExit(written.main(RECIPE))
