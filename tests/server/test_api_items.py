"""POST /api/items and GET /api/items/{id}: roles, every input form, bad records located, masking, audited reveal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from steward.server.audit.models import AuditEvent
from steward.server.inbox.models import Channel, Item, ItemState
from steward.server.inbox.services.assessment import assess_batch

pytestmark = pytest.mark.django_db
ClientFor = Callable[[str], Client]
DATA = Path(__file__).resolve().parents[1] / "data" / "connectors"
PHONE = "Ring me on 07911 123456 about my appointment"


def post(client: Client, body: Any) -> Any:
    return client.post("/api/items", data=json.dumps(body), content_type="application/json")


def stored(client: ClientFor, channel: Channel, records: list[dict[str, Any]]) -> list[Item]:
    response = post(client("moderator"), {"channel": channel.slug, "records": records})
    assert response.status_code == 200, response.content
    items = list(Item.objects.order_by("pk"))
    assess_batch([i.pk for i in items])
    return items


# --- POST /api/items ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "status"),
    [
        ("moderator", 200),
        ("communications_lead", 200),
        ("admin", 200),
        ("nobody", 403),
        ("information_governance_lead", 403),
        ("safeguarding_lead", 403),
    ],
)
def test_ingest_needs_the_ingest_permission(api_client: ClientFor, facebook: Channel, user: str, status: int) -> None:
    response = post(api_client(user), {"channel": facebook.slug, "record": {"id": "1", "text": "Thanks"}})
    assert response.status_code == status, response.content
    assert Item.objects.count() == (1 if status == 200 else 0)


def test_ingest_without_credentials_is_401(facebook: Channel) -> None:
    assert post(Client(), {"channel": facebook.slug, "record": {"id": "1", "text": "x"}}).status_code == 401
    bad_token = Client(headers={"Authorization": "Bearer stw_not-a-token"})
    assert post(bad_token, {"channel": facebook.slug, "record": {"id": "1", "text": "x"}}).status_code == 401


def test_a_batch_with_malformed_records_stores_the_rest_and_locates_each_problem(
    api_client: ClientFor, facebook: Channel
) -> None:
    records = [
        {"id": "a", "text": "Thanks"},
        {"id": "b"},  # no text
        "not an object",
        {"id": "c", "text": "Hello", "created_at": "yesterday-ish"},
        {"id": "a", "text": "same id again"},
        {"id": "d", "text": "Fine", "author": {"display_name": "Dee"}},
    ]
    response = post(api_client("moderator"), {"channel": facebook.slug, "records": records})
    assert response.status_code == 200
    body = response.json()
    assert (body["stored"], body["duplicates"], body["error_count"]) == (2, 0, 4)
    assert [e["index"] for e in body["errors"]] == [1, 2, 3, 4]
    assert "text" in body["errors"][0]["message"] and "object" in body["errors"][1]["message"]
    assert body["errors"][3]["id"] == "a" and "records[0]" in body["errors"][3]["message"]
    assert sorted(Item.objects.values_list("external_id", flat=True)) == ["a", "d"]
    assert all(i.state == ItemState.PENDING for i in Item.objects.all())


def test_reposting_does_not_duplicate(api_client: ClientFor, facebook: Channel) -> None:
    client = api_client("moderator")
    body = {"channel": facebook.slug, "records": [{"id": str(n), "text": f"Comment {n}"} for n in range(5)]}
    assert post(client, body).json()["stored"] == 5
    again = post(client, body)
    assert again.status_code == 200 and (again.json()["stored"], again.json()["duplicates"]) == (0, 5)
    assert Item.objects.count() == 5


@pytest.mark.parametrize(
    ("fixture", "key", "fmt"),
    [
        ("facebook_comments.json", "page", "facebook"),
        ("x_replies.json", "page", None),  # detected
        ("instagram_comments.json", "page", "instagram"),
        ("youtube_comment_threads.json", "page", "youtube"),
        ("facebook_comments.json", "pages", "facebook"),
    ],
)
def test_platform_pages_are_read_by_the_cores_connectors(
    api_client: ClientFor, facebook: Channel, fixture: str, key: str, fmt: str | None
) -> None:
    page = json.loads((DATA / fixture).read_text())
    body: dict[str, Any] = {"channel": facebook.slug, key: page if key == "page" else [page, page]}
    if fmt:
        body["format"] = fmt
    response = post(api_client("moderator"), body)
    assert response.status_code == 200, response.content
    result = response.json()
    assert result["stored"] == Item.objects.count() > 0
    if key == "pages":  # the same page twice: the second copy's records are duplicate ids within the request
        assert result["error_count"] == result["stored"] and all(e["line"] == 2 for e in result["errors"])


def test_a_malformed_page_reports_each_bad_record_and_stores_the_rest(api_client: ClientFor, facebook: Channel) -> None:
    page = json.loads((DATA / "facebook_malformed.json").read_text())
    response = post(api_client("moderator"), {"channel": facebook.slug, "format": "facebook", "page": page})
    body = response.json()
    assert response.status_code == 200 and body["stored"] > 0 and body["error_count"] > 0
    assert all(e["line"] == 1 and "data[" in e["message"] for e in body["errors"])
    assert not any("/tmp" in e["message"] or "steward-api-" in e["message"] for e in body["errors"])


def test_csv_text_is_accepted(api_client: ClientFor, facebook: Channel) -> None:
    text = "id,text,author\n1,Thanks,Ann\n2,,Bob\n3,Hello,Cat\n"
    body = post(api_client("moderator"), {"channel": facebook.slug, "csv": text}).json()
    assert (body["stored"], body["error_count"]) == (2, 1) and body["errors"][0]["line"] == 3


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"channel": "no-such-channel", "record": {"id": "1", "text": "x"}}, "no channel"),
        ({"channel": "trust-facebook"}, "exactly one of"),
        ({"channel": "trust-facebook", "record": {"id": "1", "text": "x"}, "records": []}, "exactly one of"),
        ({"channel": "trust-facebook", "records": []}, "no records given"),
        ({"channel": "trust-facebook", "format": "x", "records": [{"id": "1", "text": "x"}]}, "pages"),
        ({"channel": "trust-facebook", "format": "jsonl", "page": {"data": []}}, "platform API responses"),
        ({"channel": "trust-facebook", "format": "facebook", "page": {"error": {"message": "bad token"}}}, "API error"),
        ({"channel": "trust-facebook", "platform": "myspace", "record": {"id": "1", "text": "x"}}, "unknown platform"),
        ({"channel": "trust-facebook", "record": {"id": "1", "text": "x" * 1_000_000}}, "Steward stores at most"),
        ({"channel": "trust-facebook", "record": {"id": "i" * 500, "text": "x"}}, "at most 200"),
    ],
)
def test_bad_requests_get_a_clear_400(
    api_client: ClientFor, facebook: Channel, body: dict[str, Any], message: str
) -> None:
    response = post(api_client("moderator"), body)
    assert response.status_code == 400, response.content
    assert message in json.dumps(response.json())
    assert Item.objects.count() == 0


@pytest.mark.parametrize(
    "body", [{"channel": "trust-facebook", "format": "tiktok", "records": []}, {"records": []}, []]
)
def test_schema_violations_are_422(api_client: ClientFor, facebook: Channel, body: Any) -> None:
    assert post(api_client("moderator"), body).status_code == 422


def test_too_many_records_are_refused(api_client: ClientFor, facebook: Channel, settings: Any) -> None:
    settings.STEWARD_MAX_BATCH = 3
    records = [{"id": str(n), "text": "x"} for n in range(4)]
    response = post(api_client("moderator"), {"channel": facebook.slug, "records": records})
    assert response.status_code == 400 and "at most 3" in response.json()["detail"]
    assert Item.objects.count() == 0


def test_an_oversized_body_is_refused(api_client: ClientFor, facebook: Channel, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    records = [{"id": str(n), "text": "x" * 500} for n in range(50)]
    response = post(api_client("moderator"), {"channel": facebook.slug, "records": records})
    assert response.status_code in (400, 413)
    assert Item.objects.count() == 0


def test_hostile_text_is_stored_verbatim_and_returned_as_json_only(api_client: ClientFor, facebook: Channel) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> \u202etxt.exe'
    (row,) = stored(api_client, facebook, [{"id": "h", "text": hostile, "author": {"display_name": "<b>Eve</b>"}}])
    row.refresh_from_db()
    assert row.text == hostile
    response = api_client("moderator").get(f"/api/items/{row.pk}?reveal=true")
    assert response["Content-Type"].startswith("application/json") and response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["text"] == hostile and response.json()["author"]["display_name"] == "<b>Eve</b>"


# --- GET /api/items/{id} -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "status"),
    [
        ("moderator", 200),
        ("communications_lead", 200),
        ("safeguarding_lead", 200),
        ("information_governance_lead", 200),
        ("admin", 200),
        ("nobody", 403),
    ],
)
def test_reading_an_item_needs_view_items(api_client: ClientFor, facebook: Channel, user: str, status: int) -> None:
    (row,) = stored(api_client, facebook, [{"id": "1", "text": "Thanks for the update"}])
    response = api_client(user).get(f"/api/items/{row.pk}")
    assert response.status_code == status
    if status == 200:
        body = response.json()
        assert (
            body["decision"]["action"] == "allow" and body["state"] == "assessed" and body["channel"] == facebook.slug
        )


@pytest.mark.parametrize("path", ["/api/items/999999", "/api/items/0", f"/api/items/{2**70}", "/api/items/abc"])
def test_missing_or_impossible_ids(api_client: ClientFor, facebook: Channel, path: str) -> None:
    assert api_client("moderator").get(path).status_code in (404, 422)


@pytest.mark.parametrize(
    ("user", "status"), [("moderator", 404), ("communications_lead", 404), ("safeguarding_lead", 200), ("admin", 200)]
)
def test_safeguarding_items_are_hidden_from_roles_without_the_safeguarding_permission(
    api_client: ClientFor, facebook: Channel, user: str, status: int
) -> None:
    (row,) = stored(api_client, facebook, [{"id": "s", "text": "I want to kill myself tonight, I cannot go on"}])
    row.refresh_from_db()
    assert row.queue == "safeguarding"
    assert api_client(user).get(f"/api/items/{row.pk}").status_code == status
    assert api_client(user).get(f"/api/items/{row.pk}?reveal=true").status_code == status


def test_personal_data_is_masked_until_revealed_and_every_reveal_is_audited(
    api_client: ClientFor, facebook: Channel
) -> None:
    (row,) = stored(api_client, facebook, [{"id": "p", "text": PHONE, "thread": ["my email is a@b.com"]}])
    client = api_client("moderator")
    masked = client.get(f"/api/items/{row.pk}").json()
    assert "07911" not in json.dumps(masked) and "a@b.com" not in json.dumps(masked)
    assert masked["masked"] is True and "[" in masked["text"] and masked["text"].startswith("Ring me on ")
    assert masked["thread"] == [] and masked["thread_length"] == 1
    assert not AuditEvent.objects.filter(event="item.revealed").exists()
    shown = client.get(f"/api/items/{row.pk}?reveal=true").json()
    assert shown["text"] == PHONE and shown["thread"] == ["my email is a@b.com"] and shown["masked"] is False
    client.get(f"/api/items/{row.pk}?reveal=true")
    events = AuditEvent.objects.filter(event="item.revealed", object_id=str(row.pk))
    assert [e.actor for e in events] == ["moderator", "moderator"]


def test_revealing_needs_the_reveal_permission(api_client: ClientFor, facebook: Channel) -> None:
    (row,) = stored(api_client, facebook, [{"id": "p", "text": PHONE}])
    response = api_client("nobody").get(f"/api/items/{row.pk}?reveal=true")
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(event="item.revealed").exists()


def test_text_is_withheld_while_its_personal_data_cannot_be_located(api_client: ClientFor, facebook: Channel) -> None:
    post(api_client("moderator"), {"channel": facebook.slug, "record": {"id": "p", "text": PHONE}})
    row = Item.objects.get()  # still pending: no findings yet to mask by
    body = api_client("moderator").get(f"/api/items/{row.pk}").json()
    assert body["decision"] is None and "07911" not in body["text"] and body["state"] == "pending"
    assert api_client("moderator").get(f"/api/items/{row.pk}?reveal=true").json()["text"] == PHONE


@pytest.mark.parametrize(
    "body",
    [
        '{"channel":"trust-facebook","record":{"id":"2","text":"a\\u0000b","kind":"x\\u0000y","platform":"p\\u0000",'
        '"author":{"id":"\\u0000","handle":"h\\u0000"},"post":"p\\u0000","thread":["t\\u0000"]}}',
        '{"channel":"trust-facebook","format":"facebook","page":{"data":[{"id":"9","message":"hi\\u0000",'
        '"parent":{"id":"a\\u0000"},"from":{"id":"\\u0000","name":"n\\u0000"}}]}}',
    ],
)
def test_nul_characters_anywhere_are_stored_and_assessed(api_client: ClientFor, facebook: Channel, body: str) -> None:
    response = api_client("moderator").post("/api/items", data=body, content_type="application/json")
    assert response.status_code == 200 and response.json()["stored"] == 1
    row = Item.objects.get()
    assert assess_batch([row.pk]).decided == 1
    assert "\x00" not in json.dumps([row.text, row.extra, row.thread, row.author and row.author.handle])


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ('{"channel":"trust-facebook","records":[' + "[" * 50_000 + "]" * 50_000 + "]}", 400),  # nesting bomb
        ('{"channel":"trust-facebook\\u0000","record":{"id":"1","text":"x"}}', 422),
        ('{"channel":"trust-facebook","record":{"id":"1","text":"\\ud800"}}', 400),  # lone surrogate
    ],
)
def test_hostile_bodies_are_4xx_not_5xx(api_client: ClientFor, facebook: Channel, body: str, status: int) -> None:
    response = api_client("moderator").post("/api/items", data=body, content_type="application/json")
    assert response.status_code == status and Item.objects.count() == 0


def test_an_oversized_body_gets_a_json_413(api_client: Callable[[str], Client], facebook: Channel) -> None:
    from django.conf import settings

    body = '{"channel": "trust-facebook", "csv": "' + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10) + '"}'
    response = api_client("moderator").post("/api/items", body, content_type="application/json")
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]
