"""The hostile-text helpers behind every page, without a browser: caps, direction controls, zalgo, masking, links."""

from __future__ import annotations

import pytest

from steward.server.web import display
from steward.server.web.charts import columns, rows
from steward.server.web.views.saved import clean_query


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("plain words", None, "plain words"),
        ("abc\u202edef", None, "abc[RLO]def"),
        ("\u2067x\u2069", None, "[RLI]x[PDI]"),
        ("e\u0301\u0302\u0303\u0304", None, "e\u0301\u0302"),  # two marks kept, the stack trimmed
        ("bell\x07 and nul\x00", None, "bell and nul"),
        ("line\nbreak\tand tab", None, "line\nbreak\tand tab"),
        ("x" * 10, 4, "xxxx…"),
        (None, None, ""),
        ("<script>", None, "<script>"),  # escaping is the template's job; nothing here makes markup
    ],
)
def test_clean(text: str | None, limit: int | None, expected: str) -> None:
    assert display.clean(text, limit) == expected


def test_trimmed_marks_counts_what_was_dropped() -> None:
    assert display.trimmed_marks("Z" + "\u0336" * 10) == 8
    assert display.trimmed_marks("Vi\u1ec7t Nam") == 0


FINDINGS = [
    {"category": "abuse", "kind": "insult", "start": 0, "end": 5},
    {"category": "personal_info", "kind": "uk_phone", "start": 15, "end": 26},
]


def test_segments_mask_personal_data_and_highlight_evidence() -> None:
    text = "idiot, call me 07911123456 now"
    parts = display.segments(text, FINDINGS, revealed=False)
    assert [(p.kind, p.text) for p in parts] == [
        ("evidence", "idiot"),
        ("plain", ", call me "),
        ("masked", "uk phone hidden"),
        ("plain", " now"),
    ]
    shown = display.segments(text, FINDINGS, revealed=True)
    assert "".join(p.text for p in shown) == text


@pytest.mark.parametrize(
    "finding",
    [
        {"category": "abuse", "start": -1, "end": 3},
        {"category": "abuse", "start": 5, "end": 2},
        {"category": "abuse", "start": "0", "end": 3},
        {"category": "abuse", "start": 0, "end": 3, "field": "author"},
        {"category": "abuse"},
        # a learned model's judgement of the whole comment: nothing to point at
        {"category": "abuse", "kind": "offensive_encoder", "start": 0, "end": 11, "evidence": "model"},
    ],
)
def test_bad_finding_offsets_are_ignored(finding: dict[str, object]) -> None:
    parts = display.segments("hello world", [finding], revealed=False)
    assert [(p.kind, p.text) for p in parts] == [("plain", "hello world")]


def test_overlapping_spans_mask_wins_and_past_the_end_is_clipped() -> None:
    findings = [
        {"category": "abuse", "start": 0, "end": 8},
        {"category": "personal_info", "kind": "email", "start": 4, "end": 999},
    ]
    parts = display.segments("abc a@b.co", findings, revealed=False)
    assert [(p.kind, p.text) for p in parts] == [("evidence", "abc "), ("masked", "email hidden")]


def test_masked_excerpt_never_reveals() -> None:
    assert "07911" not in display.masked_excerpt("call me 07911123456", [FINDINGS[1] | {"start": 8, "end": 19}])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.nhs.uk/", "https://www.nhs.uk/"),
        ("HTTP://EXAMPLE.COM", "HTTP://EXAMPLE.COM"),
        ("javascript:alert(1)", None),
        ("  javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("https://exa mple.com", None),
        ("https://example.com/\u202e", None),
        ("//evil.example", None),
        ("https://" + "x" * 3000, None),
        (None, None),
    ],
)
def test_safe_href(url: str | None, expected: str | None) -> None:
    assert display.safe_href(url) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("queue=done&author=x", "queue=done&author=x"),
        ("queue=done&next=javascript:alert(1)", "queue=done"),
        ("author=%00x&age=60", "age=60"),
        ("", ""),
        ("queue=" + "q" * 500, "queue=" + "q" * 200),
    ],
)
def test_saved_filter_queries_keep_only_inbox_parameters(query: str, expected: str) -> None:
    assert clean_query(query) == expected


def test_charts_scale_to_the_largest_value_and_survive_empty_input() -> None:
    chart = columns([("a", 3), ("b", 10)])
    assert max(b.height for b in chart.bars) == pytest.approx(200)
    assert rows([]).bars == ()
    assert columns([]).bars == ()
