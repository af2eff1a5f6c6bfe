"""Hate against every protected characteristic: the written examples the encoder's ``hate`` task also learns while
fine-tuning (``training.accurate``, since minilm 2.2), and a trial linear head on them that is NOT SHIPPED (not in
``written.recipes()`` nor ``steward.models.accurate.EXTRA_HEADS``), kept for its numbers.

The fine-tuned ``hate`` head learned TweetEval hate (HatEval), whose hateful tweets are about immigrants and women
only. Hate on an NHS page is as often about trans, gay or disabled people, Muslims, Jewish people, Black or Asian
people, Travellers or older people, said without a listed term. On the blind ``bench/data/hate-test.jsonl`` the
accurate tier of minilm 2.1 found 8 of 62 hateful comments (2026-12-07) and allowed 42.

The trial head is a linear head on the fine-tuned encoder's embedding, reporting category ``hate`` (kind
``group_hate_encoder``) for the pack's ``hate-model`` rules (hide from 0.9, review from 0.5). Why it is not shipped
(measured 2026-12-07 on minilm 2.1, ``bench/data/README.md`` records the look): wired in, it raised hate recall on
the blind set from 8 to 28 of 62 and on the held-out comments from 4 to 9 of 9, but across the eight blind sets and
the demo it acted on 12 more comments that need nothing (2 hidden), and on sentences that merely name a group it
scores high: "These Muslim families donated blood." 0.77, "Those Polish workers run the night shift." 0.57, "They
welcome these refugees." 0.57-0.68 (C 1, as cross-validation chooses), with or without
``naming-groups-train-2.jsonl`` and with identity-term swaps as augmentation. A head on a sentence embedding reads
"a group is named" more than "a group is attacked". ``bench/hate_trial.py`` showed the way on: all-MiniLM-L6-v2
fine-tuned on these rows separates hate from group-naming across authors far better (``BENCHMARKS.md``), so since
minilm 2.2 ``RECIPE``'s files (not its tweets: the hate task has HatEval's) are part of the encoder's hate task.

- **Data**: ``bench/data/hate-train.jsonl`` to ``hate-train-4.jsonl`` (written by four authors, the last two for
  minilm 2.3 with short, coded and buried hate and hard negatives using the same words sincerely:
  hate against every protected characteristic, most without a slur, beside comments that name the same groups
  neutrally or warmly, report hate suffered, ask about services, criticise the trust sharply or hold a contested
  opinion lawfully), the other training sets whose labels say whether a comment is hate,
  ``bench/data/naming-groups-train.jsonl`` and ``-2`` (``NAMING``, all negatives) and the extra negatives of
  ``written.group_negatives``. A comment is positive when its expected categories include ``hate``.
  ``examples/demo-comments.jsonl`` is left out so that its hate comments check the head without having taught it.
  The blind sets (``hate-test``,
  ``heldout-comments``, ``page-mix-test``, ``complaint-comments``, ``safeguarding-test-2``, ``urgent-test``,
  ``threat-test``, ``extremism-test``) are never read here.
- **Method**: ``training.written``, in ``encoder/group_hate.npz``.

To try the trial head: ``python -m training.group_hate --models DIR`` on a copy of ``src/steward/models`` writes
``DIR/encoder/group_hate.npz``, its manifest entry and card; add ``"group_hate"`` to ``EXTRA_HEADS`` to load it.
"""

from __future__ import annotations

from typing import Any

from training import written

ROOT = written.ROOT
BENCH = ROOT / "bench" / "data"
DATA = (
    BENCH / "hate-train.jsonl",
    BENCH / "hate-train-2.jsonl",
    BENCH / "hate-train-3.jsonl",
    BENCH / "hate-train-4.jsonl",
    BENCH / "extremism-train.jsonl",
    BENCH / "criticism-comments.jsonl",
    BENCH / "threat-train.jsonl",
    BENCH / "threat-train-2.jsonl",
    BENCH / "safeguarding-comments.jsonl",
    BENCH / "complaint-dev-a.jsonl",
    BENCH / "complaint-dev-b.jsonl",
    BENCH / "complaint-dev-c.jsonl",
    BENCH / "distress-train-1.jsonl",
)
#: Comments that name a group and are ordinary (welcome, support, services, remembrance, lawful policy opinion),
#: and short ones that refer to a group as "they" or "these" and sincere uses of words hate uses sarcastically
#: ("a warm welcome"): all negatives. Without the second file the head scored "They welcome these refugees." 0.68.
NAMING = (BENCH / "naming-groups-train.jsonl", BENCH / "naming-groups-train-2.jsonl")
#: The pack's thresholds for the hate model (surrey-heartlands-aus), which this head shares with the fine-tuned
#: one: ``hate-model`` hides from 0.9 until a person confirms, ``hate-model-review`` asks a person from 0.5.
REVIEW, HIDE = 0.5, 0.9


def _positive(expected: dict[str, Any]) -> bool:
    """Hate against people for a protected characteristic, whatever else the comment carries."""
    return "hate" in expected.get("categories", [])


def card(entry: dict[str, Any]) -> str:
    """The model card (``cards/group_hate.md``) from the manifest entry."""
    data = """
Written examples in this repository, MIT like the project: `bench/data/hate-train.jsonl` to `hate-train-4.jsonl`
(1,035, written by four authors who saw neither each other's file nor the blind set: hate against every
protected characteristic of the Equality Act, weighted to the groups HatEval does not cover, most without a slur,
beside comments that name the same groups neutrally or warmly, report hate suffered, ask about services, criticise
the trust sharply or hold a contested opinion respectfully), the other training sets whose labels say whether a
comment is hate (extremism, criticism, threat, safeguarding, complaint and distress sets),
`bench/data/naming-groups-train.jsonl` and `naming-groups-train-2.jsonl` (440 comments that welcome, support or
ask about a named group, many as "they" or "these", all negatives), the neutral identity sentences of
`training/data.py`, and the tweets of the offensive and hate models' training parts labelled not offensive and not
hateful (TweetEval). HatEval's hateful tweets are not positives here: the fine-tuned `hate` head has them.
`examples/demo-comments.jsonl` is left out, so its hate comments check the head without having taught it.
The blind sets are never read by training."""
    blind = """
Not shipped: see the module's docstring and `bench/data/README.md` for what the trial measured on the blind set."""
    failures = """
- Reads meaning, not stance: a comment that quotes hate in order to condemn it shares its words, and a comment
  reporting abuse suffered ("he called me a …") can score high.
- A contested opinion said respectfully (single-sex wards, charging overseas visitors) sits near hate said
  politely; the training file separates them only by the examples its author wrote.
- Groups and coded phrases its examples never named score lower.
- A sentence that merely names a group can score high ("These Muslim families donated blood." 0.77 in the trial):
  the reason it is not shipped."""
    return written.render_card(
        RECIPE, entry, module="group_hate", data=data, blind=blind, failures=failures, subject="none hateful"
    )


RECIPE = written.Recipe(
    key="group_hate",
    version="1.0",
    data=DATA,
    negative_files=NAMING,
    positive=_positive,
    low=("review", REVIEW),
    high=("hide", HIDE),
    card=card,
    category="hate",
    negatives=written.group_negatives,
)


if __name__ == "__main__":
    raise SystemExit(written.main(RECIPE))
