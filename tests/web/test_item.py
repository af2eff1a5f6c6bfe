"""The item page in a real browser: evidence highlighted, personal data masked until an audited reveal, the
decision's quoted clauses, the author's strikes, notes, claims, the reply composer, and keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from steward.server.audit.models import AuditEvent
from steward.server.inbox.models import Item, ModeratorAction, Note, Queue, ReplyTemplate, Visibility
from tests.server.factories import TEXTS, make_item
from tests.web.axe import assert_accessible


def open_item(page: Page, live_server: Any, item: Item) -> None:
    response = page.goto(f"{live_server.url}/items/{item.pk}/")
    assert response is not None and response.status == 200


def test_item_page_shows_evidence_clauses_and_author(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["abuse"], author="rude")
    page = signed_in("moderator")
    open_item(page, live_server, item)
    comment = page.get_by_test_id("comment")
    expect(comment).to_contain_text("useless idiot")
    assert comment.locator("mark.steward-evidence").count() >= 1
    expect(page.get_by_test_id("clause").first).to_be_visible()
    expect(page.get_by_test_id("rationale")).not_to_be_empty()
    expect(page.get_by_test_id("strikes")).to_contain_text("1 strike in the last 90 days")
    assert_accessible(page)


def test_personal_data_is_masked_until_revealed_and_the_reveal_is_audited(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["phone"], author="caller")
    page = signed_in("moderator")
    open_item(page, live_server, item)
    comment = page.get_by_test_id("comment")
    expect(comment).not_to_contain_text("07911 123456")
    expect(comment.get_by_test_id("masked")).to_have_count(1)
    assert "07911" not in page.content()
    page.get_by_text("Show the personal data").click()
    page.get_by_test_id("reveal").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Say why")
    assert not AuditEvent.objects.filter(event="item.personal_data_revealed").exists()
    page.get_by_text("Show the personal data").click()
    page.get_by_label("Why do you need to see it?").fill("Checking whether the number is the ward's")
    page.get_by_test_id("reveal").click()
    expect(comment).to_contain_text("07911 123456")
    event = AuditEvent.objects.get(event="item.personal_data_revealed")
    assert event.actor == "moderator" and event.object_id == str(item.pk)
    assert "ward" in event.reason
    page.get_by_test_id("hide-personal").click()
    expect(comment).not_to_contain_text("07911 123456")


def test_a_role_without_reveal_permission_cannot_reveal(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any, users: Any
) -> None:
    item = make_item(facebook, TEXTS["phone"], author="caller")
    page = signed_in("admin")  # admin implies every role, so it may; check a plain API-less POST from nobody
    open_item(page, live_server, item)
    nobody = signed_in("nobody")
    response = nobody.request.post(f"{live_server.url}/items/{item.pk}/reveal/", form={"reason": "curious"})
    assert response.status == 403
    assert not AuditEvent.objects.filter(event="item.personal_data_revealed").exists()


@pytest.mark.parametrize(
    ("key", "kind", "visibility", "reason"),
    [
        ("a", "approve", Visibility.VISIBLE, ""),
        ("h", "hide", Visibility.HIDDEN, ""),
        ("x", "remove", Visibility.REMOVED, "Repeated abuse of staff"),
    ],
)
def test_keyboard_shortcuts_choose_the_action_and_enter_confirms(
    facebook: Any,
    signed_in: Callable[[str], Page],
    live_server: Any,
    key: str,
    kind: str,
    visibility: str,
    reason: str,
) -> None:
    item = make_item(facebook, TEXTS["political"], author="voter")
    page = signed_in("moderator")
    open_item(page, live_server, item)
    page.locator("body").press(key)
    expect(page.locator(f"#action-{kind}")).to_be_checked()
    if reason:
        expect(page.locator("#action-reason")).to_be_focused()
        page.keyboard.type(reason)
        page.keyboard.press("Tab")
        expect(page.get_by_test_id("action-submit")).to_be_focused()
    else:
        expect(page.get_by_test_id("action-submit")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("messages")).to_contain_text(f"item {item.pk}")
    item.refresh_from_db()
    assert item.visibility == visibility and item.queue == Queue.DONE
    assert ModeratorAction.objects.filter(item=item, kind=kind).count() == 1


def test_help_panel_lists_the_shortcuts(facebook: Any, signed_in: Callable[[str], Page], live_server: Any) -> None:
    item = make_item(facebook, TEXTS["political"], author="voter")
    page = signed_in("moderator")
    open_item(page, live_server, item)
    help_panel = page.get_by_test_id("shortcut-help")
    expect(help_panel).to_be_hidden()
    page.locator("body").press("?")
    expect(help_panel).to_be_visible()
    expect(help_panel).to_contain_text("Escalate to the safeguarding lead")
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(help_panel).to_be_hidden()


def test_shortcut_keys_are_ignored_while_typing(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["political"], author="voter")
    page = signed_in("moderator")
    open_item(page, live_server, item)
    page.get_by_label("Add a note").fill("")
    page.get_by_label("Add a note").type("ahx?")
    expect(page.get_by_label("Add a note")).to_have_value("ahx?")
    for kind in ("approve", "hide", "remove"):
        expect(page.locator(f"#action-{kind}")).not_to_be_checked()
    page.get_by_test_id("add-note").click()
    expect(page.get_by_test_id("note")).to_contain_text("ahx?")
    assert Note.objects.get(item=item).text == "ahx?"


def test_a_reason_is_required_to_remove(facebook: Any, signed_in: Callable[[str], Page], live_server: Any) -> None:
    item = make_item(facebook, TEXTS["political"], author="voter")
    page = signed_in("moderator")
    open_item(page, live_server, item)
    page.get_by_label("Remove (give a reason)").check()
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text("reason is required")
    item.refresh_from_db()
    assert item.visibility == Visibility.VISIBLE


def test_claims_block_a_second_moderator(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any, make_user: Callable[..., Any]
) -> None:
    from steward.server.accounts.roles import Role

    make_user("second", Role.MODERATOR)
    item = make_item(facebook, TEXTS["political"], author="voter")
    page = signed_in("moderator")
    open_item(page, live_server, item)
    page.get_by_test_id("claim").click()
    expect(page.get_by_test_id("claim-status")).to_contain_text("Claimed by moderator")
    other = signed_in("communications_lead")
    open_item(other, live_server, item)
    expect(other.get_by_test_id("claim-status")).to_contain_text("Claimed by moderator")
    other.get_by_label("Hide").check()
    other.get_by_test_id("action-submit").click()
    expect(other.get_by_test_id("messages")).to_contain_text("claimed by moderator")
    item.refresh_from_db()
    assert item.visibility == Visibility.VISIBLE


def test_reply_composer_cannot_send_with_an_unfilled_placeholder(
    org: Any, facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    ReplyTemplate.objects.create(
        organisation=org, key="ward", name="Ask them to call the ward", body="Hello {author_name}, please call {ward}."
    )
    item = make_item(facebook, TEXTS["political"], author="voter")
    page = signed_in("moderator")
    open_item(page, live_server, item)
    page.get_by_label("Template").select_option("ward")
    page.get_by_test_id("preview-reply").click()
    expect(page.get_by_test_id("reply-preview")).to_contain_text("Hello Voter, please call {ward}.")
    expect(page.get_by_test_id("reply-missing")).to_contain_text("ward")
    expect(page.get_by_test_id("send-reply")).to_be_disabled()
    response = page.request.post(
        f"{live_server.url}/items/{item.pk}/reply/",
        form={
            "template": "ward",
            "csrfmiddlewaretoken": page.locator("[name=csrfmiddlewaretoken]").first.input_value(),
        },
    )
    assert response.ok
    assert not ModeratorAction.objects.filter(item=item, kind="redirect").exists()
    page.get_by_label("Ward", exact=True).fill("Ward 7 on 01234 567890")
    page.get_by_test_id("preview-reply").click()
    expect(page.get_by_test_id("reply-preview")).to_contain_text("please call Ward 7")
    page.get_by_test_id("send-reply").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Reply sent")
    sent = ModeratorAction.objects.get(item=item, kind="redirect")
    assert sent.reply_text == "Hello Voter, please call Ward 7 on 01234 567890."


@pytest.mark.parametrize("path", ["/items/999999/", "/items/99999999999999999999999/", "/items/abc/"])
def test_unknown_items_are_not_found(db: None, signed_in: Callable[[str], Page], live_server: Any, path: str) -> None:
    page = signed_in("moderator")
    response = page.goto(f"{live_server.url}{path}")
    assert response is not None and response.status == 404
