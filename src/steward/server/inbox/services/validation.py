"""Checks on what a person types into a workflow request: lengths, NUL characters, clause ids that exist."""

from __future__ import annotations

from collections.abc import Iterable

from steward.errors import InvalidRequest
from steward.policy import PolicyPack

MAX_REASON = 2000
MAX_NOTE = 5000
MAX_CLAUSES = 20


def optional_text(value: str | None, field: str, limit: int = MAX_REASON) -> str:
    """The text stripped; '' when absent. Too long or holding a NUL character is refused."""
    text = (value or "").strip()
    if len(text) > limit:
        raise InvalidRequest(f"{field} is too long (at most {limit} characters)")
    if "\x00" in text:
        raise InvalidRequest(f"{field} holds a NUL character")
    return text


def required_text(value: str | None, field: str, limit: int = MAX_REASON) -> str:
    text = optional_text(value, field, limit)
    if not text:
        raise InvalidRequest(f"a {field} is required")
    return text


def clause_list(clause_ids: Iterable[str] | None, pack: PolicyPack, *, required: bool = False) -> list[str]:
    """Clause ids checked against the pack (each once, in the order given)."""
    ids = list(dict.fromkeys(str(c).strip() for c in (clause_ids or ()) if str(c).strip()))
    if len(ids) > MAX_CLAUSES:
        raise InvalidRequest(f"too many clauses (at most {MAX_CLAUSES})")
    known = {c.id for c in pack.clauses}
    unknown = [c for c in ids if c not in known]
    if unknown:
        shown = ", ".join(repr(c[:40]) for c in unknown[:5])
        raise InvalidRequest(f"unknown clause {shown} in policy {pack.id}")
    if required and not ids:
        raise InvalidRequest("name the clauses breached")
    return ids
