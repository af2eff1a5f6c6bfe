"""The service's foundations: migrations are complete, first-run data, pack versions, the audit chain."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from steward.content import ContentItem
from steward.server.audit.chain import record, verify
from steward.server.audit.models import AppendOnlyError, AuditEvent
from steward.server.governance.models import PackVersion
from steward.server.governance.packs import active_version, pipeline_for
from steward.server.inbox.models import Organisation

pytestmark = pytest.mark.django_db


def test_models_and_migrations_agree() -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_first_run_creates_the_organisation_from_the_inbound_pack(org: Organisation) -> None:
    assert org.name.startswith("NHS Surrey Heartlands")
    assert org.inbound_pack == "surrey-heartlands-aus"
    assert org.templates.count() >= 5
    assert PackVersion.objects.filter(pack_id="surrey-heartlands-aus", active=True).count() == 1


def test_active_version_is_recorded_once_and_builds_a_pipeline() -> None:
    first = active_version("surrey-heartlands-aus")
    again = active_version("surrey-heartlands-aus")
    assert first.pk == again.pk
    decision = pipeline_for(first).check(ContentItem(id="1", text="Call me on 07911 123456"))
    assert decision.action == "hide"


def test_audit_chain_verifies_and_names_the_tampered_row() -> None:
    for n in range(5):
        record("test.event", actor="alice", object_type="item", object_id=str(n), data={"n": n, "text": "café ✓"})
    assert verify().ok and verify().checked == 5
    target = AuditEvent.objects.get(seq=3)
    with connection.cursor() as cur:  # tamper the way an attacker with database access would
        cur.execute("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["edited", target.pk])
    result = verify()
    assert not result.ok
    assert result.broken_seq == 3 and result.broken_id == target.pk
    assert "altered" in result.problem
    with pytest.raises(CommandError, match="#3"):
        call_command("verify_audit", stdout=StringIO())


def test_audit_chain_detects_a_deleted_row() -> None:
    for n in range(4):
        record("test.event", object_id=str(n))
    with connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditevent WHERE seq = 2")
    result = verify()
    assert not result.ok and result.broken_seq == 3
    assert "missing" in result.problem


def test_audit_chain_detects_a_deleted_last_row() -> None:
    for n in range(3):
        record("test.event", object_id=str(n))
    with connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditevent WHERE seq = 3")
    assert not verify().ok


@pytest.mark.parametrize("change", ["update", "delete", "save"])
def test_audit_events_cannot_be_changed_through_the_orm(change: str) -> None:
    ev = record("test.event", object_id="x")
    with pytest.raises(AppendOnlyError):
        if change == "update":
            AuditEvent.objects.filter(pk=ev.pk).update(reason="x")
        elif change == "delete":
            AuditEvent.objects.filter(pk=ev.pk).delete()
        else:
            ev.reason = "x"
            ev.save()
