"""Schemathesis against the served OpenAPI schema, in process over WSGI: no operation ever answers 5xx.

Two passes with real bearer tokens (an administrator, who gets past every role check, and a moderator), each
checking for server errors, that responses match the documented content types and schemas. A third pass as a
signed-in user with no role checks that fuzzed input never gets a 2xx. Every test runs in its own rolled-back
database transaction, so destructive operations (revoking the caller's own token, deactivating users) are fine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from steward.server.accounts.models import ApiToken

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())

FUZZ = settings(
    max_examples=15,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    """The users fixture hashes a password per role; the slow production hasher would dominate these tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def same_connection() -> Iterator[None]:
    """Keep the test's database connection (and its transaction) across in-process requests, as Django's
    test client does: Django would otherwise close it when each request finishes."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _bearer(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user, 'schemathesis')[1]}"}


@pytest.fixture(params=["admin", "moderator"])
def staff_headers(request: pytest.FixtureRequest, users: dict[str, User], same_connection: None) -> dict[str, str]:
    return _bearer(users[request.param])


@pytest.fixture
def nobody_headers(users: dict[str, User], same_connection: None) -> dict[str, str]:
    return _bearer(users["nobody"])


# The governance routes are also held to their documented content types and response schemas.
STRICT_PREFIXES = ("/api/audit", "/api/tokens", "/api/users", "/api/roles", "/api/packs")


@schema.parametrize()
@FUZZ
def test_no_server_errors_for_staff(case: schemathesis.Case, staff_headers: dict[str, str]) -> None:
    strict = case.operation.path.startswith(STRICT_PREFIXES)
    extra = [content_type_conformance, response_schema_conformance] if strict else []
    case.call_and_validate(headers=staff_headers, checks=[not_a_server_error, *extra])


@schemathesis.check
def refused_without_a_role(ctx: Any, response: schemathesis.Response, case: schemathesis.Case) -> bool | None:
    if 200 <= response.status_code < 300:
        raise AssertionError(f"a user with no role got {response.status_code} from {case.method} {case.path}")
    return None


@schema.parametrize()
@settings(FUZZ, max_examples=5)
def test_no_server_errors_and_no_access_without_a_role(case: schemathesis.Case, nobody_headers: dict[str, str]) -> None:
    case.call_and_validate(headers=nobody_headers, checks=[not_a_server_error, refused_without_a_role])
