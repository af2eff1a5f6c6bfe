"""Hostile text from the public, shown in a real browser: nothing it carries may run, and the page must hold its
shape. Every page a moderator opens an item on is checked: the inbox row, the item page, the author page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from steward.server.inbox.models import Author, Item
from tests.server.factories import make_item
from tests.web.axe import assert_accessible
from tests.web.conftest import Tripwires

ZALGO = "Z" + "\u0336\u0337\u0338\u0321\u0322\u0327\u0328\u0334\u0335" * 60 + "algo"
HOSTILE: dict[str, str] = {
    "script": "<script>window.__pwned = true; alert('script')</script> hello",
    "img-onerror": "<img src=x onerror=\"window.__pwned = true; alert('img')\"> look",
    "svg-onload": '<svg onload="window.__pwned=true"><circle r=5></circle></svg>',
    "javascript-link": '<a href="javascript:window.__pwned=true" id="evil">click me</a>',
    "attribute-breakout": '" autofocus onfocus="window.__pwned=true" x="',
    "style-injection": '<style>body{display:none}</style><div style="position:fixed;inset:0">cover</div>',
    "template-injection": "{{ 7*7 }} {% debug %} ${7*7} #{7*7}",
    "long-unbroken": "A" * 5000,
    "long-url": "https://example.com/" + "x" * 3000,
    "rtl-override": "Refund for \u202eexe.tnemyap\u202c please \u2067hidden\u2069",
    "zalgo": ZALGO + " " + ZALGO,
    "mixed": '<iframe src="javascript:alert(1)"></iframe>\u202e' + "B" * 800 + ZALGO,
}
HOSTILE_NAME = "<img src=x onerror=alert('name')>\u202eevil" + "N" * 300


@pytest.fixture
def hostile_items(facebook: Any) -> dict[str, Item]:
    author = Author.objects.create(
        platform=facebook.platform, external_id="hostile", handle="@" + HOSTILE_NAME, display_name=HOSTILE_NAME
    )
    made: dict[str, Item] = {}
    for key, text in HOSTILE.items():
        item = make_item(facebook, "Vote Labour on Thursday! " + text, author=author, external_id=f"hostile-{key}")
        Item.objects.filter(pk=item.pk).update(
            thread=[text, "<b onmouseover=alert(1)>bold</b>"],
            extra={"post_text": text, "permalink_url": "javascript:window.__pwned=true", "profile_url": text},
        )
        made[key] = item
    return made


def assert_layout_holds(page: Page) -> None:
    """No horizontal scrolling of the page, and the main column is no wider than its box."""
    overflow = page.evaluate(
        """() => {
        const doc = document.documentElement;
        const main = document.querySelector('[data-testid=main-column]') || document.querySelector('main');
        return {page: doc.scrollWidth - doc.clientWidth, main: main.scrollWidth - main.clientWidth};
    }"""
    )
    assert overflow["page"] <= 0, f"the page scrolls sideways by {overflow['page']}px"
    assert overflow["main"] <= 1, f"the main column overflows by {overflow['main']}px"


def assert_no_live_markup(page: Page) -> None:
    assert page.locator("main script, main iframe, main img, main style").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("[onerror], [onload], [onfocus], [onmouseover]").count() == 0


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_hostile_item_page_runs_nothing_and_holds_its_layout(
    hostile_items: dict[str, Item],
    signed_in: Callable[[str], Page],
    watch: Callable[[Page], Tripwires],
    live_server: Any,
    key: str,
) -> None:
    page = signed_in("admin")
    wires = watch(page)
    page.goto(f"{live_server.url}/items/{hostile_items[key].pk}/")
    expect(page.get_by_test_id("comment")).to_be_visible()
    page.get_by_test_id("comment").hover()
    page.mouse.move(5, 5)
    assert_no_live_markup(page)
    assert_layout_holds(page)
    wires.assert_quiet(page)


def test_hostile_text_is_shown_as_text(
    hostile_items: dict[str, Item], signed_in: Callable[[str], Page], live_server: Any
) -> None:
    page = signed_in("admin")
    page.goto(f"{live_server.url}/items/{hostile_items['script'].pk}/")
    expect(page.get_by_test_id("comment")).to_contain_text("<script>window.__pwned = true;")
    page.goto(f"{live_server.url}/items/{hostile_items['template-injection'].pk}/")
    expect(page.get_by_test_id("comment")).to_contain_text("{{ 7*7 }} {% debug %}")
    page.goto(f"{live_server.url}/items/{hostile_items['rtl-override'].pk}/")
    expect(page.get_by_test_id("comment")).to_contain_text("[RLO]exe.tnemyap[PDF]")
    page.goto(f"{live_server.url}/items/{hostile_items['zalgo'].pk}/")
    expect(page.get_by_test_id("zalgo-note")).to_be_visible()
    assert_accessible(page)


def test_hostile_inbox_runs_nothing_and_holds_its_layout(
    hostile_items: dict[str, Item],
    signed_in: Callable[[str], Page],
    watch: Callable[[Page], Tripwires],
    live_server: Any,
) -> None:
    page = signed_in("admin")
    wires = watch(page)
    queues = Counter(Item.objects.filter(pk__in=[i.pk for i in hostile_items.values()]).values_list("queue", flat=True))
    assert sum(queues.values()) == len(HOSTILE)
    for queue, count in queues.items():
        page.goto(f"{live_server.url}/inbox/?queue={queue}")
        expect(page.get_by_test_id("row")).to_have_count(count)
        page.get_by_test_id("queue-table").hover()
        assert_no_live_markup(page)
        assert_layout_holds(page)
        assert_accessible(page)
    wires.assert_quiet(page)


def test_hostile_author_page_runs_nothing_and_holds_its_layout(
    hostile_items: dict[str, Item],
    signed_in: Callable[[str], Page],
    watch: Callable[[Page], Tripwires],
    live_server: Any,
) -> None:
    author_id = next(iter(hostile_items.values())).author_id
    page = signed_in("admin")
    wires = watch(page)
    response = page.goto(f"{live_server.url}/authors/{author_id}/")
    assert response is not None and response.status == 200
    assert_no_live_markup(page)
    assert_layout_holds(page)
    wires.assert_quiet(page)
