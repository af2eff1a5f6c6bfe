"""Glue between a policy pack and the detectors: build the context, then assess and decide.

``assess`` knows nothing of policies and ``decide`` nothing of detectors; this is the one place that knows
both, so the CLI and the service call one thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from steward.assess import assess
from steward.content import ContentItem, Decision
from steward.decide import decide
from steward.detectors.base import AssessContext, Detector, Prefetcher
from steward.policy.calendar import OrgCalendar
from steward.policy.schema import PolicyPack


def context_for(pack: PolicyPack) -> AssessContext:
    """A fresh per-batch context carrying what the organisation tells its detectors."""
    org = pack.organisation
    return AssessContext(
        published_numbers=org.published_numbers,
        protected_names=org.protected_names,
        protected_handles=org.protected_handles,
        candidate_names=pack.candidate_names,
        link_allow=pack.links.allow,
        link_deny=pack.links.deny,
    )


class Pipeline:
    """One pack, one set of detectors. ``check`` is thread-safe; use one ``batch()`` context per run.

    Without ``detectors``, the detectors of ``tier`` (``steward.models.tiers``: ``deterministic``, ``fast`` or
    ``accurate``; default ``STEWARD_TIER`` or ``accurate``) for the pack's direction."""

    def __init__(
        self, pack: PolicyPack, detectors: Sequence[Detector] | None = None, *, tier: str | None = None
    ) -> None:
        from steward.models.tiers import resolve, tier_detectors

        self.pack = pack
        self.tier = resolve(tier) if detectors is None else "custom"
        self.detectors = tuple(detectors) if detectors is not None else tier_detectors(pack.direction, self.tier)
        self.calendar = OrgCalendar.for_pack(pack)
        self._prefetchers = tuple(d for d in self.detectors if isinstance(d, Prefetcher))

    def batch(self) -> AssessContext:
        return context_for(self.pack)

    @property
    def prefetches(self) -> bool:
        """Whether a detector can work ahead on items about to be checked (the accurate tier's encoder)."""
        return bool(self._prefetchers)

    def prefetch(self, items: Sequence[ContentItem]) -> None:
        """Tell the detectors which items come next, so those that can start on them in the background (the
        encoder, on its own threads, while the deterministic detectors run on this one). Decisions are exactly
        those of checking the items one by one; a failure shows when the item is checked, as it would."""
        context = self.batch()  # the pack's lists (links to leave out); no batch state is touched
        for detector in self._prefetchers:
            try:
                detector.prefetch(items, context)
            except Exception:  # working ahead is an optimisation: the check itself will meet and record any error
                continue

    def check(
        self, item: ContentItem, context: AssessContext | None = None, *, now: datetime | None = None
    ) -> Decision:
        assessment = assess(item, self.detectors, context if context is not None else self.batch())
        return decide(assessment, self.pack, now=now, calendar=self.calendar)
