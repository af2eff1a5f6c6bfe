"""axe-core through axe-playwright-python: a page passes when it has no serious or critical violation."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

BLOCKING = frozenset({"serious", "critical"})
_AXE = Axe()


def blocking_violations(page: Page) -> list[dict[str, Any]]:
    results = _AXE.run(page)
    violations: list[dict[str, Any]] = results.response.get("violations", [])
    return [v for v in violations if v.get("impact") in BLOCKING]


def assert_accessible(page: Page) -> None:
    found = blocking_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n.get('target') for n in v.get('nodes', [])][:5]}" for v in found
    ]
    assert found == [], "axe found serious or critical violations:\n" + "\n".join(summary)
