"""Every router of the API, with its URL prefix. Add a domain's router here."""

from __future__ import annotations

from ninja import Router

ROUTERS: list[tuple[str, Router]] = []
