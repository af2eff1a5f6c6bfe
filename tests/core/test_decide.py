"""The decision engine: rules as data, priority order, safeguarding, redirects, purdah, failures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from steward.content import Action, Assessment, Author, ContentItem, DetectorFailure, Finding, frozen_scores
from steward.decide import decide
from steward.policy import load_pack

PACK = load_pack(Path(__file__).resolve().parents[1] / "data" / "mini_pack.yaml")
QUIET_DAY = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
PURDAH_DAY = datetime(2024, 6, 10, 10, 0, tzinfo=UTC)
ALL = ("personal_info", "abuse", "hate", "self_harm", "child_safety", "complaint", "urgent_medical", "political")


def assessment(
    *found: tuple[str, float],
    at: datetime | None = QUIET_DAY,
    failures: tuple[DetectorFailure, ...] = (),
    author: str | None = "Jo Bloggs",
) -> Assessment:
    item = ContentItem(id="t1", text="x" * 40, created_at=at, author=Author(display_name=author) if author else None)
    findings = tuple(Finding(cat, f"{cat}_kind", 0, 5, score, f"{cat}@1.0", "test") for cat, score in found)
    scores = dict.fromkeys(ALL, 0.0)
    for cat, score in found:
        scores[cat] = max(scores[cat], score)
    return Assessment(item, findings, frozen_scores(scores), ("fake@1.0",), failures)


@pytest.mark.parametrize(
    ("found", "action", "rules"),
    [
        ((), Action.ALLOW, ()),
        ((("abuse", 0.49),), Action.ALLOW, ()),  # below the rule's min_score
        ((("abuse", 0.5),), Action.HIDE, ("abuse",)),
        ((("personal_info", 0.99),), Action.HIDE, ("privacy",)),
        ((("hate", 0.9), ("abuse", 0.9)), Action.REMOVE, ("hate", "abuse")),
        ((("complaint", 0.9),), Action.REDIRECT, ("complaint",)),
        ((("complaint", 0.9), ("personal_info", 0.95)), Action.HIDE, ("privacy", "complaint-private", "complaint")),
        ((("self_harm", 0.9),), Action.ESCALATE, ("safeguarding", "safeguarding-weak")),
        ((("self_harm", 0.4),), Action.REVIEW, ("safeguarding-weak",)),  # the pack's review is respected
        ((("self_harm", 0.4), ("abuse", 0.9)), Action.ESCALATE, ("abuse", "safeguarding-weak")),  # never hidden
        (
            (("self_harm", 0.99), ("abuse", 0.9)),
            Action.ESCALATE,
            ("safeguarding", "self-harm-remove", "abuse", "safeguarding-weak"),
        ),
        ((("child_safety", 0.6), ("hate", 0.9)), Action.ESCALATE, ("safeguarding", "hate")),
        ((("political", 0.6),), Action.ALLOW, ()),  # outside purdah the review rule needs 0.7
        ((("political", 0.8),), Action.REVIEW, ("political",)),
    ],
)
def test_actions_and_rules(found: tuple[tuple[str, float], ...], action: Action, rules: tuple[str, ...]) -> None:
    d = decide(assessment(*found), PACK)
    assert d.action is action
    assert d.rule_ids == rules


def test_safeguarding_is_never_auto_removed() -> None:
    # the pack (wrongly) maps a very confident self_harm finding to remove; the engine escalates instead
    d = decide(assessment(("self_harm", 0.99)), PACK)
    assert d.action is Action.ESCALATE
    assert "self-harm-remove" in d.rule_ids


@pytest.mark.parametrize(
    ("found", "action", "reply"),
    [
        # a weak self-harm signal beside a complaint: the pack's review stands, the redirect reply waits for a person
        ((("self_harm", 0.4), ("complaint", 0.9)), Action.REVIEW, "complaint_redirect"),
        # beside an urgent medical need a person must see it now
        ((("self_harm", 0.4), ("urgent_medical", 0.9)), Action.ESCALATE, "urgent_care"),
        # a strong signal escalates whatever else is there
        ((("self_harm", 0.9), ("complaint", 0.9)), Action.ESCALATE, "complaint_redirect"),
        # no safeguarding finding: the redirect is the action, as before
        ((("complaint", 0.9),), Action.REDIRECT, "complaint_redirect"),
    ],
)
def test_safeguarding_is_never_merely_redirected(
    found: tuple[tuple[str, float], ...], action: Action, reply: str
) -> None:
    d = decide(assessment(*found), PACK)
    assert d.action is action
    assert d.reply_template == reply


def test_pre_election_rules_follow_the_item_timestamp() -> None:
    outside = decide(assessment(("political", 0.6), at=QUIET_DAY), PACK)
    inside = decide(assessment(("political", 0.6), at=PURDAH_DAY), PACK)
    assert outside.action is Action.ALLOW and not outside.pre_election
    assert inside.action is Action.HIDE and inside.pre_election
    assert inside.rule_ids == ("political-purdah",)
    assert "pre-election period (General election 2024)" in inside.rationale


def test_item_without_timestamp_uses_now() -> None:
    d = decide(assessment(("political", 0.6), at=None), PACK, now=PURDAH_DAY)
    assert d.pre_election


def test_clauses_are_quoted_once_each_in_rule_order() -> None:
    d = decide(assessment(("hate", 0.9), ("abuse", 0.9)), PACK)
    assert [c.id for c in d.clauses] == ["1.6", "1.4"]
    assert d.clauses[0].text == "do not use insulting, offensive or hateful language"
    assert all(c.policy == "mini-inbound" for c in d.clauses)


@pytest.mark.parametrize(
    ("found", "template", "must_contain"),
    [
        ((("complaint", 0.9),), "complaint_redirect", "https://www.example.nhs.uk/complaints"),
        ((("complaint", 0.9), ("personal_info", 0.95)), "privacy", "Hi Jo Bloggs"),  # the specific rule's reply
        ((("complaint", 0.9), ("urgent_medical", 0.9)), "urgent_care", "call 999"),
        ((("personal_info", 0.95),), "privacy", "personal details"),
    ],
)
def test_reply_templates(found: tuple[tuple[str, float], ...], template: str, must_contain: str) -> None:
    d = decide(assessment(*found), PACK)
    assert d.reply_template == template
    assert d.reply_text is not None and must_contain in d.reply_text
    assert "{" not in d.reply_text


def test_reply_without_author_name_still_reads_well() -> None:
    d = decide(assessment(("complaint", 0.9), author=None), PACK)
    assert d.reply_text is not None and d.reply_text.startswith("Hi there,")


def test_hostile_author_name_is_not_a_format_string() -> None:
    d = decide(assessment(("complaint", 0.9), author="{organisation.__class__}"), PACK)
    assert d.reply_text is not None and "Hi {organisation.__class__}," in d.reply_text


@pytest.mark.parametrize(
    ("found", "action"),
    [((), Action.REVIEW), ((("abuse", 0.9),), Action.HIDE), ((("self_harm", 0.9),), Action.ESCALATE)],
)
def test_detector_failure_means_a_person_looks(found: tuple[tuple[str, float], ...], action: Action) -> None:
    failure = DetectorFailure("abuse@1.0", "RuntimeError: boom")
    d = decide(assessment(*found, failures=(failure,)), PACK)
    assert d.action is action
    assert "abuse@1.0" in d.rationale and "could not finish" in d.rationale
    assert d.as_contract()["errors"][0]["detector"] == "abuse@1.0"


def test_decision_is_replayable_and_explains_itself() -> None:
    a = assessment(("personal_info", 0.99))
    d = decide(a, PACK)
    assert d.policy_id == "mini-inbound" and d.policy_version == "1"
    assert d.input_hash == a.item.input_hash() and d.input_hash.startswith("sha256:")
    assert d.detectors == ("fake@1.0",)
    assert d.strike is True
    assert "clause 1.1" in d.rationale and "rule privacy" in d.rationale
    assert "x" * 10 not in d.rationale  # evidence is described, not quoted


def test_redirect_is_not_a_strike() -> None:
    assert decide(assessment(("complaint", 0.9)), PACK).strike is False


def test_contract_shape() -> None:
    out = decide(assessment(("personal_info", 0.99)), PACK).as_contract()
    assert set(out) >= {"id", "action", "categories", "scores", "clauses", "findings", "rationale", "policy"}
    assert out["scores"]["abuse"] == 0.0 and out["scores"]["personal_info"] == 0.99
    assert out["clauses"][0] == {
        "policy": "mini-inbound",
        "id": "1.1",
        "text": "protect your personal privacy",
        "section": "1. Introduction",
    }
    assert out["policy"] == {"id": "mini-inbound", "version": "1"}


def _surrey_assessment(*found: tuple[str, float, str], text: str = "You are a " + "x" * 31) -> Assessment:
    item = ContentItem(id="t2", text=text, created_at=QUIET_DAY)
    findings = tuple(
        Finding(cat, f"{cat}_{ev}", 0, 40, score, f"{ev}@1.0", "test", evidence=ev) for cat, score, ev in found
    )
    scores = dict.fromkeys(
        ("abuse", "hate", "commercial", "personal_info", "complaint", "urgent_medical", "threat", "extremism"), 0.0
    )
    for cat, score, _ in found:
        scores[cat] = max(scores[cat], score)
    return Assessment(item, findings, frozen_scores(scores), ("fake@1.0",), ())


@pytest.mark.parametrize(
    ("found", "action", "rules"),
    [
        # a listed word or phrase: acted on as before
        ((("abuse", 0.7, "pattern"),), Action.HIDE, ("abuse",)),
        ((("hate", 0.7, "pattern"),), Action.REMOVE, ("hate",)),
        # a model alone: a person looks, unless the model is very sure; never removed, never a strike
        ((("abuse", 0.7, "model"),), Action.REVIEW, ("abuse-model-review",)),
        ((("abuse", 0.95, "model"),), Action.HIDE, ("abuse-model", "abuse-model-review")),
        ((("hate", 0.95, "model"),), Action.HIDE, ("hate-model", "hate-model-review")),
        ((("commercial", 0.75, "model"),), Action.REVIEW, ("commercial-model-review",)),
        ((("commercial", 0.99, "model"),), Action.REVIEW, ("commercial-model-review",)),  # never hidden on its word
        # a shared phone number looks like SMS spam to the model: the privacy rule handles it, no spam review
        ((("commercial", 0.94, "model"), ("personal_info", 0.99, "pattern")), Action.HIDE, ("personal-info",)),
        # hate: "likely" is a calibrated 0.5 or more; abuse from 0.6 (at 0.5 the offensive model queues comments
        # that merely name a group); below, nothing
        ((("abuse", 0.55, "model"),), Action.ALLOW, ()),
        ((("hate", 0.5, "model"),), Action.REVIEW, ("hate-model-review",)),
        ((("hate", 0.45, "model"),), Action.ALLOW, ()),
        # both kinds of evidence: each rule counts only its own
        ((("abuse", 0.65, "pattern"), ("abuse", 0.7, "model")), Action.HIDE, ("abuse", "abuse-model-review")),
        ((("abuse", 0.3, "pattern"), ("abuse", 0.7, "model")), Action.REVIEW, ("abuse-model-review",)),
        # threats: a listed phrase escalates from 0.5 as before; the model escalates from 0.6, a person looks from 0.5
        ((("threat", 0.5, "pattern"),), Action.ESCALATE, ("threat",)),
        ((("threat", 0.65, "model"),), Action.ESCALATE, ("threat-model", "threat-model-review")),
        ((("threat", 0.55, "model"),), Action.REVIEW, ("threat-model-review",)),
        ((("threat", 0.45, "model"),), Action.ALLOW, ()),
        ((("threat", 0.3, "pattern"), ("threat", 0.55, "model")), Action.REVIEW, ("threat-model-review",)),
        # violent extremism: the model escalates from 0.7 and a person looks from 0.5; a listed phrase as before
        (
            (("extremism", 0.75, "model"),),
            Action.ESCALATE,
            ("safeguarding-extremism-model", "safeguarding-extremism-model-review"),
        ),
        ((("extremism", 0.6, "model"),), Action.REVIEW, ("safeguarding-extremism-model-review",)),
        ((("extremism", 0.45, "model"),), Action.ALLOW, ()),
        ((("extremism", 0.5, "pattern"),), Action.ESCALATE, ("safeguarding-extremism", "safeguarding-possible")),
    ],
)
def test_model_evidence_is_treated_as_the_pack_says(
    found: tuple[tuple[str, float, str], ...], action: Action, rules: tuple[str, ...]
) -> None:
    from steward.policy import DEFAULT_INBOUND, get_pack

    d = decide(_surrey_assessment(*found), get_pack(DEFAULT_INBOUND))
    assert d.action is action
    assert d.rule_ids == rules
    # only the pattern rules for abuse, hate and threats count as strikes; a model's word alone never does
    assert d.strike is any(
        ev == "pattern" and ((c in ("abuse", "hate") and s >= 0.6) or (c == "threat" and s >= 0.5))
        for c, s, ev in found
    )


BOTH_MODEL_RULES = ("abuse-model", "abuse-model-review")


@pytest.mark.parametrize(
    ("text", "action", "rules", "said"),
    [
        # the model alone, and the comment refers to nobody: criticism of a service stays up, unqueued
        ("What a stupid decision to close the walk-in centre", Action.ALLOW, (), None),
        ("The app is garbage, crashes every time", Action.ALLOW, (), None),
        ("absolutely shambolic management, the trust should be ashamed", Action.ALLOW, (), None),
        # the organisation's own handle is the organisation, not a person
        ("@SurreyHeartland what a ridiculous waste of money", Action.ALLOW, (), None),
        # aimed at someone: the rules apply as before, and the reason says how it is aimed
        ("you absolute disgrace", Action.HIDE, BOTH_MODEL_RULES, "addressed to someone ('you')"),
        ("@lou.harper sad little woman", Action.HIDE, BOTH_MODEL_RULES, "addressed to an @handle"),
        ("the receptionist is a disgrace", Action.HIDE, BOTH_MODEL_RULES, "('receptionist')"),
        ("what a bunch of clowns", Action.HIDE, BOTH_MODEL_RULES, "calls someone a name ('clowns')"),
        ("N\u0337u\u0336r\u0335s\u0338e\u0337 is thick", Action.HIDE, BOTH_MODEL_RULES, "('nurse')"),
    ],
)
def test_model_abuse_needs_a_person_to_be_aimed_at(
    text: str, action: Action, rules: tuple[str, ...], said: str | None
) -> None:
    from steward.policy import DEFAULT_INBOUND, get_pack

    d = decide(_surrey_assessment(("abuse", 0.95, "model"), text=text), get_pack(DEFAULT_INBOUND))
    assert d.action is action
    assert d.rule_ids == rules
    if said is not None:
        assert said in d.rationale
    # a listed insult needs no such check: the pattern rule fires whatever the text
    listed = decide(_surrey_assessment(("abuse", 0.95, "pattern"), text=text), get_pack(DEFAULT_INBOUND))
    assert listed.rule_ids == ("abuse",)


def test_a_rule_can_ask_for_text_aimed_at_nobody() -> None:
    from steward.policy.schema import Rule, RuleWhen

    rule = Rule(
        id="untargeted",
        description="Rudeness about things, not people",
        categories=("abuse",),
        min_score=0.5,
        action=Action.REVIEW,
        clauses=("1.4",),
        when=RuleWhen(aimed_at_person=False),
    )
    pack = PACK.model_copy(update={"rules": (rule,)})
    untargeted = decide(_surrey_assessment(("abuse", 0.9, "model"), text="garbage app"), pack)
    targeted = decide(_surrey_assessment(("abuse", 0.9, "model"), text="that doctor is garbage"), pack)
    assert (untargeted.rule_ids, targeted.rule_ids) == (("untargeted",), ())


def test_finding_evidence_in_the_contract() -> None:
    pattern = Finding("abuse", "insult", 0, 5, 0.8, "abuse@1.0", "word")
    model = Finding("abuse", "offensive_encoder", 0, 5, 0.8, "minilm@2.0", "model", evidence="model")
    assert "evidence" not in pattern.as_dict()  # unchanged for every existing consumer
    assert model.as_dict()["evidence"] == "model"


@pytest.mark.parametrize(
    ("found", "said", "not_said"),
    [
        # a phrase and a model both found the complaint: one reason, both rules, each kind of evidence named once
        (
            (("complaint", 0.9, "pattern"), ("complaint", 0.9, "model")),
            "complaint pattern and complaint model), against clause 3.p5, 3.p6, 3.p2 (rules complaint and "
            "complaint-model)",
            "(rule complaint)",
        ),
        # the model alone, below its rule's 0.7: the pattern rule fired, and is explained by the phrase only
        (
            (("complaint", 0.9, "pattern"), ("complaint", 0.65, "model")),
            "(complaint pattern), against clause 3.p5, 3.p6, 3.p2 (rule complaint)",
            "complaint model",
        ),
        # a model's escalation and its review band: one reason, both rules, the clauses of both quoted once each
        (
            (("threat", 0.7, "model"),),
            "a threat (threat model), against clause 1.4, 1.p7 (rules threat-model and threat-model-review)",
            "a threat (threat model), against clause 1.4 (",
        ),
        # a model-only rule is never explained by a phrase it did not count
        (
            (("urgent_medical", 0.45, "model"), ("urgent_medical", 0.3, "pattern")),
            "(urgent medical model), against clause 3.p2 (rule urgent-medical-model)",
            "urgent medical pattern",
        ),
    ],
)
def test_the_rationale_names_each_reason_once_with_the_evidence_its_rules_counted(
    found: tuple[tuple[str, float, str], ...], said: str, not_said: str
) -> None:
    from steward.policy import DEFAULT_INBOUND, get_pack

    d = decide(_surrey_assessment(*found, text="my op was cancelled again"), get_pack(DEFAULT_INBOUND))
    assert said in d.rationale, d.rationale
    assert not_said not in d.rationale


def _heads_assessment(*found: tuple[str, str, float, str]) -> Assessment:
    """Findings given as (category, kind, score, evidence): two learned heads may report one category."""
    item = ContentItem(id="t3", text="I just can't see the point any more", created_at=QUIET_DAY)
    findings = tuple(Finding(c, k, 0, 20, s, f"{ev}@1.0", "test", evidence=ev) for c, k, s, ev in found)
    scores: dict[str, float] = {}
    for c, _, s, _ in found:
        scores[c] = max(scores.get(c, 0.0), s)
    return Assessment(item, findings, frozen_scores(scores), ("fake@1.0",), ())


SH_HEAD, DISTRESS = ("self_harm", "self_harm_encoder"), ("self_harm", "distress_encoder")


@pytest.mark.parametrize(
    ("found", "action", "rules"),
    [
        # the distress head only ever asks a person to look, however sure it is: it never pages anyone
        (((*DISTRESS, 0.6, "model"),), Action.REVIEW, ("safeguarding-distress-model",)),
        (((*DISTRESS, 0.99, "model"),), Action.REVIEW, ("safeguarding-distress-model",)),
        (((*DISTRESS, 0.45, "model"),), Action.ALLOW, ()),
        # the self-harm head escalates from 0.6, and its score is not read by the distress rule
        (((*SH_HEAD, 0.7, "model"),), Action.ESCALATE, ("safeguarding-self-harm-model",)),
        (((*SH_HEAD, 0.55, "model"),), Action.ALLOW, ()),
        # both heads: each rule counts only its own head
        (
            ((*SH_HEAD, 0.7, "model"), (*DISTRESS, 0.8, "model")),
            Action.ESCALATE,
            ("safeguarding-self-harm-model", "safeguarding-distress-model"),
        ),
        (((*SH_HEAD, 0.55, "model"), (*DISTRESS, 0.55, "model")), Action.REVIEW, ("safeguarding-distress-model",)),
        (((*SH_HEAD, 0.3, "model"), (*DISTRESS, 0.7, "model")), Action.REVIEW, ("safeguarding-distress-model",)),
        # a model of a kind neither rule names counts for neither; a listed phrase is acted on as before
        ((("self_harm", "some_other_encoder", 0.9, "model"),), Action.ALLOW, ()),
        (
            (("self_harm", "suicidal_statement", 0.9, "pattern"), (*DISTRESS, 0.9, "model")),
            Action.ESCALATE,
            ("safeguarding-self-harm", "safeguarding-distress-model", "safeguarding-possible"),
        ),
    ],
)
def test_two_heads_of_one_category_are_told_apart_by_kind(
    found: tuple[tuple[str, str, float, str], ...], action: Action, rules: tuple[str, ...]
) -> None:
    from steward.policy import DEFAULT_INBOUND, get_pack

    d = decide(_heads_assessment(*found), get_pack(DEFAULT_INBOUND))
    assert d.action is action, d.rule_ids
    assert d.rule_ids == rules
    assert not d.strike


@pytest.mark.parametrize(
    ("found", "action"),
    [
        # the distress head's guess never turns another rule's action into an escalation (no one is paged on it)
        # nor takes the complaints reply away: the promotions are for listed phrases and escalating rules
        (((*DISTRESS, 0.9, "model"), ("abuse", "insult", 0.7, "pattern")), Action.HIDE),
        (((*DISTRESS, 0.9, "model"), ("complaint", "complaint_pattern", 0.9, "pattern")), Action.REDIRECT),
        (((*DISTRESS, 0.9, "model"), ("urgent_medical", "emergency", 0.9, "pattern")), Action.REDIRECT),
        # a listed phrase's weak signal still does, as before
        ((("self_harm", "hopeless", 0.4, "pattern"), ("abuse", "insult", 0.7, "pattern")), Action.ESCALATE),
        (
            (("self_harm", "hopeless", 0.4, "pattern"), ("complaint", "complaint_pattern", 0.9, "pattern")),
            Action.REVIEW,
        ),
        ((("self_harm", "hopeless", 0.4, "pattern"), ("urgent_medical", "emergency", 0.9, "pattern")), Action.ESCALATE),
    ],
)
def test_a_model_review_promotes_nothing(found: tuple[tuple[str, str, float, str], ...], action: Action) -> None:
    from steward.policy import DEFAULT_INBOUND, get_pack

    d = decide(_heads_assessment(*found), get_pack(DEFAULT_INBOUND))
    assert d.action is action, d.rule_ids
    assert "self_harm" in d.categories  # the reason is still on the decision for whoever handles it


def test_the_distress_rule_is_explained_by_its_own_head_only() -> None:
    from steward.policy import DEFAULT_INBOUND, get_pack

    d = decide(_heads_assessment((*SH_HEAD, 0.5, "model"), (*DISTRESS, 0.7, "model")), get_pack(DEFAULT_INBOUND))
    assert "(a learned model reading the whole comment for distress), against clause 5.p1" in d.rationale, d.rationale
    assert "rule safeguarding-distress-model" in d.rationale
    assert "safeguarding-self-harm-model" not in d.rationale
