"""A written head's negative files: every row a negative for that head alone, whatever its label, and never
among the comments the spam models learn."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from training import complaint, distress, extremism, self_harm, threat, urgent
from training.data import written_comments
from training.written import (
    ALLOWED_NEGATIVES,
    ALLOWED_POOL,
    ENCODER_TASKS,
    calibrated_examples,
    encoder_task,
    examples,
    fit,
    recipes,
)

NAMING = extremism.ROOT / "bench" / "data" / "naming-groups-train.jsonl"


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_negative_files_are_read_as_negatives_after_the_labelled_files(tmp_path: Path) -> None:
    data = _write(
        tmp_path / "data.jsonl",
        [
            {"id": "1", "text": "join the fight, burn it down", "expected": {"categories": ["extremism"]}},
            {"id": "2", "text": "Eid Mubarak to the night shift", "expected": {"categories": []}},
        ],
    )
    negatives = _write(
        tmp_path / "negatives.jsonl",
        [
            {"id": "3", "text": "They support these families", "expected": {"categories": []}},
            {
                "id": "4",
                "text": "a row labelled otherwise is still a negative",
                "expected": {"categories": ["extremism"]},
            },
            {"id": "5", "text": "third row", "expected": {"categories": []}},
        ],
    )
    recipe = dataclasses.replace(
        extremism.RECIPE,
        data=(data,),
        negative_files=(negatives,),
        negatives=None,
        head_negative_files=(),
        head_allowed_files=(),
    )
    texts, labels = examples(recipe)
    assert texts == [
        "join the fight, burn it down",
        "Eid Mubarak to the night shift",
        "They support these families",
        "a row labelled otherwise is still a negative",
        "third row",
    ]
    assert labels == [1, 0, 0, 0, 0]
    quick_texts, quick_labels = examples(recipe, limit=2)  # a quick run: ``limit`` rows of each file
    assert quick_texts[2:] == ["They support these families", "a row labelled otherwise is still a negative"]
    assert quick_labels == [1, 0, 0, 0]


def test_the_written_negative_files_are_all_allowed_and_the_spam_models_do_not_learn_them() -> None:
    assert extremism.RECIPE.negative_files == (NAMING, extremism.NAMING_2, *ALLOWED_NEGATIVES)
    for recipe in (self_harm.RECIPE, distress.RECIPE, threat.RECIPE, urgent.RECIPE):
        assert recipe.negative_files == ALLOWED_NEGATIVES
    assert complaint.RECIPE.negative_files == ()  # its trial with these files lost complaints (BENCHMARKS.md)
    for path in (NAMING, extremism.NAMING_2, *ALLOWED_NEGATIVES):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(rows) >= 200 and all(r["expected"] == {"categories": [], "action": "allow"} for r in rows), path
        assert path not in written_comments()
        assert all(path not in recipe.data for recipe in recipes())


def test_head_only_negative_files_reach_the_head_but_not_the_encoders_task(tmp_path: Path) -> None:
    """A file added to a head after its encoder was trained (``head_negative_files``) is read by the head alone, so
    ``make models`` still trains the shipped encoder; the shipped recipes have none since minilm 2.4, whose
    encoder learned every negative file of its tasks."""
    late = _write(tmp_path / "late.jsonl", [{"id": "9", "text": "They welcome them", "expected": {"categories": []}}])
    recipe = dataclasses.replace(extremism.RECIPE, head_negative_files=(late,), negatives=None, head_allowed_files=())
    texts, labels = examples(recipe)
    assert texts[-1] == "They welcome them" and labels[-1] == 0
    assert "extremism" in ENCODER_TASKS
    shipped, task_texts, task_labels = encoder_task("extremism")
    assert shipped.head_negative_files == () and shipped.negatives is None
    assert "They welcome them" not in task_texts
    assert all(r.head_negative_files == () for r in recipes())
    naming_2 = {json.loads(line)["text"] for line in extremism.NAMING_2.read_text("utf-8").splitlines() if line}
    assert naming_2 <= set(task_texts)  # learned by the encoder's task as well as by the head
    assert len(task_texts) == len(task_labels) and 0 < sum(task_labels) < len(task_labels)


def test_head_only_labelled_files_reach_the_head_with_their_labels_but_not_the_encoders_task() -> None:
    """The crisis head reads the recovery files (``head_data``) with their labels, positives and negatives alike;
    the encoder's task for it does not (so ``make models`` trains the shipped encoder), nor do the spam models,
    and the third recovery file, the blind test, is read by nothing."""
    recipe = self_harm.RECIPE
    assert recipe.head_data == self_harm.RECOVERY and recipe.head_data[0].name == "recovery-dev-a.jsonl"
    texts, labels = examples(dataclasses.replace(recipe, negatives=None))
    rows = [json.loads(line) for p in recipe.head_data for line in p.read_text(encoding="utf-8").splitlines()]
    crises = {r["text"] for r in rows if r["expected"]["action"] == "escalate"}
    stories = {r["text"] for r in rows if r["expected"]["action"] == "allow"}
    assert len(crises) >= 150 and len(stories) >= 200
    by_text = dict(zip(texts, labels, strict=True))
    assert all(by_text[t] == 1 for t in crises) and all(by_text[t] == 0 for t in stories)
    shipped, task_texts, _ = encoder_task("self_harm")
    assert shipped.head_data == () and not (crises | stories) & set(task_texts)
    assert not set(recipe.head_data) & set(written_comments())
    blind = recipe.head_data[0].parent / "recovery-test.jsonl"
    assert blind.exists() and all(blind not in r.files for r in recipes())


def test_allowed_files_give_the_head_only_their_allowed_rows_as_uncalibrated_negatives(tmp_path: Path) -> None:
    data = _write(
        tmp_path / "data.jsonl",
        [
            {"id": "1", "text": "I know where you park", "expected": {"categories": ["threat"], "action": "escalate"}},
            {"id": "2", "text": "See you at parkrun", "expected": {"categories": [], "action": "allow"}},
        ],
    )
    other = _write(
        tmp_path / "other.jsonl",
        [
            {"id": "a", "text": "I'll bring a lemon drizzle", "expected": {"categories": [], "action": "allow"}},
            {"id": "b", "text": "I will end you", "expected": {"categories": ["threat"], "action": "escalate"}},
            {"id": "c", "text": "Sort the waiting", "expected": {"categories": ["complaint"], "action": "redirect"}},
            {"id": "d", "text": "See you at parkrun", "expected": {"categories": [], "action": "allow"}},  # read
            {"id": "e", "text": "Cleaners never get any credit", "expected": {"categories": [], "action": "allow"}},
            {"id": "f", "text": "I'll bring a lemon drizzle", "expected": {"categories": [], "action": "allow"}},
        ],
    )
    recipe = dataclasses.replace(
        threat.RECIPE, data=(data,), negative_files=(), negatives=None, head_allowed_files=(other, data)
    )
    assert recipe.allowed_files_read == (other,)  # the head's own file is not read twice
    assert other in recipe.files
    texts, labels, calibrated = calibrated_examples(recipe)
    assert texts == [
        "I know where you park",
        "See you at parkrun",
        "I'll bring a lemon drizzle",
        "Cleaners never get any credit",
    ]  # only rows labelled allow, once each, never a threat or a complaint of another file
    assert labels == [1, 0, 0, 0] and calibrated == [True, True, False, False]
    assert examples(recipe) == (texts, labels)
    assert calibrated_examples(recipe, limit=1)[0] == ["I know where you park", "I'll bring a lemon drizzle"]


def test_the_pool_of_ordinary_comments_reaches_the_heads_that_act_but_not_encoders_nor_blind_sets() -> None:
    names = {p.name for p in ALLOWED_POOL}
    assert not {f"{name}.jsonl" for name in BLIND} & names
    assert "offtopic-dev.jsonl" not in names  # kept out: it measures how often ordinary comments are paged
    assert {"hyperbole-dev.jsonl", "demo-comments.jsonl", *(p.name for p in ALLOWED_NEGATIVES)} <= names
    for path in ALLOWED_POOL:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        allowed = [r for r in rows if r["expected"]["action"] == "allow"]
        assert len(allowed) >= 40 and all(r["expected"]["categories"] == [] for r in allowed), path
    for recipe in (threat.RECIPE, extremism.RECIPE, urgent.RECIPE):
        assert recipe.head_allowed_files == ALLOWED_POOL
        assert set(recipe.files) >= set(recipe.allowed_files_read) and recipe.allowed_files_read
    # tried and not adopted (BENCHMARKS.md, 2026-12-07): the crisis heads lost crises on the blind sets with it;
    # the complaint head lost complaints, whose line between venting and complaining differs between authors
    for recipe in (self_harm.RECIPE, distress.RECIPE, complaint.RECIPE):
        assert recipe.head_allowed_files == ()
    for key in ENCODER_TASKS:
        shipped, _, _ = encoder_task(key)
        assert shipped.head_allowed_files == () and shipped.allowed_files_read == ()
    _, threat_texts, _ = encoder_task("threat")
    hyperbole = threat.BENCH / "hyperbole-dev.jsonl"
    jokes = {json.loads(line)["text"] for line in hyperbole.read_text(encoding="utf-8").splitlines() if line}
    assert jokes and not jokes & set(threat_texts)  # the encoder's threat task never read them


def _blobs(n_pos: int, n_neg: int, n_extra: int) -> tuple[np.ndarray, list[int]]:
    rng = np.random.default_rng(0)
    pos = rng.normal(1.0, 1.0, (n_pos, 4))
    neg = rng.normal(-1.0, 1.0, (n_neg, 4))
    extra = rng.normal(-1.0, 1.0, (n_extra, 4))
    return np.vstack([pos, neg, extra]), [1] * n_pos + [0] * (n_neg + n_extra)


def test_rows_that_only_shape_the_head_leave_its_calibration_on_its_own_rows() -> None:
    recipe = threat.RECIPE
    emb, labels = _blobs(60, 140, 0)
    plain, plain_cv = fit(recipe, emb, labels)
    same, same_cv = fit(recipe, emb, labels, calibrated=[True] * len(labels))
    assert np.array_equal(plain.weight, same.weight) and plain_cv == same_cv  # all calibrated: as before
    big, big_labels = _blobs(60, 140, 1400)
    mask = [True] * 200 + [False] * 1400
    shaped, cv = fit(recipe, big, big_labels, calibrated=mask)
    assert cv["rows"] == 200 and cv["positives"] == 60 and cv["ordinary_rows"] == 1400
    assert 0 <= cv["ordinary_at_0.6"] < 1400
    counted, counted_cv = fit(recipe, big, big_labels)  # the same rows, all in the Platt scaling
    assert counted_cv["rows"] == 1600 and "ordinary_rows" not in counted_cv
    positives = big[:60]
    p_shaped = shaped.probabilities(positives)[:, 0]
    p_counted = counted.probabilities(positives)[:, 0]
    p_plain = plain.probabilities(positives)[:, 0]
    # ten times the negatives in the scaling would lower the prior and every positive's probability with it
    assert p_counted.mean() < p_shaped.mean() - 0.02
    assert p_shaped.mean() == pytest.approx(p_plain.mean(), abs=0.05)


BLIND = (
    "heldout-comments",
    "page-mix-test",
    "complaint-comments",
    "urgent-test",
    "safeguarding-test-2",
    "threat-test",
    "extremism-test",
    "hate-test",
    "recovery-test",
    "hyperbole-test",
)


def test_the_trial_hate_head_reads_its_written_files_and_no_blind_set_and_is_not_shipped() -> None:
    from training import group_hate

    from steward.models.accurate import EXTRA_HEADS

    recipe = group_hate.RECIPE
    assert recipe.spec.category == "hate" and recipe.spec.kind == "group_hate_encoder"
    named = {p.name for p in (*recipe.data, *recipe.negative_files)}
    assert {f"hate-train{n}.jsonl" for n in ("", "-2", "-3", "-4")} | {"naming-groups-train-2.jsonl"} <= named
    assert not {f"{name}.jsonl" for name in BLIND} & named
    assert "demo-comments.jsonl" not in named  # the demo's hate comments check it without having taught it
    texts, labels = examples(dataclasses.replace(recipe, negatives=None), limit=300)
    written = [json.loads(line) for line in (recipe.data[0]).read_text(encoding="utf-8").splitlines()]
    hateful = {r["text"] for r in written if "hate" in r["expected"]["categories"]}
    assert hateful and all(label == 1 for text, label in zip(texts, labels, strict=True) if text in hateful)
    naming_2 = {json.loads(line)["text"] for line in recipe.negative_files[1].read_text("utf-8").splitlines()}
    assert naming_2 and all(label == 0 for text, label in zip(texts, labels, strict=True) if text in naming_2)
    # a trial: not among the heads the accurate tier loads, nor among the files the spam models learn
    assert "group_hate" not in EXTRA_HEADS and recipe not in recipes()
    assert not {recipe.data[0], recipe.data[1], *recipe.negative_files} & set(written_comments())
