"""Run `steward eval` over every shared data set and write the table of results against issue 3's targets.

    make eval-report                       # or:
    .venv/bin/python bench/quality.py [--out docs/quality.md] [--limit N] [--data-dir DIR] [--json FILE]

Each set is scored by the `steward` command itself (`steward eval NAME --tier both --json`), so the table is
exactly what anyone gets from the command line: the deterministic tier and the learned tier side by side, with
the baseline. TweetEval offensive val is also run with `--perturb` for the robustness table. The model cards'
held-back numbers are read from src/steward/models/manifest.json. Needs the eval extra: pip install -e '.[eval]'.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "src" / "steward" / "models" / "manifest.json"
BASELINE = "alt-profanity-check"
DET, LEARNED = "steward", "steward+learned"
TIERS = ((DET, "deterministic"), (LEARNED, "learned"))
#: (set, split) pairs scored: the validation split where a set has one, else the whole set.
RUNS: tuple[tuple[str, str], ...] = (
    ("tweeteval-offensive", "val"),
    ("tweeteval-hate", "val"),
    ("davidson-hate-offensive", "all"),
    ("bias-madlibs", "all"),
    ("youtube-spam", "all"),
    ("sms-spam", "all"),
    ("presidio-synthetic-pii", "all"),
)
PERTURBED = "tweeteval-offensive"
#: Where the learned tier's numbers are not held out, and why.
NOT_HELD_OUT = {
    "tweeteval-offensive": "tuned and calibrated on it",
    "tweeteval-hate": "tuned and calibrated on it",
    "youtube-spam": "trained on it: not held out",
    "sms-spam": "trained on it: not held out",
}
Report = dict[str, Any]
RESULT_COLUMNS = ["set", "split", "task", "n", "positive", "system", "thr.", "precision", "recall", "F1"]
RESULT_COLUMNS += ["macro-F1", "ROC-AUC", "PR-AUC", "TP / FP / FN / TN"]


def steward_command() -> list[str]:
    beside = Path(sys.executable).with_name("steward")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("steward")
    if found is None:
        sys.exit("the `steward` command is not installed: pip install -e '.[eval]'")
    return [found]


def run_eval(name: str, split: str, limit: int | None, data_dir: Path | None) -> Report:
    cmd = [*steward_command(), "eval", name, "--split", split, "--json", "--quiet", "--baseline", BASELINE]
    cmd += ["--tier", "both"] + (["--perturb"] if name == PERTURBED else [])
    if limit is not None:
        cmd += ["--limit", str(limit)]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    print("$ steward", " ".join(cmd[1:]), file=sys.stderr, flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"steward eval {name} failed ({done.returncode}):\n{done.stderr}")
    report: Report = json.loads(done.stdout)
    return report


def fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:.1f}%"


def metric(reports: dict[str, Report], name: str, task: str, key: str, who: str) -> float | None:
    t = next(t for t in reports[name]["tasks"] if t["task"] == task)
    m: dict[str, Any] | None = t.get(who)
    return None if m is None else m[key]


def held_back(model: str, key: str, who: str = "ours") -> float | None:
    """A model card's held-back test number (the model alone at 0.5) from the manifest."""
    if not MANIFEST.exists():
        return None
    results = json.loads(MANIFEST.read_text(encoding="utf-8"))["models"][model]["results"]
    row = next((r for r in results if r["set"] == "held-back test"), None)
    return None if row is None or who not in row else float(row[who][key])


def where(reports: dict[str, Report], name: str, tier: str, what: str) -> str:
    caveat = NOT_HELD_OUT.get(name) if tier == LEARNED else None
    return f"{name} {what}" + (f" ({caveat})" if caveat else "")


def met(value: float | None, target: float, above: bool = True) -> str:
    ok = value is not None and (value >= target if above else value <= target)
    return "yes" if ok else "**no**"


def target_rows(reports: dict[str, Report]) -> list[list[str]]:
    rows: list[list[str]] = []
    goals = (
        ("Offensive", "tweeteval-offensive", "offensive", "macro_f1", 0.80, "offensive_lr"),
        ("Hate", "tweeteval-hate", "hate", "macro_f1", 0.75, "hate_lr"),
    )
    for goal, name, task, key, target, model in goals:
        for who, tier in TIERS:
            ours, theirs = metric(reports, name, task, key, who), metric(reports, name, task, key, "baseline")
            rows.append([goal, where(reports, name, who, "val"), tier, "macro-F1", f"≥ {target:.2f}"])
            rows[-1] += [fmt(ours), fmt(theirs), met(ours, target)]
        ours, theirs = held_back(model, key), held_back(model, key, BASELINE)
        rows.append([goal, f"held-back split ({model} card)", "learned model alone", "macro-F1", f"≥ {target:.2f}"])
        rows[-1] += [fmt(ours), fmt(theirs), met(ours, target)]
    for name in ("youtube-spam", "sms-spam"):
        for who, tier in TIERS:
            ours = metric(reports, name, "commercial", "f1", who)
            rows.append(["Spam", where(reports, name, who, "whole set"), tier, "F1", "≥ 0.95", fmt(ours), "n/a"])
            rows[-1].append(met(ours, 0.95))
    ours = held_back("spam_lr", "f1")
    rows.append(["Spam", "held-back split (spam_lr card)", "learned model alone", "F1", "≥ 0.95", fmt(ours), "n/a"])
    rows[-1].append(met(ours, 0.95))
    for name, task in (("tweeteval-offensive", "offensive"), ("tweeteval-hate", "hate"), ("bias-madlibs", "offensive")):
        for who, tier in TIERS:
            ours, theirs = metric(reports, name, task, "f1", who), metric(reports, name, task, "f1", "baseline")
            lead = None if ours is None or theirs is None else ours - theirs
            split = reports[name]["split"]
            rows.append([f"Beat {BASELINE} by 5 F1 points", where(reports, name, who, f"{split}, {task}"), tier])
            rows[-1] += ["F1 lead", "≥ +0.05", fmt(ours), fmt(theirs)]
            rows[-1].append(met(lead, 0.05) + f" ({'n/a' if lead is None else f'{lead:+.3f}'})")
    fair = reports["bias-madlibs"]["fairness"]
    theirs_f = fair.get(BASELINE, {})

    def gap(f: dict[str, Any]) -> str:
        if f.get("fpr_gap") is None:
            return "n/a"
        worst = f" ({f.get('worst_fpr_group')})" if f["fpr_gap"] > 0 else ""
        return f"{100 * f['fpr_gap']:.1f} points{worst}"

    for who, tier in TIERS:
        f = fair.get(who, {})
        auc = f"{fmt(f.get('min_subgroup_auc'))} ({f.get('worst_auc_group')})"
        theirs_auc = f"{fmt(theirs_f.get('min_subgroup_auc'))} ({theirs_f.get('worst_auc_group')})"
        rows.append(["Fairness: every subgroup AUC", "bias-madlibs", tier, "lowest subgroup AUC", "≥ 0.95", auc])
        rows[-1] += [theirs_auc, "yes" if f.get("meets_auc_target") else "**no**"]
    for who, tier in TIERS:
        f = fair.get(who, {})
        rows.append(["Fairness: false-positive-rate gap", "bias-madlibs", tier, "max − min identity FPR", "≤ 3 points"])
        rows[-1] += [gap(f), gap(theirs_f), "yes" if f.get("meets_fpr_target") else "**no**"]
    rob = reports[PERTURBED].get("robustness") or {}
    for who, tier in TIERS:
        w = next((w for w in rob.get("worst", []) if w["system"] == who and w["task"] == "offensive"), None)
        drop = "n/a" if w is None else f"{w['drop']:.1f} points ({w['perturbation']})"
        theirs = next((w for w in rob.get("worst", []) if w["system"] == BASELINE), None)
        theirs_drop = "n/a" if theirs is None else f"{theirs['drop']:.1f} points ({theirs['perturbation']})"
        rows.append(["Robustness: worst F1 drop", f"{PERTURBED} val (offensive)", tier, "max drop", "≤ 5 points"])
        rows[-1] += [drop, theirs_drop, "yes" if w and w["meets_target"] else "**no**"]
    return rows


def systems(report: Report) -> list[tuple[str, str]]:
    """(JSON key, label) of every system in a report: the Steward tiers, then the baseline."""
    out = [(who, who) for who in report["tiers"].values()]
    return [*out, ("baseline", report["baseline"])] if report["baseline"] else out


def result_rows(reports: dict[str, Report]) -> list[list[str]]:
    rows: list[list[str]] = []
    for name, report in reports.items():
        for t in report["tasks"]:
            for key, who in systems(report):
                m = t.get(key)
                if m is None:
                    continue
                rows.append([name, report["split"], t["task"], f"{m['n']:,}", f"{m['positives']:,}", who])
                rows[-1] += [fmt(m[k], 2 if k == "threshold" else 3) for k in ("threshold", "precision", "recall")]
                rows[-1] += [fmt(m[k]) for k in ("f1", "macro_f1", "roc_auc", "pr_auc")]
                rows[-1].append(f"{m['tp']} / {m['fp']} / {m['fn']} / {m['tn']}")
    return rows


def identity_rows(report: Report) -> list[list[str]]:
    fair = report["fairness"]
    per = {who: {g["group"]: g for g in fair.get(who, {}).get("groups", [])} for who in (DET, LEARNED, BASELINE)}
    rows = []
    for group in sorted(per[DET], key=lambda g: (per[DET][g]["subgroup_auc"] or 0.0, g)):
        rows.append([group, str(per[DET][group]["n"])])
        for who in (DET, LEARNED, BASELINE):
            g = per[who].get(group, {})
            rows[-1] += [fmt(g.get("subgroup_auc")), fmt(g.get("bpsn_auc")), pct(g.get("fpr"))]
    return rows


def robustness_rows(report: Report) -> list[list[str]]:
    rob = report.get("robustness") or {}
    by = {(r["perturbation"], r["system"]): r for r in rob.get("rows", []) if r["task"] == "offensive"}
    task = next(t for t in report["tasks"] if t["task"] == "offensive")
    rows = [["clean", "(none)", "0.0%"]]
    for key in (DET, LEARNED, "baseline"):
        rows[0] += [fmt(task[key]["f1"]) if task.get(key) else "n/a", ""]
    for name, description in rob.get("perturbations", {}).items():
        first = next((r for r in rob["rows"] if r["perturbation"] == name), None)
        rows.append([name, description, pct(first["changed"]) if first else "n/a"])
        for who in (DET, LEARNED, BASELINE):
            r = by.get((name, who))
            flag = "" if r is None or r["meets_target"] else " ✗"
            rows[-1] += ["n/a", ""] if r is None else [fmt(r["f1"]), f"{r['drop']:+.1f}{flag}"]
    return rows


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown(reports: dict[str, Report], limit: int | None) -> str:
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    policy = next(iter(reports.values()))["policy"]
    sample = f" on a random sample of at most {limit:,} examples per set" if limit else ""
    tier_cols = [f"{who} {k}" for who in (DET, LEARNED, BASELINE) for k in ("subgroup AUC", "BPSN AUC", "FPR")]
    rob_cols = [f"{who} {k}" for who in (DET, LEARNED, BASELINE) for k in ("F1", "drop")]
    parts = [
        "# Quality: current results against the targets",
        "",
        "Generated by `make eval-report` (`python bench/quality.py`), which runs "
        f"`steward eval SET --tier both --json` on every shared data set{sample}. Do not edit by hand: rerun it.",
        "",
        f"- Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit `{commit.stdout.strip() or 'unknown'}`, "
        f"Python {platform.python_version()}.",
        "- Two Steward tiers, scored through `steward.assess` in the same run: **deterministic** (`steward`, the "
        "default detectors, what `steward scan` uses today) and **learned** (`steward+learned`, the default detectors "
        "plus the learned models of `steward.models.LEARNED`, which are *not* in the default pipeline: on a blind "
        "set of NHS comments they increased over-removal). Precision, recall and F1 at policy "
        f"`{policy}`'s thresholds (the lowest unconditional `min_score` of the rules naming each category).",
        f"- Baseline: `{BASELINE}` at its own 0.5 threshold, on the same texts in the same run; it only answers "
        "offensive-type tasks.",
        "- Label mappings: `src/steward/evaluation/datasets.py`. `offensive` pools abuse, profanity, hate, threat and "
        "sexual. Sets without a validation split are scored whole.",
        "- **The learned tier's numbers here flatter it.** The spam model was trained on YouTube spam and SMS spam, "
        "so its whole-set numbers are *not* held out; the offensive and hate models were tuned and calibrated on "
        "TweetEval val, so val flatters them. The honest estimates are the held-back splits in the model cards "
        "(`src/steward/models/cards/offensive_lr.md`, `hate_lr.md`, `spam_lr.md`), repeated in the targets table "
        "as *learned model alone* (each model by itself at 0.5, not the pooled pipeline task).",
        "",
        "## Targets (issue 3)",
        "",
        table(["target", "set", "tier", "measure", "target value", "Steward", BASELINE, "met"], target_rows(reports)),
        "",
        f"Davidson is excluded from the comparison: `{BASELINE}` was trained on it.",
        "",
        "## All results",
        "",
        table(
            RESULT_COLUMNS,
            result_rows(reports),
        ),
        "",
        f"## Robustness: offensive task on {PERTURBED} val (`steward eval {PERTURBED} --tier both --perturb`)",
        "",
        "Each perturbation disguises the texts deterministically (`src/steward/evaluation/perturb.py`, fixed seed; "
        "word-level ones touch each word of three or more Latin letters with probability 1/2, at least one per "
        "text); labels are kept. *changed* is the share of texts altered; *drop* is clean F1 minus perturbed F1 in "
        "points (✗: above the 5-point target). Val flatters the learned tier's absolute F1 (it was tuned there), "
        "not the drops, which compare each system with itself.",
        "",
        table(["perturbation", "what", "changed", *rob_cols], robustness_rows(reports[PERTURBED])),
        "",
        "## Fairness on bias-madlibs, per identity (lowest deterministic subgroup AUC first)",
        "",
        table(["identity", "n", *tier_cols], identity_rows(reports["bias-madlibs"])),
        "",
    ]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "quality.md")
    parser.add_argument("--limit", type=int, default=None, help="Score a random sample of this many per set")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="Also write every set's JSON report here")
    args = parser.parse_args()
    reports = {name: run_eval(name, split, args.limit, args.data_dir) for name, split in RUNS}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(markdown(reports, args.limit), encoding="utf-8")
    if args.json is not None:
        args.json.write_text(json.dumps(reports, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
