"""Plain-English rationales a moderator can read aloud, and reply templates filled for one item.

Rationales describe evidence by kind ("a phone number"), never by quoting it: personal data stays out of
logs and screens until someone with the right role reveals it.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence

from steward.content import Action, ContentItem, DetectorFailure, Finding
from steward.policy.schema import PolicyPack, Rule

#: How each finding kind is named in a sentence. Unknown kinds fall back to their words.
KIND_WORDS: Mapping[str, str] = {
    "email": "an email address",
    "uk_phone": "a phone number",
    "uk_postcode": "a postcode",
    "street_address": "a street address",
    "nhs_number": "an NHS number",
    "ni_number": "a National Insurance number",
    "date_of_birth": "a date of birth",
    "person_name": "a person's name",
    "url": "a link",
    "shortener": "a shortened link",
    "denied_domain": "a link to a blocked site",
    "deceptive_domain": "a link with a deceptive address",
    "allowed_domain": "a link to a trusted site",
    # learned models judge the whole comment: say so, rather than name the model's file
    "offensive_encoder": "a learned model",
    "hate_encoder": "a learned model",
    "spam_encoder": "a learned model",
    "self_harm_encoder": "a learned model reading the whole comment",
    "distress_encoder": "a learned model reading the whole comment for distress",
    "complaint_encoder": "a learned model reading the whole comment",
    "urgent_medical_encoder": "a learned model reading the whole comment",
    "threat_encoder": "a learned model reading the whole comment",
    "extremism_encoder": "a learned model reading the whole comment",
    "offensive_model": "a learned model",
    "hate_model": "a learned model",
    "spam_model": "a learned model",
}

ACTION_WORDS: Mapping[Action, str] = {
    Action.ESCALATE: "Escalate now to the named lead (keep the evidence; do not delete)",
    Action.REMOVE: "Remove",
    Action.HIDE: "Hide",
    Action.REDIRECT: "Reply and redirect",
    Action.REVIEW: "Review by a person",
    Action.ALLOW: "Allow",
    Action.BLOCK: "Block this draft",
    Action.NEEDS_CHANGES: "Change this draft before it is posted",
    Action.APPROVE: "Approve",
}

CATEGORY_WORDS: Mapping[str, str] = {
    "personal_info": "personal information",
    "patient_info": "patient-identifiable information",
    "confidential": "confidential information",
    "abuse": "abusive language aimed at someone",
    "threat": "a threat",
    "hate": "hateful content about a protected group",
    "profanity": "offensive language",
    "sexual": "sexual content",
    "defamation": "a damaging allegation about someone",
    "commercial": "commercial promotion",
    "political": "party-political content",
    "off_topic": "content unrelated to the post",
    "impersonation": "impersonation",
    "copyright": "copied content",
    "self_harm": "a risk of suicide or self-harm",
    "child_safety": "a child-safety concern",
    "extremism": "violent extremism",
    "complaint": "a complaint about care or service",
    "urgent_medical": "an urgent medical need",
    "link": "a link",
    "missing_disclaimer": "no 'views are my own' disclaimer",
    "unmarked_amendment": "an amendment that is not marked",
    "speaking_on_behalf": "speaking on behalf of the organisation",
    "corporate_email": "a corporate email address on a profile",
}


def describe_kind(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("_", " "))


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _kinds(findings: Iterable[Finding], category: str, rule: Rule) -> list[str]:
    """How the findings of ``category`` that ``rule`` counted are described (its evidence, at or above its
    threshold), so a rule that reads only a model is not explained by a listed phrase, nor the reverse."""
    return list(
        dict.fromkeys(
            describe_kind(f.kind)
            for f in findings
            if f.category == category and f.score >= rule.min_score and rule.when.counts(f)
        )
    )


def explain(
    *,
    action: Action,
    fired: Sequence[tuple[Rule, tuple[str, ...]]],
    findings: Sequence[Finding],
    pack: PolicyPack,
    failures: Sequence[DetectorFailure],
    pre_election: str | None,
    reply: str | None,
    targets: Mapping[str, str] | None = None,
) -> str:
    """The decision in words. ``targets`` maps a rule id to how the text is aimed at a person, for rules whose
    ``when.aimed_at_person`` asked."""
    parts: list[str] = []
    if not fired and not failures:
        parts.append(f"{ACTION_WORDS[action]}: nothing in it breaches the {pack.title}.")
    elif fired:
        # one reason per category: rules that say the same thing on different evidence (a listed phrase, a
        # learned model) or at different strengths (a model's escalation and its review band) are named
        # together, each with what it counted, and their clauses quoted once each
        grouped: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}
        for rule, cats in fired:
            for cat in cats:
                what = CATEGORY_WORDS.get(cat, cat)
                kinds, aimed, ids, refs = grouped.setdefault(what, ([], [], [], []))
                kinds.extend(k for k in _kinds(findings, cat, rule) if k != what and k not in kinds)
                if targets and rule.id in targets and targets[rule.id] not in aimed:
                    aimed.append(targets[rule.id])
                if rule.id not in ids:
                    ids.append(rule.id)
                refs.extend(r for c in rule.clauses if (r := pack.clause(c).ref or c) not in refs)
        reasons = []
        for what, (kinds, aimed, ids, refs) in grouped.items():
            notes = ([_join(kinds)] if kinds else []) + aimed
            detail = f" ({'; '.join(notes)})" if notes else ""
            named = f"rule {ids[0]}" if len(ids) == 1 else f"rules {_join(ids)}"
            reasons.append(f"{what}{detail}, against clause {', '.join(refs)} ({named})")
        parts.append(f"{ACTION_WORDS[action]}: it contains {_join(reasons)}.")
    if pre_election:
        parts.append(f"It was posted during a pre-election period ({pre_election}), when stricter rules apply.")
    if failures:
        names = _join([f.detector for f in failures])
        parts.append(f"A person must check it because a check could not finish: {names}.")
    if reply:
        title = pack.reply_templates[reply].title
        parts.append(f"Reply with the '{title}' template.")
    return " ".join(parts)


def template_values(pack: PolicyPack, item: ContentItem) -> dict[str, str]:
    name = (item.author.display_name or item.author.handle) if item.author else None
    return {
        "author_name": name or "there",
        "organisation": pack.organisation.name,
        "complaints_url": pack.contacts.complaints_url,
        "contact_url": pack.contacts.contact_url,
        "urgent_care_url": pack.contacts.urgent_care_url,
    }


class _Keep(dict[str, str]):
    """Leaves unknown placeholders visible, so a human sees what is unfilled (and sending can be blocked)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill_template(pack: PolicyPack, name: str, item: ContentItem) -> str:
    template = pack.reply_templates[name].text
    return string.Formatter().vformat(template, (), _Keep(template_values(pack, item)))
