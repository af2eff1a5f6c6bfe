"""A written head's negative files: every row a negative for that head alone, whatever its label, and never
among the comments the spam models learn."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from training import complaint, distress, extremism, self_harm, threat, urgent
from training.data import written_comments
from training.written import ALLOWED_NEGATIVES, ENCODER_TASKS, encoder_task, examples, recipes

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
        extremism.RECIPE, data=(data,), negative_files=(negatives,), negatives=None, head_negative_files=()
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
    recipe = dataclasses.replace(extremism.RECIPE, head_negative_files=(late,), negatives=None)
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
