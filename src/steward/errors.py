"""One error hierarchy for Steward. The CLI maps these to exit codes in one place (cli/main.py)."""

from __future__ import annotations

from dataclasses import dataclass


class StewardError(Exception):
    """Base of every error Steward raises on purpose."""

    exit_code = 1


class PolicyError(StewardError):
    """A policy pack could not be loaded or is invalid. ``problems`` lists every error with file:line."""

    exit_code = 2

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class PolicyNotFound(PolicyError):
    pass


class InputError(StewardError):
    """An input file could not be opened or its format recognised at all."""

    exit_code = 3


@dataclass(frozen=True, slots=True)
class RecordError:
    """One input record that could not be read. Reported with its location; the run carries on."""

    source: str
    line: int
    message: str
    record_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}"
        ident = f" (id {self.record_id})" if self.record_id else ""
        return f"{where}{ident}: {self.message}"


class PermissionDenied(StewardError):
    """The user's role does not allow this (HTTP 403)."""

    exit_code = 4


class ConflictError(StewardError):
    """The action conflicts with the object's state: claimed by someone else, already published… (HTTP 409)."""

    exit_code = 5


class NotFound(StewardError):
    """No such object, or none the user may see (HTTP 404)."""

    exit_code = 6


class InvalidRequest(InputError):
    """A workflow request is incomplete or invalid: a reason missing, a placeholder unfilled, an unknown clause."""
