"""training.compare: which numbers of two builds moved, and by how much (synthetic manifests)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from training.compare import compare, identical_files, main


def _result(name: str, macro: float, auc: float = 0.9) -> dict[str, Any]:
    return {"set": name, "ours": {"macro_f1": macro, "f1": macro - 0.1, "roc_auc": auc, "pr_auc": auc - 0.05}}


BASE: dict[str, Any] = {
    "models": {
        "offensive_lr": {
            "file": "offensive_lr.npz",
            "sha256": "aa",
            "results": [_result("held-back test", 0.71), _result("val", 0.70)],
            "fairness": {"fpr_gap": 0.02, "groups": [{"subgroup_auc": 0.97}, {"subgroup_auc": 0.95}]},
        },
        "encoder": {
            "files": {"model.onnx": "bb", "heads.npz": "cc"},
            "heads": {"offensive": {"results": [_result("held-back test", 0.765)]}},
        },
        "similarity": {"files": {"model.onnx": "dd"}},
    }
}


def _write(folder: Path, manifest: dict[str, Any]) -> Path:
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


def test_same_build_matches_everywhere() -> None:
    rows = compare(BASE, BASE)
    # offensive_lr: 2 sets x 4 metrics + 2 fairness numbers; encoder/offensive: 1 set x 4 metrics
    assert len(rows) == 14
    assert all(r.diff == 0 and r.within(0.0) for r in rows)
    fairness = {r.metric: r.shipped for r in rows if r.set == "bias-madlibs"}
    assert fairness == {"lowest subgroup AUC": 0.95, "FPR gap": 0.02}
    assert all(ok for _, ok in identical_files(BASE, BASE))


def _moved(macro: float) -> dict[str, Any]:
    other = copy.deepcopy(BASE)
    other["models"]["encoder"]["heads"]["offensive"]["results"][0]["ours"]["macro_f1"] = macro
    other["models"]["encoder"]["files"]["model.onnx"] = "changed"
    return other


@pytest.mark.parametrize(
    ("macro", "tolerance", "exit_code"),
    [
        (0.765, 0.01, 0),  # unchanged
        (0.770, 0.01, 0),  # +0.005: noise
        (0.775, 0.01, 0),  # +0.010: on the tolerance, still within
        (0.776, 0.01, 1),  # +0.011: beyond
        (0.750, 0.01, 1),  # -0.015: beyond, downwards too
        (0.770, 0.001, 1),  # a stricter tolerance
    ],
)
def test_exit_status_follows_the_tolerance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], macro: float, tolerance: float, exit_code: int
) -> None:
    a, b = _write(tmp_path / "a", BASE), _write(tmp_path / "b", _moved(macro))
    assert main([str(a), str(b), "--tolerance", str(tolerance)]) == exit_code
    out = capsys.readouterr().out
    assert "byte for byte the same: 3 of 4 artifacts" in out  # the re-exported encoder graph differs
    assert f"| encoder/offensive | held-back test | macro_f1 | 0.7650 | {macro:.4f} |" in out
    assert ("✗" in out) == bool(exit_code)


def test_a_missing_model_or_set_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = copy.deepcopy(BASE)
    del other["models"]["encoder"]["heads"]["offensive"]
    other["models"]["offensive_lr"]["results"].pop()
    assert main([str(_write(tmp_path / "a", BASE)), str(_write(tmp_path / "b", other))]) == 1
    out = capsys.readouterr().out
    assert "| encoder/offensive | held-back test | macro_f1 | 0.7650 | — | missing ✗ |" in out
    assert "| offensive_lr | val | f1 | 0.6000 | — | missing ✗ |" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read the model manifest"),
        ("{not json", "cannot read the model manifest"),
        ('{"models": []}', "not a model manifest"),
    ],
)
def test_unreadable_manifests_are_clear_errors(tmp_path: Path, content: str | None, message: str) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    if content is not None:
        (bad / "manifest.json").write_text(content)
    with pytest.raises(SystemExit, match=message):
        main([str(bad), str(bad)])
