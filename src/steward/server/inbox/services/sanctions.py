"""Strikes per author within the pack's window, and the sanction the pack recommends for them.

A strike counts while it is inside the window (``at`` within ``strike_window_days`` of now) and has not been
overturned (an approve or restore of the item sets ``overturned_at``). Steward recommends; a person decides.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from steward.policy import PolicyPack
from steward.policy.schema import Sanctions
from steward.sanctions import Sanction, recommend
from steward.server.governance.packs import active_version, pack_for
from steward.server.inbox.models import Author, Item, Organisation, Strike
from steward.server.inbox.setup import default_organisation


def inbound_pack(org: Organisation | None = None) -> PolicyPack:
    """The active version of the organisation's inbound pack."""
    org = org or default_organisation()
    return pack_for(active_version(org.inbound_pack))


def standing_strikes(author: Author | int, rules: Sanctions, now: datetime | None = None) -> QuerySet[Strike]:
    """The author's strikes that count now: inside the window and not overturned."""
    since = (now or timezone.now()) - timedelta(days=rules.strike_window_days)
    author_id = author.pk if isinstance(author, Author) else author
    return Strike.objects.filter(author_id=author_id, overturned_at__isnull=True, at__gte=since)


def recommended(author: Author | int, rules: Sanctions, now: datetime | None = None) -> Sanction | None:
    """The sanction the pack recommends for the author's standing strikes (None below the warning level)."""
    return recommend(standing_strikes(author, rules, now).count(), rules)


def breaches_by_clause(author: Author | int) -> dict[str, int]:
    """Every clause the author has breached (strikes not overturned, all time), most breached first."""
    author_id = author.pk if isinstance(author, Author) else author
    counts: Counter[str] = Counter()
    for clause_ids in Strike.objects.filter(author_id=author_id, overturned_at__isnull=True).values_list(
        "clause_ids", flat=True
    ):
        counts.update(str(c) for c in clause_ids)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def overturn_strike(item: Item, user: Any, now: datetime) -> Strike | None:
    """Mark the item's standing strike overturned (it stops counting). None when there is none to overturn."""
    strike = Strike.objects.filter(item=item, overturned_at__isnull=True).first()
    if strike is None:
        return None
    Strike.objects.filter(pk=strike.pk).update(overturned_at=now, overturned_by=user)
    strike.overturned_at, strike.overturned_by = now, user
    return strike
