"""Render an outbound-drafts evaluation: rich tables for people, a JSON document for machines.

Only ids, categories and actions are printed, never draft text: a drafts file may hold personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.table import Table

from steward.evaluation.outbound import NAME, SplitReport

NA = "n/a"


def _fmt(value: float | None) -> str:
    return NA if value is None else f"{value:.3f}"


def as_json(reports: Sequence[SplitReport], *, dataset: str, policy: str) -> dict[str, Any]:
    return {
        "dataset": dataset,
        "format": NAME,
        "policy": policy,
        "splits": {r.split: r.as_dict() for r in reports},
    }


def category_table(r: SplitReport, *, dataset: str, policy: str) -> Table:
    table = Table(
        "category",
        "positives",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall",
        box=box.SIMPLE_HEAD,
        title=f"{dataset} ({r.split}): {r.n} drafts, {r.n - r.good} with problems (policy {policy})",
    )
    for category, c in r.categories.items():
        table.add_row(category, str(c.positives), str(c.tp), str(c.fp), str(c.fn), _fmt(c.precision), _fmt(c.recall))
    patient = r.categories.get("patient_info")
    blocked = r.blocked_good
    acc = r.action_accuracy
    table.caption = (
        f"action accuracy {_fmt(acc)}; patient_info recall {_fmt(patient.recall if patient else None)}; "
        f"good drafts blocked: {len(blocked)}" + (f" ({', '.join(blocked)})" if blocked else "")
    )
    return table


def mismatch_table(r: SplitReport) -> Table | None:
    rows = r.mismatches()
    if not rows:
        return None
    table = Table("id", "expected", "got", "expected action", "action", box=box.SIMPLE_HEAD,
                  title=f"Disagreements ({r.split})")  # fmt: skip
    for o in rows:
        table.add_row(
            o.draft.item.id,
            ", ".join(sorted(o.draft.expected)) or "-",
            ", ".join(sorted(o.categories)) or "-",
            o.draft.action.value,
            o.action.value,
        )
    return table


def tables(reports: Sequence[SplitReport], *, dataset: str, policy: str, details: bool = True) -> list[Table]:
    out: list[Table] = []
    for r in reports:
        out.append(category_table(r, dataset=dataset, policy=policy))
        mismatches = mismatch_table(r) if details else None
        if mismatches is not None:
            out.append(mismatches)
    return out
