"""The Jinja2 environment for the web pages (autoescaping on; NHS.UK frontend macros added with issue 5)."""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import Environment


def environment(**options: Any) -> Environment:
    env = Environment(**options)
    env.globals.update({"static": static, "url": reverse})
    return env
