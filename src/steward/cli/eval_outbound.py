"""`steward eval` on a labelled set of staff drafts (``outbound-drafts``): per-category precision and recall."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from steward.errors import InputError
from steward.evaluation.outbound import ALL, NAME, load_drafts, looks_like_drafts, report, run_drafts
from steward.evaluation.outbound_report import as_json, tables
from steward.policy import DEFAULT_INBOUND, DEFAULT_OUTBOUND, get_pack

#: Where the named set lives in a source checkout.
BUNDLED = Path(__file__).resolve().parents[3] / "tests" / "data" / f"{NAME}.jsonl"


def resolve(dataset: str, input_format: str | None) -> Path | None:
    """The drafts file DATASET names, or None when it is not a drafts set (then the comment harness runs)."""
    path = Path(dataset)
    if input_format not in (None, NAME):
        return None
    if path.is_file() and (input_format == NAME or looks_like_drafts(path)):
        return path
    if dataset == NAME:
        local = Path("tests") / "data" / f"{NAME}.jsonl"
        for candidate in (local, BUNDLED):
            if candidate.is_file():
                return candidate
        raise InputError(f"the {NAME} set was not found (looked in {local} and {BUNDLED})")
    if input_format == NAME:
        raise InputError(f"{path} not found")
    return None


def run(path: Path, *, policy: str, split: str | None, as_json_out: bool) -> None:
    pack = get_pack(DEFAULT_OUTBOUND if policy == DEFAULT_INBOUND else policy)
    drafts = load_drafts(path)
    if split not in (None, ALL):
        drafts = [d for d in drafts if d.split == split] or drafts  # an unknown split is reported by `report`
    reports = report(run_drafts(drafts, pack), split)
    if as_json_out:
        typer.echo(json.dumps(as_json(reports, dataset=path.name, policy=pack.id), ensure_ascii=False))
        return
    console = Console(highlight=False)
    for table in tables(reports, dataset=path.name, policy=pack.id):
        console.print(table)
        console.print()
