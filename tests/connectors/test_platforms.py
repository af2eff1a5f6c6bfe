"""Platform API responses: Facebook, X, Instagram, YouTube."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from steward.connectors.youtube import handle_from_url, html_to_text
from steward.content import Author

from .conftest import DATA, read_all

FB_POST = (
    "Our walk-in COVID-19 and flu vaccination clinic at Epsom Hospital is open this Saturday 9am-3pm. "
    "No appointment needed."
)
X_POST = (
    "Our emergency departments are very busy this week. "
    "Please use NHS 111 online unless it is a life-threatening emergency."
)
IG_CAPTION = "Meet the team at our new Royal Surrey maternity wing, opening to families on Monday \U0001f476"
YT_POST = "What to expect when you call NHS 111\n\nOur call handlers explain how NHS 111 works and when to call 999."


@pytest.mark.parametrize(
    ("name", "item_id", "field", "expected"),
    [
        # Facebook
        ("facebook_comments.json", "922337203_1001", "platform", "facebook"),
        ("facebook_comments.json", "922337203_1001", "kind", "comment"),
        ("facebook_comments.json", "922337203_1001", "author", Author(id="5551000001", display_name="Priya Shah")),
        ("facebook_comments.json", "922337203_1001", "post", FB_POST),
        ("facebook_comments.json", "922337203_1001", "created_at", datetime(2024, 10, 4, 8, 15, 2, tzinfo=UTC)),
        ("facebook_comments.json", "922337203_1002", "kind", "reply"),  # nested under "comments"
        (
            "facebook_comments.json",
            "922337203_1002",
            "thread",
            ("Brilliant, thank you. Can I bring my two kids for their flu nasal spray too?",),
        ),
        ("facebook_comments.json", "922337203_1003", "author", None),  # "from" withheld by the Graph API
        ("facebook_comments.json", "922337203_1005", "kind", "reply"),  # "parent" field
        (
            "facebook_comments.json",
            "922337203_1006",
            "author",
            Author(id="5551000005", display_name="\u202eNHS Surrey"),
        ),
        # X
        ("x_replies.json", "1765012345678901001", "platform", "x"),
        ("x_replies.json", "1765012345678901001", "kind", "reply"),
        ("x_replies.json", "1765012345678901001", "post", X_POST),
        (
            "x_replies.json",
            "1765012345678901001",
            "author",
            Author(id="2244994945", handle="samwhit_77", display_name="Sam Whitfield"),
        ),
        ("x_replies.json", "1765012345678901001", "created_at", datetime(2024, 3, 4, 21, 12, 44, tzinfo=UTC)),
        ("x_replies.json", "1765012345678901003", "kind", "quote"),
        ("x_replies.json", "1765012345678901003", "post", None),  # starts its own conversation
        ("x_replies.json", "1765012345678901004", "author", Author(id="4400000009")),  # user not in includes
        (
            "x_replies.json",
            "1765012345678901004",
            "post",
            ("Honestly the new A&E waiting area at St Peter's is a huge improvement. " * 6).strip(),
        ),
        # Instagram
        ("instagram_comments.json", "17858893269000001", "platform", "instagram"),
        ("instagram_comments.json", "17858893269000001", "post", IG_CAPTION),
        ("instagram_comments.json", "17858893269000001", "author", Author(id="17841400000000001", handle="lou.harper")),
        ("instagram_comments.json", "17858893269000002", "kind", "reply"),
        ("instagram_comments.json", "17858893269000004", "author", Author(handle="jamie.r")),  # no "from"
        ("instagram_comments.json", "17858893269000004", "created_at", datetime(2025, 5, 13, 6, 30, tzinfo=UTC)),
        # YouTube
        ("youtube_comment_threads.json", "UgxThread0001", "platform", "youtube"),
        ("youtube_comment_threads.json", "UgxThread0001", "kind", "comment"),
        ("youtube_comment_threads.json", "UgxThread0001", "post", YT_POST),
        (
            "youtube_comment_threads.json",
            "UgxThread0001",
            "author",
            Author(id="UCaaaa0000000000000000001", handle="hannahprice", display_name="@hannahprice"),
        ),
        ("youtube_comment_threads.json", "UgxThread0001", "created_at", datetime(2025, 2, 1, 10, 0, tzinfo=UTC)),
        ("youtube_comment_threads.json", "UgxThread0001.Reply0001", "kind", "reply"),
        (
            "youtube_comment_threads.json",
            "UgxThread0001.Reply0001",
            "author",
            Author(id="UCbbbb0000000000000000002", display_name="Gary Moss"),  # legacy /channel/ URL: no handle
        ),
        (
            "youtube_comment_threads.json",
            "UgxThread0001.Reply0002",
            "text",
            "Tried it at 2am & waited three hours for a call back.\nDon't rely on it #nhs",  # from textDisplay HTML
        ),
    ],
)
def test_platform_field_mapping(name: str, item_id: str, field: str, expected: object) -> None:
    items, errors = read_all(DATA / name)
    assert errors == []
    item = {i.id: i for i in items}[item_id]
    assert getattr(item, field) == expected


@pytest.mark.parametrize(
    ("name", "order"),
    [
        ("facebook_comments.json", ["1001", "1002", "1003", "1004", "1005", "1006", "1007"]),
        ("instagram_comments.json", ["000001", "000002", "000003", "000004", "000005"]),
        ("youtube_comment_threads.json", ["0001", "Reply0001", "Reply0002", "0002", "0003"]),
    ],
)
def test_replies_follow_their_parent_in_input_order(name: str, order: list[str]) -> None:
    items, _ = read_all(DATA / name)
    assert len(items) == len(order)
    assert all(item.id.endswith(suffix) for item, suffix in zip(items, order, strict=True))


def test_x_prefers_note_tweet_long_form() -> None:
    items, _ = read_all(DATA / "x_replies.json")
    long_item = {i.id: i for i in items}["1765012345678901002"]
    assert not long_item.text.endswith("…") and len(long_item.text) > 280


def test_youtube_records_where_text_came_from() -> None:
    items, _ = read_all(DATA / "youtube_comment_threads.json")
    sources = {i.id: i.extra["text_source"] for i in items}
    assert sources["UgxThread0001"] == "textOriginal" and sources["UgxThread0001.Reply0002"] == "textDisplay"


@pytest.mark.parametrize(
    ("name", "expected_errors", "good_ids"),
    [
        (
            "facebook_malformed.json",
            [
                (12, "data[1]: has no 'message'"),
                (20, "data[2]: 'message' is number"),
                (25, "data[3]: expected a comment object, found string"),
                (26, "data[4]: unreadable timestamp"),
                (31, "data[5]: 'message' is empty"),
                (36, "data[6]: has no 'id'"),
                (40, "data[7]: duplicate id"),
            ],
            ["7001_1", "7001_9"],
        ),
        (
            "x_malformed.json",
            [(12, "data[1]: has no 'text'"), (20, "data[2]: 'text' is array")],
            ["1", "4"],
        ),
        (
            "instagram_malformed.json",
            [
                (10, "data[0].replies.data[0]: has no 'text'"),
                (24, "data[1]: 'text' is object"),
                (32, "data[2]: unreadable timestamp"),
            ],
            ["1", "3", "6"],
        ),
        (
            "youtube_malformed.json",
            [
                (33, "items[1]: has no 'snippet.topLevelComment'"),
                (45, "items[2].snippet.topLevelComment: has no 'snippet.textOriginal'"),
                (88, "items[3].snippet.topLevelComment: unreadable timestamp"),
            ],
            ["T1", "T3.R1"],
        ),
        ("facebook_pages.jsonl", [(2, "not valid JSON")], ["8001_1", "8001_2"]),
    ],
)
def test_malformed_platform_records_are_located_and_skipped(
    name: str, expected_errors: list[tuple[int, str]], good_ids: list[str]
) -> None:
    items, errors = read_all(DATA / name)
    assert [i.id for i in items] == good_ids
    assert [e.line for e in errors] == [line for line, _ in expected_errors]
    for error, (_, fragment) in zip(errors, expected_errors, strict=True):
        assert error.message.startswith(fragment) or fragment in error.message, error


@pytest.mark.parametrize("name", ["facebook_pages.json", "facebook_pages.jsonl"])
def test_arrays_and_jsonl_of_pages(name: str) -> None:
    items, _ = read_all(DATA / name)
    assert [i.text for i in items] == ["Page one comment", "Page two comment"]


@pytest.mark.parametrize(
    ("fmt", "doc", "fragment"),
    [
        ("facebook", {"error": {"message": "Invalid OAuth access token.", "code": 190}}, "API error"),
        ("instagram", {"data": "oops"}, "data: expected an array, found string"),
        ("youtube", {"kind": "youtube#commentThreadListResponse", "items": {"bad": 1}, "error": None}, "items: has no"),
        ("youtube", [{"kind": "youtube#commentThreadListResponse", "items": []}, 5], "[1]: expected a response"),
        (
            "x",
            {"data": [{"id": "1", "text": "a", "created_at": "2024-01-01T00:00:00Z"}, {"id": "1", "text": "b"}]},
            "duplicate",
        ),
    ],
)
def test_page_level_problems_are_record_errors(tmp_path: Path, fmt: str, doc: object, fragment: str) -> None:
    path = tmp_path / "page.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    _, errors = read_all(path, fmt)
    assert len(errors) == 1 and fragment in errors[0].message


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("Don&#39;t &amp; won&#39;t", "Don't & won't"),
        ("line one<br>line two", "line one\nline two"),
        ('see <a href="http://x.example">x.example</a>', "see x.example"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),  # typed by the user, kept as text
        ("<b>bold</b> and <i>italic", "bold and italic"),
        ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
    ],
)
def test_youtube_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("url", "handle"),
    [
        ("http://www.youtube.com/@NHSEngland", "NHSEngland"),
        ("https://youtube.com/@caf%C3%A9.lover", "café.lover"),
        ("http://www.youtube.com/channel/UCabc", None),
        ("http://www.youtube.com/@", None),
        ("not a url", None),
        (None, None),
        ("http://[::1", None),
    ],
)
def test_youtube_handle_from_channel_url(url: object, handle: str | None) -> None:
    assert handle_from_url(url) == handle
