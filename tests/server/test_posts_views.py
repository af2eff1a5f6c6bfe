"""The staff-post pages through Django's test client (no browser): who sees what, every form's happy path and its
refusals as NHS.UK error summaries, nothing kept by "Can I post this?", and hostile text escaped."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from steward.server.audit.models import AuditEvent
from steward.server.governance.packs import active_version
from steward.server.inbox.models import Channel, Organisation
from steward.server.outbound.models import Approval, Draft, DraftStatus, DraftVersion, PersonalCheckCount
from steward.server.outbound.services import drafts as svc

pytestmark = pytest.mark.django_db

GOOD = "Our flu vaccination clinics are open this Saturday from 9am at Bradford Royal Infirmary. No appointment needed."
PATIENT = "Lovely to see Mrs Jane Smith, NHS number 943 476 5919, on ward 7 bed 4 today recovering after her stroke."
STAFF_ROLES = ("staff", "moderator", "communications_lead", "safeguarding_lead", "information_governance_lead", "admin")


@pytest.fixture
def as_user(users: dict[str, User]) -> Callable[[str], Client]:
    def client_for(name: str) -> Client:
        client = Client()
        client.force_login(users[name])
        return client

    return client_for


@pytest.fixture
def writer(users: dict[str, User]) -> User:
    return users["moderator"]


@pytest.fixture
def draft(org: Organisation, facebook: Channel, writer: User) -> Draft:
    return svc.create(writer, org, GOOD, channel=facebook)


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined,no-any-return]


# --- "Can I post this?" ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_every_member_of_staff_can_open_the_check(as_user: Callable[[str], Client], role: str) -> None:
    assert as_user(role).get("/posts/check/").status_code == 200


@pytest.mark.parametrize("path", ["/posts/", "/posts/check/", "/posts/new/", "/posts/records/"])
def test_someone_signed_in_without_any_role_is_refused(as_user: Callable[[str], Client], path: str) -> None:
    assert as_user("nobody").get(path).status_code == 403


@pytest.mark.parametrize("path", ["/posts/", "/posts/check/", "/posts/new/", "/posts/records/", "/posts/1/"])
def test_anonymous_visitors_are_sent_to_sign_in(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_personal_check_shows_verdict_clauses_fix_and_keeps_only_a_count(
    org: Organisation, as_user: Callable[[str], Client]
) -> None:
    marker = "Zebedee-Quokka-4711"
    text = f"{PATIENT} {marker}"
    active_version(org.outbound_pack)  # activating the pack on first use is audited; that is not about the check
    client = as_user("staff")
    audit_before = AuditEvent.objects.count()
    response = client.post("/posts/check/", {"account": "personal", "text": text})
    page = html(response)
    assert response.status_code == 200
    assert 'data-action="block"' in page and "Do not post this" in page
    assert "Clause 7.3.2" in page and "Never post patient identifiable information" in page
    assert "How to fix it:" in page and 'data-testid="evidence"' in page
    assert (Draft.objects.count(), DraftVersion.objects.count()) == (0, 0)
    assert [(c.action, c.count) for c in PersonalCheckCount.objects.all()] == [("block", 1)]
    assert AuditEvent.objects.count() == audit_before  # not even an event without the text
    assert all(marker not in json.dumps([e.reason, e.data, e.object_id]) for e in AuditEvent.objects.all())
    assert marker not in json.dumps(dict(client.session.items()))


def test_corporate_check_keeps_nothing_at_all(org: Organisation, as_user: Callable[[str], Client]) -> None:
    response = as_user("moderator").post("/posts/check/", {"account": "corporate", "text": GOOD})
    assert response.status_code == 200 and "You can post this" in html(response)
    assert 'data-testid="start-draft"' in html(response)
    assert (Draft.objects.count(), PersonalCheckCount.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"account": "personal", "text": "   "}, "Enter the text you want to post"),
        ({"text": GOOD}, "Choose whose account this is for"),
        ({"account": "someone-else", "text": GOOD}, "Choose whose account this is for"),
        ({"account": "personal", "text": "x" * 10_001}, "the most Steward checks is 10,000"),
    ],
)
def test_check_form_problems_are_an_error_summary(
    org: Organisation, as_user: Callable[[str], Client], data: dict[str, str], message: str
) -> None:
    response = as_user("moderator").post("/posts/check/", data)
    assert response.status_code == 400
    assert "nhsuk-error-summary" in html(response) and message in html(response)
    assert PersonalCheckCount.objects.count() == 0


def test_profile_is_checked_for_a_personal_account(org: Organisation, as_user: Callable[[str], Client]) -> None:
    text = "Proud of my team at the CCG today: we opened the new community diabetes clinic."
    response = as_user("moderator").post(
        "/posts/check/", {"account": "personal", "text": text, "profile": "Nurse. Contact me at jo.bloggs@nhs.net"}
    )
    assert response.status_code == 200
    assert "<strong>Corporate email</strong> (in your profile)" in html(response)
    assert "<strong>Missing disclaimer</strong>" in html(response)


# --- drafts ------------------------------------------------------------------------------------------------------


def test_new_draft_form_needs_an_account_and_text(
    org: Organisation, facebook: Channel, as_user: Callable[[str], Client]
) -> None:
    client = as_user("moderator")
    assert "trust-facebook" in html(client.get("/posts/new/"))
    response = client.post("/posts/new/", {"channel": "", "text": ""})
    assert response.status_code == 400
    assert "Choose the corporate account" in html(response) and "Enter the text of the post" in html(response)
    response = client.post("/posts/new/", {"channel": "no-such", "text": GOOD})
    assert response.status_code == 400 and Draft.objects.count() == 0
    response = client.post("/posts/new/", {"channel": "trust-facebook", "text": GOOD.replace(". ", ".\r\n")})
    made = Draft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/posts/{made.pk}/"
    assert "\r" not in made.text and made.channel == facebook


def test_prefill_from_the_check_page_only_fills_the_form(
    org: Organisation, facebook: Channel, as_user: Callable[[str], Client]
) -> None:
    response = as_user("moderator").post("/posts/new/", {"prefill": "1", "text": GOOD})
    assert response.status_code == 200 and GOOD in html(response) and Draft.objects.count() == 0


# Who sees a draft written by the moderator: the API's rule (author, reviewers, records roles), else "not found".
VISIBILITY = {
    "moderator": 200,
    "communications_lead": 200,
    "information_governance_lead": 200,
    "admin": 200,
    "safeguarding_lead": 404,
    "staff": 404,
    "nobody": 403,
}


@pytest.mark.parametrize(("role", "status"), sorted(VISIBILITY.items()))
def test_draft_page_is_seen_by_the_same_people_as_in_the_api(
    draft: Draft,
    as_user: Callable[[str], Client],
    api_client: Callable[[str], Client],
    role: str,
    status: int,
) -> None:
    assert as_user(role).get(f"/posts/{draft.pk}/").status_code == status
    assert api_client(role).get(f"/api/drafts/{draft.pk}").status_code == status


@pytest.mark.parametrize("path", ["/posts/999999/", "/posts/1234567890123456789/", "/posts/-1/", "/posts/1e3/"])
def test_unknown_or_malformed_draft_ids_are_not_found(as_user: Callable[[str], Client], path: str) -> None:
    assert as_user("admin").get(path).status_code == 404


def test_edit_makes_a_new_version_checked_again_and_only_the_author_may(
    draft: Draft, as_user: Callable[[str], Client]
) -> None:
    assert as_user("moderator").get(f"/posts/{draft.pk}/edit/").status_code == 200
    response = as_user("moderator").post(f"/posts/{draft.pk}/edit/", {"text": PATIENT})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.versions.count(), draft.action) == (2, "block")
    page = html(as_user("moderator").get(f"/posts/{draft.pk}/"))
    assert page.count('data-testid="version"') == 2 and "Version 2 (current)" in page
    refused = as_user("communications_lead").post(f"/posts/{draft.pk}/edit/", {"text": GOOD})
    assert refused.status_code == 403 and "Only the draft&#39;s author can edit it" in html(refused)
    response = as_user("moderator").post(f"/posts/{draft.pk}/edit/", {"text": ""})
    assert response.status_code == 400 and "The draft is empty" in html(response)
    assert draft.versions.count() == 2


def test_a_blocked_draft_cannot_be_submitted(
    org: Organisation, facebook: Channel, writer: User, as_user: Callable[[str], Client]
) -> None:
    blocked = svc.create(writer, org, PATIENT, channel=facebook)
    page = html(as_user("moderator").get(f"/posts/{blocked.pk}/"))
    assert 'data-testid="blocked-warning"' in page
    response = as_user("moderator").post(f"/posts/{blocked.pk}/submit/")
    assert response.status_code == 409
    assert "nhsuk-error-summary" in html(response) and "This draft cannot be submitted: it breaches 7.3.2" in html(
        response
    )
    blocked.refresh_from_db()
    assert blocked.status == DraftStatus.DRAFT


def test_nobody_can_approve_their_own_post_the_form_is_absent_and_a_forged_post_refused(
    org: Organisation, facebook: Channel, users: dict[str, User], as_user: Callable[[str], Client]
) -> None:
    own = svc.create(users["communications_lead"], org, GOOD, channel=facebook)
    svc.submit(users["communications_lead"], own)
    client = as_user("communications_lead")
    page = html(client.get(f"/posts/{own.pk}/"))
    assert 'data-testid="review-form"' not in page and 'data-testid="own-post"' in page
    response = client.post(f"/posts/{own.pk}/review/", {"decision": "approved"})
    assert response.status_code == 403 and "Nobody can approve or reject their own post" in html(response)
    own.refresh_from_db()
    assert own.status == DraftStatus.SUBMITTED and Approval.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("moderator", 404),
        ("safeguarding_lead", 404),
        ("staff", 404),
        ("information_governance_lead", 403),
        ("nobody", 403),
    ],
)
def test_people_without_the_step_cannot_review(
    org: Organisation,
    facebook: Channel,
    make_user: Callable[..., User],
    as_user: Callable[[str], Client],
    role: str,
    status: int,
) -> None:
    author = make_user("someone")
    submitted = svc.create(author, org, GOOD, channel=facebook)
    svc.submit(author, submitted)
    assert 'data-testid="review-form"' not in html(as_user(role).get(f"/posts/{submitted.pk}/"))
    assert as_user(role).post(f"/posts/{submitted.pk}/review/", {"decision": "approved"}).status_code == status
    assert Approval.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({}, 400, "Choose approve, request changes or reject"),
        ({"decision": "maybe"}, 400, "Choose approve, request changes or reject"),
        ({"decision": "rejected", "reason": "  "}, 400, "Give a reason when rejecting"),
        ({"decision": "changes_requested"}, 400, "Give a reason when rejecting"),
    ],
)
def test_review_problems_keep_the_draft_submitted(
    draft: Draft, writer: User, as_user: Callable[[str], Client], data: dict[str, str], status: int, message: str
) -> None:
    svc.submit(writer, draft)
    response = as_user("communications_lead").post(f"/posts/{draft.pk}/review/", data)
    assert response.status_code == status and message in html(response)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SUBMITTED


@pytest.mark.parametrize(
    ("decision", "status"),
    [("rejected", DraftStatus.REJECTED), ("changes_requested", DraftStatus.CHANGES_REQUESTED)],
)
def test_rejection_or_changes_with_a_reason_go_back_to_the_author(
    draft: Draft, writer: User, as_user: Callable[[str], Client], decision: str, status: str
) -> None:
    svc.submit(writer, draft)
    reason = "Wrong opening time <b>check</b>"
    response = as_user("communications_lead").post(
        f"/posts/{draft.pk}/review/", {"decision": decision, "reason": reason}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == status
    page = html(as_user("moderator").get(f"/posts/{draft.pk}/"))
    assert "Wrong opening time &lt;b&gt;check&lt;/b&gt;" in page
    assert 'data-testid="edit-link"' in page and 'data-testid="submit"' in page


def test_approve_then_publish_with_a_link(draft: Draft, writer: User, as_user: Callable[[str], Client]) -> None:
    as_user("moderator").post(f"/posts/{draft.pk}/submit/")
    lead = as_user("communications_lead")
    assert 'data-testid="review-form"' in html(lead.get(f"/posts/{draft.pk}/"))
    assert lead.post(f"/posts/{draft.pk}/review/", {"decision": "approved"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == DraftStatus.APPROVED
    url = "https://www.facebook.com/example/posts/1"
    assert lead.post(f"/posts/{draft.pk}/publish/", {"mode": "now", "url": url}).status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.published_url) == (DraftStatus.PUBLISHED, url)
    assert f'href="{url}"' in html(lead.get(f"/posts/{draft.pk}/"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"mode": "now", "url": "javascript:alert(1)"}, "Enter the post&#39;s web address"),
        ({"mode": "now", "url": "https://example.com/" + "x" * 600}, "Enter the post&#39;s web address"),
        ({"mode": "schedule", "scheduled_for": "tomorrow"}, "Enter the date and time to publish"),
        ({"mode": "schedule", "scheduled_for": "2001-01-01T09:00"}, "Enter a time in the future"),
    ],
)
def test_publish_problems(
    draft: Draft,
    writer: User,
    users: dict[str, User],
    as_user: Callable[[str], Client],
    data: dict[str, str],
    message: str,
) -> None:
    svc.submit(writer, draft)
    svc.review(users["communications_lead"], draft, "approved")
    response = as_user("moderator").post(f"/posts/{draft.pk}/publish/", data)
    assert response.status_code == 400 and message in html(response)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.APPROVED


def test_schedule_then_publish(
    draft: Draft, writer: User, users: dict[str, User], as_user: Callable[[str], Client]
) -> None:
    svc.submit(writer, draft)
    svc.review(users["communications_lead"], draft, "approved")
    later = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    client = as_user("moderator")
    assert client.post(f"/posts/{draft.pk}/publish/", {"mode": "schedule", "scheduled_for": later}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SCHEDULED
    assert client.post(f"/posts/{draft.pk}/publish/", {"mode": "now"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PUBLISHED


def test_an_unapproved_draft_cannot_be_published(draft: Draft, as_user: Callable[[str], Client]) -> None:
    response = as_user("moderator").post(f"/posts/{draft.pk}/publish/", {"mode": "now"})
    assert response.status_code == 409 and "Only an approved post can be published" in html(response)


def test_amendment_is_a_new_draft_linked_both_ways(
    draft: Draft, writer: User, users: dict[str, User], as_user: Callable[[str], Client]
) -> None:
    client = as_user("moderator")
    response = client.get(f"/posts/{draft.pk}/amend/")
    assert response.status_code == 302  # not published yet
    refused = client.post(f"/posts/{draft.pk}/amend/", {"text": GOOD + " Amended."})
    assert refused.status_code == 409 and "Only a published post can be amended" in html(refused)
    assert Draft.objects.count() == 1
    svc.submit(writer, draft)
    svc.review(users["communications_lead"], draft, "approved")
    svc.publish(writer, draft)
    assert client.get(f"/posts/{draft.pk}/amend/").status_code == 200
    response = client.post(f"/posts/{draft.pk}/amend/", {"text": GOOD.replace("9am", "10am") + " (Amended: time)"})
    amendment = Draft.objects.exclude(pk=draft.pk).get()
    assert response.status_code == 302 and amendment.amends == draft
    assert f'href="/posts/{draft.pk}/"' in html(client.get(f"/posts/{amendment.pk}/"))
    assert f'href="/posts/{amendment.pk}/"' in html(client.get(f"/posts/{draft.pk}/"))


def test_list_shows_my_drafts_and_the_queue_only_to_reviewers(
    draft: Draft, writer: User, as_user: Callable[[str], Client]
) -> None:
    svc.submit(writer, draft)
    mine = html(as_user("moderator").get("/posts/"))
    assert 'data-testid="my-drafts"' in mine and 'data-testid="approval-queue"' not in mine
    lead = html(as_user("communications_lead").get("/posts/"))
    assert 'data-testid="approval-queue"' in lead and f'data-draft="{draft.pk}"' in lead
    assert 'data-testid="approval-queue"' not in html(as_user("information_governance_lead").get("/posts/"))


# --- records -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("information_governance_lead", 200),
        ("communications_lead", 200),
        ("admin", 200),
        ("moderator", 403),
        ("safeguarding_lead", 403),
        ("nobody", 403),
    ],
)
def test_records_page_is_for_the_records_roles(as_user: Callable[[str], Client], role: str, status: int) -> None:
    assert as_user(role).get("/posts/records/").status_code == status


def test_records_search_and_download_links(
    draft: Draft, org: Organisation, facebook: Channel, writer: User, as_user: Callable[[str], Client]
) -> None:
    svc.create(writer, org, "Board papers for Tuesday are now online.", channel=facebook)
    client = as_user("information_governance_lead")
    page = html(client.get("/posts/records/", {"keyword": "flu"}))
    assert page.count('data-testid="record-row"') == 1 and f'data-draft="{draft.pk}"' in page
    assert "/api/records?keyword=flu&amp;format=csv" in page
    today = timezone.localdate().isoformat()
    page = html(client.get("/posts/records/", {"start": today, "end": today}))
    assert page.count('data-testid="record-row"') == 2
    assert html(client.get("/posts/records/", {"end": "2000-01-01"})).count('data-testid="record-row"') == 0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "yesterday"}, "Enter the from date"),
        ({"end": "2026-13-45"}, "Enter the to date"),
        ({"start": "2026-10-10", "end": "2026-10-01"}, "The end date is before the start date"),
        ({"keyword": "k" * 201}, "at most 200 characters"),
        ({"keyword": "a\x00b"}, "cannot be searched for"),
    ],
)
def test_records_bad_filters_are_explained(
    as_user: Callable[[str], Client], query: dict[str, str], message: str
) -> None:
    response = as_user("communications_lead").get("/posts/records/", query)
    assert response.status_code == 400 and "nhsuk-error-summary" in html(response) and message in html(response)


# --- hostile text ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hostile", "escaped"),
    [
        ("<script>window.__pwned=true</script>", "&lt;script&gt;window.__pwned=true&lt;/script&gt;"),
        ('<a href="javascript:alert(1)">x</a>', "&lt;a href=&#34;javascript:alert(1)&#34;&gt;x&lt;/a&gt;"),
        ('" onmouseover="alert(1)', "&#34; onmouseover=&#34;alert(1)"),
    ],
)
def test_hostile_draft_text_is_escaped_everywhere(
    org: Organisation, facebook: Channel, writer: User, as_user: Callable[[str], Client], hostile: str, escaped: str
) -> None:
    made = svc.create(writer, org, f"Clinic news {hostile}", channel=facebook)
    for role, path in [
        ("moderator", f"/posts/{made.pk}/"),
        ("moderator", f"/posts/{made.pk}/edit/"),
        ("moderator", "/posts/"),
        ("admin", "/posts/records/"),
    ]:
        page = html(as_user(role).get(path))
        assert hostile not in page and escaped in page, path


def test_template_syntax_in_a_draft_is_shown_not_evaluated(
    org: Organisation, facebook: Channel, writer: User, as_user: Callable[[str], Client]
) -> None:
    made = svc.create(writer, org, "Clinic news {{ 7*7 }} {% debug %}", channel=facebook)
    page = html(as_user("moderator").get(f"/posts/{made.pk}/"))
    assert "Clinic news {{ 7*7 }} {% debug %}" in page and "Clinic news 49" not in page
