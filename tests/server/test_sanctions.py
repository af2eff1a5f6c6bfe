"""Strikes per author within the pack's window (90 days; warn at 1, hide all at 2, block at 3), overturns, history."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User

from steward.errors import NotFound, PermissionDenied
from steward.server.inbox.models import Author, Channel, Item, Organisation
from steward.server.inbox.services import authors
from steward.server.inbox.services.actions import ActionRequest, act
from steward.server.inbox.services.sanctions import breaches_by_clause, inbound_pack, recommended, standing_strikes
from tests.server.factories import TEXTS, make_author, make_item

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 8, 24, 10, 0, tzinfo=LONDON)


def test_the_pack_sets_the_thresholds(org: Organisation) -> None:
    rules = inbound_pack(org).sanctions
    assert (rules.strike_window_days, rules.warn_at, rules.hide_all_at, rules.block_at) == (90, 1, 2, 3)


LADDER = [
    # days ago of each strike-worthy post    standing   recommended
    ([], 0, None),
    ([1], 1, "warn"),
    ([1, 2], 2, "hide_all"),
    ([1, 2, 3], 3, "block_author"),
    ([1, 2, 3, 4, 5], 5, "block_author"),
    ([1, 89, 91], 2, "hide_all"),  # the 91-day-old strike has left the window
    ([91, 120, 400], 0, None),
]


@pytest.mark.parametrize(("days_ago", "standing", "sanction"), LADDER)
def test_strikes_in_the_window_recommend_the_sanction(
    facebook: Channel, org: Organisation, days_ago: list[int], standing: int, sanction: str | None
) -> None:
    author = make_author(facebook, "repeat")
    for days in days_ago:
        make_item(facebook, TEXTS["abuse"], author=author, created_at=NOW - timedelta(days=days))
    make_item(facebook, TEXTS["phone"], author=author)  # hidden, but privacy is never a strike
    make_item(facebook, TEXTS["self_harm"], author=author)  # nor is safeguarding
    rules = inbound_pack(org).sanctions
    assert standing_strikes(author, rules, NOW).count() == standing
    result = recommended(author, rules, NOW)
    assert (result.recommended if result else None) == sanction
    if result:
        assert (result.strikes, result.window_days) == (standing, 90)


def test_an_overturned_decision_stops_counting(facebook: Channel, users: dict[str, User], org: Organisation) -> None:
    author = make_author(facebook, "repeat")
    made = [make_item(facebook, TEXTS["abuse"], author=author) for _ in range(3)]
    rules = inbound_pack(org).sanctions
    assert recommended(author, rules).recommended == "block_author"  # type: ignore[union-attr]
    act(users["moderator"], made[0].pk, ActionRequest("approve"))
    act(users["moderator"], made[1].pk, ActionRequest("restore", reason="taken out of context"))
    result = recommended(author, rules)
    assert result is not None and (result.recommended, result.strikes) == ("warn", 1)
    act(users["moderator"], made[2].pk, ActionRequest("hide"))  # confirming keeps the strike
    assert standing_strikes(author, rules).count() == 1


def test_breaches_per_clause(facebook: Channel) -> None:
    author = make_author(facebook, "repeat")
    make_item(facebook, TEXTS["abuse"], author=author)
    make_item(facebook, TEXTS["abuse"], author=author)
    make_item(facebook, TEXTS["commercial"], author=author)
    assert breaches_by_clause(author) == {"1.p7": 3, "1.4": 2, "1.6": 2, "1.p5": 2, "1.7": 1, "4.p3": 1}
    assert breaches_by_clause(make_author(facebook, "clean")) == {}


def test_history_shows_a_moderator_no_safeguarding_item(facebook: Channel, users: dict[str, User]) -> None:
    author = make_author(facebook, "angry")
    with time_machine.travel(NOW - timedelta(days=1), tick=False):
        abuse = make_item(facebook, TEXTS["abuse"], author=author)
        make_item(facebook, TEXTS["fine"], author=author)
    with time_machine.travel(NOW, tick=False):
        threat = make_item(facebook, TEXTS["threat"], author=author)  # escalated, and a strike
        authors.block(users["moderator"], author.pk, reason="threats", clause_ids=["1.4"])
        seen = authors.history(users["moderator"], author.pk)
        lead = authors.history(users["safeguarding_lead"], author.pk)
    assert seen.item_count == 2 and threat.pk not in {i.id for i in seen.items}
    assert lead.item_count == 3 and lead.items[0].id == threat.pk  # most recent first
    assert [s.item_id for s in seen.strikes] == [None, abuse.pk]  # the threat's strike counts, unlinked
    assert [s.item_id for s in lead.strikes] == [threat.pk, abuse.pk]
    for history in (seen, lead):
        assert history.standing_strikes == 2 and history.window_days == 90
        assert history.sanction is not None and history.sanction.recommended == "hide_all"
        assert history.breaches["1.4"] == 2 and history.author.blocked
        assert [(a.kind, a.reason) for a in history.actions] == [("block", "threats")]


def test_history_needs_a_role(users: dict[str, User], facebook: Channel) -> None:
    author = make_author(facebook, "someone")
    with pytest.raises(PermissionDenied):
        authors.history(users["nobody"], author.pk)
    with pytest.raises(NotFound):
        authors.history(users["moderator"], 999_999)
    assert authors.history(users["information_governance_lead"], author.pk).item_count == 0
    assert Author.objects.count() == 1 and Item.objects.count() == 0
