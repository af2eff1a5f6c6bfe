"""The governance API: audit log and export, API tokens, users and roles, policy pack versions."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from steward.server.accounts.models import ApiToken
from steward.server.api.audit import safe_cell
from steward.server.audit.chain import record
from steward.server.audit.models import AuditEvent
from steward.server.governance.models import PackVersion
from steward.server.governance.packs import active_version, upload

pytestmark = pytest.mark.django_db

Clients = Callable[[str], Client]
SURREY = (resources.files("steward") / "policies" / "surrey-heartlands-aus.yaml").read_text(encoding="utf-8")
NEW_SURREY = SURREY.replace('version: "2020-06"', 'version: "2099-01"', 1)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    """The users fixture hashes a password per role; the slow production hasher would dominate these tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _send(client: Client, method: str, path: str, body: object = None, content_type: str = "application/json") -> Any:
    if body is None:
        return getattr(client, method)(path)
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return getattr(client, method)(path, data=data, content_type=content_type)


def _path(template: str, users: dict[str, User], who: str) -> str:
    """Fill {own_token}, {user} and {pack} with real ids for the caller ``who``."""
    values: dict[str, object] = {}
    if "{own_token}" in template:
        values["own_token"] = ApiToken.issue(users[who], "to revoke")[0].pk
    if "{user}" in template:
        values["user"] = users["moderator"].pk
    if "{pack}" in template:  # a version not yet active, so activating it is a change
        values["pack"] = upload(NEW_SURREY, user=None, activate=False).pk
    return template.format(**values)


# (method, path, body, authorised role, its status, unauthorised role)
ENDPOINTS: list[tuple[str, str, object, str, int, str]] = [
    ("get", "/api/audit", None, "information_governance_lead", 200, "moderator"),
    ("get", "/api/audit?event=token.*&limit=5", None, "admin", 200, "communications_lead"),
    ("get", "/api/audit/export?format=csv", None, "information_governance_lead", 200, "communications_lead"),
    ("get", "/api/audit/export?format=json", None, "admin", 200, "safeguarding_lead"),
    ("get", "/api/audit/verify", None, "information_governance_lead", 200, "moderator"),
    ("post", "/api/tokens", {"name": "script"}, "moderator", 201, "nobody"),
    ("get", "/api/tokens", None, "communications_lead", 200, "nobody"),
    ("delete", "/api/tokens/{own_token}", None, "safeguarding_lead", 204, "nobody"),
    ("get", "/api/users", None, "admin", 200, "information_governance_lead"),
    ("get", "/api/users/{user}", None, "admin", 200, "moderator"),
    ("post", "/api/users", {"username": "newbie", "roles": ["moderator"]}, "admin", 201, "communications_lead"),
    ("patch", "/api/users/{user}", {"is_active": False}, "admin", 200, "safeguarding_lead"),
    ("get", "/api/roles", None, "admin", 200, "moderator"),
    ("get", "/api/packs", None, "moderator", 200, "nobody"),
    ("get", "/api/packs/{pack}", None, "information_governance_lead", 200, "nobody"),
    ("post", "/api/packs", NEW_SURREY, "admin", 201, "information_governance_lead"),
    ("post", "/api/packs/{pack}/activate", None, "admin", 200, "communications_lead"),
]


@pytest.mark.parametrize(("method", "template", "body", "allowed", "status", "denied"), ENDPOINTS)
def test_each_endpoint_admits_its_role_and_refuses_another(
    api_client: Clients,
    users: dict[str, User],
    method: str,
    template: str,
    body: object,
    allowed: str,
    status: int,
    denied: str,
) -> None:
    ctype = "application/yaml" if isinstance(body, str) else "application/json"
    refused = _send(api_client(denied), method, _path(template, users, denied), body, ctype)
    assert refused.status_code == 403, refused.content
    events_before = AuditEvent.objects.count()
    granted = _send(api_client(allowed), method, _path(template, users, allowed), body, ctype)
    assert granted.status_code == status, granted.content
    if method != "get" or "export" in template:  # every change, and every export, is audited
        assert AuditEvent.objects.count() > events_before


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/tokens"), ("post", "/api/tokens"), ("delete", "/api/tokens/1"), ("patch", "/api/users/1")],
)
def test_anonymous_and_bad_tokens_get_401(method: str, path: str, db: None) -> None:
    for headers in ({}, {"Authorization": "Bearer stw_not-a-real-token"}, {"Authorization": "Bearer " + "x" * 500}):
        assert _send(Client(headers=headers), method, path).status_code == 401


def test_a_revoked_token_stops_working(api_client: Clients) -> None:
    made = api_client("moderator").post("/api/tokens", {"name": "laptop"}, content_type="application/json").json()
    assert made["token"].startswith("stw_") and made["prefix"] == made["token"][:12]
    mine = Client(headers={"Authorization": f"Bearer {made['token']}"})
    listed = mine.get("/api/tokens").json()
    assert made["id"] in [t["id"] for t in listed]
    assert all("token" not in t and "key_hash" not in t for t in listed)  # the secret is shown once only
    assert mine.delete(f"/api/tokens/{made['id']}").status_code == 204
    assert mine.get("/api/tokens").status_code == 401
    assert AuditEvent.objects.filter(event="token.revoked", object_id=str(made["id"])).count() == 1


@pytest.mark.parametrize(("revoker", "status"), [("admin", 204), ("communications_lead", 404), ("moderator", 204)])
def test_only_the_owner_or_an_admin_revokes_a_token(
    api_client: Clients, users: dict[str, User], revoker: str, status: int
) -> None:
    row, secret = ApiToken.issue(users["moderator"], "owned by the moderator")
    assert api_client(revoker).delete(f"/api/tokens/{row.pk}").status_code == status
    still_works = Client(headers={"Authorization": f"Bearer {secret}"}).get("/api/tokens").status_code
    assert still_works == (200 if status == 404 else 401)


@pytest.mark.parametrize(
    ("name", "status"), [("ok", 201), ("", 422), ("   ", 422), ("x" * 101, 422), ("bad\x00name", 422), (7, 422)]
)
def test_token_names_are_checked(api_client: Clients, name: object, status: int) -> None:
    reply = api_client("moderator").post("/api/tokens", {"name": name}, content_type="application/json")
    assert reply.status_code == status


def test_token_creation_over_a_session_needs_csrf(users: dict[str, User]) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["moderator"])
    assert browser.post("/api/tokens", {"name": "x"}, content_type="application/json").status_code == 403
    browser.cookies["csrftoken"] = "a" * 32
    ok = browser.post("/api/tokens", {"name": "x"}, content_type="application/json", headers={"X-CSRFToken": "a" * 32})
    assert ok.status_code == 201


DANGEROUS = ['=HYPERLINK("http://evil")', "+SUM(1,1)", "-2+3", "@cmd", "\tTAB", "\rCR"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_cells_that_look_like_formulas_are_quoted(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["hello", "a=b", "", "'already", 42, None, "ok -1"])
def test_ordinary_csv_cells_are_unchanged(value: object) -> None:
    assert safe_cell(value) == value


def test_csv_export_neutralises_formula_injection(api_client: Clients) -> None:
    for text in DANGEROUS:
        record("item.hidden", actor=text, object_type="item", object_id=text[:60], reason=text, data={"t": text})
    reply = api_client("information_governance_lead").get("/api/audit/export?format=csv&event=item.hidden")
    assert reply["Content-Type"].startswith("text/csv") and "attachment" in reply["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(reply.streaming_content).decode("utf-8"), newline="")))
    assert len(rows) == len(DANGEROUS)
    for row, text in zip(rows, DANGEROUS, strict=True):
        assert row["actor"] == "'" + text and row["reason"] == "'" + text
        assert row["object_id"] == "'" + text[:60]
        assert json.loads(row["data"]) == {"t": text}  # JSON cells start with "{" and stay readable
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())


def test_json_export_streams_every_matching_event_and_is_audited(api_client: Clients) -> None:
    for n in range(5):
        record("test.event", actor="alice", object_type="item", object_id=str(n), data={"n": n})
    reply = api_client("information_governance_lead").get("/api/audit/export?format=json&actor=alice")
    events = json.loads(b"".join(reply.streaming_content))
    assert [e["data"]["n"] for e in events] == [0, 1, 2, 3, 4]
    exported = AuditEvent.objects.get(event="audit.exported")
    assert exported.actor == "information_governance_lead"
    assert exported.data == {"format": "json", "filters": {"actor": "alice"}}


def test_an_export_ends_with_its_own_record_and_a_refused_one_is_not_recorded(api_client: Clients) -> None:
    ig = api_client("information_governance_lead")
    assert ig.get("/api/audit/export?since=0001-01-01T00:00:00%2B14:00").status_code == 400
    assert not AuditEvent.objects.filter(event="audit.exported").exists()
    record("test.event")
    events = json.loads(b"".join(ig.get("/api/audit/export?format=json").streaming_content))
    assert [e["event"] for e in events][-2:] == ["test.event", "audit.exported"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("event=a.one", [1]),
        ("event=a.*", [1, 2]),
        ("actor=bob", [2, 3]),
        ("object_type=item&object_id=7", [3]),
        ("since=2024-02-01T00:00:00Z", [2, 3]),
        ("since=2024-02-01T00:00:00&until=2024-03-01T00:00:00Z", [2]),
        ("limit=1&offset=1", [2]),
        ("actor=nobody-at-all", []),
    ],
)
def test_audit_filters(api_client: Clients, query: str, expected: list[int]) -> None:
    from datetime import UTC, datetime

    record("a.one", actor="alice", at=datetime(2024, 1, 10, tzinfo=UTC))
    record("a.two", actor="bob", at=datetime(2024, 2, 10, tzinfo=UTC))
    record("b.three", actor="bob", object_type="item", object_id="7", at=datetime(2024, 3, 10, tzinfo=UTC))
    page = api_client("information_governance_lead").get(f"/api/audit?{query}").json()
    assert [e["seq"] for e in page["items"]] == expected


@pytest.mark.parametrize(
    "query",
    [
        "since=0001-01-01T00:00:00%2B14:00",
        "until=9999-12-31T23:59:59-14:00",
        "limit=0",
        "limit=501",
        "offset=-1",
        "event=a%00b",
        "actor=" + "x" * 151,
        "since=yesterday",
    ],
)
def test_hostile_audit_queries_are_refused_not_crashed(api_client: Clients, query: str) -> None:
    status = api_client("information_governance_lead").get(f"/api/audit?{query}").status_code
    assert status in (400, 422)


def test_verify_reports_a_tampered_event(api_client: Clients) -> None:
    for n in range(3):
        record("test.event", object_id=str(n))
    ig = api_client("information_governance_lead")
    assert ig.get("/api/audit/verify").json()["ok"] is True
    with connection.cursor() as cur:
        cur.execute("UPDATE audit_auditevent SET reason = 'edited' WHERE seq = 2")
    result = ig.get("/api/audit/verify").json()
    assert result["ok"] is False and result["broken_seq"] == 2 and "#2" in result["message"]


def test_users_are_created_with_roles_and_never_show_a_password(api_client: Clients) -> None:
    admin = api_client("admin")
    made = admin.post(
        "/api/users",
        {"username": "carol", "email": "carol@example.nhs.uk", "roles": ["moderator", "safeguarding_lead"]},
        content_type="application/json",
    )
    assert made.status_code == 201
    body = made.json()
    assert body["roles"] == ["moderator", "safeguarding_lead"] and len(body["initial_password"]) >= 20
    assert User.objects.get(username="carol").check_password(body["initial_password"])
    listing = admin.get("/api/users").content.decode()
    assert "pbkdf2" not in listing and "password" not in listing
    again = admin.post("/api/users", {"username": "CAROL"}, content_type="application/json")
    assert again.status_code == 409
    event = AuditEvent.objects.get(event="user.created")
    assert event.data["roles"] == ["moderator", "safeguarding_lead"] and "initial_password" not in str(event.data)


@pytest.mark.parametrize(
    "body",
    [
        {"username": "x", "roles": ["overlord"]},
        {"username": "<script>"},
        {"username": ""},
        {"username": "x", "email": "not-an-address"},
        {"username": "x", "password": "short"},
        {"username": "x", "first_name": "a\nb"},
    ],
)
def test_bad_user_bodies_are_refused(api_client: Clients, body: dict[str, object]) -> None:
    assert api_client("admin").post("/api/users", body, content_type="application/json").status_code == 422


def test_roles_change_and_deactivation_take_effect_and_are_audited(api_client: Clients, users: dict[str, User]) -> None:
    admin = api_client("admin")
    target = users["moderator"]
    _, secret = ApiToken.issue(target, "theirs")
    as_target = Client(headers={"Authorization": f"Bearer {secret}"})
    assert as_target.get("/api/audit").status_code == 403
    changed = admin.patch(
        f"/api/users/{target.pk}", {"roles": ["information_governance_lead"]}, content_type="application/json"
    )
    assert changed.json()["roles"] == ["information_governance_lead"]
    assert as_target.get("/api/audit").status_code == 200
    admin.patch(f"/api/users/{target.pk}", {"is_active": False}, content_type="application/json")
    assert as_target.get("/api/audit").status_code == 401
    changes = [e.data["changes"] for e in AuditEvent.objects.filter(event="user.updated")]
    assert changes == [
        {"roles": {"from": ["moderator"], "to": ["information_governance_lead"]}},
        {"is_active": {"from": True, "to": False}},
    ]


@pytest.mark.parametrize("body", [{"is_active": False}, {"roles": ["moderator"]}, {"roles": []}])
def test_an_admin_cannot_lock_themselves_out(api_client: Clients, users: dict[str, User], body: object) -> None:
    reply = api_client("admin").patch(f"/api/users/{users['admin'].pk}", body, content_type="application/json")
    assert reply.status_code == 409


@pytest.mark.parametrize("path", ["/api/users/999999", "/api/packs/999999", "/api/packs/999999/activate"])
def test_missing_rows_are_404(api_client: Clients, path: str) -> None:
    method = "post" if path.endswith("activate") else "get"
    assert getattr(api_client("admin"), method)(path).status_code == 404


def test_uploading_and_activating_a_pack_version(api_client: Clients) -> None:
    admin = api_client("admin")
    bundled = active_version("surrey-heartlands-aus")
    up = admin.post("/api/packs", NEW_SURREY, content_type="application/yaml")
    assert up.status_code == 201 and up.json()["version"] == "2099-01" and up.json()["active"] is False
    assert up.json()["uploaded_by"] == "admin"
    on = admin.post(f"/api/packs/{up.json()['id']}/activate")
    assert on.json()["active"] is True
    assert active_version("surrey-heartlands-aus").version == "2099-01"
    assert PackVersion.objects.get(pk=bundled.pk).active is False
    event = AuditEvent.objects.filter(event="pack.activated").last()
    assert event is not None and event.data["replaced"] == "2020-06" and event.actor == "admin"
    assert admin.post("/api/packs?activate=true", SURREY, content_type="text/plain").json()["active"] is True


@pytest.mark.parametrize(
    ("source", "problems"),
    [
        ("id: x\nversion: [1\n", ["upload.yaml:3: "]),
        ("id: x\nversion: 1\nfoo: 2\n", ["upload.yaml:2: version: ", "upload.yaml:3: foo: "]),
        ("- a\n- b\n", ["upload.yaml:1: "]),
        ("a: &x [1, 2]\nb: [*x, *x]\n", ["upload.yaml:2: *x: YAML aliases are not allowed"]),
        (SURREY.replace('version: "2020-06"', "version:\n  - nested", 1), ["upload.yaml:33: version: "]),
    ],
)
def test_a_broken_pack_is_refused_with_every_problem_and_its_line(
    api_client: Clients, source: str, problems: list[str]
) -> None:
    reply = api_client("admin").post("/api/packs", source, content_type="application/yaml")
    assert reply.status_code == 400
    listed = reply.json()["problems"]
    for expected in problems:
        assert any(p.startswith(expected) for p in listed), (expected, listed)
    assert not PackVersion.objects.filter(uploaded_by__isnull=False).exists()


@pytest.mark.parametrize(
    ("body", "status"),
    [(b"", 400), (b"   \n", 400), (b"\xff\xfe", 400), (b"a: " + b"x" * (600 * 1024), 413), (b"[" * 50_000, 400)],
)
def test_hostile_pack_bodies_are_refused(api_client: Clients, body: bytes, status: int) -> None:
    assert api_client("admin").post("/api/packs", body, content_type="application/yaml").status_code == status
