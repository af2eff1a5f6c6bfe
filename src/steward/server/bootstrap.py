"""Start Django from the CLI: settings, app registry, and a database created and migrated on first run."""

from __future__ import annotations

import os
from collections.abc import Sequence


def setup(*, migrate: bool = True) -> None:
    """Configure Django once; with ``migrate`` apply any pending migrations (quietly) so a first run just works."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steward.server.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    if migrate:
        ensure_migrated()


def ensure_migrated() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def manage(argv: Sequence[str]) -> None:
    """Run a Django management command (``steward admin migrate``, ``steward admin createsuperuser``…)."""
    setup(migrate=False)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["steward admin", *argv])
