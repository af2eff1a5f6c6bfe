"""The accurate tier's self-harm head: a linear head on the fine-tuned encoder's embedding, from written examples.

The shared data sets hold no self-harm labels (their README: "build those detectors from the policy texts,
careful lexicons and your own written examples, and measure them honestly"). The phrase rules plateaued at
recall 0.42 on a blind set (``bench/data/safeguarding-comments.jsonl``) because people say it in too many ways;
a head on the encoder's embedding generalises from meaning. It costs nothing at run time: the accurate tier
already embeds every comment for its other heads.

- **Data** (in this repository): ``bench/data/safeguarding-dev.jsonl`` (120 comments written for development),
  ``examples/demo-comments.jsonl`` (302), ``bench/data/criticism-comments.jsonl`` (160 angry comments, none a
  crisis), ``bench/data/safeguarding-comments.jsonl`` (150, the first blind set, retired as a test once it had
  seen this head's model choices), ``safeguarding-train-1.jsonl`` and ``-2`` (400 written for this head) and
  the complaint training sets (320, none a crisis); a comment is positive
  when its expected action is to escalate for ``self_harm``. ``bench/data/safeguarding-test-2.jsonl`` is the
  blind test and is never read here.
  Since minilm 2.4 also, as negatives, ``written.ALLOWED_NEGATIVES`` (comments written to need nothing).
- **Method**: ``training.written`` (logistic regression on the encoder's embedding, C by 5-fold CV, Platt on
  the out-of-fold scores), in ``encoder/self_harm.npz``, loaded beside ``heads.npz``.

``python -m training.self_harm [--models DIR]`` rebuilds it from the encoder already in ``DIR`` (default: the
shipped models) and records it in ``DIR/manifest.json``; ``python -m training.train`` calls it after the
encoder is built. Same encoder, same data, same seed: the same bytes.
"""

from __future__ import annotations

from typing import Any

from training import written

ROOT = written.ROOT
DATA = (
    ROOT / "bench" / "data" / "safeguarding-dev.jsonl",
    ROOT / "examples" / "demo-comments.jsonl",
    # angry criticism and complaints with swearing, none of it a crisis: without these the head read frustration
    # ("bollocks to this, I'm going private") as distress and escalated it
    ROOT / "bench" / "data" / "criticism-comments.jsonl",
    # the first blind safeguarding set, retired as a test once it had seen the head's model choices (its README):
    # a fourth author's crisis posts and the idioms, stories and questions that share their words
    ROOT / "bench" / "data" / "safeguarding-comments.jsonl",
    # complaints and criticism in the words of care (mental health services among them), none a crisis
    ROOT / "bench" / "data" / "complaint-dev-a.jsonl",
    ROOT / "bench" / "data" / "complaint-dev-b.jsonl",
    # written for this head by two more authors: adults saying it plainly and indirectly on Facebook and X, and
    # young people's disguised wording (algospeak, emoji, "lol") beside the same words used as jokes and games
    ROOT / "bench" / "data" / "safeguarding-train-1.jsonl",
    ROOT / "bench" / "data" / "safeguarding-train-2.jsonl",
    # written for version 1.4 by a fifth author: new voices (a second language, formal older writers, parents
    # worried tonight, psychosis, eating disorders, practical questions that reveal a plan, posts from a place)
    # beside ordinary dose questions, calm wills, goodbyes to colleagues and dark humour that need nothing
    ROOT / "bench" / "data" / "safeguarding-train-3.jsonl",
)
#: Recovery stories and crises that mention a past attempt, written for the past-tense guard
#: (``steward.detectors.self_harm_past``) by two authors; ``recovery-test.jsonl``, a third, is the blind test.
RECOVERY = (
    ROOT / "bench" / "data" / "recovery-dev-a.jsonl",
    ROOT / "bench" / "data" / "recovery-dev-b.jsonl",
)
#: The pack's threshold for this head (surrey-heartlands-aus: escalate from 0.6), and a lower one the bias
#: check also reports.
REVIEW, ESCALATE = 0.45, 0.6


def _positive(expected: dict[str, Any]) -> bool:
    """A crisis post: the expected action is to escalate for self_harm."""
    return expected.get("action") == "escalate" and "self_harm" in expected.get("categories", [])


def card(entry: dict[str, Any]) -> str:
    """The model card (``cards/self_harm.md``) from the manifest entry."""
    data = """
Written examples in this repository, MIT like the project: `bench/data/safeguarding-dev.jsonl` (120 comments
written for development), `safeguarding-train-1.jsonl` and `safeguarding-train-2.jsonl` (400 written for this
head: adults saying it plainly and indirectly; young people's disguised wording beside the same words used as
jokes and games), `examples/demo-comments.jsonl` (302), `bench/data/criticism-comments.jsonl` (160 angry
comments, none a crisis: without them the head read frustration as distress),
`bench/data/safeguarding-comments.jsonl` (150; the first blind safeguarding set, retired as a test once it had
seen this head's model choices) and `bench/data/complaint-dev-a.jsonl`, `complaint-dev-b.jsonl` (320 complaints
and criticism in the words of care, none a crisis), and `safeguarding-train-3.jsonl` (260 written for version
1.4 by a fifth author: a second language, formal older writers, parents worried tonight, practical questions
that reveal a plan, beside ordinary dose questions, calm wills and goodbyes to colleagues). A positive is a
crisis post (expected action: escalate for `self_harm`). Since version 1.6, read by this head but not by the
encoder's fine-tune: `bench/data/recovery-dev-a.jsonl` and `recovery-dev-b.jsonl` (400 written by two more
authors: crises told beside a past attempt, relapses after years well, and recovery stories told as over). The
blind sets `bench/data/safeguarding-test-2.jsonl` and `recovery-test.jsonl` are never read by training."""
    blind = """
The pack escalates from 0.6 (about 8 in 10 right there out of fold) and has no review band for it (see the
pack's comment).

Blind set (`bench/demo_agreement.py bench/data/safeguarding-test-2.jsonl --tier accurate`, with the phrase
rules; `bench/data/README.md` records each look; each version adds training data only, same method and
threshold): `self_harm` recall 0.58 with version 1.0 of this head (its honest measure, before anything was
changed), 0.68 with 1.1 and 0.80 with 1.2, at precision 0.91, 0.95 and 0.94; crisis posts allowed 25 -> 16 ->
7 of 65; legitimate comments acted on 7 -> 8 -> 9 of 55. On `page-mix-test.jsonl` (a page's ordinary night)
1.2 escalated 3 of 150 comments that need nothing.

Version 1.4 (adds `safeguarding-train-3.jsonl`; the pack's threshold stays 0.6 by the same out-of-fold rule)
was measured on the seven blind sets together (1,268 comments, 2026-12-07): comments that need nothing which
this head escalated (a page to the safeguarding lead) 15 -> 9, everything it escalated that should not be 29 ->
24, crisis posts escalated unchanged (69 of 78); on `safeguarding-test-2.jsonl` `self_harm` recall 0.92 -> 0.91
at precision 0.91. Before training on it, version 1.2 found 70 of its 100 crises at 0.6 (precision 0.82).

Version 1.6 (adds the recovery files; a head-only refit on minilm 2.4's encoder; 2026-12-07), with the phrase
rules' new past-tense guard in both columns: on `recovery-test.jsonl` (198, a third author, blind) crisis posts
escalated 52 -> 64 of 79, comments that need nothing paged 16 -> 20 of 119; on the eight older blind sets with
the demo (1,730) crisis posts escalated 75 -> 78 of 87, legitimate comments paged 20 -> 21. Its out-of-fold
numbers fell (recall at 0.6 0.97 -> 0.90) because the new rows are the hard cases, not because it got worse on
the old ones."""
    failures = """
- Recovery stories told in the past ("the crisis line got me through last year") and health anxiety can score
  high: the head reads meaning, not tense. The phrase rules' past-tense guard (`steward.detectors.self_harm_past`)
  does not apply to it on purpose: capping the head with it was tried and dropped, because the head is what
  finds farewell notes written as thanks ("Taken everything in the cupboard. Just wanted to say thanks to the
  nurse who was kind to me last year"), which read as a past story with a good outcome.
- Idioms about heat, queues and frustration ("this heat is killing me", "what's the point of booking") and
  angry complaints with swearing can reach 0.45-0.6: below the pack's threshold, but a reason not to act lower.
- A burden felt without a decision ("everyone would be easier if I wasn't here") scores low: the training sets
  label it for review, not escalation; the phrase rules escalate it."""
    return written.render_card(
        RECIPE, entry, module="self_harm", data=data, blind=blind, failures=failures, subject="none about self-harm"
    )


RECIPE = written.Recipe(
    key="self_harm",
    version="1.6",
    data=DATA,
    negative_files=written.ALLOWED_NEGATIVES,
    # crises told beside a past attempt (relapse, a plan after years well) and recovery stories told as over:
    # the head scored stories of survival up to 0.99 and paged the lead (2026-12-07); read by the head only, so
    # that ``make models`` trains the shipped encoder
    head_data=RECOVERY,
    positive=_positive,
    low=("review", REVIEW),
    high=("escalate", ESCALATE),
    card=card,
)


if __name__ == "__main__":
    raise SystemExit(written.main(RECIPE))
