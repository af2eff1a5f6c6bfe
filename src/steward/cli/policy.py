"""`steward policy validate|show|clauses`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from steward.policy import bundled_packs, get_pack, load_pack

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


def validate(path: Annotated[Path, typer.Argument(help="A policy pack YAML file")]) -> None:
    """Validate a pack; every problem is listed with file:line, and the exit code is non-zero."""
    pack = load_pack(path)
    out.print(Text(f"{path}: valid — {pack.id} {pack.version}: {len(pack.clauses)} clauses, {len(pack.rules)} rules"))


def show(pack_id: Annotated[str, typer.Argument(metavar="ID", help="Pack id or path")]) -> None:
    """Show a pack's settings and rules."""
    pack = get_pack(pack_id)
    h = pack.monitored_hours
    facts = Table(box=None, show_header=False)
    rows = [
        ("policy", f"{pack.id} {pack.version} ({pack.direction.value})"),
        ("title", pack.title),
        ("source", pack.source),
        ("organisation", pack.organisation.name),
        ("timezone", pack.timezone),
        (
            "monitored",
            f"{', '.join(h.days)} {h.start:%H:%M}-{h.end:%H:%M}"
            + (f", except {h.bank_holiday_region} bank holidays" if h.exclude_bank_holidays else ""),
        ),
        ("response target", f"{h.response_target_minutes} monitored minutes"),
        ("complaints", pack.contacts.complaints_url),
        ("contact", pack.contacts.contact_url),
        (
            "sanctions",
            f"warn at {pack.sanctions.warn_at}, hide all at {pack.sanctions.hide_all_at}, "
            f"block at {pack.sanctions.block_at} strikes within {pack.sanctions.strike_window_days} days",
        ),
    ]
    rows += [("pre-election", f"{p.name}: {p.start} to {p.end}") for p in pack.pre_election_periods]
    rows += [("reply template", f"{name}: {t.title}") for name, t in pack.reply_templates.items()]
    for k, v in rows:
        facts.add_row(Text(k, style="bold"), Text(v))
    out.print(facts)
    rules = Table("rule", "categories", "min", "action", "clauses", "when", title="Rules")
    for r in pack.rules:
        when = ", ".join(f"{k}={v}" for k, v in r.when.model_dump(exclude_defaults=True).items())
        cells = (
            r.id,
            ", ".join(c.value for c in r.categories),
            f"{r.min_score:.2f}",
            r.action.value,
            ", ".join(r.clauses),
            when,
        )
        rules.add_row(*(Text(c) for c in cells))
    out.print(rules)


def clauses(pack_id: Annotated[str, typer.Argument(metavar="ID", help="Pack id or path")]) -> None:
    """List every clause of a pack, verbatim."""
    pack = get_pack(pack_id)
    table = Table("id", "section", "text", title=f"{pack.title} ({len(pack.clauses)} clauses)", show_lines=True)
    for c in pack.clauses:
        label = c.id if not c.ref or c.ref == c.id else f"{c.id} (printed {c.ref})"
        table.add_row(Text(label), Text(c.section), Text(c.text))
    out.print(table)


def list_packs() -> None:
    """List the bundled packs."""
    for pack in bundled_packs().values():
        out.print(Text(f"{pack.id}\t{pack.version}\t{pack.direction.value}\t{pack.title}"))


def wrap(decorate: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    for name, fn in (("validate", validate), ("show", show), ("clauses", clauses), ("list", list_packs)):
        app.command(name)(decorate(fn))
