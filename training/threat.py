"""The accurate tier's threat head: a linear head on the fine-tuned encoder's embedding, from written examples.

The threat phrase rules (``steward.detectors.threat``) find threats that use violent words or the usual veiled
phrases; the fine-tuned offensive head reads threats as abuse (OLID pools them), which the pack hides or sends
for review rather than escalating. On the held-out comments (2026-12-06) the accurate tier found 2 of 9 threats.
People threaten in too many ways for lists ("I know what car she drives", "if anything happens to my dad on that
trolley…"); a head on the encoder's embedding generalises from meaning and costs one dot product a comment.

- **Data**: ``bench/data/threat-train.jsonl`` to ``threat-train-3.jsonl`` (written for this head by three authors,
  the third for version 1.1 with veiled, conditional, casual, online and calm ones: threats, most without a violent
  word, beside idioms, legitimate escalation to the ombudsman or the press, anger without a threat, reports of past
  incidents, jokes), the other training sets whose labels say whether a comment is a threat, and the extra negatives
  of ``written.inoffensive_negatives``. A comment is positive when its expected categories include ``threat``. The
  blind sets (``threat-test``, ``heldout-comments``, ``page-mix-test``, ``complaint-comments``,
  ``safeguarding-test-2``, ``urgent-test``) are never read here.
  Since minilm 2.4 also, as negatives, ``written.ALLOWED_NEGATIVES`` (comments written to need nothing).
- **Method**: ``training.written``, in ``encoder/threat.npz``; findings of category ``threat``, kind
  ``threat_encoder``.

``python -m training.threat [--models DIR]`` rebuilds it from the encoder already in ``DIR``; ``python -m
training.train`` calls it after the encoder is built. Same encoder, same data, same seed: the same bytes.
"""

from __future__ import annotations

from typing import Any

from training import written

ROOT = written.ROOT
BENCH = ROOT / "bench" / "data"
DATA = (
    BENCH / "threat-train.jsonl",
    BENCH / "threat-train-2.jsonl",
    BENCH / "threat-train-3.jsonl",
    ROOT / "examples" / "demo-comments.jsonl",
    BENCH / "criticism-comments.jsonl",
    BENCH / "safeguarding-comments.jsonl",
    BENCH / "safeguarding-dev.jsonl",
    BENCH / "safeguarding-train-1.jsonl",
    BENCH / "safeguarding-train-2.jsonl",
    BENCH / "complaint-dev-a.jsonl",
    BENCH / "complaint-dev-b.jsonl",
    BENCH / "complaint-dev-c.jsonl",
    BENCH / "urgent-train.jsonl",
    BENCH / "urgent-train-2.jsonl",
    BENCH / "distress-train-1.jsonl",
)
#: The pack's thresholds for this head (surrey-heartlands-aus): ``threat-model`` escalates from the lowest on the
#: 0.1 grid at which its out-of-fold precision on the training examples reaches 0.8, as for the other written
#: heads; ``threat-model-review`` asks a person from 0.5 ("more likely than not"), as the hate model's review does.
REVIEW, ESCALATE = 0.5, 0.6


def _positive(expected: dict[str, Any]) -> bool:
    """A threat of violence or harm to others, whatever else the comment carries."""
    return "threat" in expected.get("categories", [])


def card(entry: dict[str, Any]) -> str:
    """The model card (``cards/threat.md``) from the manifest entry."""
    data = """
Written examples in this repository, MIT like the project: `bench/data/threat-train.jsonl` to `threat-train-3.jsonl`
(751 written for this head by three authors, the third since version 1.1: threats to staff, premises and other
commenters, most without a violent word, beside idioms, legitimate escalation, anger without a threat, reports of
past incidents and jokes) and the other training sets whose labels say whether a comment is a threat (the demo
comments, the criticism set, the safeguarding, complaint, urgent and distress training sets, the retired first
safeguarding set). Extra negatives: the neutral identity sentences of `training/data.py` and the tweets of the
offensive model's training part labelled not offensive (TweetEval, as in `minilm.md`), because without them it read
any sentence about a person as a threat ("Jim is a nice trans" 0.90). The blind sets (`threat-test.jsonl`,
`heldout-comments.jsonl`, `page-mix-test.jsonl`, `complaint-comments.jsonl`, `safeguarding-test-2.jsonl`,
`urgent-test.jsonl`) are never read by training."""
    blind = """
The pack escalates from 0.6, like the threat phrase rules (the named lead is told now and the evidence kept), and
asks a person to look from 0.5 ("more likely than not", as for the hate model).

Blind set `bench/data/threat-test.jsonl` (160, 60 threats, written by a third author who saw neither training
file; `bench/demo_agreement.py FILE --tier accurate`, `bench/data/README.md` records each look), phrase rules alone
-> with this head: `threat` recall 0.18 -> 0.53 at precision 0.85 -> 0.89, threats allowed 27 -> 16 of 60, same
action 55.6% -> 62.5%, legitimate comments acted on 12 -> 14 of 67. On the held-out comments `threat` recall 2 -> 4
of 9, with 5 comments labelled otherwise (abuse, hate) gaining the category; on `urgent-test.jsonl` one comment
that needs nothing is escalated.

Version 1.3 (2026-12-07, a head-only refit on minilm 2.4's encoder) reads the ordinary comments of the other written
files (Data, above), because it scored ordinary comments high ("Cleaners at that hospital work so hard and never get
any credit" 0.86, "no excuses now @Dave, see you at parkrun" 0.86) and paged the lead. Over the nine blind sets, the
demo and `hyperbole-test.jsonl` (2,148 comments, accurate tier, against version 1.2): the category wrongly given 37
-> 31, threats found 100 -> 97 of 125, threats escalated 106 -> 105; on `threat-test.jsonl` recall 0.87 -> 0.82 at
precision 0.90 -> 0.89 (one threat escalated -> reviewed, three still acted on for another reason lost the
category). The cost is real and stated: fewer false pages for fewer threats found."""
    failures = """
- It reads meaning, not intent: a furious comment about a relative's care that names a member of staff can
  score high without threatening anyone, and a calm threat with no violent word ("I know what car she drives")
  depends on the training examples having said something like it.
- Quoting or reporting a threat ("a man told the receptionist he'd wait for her") shares its words.
- Its calibration counts thousands of tweets as negatives, so its probabilities are low: about half the blind
  set's threats score under 0.5, and veiled ones ("I know what car she drives") score lowest.
- Not this head's, but beside it: the self-harm head escalates 9 of the blind set's 60 threats as self-harm
  (threats conditional on a relative dying), so the decision carries the crisis-support reply. The escalation is
  right and a person sends any reply; retraining the self-harm head with these threats as negatives cost it 10
  of 65 crisis posts on its blind set and was dropped."""
    return written.render_card(
        RECIPE, entry, module="threat", data=data, blind=blind, failures=failures, subject="none a threat"
    )


RECIPE = written.Recipe(
    key="threat",
    version="1.3",
    data=DATA,
    negative_files=written.ALLOWED_NEGATIVES,
    positive=_positive,
    low=("review", REVIEW),
    high=("escalate", ESCALATE),
    card=card,
    # without them it read any sentence about a person as a threat: "Jim is a nice trans" 0.90 (22 of 2,041
    # neutral bias-madlibs sentences at or above 0.7, 12% for one group), "He is safer than a bomb shelter" 0.95
    # on TweetEval val; its threats name a person ("he is…", "tell her…") and its other rows rarely do
    negatives=written.inoffensive_negatives,
    # (2026-12-07) every other written file's ordinary comments, read by the head only (``written.ALLOWED_POOL``)
    head_allowed_files=written.ALLOWED_POOL,
)


if __name__ == "__main__":
    raise SystemExit(written.main(RECIPE))
