"""Facebook Graph API comments edge: the JSON body of ``GET /{post-id}/comments``.

Asked for with ``fields=id,message,created_time,from{id,name},parent{id},permalink_url,comment_count`` (and
optionally ``comments{...}`` for nested replies). A file holds one response page, a JSON array of pages, or a
JSONL file with one page per line. Steward's export tool adds an optional top-level ``"post": {"id",
"message"}`` holding the post the comments are on; it becomes each item's ``post``.

``from`` is omitted by the Graph API without the right permission; the item then has no author. A reply
(a comment with ``parent``, or one nested under ``comments``) has kind ``reply`` and carries its parent's text
and earlier replies as thread context. ``created_time`` uses the ``+0000`` offset form.
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

PLATFORM = "facebook"


def matches(doc: Mapping[str, Any]) -> bool:
    """Whether a response page looks like a Graph API comments page."""
    if isinstance(doc.get("post"), dict) and "data" in doc:
        return True
    first = first_object(doc.get("data"))
    if first is None:
        return False
    sender = first.get("from")
    return "created_time" in first or "message" in first or (isinstance(sender, dict) and "name" in sender)


def read(path: Path) -> Iterator[Result]:
    return read_pages(path, parse_page, "data")


def parse_page(page: Page, state: ReadState) -> Iterator[Result]:
    post = page.doc.get("post")
    post_text = optional_str(post.get("message")) if isinstance(post, dict) else None
    post_id = optional_str(post.get("id")) if isinstance(post, dict) else None
    for path, record in records_of(page, "data"):
        yield from _comment(page, state, path, record, post_text, post_id, None)


def _comment(
    page: Page,
    state: ReadState,
    path: JsonPath,
    record: Any,
    post_text: str | None,
    post_id: str | None,
    parent_id: str | None,
) -> Iterator[Result]:
    if not isinstance(record, dict):
        yield page.error(path, f"expected a comment object, found {type_name(record)}")
        return
    parent = record.get("parent")
    if isinstance(parent, dict) and optional_str(parent.get("id")):
        parent_id = optional_str(parent.get("id"))
    try:
        item_id = id_field(record)
        text = text_field(record, "message")
        created_at = optional_timestamp(record.get("created_time"))
    except ValueError as exc:
        yield page.error(path, str(exc), record.get("id"))
    else:
        sender = record.get("from")
        yield state.accept_comment(
            page,
            path,
            item_id=item_id,
            text=text,
            platform=PLATFORM,
            author=make_author(sender.get("id"), None, sender.get("name")) if isinstance(sender, dict) else None,
            post=post_text,
            created_at=created_at,
            parent_id=parent_id,
            extra={"post_id": post_id, "parent_id": parent_id, "permalink": optional_str(record.get("permalink_url"))},
        )
    nested = record.get("comments")
    if isinstance(nested, dict) and isinstance(nested.get("data"), list):
        reply_parent = optional_str(record.get("id")) or parent_id
        for index, reply in enumerate(nested["data"]):
            yield from _comment(
                page, state, (*path, "comments", "data", index), reply, post_text, post_id, reply_parent
            )
