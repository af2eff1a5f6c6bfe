"""Regenerates docs/screenshots/ (inbox, item page, dashboard): `make screenshots` runs this file on its own.

Not collected by the normal test run (the file name does not start with ``test_``). Time is pinned to a Wednesday
morning inside monitored hours, and the data is made here, so the pictures are the same on every machine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from playwright.sync_api import Page

from steward.server.inbox.models import Item
from steward.server.inbox.services.actions import ActionRequest, act
from steward.server.inbox.setup import channel
from tests.server.factories import TEXTS, make_item
from tests.web.axe import assert_accessible

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 18, 11, 0, tzinfo=LONDON)
TODAY: tuple[tuple[str, str, int], ...] = (
    # text, author, minutes before NOW it arrived
    ("Vote Reform UK on Thursday, they will fix the NHS", "harry_v", 95),
    ("Is the walk-in centre on Market Street open on bank holidays? Can't find it on the website", "sam_k", 40),
    (TEXTS["political"], "jo_b", 70),
    ("Who is the named consultant on Ward 7? My dad was there last week, Mr Patel in bed 4", "concerned_son", 130),
    ("Brilliant care from the maternity team, thank you all", "new_mum", 20),
    (TEXTS["complaint"], "waited_6h", 50),
    (TEXTS["abuse"], "angry_123", 35),
    (TEXTS["commercial"], "deals4u", 15),
    (TEXTS["phone"], "maria.g", 25),
    ("You lot are a disgrace, I'll be having words with the manager", "frustrated", 65),
)
EARLIER: tuple[tuple[str, str], ...] = (
    (TEXTS["fine"], "hide"),
    (TEXTS["abuse"], "hide"),
    (TEXTS["political"], "approve"),
    (TEXTS["commercial"], "remove"),
    (TEXTS["complaint"], "approve"),
)


def _history(facebook: Any, x: Any, moderator: Any) -> None:
    """Two weeks of items and responses, so the dashboard has something to draw."""
    for day in range(13, 0, -1):
        moment = NOW - timedelta(days=day)
        if moment.weekday() >= 5:
            continue
        for n in range(2 + day % 4):
            text, kind = EARLIER[(day + n) % len(EARLIER)]
            arrived = moment.replace(hour=9 + n % 6, minute=10 * n % 60)
            with time_machine.travel(arrived, tick=False):
                item = make_item(facebook if n % 3 else x, text, author=f"user{day}_{n}", received_at=arrived)
            with time_machine.travel(arrived + timedelta(minutes=15 + 25 * n), tick=False):
                reason = "Breaks the house rules" if kind == "remove" else ""
                act(moderator, item.pk, ActionRequest(kind=kind, reason=reason))


def test_screenshots(facebook: Any, users: Any, signed_in: Callable[[str], Page], live_server: Any) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    x = channel("trust-x", platform="x", name="Trust on X")
    _history(facebook, x, users["moderator"])
    with time_machine.travel(NOW, tick=False):
        made: list[Item] = []
        for i, (text, author, minutes) in enumerate(TODAY):
            arrived = NOW - timedelta(minutes=minutes)
            made.append(make_item(x if i % 4 == 3 else facebook, text, author=author, received_at=arrived))
        page = signed_in("admin")
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/inbox/?queue=needs_review")
        assert_accessible(page)
        page.screenshot(path=str(OUT / "inbox.png"), full_page=True)
        abuse = next(i for i in made if i.text == TEXTS["phone"])
        page.goto(f"{live_server.url}/items/{abuse.pk}/")
        assert_accessible(page)
        page.screenshot(path=str(OUT / "item.png"), full_page=True)
        page.goto(f"{live_server.url}/dashboard/")
        assert_accessible(page)
        page.screenshot(path=str(OUT / "dashboard.png"), full_page=True)
