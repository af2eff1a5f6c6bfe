"""The accurate tier's distress head: a second ``self_harm`` head that finds what a person should look at.

The self-harm head (``training.self_harm``) is trained on crisis posts only (escalate), and the pack acts on it
only when it is confident, so it pages the safeguarding lead about few comments that are not crises. What it
leaves is the review level the policy also asks for: distress, hopelessness and a burden felt without a plan
("I'm so tired of everything", "everyone would be better off"), which the written sets label ``review`` for
``self_harm``. On the blind set ``bench/data/safeguarding-test-2.jsonl``, 9 of its 20 such comments were allowed
(2026-12-06). This head is trained on the same files with every ``self_harm`` label positive (review or
escalate), so it reads the whole range of distress; the pack asks a person to look from its threshold and never
escalates on it (``when.finding_kinds: [distress_encoder]``), so it cannot page anyone.

- **Data**: the self-harm head's files (``training.self_harm.DATA``), two more training sets of ordinary
  negatives (``complaint-dev-c.jsonl``, ``urgent-train.jsonl``) and ``distress-train-1.jsonl``, written for this
  head. The blind sets (``safeguarding-test-2``, ``page-mix-test``, ``heldout-comments``, ``urgent-test``,
  ``complaint-comments``) are never read here.
  Since minilm 2.4 also, as negatives, ``written.ALLOWED_NEGATIVES`` (comments written to need nothing).
- **Method**: ``training.written``, in ``encoder/distress.npz``; its findings are category ``self_harm``, kind
  ``distress_encoder``.

``python -m training.distress [--models DIR]`` rebuilds it from the encoder already in ``DIR``; ``python -m
training.train`` calls it after the encoder is built. Same encoder, same data, same seed: the same bytes.
"""

from __future__ import annotations

from typing import Any

from training import self_harm, written

ROOT = written.ROOT
DATA = (
    *self_harm.DATA,
    # more ordinary negatives from the training pool: complaints, and needs for care now (none self-harm)
    ROOT / "bench" / "data" / "complaint-dev-c.jsonl",
    ROOT / "bench" / "data" / "urgent-train.jsonl",
    # written for this head: review-level distress beside the ordinary emotional traffic of an NHS page (grief,
    # recovery told in the past, worry about a relative, idioms, supportive replies) that version 1.0 flagged
    ROOT / "bench" / "data" / "distress-train-1.jsonl",
    # written for version 1.2 in new voices (chronic pain, long COVID, veterans, students, menopause…), beside
    # strong frustration, ordinary worry, gallows humour and leaving-do goodbyes that need nothing
    ROOT / "bench" / "data" / "distress-train-2.jsonl",
)

#: The pack's threshold for this head (surrey-heartlands-aus: review from 0.5, the lowest threshold on the 0.1
#: grid at which out-of-fold precision reaches 0.8, the rule the other written heads follow), and a lower one
#: the bias check also reports.
LOW, REVIEW = 0.3, 0.5


def _positive(expected: dict[str, Any]) -> bool:
    """Any self-harm signal a person should see: the expected categories include ``self_harm``."""
    return "self_harm" in expected.get("categories", [])


def card(entry: dict[str, Any]) -> str:
    """The model card (``cards/distress.md``) from the manifest entry."""
    data = """
Written examples in this repository, MIT like the project: the self-harm head's training files (its card
lists them: 1,712 comments from five authors, with angry criticism, complaints and idioms that share the
words of distress), `bench/data/complaint-dev-c.jsonl` and `urgent-train.jsonl` (440 complaints and needs for
care now, none self-harm), `distress-train-1.jsonl` (220 written for this head: review-level distress beside
an NHS page's ordinary emotional traffic: grief, recovery told in the past, worry about a relative, idioms,
supportive replies) and `distress-train-2.jsonl` (260 written for version 1.2 in new voices, beside strong
frustration, ordinary worry, gallows humour and leaving-do goodbyes). A positive is any comment labelled
`self_harm`, for review or escalation. The blind sets are never read by training."""
    blind = """
The pack asks a person to review from 0.5 (the lowest threshold at which out-of-fold precision reaches 0.8) and
never escalates on this head: escalation stays with the self-harm head and the phrase rules.

Blind sets, against the pack without this head (`bench/demo_agreement.py FILE --tier accurate`;
`bench/data/README.md` records each look; version 1.1 adds training data only): on `safeguarding-test-2.jsonl`
the review-level comments allowed fall from 9 to 2 of 20 and the crisis posts allowed from 7 to 5 of 65 (they
are reviewed; escalation is unchanged), `self_harm` recall 0.80 -> 0.92 at precision 0.94 -> 0.92. The cost is
comments that need nothing sent to a person: 6 more of 150 on `page-mix-test.jsonl` (a page's ordinary
night), 7 more of 142 on `heldout-comments.jsonl`, 1 more of 80 on `urgent-test.jsonl`; none on the complaint
and criticism sets. Version 1.0 (the self-harm head's data alone) sent 9, 9 and 2.

Version 1.2 (adds `distress-train-2.jsonl` and, through the self-harm head's files, `safeguarding-train-3.jsonl`;
the threshold stays 0.5 by the same rule) changed little on the seven blind sets together (1,268 comments,
2026-12-07): comments that need nothing which the rule sent to a person 26 -> 27; review-level distress allowed
2 of 24 before and after. Version 1.1, which never saw `distress-train-2.jsonl`, found 63 of its 80 positives
at 0.5 and sent 17 of its 180 others. More written data lifts the out-of-fold numbers only a little (ROC-AUC
0.951 -> 0.953 on the old rows with the new files added to training): the comments it confuses are close in
meaning, and a linear head on this encoder has about reached what it can tell apart."""
    failures = """
- Reads meaning, not tense or person: a recovery story, grief, or worry about someone else's low mood can
  reach the threshold. The action is review, so a person decides.
- Complaints about mental-health services are written in the words of distress; the complaint sets in its
  training data hold them down, but a complaint that also says how low the writer feels goes to review rather
  than to the complaints reply."""
    return written.render_card(
        RECIPE,
        entry,
        module="distress",
        data=data,
        blind=blind,
        failures=failures,
        subject="none about distress or self-harm",
    )


RECIPE = written.Recipe(
    key="distress",
    version="1.3",
    data=DATA,
    negative_files=written.ALLOWED_NEGATIVES,
    positive=_positive,
    low=("low", LOW),
    high=("review", REVIEW),
    card=card,
    category="self_harm",
)


if __name__ == "__main__":
    raise SystemExit(written.main(RECIPE))
