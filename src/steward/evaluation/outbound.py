"""Evaluate the staff-draft (outbound) checks on a labelled set of drafts: per-category precision and recall,
the action, and the two guarantees the policy needs: every patient-identifiable draft is found, and no good
draft is blocked.

A drafts file is JSONL, one draft per line:

| field        | meaning                                                                                       |
|--------------|-----------------------------------------------------------------------------------------------|
| `id`, `text` | required                                                                                      |
| `expected`   | required: the categories the draft breaches (``[]`` for a good draft)                          |
| `action`     | required: the expected decision (``approve``, ``needs_changes``, ``review`` or ``block``)      |
| `split`      | optional: ``dev`` (tuned on) or ``test`` (held back); default ``all``                          |
| `created_at` | optional ISO 8601 time (decides the pre-election rules); default :data:`DEFAULT_NOW`           |
| `post`       | optional: the post the draft replies to                                                       |
| `account`, `profile`, `amends`, `consent`, `media` | optional, copied to ``ContentItem.extra``              |

Unlike ``steward eval`` on comment sets this needs no optional package: it runs the whole pipeline (assess and
decide, with the pack's rules) and counts. A category is *predicted* when a rule naming it fired.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

from steward.content import Action, Category, ContentItem, Direction
from steward.errors import InputError
from steward.policy.schema import OUTBOUND_ACTIONS, PolicyPack

NAME = "outbound-drafts"
EXTRA_FIELDS = ("account", "profile", "amends", "consent", "media")
#: When a draft has no ``created_at``: a fixed moment outside the bundled pack's pre-election periods.
DEFAULT_NOW = datetime(2026, 10, 14, 12, 0, tzinfo=UTC)
ALL = "all"
_CATEGORIES = tuple(c.value for c in Category)
MAX_LINE_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Draft:
    item: ContentItem
    expected: frozenset[str]
    action: Action
    split: str = ALL


def _draft(record: dict[str, object], where: str) -> Draft:
    ident, text = record.get("id"), record.get("text")
    if not isinstance(ident, str) or not ident or not isinstance(text, str):
        raise InputError(f"{where}: a draft needs a string 'id' and 'text'")
    expected = record.get("expected")
    if not isinstance(expected, list) or not all(isinstance(c, str) and c in _CATEGORIES for c in expected):
        raise InputError(f"{where}: 'expected' must be a list of Steward categories")
    try:
        action = Action(str(record.get("action")))
    except ValueError:
        action = None
    if action not in OUTBOUND_ACTIONS or action is None:
        raise InputError(f"{where}: 'action' must be one of {', '.join(sorted(a.value for a in OUTBOUND_ACTIONS))}")
    created = record.get("created_at")
    try:
        when = datetime.fromisoformat(created) if isinstance(created, str) else None
    except ValueError:
        raise InputError(f"{where}: 'created_at' is not an ISO 8601 time") from None
    extra = {k: v for k in EXTRA_FIELDS if isinstance(v := record.get(k), str)}
    post = record.get("post")
    split = record.get("split")
    item = ContentItem(
        id=ident,
        text=text,
        post=post if isinstance(post, str) else None,
        created_at=when,
        direction=Direction.OUTBOUND,
        extra=MappingProxyType(extra),
    )
    return Draft(item, frozenset(expected), action, split if isinstance(split, str) and split else ALL)


def load_drafts(path: Path) -> list[Draft]:
    """Every draft in ``path``. A malformed line stops the load with its line number: an evaluation on silently
    dropped drafts would mislead."""
    if not path.is_file():
        raise InputError(f"{path} not found")
    out: list[Draft] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            if len(line) > MAX_LINE_CHARS:
                raise InputError(f"{where}: line longer than {MAX_LINE_CHARS:,} characters")
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise InputError(f"{where}: expected a JSON object")
            draft = _draft(record, where)
            if draft.item.id in seen:
                raise InputError(f"{where}: duplicate id {draft.item.id!r}")
            seen.add(draft.item.id)
            out.append(draft)
    return out


def looks_like_drafts(path: Path) -> bool:
    """Whether ``path`` is a JSONL file whose first record carries ``expected`` and ``action``."""
    if not path.is_file() or path.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and "expected" in first and "action" in first
    return False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the pipeline made of one draft."""

    draft: Draft
    action: Action
    categories: frozenset[str]

    @property
    def blocked_good(self) -> bool:
        return not self.draft.expected and self.action is Action.BLOCK


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def positives(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def as_dict(self) -> dict[str, object]:
        p, r = self.precision, self.recall
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "positives": self.positives,
            "precision": None if p is None else round(p, 4),
            "recall": None if r is None else round(r, 4),
        }


@dataclass(frozen=True, slots=True)
class SplitReport:
    split: str
    outcomes: tuple[Outcome, ...]
    categories: dict[str, Counts] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def good(self) -> int:
        return sum(1 for o in self.outcomes if not o.draft.expected)

    @property
    def action_accuracy(self) -> float | None:
        return sum(o.action is o.draft.action for o in self.outcomes) / self.n if self.n else None

    @property
    def blocked_good(self) -> list[str]:
        return [o.draft.item.id for o in self.outcomes if o.blocked_good]

    def mismatches(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.categories != o.draft.expected or o.action is not o.draft.action]

    def as_dict(self) -> dict[str, object]:
        acc = self.action_accuracy
        return {
            "n": self.n,
            "good": self.good,
            "action_accuracy": None if acc is None else round(acc, 4),
            "blocked_good": self.blocked_good,
            "categories": {c: counts.as_dict() for c, counts in self.categories.items()},
            "mismatches": [
                {
                    "id": o.draft.item.id,
                    "expected": sorted(o.draft.expected),
                    "got": sorted(o.categories),
                    "expected_action": o.draft.action.value,
                    "action": o.action.value,
                }
                for o in self.mismatches()
            ],
        }


def _counts(outcomes: Sequence[Outcome], categories: Iterable[str]) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for c in categories:
        tp = sum(1 for o in outcomes if c in o.draft.expected and c in o.categories)
        fp = sum(1 for o in outcomes if c not in o.draft.expected and c in o.categories)
        fn = sum(1 for o in outcomes if c in o.draft.expected and c not in o.categories)
        out[c] = Counts(tp, fp, fn)
    return out


def run_drafts(drafts: Sequence[Draft], pack: PolicyPack) -> list[Outcome]:
    """Check every draft with the pack's outbound pipeline (one batch context for the run)."""
    if pack.direction is not Direction.OUTBOUND:
        raise InputError(f"pack {pack.id!r} is for {pack.direction.value} content; drafts need an outbound pack")
    from steward.pipeline import Pipeline  # loads every detector: only when an evaluation actually runs

    pipeline = Pipeline(pack)
    context = pipeline.batch()
    out: list[Outcome] = []
    for d in drafts:
        decision = pipeline.check(d.item, context, now=DEFAULT_NOW)
        out.append(Outcome(d, decision.action, frozenset(decision.categories)))
    return out


def report(outcomes: Sequence[Outcome], split: str | None = None) -> list[SplitReport]:
    """Reports for ``split`` only, or (``None``) for each split in file order and then all drafts together."""
    present = list(dict.fromkeys(o.draft.split for o in outcomes))
    several = len(present) > 1
    chosen = [split] if split is not None else [*present, ALL] if several else [ALL]
    reports: list[SplitReport] = []
    chosen_outcomes = [o for o in outcomes if ALL in chosen or o.draft.split in chosen]
    seen = {c for o in chosen_outcomes for c in (*o.draft.expected, *o.categories)}
    categories = [c for c in _CATEGORIES if c in seen]
    for s in chosen:
        subset = tuple(o for o in outcomes if s == ALL or o.draft.split == s)
        if not subset:
            raise InputError(f"no drafts in split {s!r}; splits in the file: {', '.join(present)}")
        reports.append(SplitReport(s, subset, _counts(subset, categories)))
    return reports
