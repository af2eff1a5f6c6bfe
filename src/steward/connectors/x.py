"""X (Twitter) API v2: the JSON body of a recent-search or timeline request.

Asked for with ``tweet.fields=author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,
note_tweet`` and ``expansions=author_id,referenced_tweets.id``, so authors arrive in ``includes.users`` and the
tweets replied to in ``includes.tweets``. A file holds one response page, a JSON array of pages, or a JSONL
file with one page per line. The long form ``note_tweet.text`` is preferred over the truncated ``text``.
An item's ``post`` is the text of the tweet it replies to, when the response includes it; failing that, the
conversation's first tweet. Kind is ``reply``, ``quote``, ``repost`` or ``post``.
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
    present,
    text_field,
    type_name,
)
from steward.connectors.pages import Page, ReadState, Result, read_pages, records_of
from steward.content import Author, ContentItem

PLATFORM = "x"
_KINDS = {"replied_to": "reply", "quoted": "quote", "retweeted": "repost"}
_TWEET_KEYS = frozenset({"author_id", "edit_history_tweet_ids", "conversation_id", "referenced_tweets"})


def matches(doc: Mapping[str, Any]) -> bool:
    """Whether a response page looks like an X API v2 tweets response."""
    includes, meta = doc.get("includes"), doc.get("meta")
    if isinstance(includes, dict) and ("users" in includes or "tweets" in includes):
        return True
    if isinstance(meta, dict) and ("result_count" in meta or "newest_id" in meta):
        return True
    first = first_object(doc.get("data"))
    return first is not None and "text" in first and bool(_TWEET_KEYS & first.keys())


def read(path: Path) -> Iterator[Result]:
    return read_pages(path, parse_page, "data")


def parse_page(page: Page, state: ReadState) -> Iterator[Result]:
    includes = page.doc.get("includes")
    includes = includes if isinstance(includes, dict) else {}
    users = _by_id(includes.get("users"))
    tweets = _by_id(includes.get("tweets")) | _by_id(page.doc.get("data"))
    for path, record in records_of(page, "data"):
        if not isinstance(record, dict):
            yield page.error(path, f"expected a tweet object, found {type_name(record)}")
            continue
        try:
            item_id = id_field(record)
            text = tweet_text(record)
            created_at = optional_timestamp(record.get("created_at"))
        except ValueError as exc:
            yield page.error(path, str(exc), record.get("id"))
            continue
        refs = _references(record)
        replied_to = refs.get("replied_to")
        conversation = optional_str(record.get("conversation_id"))
        post = _text_of(tweets.get(replied_to or "")) or _text_of(tweets.get(conversation or ""))
        if conversation == item_id:
            post = None
        kind = next((_KINDS[ref] for ref in _KINDS if ref in refs), "post")
        extra = {"conversation_id": conversation, "replied_to": replied_to, "lang": optional_str(record.get("lang"))}
        item = ContentItem(
            id=item_id,
            text=text,
            platform=PLATFORM,
            kind=kind,
            author=_author(record.get("author_id"), users),
            post=post,
            created_at=created_at,
            extra=present(extra),
        )
        yield state.accept(page, path, item)


def tweet_text(record: Mapping[str, Any]) -> str:
    """The full text of a tweet: ``note_tweet.text`` when present (long posts), else ``text``."""
    note = record.get("note_tweet")
    if isinstance(note, dict) and isinstance(note.get("text"), str) and note["text"].strip():
        return str(note["text"])
    return text_field(record, "text")


def _text_of(tweet: Mapping[str, Any] | None) -> str | None:
    if tweet is None:
        return None
    try:
        return tweet_text(tweet)
    except ValueError:
        return None


def _by_id(values: Any) -> dict[str, Mapping[str, Any]]:
    if isinstance(values, dict):
        values = [values]
    if not isinstance(values, list):
        return {}
    return {str(v["id"]): v for v in values if isinstance(v, dict) and optional_str(v.get("id"))}


def _references(record: Mapping[str, Any]) -> dict[str, str]:
    refs = record.get("referenced_tweets")
    out: dict[str, str] = {}
    if isinstance(refs, list):
        for ref in refs:
            if isinstance(ref, dict) and isinstance(ref.get("type"), str) and optional_str(ref.get("id")):
                out.setdefault(ref["type"], str(ref["id"]))
    return out


def _author(author_id: object, users: Mapping[str, Mapping[str, Any]]) -> Author | None:
    key = optional_str(author_id)
    user = users.get(key) if key is not None else None
    if user is None:
        return make_author(key)
    return make_author(key, user.get("username"), user.get("name"))
