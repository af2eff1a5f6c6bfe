"""numpy inference against scikit-learn, the file format, and loading checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from training.data import spam_task, tweeteval_task
from training.fit import export, fit_task

from steward.evaluation.datasets import default_data_dir
from steward.models import Bundle, ModelError, load_bundle, load_model
from steward.models.accurate import EXTRA_HEADS
from steward.models.store import MODELS_DIR

FIXED_TEXTS = [
    "You are a complete idiot and everyone hates you",
    "Thank you to the nurses on ward 4, brilliant care",
    "Y0U ARE A D1SGRACE",
    "WINNER!! Claim your FREE prize now, text WIN to 80086",
    "check out my channel and subscribe!!! http://bit.ly/x",
    "",
    "😎😎😎",
    "immigrants go home",
    "the appointment was cancelled twice, not good enough",
]


@pytest.fixture(scope="module")
def tiny() -> tuple[object, object, object]:
    data_dir = default_data_dir()
    hate = tweeteval_task("hate", "tweeteval-hate", data_dir, seed=1, limit=300)
    spam = spam_task(data_dir, seed=1, limit=300)
    return hate, fit_task(hate, seed=1), fit_task(spam, seed=1)


def _save(fitted: object, name: str, folder: Path) -> Path:
    path = folder / f"{name}.npz"
    export(fitted, {"name": name, "version": "0.1", "category": "x", "kind": "y"}).save(path)  # type: ignore[arg-type]
    return path


@pytest.mark.parametrize("text", FIXED_TEXTS)
def test_numpy_matches_scikit_learn(tiny: tuple[object, object, object], tmp_path: Path, text: str) -> None:
    _, hate, spam = tiny
    bundle = Bundle((load_model(_save(hate, "a", tmp_path)), load_model(_save(spam, "b", tmp_path))))
    expected = [float(hate.predict([text])[0]), float(spam.predict([text])[0])]  # type: ignore[attr-defined]
    assert np.allclose(bundle.probabilities(text), expected, rtol=0, atol=1e-9)


def test_numpy_matches_scikit_learn_on_held_back_rows(tiny: tuple[object, object, object], tmp_path: Path) -> None:
    data, hate, _ = tiny
    texts = data.test.texts  # type: ignore[attr-defined]
    ours = Bundle((load_model(_save(hate, "a", tmp_path)),)).probability_matrix(texts)[:, 0]
    assert np.abs(ours - hate.predict(texts)).max() < 1e-9  # type: ignore[attr-defined]


def test_round_trip_keeps_every_array(tiny: tuple[object, object, object], tmp_path: Path) -> None:
    _, hate, _ = tiny
    model = export(hate, {"name": "a", "version": "0.1"})  # type: ignore[arg-type]
    path = tmp_path / "a.npz"
    model.save(path)
    again = load_model(path)
    assert again.meta == model.meta and again.vocab == model.vocab and again.platt == model.platt
    for block in ("word", "char"):
        assert np.array_equal(again.coef[block], model.coef[block])


def test_object_arrays_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.npz"
    np.savez(path, meta=np.array([{"name": "x"}], dtype=object))
    with pytest.raises(ModelError):
        load_model(path)


@pytest.mark.parametrize("content", [b"", b"not a zip file", b"PK\x03\x04broken"])
def test_malformed_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(ModelError):
        load_model(path)


def test_missing_arrays_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "partial.npz"
    np.savez(path, meta=np.frombuffer(b"{}", dtype=np.uint8))
    with pytest.raises(ModelError, match="missing arrays"):
        load_model(path)


def test_shipped_models_load_and_match_manifest() -> None:
    bundle = load_bundle()
    manifest = json.loads((MODELS_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert bundle.names == ("offensive_lr", "hate_lr", "spam_lr")
    assert set(manifest["models"]) == {
        *bundle.names,
        "encoder",
        "similarity",
        *EXTRA_HEADS,  # the written heads, each its own manifest entry
    }
    total = sum((MODELS_DIR / manifest["models"][n]["file"]).stat().st_size for n in bundle.names)
    assert total < 15 * 2**20
    # every shipped artifact together (both tiers) stays under the 60 MB budget
    assert sum(p.stat().st_size for p in MODELS_DIR.rglob("*") if p.is_file()) < 60 * 10**6
    assert not list(MODELS_DIR.rglob("*.pkl")) and not list(MODELS_DIR.rglob("*.joblib"))


def test_tampered_artifact_is_refused(tmp_path: Path) -> None:
    for f in ("manifest.json", "offensive_lr.npz", "hate_lr.npz", "spam_lr.npz"):
        shutil.copy(MODELS_DIR / f, tmp_path / f)
    with (tmp_path / "hate_lr.npz").open("ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError, match="SHA-256"):
        load_bundle(tmp_path)
    assert load_bundle(tmp_path, ("offensive_lr",)).names == ("offensive_lr",)


def test_loading_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the models must load without the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert len(load_bundle().probabilities("hello there")) == 3
