"""Both spam models learn written NHS-page comments: the accurate tier's head is refitted on them
(``training.accurate.refit``), the fast tier's model has them among its training rows (``spam_task_with_written``).
What they read, that the refit learns what the shared rows never show, and that its out-of-fold scores come from
models that never saw the row."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from training.accurate import HEAD_TASKS, REFIT_C, refit
from training.data import (
    COMMERCIAL_TRAIN,
    WRITTEN_SOURCE,
    spam_task,
    spam_task_with_written,
    written_comments,
    written_rows,
)

from steward.evaluation.datasets import default_data_dir

BLIND = (
    "heldout-comments",
    "page-mix-test",
    "complaint-comments",
    "safeguarding-test-2",
    "urgent-test",
    "threat-test",
    "extremism-test",
)


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "\n", encoding="utf-8")  # a blank line at the end
    return path


def test_written_rows_label_by_category_and_take_limit_rows_of_each_file(tmp_path: Path) -> None:
    a = _write(
        tmp_path / "a.jsonl",
        [
            {"id": "1", "text": "DM me for cheap meds", "expected": {"categories": ["commercial"], "action": "hide"}},
            {"id": "2", "text": "Thanks to ward 4", "expected": {"categories": [], "action": "allow"}},
            {"id": "3", "text": "no expectation recorded"},
            {"id": "4", "text": "spam and abuse", "expected": {"categories": ["abuse", "commercial"]}},
        ],
    )
    b = _write(tmp_path / "b.jsonl", [{"id": "5", "text": "111 is free", "expected": {"categories": []}}])
    assert written_rows((a, b), "commercial", None) == (
        ["DM me for cheap meds", "Thanks to ward 4", "no expectation recorded", "spam and abuse", "111 is free"],
        [1, 0, 0, 1, 0],
    )
    quick = written_rows((a, b), "commercial", 2)
    assert quick == (["DM me for cheap meds", "Thanks to ward 4", "111 is free"], [1, 0, 0])
    assert written_rows((a,), "abuse", None)[1] == [0, 0, 0, 1]


def test_the_spam_head_is_the_only_one_refitted_and_never_on_a_blind_set() -> None:
    refitted = [t.spec.name for t in HEAD_TASKS if t.written is not None]
    assert refitted == ["spam"]
    files = written_comments()
    assert COMMERCIAL_TRAIN in files and all(p.is_file() for p in files)
    assert len(set(files)) == len(files)
    assert not {p.stem for p in files} & set(BLIND)


@pytest.fixture
def shifted() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shared rows where spam sits at +x; written rows whose negatives sit at +x too, told apart along y."""
    rng = np.random.default_rng(7)
    n = 200
    train = np.column_stack([np.r_[rng.normal(2, 0.5, n), rng.normal(-2, 0.5, n)], rng.normal(0, 0.3, 2 * n)])
    train_y = np.r_[np.ones(n), np.zeros(n)].astype(int)
    written = np.column_stack([rng.normal(2, 0.5, 100), np.r_[rng.normal(2, 0.3, 50), rng.normal(-2, 0.3, 50)]])
    written_y = np.r_[np.zeros(50), np.ones(50)].astype(int)  # the +y half is the page's ordinary comments
    return train, train_y, written, written_y


def test_refit_learns_what_the_shared_rows_never_show(shifted: tuple[np.ndarray, ...]) -> None:
    train, train_y, written, written_y = shifted
    weight, bias, c, oof = refit(train, train_y, written, written_y, seed=1)
    assert weight.shape == (2,) and c in REFIT_C and oof.shape == (100,)
    decision = written @ weight + bias
    assert (decision[written_y == 0] < 0).mean() > 0.9  # the page's ordinary comments are no longer spam
    assert ((train @ weight + bias > 0) == train_y.astype(bool)).mean() > 0.95  # the shared task still holds
    # out of fold, as good as the final fit on those rows but not identical to it (each row unseen when scored)
    assert ((oof > 0) == written_y.astype(bool)).mean() > 0.85 and not np.allclose(oof, decision)


def test_refit_is_deterministic(shifted: tuple[np.ndarray, ...]) -> None:
    first = refit(*shifted, seed=3)
    second = refit(*shifted, seed=3)
    assert np.array_equal(first[0], second[0]) and first[1:3] == second[1:3] and np.array_equal(first[3], second[3])


def test_the_fast_spam_model_gets_written_rows_in_training_only() -> None:
    plain = spam_task(default_data_dir(), 13, 30)
    extended = spam_task_with_written(default_data_dir(), 13, 30)
    n_files = len(written_comments())
    assert extended.train.texts[: len(plain.train)] == plain.train.texts
    added = extended.train.sources[len(plain.train) :]
    assert added == [WRITTEN_SOURCE] * (30 * n_files) and WRITTEN_SOURCE not in plain.train.sources
    assert 0 < sum(extended.train.labels[len(plain.train) :]) < 30 * n_files  # spam and ordinary comments both
    # validation (tuning, calibration) and the held-back test are the shared sets' own, untouched
    assert extended.val == plain.val and extended.test == plain.test
