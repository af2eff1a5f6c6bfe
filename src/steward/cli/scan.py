"""`steward scan FILE`: stream decisions as JSONL (the TAXONOMY.md contract), with progress and a summary."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from steward.cli.render import decision_panel
from steward.connectors import FORMATS, detect_format, read_items
from steward.policy import DEFAULT_INBOUND, get_pack

if TYPE_CHECKING:
    from steward.scan import Scanned, ScanSummary


@contextlib.contextmanager
def _output(out: Path | None, append: bool) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    with out.open("a" if append else "w", encoding="utf-8") as fh:
        yield fh


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as fh:
            return sum(1 for _ in fh)
    except OSError:
        return None


def summary_tables(summary: ScanSummary) -> list[Table]:
    by_action = Table("action", "items", title="By action")
    for action, n in summary.by_action.most_common():
        by_action.add_row(action, str(n))
    by_clause = Table("clause", "items", "text", title="By clause")
    for (ref, text), n in summary.by_clause.most_common():
        by_clause.add_row(Text(ref), str(n), Text(text if len(text) < 90 else text[:87] + "..."))
    return [by_action, by_clause]


def scan_command(
    file: Annotated[Path, typer.Argument(help="Input file (JSONL, CSV or a platform export)")],
    policy: Annotated[str, typer.Option(help="Pack id or path")] = DEFAULT_INBOUND,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Write JSONL here (default: stdout)")] = None,
    input_format: Annotated[str | None, typer.Option("--format", help=f"One of {', '.join(FORMATS)}")] = None,
    resume: Annotated[bool, typer.Option(help="Skip ids already in --out and append the rest")] = False,
    show: Annotated[int, typer.Option(help="Print this many non-allowed decisions in full at the end")] = 0,
    reveal: Annotated[bool, typer.Option(help="Show personal data unmasked in --show output")] = False,
    quiet: Annotated[bool, typer.Option(help="No progress bar or summary")] = False,
    tier: Annotated[
        str | None, typer.Option(help="deterministic, fast or accurate (default: $STEWARD_TIER or accurate)")
    ] = None,
) -> None:
    """Scan a file of comments and write one decision per record."""
    from steward.pipeline import Pipeline  # loads every detector: only when a scan actually runs
    from steward.scan import completed_ids, scan

    pack = get_pack(policy)
    pipeline = Pipeline(pack, tier=tier)
    from steward.scan import ScanSummary

    summary = ScanSummary()
    skip = completed_ids(out) if resume and out is not None else frozenset()
    err = Console(stderr=True, highlight=False, quiet=quiet)
    shown: list[Scanned] = []
    records = read_items(file, format=input_format)
    progress = Progress(
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet,
    )
    with progress, _output(out, append=bool(skip)) as sink:
        # One record a line in JSONL and (nearly) CSV; platform exports hold pages, so their size is unknown.
        line_based = (input_format or detect_format(file)) in {"jsonl", "csv"}
        task = progress.add_task("scan", total=_count_lines(file) if line_based else None)
        for done in scan(records, pipeline, summary, skip_ids=skip):
            sink.write(json.dumps(done.as_contract(), ensure_ascii=False) + "\n")
            if len(shown) < show and done.decision.action.value not in {"allow", "approve"}:
                shown.append(done)
            progress.advance(task)
    for done in shown:
        err.print(decision_panel(done.item, done.decision, mask=not reveal))
    err.print(
        f"{summary.decided} decided with {pack.id} {pack.version}"
        + (f"; {summary.resumed} already done (resumed)" if summary.resumed else ""),
        markup=False,
    )
    for table in summary_tables(summary):
        err.print(table)
    for problem in summary.errors:
        err.print(Text(f"unreadable record: {problem}", style="red"))
    if summary.errors:
        err.print(f"{len(summary.errors)} record(s) could not be read; the rest were decided.", markup=False)
