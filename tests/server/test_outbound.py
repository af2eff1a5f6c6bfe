"""Staff posts through the service: check, draft, edit history, submit, approval steps, publish, amend, records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from steward.errors import ConflictError, InputError, PermissionDenied
from steward.server.accounts.roles import Role
from steward.server.audit.models import AuditEvent
from steward.server.inbox.models import Channel, Organisation
from steward.server.outbound.models import ApprovalStep, Draft, DraftStatus, PersonalCheckCount
from steward.server.outbound.services import drafts as svc
from steward.server.outbound.services.records import safe_cell

pytestmark = pytest.mark.django_db

GOOD = "Our flu vaccination clinics are open this Saturday from 9am at Bradford Royal Infirmary. No appointment needed."
PATIENT = "Lovely to see Mrs Jane Smith, NHS number 943 476 5919, on ward 7 bed 4 today recovering after her stroke."


@pytest.fixture
def writer(make_user: Callable[..., User]) -> User:
    return make_user("writer", Role.STAFF)


@pytest.fixture
def lead(users: dict[str, User]) -> User:
    return users["communications_lead"]


def test_good_draft_goes_from_draft_to_published_with_one_approval(
    org: Organisation, facebook: Channel, writer: User, lead: User
) -> None:
    draft = svc.create(writer, org, GOOD, channel=facebook)
    assert draft.action == "approve" and draft.status == DraftStatus.DRAFT
    svc.submit(writer, draft)
    assert svc.next_step(draft) is not None and svc.can_review(lead, draft)
    svc.review(lead, draft, "approved")
    assert draft.status == DraftStatus.APPROVED
    svc.publish(lead, draft, url="https://www.facebook.com/example/posts/1")
    assert draft.status == DraftStatus.PUBLISHED and draft.published_at is not None
    events = list(
        AuditEvent.objects.filter(object_type="draft", object_id=str(draft.pk)).values_list("event", flat=True)
    )
    assert events == ["draft.created", "draft.submitted", "draft.approved", "draft.published"]


def test_nobody_approves_their_own_post(org: Organisation, facebook: Channel, lead: User) -> None:
    draft = svc.create(lead, org, GOOD, channel=facebook)
    svc.submit(lead, draft)
    assert not svc.can_review(lead, draft)
    with pytest.raises(PermissionDenied, match="own post"):
        svc.review(lead, draft, "approved")
    assert draft.status == DraftStatus.SUBMITTED


def test_a_moderator_cannot_approve_a_communications_step(
    org: Organisation, facebook: Channel, writer: User, users: dict[str, User]
) -> None:
    draft = svc.create(writer, org, GOOD, channel=facebook)
    svc.submit(writer, draft)
    with pytest.raises(PermissionDenied):
        svc.review(users["moderator"], draft, "approved")


def test_two_steps_need_two_different_approvals_in_order(
    org: Organisation, facebook: Channel, writer: User, lead: User, users: dict[str, User]
) -> None:
    svc.steps_for(org)
    ApprovalStep.objects.create(
        organisation=org, order=2, name="Information governance", role="information_governance_lead"
    )
    draft = svc.create(writer, org, GOOD, channel=facebook)
    svc.submit(writer, draft)
    assert not svc.can_review(users["information_governance_lead"], draft)  # step 1 first
    svc.review(lead, draft, "approved")
    assert draft.status == DraftStatus.SUBMITTED and svc.next_step(draft).name == "Information governance"  # type: ignore[union-attr]
    svc.review(users["information_governance_lead"], draft, "approved")
    assert draft.status == DraftStatus.APPROVED


def test_patient_identifiable_draft_is_blocked_and_cannot_be_submitted(
    org: Organisation, facebook: Channel, writer: User
) -> None:
    draft = svc.create(writer, org, PATIENT, channel=facebook)
    assert draft.action == "block"
    assert any(c["id"] == "7.3.2" for c in draft.result["clauses"])
    with pytest.raises(ConflictError, match=r"7\.3\.2"):
        svc.submit(writer, draft)
    svc.edit(writer, draft, GOOD)
    assert draft.action == "approve"
    assert [v.action for v in draft.versions.all()] == ["block", "approve"]  # the full edit history is kept
    svc.submit(writer, draft)


@pytest.mark.parametrize("decision", ["rejected", "changes_requested"])
def test_rejection_and_changes_need_a_reason_and_return_the_draft(
    org: Organisation, facebook: Channel, writer: User, lead: User, decision: str
) -> None:
    draft = svc.create(writer, org, GOOD, channel=facebook)
    svc.submit(writer, draft)
    with pytest.raises(InputError):
        svc.review(lead, draft, decision, "  ")
    svc.review(lead, draft, decision, "Please add the clinic address.")
    assert draft.status == decision
    svc.edit(writer, draft, GOOD + " Address: Duckworth Lane, Bradford.")
    svc.submit(writer, draft)
    assert draft.status == DraftStatus.SUBMITTED


def test_only_the_author_edits_and_published_posts_are_amended_not_edited(
    org: Organisation, facebook: Channel, writer: User, lead: User
) -> None:
    draft = svc.create(writer, org, GOOD, channel=facebook)
    with pytest.raises(PermissionDenied):
        svc.edit(lead, draft, "changed")
    svc.submit(writer, draft)
    svc.review(lead, draft, "approved")
    svc.publish(writer, draft)
    with pytest.raises(ConflictError):
        svc.edit(writer, draft, "changed after publication")
    amendment = svc.amend(writer, draft, GOOD.replace("Saturday", "Sunday") + " (Amended: the day changed.)")
    assert amendment.amends_id == draft.pk and amendment.status == DraftStatus.DRAFT
    svc.submit(writer, amendment)
    svc.review(lead, amendment, "approved")
    svc.publish(lead, amendment)
    assert list(draft.amendments.all()) == [amendment]


def test_unpublished_drafts_cannot_be_amended_or_published(
    org: Organisation, facebook: Channel, writer: User, lead: User
) -> None:
    draft = svc.create(writer, org, GOOD, channel=facebook)
    with pytest.raises(ConflictError):
        svc.amend(writer, draft, GOOD)
    with pytest.raises(ConflictError):
        svc.publish(lead, draft)


def test_a_corporate_draft_needs_an_account(org: Organisation, writer: User) -> None:
    with pytest.raises(InputError, match="corporate account"):
        svc.create(writer, org, GOOD)


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx"])
def test_csv_cells_cannot_start_a_formula(value: str) -> None:
    assert safe_cell(value).startswith("'")


def test_safe_cell_leaves_ordinary_text() -> None:
    assert safe_cell("Clinic open") == "Clinic open"


# --- API ---------------------------------------------------------------------------------------------------------


def test_personal_check_returns_the_verdict_and_keeps_only_a_count(
    api_client: Callable[[str], Client], org: Organisation
) -> None:
    before = AuditEvent.objects.count()
    response = api_client("moderator").post(
        "/api/check", {"text": PATIENT, "account": "personal"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["action"] == "block"
    assert PersonalCheckCount.objects.get(action="block").count == 1
    assert not Draft.objects.exists()
    texts = json.dumps(list(AuditEvent.objects.values("data", "reason")))
    assert "Jane" not in texts and AuditEvent.objects.count() - before <= 1  # only the pack activation, if any


def test_check_requires_sign_in(client: Client, org: Organisation) -> None:
    response = client.post("/api/check", {"text": GOOD}, content_type="application/json")
    assert response.status_code == 401


def test_api_draft_flow_and_records_export(
    api_client: Callable[[str], Client], org: Organisation, facebook: Channel, users: dict[str, User]
) -> None:
    author, lead, ig = (
        api_client("moderator"),
        api_client("communications_lead"),
        api_client("information_governance_lead"),
    )
    created = author.post("/api/drafts", {"text": GOOD, "channel": facebook.slug}, content_type="application/json")
    assert created.status_code == 201, created.content
    draft_id = created.json()["id"]
    assert author.post(f"/api/drafts/{draft_id}/submit").status_code == 200
    assert (
        author.post(
            f"/api/drafts/{draft_id}/review", {"decision": "approved"}, content_type="application/json"
        ).status_code
        == 403
    )  # own post (and not a reviewer)
    reviewed = lead.post(f"/api/drafts/{draft_id}/review", {"decision": "approved"}, content_type="application/json")
    assert reviewed.status_code == 200 and reviewed.json()["status"] == "approved"
    assert (
        lead.post(f"/api/drafts/{draft_id}/publish", {}, content_type="application/json").json()["status"]
        == "published"
    )
    assert api_client("safeguarding_lead").get(f"/api/drafts/{draft_id}").status_code == 404

    exported = ig.get("/api/records", {"keyword": "flu", "format": "csv"})
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))  # type: ignore[attr-defined]
    assert [r["id"] for r in rows] == [str(draft_id)]
    assert "approved by communications_lead" in rows[0]["approval_trail"]
    as_json = json.loads(b"".join(ig.get("/api/records", {"keyword": "no such words"}).streaming_content))  # type: ignore[attr-defined]
    assert as_json == []
    assert api_client("moderator").get("/api/records").status_code == 403
    assert AuditEvent.objects.filter(event="records.exported").count() == 2
