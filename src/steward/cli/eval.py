"""`steward eval DATASET`: Steward and a baseline side by side on a labelled set (needs the ``eval`` extra)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from steward.evaluation.datasets import ENV_VAR
from steward.evaluation.deps import MissingExtra, require
from steward.evaluation.report import as_json, plot_pr_curves, tables
from steward.evaluation.runner import BASELINES, NO_BASELINE, evaluate, get_baseline
from steward.evaluation.scoring import ALL, TIER_CHOICES, tiers_for
from steward.evaluation.sources import FORMATS, select
from steward.policy import DEFAULT_INBOUND, get_pack


@contextlib.contextmanager
def _extra_errors() -> Iterator[None]:
    """A missing eval extra, printed without markup: rich would read "[eval]" in the hint as a tag."""
    try:
        yield
    except MissingExtra as exc:
        Console(stderr=True, highlight=False).print(f"error: {exc}", markup=False, style="bold red")
        raise typer.Exit(exc.exit_code) from None


def eval_command(
    dataset: Annotated[str, typer.Argument(help="A shared set's name, a folder holding one, or a JSONL/CSV file")],
    split: Annotated[
        str | None, typer.Option(help="Split to score (default: the set's own; val for TweetEval)")
    ] = None,
    input_format: Annotated[str | None, typer.Option("--format", help=f"One of {', '.join(FORMATS)}")] = None,
    baseline: Annotated[
        str, typer.Option(help=f"Scored side by side: {', '.join([*BASELINES, NO_BASELINE])}")
    ] = "alt-profanity-check",
    as_json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
    plot: Annotated[Path | None, typer.Option(help="Write precision–recall curves (PNG) to this folder")] = None,
    limit: Annotated[int | None, typer.Option(help="Score a reproducible random sample of this many")] = None,
    policy: Annotated[str, typer.Option(help="Pack whose rule thresholds decide precision and recall")] = (
        DEFAULT_INBOUND
    ),
    data_dir: Annotated[
        Path | None, typer.Option(help=f"Shared datasets folder (default: ${ENV_VAR} or ../shared/datasets)")
    ] = None,
    label_map: Annotated[
        list[str] | None, typer.Option("--map", help="Generic format: COLUMN=CATEGORY or COLUMN:VALUE=CATEGORY")
    ] = None,
    tier: Annotated[
        str,
        typer.Option(
            help=f"Steward detectors to score: {', '.join(TIER_CHOICES)} (both: deterministic and learned (fast); "
            "all: every tier side by side)"
        ),
    ] = ALL,
    perturb: Annotated[
        bool, typer.Option(help="Also score disguised copies (leetspeak, spacing, homoglyphs, ...): F1 drop")
    ] = False,
    quiet: Annotated[bool, typer.Option(help="No progress bar")] = False,
) -> None:
    """Score a labelled data set with Steward and a baseline: precision, recall, F1, AUCs, fairness, robustness."""
    from steward.cli import eval_outbound  # staff drafts (outbound-drafts): no baseline, no optional packages

    drafts = eval_outbound.resolve(dataset, input_format)
    if drafts is not None:
        eval_outbound.run(drafts, policy=policy, split=split, as_json_out=as_json_out)
        return
    pack = get_pack(policy)
    tiers = tiers_for(tier)
    with _extra_errors():
        require("sklearn")
        if plot is not None:
            require("matplotlib")
        chosen_baseline = get_baseline(baseline)
        chosen = select(dataset, format=input_format, split=split, data_dir=data_dir, maps=label_map or (), limit=limit)
        result = evaluate(
            chosen.examples,
            dataset=chosen.name,
            split=chosen.split,
            tasks=chosen.tasks,
            pack=pack,
            baseline=chosen_baseline,
            console=None if quiet else Console(stderr=True, highlight=False),
            tiers=tiers,
            perturb=perturb,
        )
        written = plot_pr_curves(result, plot) if plot is not None else []
    if as_json_out:
        out = as_json(result)
        out["plots"] = [str(p) for p in written]
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    console = Console(highlight=False)
    for table in tables(result):
        console.print(table)
        console.print()
    for path in written:
        console.print(f"wrote {path}")
