"""assess(item) → Assessment: run every detector on one item, each isolated from the others.

A detector that raises, or whose pattern runs out of time, never loses the item: its failure is recorded in
the Assessment and ``decide`` sends the item to human review. Texts longer than MAX_TEXT_CHARS are checked on
their first MAX_TEXT_CHARS characters and flagged the same way.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from functools import lru_cache

from steward.content import Assessment, ContentItem, DetectorFailure, Finding, frozen_scores
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, Detector, category_scores, tag

log = logging.getLogger(__name__)


@lru_cache(maxsize=16)
def _roster(detectors: tuple[Detector, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Names (``name@version``) and every category of a detector set, worked out once per set."""
    names = tuple(tag(d.name, d.version) for d in detectors)
    categories = tuple(dict.fromkeys(c for d in detectors for c in sorted(d.categories)))
    return names, categories


def _valid(finding: Finding, text_len: int) -> bool:
    if finding.field != "text":
        return True
    return 0 <= finding.start <= finding.end <= text_len and 0.0 <= finding.score <= 1.0


def assess(item: ContentItem, detectors: Sequence[Detector], context: AssessContext | None = None) -> Assessment:
    ctx = context if context is not None else AssessContext()
    failures: list[DetectorFailure] = []
    subject = item
    if len(item.text) > MAX_TEXT_CHARS:
        subject = dataclasses.replace(item, text=item.text[:MAX_TEXT_CHARS])
        failures.append(
            DetectorFailure(
                "assess",
                f"text is {len(item.text):,} characters; only the first {MAX_TEXT_CHARS:,} were checked",
            )
        )
    roster = tuple(detectors)
    names, categories = _roster(roster)
    findings: list[Finding] = []
    text_len = len(subject.text)
    for name, detector in zip(names, roster, strict=True):
        try:
            result = detector.detect(subject, ctx)
            if (type(result) is list or type(result) is tuple) and not result:
                continue  # the usual answer: nothing found, nothing to check
            found = list(result)
        except TimeoutError as exc:
            log.warning("detector %s timed out on item %s", name, item.id)
            failures.append(DetectorFailure(name, f"timed out: {exc}", timed_out=True))
            continue
        except Exception as exc:  # a crashing detector must not lose the item
            log.warning("detector %s failed on item %s: %s", name, item.id, type(exc).__name__)
            failures.append(DetectorFailure(name, f"{type(exc).__name__}: {exc}"))
            continue
        good = [f for f in found if _valid(f, text_len)]
        if len(good) != len(found):
            bad = len(found) - len(good)
            failures.append(DetectorFailure(name, f"returned {bad} finding(s) with invalid span or score"))
        findings.extend(good)
    findings.sort(key=lambda f: (f.field != "text", f.start, -f.score))
    return Assessment(
        item=item,
        findings=tuple(findings),
        scores=frozen_scores(category_scores(categories, findings)),
        detectors=names,
        failures=tuple(failures),
    )
