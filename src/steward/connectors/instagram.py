"""Instagram Graph API comments: the JSON body of ``GET /{ig-media-id}/comments``.

Asked for with ``fields=id,text,timestamp,username,from{id,username},like_count,replies{id,text,timestamp,
username,from{id,username},parent_id}``. A file holds one response page, a JSON array of pages, or a JSONL
file with one page per line. Replies (``replies.data``) are flattened to follow their parent, with kind
``reply`` and the parent's text and earlier replies as thread context. An optional top-level
``"media": {"id", "caption"}`` (added by Steward's export tool) gives each item's ``post``. Instagram gives no
display name for commenters, so authors carry the username as their handle only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from steward.connectors.common import (
    first_object,
    id_field,
    make_author,
    optional_str,
    optional_timestamp,
    text_field,
    type_name,
)
from steward.connectors.pages import JsonPath, Page, ReadState, Result, read_pages, records_of
from steward.content import Author

PLATFORM = "instagram"


def matches(doc: Mapping[str, Any]) -> bool:
    """Whether a response page looks like an Instagram comments page."""
    if isinstance(doc.get("media"), dict) and "data" in doc:
        return True
    first = first_object(doc.get("data"))
    if first is None:
        return False
    sender = first.get("from")
    return "timestamp" in first or "username" in first or (isinstance(sender, dict) and "username" in sender)


def read(path: Path) -> Iterator[Result]:
    return read_pages(path, parse_page, "data")


def parse_page(page: Page, state: ReadState) -> Iterator[Result]:
    media = page.doc.get("media")
    caption = optional_str(media.get("caption")) if isinstance(media, dict) else None
    media_id = optional_str(media.get("id")) if isinstance(media, dict) else None
    for path, record in records_of(page, "data"):
        yield from _comment(page, state, path, record, caption, media_id, None)


def _comment(
    page: Page,
    state: ReadState,
    path: JsonPath,
    record: Any,
    caption: str | None,
    media_id: str | None,
    parent_id: str | None,
) -> Iterator[Result]:
    if not isinstance(record, dict):
        yield page.error(path, f"expected a comment object, found {type_name(record)}")
        return
    parent_id = parent_id or optional_str(record.get("parent_id"))
    try:
        item_id = id_field(record)
        text = text_field(record, "text")
        created_at = optional_timestamp(record.get("timestamp"))
    except ValueError as exc:
        yield page.error(path, str(exc), record.get("id"))
    else:
        yield state.accept_comment(
            page,
            path,
            item_id=item_id,
            text=text,
            platform=PLATFORM,
            author=_author(record),
            post=caption,
            created_at=created_at,
            parent_id=parent_id,
            extra={"media_id": media_id, "parent_id": parent_id},
        )
    replies = record.get("replies")
    if isinstance(replies, dict) and isinstance(replies.get("data"), list):
        reply_parent = optional_str(record.get("id")) or parent_id
        for index, reply in enumerate(replies["data"]):
            yield from _comment(page, state, (*path, "replies", "data", index), reply, caption, media_id, reply_parent)


def _author(record: Mapping[str, Any]) -> Author | None:
    sender = record.get("from")
    if isinstance(sender, dict):
        return make_author(sender.get("id"), sender.get("username") or record.get("username"))
    return make_author(None, record.get("username"))
