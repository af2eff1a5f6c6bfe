"""`steward`: the command line. Each command is a few lines over the library; errors map to exit codes here."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from steward.errors import PolicyError, StewardError

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    help="Steward: keep social media within your organisation's written policy, citing the clause.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


def handles_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Map Steward's error hierarchy to a message and an exit code, in one place."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except PolicyError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}", markup=True)  # messages quote user input
            for problem in exc.problems:
                err.print(f"  {problem}", markup=False)
            raise typer.Exit(exc.exit_code) from None
        except StewardError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}", markup=True)  # messages quote user input
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def _register() -> None:
    from steward.cli import check, eval, policy, scan, service, train

    app.command("check")(handles_errors(check.check))
    app.command("scan")(handles_errors(scan.scan_command))
    app.command("eval")(handles_errors(eval.eval_command))
    app.add_typer(policy.app, name="policy", help="Validate and read policy packs.")
    policy.wrap(handles_errors)
    app.command(
        "admin",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
        help="Run a Django management command of the service (e.g. `steward admin migrate`).",
    )(_admin)
    app.command(
        "train",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
        help="Rebuild the learned models from ../shared/datasets (as `make models`; `steward train --help`).",
    )(handles_errors(train.train))
    service.register(app, handles_errors)


def _admin(ctx: typer.Context) -> None:
    from steward.server.bootstrap import manage

    manage(ctx.args)


_register()


def main() -> None:  # pragma: no cover - console entry point
    sys.exit(app())
