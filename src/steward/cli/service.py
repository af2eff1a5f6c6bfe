"""The service's commands: ``steward setup``, ``ingest``, ``worker``, ``serve`` and ``audit verify``.

Django is imported inside each command, never at import time, so ``steward --help`` stays fast. The database is
``$STEWARD_DATA_DIR/steward.sqlite3`` (default ``./data``) unless ``DATABASE_URL`` names a PostgreSQL server.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from steward.errors import StewardError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
#: Bad records listed one by one on the screen before the rest are only counted.
SHOWN_ERRORS = 20

audit_app = typer.Typer(help="The audit log.", no_args_is_help=True, add_completion=False)


def setup_command() -> None:
    """Create and migrate the database and the organisation (from the inbound policy pack)."""
    from steward.server.bootstrap import setup

    setup()
    from django.db import connection

    from steward.server.inbox.setup import default_organisation

    org = default_organisation()
    where = connection.settings_dict["NAME"]
    out.print(f"database ready ({connection.vendor}: {where})", markup=False)
    out.print(f"organisation: {org.name} (policy pack {org.inbound_pack})", markup=False)


def ingest_command(
    file: Annotated[Path, typer.Argument(help="A file in any input format (jsonl, csv, a platform API page).")],
    channel: Annotated[str, typer.Option("--channel", help="The channel's short name; created if new.")],
    format: Annotated[str | None, typer.Option("--format", "-f", help="Input format (default: detected).")] = None,
    platform: Annotated[str | None, typer.Option("--platform", help="Platform of the items and a new channel.")] = None,
    wait: Annotated[bool, typer.Option("--wait", help="Assess everything here before returning.")] = False,
) -> None:
    """Store the items of FILE (each once, however often it is imported) and queue them for assessment."""
    from steward.connectors import FORMATS, read_items
    from steward.server.bootstrap import setup

    setup()
    from steward.server.inbox.services.ingest import check_platform, ingest
    from steward.server.inbox.setup import channel as get_channel

    plat = check_platform(platform)
    if format is not None and format.strip().lower() in FORMATS[2:]:
        plat = plat or format.strip().lower()
    records = read_items(file, format=format)
    row = get_channel(channel, platform=plat)
    summary = ingest(records, row, platform=plat, actor="cli", source=str(file))
    for problem in summary.errors[:SHOWN_ERRORS]:
        err.print(f"unreadable record: {problem}", style="red", markup=False)
    if summary.error_count > SHOWN_ERRORS:
        err.print(f"… and {summary.error_count - SHOWN_ERRORS} more unreadable record(s)", markup=False)
    out.print(
        f"{summary.stored} item(s) stored, {summary.duplicates} duplicate(s) skipped, "
        f"{summary.error_count} unreadable record(s); channel {row.slug}",
        markup=False,
    )
    if wait:
        _run_worker(batch=True, quiet=True)
        # A worker already running (`steward worker`, as `make demo` starts one) may hold some of these items'
        # tasks, which the batch run above then leaves to it: wait for it while it makes progress.
        left = _wait_while_assessed(row)
        from django.db.models import Count

        from steward.server.inbox.models import Item

        states = Item.objects.filter(channel=row).values_list("state").annotate(n=Count("pk")).order_by("state")
        shown = ", ".join(f"{n} {state}" for state, n in states)
        out.print(f"channel {row.slug} now holds: {shown or 'no items'}", markup=False)
        if left:
            err.print(
                f"{left} item(s) still pending after {WAIT_PATIENCE_S:.0f} s without progress: is a worker stuck? "
                "`steward worker` queues again what a stopped worker left.",
                markup=False,
            )


#: How long ``ingest --wait`` waits for another worker's progress before it gives up (seconds), and how often it looks.
WAIT_PATIENCE_S = 60.0
WAIT_POLL_S = 0.5


def _wait_while_assessed(row: Any, patience: float = WAIT_PATIENCE_S, poll: float = WAIT_POLL_S) -> int:
    """Wait while the channel's pending items are being assessed elsewhere; the number still pending (0 when
    none are, at once or after waiting; more when none was assessed for ``patience`` seconds)."""
    import time

    from steward.server.inbox.models import Item, ItemState

    waiting = Item.objects.filter(channel=row, state=ItemState.PENDING)
    pending = waiting.count()
    last_progress = time.monotonic()
    while pending and time.monotonic() - last_progress < patience:
        time.sleep(poll)
        now = waiting.count()  # a queryset counts afresh each time
        if now < pending:
            last_progress = time.monotonic()
        pending = now
    return pending


def worker_command(
    batch: Annotated[bool, typer.Option("--batch", help="Process everything outstanding, then exit.")] = False,
    interval: Annotated[float, typer.Option("--interval", help="Seconds between polls when idle.")] = 1.0,
) -> None:
    """Assess stored items in the background; on start, queue again whatever a stopped worker left."""
    _run_worker(batch=batch, interval=interval)


def _run_worker(*, batch: bool, interval: float = 1.0, quiet: bool = False) -> None:
    from steward.server.bootstrap import setup

    setup()
    from django.core.management import call_command

    call_command("steward_worker", batch=batch, interval=interval, verbosity=0 if quiet else 1)


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Web processes.")] = 2,
) -> None:
    """Serve the web pages and the API with gunicorn (run `steward worker` beside it for assessment)."""
    if importlib.util.find_spec("gunicorn") is None:
        raise StewardError("gunicorn is not installed; install the service's dependencies (pip install -e .)")
    from steward.server.bootstrap import setup

    setup()
    from steward.server.inbox.setup import default_organisation

    default_organisation()
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        "steward.server.wsgi:application",
    ]
    out.print(f"serving on http://{host}:{port}/ (Ctrl+C stops)", markup=False)
    sys.stdout.flush()
    os.execv(sys.executable, argv)


def audit_verify_command() -> None:
    """Recompute the audit log's hash chain; name the first broken link (exit 1) if there is one."""
    from steward.server.bootstrap import setup

    setup()
    from steward.server.audit.chain import verify

    result = verify()
    if not result.ok:
        err.print(str(result), style="bold red", markup=False)
        raise typer.Exit(1)
    out.print(str(result), markup=False)


def register(app: typer.Typer, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    """Add the service's commands to the ``steward`` app (``wrap`` maps errors to exit codes)."""
    app.command("setup")(wrap(setup_command))
    app.command("ingest")(wrap(ingest_command))
    app.command("worker")(wrap(worker_command))
    app.command("serve")(wrap(serve_command))
    audit_app.command("verify")(wrap(audit_verify_command))
    app.add_typer(audit_app, name="audit")
