"""`steward check "TEXT"`: one decision, with the evidence highlighted and each clause quoted.

For a staff draft ("Can I post this?": ``--direction outbound``, implied by ``--account``) the account, profile,
amended original and consent go into ``ContentItem.extra`` for the outbound checks, and the suggested fixes are
listed under the decision.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Annotated

import typer
from rich.console import Console, Group, RenderableType
from rich.text import Text

from steward.cli.render import decision_panel
from steward.content import Author, ContentItem, Decision, Direction
from steward.errors import InputError
from steward.policy import DEFAULT_INBOUND, DEFAULT_OUTBOUND, get_pack


class Account(StrEnum):
    """Which account a staff draft would be posted from."""

    PERSONAL = "personal"
    CORPORATE = "corporate"


def _when(at: str | None) -> datetime | None:
    if at is None:
        return None
    try:
        return datetime.fromisoformat(at)
    except ValueError:
        raise InputError(f"--at {at!r} is not an ISO 8601 date and time (e.g. 2024-06-10T14:30)") from None


def _staff_extra(account: Account | None, profile: str | None, amends: str | None, consent: bool) -> Mapping[str, str]:
    extra = {"account": account.value} if account else {}
    extra |= {k: v for k, v in (("profile", profile), ("amends", amends)) if v}
    if consent:
        extra["consent"] = "recorded"
    return MappingProxyType(extra)


def fixes_panel(decision: Decision) -> RenderableType | None:
    """The suggested fixes for what the decision acts on, each once, in the order found; None when there are none."""
    acted = set(decision.categories)
    seen: dict[str, str] = {}
    for f in decision.findings:
        if f.category in acted and f.fix and f.fix not in seen:
            seen[f.fix] = f.category
    if not seen:
        return None
    lines: list[RenderableType] = [Text("How to fix it:", style="bold")]
    # Text, never markup: fixes quote the draft, and the draft is whatever the user pasted.
    lines += [Text(f"  • [{category}] {fix}") for fix, category in seen.items()]
    return Group(*lines)


def check(
    text: Annotated[str, typer.Argument(help="The comment or draft to check")],
    policy: Annotated[str | None, typer.Option(help="Pack id or path (default depends on --direction)")] = None,
    post: Annotated[str | None, typer.Option(help="Text of the post this replies to")] = None,
    author: Annotated[str | None, typer.Option(help="Author's display name")] = None,
    handle: Annotated[str | None, typer.Option(help="Author's handle")] = None,
    platform: Annotated[str, typer.Option(help="facebook, x, instagram, youtube, linkedin, tiktok")] = "generic",
    at: Annotated[str | None, typer.Option(help="When it was posted (ISO 8601); decides pre-election rules")] = None,
    direction: Annotated[
        Direction | None,
        typer.Option(help="inbound (public comment) or outbound (staff draft); --account implies outbound"),
    ] = None,
    account: Annotated[
        Account | None, typer.Option(help="Staff draft: the account it would be posted from (personal, corporate)")
    ] = None,
    profile: Annotated[str | None, typer.Option(help="Staff draft: the account's profile text (bio)")] = None,
    amends: Annotated[
        str | None, typer.Option(help="Staff draft: the published post (text or id) this draft amends")
    ] = None,
    consent: Annotated[
        bool, typer.Option("--consent", help="Staff draft: the people shown or named gave permission (recorded)")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scan contract JSON")] = False,
    tier: Annotated[
        str | None, typer.Option(help="deterministic, fast or accurate (default: $STEWARD_TIER or accurate)")
    ] = None,
    mask: Annotated[bool, typer.Option(help="Mask personal data in the output")] = False,
) -> None:
    """Check one comment, or a staff draft ("can I post this?"), against a policy pack."""
    from steward.pipeline import Pipeline  # loads every detector: only when a check actually runs

    staff = account is not None or profile is not None or amends is not None or consent
    if direction is None:
        direction = Direction.OUTBOUND if staff else Direction.INBOUND
    elif staff and direction is Direction.INBOUND:
        raise InputError("--account, --profile, --amends and --consent describe staff drafts: use --direction outbound")
    pack = get_pack(policy or (DEFAULT_INBOUND if direction is Direction.INBOUND else DEFAULT_OUTBOUND))
    who = Author(display_name=author, handle=handle) if author or handle else None
    item = ContentItem(
        id="cli",
        text=text,
        platform=platform,
        author=who,
        post=post,
        created_at=_when(at),
        direction=direction,
        extra=_staff_extra(account, profile, amends, consent),
    )
    decision = Pipeline(pack, tier=tier).check(item)
    if as_json:
        typer.echo(json.dumps(decision.as_contract(), ensure_ascii=False))
        return
    console = Console(highlight=False)
    console.print(decision_panel(item, decision, mask=mask))
    fixes = fixes_panel(decision)
    if fixes is not None:
        console.print(fixes)
