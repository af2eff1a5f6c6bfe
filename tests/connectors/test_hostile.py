"""Hostile content is kept verbatim by every connector, and ids come out unique."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from steward.connectors import detect_format

from .conftest import DATA, RTL, SCRIPT, ZALGO, read_all

HOSTILE = {
    "script": SCRIPT,
    "rtl_override": RTL,
    "zalgo": ZALGO,
    "control_chars": "bell\x07 escape\x1b[31mred\x1b[0m null\x00 end",
    "zero_width": "NH\u200bS Sur\u200drey \ufeffHeartlands",
    "emoji": "Thanks \U0001f44d\U0001f3fd\U0001f469\u200d\u2695\ufe0f",
    "long_line": "very long comment " * 3000,
    "padded": "  padded with spaces and a trailing newline  \n",
    "line_separator": "one\u2028two\u2029three",
    "csv_injection": '=HYPERLINK("http://evil.example","click")',
    "json_lookalike": '{"id": "fake", "text": "injected"}',
    "crlf": "first line\r\nsecond line",
    "bidi_isolates": "\u2067\u05e9\u05dc\u05d5\u05dd\u2069 shalom",
}


def _jsonl(text: str) -> tuple[str, str]:
    return "h.jsonl", json.dumps({"id": "h-1", "text": text}) + "\n"


def _csv(text: str) -> tuple[str, str]:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["id", "text"], ["h-1", text]])
    return "h.csv", buffer.getvalue()


def _facebook(text: str) -> tuple[str, str]:
    doc = {"data": [{"id": "1_2", "message": text, "created_time": "2024-03-04T09:12:44+0000"}]}
    return "h.json", json.dumps(doc, indent=2)


def _x(text: str) -> tuple[str, str]:
    doc = {
        "data": [{"id": "7", "text": text, "author_id": "9", "edit_history_tweet_ids": ["7"]}],
        "includes": {"users": [{"id": "9", "name": text[:50], "username": "u9"}]},
    }
    return "h.json", json.dumps(doc)


def _instagram(text: str) -> tuple[str, str]:
    doc = {"data": [{"id": "17", "text": text, "timestamp": "2024-03-04T09:12:44+0000", "username": "u"}]}
    return "h.json", json.dumps(doc, ensure_ascii=False)


def _youtube(text: str) -> tuple[str, str]:
    comment = {
        "kind": "youtube#comment",
        "id": "Ugx1",
        "snippet": {"textOriginal": text, "textDisplay": "ignored", "publishedAt": "2024-03-04T09:12:44Z"},
    }
    doc = {
        "kind": "youtube#commentThreadListResponse",
        "items": [{"kind": "youtube#commentThread", "id": "Ugx1", "snippet": {"topLevelComment": comment}}],
    }
    return "h.json", json.dumps(doc)


BUILDERS: dict[str, Callable[[str], tuple[str, str]]] = {
    "jsonl": _jsonl,
    "csv": _csv,
    "facebook": _facebook,
    "x": _x,
    "instagram": _instagram,
    "youtube": _youtube,
}


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_text_is_kept_verbatim(tmp_path: Path, fmt: str, case: str) -> None:
    text = HOSTILE[case]
    name, content = BUILDERS[fmt](text)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", newline="")
    assert detect_format(path) == fmt
    items, errors = read_all(path)
    assert errors == []
    assert [item.text for item in items] == [text]


@pytest.mark.parametrize(
    ("name", "hostile"),
    [
        ("facebook_comments.json", [SCRIPT, RTL, ZALGO]),
        ("x_replies.json", [SCRIPT, ZALGO]),
        ("instagram_comments.json", [RTL, ZALGO, SCRIPT]),
        ("youtube_comment_threads.json", [SCRIPT, RTL, ZALGO]),
        ("generic.jsonl", [SCRIPT, RTL, ZALGO]),
        ("generic.csv", [SCRIPT, RTL, ZALGO]),
    ],
)
def test_fixture_hostile_strings_survive(name: str, hostile: list[str]) -> None:
    items, errors = read_all(DATA / name)
    assert errors == []
    for string in hostile:
        assert any(string in item.text for item in items), string


@pytest.mark.parametrize(
    "name",
    [
        "facebook_comments.json",
        "x_replies.json",
        "instagram_comments.json",
        "youtube_comment_threads.json",
        "generic.jsonl",
        "generic.csv",
        "facebook_malformed.json",
        "generic_malformed.jsonl",
    ],
)
def test_ids_are_unique_and_items_hash(name: str) -> None:
    items, _ = read_all(DATA / name)
    ids = [item.id for item in items]
    assert ids and len(ids) == len(set(ids))
    assert all(item.input_hash().startswith("sha256:") for item in items)
