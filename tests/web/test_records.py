"""The audit log page, the dashboard (SVG charts and CSV) and the policy page (clauses, rules, versions, upload with
validation), in a real browser, each for the roles that may and may not see it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from steward.server.audit.chain import record
from steward.server.governance.models import PackVersion
from steward.server.inbox.models import Item
from steward.server.inbox.services.actions import ActionRequest, act
from tests.server.factories import TEXTS, make_item
from tests.web.axe import assert_accessible
from tests.web.conftest import Tripwires


@pytest.fixture
def activity(facebook: Any, users: Any) -> list[Item]:
    items = [make_item(facebook, TEXTS[k], author=k) for k in ("abuse", "political", "complaint", "commercial")]
    act(users["moderator"], items[1].pk, ActionRequest(kind="hide", clause_ids=()))
    act(users["moderator"], items[0].pk, ActionRequest(kind="approve"))
    return items


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/audit/", {"information_governance_lead", "admin"}),
        ("/dashboard/", {"communications_lead", "information_governance_lead", "admin"}),
        ("/dashboard.csv", {"communications_lead", "information_governance_lead", "admin"}),
        ("/policy/", {"moderator", "communications_lead", "safeguarding_lead", "information_governance_lead", "admin"}),
    ],
)
def test_each_page_opens_only_for_its_roles(
    db: None, users: Any, signed_in: Callable[[str], Page], live_server: Any, path: str, allowed: set[str]
) -> None:
    for role in users:
        page = signed_in(role)
        response = page.request.get(f"{live_server.url}{path}", max_redirects=0)
        assert (response.status == 200) == (role in allowed), (role, path, response.status)
        page.close()


def test_audit_log_filters_and_exports(
    activity: list[Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("information_governance_lead")
    page.goto(f"{live_server.url}/audit/")
    assert page.get_by_test_id("audit-row").count() >= 3
    assert_accessible(page)
    page.get_by_label("Event (end with * for a prefix)").fill("item.hide")
    page.get_by_test_id("audit-apply").click()
    expect(page.get_by_test_id("audit-row")).to_have_count(1)
    expect(page.get_by_test_id("audit-row")).to_contain_text("moderator")
    with page.expect_download() as download:
        page.get_by_test_id("export-csv").click()
    text = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["event"] for r in rows] == ["item.hide"]
    page.get_by_test_id("verify").click()
    expect(page.get_by_test_id("chain")).to_contain_text("The chain is intact")


@pytest.mark.parametrize("query", ["since=yesterday", "event=%01bad", "until=2026-13-45"])
def test_audit_log_bad_filters_are_explained(
    db: None, users: Any, signed_in: Callable[[str], Page], live_server: Any, query: str
) -> None:
    page = signed_in("information_governance_lead")
    response = page.goto(f"{live_server.url}/audit/?{query}")
    assert response is not None and response.status == 200
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()


def test_hostile_audit_reason_is_inert(
    db: None, users: Any, signed_in: Callable[[str], Page], watch: Callable[[Page], Tripwires], live_server: Any
) -> None:
    record("item.note", actor="<img src=x onerror=alert(1)>", reason="<script>alert(1)</script>" + "W" * 4000)
    page = signed_in("information_governance_lead")
    wires = watch(page)
    page.goto(f"{live_server.url}/audit/")
    expect(page.get_by_test_id("audit-row")).to_contain_text("<script>alert(1)</script>")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    wires.assert_quiet(page)


def test_dashboard_draws_charts_and_offers_the_same_numbers_as_csv(
    activity: list[Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("communications_lead")
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.get_by_test_id("headline-items")).to_have_text("4")
    for chart in ("volume", "clauses", "actions", "responses", "overdue"):
        expect(page.get_by_test_id(f"chart-{chart}")).to_be_visible()
    assert page.get_by_test_id("chart-volume").locator("rect").count() >= 1
    assert_accessible(page)
    response = page.request.get(f"{live_server.url}/dashboard.csv?days=14")
    rows = list(csv.reader(io.StringIO(response.text())))
    assert rows[0] == ["section", "key", "series", "value"]
    assert sum(int(r[3]) for r in rows if r[0] == "volume") == 4
    kinds = {r[1]: int(r[3]) for r in rows if r[0] == "actions_by_kind"}
    assert kinds == {"Hide": 1, "Approve (leave visible)": 1}


def test_dashboard_csv_neutralises_formulas(
    org: Any, signed_in: Callable[[str], Page], live_server: Any, users: Any
) -> None:
    from steward.server.inbox.setup import channel

    evil = channel("evil", platform="x", name='=HYPERLINK("http://evil")')
    make_item(evil, TEXTS["fine"], author="someone")
    page = signed_in("communications_lead")
    text = page.request.get(f"{live_server.url}/dashboard.csv").text()
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text


def test_policy_page_lists_clauses_with_their_rules(
    db: None, users: Any, signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("moderator")
    page.goto(f"{live_server.url}/policy/")
    pack = page.get_by_test_id("pack-surrey-heartlands-aus")
    expect(pack).to_be_visible()
    assert pack.get_by_test_id("clause-row").count() > 5
    expect(pack).to_contain_text("→ hide")
    expect(page.get_by_test_id("upload-pack")).to_have_count(0)
    assert_accessible(page)


def test_admin_uploads_a_pack_invalid_then_valid(
    db: None, users: Any, signed_in: Callable[[str], Page], live_server: Any, tmp_path: Any
) -> None:
    from importlib import resources

    page = signed_in("admin")
    page.goto(f"{live_server.url}/policy/")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Not A Valid Id\nversion: 1\n")
    page.get_by_text("Upload a new version of a pack").click()
    page.get_by_label("Policy pack (YAML)").set_input_files(str(bad))
    page.get_by_test_id("upload-pack").click()
    errors = page.get_by_test_id("upload-errors")
    expect(errors).to_be_visible()
    expect(errors).to_contain_text("bad.yaml:")
    assert_accessible(page)
    before = PackVersion.objects.count()
    source = (resources.files("steward") / "policies").joinpath("surrey-heartlands-aus.yaml").read_text()
    good = tmp_path / "surrey.yaml"
    good.write_text(source.replace("version: ", "version: 2099-01-test\n# was: ", 1))
    page.get_by_label("Policy pack (YAML)").set_input_files(str(good))
    page.get_by_test_id("upload-pack").click()
    expect(page.get_by_test_id("messages")).to_contain_text("is now active")
    expect(page.get_by_test_id("pack-surrey-heartlands-aus").get_by_test_id("active-version")).to_have_text(
        "2099-01-test"
    )
    assert PackVersion.objects.count() == before + 1
