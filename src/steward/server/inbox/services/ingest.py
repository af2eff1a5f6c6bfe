"""Store incoming ContentItems as pending Items and queue them for assessment.

Items are unique on (platform, external id): storing a record twice stores it once and counts the second time as
a duplicate. Each chunk is stored, queued for assessment (tasks of ``STEWARD_ASSESS_BATCH`` ids on queue
``assess``) and audited (one ``items.ingested`` event with its counts) in one transaction, so a stored item never
lacks its task; the worker's start-up recovery covers anything older.

Text is kept verbatim (script tags and all: it is escaped where shown) except NUL characters, which no database
column takes and which become U+FFFD. A text longer than ``MAX_STORED_TEXT_CHARS`` is refused with its location;
one longer than the engine's ``MAX_TEXT_CHARS`` is stored, checked on its start and sent to review by the core.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from steward.content import ContentItem
from steward.detectors.base import MAX_TEXT_CHARS
from steward.errors import InputError, RecordError
from steward.server.audit.chain import record
from steward.server.inbox.models import Author, Channel, Item, ItemKind, Platform

#: Longest text stored; longer ones are refused (the engine checks the first MAX_TEXT_CHARS and flags the rest).
MAX_STORED_TEXT_CHARS = 5 * MAX_TEXT_CHARS
#: Longest id, handle or name (the database columns' width). Longer ids are refused, names shortened.
MAX_ID_CHARS = 200
MAX_NAME_CHARS = 200
#: Items stored per transaction.
CHUNK = 500
#: At most this many record errors are kept for the report (all are counted).
MAX_REPORTED_ERRORS = 1000

_PARENT_KEYS = ("parent_id", "replied_to")
_POST_KEYS = ("post_id", "media_id", "video_id", "conversation_id")
#: Keys of ``Item.extra`` that Steward itself writes (the rest are the connector's ``extra``).
POST_TEXT = "post_text"
SOURCE_KIND = "source_kind"
SOURCE_PLATFORM = "source_platform"


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest did: items stored, duplicates skipped, records refused (with their locations)."""

    stored: int = 0
    duplicates: int = 0
    errors: tuple[RecordError, ...] = ()
    error_count: int = 0
    tasks: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "errors": self.error_count,
            "tasks": self.tasks,
        }


@dataclass(frozen=True, slots=True)
class _Chunk:
    stored: int
    duplicates: int
    tasks: int


def problem(item: ContentItem) -> str | None:
    """Why ``item`` cannot be stored, or None."""
    if not item.id.strip():
        return "the id is empty"
    if "\x00" in item.id:
        return "the id holds a NUL character"
    if len(item.id) > MAX_ID_CHARS:
        return f"the id is {len(item.id):,} characters; at most {MAX_ID_CHARS} are accepted"
    if len(item.text) > MAX_STORED_TEXT_CHARS:
        return f"the text is {len(item.text):,} characters; Steward stores at most {MAX_STORED_TEXT_CHARS:,}"
    return None


def check_platform(platform: str | None) -> str | None:
    """A platform name given by a person, checked (InputError when it is not one Steward knows)."""
    if platform is None or platform == "":
        return None
    name = platform.strip().lower()
    if name not in Platform.values:
        raise InputError(f"unknown platform {platform[:30]!r}; choose one of {', '.join(Platform.values)}")
    return name


def ingest(
    records: Iterable[ContentItem | RecordError],
    channel: Channel,
    *,
    platform: str | None = None,
    actor: object = None,
    source: str = "",
    chunk_size: int = CHUNK,
) -> IngestSummary:
    """Store ``records`` for ``channel`` (RecordErrors are counted and kept for the report), queue assessment.

    ``platform`` overrides the items' own platform names. ``source`` names the input in errors and the audit log.
    """
    platform = check_platform(platform)
    errors: list[RecordError] = []
    error_count = stored = duplicates = tasks = 0
    pending: list[ContentItem] = []

    def flush() -> None:
        nonlocal stored, duplicates, tasks
        if pending:
            done = _store_chunk(pending, channel, platform, actor, source)
            stored, duplicates, tasks = stored + done.stored, duplicates + done.duplicates, tasks + done.tasks
            pending.clear()

    for number, entry in enumerate(records, 1):
        if isinstance(entry, ContentItem) and (why := problem(entry)) is not None:
            entry = RecordError(source or "input", number, f"record {number}: {why}", entry.id[:100])
        if isinstance(entry, RecordError):
            error_count += 1
            if len(errors) < MAX_REPORTED_ERRORS:
                errors.append(entry)
            continue
        pending.append(entry)
        if len(pending) >= chunk_size:
            flush()
    flush()
    return IngestSummary(stored, duplicates, tuple(errors), error_count, tasks)


def _store_chunk(
    items: Sequence[ContentItem], channel: Channel, platform: str | None, actor: object, source: str
) -> _Chunk:
    unique: dict[tuple[str, str], ContentItem] = {}
    repeated = 0
    for item in items:
        key = (_platform_of(item, channel, platform), item.id)
        if key in unique:
            repeated += 1
        else:
            unique[key] = item
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _insert(unique, repeated, channel, actor, source)
        except IntegrityError:  # another process stored some of them meanwhile: look again
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _insert(
    unique: dict[tuple[str, str], ContentItem], repeated: int, channel: Channel, actor: object, source: str
) -> _Chunk:
    existing = _existing(Item, unique)
    new = [(key, item) for key, item in unique.items() if key not in existing]
    authors = _authors(new)
    now = timezone.now()
    rows = [_row(key[0], item, channel, authors, now) for key, item in new]
    Item.objects.bulk_create(rows)
    _link_parents(rows, new)
    from steward.server.inbox.tasks import enqueue_assessment

    ids = tuple(row.pk for row in rows)
    tasks = enqueue_assessment(ids)
    duplicates = repeated + len(existing)
    record(
        "items.ingested",
        actor=actor,
        obj=channel,
        data={"stored": len(rows), "duplicates": duplicates, "tasks": tasks, "source": source[-200:]},
    )
    return _Chunk(len(rows), duplicates, tasks)


def _existing(model: type[Item] | type[Author], keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Rows of ``model`` already stored for these (platform, external id) keys, with their pks."""
    by_platform: dict[str, list[str]] = {}
    for plat, ext in keys:
        by_platform.setdefault(plat, []).append(ext)
    found: dict[tuple[str, str], int] = {}
    for plat, exts in by_platform.items():
        for start in range(0, len(exts), CHUNK):
            rows = model.objects.filter(platform=plat, external_id__in=exts[start : start + CHUNK])
            for ext, pk in rows.values_list("external_id", "pk"):
                found[(plat, ext)] = pk
    return found


def _authors(new: Sequence[tuple[tuple[str, str], ContentItem]]) -> dict[tuple[str, str], int]:
    wanted: dict[tuple[str, str], Author] = {}
    for (plat, _), item in new:
        author = item.author
        if author is None:
            continue
        handle, name = _clean(author.handle), _clean(author.display_name)
        ext = _clean(author.id) or handle or name
        if ext:
            wanted.setdefault((plat, ext), Author(platform=plat, external_id=ext, handle=handle, display_name=name))
    found = _existing(Author, wanted)
    missing = [row for key, row in wanted.items() if key not in found]
    if missing:
        Author.objects.bulk_create(missing, ignore_conflicts=True)
        found |= _existing(Author, [(row.platform, row.external_id) for row in missing])
    return found


def _row(plat: str, item: ContentItem, channel: Channel, authors: dict[tuple[str, str], int], now: Any) -> Item:
    extra: dict[str, Any] = {k: _nul_free(str(v)) for k, v in item.extra.items()}
    if item.post:
        extra[POST_TEXT] = _nul_free(item.post[:MAX_STORED_TEXT_CHARS])
    kind = item.kind if item.kind in ItemKind.values else ItemKind.COMMENT
    if kind != item.kind:
        extra[SOURCE_KIND] = _nul_free(item.kind[:50])
    if plat != item.platform:
        extra[SOURCE_PLATFORM] = _nul_free(item.platform[:50])
    author_pk = None
    if item.author is not None:
        a = item.author
        ext = _clean(a.id) or _clean(a.handle) or _clean(a.display_name)
        author_pk = authors.get((plat, ext)) if ext else None
    post_ref = next((str(item.extra[k]) for k in _POST_KEYS if item.extra.get(k)), "")
    return Item(
        channel=channel,
        platform=plat,
        external_id=item.id,
        kind=kind,
        text=_nul_free(item.text),
        author_id=author_pk,
        post_ref=_nul_free(post_ref[:MAX_ID_CHARS]),
        thread=[_nul_free(t[:MAX_STORED_TEXT_CHARS]) for t in item.thread],
        extra=extra,
        direction=item.direction.value,
        created_at=item.created_at,
        received_at=now,
    )


def _link_parents(rows: Sequence[Item], new: Sequence[tuple[tuple[str, str], ContentItem]]) -> None:
    """Point replies at their parent item when it is stored (earlier, or in this chunk)."""
    wanted: dict[int, tuple[str, str]] = {}
    for row, (_, item) in zip(rows, new, strict=True):
        parent = next((str(item.extra[k]) for k in _PARENT_KEYS if item.extra.get(k)), None)
        if parent and parent != item.id and len(parent) <= MAX_ID_CHARS and "\x00" not in parent:
            wanted[row.pk] = (row.platform, parent)
    if not wanted:
        return
    found = _existing(Item, set(wanted.values()))
    linked = [row for row in rows if row.pk in wanted and wanted[row.pk] in found]
    for row in linked:
        row.parent_id = found[wanted[row.pk]]
    if linked:
        Item.objects.bulk_update(linked, ["parent"])


def _platform_of(item: ContentItem, channel: Channel, override: str | None) -> str:
    if override:
        return override
    if item.platform in Platform.values and item.platform != Platform.GENERIC:
        return item.platform
    return channel.platform


def _clean(value: str | None) -> str:
    return _nul_free(value or "").strip()[:MAX_NAME_CHARS]


def _nul_free(text: str) -> str:
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def batches(ids: Sequence[int], size: int | None = None) -> Iterator[list[int]]:
    """``ids`` in lists of ``size`` (default ``STEWARD_ASSESS_BATCH``)."""
    step = max(1, size or int(settings.STEWARD_ASSESS_BATCH))
    for start in range(0, len(ids), step):
        yield list(ids[start : start + step])
