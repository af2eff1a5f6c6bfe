"""Evaluation tasks: what a label means in Steward's categories, and the policy threshold for each.

A task is either one Steward category (``hate``, ``commercial``, ``personal_info`` ...) or a synthetic task
that pools several categories. Only one synthetic task exists:

| task        | categories pooled                              | used by                                  |
|-------------|------------------------------------------------|------------------------------------------|
| `offensive` | abuse, profanity, hate, threat, sexual         | Davidson, TweetEval offensive, madlibs   |

For a pooled task, Steward's *score* is the highest score over its categories (used for ROC-AUC, PR-AUC and
the curves) and its *prediction* is positive when any category reaches its own policy threshold, which is what
the policy would act on.

The policy threshold of a category is the lowest ``min_score`` among the pack's rules that name it and apply
unconditionally: rules that only fire in a pre-election period (``when.pre_election: true``) or only together
with another category (``when.with_any``) are left out. A category no rule names gets DEFAULT_THRESHOLD.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from steward.content import Category
from steward.policy.schema import PolicyPack

OFFENSIVE = "offensive"
DEFAULT_THRESHOLD = 0.5

#: Synthetic tasks and the categories they pool.
POOLED: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        OFFENSIVE: frozenset({Category.ABUSE, Category.PROFANITY, Category.HATE, Category.THREAT, Category.SEXUAL}),
    }
)

_CATEGORIES = frozenset(c.value for c in Category)


def is_task(name: str) -> bool:
    return name in POOLED or name in _CATEGORIES


def task_categories(task: str) -> frozenset[str]:
    """The Steward categories a task is scored on. Raises ValueError for an unknown task."""
    if task in POOLED:
        return frozenset(str(c) for c in POOLED[task])
    if task in _CATEGORIES:
        return frozenset({task})
    known = ", ".join(sorted({*POOLED, *_CATEGORIES}))
    raise ValueError(f"unknown category or task {task!r}; known: {known}")


def policy_thresholds(pack: PolicyPack) -> dict[str, float]:
    """Category → the lowest unconditional ``min_score`` of the pack's rules that name it. A rule for one kind of
    finding (``when.finding_kinds``: a reported slur, one head's findings) is conditional too: the pack's review of a
    reported slur at 0.4 is not the threshold at which it acts on hate."""
    out: dict[str, float] = {}
    for rule in pack.rules:
        if rule.when.pre_election is True or rule.when.with_any or rule.when.finding_kinds:
            continue
        for category in rule.categories:
            key = str(category)
            out[key] = min(out.get(key, 1.0), rule.min_score)
    return out


def category_threshold(thresholds: Mapping[str, float], category: str) -> float:
    return thresholds.get(category, DEFAULT_THRESHOLD)


def task_threshold(thresholds: Mapping[str, float], task: str) -> float:
    """One number to report for a task: the lowest threshold among its categories."""
    return min(category_threshold(thresholds, c) for c in task_categories(task))


def task_score(scores: Mapping[str, float], task: str) -> float:
    return max((scores.get(c, 0.0) for c in task_categories(task)), default=0.0)


def task_flagged(scores: Mapping[str, float], thresholds: Mapping[str, float], task: str) -> bool:
    return any(scores.get(c, 0.0) >= category_threshold(thresholds, c) for c in task_categories(task))
