"""The accurate tier's extremism head: a linear head on the fine-tuned encoder's embedding, from written examples.

The extremism phrase rules (``steward.detectors.extremism``) find the listed slogans and calls to violence; on the
held-out comments (2026-12-06) the accurate tier found 2 of 8 extremist comments. Glorification, conspiracy-driven
calls to attack vaccine sites and coded calls to arms are said in too many ways for lists; a head on the encoder's
embedding generalises from meaning and costs one dot product a comment.

- **Data**: ``bench/data/extremism-train.jsonl`` and, since version 1.3, ``extremism-train-2.jsonl`` (written
  for this head by two authors: violent extremism beside news and
  condemnation of attacks, Prevent discussion, angry opinion without violence, religion, history, idioms), the
  other training sets whose labels say whether a comment is extremism, the threat training sets, the extra
  negatives of ``written.group_negatives``, and ``bench/data/naming-groups-train.jsonl`` (``NAMING``: comments
  that welcome, support or ask about a named group, all negatives; the encoder's hate task learns them too),
  ``naming-groups-train-2.jsonl`` (``NAMING_2``) and ``written.ALLOWED_NEGATIVES``, negatives too. A
  comment is positive when its expected categories include ``extremism``. The blind sets (``extremism-test``,
  ``threat-test``, ``heldout-comments``, ``page-mix-test``, ``complaint-comments``, ``safeguarding-test-2``,
  ``urgent-test``, ``hate-test``) are never read here.
- **Method**: ``training.written``, in ``encoder/extremism.npz``; findings of category ``extremism``, kind
  ``extremism_encoder``.

``python -m training.extremism [--models DIR]`` rebuilds it from the encoder already in ``DIR``; ``python -m
training.train`` calls it after the encoder is built. Same encoder, same data, same seed: the same bytes.
"""

from __future__ import annotations

from typing import Any

from training import threat, written

ROOT = written.ROOT
DATA = (threat.BENCH / "extremism-train.jsonl", threat.BENCH / "extremism-train-2.jsonl", *threat.DATA)
#: Written comments that name a group and are ordinary (welcome, support, services, remembrance, lawful policy
#: opinion): negatives only. Added in 1.1: with the encoder rebuilt (2026-12-07), version 1.0's recipe scored
#: "They welcome these refugees." 0.52 at the C its cross-validation chose and 0.39-0.52 over the whole grid,
#: so the HatEval negatives alone left a comment that merely names a group on the edge of review.
NAMING = threat.BENCH / "naming-groups-train.jsonl"
#: Short comments that name a group as "they", "these" or "those" and sincere uses of words hate uses sarcastically,
#: all negatives (written for the hate task; its brief forbade "They welcome ..." sentences). Added in 1.2, for the
#: head only: with minilm 2.2 (whose fine-tune learned this head's other files as a task) version 1.1 scored
#: "They welcome these refugees." 0.57, and with this file 0.08 (cross-validated recall at 0.5 unchanged, 0.82).
#: Since 1.4 (minilm 2.4, whose fine-tune learned it too) one of ``negative_files`` like the others.
NAMING_2 = threat.BENCH / "naming-groups-train-2.jsonl"
#: The pack's thresholds for this head (surrey-heartlands-aus): ``extremism-model`` escalates from the lowest on
#: the 0.1 grid at which its out-of-fold precision on the training examples reaches 0.8, as for the other written
#: heads; ``extremism-model-review`` asks a person from 0.5 ("more likely than not").
REVIEW, ESCALATE = 0.5, 0.7


def _positive(expected: dict[str, Any]) -> bool:
    """Violent extremism, whatever else the comment carries."""
    return "extremism" in expected.get("categories", [])


def card(entry: dict[str, Any]) -> str:
    """The model card (``cards/extremism.md``) from the manifest entry."""
    data = """
Written examples in this repository, MIT like the project: `bench/data/extremism-train.jsonl` and, since version
1.3, `extremism-train-2.jsonl` (496, written for this head by two authors: glorification of attackers, support for
proscribed groups, conspiracy-driven and far-right or Islamist calls to violence, coded calls to arms, recruitment;
beside news and condemnation of attacks, Prevent discussion, angry opinion without violence, religion, history and
idioms), the threat head's training files (threats are not extremism unless political; their angry non-threats are
negatives here) and the extra negatives of `training/written.py` (neutral identity sentences and tweets labelled not
offensive) and the tweets of the hate model's training part labelled not hateful (HatEval, about immigration and
women: without them it read "They welcome these refugees." as extremism, 0.98), and, since version 1.1,
`bench/data/naming-groups-train.jsonl` (240 comments that welcome, support or ask about a named group, all
negatives) and, since version 1.2, `bench/data/naming-groups-train-2.jsonl` (200 short comments that name a group as
"they", "these" or "those", all negatives; read by this head, not by the encoder's extremism task). The blind
sets are never read by training."""
    blind = """
The pack escalates from 0.7 (the lowest threshold at which out-of-fold precision reaches 0.8), like the
extremism phrase rules (the safeguarding lead is told now and the evidence kept), and asks a person to look from
0.5.

Blind set `bench/data/extremism-test.jsonl` (150, 55 extremist, written by an author who saw no training file;
`bench/demo_agreement.py FILE --tier accurate`, `bench/data/README.md` records each look), phrase rules alone ->
with this head: `extremism` recall 0.18 -> 0.44 at precision 1.00 -> 0.89, extremist comments allowed 31 -> 22 of
55, same action 60.7% -> 66.7%, legitimate comments acted on 12 -> 13 of 90. On the held-out comments recall 2 ->
3 of 8 with one comment labelled otherwise gaining the category; on `page-mix-test.jsonl` one ordinary comment
reviewed. TweetEval hate val: 2 of 1,000 tweets at or above 0.5 (19 before the HatEval negatives were added).
Version 1.1 (the group-naming negatives, on the encoder rebuilt with 7-bit weights, 2026-12-07), same command:
`extremism` recall 0.42 at precision 0.88 on the blind set, same action 67.3%, legitimate comments acted on 11 of
90; 2 of 8 on the held-out comments; TweetEval hate val still 2 of 1,000 at or above 0.5.

Version 1.5 (2026-12-07, a head-only refit on minilm 2.4's encoder) reads the ordinary comments of the other written
files (Data, above), because it escalated a striker wanted for the staff football match (0.71). Over the nine blind
sets, the demo and `hyperbole-test.jsonl` (2,148 comments, accurate tier, against version 1.4): extremism found 47
-> 50 of 71, wrongly given 21 -> 20, escalated 46 -> 47."""
    failures = """
- Reads meaning, not stance: a comment that quotes or condemns an attacker's words shares them, and coded
  references it has not seen (new numbers, new emoji) score low.
- Angry anti-vaccine or anti-government opinion sits close to calls for violence; the training files separate
  them only by the examples their authors wrote."""
    return written.render_card(
        RECIPE, entry, module="extremism", data=data, blind=blind, failures=failures, subject="none extremist"
    )


RECIPE = written.Recipe(
    key="extremism",
    version="1.5",
    data=DATA,
    negative_files=(NAMING, NAMING_2, *written.ALLOWED_NEGATIVES),
    positive=_positive,
    low=("review", REVIEW),
    high=("escalate", ESCALATE),
    card=card,
    # (2026-12-07) every other written file's ordinary comments, read by the head only (``written.ALLOWED_POOL``)
    head_allowed_files=written.ALLOWED_POOL,
    negatives=written.group_negatives,
)


if __name__ == "__main__":
    raise SystemExit(written.main(RECIPE))
