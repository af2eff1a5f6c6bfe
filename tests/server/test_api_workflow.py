"""The workflow and authors API: every endpoint with an authorised and an unauthorised role, what each role may
see, masked personal data, and the service layer's refusals mapped to HTTP."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from steward.server.inbox.models import Author, Channel, Item, Strike
from steward.server.inbox.services import claims
from tests.server.factories import TEXTS, make_author, make_item

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 8, 24, 9, 30, tzinfo=LONDON)


@pytest.fixture
def world(facebook: Channel, users: dict[str, Any]) -> dict[str, Any]:
    """An item per outcome (received Monday 09:30) and an author with two strikes."""
    with time_machine.travel(MONDAY, tick=False):
        made: dict[str, Any] = {key: make_item(facebook, TEXTS[key]) for key in ("phone", "self_harm", "political")}
        troll = make_author(facebook, "troll")
        made["abuse"] = make_item(facebook, TEXTS["abuse"], author=troll)
        make_item(facebook, TEXTS["commercial"], author=troll)
    made["troll"] = troll
    return made


def _post(client: Client, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(url, data=json.dumps(body or {}), content_type="application/json")


def _prepare(case: str, world: dict[str, Any], users: dict[str, Any]) -> None:
    if case == "release":
        claims.claim(users["moderator"], world["political"].pk)
    if case == "unblock":
        Author.objects.filter(pk=world["troll"].pk).update(blocked=True, blocked_reason="x", blocked_clauses=["1.4"])


ENDPOINTS = [
    # case, method, url, body, a role allowed, a role refused
    ("counts", "get", "/api/queues", None, "moderator", "nobody"),
    ("list", "get", "/api/queues/needs_review/items?limit=5", None, "information_governance_lead", "nobody"),
    ("claim", "post", "/api/items/{political}/claim", {}, "moderator", "information_governance_lead"),
    ("release", "post", "/api/items/{political}/release", {}, "moderator", "information_governance_lead"),
    ("act", "post", "/api/items/{political}/actions", {"kind": "approve"}, "communications_lead", "nobody"),
    (
        "act",
        "post",
        "/api/items/{political}/actions",
        {"kind": "note", "note": "x"},
        "moderator",
        "information_governance_lead",
    ),
    ("templates", "get", "/api/templates", None, "information_governance_lead", "nobody"),
    ("preview", "post", "/api/templates/privacy/preview", {"item_id": "{phone}"}, "moderator", "nobody"),
    ("author", "get", "/api/authors/{troll}", None, "moderator", "nobody"),
    (
        "block",
        "post",
        "/api/authors/{troll}/block",
        {"reason": "abuse", "clause_ids": ["1.4"]},
        "moderator",
        "safeguarding_lead",
    ),
    (
        "unblock",
        "post",
        "/api/authors/{troll}/unblock",
        {"reason": "sorry"},
        "communications_lead",
        "information_governance_lead",
    ),
    (
        "block_item",
        "post",
        "/api/items/{abuse}/actions",
        {"kind": "block", "reason": "r", "clause_ids": ["1.4"]},
        "moderator",
        "safeguarding_lead",
    ),
]


def _fill(template: str, world: dict[str, Any]) -> str:
    for key in ("political", "phone", "abuse", "troll"):
        template = template.replace("{" + key + "}", str(world[key].pk))
    return template


@pytest.mark.parametrize(("case", "method", "url", "body", "allowed", "refused"), ENDPOINTS)
def test_every_endpoint_for_an_authorised_and_an_unauthorised_role(
    world: dict[str, Any],
    users: dict[str, Any],
    api_client: Callable[[str], Client],
    case: str,
    method: str,
    url: str,
    body: dict[str, Any] | None,
    allowed: str,
    refused: str,
) -> None:
    _prepare(case, world, users)
    path = _fill(url, world)
    payload = {k: world[v[1:-1]].pk if v in ("{phone}",) else v for k, v in (body or {}).items()}
    before = Item.objects.values_list("pk", "queue", "visibility", "claimed_by").order_by("pk")
    calls = {
        "get": lambda c: c.get(path),
        "post": lambda c: _post(c, path, payload),
    }
    denied = calls[method](api_client(refused))
    assert denied.status_code == 403, denied.content
    assert list(before) == list(Item.objects.values_list("pk", "queue", "visibility", "claimed_by").order_by("pk"))
    assert calls[method](Client()).status_code == 401  # no token at all
    ok = calls[method](api_client(allowed))
    assert ok.status_code == 200, ok.content


def test_listing_masks_personal_data_and_shows_the_clock(
    world: dict[str, Any], api_client: Callable[[str], Client]
) -> None:
    with time_machine.travel(MONDAY + timedelta(minutes=10), tick=False):
        body = api_client("moderator").get("/api/queues/auto_hidden/items").json()
    rows = {row["id"]: row for row in body["items"]}
    phone = rows[world["phone"].pk]
    assert "07911" not in json.dumps(body) and phone["excerpt"] == "Call me on [a phone number]"
    assert phone["due"] == "due in 50 working minutes" and phone["overdue"] is False
    assert phone["decision"]["clause_ids"] == ["1.1", "3.p2"] and phone["author"]["handle"] == "bob"
    assert body["total"] == 3 and body["items"][0]["id"] == world["phone"].pk


@pytest.mark.parametrize(
    ("role", "sees"), [("moderator", False), ("communications_lead", False), ("safeguarding_lead", True)]
)
def test_safeguarding_is_invisible_without_the_role(
    world: dict[str, Any], api_client: Callable[[str], Client], role: str, sees: bool
) -> None:
    client = api_client(role)
    counts = {c["queue"]: c["count"] for c in client.get("/api/queues").json()}
    assert counts["safeguarding"] == (1 if sees else 0)
    listed = client.get("/api/queues/safeguarding/items").json()
    assert [r["id"] for r in listed["items"]] == ([world["self_harm"].pk] if sees else [])
    item = world["self_harm"].pk
    assert _post(client, f"/api/items/{item}/claim").status_code == (200 if sees else 404)
    history = client.get(f"/api/authors/{world['self_harm'].author_id}").json()
    assert (item in [i["id"] for i in history["items"]]) is sees
    assert "kill myself" not in json.dumps(history)


def test_actions_over_the_api(world: dict[str, Any], api_client: Callable[[str], Client]) -> None:
    moderator, lead = api_client("moderator"), api_client("communications_lead")
    item = world["abuse"].pk
    assert _post(moderator, f"/api/items/{item}/claim").json()["claimed_by"] == "moderator"
    taken = _post(lead, f"/api/items/{item}/actions", {"kind": "hide"})
    assert taken.status_code == 409 and "claimed by moderator" in taken.json()["detail"]
    done = _post(moderator, f"/api/items/{item}/actions", {"kind": "restore", "reason": "banter"})
    assert done.status_code == 200
    out = done.json()
    assert out["kind"] == "restore" and out["item"]["queue"] == "done" and out["item"]["claimed_by"] is None
    assert Strike.objects.get(item_id=item).overturned_at is not None
    with time_machine.travel(MONDAY + timedelta(days=1), tick=False):  # the strikes are inside the window
        history = moderator.get(f"/api/authors/{world['troll'].pk}").json()
    assert history["standing_strikes"] == 1 and history["sanction"]["recommended"] == "warn"
    assert history["breaches"]["1.7"] == 1 and "1.4" not in history["breaches"]


REFUSALS = [
    # url                                             body                                              status  detail
    ("/api/items/{complaint}/actions", {"kind": "redirect", "template": "ward"}, 400, "{ward}"),
    ("/api/items/{complaint}/actions", {"kind": "redirect", "template": "nope"}, 404, "no active reply template"),
    ("/api/items/{complaint}/actions", {"kind": "restore"}, 400, "reason is required"),
    ("/api/items/{complaint}/actions", {"kind": "hide", "clause_ids": ["99"]}, 400, "unknown clause"),
    ("/api/items/{complaint}/actions", {"kind": "hide", "reason": "a\u0000b"}, 400, "NUL"),
    ("/api/items/{complaint}/actions", {"kind": "explode"}, 422, ""),
    ("/api/items/{complaint}/actions", {"kind": "note", "placeholders": {"a": 1}}, 422, ""),
    ("/api/items/{complaint}/actions", {"kind": "acknowledge"}, 403, "safeguarding lead"),
    ("/api/items/999999/actions", {"kind": "approve"}, 404, "no item"),
    ("/api/items/99999999999999999999999/actions", {"kind": "approve"}, 422, ""),
    ("/api/items/0/claim", {}, 422, ""),
    ("/api/items/{complaint}/release", {}, 409, "not claimed"),
    ("/api/authors/{author}/block", {"reason": "x", "clause_ids": []}, 400, "clauses breached"),
    ("/api/authors/{author}/block", {"reason": "", "clause_ids": ["1.4"]}, 400, "reason is required"),
    ("/api/authors/{author}/unblock", {"reason": "x"}, 409, "not blocked"),
    ("/api/authors/999999/block", {"reason": "x", "clause_ids": ["1.4"]}, 404, "no author"),
    ("/api/templates/ward/preview", {"item_id": 999999}, 404, "no item"),
    ("/api/templates/nope/preview", {}, 404, "no active reply template"),
]


@pytest.mark.parametrize(("url", "body", "status", "detail"), REFUSALS)
def test_refusals_map_to_http(
    facebook: Channel,
    org: Any,
    api_client: Callable[[str], Client],
    url: str,
    body: dict[str, Any],
    status: int,
    detail: str,
) -> None:
    org.templates.create(key="ward", name="Ward", body="Hello {author_name}, call {ward}.")
    complaint = make_item(facebook, TEXTS["complaint"])
    path = url.replace("{complaint}", str(complaint.pk)).replace("{author}", str(complaint.author_id))
    response = _post(api_client("moderator"), path, body)
    assert response.status_code == status, response.content
    assert detail in response.content.decode()


BAD_QUERIES = [
    ("/api/queues/inbox/items", 422),
    ("/api/queues/needs_review/items?category=nonsense", 400),
    ("/api/queues/needs_review/items?clause=1%25", 400),
    ("/api/queues/needs_review/items?channel=a%00b", 422),
    ("/api/queues/needs_review/items?older_than=-5", 422),
    ("/api/queues/needs_review/items?limit=0", 422),
    ("/api/queues/needs_review/items?limit=201", 422),
    ("/api/queues/needs_review/items?received_before=0001-01-01T00:00:00", 200),
    ("/api/queues/needs_review/items?received_before=0001-01-01T00:00:00%2B14:00", 400),  # before year 1 in UTC
    ("/api/queues/needs_review/items?received_before=9999-12-31T23:59:59%2B14:00", 200),
    ("/api/queues/needs_review/items?received_before=2026-08-24T09:31&older_than=0&author=@bob", 200),
]


@pytest.mark.parametrize(("url", "status"), BAD_QUERIES)
def test_hostile_queries_are_refused_cleanly(
    world: dict[str, Any], api_client: Callable[[str], Client], url: str, status: int
) -> None:
    assert api_client("moderator").get(url).status_code == status


def test_templates_and_preview(world: dict[str, Any], api_client: Callable[[str], Client]) -> None:
    client = api_client("moderator")
    listed = {t["key"]: t for t in client.get("/api/templates").json()}
    assert listed["complaint_redirect"]["placeholders"] == ["author_name", "complaints_url", "organisation"]
    assert set(listed["complaint_redirect"]["filled_by_steward"]) == {"author_name", "complaints_url", "organisation"}
    filled = _post(client, "/api/templates/complaint_redirect/preview", {"item_id": world["political"].pk}).json()
    assert filled["ready"] and filled["text"].startswith("Hello Bob,")
    unfilled = _post(client, "/api/templates/complaint_redirect/preview", {}).json()
    assert not unfilled["ready"] and unfilled["missing"] == ["author_name"] and "{author_name}" in unfilled["text"]
    hidden = _post(client, "/api/templates/crisis_support/preview", {"item_id": world["self_harm"].pk})
    assert hidden.status_code == 404  # a moderator may not preview against a safeguarding item


def test_listing_takes_the_same_queries_however_many_items(
    facebook: Channel, users: dict[str, Any], api_client: Callable[[str], Client]
) -> None:
    client = api_client("moderator")

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/queues/auto_hidden/items").status_code == 200
        return len(ctx.captured_queries)

    queries()  # the token's first use records last_used_at (at most one write a minute)
    make_item(facebook, TEXTS["abuse"], author="a0")
    few = queries()
    for n in range(8):
        make_item(facebook, TEXTS["phone"], author=f"b{n}")
    assert queries() == few
