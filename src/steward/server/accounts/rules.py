"""Who may do what, as `rules` predicates over the five roles (Django groups).

Admin implies every role. Permissions are named ``steward.<verb>``; check them with ``user.has_perm(name, obj)``
in views and the API, so the rule lives here once.
"""

from __future__ import annotations

from typing import Any

from rules.permissions import add_perm
from rules.predicates import predicate

from steward.server.accounts.roles import Role


def _has(role: Role) -> Any:
    @predicate(name=f"is_{role.value}")
    def check(user: Any) -> bool:
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        if user.is_superuser:
            return True
        names = getattr(user, "_steward_roles", None)
        if names is None:
            names = frozenset(user.groups.values_list("name", flat=True))
            user._steward_roles = names
        return role.value in names or Role.ADMIN.value in names

    return check


is_staff_role = _has(Role.STAFF)
is_moderator = _has(Role.MODERATOR)
is_comms_lead = _has(Role.COMMS_LEAD)
is_safeguarding_lead = _has(Role.SAFEGUARDING_LEAD)
is_ig_lead = _has(Role.IG_LEAD)
is_admin = _has(Role.ADMIN)

is_staff_member = is_moderator | is_comms_lead | is_safeguarding_lead | is_ig_lead | is_admin

PERMISSIONS: dict[str, Any] = {
    # Reading and working the moderation queues.
    "steward.view_items": is_staff_member,
    "steward.act_on_items": is_moderator | is_comms_lead | is_safeguarding_lead,
    "steward.view_safeguarding": is_safeguarding_lead,
    "steward.act_on_safeguarding": is_safeguarding_lead,
    "steward.manage_authors": is_moderator | is_comms_lead,
    "steward.manage_templates": is_comms_lead,
    "steward.ingest": is_moderator | is_comms_lead,
    "steward.view_reports": is_comms_lead | is_ig_lead,
    # Personal data is masked until revealed; every reveal is audited.
    "steward.reveal_personal_data": is_moderator | is_comms_lead | is_safeguarding_lead | is_ig_lead,
    "steward.view_audit": is_ig_lead,
    "steward.export_records": is_ig_lead | is_comms_lead,
    # Staff posts: any member of staff checks and drafts; reviewing follows the organisation's approval steps.
    "steward.write_posts": is_staff_member | is_staff_role,
    # Administration.
    "steward.manage_users": is_admin,
    "steward.manage_packs": is_admin,
}

for _name, _predicate in PERMISSIONS.items():
    add_perm(_name, _predicate)
