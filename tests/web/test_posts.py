"""Staff posts in a real browser: check → draft → submit → approve → publish, a rejection, an amendment, nobody
approving their own post (no button, and a forged POST refused), the FOI records with their downloads, keyboard-only
use, axe on every page, and hostile draft text that must neither run nor break the layout."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from steward.server.audit.models import AuditEvent
from steward.server.inbox.models import Channel, Organisation
from steward.server.outbound.models import Approval, Draft, DraftStatus, PersonalCheckCount
from steward.server.outbound.services import drafts as svc
from tests.web.axe import assert_accessible
from tests.web.conftest import Tripwires
from tests.web.test_hostile import HOSTILE, assert_layout_holds, assert_no_live_markup

GOOD = "Our flu vaccination clinics are open this Saturday from 9am at Bradford Royal Infirmary. No appointment needed."
PATIENT = "Lovely to see Mrs Jane Smith, NHS number 943 476 5919, on ward 7 bed 4 today recovering after her stroke."
AUTHOR = "staff"  # any member of staff writes posts; the communications lead approves them
LEAD = "communications_lead"


def expect_status(page: Page, label: str) -> None:
    expect(page.get_by_test_id("status")).to_have_text(label)


def open_post(page: Page, live_server: Any, draft: Draft) -> None:
    page.goto(f"{live_server.url}/posts/{draft.pk}/")
    expect(page.locator("h1")).to_contain_text(f"{draft.pk}")


def publish_ready(org: Organisation, channel: Channel, users: dict[str, User], text: str = GOOD) -> Draft:
    draft = svc.create(users[AUTHOR], org, text, channel=channel)
    svc.submit(users[AUTHOR], draft)
    svc.review(users[LEAD], draft, "approved")
    return draft


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching ``selector`` has focus (failing if it is never reached)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def csrf_token(page: Page) -> str:
    return page.locator("input[name=csrfmiddlewaretoken]").first.input_value()


def test_draft_check_submit_approve_publish(
    facebook: Channel, users: dict[str, User], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in(AUTHOR)
    page.goto(f"{live_server.url}/posts/check/")
    assert_accessible(page)
    page.get_by_label("One of the organisation's accounts").check()
    page.get_by_label("What do you want to post?").fill(GOOD)
    page.get_by_test_id("check-submit").click()
    expect(page.get_by_test_id("check-result").get_by_test_id("headline")).to_have_text("You can post this")
    assert_accessible(page)
    page.get_by_test_id("start-draft").click()
    expect(page.get_by_label("The post")).to_have_value(GOOD)
    page.get_by_label("Organisation account").select_option("trust-facebook")
    page.get_by_test_id("save-draft").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Draft saved and checked")
    draft = Draft.objects.get()
    expect_status(page, "Draft")
    expect(page.get_by_test_id("check-result").get_by_test_id("verdict")).to_have_text("No problems found")
    assert_accessible(page)
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Submitted for approval by the communications team")
    expect_status(page, "Waiting for approval")
    expect(page.get_by_test_id("review-form")).to_have_count(0)

    page = signed_in(LEAD)
    page.goto(f"{live_server.url}/posts/")
    queue = page.get_by_test_id("approval-queue")
    expect(queue.locator(f"[data-draft='{draft.pk}']")).to_be_visible()
    assert_accessible(page)
    queue.locator(f"[data-draft='{draft.pk}'] [data-testid=draft-link]").click()
    expect(page.get_by_test_id("history").get_by_test_id("version")).to_have_count(1)
    assert_accessible(page)
    page.get_by_label("Approve", exact=True).check()
    page.get_by_test_id("review-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text("the post is approved and can be published")
    expect_status(page, "Approved")
    expect(page.get_by_test_id("approval-row")).to_contain_text("communications_lead")
    assert_accessible(page)
    page.get_by_label("Web address of the post (optional)").fill("https://www.facebook.com/trust/posts/42")
    page.get_by_test_id("publish-now").click()
    expect_status(page, "Published")
    expect(page.get_by_test_id("published").get_by_role("link")).to_have_attribute(
        "href", "https://www.facebook.com/trust/posts/42"
    )
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PUBLISHED and draft.published_at is not None
    events = AuditEvent.objects.filter(object_type="draft", object_id=str(draft.pk)).values_list("event", flat=True)
    assert list(events) == ["draft.created", "draft.submitted", "draft.approved", "draft.published"]


def test_a_blocked_draft_is_refused_with_a_clear_message(
    org: Organisation, facebook: Channel, users: dict[str, User], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    draft = svc.create(users[AUTHOR], org, PATIENT, channel=facebook)
    page = signed_in(AUTHOR)
    open_post(page, live_server, draft)
    result = page.get_by_test_id("check-result")
    expect(result.get_by_test_id("verdict")).to_have_text("Cannot be posted")
    expect(result.get_by_test_id("evidence").first).to_be_visible()
    expect(result.get_by_test_id("clause").first).to_contain_text("Clause 7.3.2")
    expect(result.get_by_test_id("fix").first).to_contain_text("Remove")
    expect(page.get_by_test_id("blocked-warning")).to_be_visible()
    page.get_by_test_id("submit").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("This draft cannot be submitted: it breaches 7.3.2")
    expect(summary).to_be_focused()
    assert_accessible(page)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT


def test_rejection_with_a_reason_then_the_author_edits_and_resubmits(
    org: Organisation, facebook: Channel, users: dict[str, User], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    draft = svc.create(users[AUTHOR], org, GOOD, channel=facebook)
    svc.submit(users[AUTHOR], draft)
    page = signed_in(LEAD)
    open_post(page, live_server, draft)
    page.get_by_label("Reject", exact=True).check()
    page.get_by_test_id("review-submit").click()  # no reason: refused, the choice kept
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Give a reason when rejecting")
    expect(page.get_by_label("Reject", exact=True)).to_be_checked()
    assert_accessible(page)
    page.locator(".nhsuk-error-summary a").first.click()
    expect(page.get_by_label("Reason (needed to reject or ask for changes)")).to_be_focused()
    page.keyboard.type("The clinic is on Sunday, not Saturday.")
    page.get_by_test_id("review-submit").click()
    expect(page.get_by_test_id("messages")).to_contain_text("You rejected the post")
    expect_status(page, "Rejected")

    page = signed_in(AUTHOR)
    open_post(page, live_server, draft)
    expect(page.get_by_test_id("approval-row")).to_contain_text("The clinic is on Sunday, not Saturday.")
    page.get_by_test_id("edit-link").click()
    assert_accessible(page)
    page.get_by_label("The post").fill(GOOD.replace("Saturday", "Sunday"))
    page.get_by_test_id("save-draft").click()
    expect(page.get_by_test_id("messages")).to_contain_text("Saved as version 2")
    history = page.get_by_test_id("history").get_by_test_id("version")
    expect(history).to_have_count(2)
    expect(history.first).to_contain_text("Sunday")
    expect(history.last).to_contain_text("Saturday")
    page.get_by_test_id("submit").click()
    expect_status(page, "Waiting for approval")

    page = signed_in(LEAD)
    open_post(page, live_server, draft)
    expect(page.get_by_test_id("history").get_by_test_id("version")).to_have_count(2)
    page.get_by_label("Approve", exact=True).check()
    page.get_by_test_id("review-submit").click()
    expect_status(page, "Approved")
    decisions = list(Approval.objects.filter(draft=draft).values_list("decision", "version__number"))
    assert decisions == [("rejected", 1), ("approved", 2)]


def test_an_amendment_goes_through_the_same_flow_and_is_linked_both_ways(
    org: Organisation, facebook: Channel, users: dict[str, User], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    original = publish_ready(org, facebook, users)
    svc.publish(users[AUTHOR], original)
    page = signed_in(AUTHOR)
    open_post(page, live_server, original)
    page.get_by_test_id("amend-link").click()
    assert_accessible(page)
    page.get_by_label("The amended post").fill(GOOD.replace("9am", "10am"))  # does not say it was amended
    page.get_by_test_id("save-draft").click()
    amendment = Draft.objects.exclude(pk=original.pk).get()
    expect(page.locator("h1")).to_have_text(f"Amendment: post {amendment.pk}")
    expect(page.get_by_test_id("check-result")).to_contain_text("Unmarked amendment")
    expect(page.get_by_test_id("amends-link")).to_have_attribute("href", f"/posts/{original.pk}/")
    page.get_by_test_id("edit-link").click()
    page.get_by_label("The post").fill(GOOD.replace("9am", "10am") + " Amended: the clinic now opens at 10am.")
    page.get_by_test_id("save-draft").click()
    expect(page.get_by_test_id("check-result")).not_to_contain_text("Unmarked amendment")
    page.get_by_test_id("submit").click()
    expect_status(page, "Waiting for approval")

    page = signed_in(LEAD)
    open_post(page, live_server, amendment)
    page.get_by_label("Approve", exact=True).check()
    page.get_by_test_id("review-submit").click()
    page.get_by_test_id("publish-now").click()
    expect_status(page, "Published")
    open_post(page, live_server, original)
    expect(page.get_by_test_id("amended-by")).to_contain_text(f"post {amendment.pk} (published)")
    amendment.refresh_from_db()
    assert amendment.amends_id == original.pk and amendment.status == DraftStatus.PUBLISHED
    events = AuditEvent.objects.filter(object_type="draft", object_id=str(amendment.pk)).values_list("event", flat=True)
    assert events[0] == "draft.amendment_started"


def test_a_person_cannot_approve_their_own_draft(
    org: Organisation, facebook: Channel, users: dict[str, User], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    own = svc.create(users[LEAD], org, GOOD, channel=facebook)
    svc.submit(users[LEAD], own)
    page = signed_in(LEAD)
    open_post(page, live_server, own)
    expect(page.get_by_test_id("own-post")).to_contain_text("someone else must approve it")
    expect(page.get_by_test_id("review-form")).to_have_count(0)
    expect(page.get_by_test_id("review-submit")).to_have_count(0)
    expect(page.get_by_label("Approve", exact=True)).to_have_count(0)
    page.goto(f"{live_server.url}/posts/")
    expect(page.get_by_test_id("approval-queue").locator(f"[data-draft='{own.pk}']")).to_contain_text("your own post")
    # A forged form post, with a valid CSRF token so that it is the rule, not CSRF, that refuses it.
    response = page.request.post(
        f"{live_server.url}/posts/{own.pk}/review/",
        form={"csrfmiddlewaretoken": csrf_token(page), "decision": "approved"},
        max_redirects=0,
    )
    assert response.status == 403
    assert "Nobody can approve or reject their own post" in response.text()
    own.refresh_from_db()
    assert own.status == DraftStatus.SUBMITTED and not Approval.objects.filter(draft=own).exists()
    # Someone else on the communications team can.
    other = signed_in("admin")
    open_post(other, live_server, own)
    expect(other.get_by_test_id("review-form")).to_be_visible()


def test_records_search_and_downloads(
    org: Organisation, facebook: Channel, users: dict[str, User], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    published = publish_ready(org, facebook, users)
    svc.publish(users[LEAD], published)
    svc.create(users[AUTHOR], org, "Board papers for Tuesday's meeting are now online.", channel=facebook)
    page = signed_in("information_governance_lead")
    page.goto(f"{live_server.url}/posts/records/")
    expect(page.get_by_test_id("record-row")).to_have_count(2)
    assert_accessible(page)
    page.get_by_label("Keyword").fill("flu")
    page.get_by_label("Keyword").press("Enter")
    expect(page.get_by_test_id("record-row")).to_have_count(1)
    expect(page.get_by_test_id("record-row")).to_contain_text("Approved by communications_lead")
    with page.expect_download() as download:
        page.get_by_test_id("records-json").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert [r["id"] for r in data] == [published.pk]
    assert [a["decision"] for a in data[0]["approvals"]] == ["approved"]
    with page.expect_download() as download:
        page.get_by_test_id("records-csv").click()
    text = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert text.startswith("id,channel,platform") and "flu vaccination" in text and "Board papers" not in text
    exported = AuditEvent.objects.filter(event="records.exported").order_by("seq")
    assert [e.data["format"] for e in exported] == ["json", "csv"]
    assert {e.data["keyword"] for e in exported} == {"flu"}
    page.get_by_label("From").fill("not a date")
    page.get_by_test_id("records-search").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter the from date")
    assert_accessible(page)


def test_check_page_works_with_the_keyboard_alone(
    org: Organisation, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("safeguarding_lead")
    page.goto(f"{live_server.url}/posts/check/")
    tab_to(page, "#account")  # the checked radio ("My own account") takes the focus
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("One of the organisation's accounts")).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(page.get_by_label("My own account")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("What do you want to post?")).to_be_focused()
    page.keyboard.type("Had a patient today, Mr Iqbal in bed 4 on the stroke unit, 91 after his second stroke.")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your profile or bio (optional)")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("check-submit")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("check-result").get_by_test_id("verdict")).to_have_text("Cannot be posted")
    expect(page.get_by_test_id("check-result").get_by_test_id("clause").first).to_contain_text("7.3.2")
    assert Draft.objects.count() == 0
    assert sum(PersonalCheckCount.objects.values_list("count", flat=True)) == 1


def test_review_works_with_the_keyboard_alone(
    org: Organisation, facebook: Channel, users: dict[str, User], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    draft = svc.create(users[AUTHOR], org, GOOD, channel=facebook)
    svc.submit(users[AUTHOR], draft)
    page = signed_in(LEAD)
    open_post(page, live_server, draft)
    tab_to(page, "#review-decision")
    page.keyboard.press("Space")
    expect(page.get_by_label("Approve", exact=True)).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Reason (needed to reject or ask for changes)")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("review-submit")).to_be_focused()
    page.keyboard.press("Enter")
    expect_status(page, "Approved")
    tab_to(page, "#publish-url")
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("publish-now")).to_be_focused()
    page.keyboard.press("Enter")
    expect_status(page, "Published")


@pytest.fixture
def every_state(org: Organisation, facebook: Channel, users: dict[str, User]) -> dict[str, Draft]:
    blocked = svc.create(users[AUTHOR], org, PATIENT, channel=facebook)
    submitted = svc.create(users[AUTHOR], org, GOOD, channel=facebook)
    svc.submit(users[AUTHOR], submitted)
    published = publish_ready(org, facebook, users)
    svc.publish(users[LEAD], published, url="https://example.org/p/1")
    amendment = svc.amend(users[AUTHOR], published, GOOD + " Updated: now until 4pm.")
    return {"blocked": blocked, "submitted": submitted, "published": published, "amendment": amendment}


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("staff", "/posts/check/"),
        ("staff", "/posts/"),
        (AUTHOR, "/posts/"),
        (AUTHOR, "/posts/new/"),
        (AUTHOR, "/posts/{blocked}/"),
        (AUTHOR, "/posts/{blocked}/edit/"),
        (AUTHOR, "/posts/{published}/amend/"),
        (AUTHOR, "/posts/{amendment}/"),
        (LEAD, "/posts/"),
        (LEAD, "/posts/{submitted}/"),
        (LEAD, "/posts/{published}/"),
        ("information_governance_lead", "/posts/records/"),
    ],
)
def test_every_post_page_passes_axe(
    every_state: dict[str, Draft], signed_in: Callable[[str], Page], live_server: Any, role: str, path: str
) -> None:
    page = signed_in(role)
    response = page.goto(live_server.url + path.format(**{k: d.pk for k, d in every_state.items()}))
    assert response is not None and response.status == 200
    assert_accessible(page)


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_hostile_draft_text_runs_nothing_and_holds_the_layout(
    org: Organisation,
    facebook: Channel,
    users: dict[str, User],
    signed_in: Callable[[str], Page],
    watch: Callable[[Page], Tripwires],
    live_server: Any,
    key: str,
) -> None:
    text = "Clinic news: " + HOSTILE[key]
    draft = svc.create(users[AUTHOR], org, text, channel=facebook)
    if draft.action != "block":
        svc.submit(users[AUTHOR], draft)  # so that it is in the approval queue too
    page = signed_in(LEAD)
    wires = watch(page)
    for path in (f"/posts/{draft.pk}/", "/posts/", "/posts/records/"):
        page.goto(live_server.url + path)
        page.locator("[data-testid=main-column]").first.hover()
        page.mouse.move(5, 5)
        assert_no_live_markup(page)
        assert_layout_holds(page)
    expect(page.get_by_test_id("record-row")).to_have_count(1)
    wires.assert_quiet(page)
    page = signed_in(AUTHOR)
    wires = watch(page)
    page.goto(f"{live_server.url}/posts/check/")
    page.get_by_label("What do you want to post?").fill(text)
    page.get_by_test_id("check-submit").click()
    expect(page.get_by_test_id("check-result")).to_be_visible()
    assert_no_live_markup(page)
    assert_layout_holds(page)
    wires.assert_quiet(page)
