"""The Jinja2 environment for the web pages: Steward's templates first, then the NHS.UK frontend macros.

Autoescaping is always on. ``ChainableUndefined`` is what nhsuk-frontend-jinja expects (its macros read deep,
optional parameters such as ``params.search.input.placeholder``).
"""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from django.urls import reverse
from django.utils.timezone import localtime
from jinja2 import BaseLoader, ChainableUndefined, ChoiceLoader, Environment, PackageLoader

from steward.server.web import display


def _url(name: str, *args: object, **kwargs: object) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def _pair(value: str) -> tuple[str, str]:
    """A machine name as a (value, label) option: ``self_harm`` → ("self_harm", "self harm")."""
    return value, value.replace("_", " ")


def environment(**options: Any) -> Environment:
    own: BaseLoader | None = options.pop("loader", None)
    loaders: list[BaseLoader] = [own] if own is not None else []
    loaders.append(PackageLoader("nhsuk_frontend_jinja"))
    options["autoescape"] = True
    options["undefined"] = ChainableUndefined
    env = Environment(loader=ChoiceLoader(loaders), **options)
    env.globals.update({"static": static, "url": _url, "localtime": localtime})
    env.filters.update(display.FILTERS)
    env.filters["pair"] = _pair
    return env
