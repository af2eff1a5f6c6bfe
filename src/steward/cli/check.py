"""`steward check "TEXT"`: one decision, with the evidence highlighted and each clause quoted."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console

from steward.cli.render import decision_panel
from steward.content import Author, ContentItem, Direction
from steward.errors import InputError
from steward.policy import DEFAULT_INBOUND, DEFAULT_OUTBOUND, get_pack


def _when(at: str | None) -> datetime | None:
    if at is None:
        return None
    try:
        return datetime.fromisoformat(at)
    except ValueError:
        raise InputError(f"--at {at!r} is not an ISO 8601 date and time (e.g. 2024-06-10T14:30)") from None


def check(
    text: Annotated[str, typer.Argument(help="The comment or draft to check")],
    policy: Annotated[str | None, typer.Option(help="Pack id or path (default depends on --direction)")] = None,
    post: Annotated[str | None, typer.Option(help="Text of the post this replies to")] = None,
    author: Annotated[str | None, typer.Option(help="Author's display name")] = None,
    handle: Annotated[str | None, typer.Option(help="Author's handle")] = None,
    platform: Annotated[str, typer.Option(help="facebook, x, instagram, youtube, linkedin, tiktok")] = "generic",
    at: Annotated[str | None, typer.Option(help="When it was posted (ISO 8601); decides pre-election rules")] = None,
    direction: Annotated[
        Direction, typer.Option(help="inbound (public) or outbound (staff draft)")
    ] = Direction.INBOUND,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scan contract JSON")] = False,
    mask: Annotated[bool, typer.Option(help="Mask personal data in the output")] = False,
) -> None:
    """Check one comment or draft against a policy pack."""
    from steward.pipeline import Pipeline  # loads every detector: only when a check actually runs

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
    )
    decision = Pipeline(pack).check(item)
    if as_json:
        typer.echo(json.dumps(decision.as_contract(), ensure_ascii=False))
        return
    Console(highlight=False).print(decision_panel(item, decision, mask=mask))
