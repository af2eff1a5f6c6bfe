"""Reply templates: fill their ``{placeholders}``, and refuse to send while any is unfilled.

Values come from the organisation's pack (organisation name, complaints/contact/urgent-care links), the item's
author (``author_name``) and whatever the moderator typed; typed values win. Templates are filled by plain
substitution: a placeholder is a bare name, never an expression, so nothing in a template or a value is evaluated.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass

from steward.errors import InvalidRequest, NotFound
from steward.policy import PolicyPack
from steward.server.inbox.models import Item, Organisation, ReplyTemplate

MAX_VALUE = 500
MAX_VALUES = 30


@dataclass(frozen=True, slots=True)
class Filled:
    text: str  # unfilled placeholders are left as ``{name}`` so a person sees them
    missing: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.missing


def placeholders(body: str) -> tuple[str, ...]:
    """The placeholder names of a template body, in order, each once."""
    return tuple(dict.fromkeys(name for _, name, _, _ in _parse(body) if name is not None))


def _parse(body: str) -> list[tuple[str, str | None, str | None, str | None]]:
    try:
        parts = list(string.Formatter().parse(body))
    except ValueError as exc:
        raise InvalidRequest(f"the template is malformed: {exc}") from None
    for _, name, spec, conversion in parts:
        if name is not None and (not name.isidentifier() or spec or conversion):
            raise InvalidRequest(f"the template has a placeholder that is not a plain name: {name!r}")
    return parts


def defaults(pack: PolicyPack, item: Item | None) -> dict[str, str]:
    """The values Steward knows without asking: from the pack, and the author's name when there is an item."""
    values = {
        "organisation": pack.organisation.name,
        "complaints_url": pack.contacts.complaints_url,
        "contact_url": pack.contacts.contact_url,
        "urgent_care_url": pack.contacts.urgent_care_url,
    }
    author = item.author if item is not None else None
    name = (author.display_name or author.handle) if author is not None else ""
    if name:
        values["author_name"] = name
    return values


def clean_values(values: Mapping[str, object] | None) -> dict[str, str]:
    """A moderator's placeholder values, checked: names are identifiers, values are short plain strings."""
    out: dict[str, str] = {}
    if not values:
        return out
    if len(values) > MAX_VALUES:
        raise InvalidRequest(f"too many placeholder values (at most {MAX_VALUES})")
    for key, value in values.items():
        if not isinstance(key, str) or not key.isidentifier() or len(key) > 50:
            raise InvalidRequest(f"placeholder name {str(key)[:50]!r} is not a plain name")
        if not isinstance(value, str):
            raise InvalidRequest(f"placeholder {key!r} must be text")
        if len(value) > MAX_VALUE or "\x00" in value:
            raise InvalidRequest(f"placeholder {key!r} is too long or holds a NUL character")
        if value.strip():
            out[key] = value.strip()
    return out


def fill(body: str, values: Mapping[str, str]) -> Filled:
    """Substitute every placeholder that has a non-empty value; list the rest as missing."""
    out: list[str] = []
    missing: list[str] = []
    for literal, name, _, _ in _parse(body):
        out.append(literal)
        if name is None:
            continue
        value = values.get(name, "")
        if value:
            out.append(value)
        else:
            out.append("{" + name + "}")
            if name not in missing:
                missing.append(name)
    return Filled("".join(out), tuple(missing))


def get_template(org: Organisation, key: str) -> ReplyTemplate:
    row = ReplyTemplate.objects.filter(organisation=org, key=key, active=True).first()
    if row is None:
        raise NotFound(f"no active reply template {key[:100]!r}")
    return row


def preview(template: ReplyTemplate, pack: PolicyPack, item: Item | None, values: Mapping[str, object]) -> Filled:
    """The template filled as far as possible (for the composer); ``missing`` names what is still unfilled."""
    return fill(template.body, {**defaults(pack, item), **clean_values(values)})


def ready_text(template: ReplyTemplate, pack: PolicyPack, item: Item | None, values: Mapping[str, object]) -> str:
    """The reply to send; ``InvalidRequest`` naming every unfilled placeholder if any is left."""
    filled = preview(template, pack, item, values)
    if filled.missing:
        names = ", ".join("{" + n + "}" for n in filled.missing)
        what = "placeholder" if len(filled.missing) == 1 else "placeholders"
        raise InvalidRequest(f"cannot send: {what} {names} not filled")
    return filled.text
