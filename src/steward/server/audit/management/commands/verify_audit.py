"""``manage.py verify_audit``: recompute the audit chain and name the first broken link (exit 1 if broken)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from steward.server.audit.chain import verify


class Command(BaseCommand):
    help = "Verify the audit log's hash chain and name the first broken link."

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify()
        if not result.ok:
            raise CommandError(str(result))
        self.stdout.write(str(result))
