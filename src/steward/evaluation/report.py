"""Render an EvalResult: rich tables for people, a JSON document for machines, precision–recall curves as PNG."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Column, Table

from steward.evaluation.deps import require
from steward.evaluation.fairness import TARGET_FPR_GAP, TARGET_SUBGROUP_AUC, FairnessReport
from steward.evaluation.metrics import BinaryMetrics, pr_curve
from steward.evaluation.robustness import TARGET_MAX_DROP, RobustnessReport
from steward.evaluation.runner import EvalResult, TaskResult
from steward.evaluation.scoring import TIER_SYSTEMS

NA = "n/a"


def fmt(value: float | None, digits: int = 3) -> str:
    return NA if value is None else f"{value:.{digits}f}"


def pct(value: float | None) -> str:
    return NA if value is None else f"{100 * value:.1f}%"


def as_json(result: EvalResult) -> dict[str, Any]:
    """The machine-readable report (`steward eval --json`)."""
    return {
        "dataset": result.dataset,
        "split": result.split,
        "policy": result.policy,
        "n": result.n,
        "baseline": result.baseline,
        "tiers": {tier: TIER_SYSTEMS[tier] for tier in result.tiers},
        "tasks": [
            {
                "task": t.task,
                "categories": list(t.categories),
                **{system: m.as_dict() for system, m in t.tiers.items()},
                "baseline": t.baseline.as_dict() if t.baseline else None,
            }
            for t in result.tasks
        ],
        "fairness": {name: report.as_dict() for name, report in result.fairness.items()},
        "robustness": result.robustness.as_dict() if result.robustness else None,
        "seconds": {name: round(s, 3) for name, s in result.seconds.items()},
    }


def _row(system: str, m: BinaryMetrics) -> list[str]:
    return [
        system,
        fmt(m.precision),
        fmt(m.recall),
        fmt(m.f1),
        fmt(m.macro_f1),
        fmt(m.roc_auc),
        fmt(m.pr_auc),
    ]


def _systems(result: EvalResult) -> list[tuple[str, str, BinaryMetrics]]:
    out: list[tuple[str, str, BinaryMetrics]] = []
    for t in result.tasks:
        out.extend((t.task, system, m) for system, m in t.tiers.items())
        if t.baseline is not None and result.baseline:
            out.append((t.task, result.baseline, t.baseline))
    return out


def metrics_table(result: EvalResult, task: TaskResult) -> Table:
    """One task, one row per system; precision, recall and F1 at the threshold shown."""
    table = Table(
        Column("system", no_wrap=True),
        "precision",
        "recall",
        "F1",
        "macro-F1",
        "ROC-AUC",
        "PR-AUC",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title=(
            f"{result.dataset} ({result.split}): {task.task}, "
            f"{task.ours.positives:,} of {task.ours.n:,} positive (policy {result.policy})"
        ),
    )
    for system, m in task.tiers.items():
        table.add_row(*_row(system, m))
    notes = [f"flagged at the policy threshold ({task.ours.threshold:.2f}"]
    if len(task.categories) > 1:
        notes[0] += ", each category at its own"
    notes[0] += ")"
    if task.baseline is not None and result.baseline:
        table.add_row(*_row(result.baseline, task.baseline))
        notes.append(f"{result.baseline} at {task.baseline.threshold:.2f}")
    elif result.baseline:
        notes.append(f"{result.baseline} does not answer {task.task!r}")
    table.caption = "; ".join(notes)
    return table


def confusion_table(result: EvalResult) -> Table:
    """Confusion matrix per task and system: truth positive/negative against flagged or not."""
    table = Table(
        "task",
        "system",
        "TP",
        "FP",
        "FN",
        "TN",
        title="Confusion matrices at the thresholds above",
        box=box.SIMPLE_HEAD,
    )
    for task, system, m in _systems(result):
        table.add_row(task, system, str(m.tp), str(m.fp), str(m.fn), str(m.tn))
    return table


def fairness_table(system: str, report: FairnessReport) -> Table:
    table = Table(
        "identity",
        "n",
        "subgroup AUC",
        "BPSN AUC",
        "BNSP AUC",
        "FPR",
        box=box.SIMPLE_HEAD,
        title=(
            f"Fairness of {system}: overall AUC {fmt(report.overall_auc)}, "
            f"lowest subgroup AUC {fmt(report.min_subgroup_auc)} (target ≥ {TARGET_SUBGROUP_AUC}), "
            f"FPR gap {pct(report.fpr_gap)} (target ≤ {100 * TARGET_FPR_GAP:.0f} points)"
        ),
    )
    for g in sorted(report.groups, key=lambda g: g.subgroup_auc if g.subgroup_auc is not None else -1.0):
        table.add_row(g.group, str(g.n), fmt(g.subgroup_auc), fmt(g.bpsn_auc), fmt(g.bnsp_auc), pct(g.fpr))
    return table


def robustness_table(report: RobustnessReport) -> Table:
    """F1 per perturbation, system and task, with the drop from the clean F1 in points."""
    table = Table(
        Column("perturbation", no_wrap=True),
        "changed",
        "task",
        Column("system", no_wrap=True),
        "F1",
        "clean F1",
        "drop (points)",
        box=box.SIMPLE_HEAD,
        title=f"Robustness: F1 on disguised copies of the set (target: drop ≤ {TARGET_MAX_DROP:.0f} points)",
    )
    for r in report.rows:
        drop = f"{r.drop:+.1f}" + ("" if r.meets_target else " ✗")
        table.add_row(r.perturbation, pct(r.changed), r.task, r.system, fmt(r.f1), fmt(r.clean_f1), drop)
    worst = []
    for system, task in dict.fromkeys((r.system, r.task) for r in report.rows):
        w = report.worst(system, task)
        if w is not None:
            worst.append(f"{system} {task}: worst {w.perturbation} {w.drop:+.1f}")
    table.caption = "; ".join(worst)
    return table


def tables(result: EvalResult) -> list[Table]:
    out = [metrics_table(result, t) for t in result.tasks]
    out.append(confusion_table(result))
    out.extend(fairness_table(name, report) for name, report in result.fairness.items())
    if result.robustness is not None:
        out.append(robustness_table(result.robustness))
    timing = Table("system", "seconds", "items/s", title="Scoring time", box=box.SIMPLE_HEAD)
    for name, seconds in result.seconds.items():
        timing.add_row(name, f"{seconds:.1f}", f"{result.n / seconds:,.0f}" if seconds > 0 else NA)
    out.append(timing)
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def plot_pr_curves(result: EvalResult, folder: Path) -> list[Path]:
    """One PNG per task with each system's precision–recall curve and its operating point; returns the files."""
    mpl = require("matplotlib")
    mpl.use("Agg")
    plt = require("matplotlib.pyplot")
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for t in result.tasks:
        truth = result.truth[t.task]
        fig, ax = plt.subplots(figsize=(6, 5))
        try:
            drawn = False
            for system in result.systems:
                if t.task not in system.scores:
                    continue
                curve = pr_curve(truth, system.scores[t.task])
                metrics = result.metrics(t, system.system)
                if curve is None or metrics is None:
                    continue
                recall, precision = curve
                (line,) = ax.step(recall, precision, where="post", label=f"{system.system} (AP {fmt(metrics.pr_auc)})")
                ax.plot(
                    [metrics.recall],
                    [metrics.precision],
                    "o",
                    color=line.get_color(),
                    label=f"{system.system} at threshold {metrics.threshold:.2f}",
                )
                drawn = True
            if not drawn:
                ax.text(0.5, 0.5, "only one class present: no curve", ha="center", va="center")
            ax.set_xlabel("recall")
            ax.set_ylabel("precision")
            ax.set_xlim(0.0, 1.0)
            ax.set_ylim(0.0, 1.02)
            ax.set_title(f"{result.dataset} ({result.split}): {t.task}")
            ax.grid(alpha=0.3)
            if drawn:
                ax.legend(loc="lower left", fontsize="small")
            path = folder / f"{_slug(result.dataset)}-{_slug(result.split)}-{_slug(t.task)}.png"
            fig.savefig(path, dpi=100)
            written.append(path)
        finally:
            plt.close(fig)
    return written
