"""Working an item from every queue to done, end to end in the browser, as the role that owns each queue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect

from steward.server.inbox.models import ActionKind, ModeratorAction, Queue, Visibility
from tests.server.factories import TEXTS, make_item


def open_from_queue(page: Page, live_server: Any, queue: str, item_id: int) -> None:
    page.goto(f"{live_server.url}/inbox/?queue={queue}")
    page.locator(f"[data-testid=row][data-item='{item_id}'] [data-testid=item-link]").click()
    expect(page.locator("h1")).to_have_text(f"Item {item_id}")


def test_needs_review_item_is_approved(facebook: Any, signed_in: Callable[[str], Page], live_server: Any) -> None:
    item = make_item(facebook, TEXTS["political"], author="voter")
    assert item.queue == Queue.NEEDS_REVIEW
    page = signed_in("moderator")
    open_from_queue(page, live_server, Queue.NEEDS_REVIEW, item.pk)
    page.get_by_label("Approve (leave visible)").check()
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text(f"Approved: item {item.pk}")
    expect(page.get_by_test_id("count-needs_review")).to_have_text("0")
    item.refresh_from_db()
    assert (item.queue, item.visibility) == (Queue.DONE, Visibility.VISIBLE)


def test_auto_hidden_item_is_restored_with_a_reason(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["abuse"], author="rude")
    assert (item.queue, item.visibility) == (Queue.AUTO_HIDDEN, Visibility.HIDDEN)
    page = signed_in("communications_lead")
    open_from_queue(page, live_server, Queue.AUTO_HIDDEN, item.pk)
    page.get_by_label("Restore (make visible again) (give a reason)").check()
    page.get_by_label("Reason", exact=True).fill("Criticism of the service, not abuse of a person")
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text(f"Restored: item {item.pk}")
    item.refresh_from_db()
    assert (item.queue, item.visibility) == (Queue.DONE, Visibility.VISIBLE)
    assert item.strike_record.overturned_at is not None


def test_complaint_is_answered_with_the_pack_template(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["complaint"], author="patient")
    assert item.queue == Queue.COMPLAINTS
    page = signed_in("moderator")
    open_from_queue(page, live_server, Queue.COMPLAINTS, item.pk)
    template = page.get_by_label("Template")
    if not template.input_value():
        template.select_option(index=1)
    page.get_by_test_id("preview-reply").click()
    preview = page.get_by_test_id("reply-preview")
    expect(preview).to_be_visible()
    for field in page.locator("form#reply input[name^=ph_]").all():
        if not field.input_value():
            field.fill("the patient experience team")
    page.get_by_test_id("preview-reply").click()
    expect(page.get_by_test_id("reply-missing")).to_have_count(0)
    page.get_by_test_id("send-reply").click()
    expect(page.get_by_test_id("messages")).to_contain_text(f"Reply sent: item {item.pk}")
    item.refresh_from_db()
    assert item.queue == Queue.DONE
    sent = ModeratorAction.objects.get(item=item, kind=ActionKind.REDIRECT)
    assert "{" not in sent.reply_text


def test_safeguarding_item_is_acknowledged_then_hidden_by_the_lead(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["threat"], author="angry")
    assert item.queue == Queue.SAFEGUARDING
    page = signed_in("safeguarding_lead")
    open_from_queue(page, live_server, Queue.SAFEGUARDING, item.pk)
    page.get_by_label("Acknowledge the escalation").check()
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Escalation acknowledged")
    page.locator("body").press("h")
    expect(page.get_by_test_id("action-submit")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("messages")).to_contain_text(f"Hidden: item {item.pk}")
    item.refresh_from_db()
    assert (item.queue, item.visibility) == (Queue.DONE, Visibility.HIDDEN)
    assert item.escalation.acknowledged_at is not None


def test_done_item_can_be_reopened_by_hiding_it(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["fine"], author="happy")
    assert item.queue == Queue.DONE
    page = signed_in("moderator")
    open_from_queue(page, live_server, Queue.DONE, item.pk)
    page.get_by_label("Hide").check()
    page.get_by_label("Reason", exact=True).fill("The author asked us to take it down")
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text(f"Hidden: item {item.pk}")
    item.refresh_from_db()
    assert item.visibility == Visibility.HIDDEN
