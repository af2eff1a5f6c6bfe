"""Every router of the API, with its URL prefix. Add a domain's router here."""

from __future__ import annotations

from ninja import Router

ROUTERS: list[tuple[str, Router]] = []


def _outbound() -> None:
    from steward.server.api.outbound import router

    ROUTERS.append(("/", router))


_outbound()


def _governance() -> None:
    from steward.server.api import admin, audit, tokens

    ROUTERS.extend([("/audit", audit.router), ("/tokens", tokens.router), ("/", admin.router)])


_governance()


def _workflow() -> None:
    from steward.server.api import authors, templates, workflow

    ROUTERS.extend([("/", workflow.router), ("/", templates.router), ("/authors", authors.router)])


_workflow()


def _items() -> None:
    from steward.server.api import items

    ROUTERS.append(("/items", items.router))


_items()
