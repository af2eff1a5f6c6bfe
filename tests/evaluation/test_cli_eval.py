"""`steward eval` end to end on the fixture sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from steward.cli.main import app
from tests.evaluation.fixture_data import eval_data_dir

pytest.importorskip("sklearn", reason="the eval extra is part of the dev install")

DATA = eval_data_dir()
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["eval", *args, "--data-dir", str(DATA), "--quiet"])
    return result.exit_code, result.stdout + (result.stderr or "")


def run_json(*args: str) -> dict[str, object]:
    code, out = run(*args, "--json", "--baseline", "none")
    assert code == 0, out
    report: dict[str, object] = json.loads(out)
    return report


@pytest.mark.parametrize(
    ("dataset", "split", "tasks", "n"),
    [
        ("tweeteval-offensive", "val", ["offensive"], 6),
        ("tweeteval-hate", "train", ["hate"], 3),
        ("davidson-hate-offensive", "all", ["offensive", "hate"], 5),
        ("youtube-spam", "all", ["commercial"], 5),
        ("sms-spam", "all", ["commercial"], 3),
        ("bias-madlibs", "all", ["offensive"], 8),
        ("presidio-synthetic-pii", "all", ["personal_info"], 4),
    ],
)
def test_json_report_for_every_set(dataset: str, split: str, tasks: list[str], n: int) -> None:
    report = run_json(dataset, "--split", split)
    assert (report["dataset"], report["split"], report["n"]) == (dataset, split, n)
    assert report["policy"] == "surrey-heartlands-aus"
    got = report["tasks"]
    assert isinstance(got, list)
    assert [t["task"] for t in got] == tasks
    for t in got:
        m = t["steward"]
        assert m["tp"] + m["fp"] + m["fn"] + m["tn"] == n
        assert m["confusion"] == [[m["tn"], m["fp"]], [m["fn"], m["tp"]]]
        assert 0.0 <= m["precision"] <= 1.0 and 0.0 <= m["f1"] <= 1.0


def test_offensive_fixture_scores() -> None:
    report = run_json("tweeteval-offensive")
    (task,) = report["tasks"]  # type: ignore[misc]
    m = task["steward"]
    assert m["positives"] == 3 and m["threshold"] == 0.5
    assert m["fp"] == 0  # criticism of the surgery and "I'm a gay man" are not offensive
    assert m["roc_auc"] is not None and m["roc_auc"] > 0.5


def test_bias_madlibs_reports_fairness() -> None:
    report = run_json("bias-madlibs")
    fairness = report["fairness"]
    assert isinstance(fairness, dict)
    groups = [g["group"] for g in fairness["steward"]["groups"]]
    assert groups == ["african american", "gay", "transgender"]
    assert fairness["steward"]["targets"] == {"subgroup_auc": 0.95, "fpr_gap": 0.03}


def test_plot_writes_png(tmp_path: Path) -> None:
    report = run_json("tweeteval-offensive", "--plot", str(tmp_path / "plots"))
    plots = report["plots"]
    assert isinstance(plots, list) and len(plots) == 1
    png = Path(plots[0])
    assert png.parent == tmp_path / "plots"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_of_a_one_class_set_still_writes(tmp_path: Path) -> None:
    report = run_json("sms-spam", "--limit", "1", "--plot", str(tmp_path))
    assert len(report["plots"]) == 1  # type: ignore[arg-type]
    assert report["tasks"][0]["steward"]["roc_auc"] is None  # type: ignore[index]


def test_generic_file_with_map() -> None:
    report = run_json(str(DATA / "generic.jsonl"), "--map", "toxic=offensive", "--map", "spam=commercial")
    assert [t["task"] for t in report["tasks"]] == ["offensive", "commercial"]  # type: ignore[union-attr]
    assert report["n"] == 4


def test_human_output_shows_ours_and_theirs() -> None:
    pytest.importorskip("profanity_check")
    code, out = run("tweeteval-offensive")
    assert code == 0, out
    assert "steward" in out and "alt-profanity-check" in out and "macro-F1" in out


@pytest.mark.parametrize(
    ("tier", "systems"),
    [
        ("deterministic", ["steward"]),
        ("learned", ["steward+learned"]),
        ("both", ["steward", "steward+learned"]),
        ("accurate", ["steward+accurate"]),
        ("all", ["steward", "steward+learned", "steward+accurate"]),
    ],
)
def test_tier_option(tier: str, systems: list[str]) -> None:
    report = run_json("bias-madlibs", "--tier", tier)
    assert list(report["tiers"].values()) == systems  # type: ignore[attr-defined]
    (task,) = report["tasks"]  # type: ignore[misc]
    assert [s for s in ("steward", "steward+learned", "steward+accurate") if s in task] == systems
    assert list(report["fairness"]) == systems  # type: ignore[arg-type]
    for s in systems:
        assert task[s]["tp"] + task[s]["fp"] + task[s]["fn"] + task[s]["tn"] == 8


def test_perturb_reports_every_perturbation() -> None:
    report = run_json("tweeteval-offensive", "--tier", "both", "--perturb")
    rob = report["robustness"]
    assert isinstance(rob, dict)
    assert rob["target_max_drop"] == 5.0
    assert len(rob["perturbations"]) == 8
    assert {(r["perturbation"], r["system"]) for r in rob["rows"]} == {
        (p, s) for p in rob["perturbations"] for s in ("steward", "steward+learned")
    }
    assert [w["system"] for w in rob["worst"]] == ["steward", "steward+learned"]
    assert run_json("tweeteval-offensive")["robustness"] is None


def test_human_output_shows_both_tiers_and_robustness() -> None:
    code, out = run("tweeteval-offensive", "--tier", "both", "--perturb", "--baseline", "none")
    assert code == 0, out
    assert "steward+learned" in out and "Robustness" in out and "homoglyphs" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["no-such-set"], 3, "neither a shared data set"),
        (["tweeteval-hate", "--split", "test"], 3, "no split 'test'"),
        (["sms-spam", "--baseline", "perspective"], 3, "unknown baseline"),
        (["sms-spam", "--policy", "no-such-pack"], 2, ""),
        (["sms-spam", "--limit", "0"], 3, "--limit must be at least 1"),
        (["sms-spam", "--tier", "fastest"], 3, "unknown tier 'fastest'"),
        ([str(DATA / "generic.csv")], 3, "at least one --map"),
    ],
)
def test_errors_exit_with_a_message(args: list[str], code: int, message: str) -> None:
    got, out = run(*args)
    assert got == code, out
    assert message in out
