"""decide(assessment, pack) → Decision: the pack's rules turn findings into one action, citing clauses.

- Rules are data: each names categories, a minimum score, an action and the clauses it enforces.
- The most urgent action wins (TAXONOMY.md order); every fired rule and its clauses are kept as the reasons.
- Safeguarding findings on public content are escalated, never removed or hidden without a person, and never
  merely answered with a redirect reply (the safeguarding rule's review or escalation stands).
- Complaints and urgent medical posts get the redirect reply even when personal data also hides them.
- Political rules switch with the item's timestamp: inside a pre-election period the stricter ones apply.
- A failed detector turns an allow into a review that says why; nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from steward.content import (
    INBOUND_PRIORITY,
    OUTBOUND_PRIORITY,
    Action,
    Assessment,
    Category,
    ClauseRef,
    Decision,
    Direction,
    Finding,
)
from steward.detectors.target import PersonTarget, person_target
from steward.policy.calendar import OrgCalendar
from steward.policy.schema import PolicyPack, Rule, RuleWhen
from steward.rationale import explain, fill_template

SAFEGUARDING = frozenset({Category.SELF_HARM, Category.CHILD_SAFETY, Category.EXTREMISM})
#: Which reply a redirect uses when several rules offer one: emergencies first, then complaints.
_REPLY_ORDER = (Category.URGENT_MEDICAL, Category.SELF_HARM, Category.COMPLAINT)


@dataclass(frozen=True, slots=True)
class Fired:
    rule: Rule
    categories: tuple[str, ...]
    score: float
    #: The cue that the text is aimed at a person, for a rule that asks (``when.aimed_at_person``).
    target: PersonTarget | None = None


def _applies(rule: Rule, assessment: Assessment, pre_election: bool, own_handles: Sequence[str]) -> Fired | None:
    scores = assessment.scores  # Category is a StrEnum, so it looks up the same keys as its string value
    hits = tuple(str(c) for c in rule.categories if scores.get(c, 0.0) >= rule.min_score)
    if not hits:
        return None
    when = rule.when
    best: Mapping[str, float] = scores
    if when.filters_findings:
        best = _counted_scores(assessment, when)
        hits = tuple(c for c in hits if best.get(c, 0.0) >= rule.min_score)
        if not hits:
            return None
    item = assessment.item
    if when.pre_election is not None and when.pre_election != pre_election:
        return None
    if when.platforms and item.platform not in when.platforms:
        return None
    if when.kinds and item.kind not in when.kinds:
        return None
    if when.with_any and not any(scores.get(c, 0.0) > 0 for c in when.with_any):
        return None
    if when.without_any and any(scores.get(c, 0.0) > 0 for c in when.without_any):
        return None
    target = None
    if when.aimed_at_person is not None:  # last: the only condition that reads the text
        target = person_target(item.text, own_handles)
        if (target is not None) is not when.aimed_at_person:
            return None
    return Fired(rule, hits, max(best[c] for c in hits), target)


def _counted_scores(assessment: Assessment, when: RuleWhen) -> dict[str, float]:
    """Highest score per category over the findings a rule counts (its kind of evidence, its finding kinds)."""
    out: dict[str, float] = {}
    for f in assessment.findings:
        if when.counts(f) and f.score > out.get(f.category, 0.0):
            out[f.category] = f.score
    return out


_RULE_INDEX: dict[int, tuple[PolicyPack, dict[str, tuple[int, ...]]]] = {}


def _rules_by_category(pack: PolicyPack) -> dict[str, tuple[int, ...]]:
    """Positions of the rules that name each category, built once per pack (packs are frozen)."""
    cached = _RULE_INDEX.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1]
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(pack.rules):
        for c in rule.categories:
            index.setdefault(str(c), []).append(i)
    built = {c: tuple(ix) for c, ix in index.items()}
    if len(_RULE_INDEX) > 64:
        _RULE_INDEX.clear()
    _RULE_INDEX[id(pack)] = (pack, built)
    return built


def _candidate_rules(assessment: Assessment, pack: PolicyPack) -> list[Rule]:
    """Only rules naming a category that scored above zero can fire; most items have none."""
    index = _rules_by_category(pack)
    positions: set[int] = set()
    for category, score in assessment.scores.items():
        if score > 0:
            positions.update(index.get(category, ()))
    return [pack.rules[i] for i in sorted(positions)]


def _priority(direction: Direction) -> Mapping[Action, int]:
    return INBOUND_PRIORITY if direction is Direction.INBOUND else OUTBOUND_PRIORITY


def _final_action(fired: Sequence[Fired], pack: PolicyPack, failed: bool) -> Action:
    """The most urgent action of the fired rules. On public content a safeguarding finding is never hidden or
    removed without a person: where the pack would do that, the item is escalated instead; nor merely answered
    with a redirect reply: the safeguarding rule's own action (review or escalate) is taken. A safeguarding rule
    that only asks for review on a model's word (``_model_review``) promotes nothing."""
    inbound = pack.direction is Direction.INBOUND
    priority = _priority(pack.direction)
    actions = [f.rule.action for f in fired]
    if failed:
        actions.append(Action.REVIEW)
    if not actions:
        return Action.ALLOW if inbound else Action.APPROVE
    best = min(actions, key=lambda a: priority.get(a, 50))
    guarding = [f.rule.action for f in fired if set(f.categories) & SAFEGUARDING and not _model_review(f.rule)]
    if inbound and guarding and best in (Action.REMOVE, Action.HIDE):
        return Action.ESCALATE
    if inbound and guarding and best is Action.REDIRECT:
        # a public reply pointing to the complaints route is no answer to "I can't cope": the safeguarding rule's
        # own action (review or escalate) stands, and the reply stays on the decision for the person to send;
        # beside an urgent medical need (999 / 111) a person must see it now
        if any(Category.URGENT_MEDICAL in f.categories for f in fired):
            return Action.ESCALATE
        return min(guarding, key=lambda a: priority.get(a, 50))
    return best


def _model_review(rule: Rule) -> bool:
    """A rule that only asks a person to look on a learned model's word (the distress head): it changes no other
    rule's action. The promotions above page the safeguarding lead, and are for listed phrases and for rules that
    escalate themselves, not for a model's guess that something might be wrong."""
    return rule.action is Action.REVIEW and rule.when.evidence == "model"


def _reply_rule(fired: Sequence[Fired]) -> Rule | None:
    with_reply = [f for f in fired if f.rule.reply_template]
    if not with_reply:
        return None

    def rank(f: Fired) -> tuple[int, int, int]:
        cats = [Category(c) for c in f.categories]
        order = min((_REPLY_ORDER.index(c) for c in cats if c in _REPLY_ORDER), default=len(_REPLY_ORDER))
        specific = 0 if f.rule.when.with_any else 1  # e.g. "complaint that also holds personal details"
        return (order, specific, 0 if f.rule.action is Action.REDIRECT else 1)

    return min(with_reply, key=rank).rule


def _clauses(fired: Sequence[Fired], pack: PolicyPack) -> tuple[ClauseRef, ...]:
    seen: dict[str, ClauseRef] = {}
    for f in fired:
        for cid in f.rule.clauses:
            if cid not in seen:
                c = pack.clause(cid)
                seen[cid] = ClauseRef(pack.id, c.id, c.text, c.ref or c.id, c.section)
    return tuple(seen.values())


def decide(
    assessment: Assessment,
    pack: PolicyPack,
    *,
    now: datetime | None = None,
    calendar: OrgCalendar | None = None,
) -> Decision:
    """Apply ``pack`` to ``assessment``. ``now`` stands in for an item with no timestamp."""
    item = assessment.item
    cal = calendar or OrgCalendar.for_pack(pack)
    moment = item.created_at or now or datetime.now(UTC)
    period = cal.pre_election_period(moment)
    own = pack.organisation.protected_handles
    fired = [
        f for rule in _candidate_rules(assessment, pack) if (f := _applies(rule, assessment, period is not None, own))
    ]
    priority = _priority(pack.direction)
    fired.sort(key=lambda f: (priority.get(f.rule.action, 50), -f.score))
    action = _final_action(fired, pack, bool(assessment.failures))

    categories = tuple(dict.fromkeys(c for f in fired for c in f.categories))
    evidence_cats = set(categories)
    evidence: tuple[Finding, ...] = tuple(f for f in assessment.findings if f.category in evidence_cats)
    reply_rule = _reply_rule(fired)
    reply_name = reply_rule.reply_template if reply_rule else None
    reply_text = fill_template(pack, reply_name, item) if reply_name else None
    rationale = explain(
        action=action,
        fired=[(f.rule, f.categories) for f in fired],
        targets={f.rule.id: f.target.describe for f in fired if f.target is not None},
        findings=evidence,
        pack=pack,
        failures=assessment.failures,
        pre_election=period.name if period else None,
        reply=reply_name,
    )
    return Decision(
        item_id=item.id,
        action=action,
        categories=categories,
        rule_ids=tuple(f.rule.id for f in fired),
        clauses=_clauses(fired, pack),
        findings=assessment.findings,
        scores=assessment.scores,
        detectors=assessment.detectors,
        policy_id=pack.id,
        policy_version=pack.version,
        input_hash=item.input_hash(),
        rationale=rationale,
        reply_template=reply_name,
        reply_text=reply_text,
        pre_election=period is not None,
        failures=assessment.failures,
        direction=pack.direction,
        strike=any(f.rule.strike for f in fired),
    )
