"""The REST API (django-ninja). OpenAPI at /api/openapi.json, docs at /api/docs.

Every endpoint needs a signed-in session (with CSRF) or ``Authorization: Bearer <token>``; each router checks
the role it needs through ``steward.server.api.auth.require``.
"""

from __future__ import annotations

from steward.server.api.app import api

__all__ = ["api"]
