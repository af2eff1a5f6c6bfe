"""Browser tests: Debian's chromium driven by pytest-playwright against pytest-django's live server.

Chromium is /usr/bin/chromium (``scripts/ensure-chromium`` installs it; Playwright's own browser download is not
used). Each test gets a fresh browser context; ``signed_in(role)`` signs a user in by putting a real session
cookie into it, ``sign_in_with_form`` goes through the sign-in page. ``watch(page)`` arms the tripwires the
hostile-input tests read: any dialog, any CSP violation, any page error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import BrowserContext, Dialog, Page

from steward.server.accounts.roles import Role
from tests.server.conftest import PASSWORD, facebook, make_user, org, users  # noqa: F401  (fixtures)

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("STEWARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
ROLES: tuple[str, ...] = tuple(role.value for role in Role)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}


@pytest.fixture(scope="session")
def base_url(live_server: Any) -> str:
    return str(live_server.url)


@dataclass
class Tripwires:
    """What a hostile page must never do: open a dialog, break the CSP, throw, or set ``window.__pwned``."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console_csp: list[str] = field(default_factory=list)

    def assert_quiet(self, page: Page) -> None:
        violations = page.evaluate("window.__cspViolations || []")
        pwned = page.evaluate("window.__pwned === true")
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        assert self.errors == [], f"the page threw: {self.errors}"
        assert violations == [], f"CSP blocked something: {violations}"
        assert self.console_csp == [], f"CSP blocked something: {self.console_csp}"
        assert pwned is False, "injected script ran"


WATCH_SCRIPT = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || ''));
});
"""


@pytest.fixture
def watch() -> Callable[[Page], Tripwires]:
    def arm(page: Page) -> Tripwires:
        wires = Tripwires()

        def on_dialog(dialog: Dialog) -> None:
            wires.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda exc: wires.errors.append(str(exc)))
        page.on(
            "console",
            lambda msg: wires.console_csp.append(msg.text) if "Content Security Policy" in msg.text else None,
        )
        page.add_init_script(WATCH_SCRIPT)
        return wires

    return arm


@pytest.fixture
def signed_in(
    context: BrowserContext,
    live_server: Any,
    users: dict[str, User],  # noqa: F811
) -> Callable[[str], Page]:
    """``signed_in("moderator")`` → a page in a context holding that user's session cookie."""

    def sign_in(name: str) -> Page:
        client = Client()
        client.force_login(users[name])
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": str(live_server.url)}])
        return context.new_page()

    return sign_in


@pytest.fixture
def sign_in_with_form(live_server: Any) -> Callable[[Page, str, str], None]:
    def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
        page.goto(f"{live_server.url}/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_test_id("sign-in").click()

    return sign_in


@pytest.fixture(autouse=True)
def _static_build_present() -> Iterator[None]:
    """The NHS.UK assets come from `make assets`; without them every page would be unstyled and axe meaningless."""
    built = settings.PACKAGE_DIR / "static" / "nhsuk" / ".built"  # type: ignore[misc]
    assert built.exists(), "run `make assets` (npm ci + scripts/build-assets) before the browser tests"
    yield
