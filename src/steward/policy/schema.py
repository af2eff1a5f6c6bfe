"""Policy pack schema: an organisation's policy as data (pydantic v2).

A pack holds the policy's clauses verbatim, the rules that enforce them, and the organisation settings that
the workflow needs (monitored hours, pre-election periods, contact routes, reply templates, sanctions).
Rules are data, not code: every effect in a Decision names the rule and clause that caused it.
"""

from __future__ import annotations

import string
from datetime import date, time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from steward.content import Action, Category, Direction, Finding

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

INBOUND_ACTIONS = {Action.ESCALATE, Action.REMOVE, Action.HIDE, Action.REDIRECT, Action.REVIEW, Action.ALLOW}
OUTBOUND_ACTIONS = {Action.BLOCK, Action.NEEDS_CHANGES, Action.REVIEW, Action.APPROVE}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Clause(Strict):
    """One operative clause, transcribed verbatim from the source document."""

    id: str = Field(min_length=1, description="Stable id: the document's own number, else section.position")
    ref: str = Field("", description="The number as printed in the document, where it differs from id")
    section: str = Field(min_length=1, description="Section heading the clause sits under")
    text: str = Field(min_length=1, description="Verbatim text")
    note: str = ""


class MonitoredHours(Strict):
    days: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
    start: time
    end: time
    exclude_bank_holidays: bool = True
    #: `holidays` subdivision of the United Kingdom whose bank holidays apply (ENG = England and Wales' list).
    bank_holiday_region: Literal["ENG", "WLS", "SCT", "NIR"] = "ENG"
    #: Target for a first response, counted in monitored minutes.
    response_target_minutes: int = Field(60, gt=0)
    clause: str | None = None

    @model_validator(mode="after")
    def _start_before_end(self) -> MonitoredHours:
        if self.start >= self.end:
            raise ValueError("start must be before end")
        if not self.days:
            raise ValueError("at least one monitored day is needed")
        return self


class PreElectionPeriod(Strict):
    """A dated window (inclusive) in which stricter political rules apply (purdah)."""

    name: str
    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> PreElectionPeriod:
        if self.start > self.end:
            raise ValueError("start must not be after end")
        return self


class Contacts(Strict):
    complaints_url: str
    contact_url: str
    urgent_care_url: str = "https://111.nhs.uk"
    email: str | None = None


class ReplyTemplate(Strict):
    title: str
    text: str
    clause: str | None = None

    def placeholders(self) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self.text) if name}


class Sanctions(Strict):
    """Strikes per author within a window decide the recommended sanction."""

    strike_window_days: int = Field(gt=0)
    warn_at: int = Field(1, gt=0)
    hide_all_at: int = Field(gt=0)
    block_at: int = Field(gt=0, description="Strikes within the window that recommend block_author")
    clause: str | None = None

    @model_validator(mode="after")
    def _ascending(self) -> Sanctions:
        if not self.warn_at <= self.hide_all_at <= self.block_at:
            raise ValueError("warn_at <= hide_all_at <= block_at is required")
        return self


class Organisation(Strict):
    name: str
    short_name: str
    website: str
    #: Phone numbers the organisation itself publishes; never treated as personal data.
    published_numbers: tuple[str, ...] = ("999", "111")
    #: Names and handles impersonators imitate.
    protected_names: tuple[str, ...] = ()
    protected_handles: tuple[str, ...] = ()


class Links(Strict):
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()


class RuleWhen(Strict):
    """Extra conditions for a rule. All given conditions must hold."""

    pre_election: bool | None = None
    platforms: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    #: Only fire when at least one of these categories is also found (e.g. complaint + personal_info).
    with_any: tuple[Category, ...] = ()
    #: Do not fire when any of these categories is also found (e.g. the spam model's review of a comment that
    #: shares a phone number, which the personal-data rule already handles).
    without_any: tuple[Category, ...] = ()
    #: Only count findings of this kind of evidence: ``pattern`` (a word or pattern a reader can point at) or
    #: ``model`` (a learned model's calibrated probability for the whole text). Unset: any finding counts.
    evidence: Literal["pattern", "model"] | None = None
    #: Only count findings of these kinds (e.g. ``distress_encoder``): tells apart two learned heads that report
    #: one category, such as the self-harm head that escalates a crisis and the distress head that asks a
    #: person to look. Empty: any kind counts.
    finding_kinds: tuple[str, ...] = ()
    #: ``true``: only fire when the text refers to a person or people at all (you, @handle, she, a role such as
    #: nurse or receptionist, a name; see ``steward.detectors.target``); ``false``: only when it refers to nobody.
    #: For model-only abuse: a model's probability cannot tell rudeness about a service from abuse of a person.
    aimed_at_person: bool | None = None

    @property
    def filters_findings(self) -> bool:
        """Whether only some findings count (``evidence`` or ``finding_kinds`` is set)."""
        return self.evidence is not None or bool(self.finding_kinds)

    def counts(self, finding: Finding) -> bool:
        """Whether this rule counts ``finding`` as its evidence (its kind of evidence and its finding kinds)."""
        if self.evidence is not None and finding.evidence != self.evidence:
            return False
        return not self.finding_kinds or finding.kind in self.finding_kinds


class Rule(Strict):
    """Categories at or above min_score trigger the action; the clauses are quoted in the decision."""

    id: str = Field(min_length=1)
    description: str
    categories: tuple[Category, ...] = Field(min_length=1)
    min_score: float = Field(0.5, gt=0.0, le=1.0, description="Above zero: a rule fires on something found")
    action: Action
    clauses: tuple[str, ...] = Field(min_length=1)
    reply_template: str | None = None
    #: Whether a breach of this rule counts as a strike against the author.
    strike: bool = True
    when: RuleWhen = RuleWhen()


class PolicyPack(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str
    title: str
    source: str = Field(description="The source document: title, date and file name")
    direction: Direction
    timezone: Literal["Europe/London"] = "Europe/London"
    organisation: Organisation
    monitored_hours: MonitoredHours
    pre_election_periods: tuple[PreElectionPeriod, ...] = ()
    contacts: Contacts
    links: Links = Links()
    candidate_names: tuple[str, ...] = ()
    reply_templates: dict[str, ReplyTemplate] = {}
    sanctions: Sanctions
    clauses: tuple[Clause, ...] = Field(min_length=1)
    rules: tuple[Rule, ...] = Field(min_length=1)

    @field_validator("clauses")
    @classmethod
    def _unique_clause_ids(cls, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
        seen: set[str] = set()
        for c in clauses:
            if c.id in seen:
                raise ValueError(f"duplicate clause id {c.id!r}")
            seen.add(c.id)
        return clauses

    @model_validator(mode="after")
    def _references_resolve(self) -> PolicyPack:
        """Every rule, template and setting must name clauses and templates that exist; collect all errors."""
        errors: list[str] = []
        clause_ids = {c.id for c in self.clauses}
        allowed = INBOUND_ACTIONS if self.direction is Direction.INBOUND else OUTBOUND_ACTIONS
        seen_rules: set[str] = set()
        for i, rule in enumerate(self.rules):
            where = f"rules.{i}"
            if rule.id in seen_rules:
                errors.append(f"{where}.id: duplicate rule id {rule.id!r}")
            seen_rules.add(rule.id)
            errors += [
                f"{where}.clauses: rule {rule.id!r} names clause {c!r}, which does not exist"
                for c in rule.clauses
                if c not in clause_ids
            ]
            if rule.reply_template and rule.reply_template not in self.reply_templates:
                errors.append(f"{where}.reply_template: reply template {rule.reply_template!r} does not exist")
            if rule.action not in allowed:
                errors.append(
                    f"{where}.action: action {rule.action.value!r} is not valid for {self.direction.value} packs"
                )
        for name, tpl in self.reply_templates.items():
            if tpl.clause and tpl.clause not in clause_ids:
                errors.append(f"reply_templates.{name}.clause: clause {tpl.clause!r} does not exist")
        for label, ref in (
            ("monitored_hours", self.monitored_hours.clause),
            ("sanctions", self.sanctions.clause),
        ):
            if ref and ref not in clause_ids:
                errors.append(f"{label}.clause: clause {ref!r} does not exist")
        if errors:
            raise ValueError("; ".join(errors))
        return self

    def clause(self, clause_id: str) -> Clause:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)
