"""Roles on every route: walks every operation of the NinjaAPI's OpenAPI schema, so routes added later are covered.

Anonymous callers get 401 everywhere. A signed-in user with no role ("nobody") is refused everywhere (401, 403
or 404), never served (2xx) and never a crash (5xx). Each request is schema-valid (path, required query
parameters and a minimal body built from the schema), so a refusal is the role check and not input validation.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from steward.server.api import api

SCHEMA: dict[str, Any] = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/")))
METHODS = ("get", "post", "put", "patch", "delete")
OPERATIONS: list[tuple[str, str, dict[str, Any]]] = [
    (method, path, op) for path, item in SCHEMA["paths"].items() for method, op in item.items() if method in METHODS
]
IDS = [f"{method.upper()} {path}" for method, path, _ in OPERATIONS]
_FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05",
    "email": "someone@example.nhs.uk",
    "uri": "https://example.org/x",
    "uuid": "00000000-0000-4000-8000-000000000001",
    "binary": "x",
}


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    """The users fixture hashes a password per role; the slow production hasher would dominate these tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = SCHEMA["components"]["schemas"][name]
    return schema


def example(schema: dict[str, Any], depth: int = 0) -> Any:
    """A minimal instance of a JSON schema: required properties only, smallest allowed sizes."""
    schema = _resolve(schema)
    if depth > 12:
        return None
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [_resolve(s) for s in schema[key]]
            chosen = next((s for s in options if s.get("type") != "null"), options[0])
            return example(chosen, depth + 1)
    if "allOf" in schema:
        return example(schema["allOf"][0], depth + 1)
    kind = schema.get("type", "object")
    if kind == "string":
        text = _FORMATS.get(schema.get("format", ""), "x")
        return text * max(1, -(-int(schema.get("minLength", 1)) // len(text)))
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1)
        return max(1, low)
    if kind == "boolean":
        return False
    if kind == "array":
        return [example(schema.get("items", {}), depth + 1) for _ in range(int(schema.get("minItems", 0)))]
    props = schema.get("properties", {})
    return {name: example(props.get(name, {}), depth + 1) for name in schema.get("required", [])}


def _request(client: Client, method: str, path: str, op: dict[str, Any]) -> Any:
    url = path
    query: dict[str, str] = {}
    for param in op.get("parameters", []):
        value = example(param.get("schema", {}))
        if param["in"] == "path":
            url = url.replace("{" + param["name"] + "}", str(value))
        elif param["in"] == "query" and param.get("required"):
            query[param["name"]] = json.dumps(value).lower() if isinstance(value, bool) else str(value)
    assert not re.search(r"{\w+}", url), f"unfilled path parameter in {url}"
    if query:
        url += "?" + urlencode(query)
    content = op.get("requestBody", {}).get("content", {})
    if not content:
        return getattr(client, method)(url)
    if "application/json" in content:
        body = json.dumps(example(content["application/json"]["schema"]))
        return getattr(client, method)(url, data=body, content_type="application/json")
    if "multipart/form-data" in content:
        form = example(content["multipart/form-data"]["schema"])
        props = _resolve(content["multipart/form-data"]["schema"]).get("properties", {})
        for name in list(form):
            if _resolve(props.get(name, {})).get("format") == "binary":
                form[name] = SimpleUploadedFile(f"{name}.txt", b"x")
            elif not isinstance(form[name], str):
                form[name] = json.dumps(form[name])
        return getattr(client, method)(url, data=form)
    ctype = next(iter(content))
    return getattr(client, method)(url, data="x", content_type=ctype)


def test_routes_are_discovered() -> None:
    paths = {path for _, path, _ in OPERATIONS}
    assert {"/api/audit", "/api/audit/export", "/api/tokens", "/api/users", "/api/packs"} <= paths
    assert len(OPERATIONS) >= 15


@pytest.mark.django_db
def test_the_schema_and_the_docs_are_served() -> None:
    served = Client().get("/api/openapi.json")
    assert served.status_code == 200 and served["Content-Type"].startswith("application/json")
    assert set(served.json()["paths"]) == set(SCHEMA["paths"])
    docs = Client().get("/api/docs")
    assert docs.status_code == 200 and b"openapi.json" in docs.content


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=IDS)
def test_anonymous_callers_get_401(method: str, path: str, op: dict[str, Any]) -> None:
    reply = _request(Client(), method, path, op)
    assert reply.status_code == 401, reply.content[:500]


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=IDS)
def test_an_anonymous_browser_is_refused(method: str, path: str, op: dict[str, Any]) -> None:
    # With CSRF enforced, an unsafe request without a CSRF token may be refused by the CSRF check first (403).
    reply = _request(Client(enforce_csrf_checks=True), method, path, op)
    assert reply.status_code in ((401,) if method == "get" else (401, 403)), reply.content[:500]


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=IDS)
def test_a_user_without_a_role_is_refused(api_client: Any, method: str, path: str, op: dict[str, Any]) -> None:
    reply = _request(api_client("nobody"), method, path, op)
    assert reply.status_code in (401, 403, 404), (reply.status_code, reply.content[:500])


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=IDS)
def test_every_operation_declares_bearer_auth(method: str, path: str, op: dict[str, Any]) -> None:
    assert {"TokenAuth": []} in op.get("security", []), f"{method.upper()} {path} is not behind authentication"
