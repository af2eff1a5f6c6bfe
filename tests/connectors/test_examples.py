"""The demo data in examples/: readable, labelled, covering every category, and exposing nothing real."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from steward.connectors import detect_format
from steward.content import Action, Category
from steward.detectors.base import compile_pattern, finditer

from .conftest import EXAMPLES, read_all

DEMO = EXAMPLES / "demo-comments.jsonl"
INBOUND_ACTIONS = {"escalate", "remove", "hide", "redirect", "review", "allow"}
OUTBOUND_ONLY = {"missing_disclaimer", "unmarked_amendment", "speaking_on_behalf", "corporate_email"}
# The brief's list: each at least six times. patient_info and confidential appear a few times as well.
REQUIRED = [
    "personal_info", "abuse", "threat", "hate", "profanity", "sexual", "defamation", "commercial", "political",
    "off_topic", "impersonation", "copyright", "self_harm", "child_safety", "extremism", "complaint",
    "urgent_medical", "link",
]  # fmt: skip
# The 2024 general election pre-election period, as in the surrey-heartlands-aus pack.
PURDAH_2024 = (date(2024, 5, 25), date(2024, 7, 4))

PHONE = compile_pattern(r"(?<!\d)0\d{2,4}[ ]?\d{3,4}[ ]?\d{3,4}(?!\d)")
DRAMA = compile_pattern(r"^(07700 ?900\d{3}|01632 ?960\d{3}|020 ?7946 ?0\d{3})$")
EMAIL = compile_pattern(r"[\w.+-]+@([\w-]+\.)+[a-z]{2,}")
NHS_NUMBER = compile_pattern(r"(?<!\d)\d{3} \d{3} \d{4}(?!\d)")


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]


def _nhs_valid(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return (0 if check == 11 else check) == digits[9] and check != 10


def test_demo_reads_without_errors_and_ids_are_unique() -> None:
    items, errors = read_all(DEMO)
    assert errors == []
    assert 280 <= len(items) <= 330
    assert len({i.id for i in items}) == len(items)
    assert detect_format(DEMO) == "jsonl"
    assert all(i.created_at is not None and i.post and i.author for i in items)


def test_expected_labels_are_valid_and_consistent() -> None:
    categories = {c.value for c in Category} - OUTBOUND_ONLY
    for record in _records():
        expected = record["expected"]
        assert expected["action"] in INBOUND_ACTIONS and Action(expected["action"])
        assert set(expected["categories"]) <= categories, record["id"]
        assert (expected["action"] == "allow") == (not expected["categories"]), record["id"]


def test_coverage_of_categories_and_share_of_legitimate_comments() -> None:
    records = _records()
    counts = Counter(c for r in records for c in r["expected"]["categories"])
    assert {c: counts[c] for c in REQUIRED if counts[c] < 6} == {}
    assert counts["patient_info"] >= 3 and counts["confidential"] >= 3
    allowed = sum(r["expected"]["action"] == "allow" for r in records)
    assert allowed / len(records) >= 0.40
    assert {r["platform"] for r in records} == {"facebook", "x", "instagram", "youtube", "linkedin", "tiktok"}


def test_times_spread_over_days_hours_and_years() -> None:
    items, _ = read_all(DEMO)
    times = [i.created_at for i in items if i.created_at is not None]
    assert {t.year for t in times} == {2024, 2025, 2026}
    assert sum(t.weekday() >= 5 for t in times) >= 30
    assert sum(t.weekday() < 5 and 9 <= t.hour < 16 for t in times) >= 30
    assert sum(t.hour < 9 or t.hour >= 16 for t in times) >= 60


def test_political_items_are_hidden_only_in_the_pre_election_period() -> None:
    items, _ = read_all(DEMO)
    by_id = {i.id: i for i in items}
    political = [r for r in _records() if "political" in r["expected"]["categories"]]
    in_purdah = [r for r in political if PURDAH_2024[0] <= by_id[r["id"]].created_at.date() <= PURDAH_2024[1]]  # type: ignore[union-attr]
    assert len(in_purdah) >= 4
    assert all(r["expected"]["action"] == "hide" for r in in_purdah)
    assert all(r["expected"]["action"] == "review" for r in political if r not in in_purdah)


def test_personal_data_uses_reserved_ranges_only() -> None:
    records = _records()
    texts = [r["text"] for r in records]
    phones = [m.group(0) for t in texts for m in finditer(PHONE, t)]
    assert len(phones) >= 8
    assert [p for p in phones if not DRAMA.search(p)] == []
    emails = [m.group(0) for t in texts for m in finditer(EMAIL, t)]
    assert emails and all(e.endswith(("@example.com", "@example.org", "@example.net")) for e in emails)
    numbers = [m.group(0) for t in texts for m in finditer(NHS_NUMBER, t)]
    assert len(numbers) >= 4
    assert all(n.startswith("999") and _nhs_valid(n) for n in numbers), numbers


@pytest.mark.parametrize(
    ("fragment", "action"),
    [
        ("As a gay man I felt completely welcome", "allow"),
        ("My GP is Muslim and she is the best doctor", "allow"),
        ("As a Black woman it took me years", "allow"),
        ("same-sex couple and we were treated with total respect", "allow"),
        ("As a disabled nurse", "allow"),
        ("This wait is killing me, lol", "allow"),
        ("Eleven hours on a trolley for my 84 year old mum", "allow"),  # sharp but legitimate criticism
        ("I don't see the point in carrying on any more", "escalate"),
        ("Vote Reform UK on 4 July", "hide"),
        ("<script>", "review"),
    ],
)
def test_tricky_items_are_labelled_as_a_careful_officer_would(fragment: str, action: str) -> None:
    matches = [r for r in _records() if fragment in r["text"]]
    assert matches, fragment
    assert {r["expected"]["action"] for r in matches} == {action}


def test_hostile_inputs_are_present_verbatim() -> None:
    texts = [r["text"] for r in _records()]
    assert any("<script>" in t for t in texts)
    assert any("\u202e" in t for t in texts)
    assert any(sum(0x300 <= ord(c) <= 0x36F for c in t) >= 8 for t in texts)  # zalgo combining marks
    assert any(len(t) > 2000 for t in texts)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("facebook-comments.json", "facebook"),
        ("x-replies.json", "x"),
        ("instagram-comments.json", "instagram"),
        ("youtube-comment-threads.json", "youtube"),
    ],
)
def test_platform_examples_are_detected_and_read(name: str, fmt: str) -> None:
    path: Path = EXAMPLES / "platforms" / name
    assert detect_format(path) == fmt
    items, errors = read_all(path)
    assert errors == []
    assert 10 <= len(items) <= 20
    assert {i.platform for i in items} == {fmt}
    assert any(i.kind == "reply" and i.thread for i in items) or fmt == "x"
    assert all(i.post for i in items)
