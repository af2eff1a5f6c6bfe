"""``steward admin demo_users``: one demo user per role, with a fresh random password printed once.

For trying Steward on a laptop. Running it again gives the same users new passwords.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import transaction

from steward.server.accounts.roles import Role
from steward.server.audit.chain import record

DEMO_USERS: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("moderator", "Morgan Moderator", (Role.MODERATOR,)),
    ("comms", "Casey Comms-Lead", (Role.COMMS_LEAD,)),
    ("safeguarding", "Sam Safeguarding-Lead", (Role.SAFEGUARDING_LEAD,)),
    ("ig", "Indra IG-Lead", (Role.IG_LEAD,)),
    ("admin", "Ash Admin", (Role.ADMIN,)),
)


def ensure_groups() -> None:
    for role in Role:
        Group.objects.get_or_create(name=role.value)


class Command(BaseCommand):
    help = "Create (or reset) one demo user per role and print their passwords."

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_groups()
        rows: list[tuple[str, str, str]] = []
        with transaction.atomic():
            for username, full_name, roles in DEMO_USERS:
                first, _, last = full_name.partition(" ")
                user, _ = User.objects.get_or_create(
                    username=username,
                    defaults={"first_name": first, "last_name": last, "email": f"{username}@example.nhs.uk"},
                )
                password = secrets.token_urlsafe(9)
                user.set_password(password)
                user.is_active = True
                user.save()
                user.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
                record("user.demo_reset", object_type="user", object_id=str(user.pk), data={"roles": roles})
                rows.append((username, ", ".join(r.label for r in roles), password))
        width = max(len(u) for u, _, _ in rows)
        self.stdout.write("Demo users (passwords change every time this runs):")
        for username, roles_text, password in rows:
            self.stdout.write(f"  {username:<{width}}  {password}  {roles_text}")
