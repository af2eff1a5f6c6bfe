"""Steward's error hierarchy mapped to HTTP status codes, once, for the API and the web pages."""

from __future__ import annotations

from steward.errors import InputError, NotFound, PermissionDenied, PolicyError, StewardError


def status_for(exc: StewardError) -> int:
    if isinstance(exc, PermissionDenied):
        return 403
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, InputError | PolicyError):
        return 400
    return 409  # ConflictError, and any other state clash
