"""The two bundled policy packs: valid, verbatim, complete, and enforcing what their documents say.

The source documents are parsed here independently of the YAML, so a dropped, altered or misnumbered
clause fails a test. Broken packs (tests/data/policies/broken-*.yaml, and mutations of the real packs)
must each fail validation with a message naming the problem.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections import Counter
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from steward.content import INBOUND_PRIORITY, OUTBOUND_PRIORITY, Category, ContentItem, Direction
from steward.errors import PolicyError
from steward.pipeline import Pipeline
from steward.policy.loader import bundled_packs, load_pack
from steward.policy.schema import PolicyPack, Rule

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PACKS_DIR = REPO / "src" / "steward" / "policies"
BROKEN_DIR = Path(__file__).resolve().parent / "data" / "policies"
SH, BC = "surrey-heartlands-aus", "bradford-craven-smp"
SOURCES = {
    SH: SHARED / "seeds" / "surrey-heartlands-ccg-social-media-acceptable-use-statement-2020.txt",
    BC: SHARED / "seeds" / "bradford-craven-ccg-internet-and-social-media-policy-2022.txt",
}
ALLOWED_PLACEHOLDERS = {"author_name", "organisation", "complaints_url", "contact_url", "urgent_care_url"}


@cache
def pack(pack_id: str) -> PolicyPack:
    return load_pack(PACKS_DIR / f"{pack_id}.yaml")


@cache
def source(pack_id: str) -> str:
    return SOURCES[pack_id].read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def raw(pack_id: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((PACKS_DIR / f"{pack_id}.yaml").read_text(encoding="utf-8"))
    return data


# --- independent parsing of the source documents -------------------------------------------------------

HEADINGS = {SH: re.compile(r"^(\d+)\. [A-Z][^\t]*$"), BC: re.compile(r"^(\d+(?:\.\d+)?) [A-Z][^\t]*$")}


@cache
def sections(pack_id: str) -> dict[str, tuple[str, ...]]:
    """Lines under each numbered heading, by section number (contents lines carry tabs and are skipped)."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in source(pack_id).split("\n"):
        m = HEADINGS[pack_id].match(line)
        if m:
            current = out.setdefault(m.group(1), [])
        elif current is not None:
            current.append(line)
    return {k: tuple(v) for k, v in out.items()}


def paragraphs(pack_id: str, section: str) -> list[str]:
    """Blank-line separated blocks of a section that are not lists."""
    blocks, block = [], []
    for line in (*sections(pack_id)[section], ""):
        if line.strip():
            block.append(line)
        elif block:
            blocks.append("\n".join(block))
            block = []
    return [b for b in blocks if not b.startswith("- ")]


def test_source_parsers_see_the_documents() -> None:
    assert list(sections(SH)) == ["1", "2", "3", "4", "5", "6"]
    assert {"7.3", "7.4", "7.5", "7.6", "10", "12.1"} <= set(sections(BC))
    assert "1 Introduction\t3" in source(BC)  # the contents line that the heading pattern must skip


# --- validity and references --------------------------------------------------------------------------

PACK_FACTS = [(SH, "2020-06", Direction.INBOUND), (BC, "2.0", Direction.OUTBOUND)]


@pytest.mark.parametrize(("pack_id", "version", "direction"), PACK_FACTS)
def test_pack_validates_both_ways(pack_id: str, version: str, direction: Direction) -> None:
    direct = PolicyPack.model_validate(raw(pack_id))
    assert direct == pack(pack_id)
    assert (direct.id, direct.version, direct.direction, direct.timezone) == (
        pack_id,
        version,
        direction,
        "Europe/London",
    )
    assert bundled_packs()[pack_id] == direct


@pytest.mark.parametrize("pack_id", [SH, BC])
def test_references_resolve_and_ids_are_unique(pack_id: str) -> None:
    p = pack(pack_id)
    ids = Counter(c.id for c in p.clauses)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [i for i, n in Counter(r.id for r in p.rules).items() if n > 1] == []
    prio = INBOUND_PRIORITY if p.direction is Direction.INBOUND else OUTBOUND_PRIORITY
    for rule in p.rules:
        assert set(rule.clauses) <= set(ids), rule.id
        assert rule.reply_template is None or rule.reply_template in p.reply_templates, rule.id
        assert rule.action in prio, rule.id
    refs = [t.clause for t in p.reply_templates.values()] + [p.monitored_hours.clause, p.sanctions.clause]
    assert {r for r in refs if r} <= set(ids)


# --- verbatim text and completeness -------------------------------------------------------------------

ALL_CLAUSES = [(pid, c.id) for pid in (SH, BC) for c in pack(pid).clauses]


@pytest.mark.parametrize(("pack_id", "clause_id"), ALL_CLAUSES)
def test_clause_text_is_verbatim(pack_id: str, clause_id: str) -> None:
    text = pack(pack_id).clause(clause_id).text
    assert text == text.strip()
    assert text in source(pack_id)


@pytest.mark.parametrize(("pack_id", "clause_id"), [(p, c) for p, c in ALL_CLAUSES if ".p" in c])
def test_paragraph_ids_match_their_position(pack_id: str, clause_id: str) -> None:
    m = re.fullmatch(r"(?P<sec>\d+(?:\.\d+)?)\.p(?P<n>\d+)", clause_id)
    assert m, clause_id
    assert paragraphs(pack_id, m["sec"])[int(m["n"]) - 1] == pack(pack_id).clause(clause_id).text


@pytest.mark.parametrize(("section", "expected"), [("1", 8), ("5", 11)])
def test_surrey_every_bullet_is_a_clause(section: str, expected: int) -> None:
    bullets = [line[2:] for line in sections(SH)[section] if line.startswith("- ")]
    assert len(bullets) == expected
    for i, bullet in enumerate(bullets, start=1):
        assert pack(SH).clause(f"{section}.{i}").text == bullet
    numbered = [c.id for c in pack(SH).clauses if re.fullmatch(rf"{section}\.\d+", c.id)]
    assert len(numbered) == expected


def test_bradford_every_numbered_clause_is_present() -> None:
    found = re.findall(r"^(\d+\.\d+\.\d+) - (.+)$", source(BC), flags=re.MULTILINE)
    assert len(found) == 25
    for printed, first_paragraph in found:
        holders = [c for c in pack(BC).clauses if c.text.startswith(first_paragraph)]
        assert len(holders) == 1, printed
        assert printed in (holders[0].id, holders[0].ref), printed
    section_seven = [c for c in pack(BC).clauses if re.fullmatch(r"7\.\d+\.\d+", c.id)]
    assert len(section_seven) == len(found)


def test_bradford_every_best_practice_guideline_is_present() -> None:
    found = re.findall(r"^(\d+)\. (.+)$", "\n".join(sections(BC)["12.1"]), flags=re.MULTILINE)
    assert [n for n, _ in found] == [str(i) for i in range(1, len(found) + 1)]
    for n, text in found:
        clause = pack(BC).clause(f"12.1.{n}")
        assert clause.text.startswith(text)
        assert clause.ref == n
    assert len([c for c in pack(BC).clauses if c.id.startswith("12.1.")]) == len(found)


def test_bradford_misprinted_number() -> None:
    impersonation, confidentiality = pack(BC).clause("7.5.4"), pack(BC).clause("7.6.4")
    assert impersonation.ref == "7.6.4" and "misprint" in impersonation.note
    assert "impersonate another colleague" in impersonation.text
    assert "confidentiality" in confidentiality.text and confidentiality.ref == ""
    assert source(BC).count("\n7.6.4 - ") == 2
    with pytest.raises(KeyError):
        pack(BC).clause("7.4.4")  # the document has no 7.4.4


def test_taxonomy_example_clause_holds() -> None:
    taxonomy = (SHARED / "design" / "TAXONOMY.md").read_text(encoding="utf-8")
    m = re.search(r'"policy": "surrey-heartlands-aus", "id": "([\d.]+)", "text": "([^"]+?) \.\.\."', taxonomy)
    assert m, "TAXONOMY.md no longer shows the example clause"
    assert pack(SH).clause(m[1]).text.startswith(m[2])
    assert pack(SH).clause("1.1").text.startswith("protect your personal privacy")


# --- reply templates ----------------------------------------------------------------------------------

ALL_TEMPLATES = [(pid, name) for pid in (SH, BC) for name in pack(pid).reply_templates]


@pytest.mark.parametrize(("pack_id", "name"), ALL_TEMPLATES)
def test_template_placeholders_are_allowed_and_render(pack_id: str, name: str) -> None:
    tpl = pack(pack_id).reply_templates[name]
    assert tpl.placeholders() <= ALLOWED_PLACEHOLDERS
    rendered = tpl.text.format(**{k: f"<{k}>" for k in ALLOWED_PLACEHOLDERS})
    assert "{" not in rendered.replace("<", "").replace(">", "").replace("{}", "")


@pytest.mark.parametrize("pack_id", [SH, BC])
def test_required_templates(pack_id: str) -> None:
    templates = pack(pack_id).reply_templates
    assert {"complaint_redirect", "privacy", "urgent_care", "general_removal"} <= set(templates)
    urgent = templates["urgent_care"].text
    assert "call 999" in urgent and "call 111" in urgent and "{urgent_care_url}" in urgent
    assert "{complaints_url}" in templates["complaint_redirect"].text


# --- what the rules do --------------------------------------------------------------------------------


def strongest(pack_id: str, category: str, score: float, pre_election: bool, also: tuple[str, ...]) -> Rule | None:
    """The rule a decision would follow for one category (what decide() must agree with)."""
    p = pack(pack_id)
    found = {category, *also}
    matching = [
        r
        for r in p.rules
        if category in r.categories
        and score >= r.min_score
        and r.when.pre_election in (None, pre_election)
        and (not r.when.with_any or found & set(r.when.with_any))
        and not r.when.finding_kinds  # rules for one kind of finding have their own tests below
    ]
    prio = INBOUND_PRIORITY if p.direction is Direction.INBOUND else OUTBOUND_PRIORITY
    return min(matching, key=lambda r: prio[r.action], default=None)


# (pack, category, score, pre_election, also found, action or None, strike, template, a clause it must cite)
EXPECTED = [
    (SH, "self_harm", 0.9, False, (), "escalate", False, "crisis_support", "5.7"),
    (SH, "self_harm", 0.35, False, (), "review", False, None, "5.p1"),
    (SH, "self_harm", 0.2, False, (), None, None, None, None),
    (SH, "child_safety", 0.9, False, (), "escalate", False, None, "5.8"),
    (SH, "extremism", 0.9, True, (), "escalate", False, None, "5.6"),
    (SH, "threat", 0.9, False, (), "escalate", True, None, "1.4"),
    (SH, "hate", 0.9, False, (), "remove", True, None, "1.6"),
    (SH, "sexual", 0.9, False, (), "remove", True, None, "1.6"),
    (SH, "abuse", 0.9, False, (), "hide", True, "general_removal", "1.4"),
    (SH, "abuse", 0.55, False, (), None, None, None, None),  # borderline: criticism stays up
    (SH, "hate", 0.55, False, (), "review", False, None, "1.6"),  # a model finds hate likely: a person decides
    (SH, "hate", 0.45, False, (), None, None, None, None),
    (SH, "profanity", 0.9, False, (), "hide", False, "general_removal", "1.6"),
    (SH, "personal_info", 0.99, False, (), "hide", False, "privacy", "1.1"),
    (SH, "patient_info", 0.9, False, (), "hide", False, "privacy", "1.1"),
    (SH, "urgent_medical", 0.9, False, (), "redirect", False, "urgent_care", "3.p2"),
    (SH, "complaint", 0.9, False, (), "redirect", False, "complaint_redirect", "3.p6"),
    (SH, "complaint", 0.9, False, ("personal_info",), "hide", False, "complaint_privacy", "1.1"),
    (SH, "political", 0.9, False, (), "review", False, None, "4.p1"),
    (SH, "political", 0.5, False, (), None, None, None, None),
    (SH, "political", 0.5, True, (), "hide", False, "political_purdah", "4.p2"),
    (SH, "commercial", 0.9, False, (), "hide", True, None, "1.7"),
    (SH, "defamation", 0.9, False, (), "review", False, None, "1.5"),
    (SH, "impersonation", 0.9, False, (), "hide", True, None, "1.3"),
    (SH, "copyright", 0.9, False, (), "review", False, None, "1.8"),
    (SH, "off_topic", 0.9, False, (), "review", False, None, "1.2"),
    (SH, "off_topic", 0.7, False, (), None, None, None, None),
    (SH, "link", 0.9, False, (), "review", False, None, "1.7"),
    (SH, "link", 0.5, False, (), None, None, None, None),  # an ordinary link
    (BC, "patient_info", 0.9, False, (), "block", True, None, "7.3.2"),
    (BC, "confidential", 0.9, False, (), "block", True, None, "7.3.1"),
    (BC, "defamation", 0.9, False, (), "block", True, None, "7.3.1"),
    (BC, "abuse", 0.9, False, (), "block", True, None, "7.3.4"),
    (BC, "threat", 0.9, False, (), "block", True, None, "7.3.3"),
    (BC, "hate", 0.9, False, (), "block", True, None, "10.p3"),
    (BC, "sexual", 0.9, False, (), "block", True, None, "7.3.3"),
    (BC, "impersonation", 0.9, False, (), "block", True, None, "7.5.4"),
    (BC, "personal_info", 0.9, False, (), "needs_changes", False, None, "7.5.3"),
    (BC, "commercial", 0.9, False, (), "needs_changes", False, None, "7.3.10"),
    (BC, "copyright", 0.9, False, (), "needs_changes", False, None, "12.1.3"),
    (BC, "missing_disclaimer", 0.9, False, (), "needs_changes", False, "disclaimer", "7.5.1"),
    (BC, "corporate_email", 0.9, False, (), "needs_changes", False, None, "7.5.2"),
    (BC, "speaking_on_behalf", 0.9, False, (), "needs_changes", False, None, "7.3.9"),
    (BC, "unmarked_amendment", 0.9, False, (), "needs_changes", False, None, "7.3.6"),
    (BC, "profanity", 0.9, False, (), "needs_changes", False, None, "12.1.1"),
    (BC, "political", 0.9, False, (), "needs_changes", False, None, "12.1.2"),
    (BC, "political", 0.45, False, (), None, None, None, None),
    (BC, "political", 0.45, True, (), "block", False, None, "12.1.2"),
    (BC, "self_harm", 0.9, False, (), "review", False, None, "7.7.1"),
    (BC, "child_safety", 0.9, False, (), "review", False, None, "7.7.1"),
    (BC, "extremism", 0.9, False, (), "review", False, None, "7.7.1"),
]


@pytest.mark.parametrize(
    ("pack_id", "text", "action", "rule"),
    [
        # a slur the comment reports: a person reads it (hate detector 1.1), in the words of the pack's clauses
        (SH, "Got called a P*ki twice in A&E on Saturday while I was triaging. Eid Mubarak", "review", "hate-reported"),
        (SH, "People still call my son a 'retard' in the park", "review", "hate-reported"),
        (SH, "get out you dirty paki", "remove", "hate"),
        # a staff draft that quotes one is checked by a person before it goes out, not blocked outright
        (
            BC,
            "A patient called one of our nurses a P*ki on the ward today. It is never acceptable",
            "review",
            "hate-reported",
        ),
        (BC, "what a p4ki", "block", "hate"),
    ],
)
def test_a_reported_slur_goes_to_a_person(pack_id: str, text: str, action: str, rule: str) -> None:
    decision = Pipeline(pack(pack_id), tier="deterministic").check(ContentItem(id="r1", text=text))
    assert decision.action.value == action, decision.rule_ids
    assert rule in decision.rule_ids and "hate" in decision.categories
    assert not decision.strike or rule == "hate"
    assert {c.id for c in decision.clauses} & ({"1.6"} if pack_id == SH else {"10.p3", "7.3.3"})


@pytest.mark.parametrize(
    ("pack_id", "category", "score", "pre_election", "also", "action", "strike", "template", "clause"), EXPECTED
)
def test_rules_enforce_the_document(
    pack_id: str,
    category: str,
    score: float,
    pre_election: bool,
    also: tuple[str, ...],
    action: str | None,
    strike: bool | None,
    template: str | None,
    clause: str | None,
) -> None:
    rule = strongest(pack_id, category, score, pre_election, also)
    if action is None:
        assert rule is None
        return
    assert rule is not None
    assert (rule.action.value, rule.strike, rule.reply_template) == (action, strike, template)
    assert clause in rule.clauses


def _taxonomy_categories() -> tuple[list[str], list[str]]:
    text = (SHARED / "design" / "TAXONOMY.md").read_text(encoding="utf-8")
    body = text.split("## Categories", 1)[1].split("## Actions", 1)[0]
    table, outbound = body.split("Outbound-only", 1)
    return re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE), re.findall(r"`([a-z_]+)`", outbound)


def test_every_taxonomy_category_has_a_rule_in_the_right_pack() -> None:
    inbound, outbound_only = _taxonomy_categories()
    assert len(inbound) >= 20 and len(outbound_only) == 4
    assert set(inbound) | set(outbound_only) == {c.value for c in Category}
    covered = {pid: {c.value for r in pack(pid).rules for c in r.categories} for pid in (SH, BC)}
    assert set(inbound) - covered[SH] == set()
    assert set(outbound_only) - covered[BC] == set()
    assert covered[SH] & set(outbound_only) == set()  # inbound pack never uses staff-draft categories


def test_inbound_invariants_safeguarding_and_criticism() -> None:
    safeguarding = {Category.SELF_HARM, Category.CHILD_SAFETY, Category.EXTREMISM}
    for rule in pack(SH).rules:
        if safeguarding & set(rule.categories):
            assert rule.action.value in {"escalate", "review"} and rule.strike is False, rule.id
        if Category.COMPLAINT in rule.categories:  # a complaint is never removed for being a complaint
            assert rule.action.value == "redirect" or rule.when.with_any, rule.id
            assert rule.strike is False, rule.id


# --- organisation settings ----------------------------------------------------------------------------

HOURS = [(SH, time(9), time(16), "3.p1", "9am to 4pm"), (BC, time(8), time(17), "7.4.6", "8am to 5pm")]


@pytest.mark.parametrize(("pack_id", "start", "end", "clause", "printed"), HOURS)
def test_monitored_hours_follow_the_clause(pack_id: str, start: time, end: time, clause: str, printed: str) -> None:
    hours = pack(pack_id).monitored_hours
    assert (hours.start, hours.end, hours.days, hours.clause) == (
        start,
        end,
        ("mon", "tue", "wed", "thu", "fri"),
        clause,
    )
    assert hours.exclude_bank_holidays and hours.bank_holiday_region == "ENG"
    assert hours.response_target_minutes == 60
    assert printed in pack(pack_id).clause(clause).text


@pytest.mark.parametrize("pack_id", [SH, BC])
def test_pre_election_periods(pack_id: str) -> None:
    periods = pack(pack_id).pre_election_periods
    spans = [(p.start, p.end) for p in periods]
    assert (date(2024, 5, 25), date(2024, 7, 4)) in spans
    assert (date(2026, 3, 23), date(2026, 5, 7)) in spans
    assert spans == sorted(spans)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans)), "periods overlap"
    assert all(end.weekday() == 3 for _, end in spans), "UK polling days are Thursdays"


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


@pytest.mark.parametrize(
    ("pack_id", "number", "listed"),
    [
        (SH, "999", True),
        (SH, "111", True),
        (BC, "999", True),
        (BC, "111", True),
        (BC, "0845 127 2600", True),  # Health Informatics Service Desk (7.4.3)
        (BC, "0800 028 40 60", True),  # NHS Fraud and Corruption line (8.p3)
        (BC, "07825 110432", False),  # a named individual's mobile: personal data, never "published"
        (BC, "01274 228193", False),  # the same individual's direct line
    ],
)
def test_published_numbers(pack_id: str, number: str, listed: bool) -> None:
    published = {_digits(n) for n in pack(pack_id).organisation.published_numbers}
    assert (_digits(number) in published) is listed
    for n in pack(pack_id).organisation.published_numbers:
        assert n in {"999", "111"} or n in source(pack_id), n


@pytest.mark.parametrize(
    ("pack_id", "names"),
    [(SH, ["NHS Surrey Heartlands", "Surrey Heartlands CCG"]), (BC, ["NHS Bradford District and Craven CCG"])],
)
def test_organisation_contacts_and_links(pack_id: str, names: list[str]) -> None:
    p = pack(pack_id)
    org, contacts = p.organisation, p.contacts
    assert set(names) | {org.name, org.short_name} <= set(org.protected_names)
    assert org.protected_handles and all(re.fullmatch(r"@\w{1,15}", h) for h in org.protected_handles)
    host = org.website.removeprefix("https://www.")
    assert org.website.startswith("https://") and host in p.links.allow
    assert {"nhs.uk", "gov.uk"} <= set(p.links.allow) and not set(p.links.allow) & set(p.links.deny)
    assert contacts.urgent_care_url == "https://111.nhs.uk"
    for url in (contacts.complaints_url, contacts.contact_url):
        assert url.startswith(org.website)
    if contacts.email:
        assert contacts.email in source(pack_id)
    assert p.candidate_names == ()


@pytest.mark.parametrize(("pack_id", "clause", "words"), [(SH, "1.p7", "block users"), (BC, "2.p3", "disciplinary")])
def test_sanctions(pack_id: str, clause: str, words: str) -> None:
    s = pack(pack_id).sanctions
    assert (s.strike_window_days, s.warn_at, s.hide_all_at, s.block_at, s.clause) == (90, 1, 2, 3, clause)
    assert words in pack(pack_id).clause(clause).text


# --- broken packs must fail ---------------------------------------------------------------------------


def _rule(field: str, value: Any) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        d["rules"][0][field] = value

    return mutate


def _set(path: str, value: Any) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for key in parents:
            d = d[key]
        d[last] = value

    return mutate


def _duplicate_first_clause(d: dict[str, Any]) -> None:
    d["clauses"].append(dict(d["clauses"][0]))


def _renumber_misprint(d: dict[str, Any]) -> None:
    """Giving the impersonation clause its printed number collides with the real 7.6.4."""
    next(c for c in d["clauses"] if c["id"] == "7.5.4")["id"] = "7.6.4"


MUTATIONS = [
    (SH, _rule("clauses", ["1.1", "99.9"]), r"clause '99\.9'.*does not exist"),
    (SH, _rule("action", "block"), r"not valid for inbound"),
    (BC, _rule("action", "hide"), "not valid for outbound"),
    (BC, _rule("action", "escalate"), "not valid for outbound"),
    (SH, _duplicate_first_clause, "duplicate clause id"),
    (BC, _renumber_misprint, r"duplicate clause id '7\.6\.4'"),
    (SH, _rule("min_score", 1.5), "less than or equal to 1"),
    (BC, _rule("min_score", -0.1), "greater than 0"),
    (BC, _rule("min_score", 0.0), "greater than 0"),
    (SH, _set("monitored_hours.start", "17:00"), "start must be before end"),
    (BC, _set("monitored_hours.end", "08:00"), "start must be before end"),
    (SH, _set("monitored_hours.days", []), "at least one monitored day"),
    (SH, _rule("categories", ["spam"]), "Input should be"),
    (SH, _rule("reply_template", "no_such_template"), r"'no_such_template'.*does not exist"),
    (SH, _rule("severity", "high"), "Extra inputs are not permitted"),
    (SH, _rule("when", {"evidence": "vibes"}), r"'pattern' or 'model'"),
    (SH, _set("monitored_hours.clause", "3.p99"), r"monitored_hours.*'3\.p99'.*does not exist"),
    (BC, _set("sanctions.block_at", 1), r"warn_at <= hide_all_at <= block_at"),
    (SH, _set("pre_election_periods", [{"name": "x", "start": "2026-05-07", "end": "2026-03-23"}]), "after end"),
    (SH, _set("id", "Surrey Heartlands"), "should match pattern"),
    (BC, _set("timezone", "UTC"), "Europe/London"),
    (BC, _set("direction", "sideways"), "Input should be"),
]


@pytest.mark.parametrize(("pack_id", "mutate", "message"), MUTATIONS)
def test_mutated_pack_fails_validation(pack_id: str, mutate: Any, message: str) -> None:
    data = copy.deepcopy(raw(pack_id))
    PolicyPack.model_validate(copy.deepcopy(data))  # the control: unmutated, it is valid
    mutate(data)
    with pytest.raises(ValidationError, match=message):
        PolicyPack.model_validate(data)


# broken file, expected message, the line that encloses the fault, the faulty line itself
BROKEN_FILES = [
    ("broken-missing-clause.yaml", r"clause '9\.9'.*does not exist", "  - id: abuse", '    clauses: ["9.9"]'),
    ("broken-action.yaml", r"not valid for inbound", "  - id: abuse", "    action: block"),
    ("broken-duplicate-clause.yaml", r"duplicate clause id '1\.1'", "clauses:", '  - id: "1.1"'),
    ("broken-min-score.yaml", "less than or equal to 1", "  - id: abuse", "    min_score: 1.5"),
    ("broken-hours.yaml", "start must be before end", "monitored_hours:", '  end: "08:00"'),
]


def test_minimal_control_pack_loads() -> None:
    assert load_pack(BROKEN_DIR / "minimal-valid.yaml").id == "minimal-valid"


@pytest.mark.parametrize(("name", "message", "enclosing", "faulty"), BROKEN_FILES)
def test_broken_file_reports_file_and_line(name: str, message: str, enclosing: str, faulty: str) -> None:
    path = BROKEN_DIR / name
    lines = path.read_text(encoding="utf-8").split("\n")
    first, last = lines.index(enclosing) + 1, len(lines) - lines[::-1].index(faulty)
    with pytest.raises(ValidationError):
        PolicyPack.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    with pytest.raises(PolicyError) as err:
        load_pack(path)
    hits = [p for p in err.value.problems if re.search(message, p)]
    assert hits, err.value.problems
    m = re.match(rf"{re.escape(str(path))}:(\d+): ", hits[0])
    assert m and first <= int(m[1]) <= last, hits[0]
