"""The inbox in a real browser: queues with counts, oldest-due first with working-time labels, filters, bulk actions
with a confirmation naming how many items and which clause, and what each role may see."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect

from steward.server.inbox.models import Item, ModeratorAction, Queue, Visibility
from tests.server.factories import TEXTS, make_item
from tests.web.axe import assert_accessible

LONDON = ZoneInfo("Europe/London")
# Wednesday 18 November 2026, 11:00 — inside the Surrey pack's monitored hours (Mon–Fri 09:00–16:00).
NOW = datetime(2026, 11, 18, 11, 0, tzinfo=LONDON)


@pytest.fixture
def clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def review_items(clock: None, facebook: Any) -> dict[str, Item]:
    """Three political comments (review queue) arriving at different times, so their due labels differ."""
    return {
        "fresh": make_item(facebook, TEXTS["political"], author="fresh", received_at=at(18, 10, 35)),
        "yesterday": make_item(facebook, "Vote Reform UK at the election", author="old", received_at=at(17, 10)),
        "early": make_item(facebook, "Vote Green on Thursday please", author="early", received_at=at(18, 8)),
    }


def test_queue_lists_oldest_due_first_with_working_time_labels(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    assert {i.queue for i in review_items.values()} == {Queue.NEEDS_REVIEW}
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/?queue=needs_review")
    rows = page.get_by_test_id("row")
    expect(rows).to_have_count(3)
    order = [int(rows.nth(i).get_attribute("data-item") or 0) for i in range(3)]
    assert order == [review_items["yesterday"].pk, review_items["early"].pk, review_items["fresh"].pk]
    labels = [rows.nth(i).get_by_test_id("due").inner_text() for i in range(3)]
    assert labels == ["overdue by 1 working day", "overdue by 1 working hour", "due in 35 working minutes"]
    expect(rows.nth(1)).to_contain_text("arrived out of hours")
    expect(page.get_by_test_id("count-needs_review")).to_have_text("3")
    assert_accessible(page)


def test_queue_counts_follow_the_items(
    clock: None, facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    for key in ("abuse", "commercial", "complaint", "political", "fine"):
        make_item(facebook, TEXTS[key], author=key)
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/")
    expect(page.get_by_test_id("count-auto_hidden")).to_have_text("2")
    expect(page.get_by_test_id("count-complaints")).to_have_text("1")
    expect(page.get_by_test_id("count-needs_review")).to_have_text("1")
    expect(page.get_by_test_id("count-done")).to_have_text("1")
    page.get_by_test_id("queue-auto_hidden").click()
    expect(page.get_by_test_id("row")).to_have_count(2)
    assert_accessible(page)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("author=old", {"yesterday"}),
        ("author=%40early", {"early"}),
        ("author=nobody-at-all", set()),
        ("age=240", {"yesterday"}),
        ("age=60", {"yesterday", "early"}),
        ("channel=trust-facebook", {"fresh", "yesterday", "early"}),
        ("channel=no-such-channel", set()),
        ("category=political", {"fresh", "yesterday", "early"}),
        ("category=abuse", set()),
    ],
)
def test_filters_narrow_the_queue(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any, query: str, expected: set[str]
) -> None:
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/?queue=needs_review&{query}")
    shown = {int(r.get_attribute("data-item") or 0) for r in page.get_by_test_id("row").all()}
    assert shown == {review_items[k].pk for k in expected}
    if not expected:
        expect(page.get_by_test_id("empty")).to_be_visible()


@pytest.mark.parametrize("query", ["category=not-a-category", "clause=%3Cscript%3E", "age=abc", "author=" + "x" * 300])
def test_a_bad_filter_is_an_error_not_a_crash(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any, query: str
) -> None:
    page = signed_in("moderator")
    response = page.goto(f"{live_server.url}/inbox/?queue=needs_review&{query}")
    assert response is not None and response.status == 200
    if "x" * 300 not in query:
        expect(page.locator(".nhsuk-error-summary")).to_be_visible()
        expect(page.get_by_test_id("row")).to_have_count(0)


def test_filter_form_works_with_the_keyboard(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/?queue=needs_review")
    page.locator("summary").filter(has_text="Filter this queue").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Author (handle or number)").fill("early")
    page.get_by_label("Author (handle or number)").press("Enter")
    expect(page.get_by_test_id("row")).to_have_count(1)
    expect(page.get_by_label("Author (handle or number)")).to_have_value("early")


def test_bulk_hide_confirms_count_and_clause_then_acts(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/?queue=needs_review")
    page.get_by_label(f"Select item {review_items['fresh'].pk}").check()
    page.get_by_label(f"Select item {review_items['early'].pk}").check()
    page.get_by_label("Action").select_option("hide")
    page.get_by_test_id("bulk-continue").click()
    expect(page.get_by_test_id("confirm-heading")).to_have_text("Hide 2 items?")
    expect(page.get_by_test_id("confirm-count")).to_have_text("2")
    expect(page.locator("main")).to_contain_text("cite clause")
    assert_accessible(page)
    page.get_by_test_id("confirm-clause").select_option("4.p2" if _has_clause("4.p2") else _first_clause())
    page.get_by_test_id("confirm-bulk").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Hide: 2 of 2 items under clause")
    expect(page.get_by_test_id("row")).to_have_count(1)
    hidden = Item.objects.filter(pk__in=[review_items["fresh"].pk, review_items["early"].pk])
    assert {i.visibility for i in hidden} == {Visibility.HIDDEN}
    assert ModeratorAction.objects.filter(kind="hide").count() == 2


def test_bulk_remove_needs_a_reason(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/?queue=needs_review")
    page.get_by_label(f"Select item {review_items['fresh'].pk}").check()
    page.get_by_label("Action").select_option("remove")
    page.get_by_test_id("bulk-continue").click()
    page.get_by_test_id("confirm-bulk").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter a reason")
    assert Item.objects.get(pk=review_items["fresh"].pk).visibility == Visibility.VISIBLE
    page.get_by_label("Reason").fill("Party-political campaigning in the pre-election period")
    page.get_by_test_id("confirm-bulk").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Remove: 1 of 1 items")
    assert Item.objects.get(pk=review_items["fresh"].pk).visibility == Visibility.REMOVED


def test_bulk_with_nothing_selected_says_so(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/?queue=needs_review")
    page.get_by_label("Action").select_option("hide")
    page.get_by_test_id("bulk-continue").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Select at least one item")
    assert ModeratorAction.objects.count() == 0


def test_safeguarding_items_are_hidden_from_a_moderator(
    clock: None, facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["self_harm"], author="worried")
    assert item.queue == Queue.SAFEGUARDING
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/?queue=safeguarding")
    expect(page.get_by_test_id("queue-safeguarding")).to_have_count(0)
    expect(page.get_by_test_id("row")).to_have_count(0)
    assert page.goto(f"{live_server.url}/items/{item.pk}/").status == 404  # type: ignore[union-attr]
    lead = signed_in("safeguarding_lead")
    lead.goto(f"{live_server.url}/inbox/?queue=safeguarding")
    expect(lead.get_by_test_id("row")).to_have_count(1)


def test_a_viewer_without_act_permission_gets_no_bulk_controls(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("information_governance_lead")
    page.goto(f"{live_server.url}/inbox/?queue=needs_review")
    expect(page.get_by_test_id("row")).to_have_count(3)
    expect(page.get_by_test_id("bulk-continue")).to_have_count(0)
    status = page.request.post(f"{live_server.url}/inbox/bulk/", form={"action": "hide"}).status
    assert status == 403


def test_nobody_without_a_role_cannot_open_the_inbox(
    db: None, users: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("nobody")
    page.goto(f"{live_server.url}/")
    expect(page.locator("h1")).to_have_text("You do not have a role in Steward yet")
    assert page.goto(f"{live_server.url}/inbox/").status == 403  # type: ignore[union-attr]
    assert_accessible(page)


def _has_clause(clause_id: str) -> bool:
    from steward.server.inbox.services.sanctions import inbound_pack

    return any(c.id == clause_id for c in inbound_pack().clauses)


def _first_clause() -> str:
    from steward.server.inbox.services.sanctions import inbound_pack

    return inbound_pack().clauses[0].id


def test_saved_filters_are_per_person_and_only_keep_inbox_parameters(
    review_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    from steward.server.web.models import SavedFilter

    page = signed_in("moderator")
    page.goto(f"{live_server.url}/inbox/?queue=needs_review&author=early")  # filters set: the panel is open
    page.get_by_label("Save this view as").fill("Early birds <b>")
    page.get_by_role("button", name="Save filter").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Saved the filter")
    page.goto(f"{live_server.url}/inbox/?queue=done")
    page.get_by_test_id("saved-filters").get_by_role("link", name="Early birds <b>").click()
    expect(page.get_by_test_id("row")).to_have_count(1)
    other = signed_in("communications_lead")
    other.goto(f"{live_server.url}/inbox/")
    expect(other.get_by_test_id("saved-filters")).to_have_count(0)
    token = page.locator("[name=csrfmiddlewaretoken]").first.input_value()
    page.request.post(
        f"{live_server.url}/inbox/saved/",
        form={"name": "sneaky", "query": "queue=done&next=javascript:alert(1)&author=x", "csrfmiddlewaretoken": token},
    )
    assert SavedFilter.objects.get(name="sneaky").query == "queue=done&author=x"
    page.goto(f"{live_server.url}/inbox/")
    page.get_by_role("button", name="Delete saved filter sneaky").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Deleted")
    assert not SavedFilter.objects.filter(name="sneaky").exists()
