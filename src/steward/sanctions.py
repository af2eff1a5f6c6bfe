"""Strikes per author within the pack's window, and the sanction the pack recommends for them."""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from steward.policy.schema import Sanctions


@dataclass(frozen=True, slots=True)
class Sanction:
    recommended: str  # "warn", "hide_all" or "block_author"
    strikes: int
    window_days: int

    def as_dict(self) -> dict[str, object]:
        return {"recommended": self.recommended, "strikes": self.strikes, "window_days": self.window_days}


def recommend(strikes: int, rules: Sanctions) -> Sanction | None:
    if strikes >= rules.block_at:
        name = "block_author"
    elif strikes >= rules.hide_all_at:
        name = "hide_all"
    elif strikes >= rules.warn_at:
        name = "warn"
    else:
        return None
    return Sanction(name, strikes, rules.strike_window_days)


class StrikeLedger:
    """In-memory strikes for one run (the service keeps them in its database instead)."""

    def __init__(self, rules: Sanctions) -> None:
        self.rules = rules
        self._window = timedelta(days=rules.strike_window_days)
        self._strikes: dict[str, deque[datetime]] = defaultdict(deque)

    def record(self, author_key: str, when: datetime) -> Sanction | None:
        """Add a strike at ``when`` and return the sanction now recommended for the author."""
        times = self._strikes[author_key]
        times.append(when)
        while times and when - times[0] > self._window:
            times.popleft()
        return recommend(len(times), self.rules)
