"""Policy packs: schema, loader and the organisation's calendar."""

from steward.policy.calendar import OrgCalendar
from steward.policy.loader import (
    DEFAULT_INBOUND,
    DEFAULT_OUTBOUND,
    bundled_packs,
    get_pack,
    load_pack,
    parse_pack,
)
from steward.policy.schema import Clause, PolicyPack, ReplyTemplate, Rule

__all__ = [
    "DEFAULT_INBOUND",
    "DEFAULT_OUTBOUND",
    "Clause",
    "OrgCalendar",
    "PolicyPack",
    "ReplyTemplate",
    "Rule",
    "bundled_packs",
    "get_pack",
    "load_pack",
    "parse_pack",
]
