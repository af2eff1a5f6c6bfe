"""The values that flow through Steward: ContentItem → Assessment → Decision.

Everything here is frozen, typed and free of I/O. ``assess`` produces an Assessment from a ContentItem;
``decide`` turns an Assessment and a policy into a Decision. A Decision records everything needed to replay
it: policy id and version, rule ids, detector names and versions, and a hash of the input.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

#: ``json.dumps(..., sort_keys=True, ensure_ascii=False)`` without building an encoder per call.
_HASH_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False)


class Category(StrEnum):
    """Finding categories (TAXONOMY.md). Names are a public contract: other tools parse them."""

    PERSONAL_INFO = "personal_info"
    PATIENT_INFO = "patient_info"
    CONFIDENTIAL = "confidential"
    ABUSE = "abuse"
    THREAT = "threat"
    HATE = "hate"
    PROFANITY = "profanity"
    SEXUAL = "sexual"
    DEFAMATION = "defamation"
    COMMERCIAL = "commercial"
    POLITICAL = "political"
    OFF_TOPIC = "off_topic"
    IMPERSONATION = "impersonation"
    COPYRIGHT = "copyright"
    SELF_HARM = "self_harm"
    CHILD_SAFETY = "child_safety"
    EXTREMISM = "extremism"
    COMPLAINT = "complaint"
    URGENT_MEDICAL = "urgent_medical"
    LINK = "link"
    # outbound only (staff drafts)
    MISSING_DISCLAIMER = "missing_disclaimer"
    UNMARKED_AMENDMENT = "unmarked_amendment"
    SPEAKING_ON_BEHALF = "speaking_on_behalf"
    CORPORATE_EMAIL = "corporate_email"


class Action(StrEnum):
    """Item actions. Inbound ones are listed most urgent first; outbound ones follow."""

    ESCALATE = "escalate"
    REMOVE = "remove"
    HIDE = "hide"
    REDIRECT = "redirect"
    REVIEW = "review"
    ALLOW = "allow"
    # outbound (staff drafts)
    BLOCK = "block"
    NEEDS_CHANGES = "needs_changes"
    APPROVE = "approve"


#: Priority of inbound actions: lower wins.
INBOUND_PRIORITY: Mapping[Action, int] = MappingProxyType(
    {a: i for i, a in enumerate([Action.ESCALATE, Action.REMOVE, Action.HIDE, Action.REDIRECT, Action.REVIEW])}
    | {Action.ALLOW: 99}
)
#: Priority of outbound actions: lower wins.
OUTBOUND_PRIORITY: Mapping[Action, int] = MappingProxyType(
    {Action.BLOCK: 0, Action.NEEDS_CHANGES: 1, Action.REVIEW: 2, Action.APPROVE: 99}
)


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


@dataclass(frozen=True, slots=True)
class Author:
    id: str | None = None
    handle: str | None = None
    display_name: str | None = None


@dataclass(frozen=True, slots=True)
class ContentItem:
    """One piece of content, normalised from whatever platform or file it came from.

    ``post`` is the text of the post this item replies to (for relevance checks); ``thread`` holds earlier
    replies in the same thread, oldest first.
    """

    id: str
    text: str
    platform: str = "generic"
    kind: str = "comment"
    author: Author | None = None
    post: str | None = None
    created_at: datetime | None = None
    direction: Direction = Direction.INBOUND
    thread: tuple[str, ...] = ()
    extra: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def input_hash(self) -> str:
        """SHA-256 of the fields that can change a decision, so a decision can be matched to its input."""
        author = self.author or Author()
        payload: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "platform": self.platform,
            "kind": self.kind,
            "post": self.post,
            "author": [author.id, author.handle, author.display_name],
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "direction": self.direction.value,
            "thread": list(self.thread),
        }
        if self.direction is Direction.OUTBOUND and self.extra:
            # a staff draft's account, profile, amended original and consent change its decision
            payload["extra"] = {k: self.extra[k] for k in sorted(self.extra)}
        blob = _HASH_JSON.encode(payload).encode("utf-8")
        return "sha256:" + hashlib.sha256(blob).hexdigest()


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a detector found, with the span of text that is its evidence and an explanation.

    ``detector`` is ``name@version`` of the recogniser that produced it (e.g. ``uk_phone@1.0``), ``kind`` the
    specific thing found (e.g. ``uk_phone``, ``nhs_number``, ``slur``). Spans are character offsets into
    ``ContentItem.text``; a finding about the author (e.g. impersonation) has ``field="author"`` and offsets
    into the display name or handle; one about a staff member's profile (``ContentItem.extra["profile"]``) has
    ``field="profile"``. ``fix`` is a suggested fix in plain English (staff drafts: the disclaimer to add, the
    span to remove); empty when the detector offers none. ``evidence`` says what kind of evidence it is:
    ``pattern`` (a word, pattern or phrase a reader can point at) or ``model`` (a learned model's judgement of
    the whole text, its score a calibrated probability); policy rules may treat the two differently.
    """

    category: str
    kind: str
    start: int
    end: int
    score: float
    detector: str
    explanation: str
    field: str = "text"
    fix: str = ""
    evidence: str = "pattern"

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "category": self.category,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "detector": self.detector,
            "explanation": self.explanation,
        }
        if self.field != "text":
            out["field"] = self.field
        if self.fix:
            out["fix"] = self.fix
        if self.evidence != "pattern":
            out["evidence"] = self.evidence
        return out


@dataclass(frozen=True, slots=True)
class DetectorFailure:
    """A detector that raised or ran out of time. The item is never dropped: it goes to human review."""

    detector: str
    error: str
    timed_out: bool = False


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the detectors found about one item. Knows nothing of any policy."""

    item: ContentItem
    findings: tuple[Finding, ...]
    scores: Mapping[str, float]
    detectors: tuple[str, ...]
    failures: tuple[DetectorFailure, ...] = ()

    def top_score(self, category: str) -> float:
        return self.scores.get(category, 0.0)


@dataclass(frozen=True, slots=True)
class ClauseRef:
    """A policy clause quoted in a decision: which policy, its stable id, how the document prints it, its text."""

    policy: str
    id: str
    text: str
    ref: str = ""
    section: str = ""

    def as_dict(self) -> dict[str, str]:
        out = {"policy": self.policy, "id": self.id, "text": self.text}
        if self.ref and self.ref != self.id:
            out["ref"] = self.ref
        if self.section:
            out["section"] = self.section
        return out


@dataclass(frozen=True, slots=True)
class Decision:
    """What the policy says should happen to one item, and why."""

    item_id: str
    action: Action
    categories: tuple[str, ...]
    rule_ids: tuple[str, ...]
    clauses: tuple[ClauseRef, ...]
    findings: tuple[Finding, ...]
    scores: Mapping[str, float]
    detectors: tuple[str, ...]
    policy_id: str
    policy_version: str
    input_hash: str
    rationale: str
    reply_template: str | None = None
    reply_text: str | None = None
    pre_election: bool = False
    failures: tuple[DetectorFailure, ...] = ()
    direction: Direction = Direction.INBOUND
    #: Whether this decision counts as a strike against the author (the pack's rules say which do).
    strike: bool = False

    def as_contract(self) -> dict[str, Any]:
        """The JSON object of the `steward scan` contract (TAXONOMY.md)."""
        out: dict[str, Any] = {
            "id": self.item_id,
            "action": self.action.value,
            "categories": list(self.categories),
            "scores": {k: round(v, 4) for k, v in sorted(self.scores.items())},
            "clauses": [c.as_dict() for c in self.clauses],
            "findings": [f.as_dict() for f in self.findings],
            "rationale": self.rationale,
            "policy": {"id": self.policy_id, "version": self.policy_version},
            "rules": list(self.rule_ids),
            "detectors": list(self.detectors),
            "input_hash": self.input_hash,
        }
        if self.reply_template:
            out["reply"] = {"template": self.reply_template, "text": self.reply_text}
        if self.pre_election:
            out["pre_election"] = True
        if self.strike:
            out["strike"] = True
        if self.failures:
            out["errors"] = [
                {"detector": f.detector, "error": f.error, "timed_out": f.timed_out} for f in self.failures
            ]
        return out


def frozen_scores(scores: Mapping[str, float]) -> Mapping[str, float]:
    """A read-only copy of a score table."""
    return MappingProxyType(dict(scores))
