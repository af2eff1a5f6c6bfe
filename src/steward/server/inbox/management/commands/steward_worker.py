"""``steward worker``: recover what a stopped worker left behind, then run the database task worker.

On start every pending item gets a task unless a waiting or live one covers it (``services/recovery.py``); then
django-tasks-db's ``db_worker`` serves the ``assess`` and ``default`` queues. ``--batch`` processes everything
outstanding and exits.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Assess stored items in the background (recovering anything a stopped worker left), then keep serving."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Process everything outstanding, then exit.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls when idle.")
        parser.add_argument("--queue-name", default="assess,default", help="Queues to serve, comma-separated.")

    def handle(self, *args: Any, batch: bool, interval: float, queue_name: str, **options: Any) -> None:
        from steward.server.inbox.services.recovery import recover, worker_id

        verbosity = int(options.get("verbosity", 1))
        result = recover()
        if verbosity:
            self.stdout.write(str(result))
        call_command(
            "db_worker",
            queue_name=queue_name,
            batch=batch,
            interval=max(0.0, interval),
            startup_delay=False,
            reload=False,
            worker_id=worker_id(),
            verbosity=verbosity,
            stdout=self.stdout,
        )
