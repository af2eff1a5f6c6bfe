"""The roles, as Django groups: staff member plus the five of the moderation service. A user may hold several;
admin implies every other role's reach."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    # Any member of staff who checks or drafts posts (issue 6); holds no moderation rights.
    STAFF = "staff"
    MODERATOR = "moderator"
    COMMS_LEAD = "communications_lead"
    SAFEGUARDING_LEAD = "safeguarding_lead"
    IG_LEAD = "information_governance_lead"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {
            Role.STAFF: "Staff member",
            Role.MODERATOR: "Moderator",
            Role.COMMS_LEAD: "Communications lead",
            Role.SAFEGUARDING_LEAD: "Safeguarding lead",
            Role.IG_LEAD: "Information governance lead",
            Role.ADMIN: "Administrator",
        }[self]


ALL_ROLES: tuple[Role, ...] = tuple(Role)
