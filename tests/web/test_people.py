"""Authors (history, breaches per clause, block and unblock with a reason) and the safeguarding view (leads
only: escalations, who was paged when, acknowledgement), in a real browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from steward.server.audit.models import AuditEvent
from steward.server.inbox.models import Author, Escalation, Queue
from tests.server.factories import TEXTS, make_item
from tests.web.axe import assert_accessible


@pytest.fixture
def repeat_offender(facebook: Any) -> Author:
    make_item(facebook, TEXTS["abuse"], author="repeat")
    make_item(facebook, TEXTS["commercial"], author="repeat")
    return Author.objects.get(handle="repeat")


def test_author_page_shows_breaches_strikes_and_the_recommended_sanction(
    repeat_offender: Author, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/authors/")
    expect(page.get_by_test_id("author-row")).to_have_count(1)
    page.get_by_role("link", name="repeat").click()
    expect(page.get_by_test_id("standing")).to_have_text("2")
    expect(page.get_by_test_id("sanction")).to_have_text("hide all")
    expect(page.get_by_test_id("breaches")).to_be_visible()
    assert_accessible(page)


def test_blocking_needs_a_reason_and_a_clause_and_is_audited(
    repeat_offender: Author, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/authors/{repeat_offender.pk}/")
    page.get_by_test_id("block-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text("reason is required")
    page.get_by_label("Reason").fill("Abuse of staff twice in a week")
    for box in page.locator("input[name=clause]").all():
        box.uncheck()
    page.get_by_test_id("block-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text("clauses breached")
    repeat_offender.refresh_from_db()
    assert not repeat_offender.blocked
    page.get_by_label("Reason").fill("Abuse of staff twice in a week")
    page.locator("input[name=clause]").first.check()
    page.get_by_test_id("block-submit").click()
    expect(page.get_by_test_id("blocked")).to_contain_text("Abuse of staff twice in a week")
    assert AuditEvent.objects.filter(event="author.block", object_id=str(repeat_offender.pk)).exists()
    page.get_by_label("Reason").fill("Apologised to the ward")
    page.get_by_test_id("block-submit").click()
    expect(page.get_by_test_id("blocked")).to_have_count(0)
    repeat_offender.refresh_from_db()
    assert not repeat_offender.blocked


@pytest.mark.parametrize("role", ["safeguarding_lead", "information_governance_lead"])
def test_roles_without_manage_authors_get_no_block_form(
    repeat_offender: Author, signed_in: Callable[[str], Page], live_server: Any, role: str
) -> None:
    page = signed_in(role)
    page.goto(f"{live_server.url}/authors/{repeat_offender.pk}/")
    expect(page.get_by_test_id("block-form")).to_have_count(0)
    response = page.request.post(f"{live_server.url}/authors/{repeat_offender.pk}/block/", form={"reason": "x"})
    assert response.status == 403


@pytest.mark.parametrize("role", ["moderator", "communications_lead", "information_governance_lead", "nobody"])
def test_safeguarding_view_is_for_safeguarding_leads_only(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any, role: str
) -> None:
    make_item(facebook, TEXTS["self_harm"], author="worried")
    page = signed_in(role)
    response = page.goto(f"{live_server.url}/safeguarding/")
    assert response is not None and response.status == 403
    expect(page.get_by_test_id("escalation")).to_have_count(0)


def test_safeguarding_lead_sees_who_was_paged_and_acknowledges(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any, users: Any
) -> None:
    item = make_item(facebook, TEXTS["self_harm"], author="worried")
    assert item.queue == Queue.SAFEGUARDING
    page = signed_in("safeguarding_lead")
    page.goto(f"{live_server.url}/safeguarding/")
    row = page.get_by_test_id("escalation")
    expect(row).to_have_count(1)
    expect(row.get_by_test_id("paged")).to_contain_text("safeguarding_lead@example.nhs.uk")
    assert len(mail.outbox) >= 1
    assert_accessible(page)
    row.get_by_test_id("acknowledge").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Escalation acknowledged")
    escalation = Escalation.objects.get(item=item)
    assert escalation.acknowledged_by == users["safeguarding_lead"]
    page.goto(f"{live_server.url}/safeguarding/")
    expect(page.get_by_test_id("escalation")).to_have_count(0)
    page.goto(f"{live_server.url}/safeguarding/?show=all")
    expect(page.get_by_test_id("escalation")).to_contain_text("safeguarding_lead,")


def test_moderator_escalates_an_item_and_loses_sight_of_it(
    facebook: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    item = make_item(facebook, TEXTS["political"], author="voter")
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/items/{item.pk}/")
    page.locator("body").press("e")
    expect(page.locator("#action-reason")).to_be_focused()
    page.keyboard.type("Mentions a child being left alone")
    page.get_by_test_id("action-submit").click()
    response = page.goto(f"{live_server.url}/items/{item.pk}/")
    assert response is not None and response.status == 404
    lead = signed_in("safeguarding_lead")
    lead.goto(f"{live_server.url}/safeguarding/")
    expect(lead.get_by_test_id("escalation")).to_contain_text(f"Item {item.pk}")
