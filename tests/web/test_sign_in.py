"""Sign in and out in a real browser, the CSP on every response, and navigation that follows the role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.web.axe import assert_accessible
from tests.web.conftest import Tripwires

# What each role's header offers (and, by omission, what it must not).
NAV_BY_ROLE: dict[str, set[str]] = {
    "staff": {"Staff posts"},
    "moderator": {"Inbox", "Authors", "Policy", "Staff posts"},
    "communications_lead": {"Inbox", "Authors", "Dashboard", "Policy", "Staff posts"},
    "safeguarding_lead": {"Inbox", "Safeguarding", "Authors", "Policy", "Staff posts"},
    "information_governance_lead": {"Inbox", "Authors", "Dashboard", "Policy", "Audit log", "Staff posts"},
    "admin": {"Inbox", "Safeguarding", "Authors", "Dashboard", "Policy", "Audit log", "Staff posts"},
    "nobody": set(),
}


def nav_labels(page: Page) -> set[str]:
    links = page.locator("nav.nhsuk-header__navigation a.nhsuk-header__navigation-link")
    return {text.strip() for text in links.all_inner_texts()}


@pytest.mark.parametrize("role", sorted(NAV_BY_ROLE))
def test_each_role_signs_in_and_sees_only_its_pages(
    page: Page, live_server: Any, users: Any, sign_in_with_form: Callable[..., None], role: str
) -> None:
    sign_in_with_form(page, role)
    expect(page.get_by_test_id("sign-out")).to_be_visible()
    assert nav_labels(page) == NAV_BY_ROLE[role]
    assert_accessible(page)  # each role's landing page, including the "no role yet" page
    page.get_by_test_id("sign-out").click()
    expect(page).to_have_url(f"{live_server.url}/sign-in/")
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/sign-in/?next=/")


@pytest.mark.parametrize(
    ("username", "password"),
    [("moderator", "wrong password"), ("no-such-user", "correct-horse-battery-staple"), ("", ""), ("<script>", "x")],
)
def test_a_wrong_sign_in_is_refused_with_an_error_summary(
    page: Page,
    users: Any,
    sign_in_with_form: Callable[..., None],
    watch: Callable[[Page], Tripwires],
    username: str,
    password: str,
) -> None:
    wires = watch(page)
    sign_in_with_form(page, username, password)
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    expect(page.get_by_test_id("sign-out")).to_have_count(0)
    assert_accessible(page)
    wires.assert_quiet(page)


def test_the_sign_in_page_is_accessible_and_sends_a_strict_csp(page: Page, live_server: Any) -> None:
    response = page.goto(f"{live_server.url}/sign-in/")
    assert response is not None
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "'nonce-" in csp
    assert_accessible(page)


def test_sign_out_needs_the_csrf_token(page: Page, live_server: Any, signed_in: Callable[[str], Page]) -> None:
    signed = signed_in("moderator")
    response = signed.request.post(f"{live_server.url}/sign-out/", max_redirects=0)
    assert response.status == 403
    signed.goto(f"{live_server.url}/")
    expect(signed.get_by_test_id("sign-out")).to_be_visible()
