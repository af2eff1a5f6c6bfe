"""YouTube Data API v3: the JSON body of ``commentThreads.list`` (or ``comments.list``).

Asked for with ``part=snippet,replies``. A file holds one response page, a JSON array of pages, or a JSONL file
with one page per line. Each thread's top-level comment becomes a ``comment`` item and its replies follow as
``reply`` items carrying the comment and earlier replies as thread context.

Text: ``textOriginal`` (the raw text) is preferred. The API returns it only to some callers, so when it is
absent ``textDisplay`` is used; that field is HTML by default (``textFormat=html``), so it is decoded to plain
text (entities decoded, ``<br>`` as a line break, other tags dropped) and the item's ``extra["text_source"]``
says so. The author's handle comes from an ``@handle`` in ``authorChannelUrl``. An optional top-level
``"video": {"id", "title", "description"}`` (added by Steward's export tool) gives each item's ``post``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from steward.connectors.common import first_object, id_field, make_author, optional_str, optional_timestamp, type_name
from steward.connectors.pages import JsonPath, Page, ReadState, Result, read_pages, records_of
from steward.content import Author

PLATFORM = "youtube"


def matches(doc: Mapping[str, Any]) -> bool:
    """Whether a response page looks like a YouTube comment threads (or comments) response."""
    kind = doc.get("kind")
    if isinstance(kind, str) and kind.startswith("youtube#"):
        return True
    first = first_object(doc.get("items"))
    return first is not None and str(first.get("kind", "")).startswith("youtube#comment")


def read(path: Path) -> Iterator[Result]:
    return read_pages(path, parse_page, "items")


def parse_page(page: Page, state: ReadState) -> Iterator[Result]:
    post = _video_text(page.doc.get("video"))
    for path, record in records_of(page, "items"):
        if not isinstance(record, dict):
            yield page.error(path, f"expected a comment thread object, found {type_name(record)}")
        elif record.get("kind") == "youtube#comment":  # comments.list: a bare comment
            yield from _comment(page, state, path, record, post)
        else:
            yield from _thread(page, state, path, record, post)


def _thread(
    page: Page, state: ReadState, path: JsonPath, record: Mapping[str, Any], post: str | None
) -> Iterator[Result]:
    snippet = record.get("snippet")
    top = snippet.get("topLevelComment") if isinstance(snippet, dict) else None
    if not isinstance(top, dict):
        yield page.error(path, "has no 'snippet.topLevelComment' object", record.get("id"))
    else:
        yield from _comment(page, state, (*path, "snippet", "topLevelComment"), top, post)
    replies = record.get("replies")
    comments = replies.get("comments") if isinstance(replies, dict) else None
    if isinstance(comments, list):
        parent = optional_str(top.get("id")) if isinstance(top, dict) else optional_str(record.get("id"))
        for index, reply in enumerate(comments):
            yield from _comment(page, state, (*path, "replies", "comments", index), reply, post, parent)


def _comment(
    page: Page, state: ReadState, path: JsonPath, comment: Any, post: str | None, parent_id: str | None = None
) -> Iterator[Result]:
    if not isinstance(comment, dict):
        yield page.error(path, f"expected a comment object, found {type_name(comment)}")
        return
    snippet = comment.get("snippet")
    if not isinstance(snippet, dict):
        yield page.error(path, "has no 'snippet' object", comment.get("id"))
        return
    parent_id = parent_id or optional_str(snippet.get("parentId"))
    try:
        item_id = id_field(comment)
        text, source = comment_text(snippet)
        created_at = optional_timestamp(snippet.get("publishedAt"))
    except ValueError as exc:
        yield page.error(path, str(exc), comment.get("id"))
        return
    yield state.accept_comment(
        page,
        path,
        item_id=item_id,
        text=text,
        platform=PLATFORM,
        author=_author(snippet),
        post=post,
        created_at=created_at,
        parent_id=parent_id,
        extra={"video_id": optional_str(snippet.get("videoId")), "parent_id": parent_id, "text_source": source},
    )


def comment_text(snippet: Mapping[str, Any]) -> tuple[str, str]:
    """The comment's plain text and the field it came from. Raises ValueError when there is none."""
    original = snippet.get("textOriginal")
    if isinstance(original, str) and original.strip():
        return original, "textOriginal"
    display = snippet.get("textDisplay")
    if isinstance(display, str) and display.strip():
        text = html_to_text(display)
        if text.strip():
            return text, "textDisplay"
    if original is None and display is None:
        raise ValueError("has no 'snippet.textOriginal' or 'snippet.textDisplay'")
    if not isinstance(original, str | None) or not isinstance(display, str | None):
        bad = original if not isinstance(original, str | None) else display
        raise ValueError(f"comment text is {type_name(bad)}, not a string")
    raise ValueError("comment text is empty")


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text from YouTube's ``textDisplay`` HTML (no markup is ever executed or kept)."""
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def handle_from_url(url: object) -> str | None:
    """``http://www.youtube.com/@NHSSurrey`` → ``NHSSurrey``; None when the URL has no ``@handle``."""
    if not isinstance(url, str) or len(url) > 2048:
        return None
    try:
        segments = urlsplit(url).path.split("/")
    except ValueError:
        return None
    for segment in segments:
        if segment.startswith("@") and len(segment) > 1:
            return unquote(segment[1:])
    return None


def _author(snippet: Mapping[str, Any]) -> Author | None:
    channel = snippet.get("authorChannelId")
    channel_id = channel.get("value") if isinstance(channel, dict) else None
    return make_author(channel_id, handle_from_url(snippet.get("authorChannelUrl")), snippet.get("authorDisplayName"))


def _video_text(video: object) -> str | None:
    if not isinstance(video, dict):
        return None
    parts = [p for p in (optional_str(video.get("title")), optional_str(video.get("description"))) if p]
    return "\n\n".join(parts) or None
