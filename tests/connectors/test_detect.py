"""Format detection and file-level errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from steward.connectors import FORMATS, detect_format, read_items
from steward.errors import InputError

from .conftest import DATA


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("generic.jsonl", "jsonl"),
        ("generic_bom.jsonl", "jsonl"),
        ("generic_malformed.jsonl", "jsonl"),
        ("empty.jsonl", "jsonl"),
        ("records_array.json", "jsonl"),
        ("generic.csv", "csv"),
        ("generic_bom_crlf.csv", "csv"),
        ("generic_semicolon.csv", "csv"),
        ("empty.csv", "csv"),
        ("facebook_comments.json", "facebook"),
        ("facebook_malformed.json", "facebook"),
        ("facebook_pages.json", "facebook"),
        ("facebook_pages.jsonl", "facebook"),
        ("x_replies.json", "x"),
        ("x_malformed.json", "x"),
        ("instagram_comments.json", "instagram"),
        ("instagram_malformed.json", "instagram"),
        ("youtube_comment_threads.json", "youtube"),
        ("youtube_malformed.json", "youtube"),
    ],
)
def test_detects_fixture_formats(name: str, expected: str) -> None:
    assert detect_format(DATA / name) == expected
    assert expected in FORMATS


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("empty.json", "empty"),
        ("unknown.json", "top-level keys 'hello', 'values'"),
        ("not_json.json", "not valid JSON"),
        ("facebook_error.json", "API error response"),
    ],
)
def test_unrecognisable_files_raise_input_error_saying_what_was_looked_for(name: str, fragment: str) -> None:
    with pytest.raises(InputError) as raised:
        detect_format(DATA / name)
    assert fragment in str(raised.value)


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        # content sniffing when the name says nothing
        ("export.txt", json.dumps({"id": "1", "text": "hi"}) + "\n", "jsonl"),
        ("export", "id,text\n1,hello\n", "csv"),
        ("export.dat", "ID\tText\n1\thello\n", "csv"),
        ("export", json.dumps({"kind": "youtube#commentThreadListResponse", "items": []}), "youtube"),
        ("page.json", json.dumps({"data": [], "meta": {"result_count": 0}}), "x"),
        ("page.json", json.dumps({"data": [], "media": {"id": "1", "caption": "c"}}), "instagram"),
        ("page.json", json.dumps({"data": [], "paging": {"cursors": {}}}), "facebook"),
        (
            "page.json",
            json.dumps({"data": [{"id": "1", "text": "t", "timestamp": "2024-01-01T00:00:00+0000"}]}),
            "instagram",
        ),
        ("page.json", json.dumps({"data": [{"id": "1", "text": "t", "author_id": "2"}]}), "x"),
        ("page.json", json.dumps({"data": [{"id": "1", "message": "m"}]}), "facebook"),
        # a .jsonl of X pages; the first line is broken, the second decides
        ("pages.jsonl", "{broken\n" + json.dumps({"data": [], "includes": {"users": []}}) + "\n", "x"),
        # JSONL records saved with a .json name
        ("records.json", '{"id": "1", "text": "a"}\n{"id": "2", "text": "b"}\n', "jsonl"),
    ],
)
def test_detects_by_content(tmp_path: Path, filename: str, content: str, expected: str) -> None:
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("notes.txt", "just some prose, not a data file\n"),
        ("export", "name,comment\nA,B\n"),  # CSV without id/text columns
        ("blank.txt", "   \n\n"),
        ("list.json", "[1, 2, 3]"),
    ],
)
def test_unknown_content_raises_input_error(tmp_path: Path, filename: str, content: str) -> None:
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="looked for"):
        detect_format(path)


def test_missing_file_and_directory_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot open"):
        detect_format(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="cannot open"):
        read_items(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="cannot open"):
        read_items(tmp_path / "nope.csv", format="csv")  # raised at once, not on first iteration
    with pytest.raises(InputError, match="cannot open"):
        detect_format(tmp_path)


@pytest.mark.parametrize("fmt", ["xml", "", "twitter"])
def test_unknown_format_name_raises_input_error(fmt: str) -> None:
    with pytest.raises(InputError, match="choose one of"):
        read_items(DATA / "generic.jsonl", format=fmt)


@pytest.mark.parametrize(
    ("given", "name"), [("JSONL", "generic.jsonl"), (" csv ", "generic.csv"), ("X", "x_replies.json")]
)
def test_explicit_format_is_case_insensitive(given: str, name: str) -> None:
    assert list(read_items(DATA / name, format=given))


def test_explicit_format_overrides_detection() -> None:
    # a Facebook page read as YouTube has no "items": nothing to read, and no crash
    assert list(read_items(DATA / "facebook_comments.json", format="youtube")) == []
