"""A written head's negative files: every row a negative for that head alone, whatever its label, and never
among the comments the spam models learn."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from training import extremism
from training.data import written_comments
from training.written import examples, recipes

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
    recipe = dataclasses.replace(extremism.RECIPE, data=(data,), negative_files=(negatives,), negatives=None)
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


def test_the_extremism_head_learns_the_group_naming_comments_and_the_spam_models_do_not() -> None:
    assert extremism.RECIPE.negative_files == (NAMING,) and NAMING.is_file()
    rows = [json.loads(line) for line in NAMING.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 200 and all(r["expected"] == {"categories": [], "action": "allow"} for r in rows)
    assert NAMING not in written_comments()
    assert all(NAMING not in recipe.data for recipe in recipes())
