"""Ingest: every input format stored once, bad records reported with their place, tasks queued, one audit event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import IntegrityError, connection
from django_tasks_db.models import DBTaskResult
from typer.testing import CliRunner

from steward.cli import service
from steward.cli.main import app
from steward.connectors import read_items
from steward.content import Author as ContentAuthor
from steward.content import ContentItem
from steward.detectors.base import MAX_TEXT_CHARS
from steward.errors import InputError, RecordError
from steward.server.audit.chain import record
from steward.server.audit.models import AuditEvent
from steward.server.inbox.models import Author, Channel, Item, ItemState
from steward.server.inbox.services import ingest as ingest_module
from steward.server.inbox.services.assessment import content_item
from steward.server.inbox.services.ingest import MAX_STORED_TEXT_CHARS, ingest
from steward.server.inbox.tasks import assess_items

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[1] / "data" / "connectors"


def read(name: str) -> list[ContentItem | RecordError]:
    return list(read_items(DATA / name))


def item(n: int | str, text: str = "Thanks for the update", **kw: object) -> ContentItem:
    return ContentItem(id=str(n), text=text, **kw)  # type: ignore[arg-type]


def queued_ids() -> list[list[int]]:
    rows = DBTaskResult.objects.filter(task_path=assess_items.module_path, queue_name="assess").order_by("enqueued_at")
    return [row.args_kwargs["args"][0] for row in rows]


@pytest.mark.parametrize(
    "name",
    [
        "generic.jsonl",
        "generic.csv",
        "generic_bom.jsonl",
        "generic_semicolon.csv",
        "records_array.json",
        "facebook_comments.json",
        "facebook_pages.jsonl",
        "x_replies.json",
        "instagram_comments.json",
        "youtube_comment_threads.json",
    ],
)
def test_every_format_is_stored_once_and_reimporting_only_counts_duplicates(facebook: Channel, name: str) -> None:
    records = read(name)
    readable = [r for r in records if isinstance(r, ContentItem)]
    assert readable, "the fixture file must hold readable records"
    first = ingest(records, facebook, source=name)
    assert (first.stored, first.duplicates) == (len(readable), 0)
    again = ingest(read(name), facebook, source=name)
    assert (again.stored, again.duplicates) == (0, len(readable))
    assert Item.objects.count() == len(readable)
    assert set(Item.objects.values_list("state", flat=True)) == {ItemState.PENDING}
    assert sorted(pk for batch in queued_ids() for pk in batch) == sorted(Item.objects.values_list("pk", flat=True))


@pytest.mark.parametrize("name", ["generic_malformed.jsonl", "generic_malformed.csv", "facebook_malformed.json"])
def test_bad_records_are_reported_with_file_and_line_and_the_rest_stored(facebook: Channel, name: str) -> None:
    records = read(name)
    bad = [r for r in records if isinstance(r, RecordError)]
    summary = ingest(records, facebook, source=name)
    assert bad and summary.error_count == len(bad)
    assert summary.errors == tuple(bad)
    assert all(str(e).startswith(f"{DATA / name}:{e.line}") for e in summary.errors)
    assert summary.stored == len(records) - len(bad) == Item.objects.count()


def test_stored_fields_authors_threads_and_parents(facebook: Channel) -> None:
    ingest(read("facebook_comments.json"), facebook)
    replies = Item.objects.filter(kind="reply")
    assert replies.exists()
    for reply in replies:
        assert reply.parent is not None and reply.parent.external_id == reply.extra["parent_id"]
        assert reply.thread and reply.post_ref
    for row in Item.objects.all():
        assert row.platform == "facebook" and row.received_at is not None and row.attempts == 0
    # one Author per platform user, however many comments they wrote
    assert Author.objects.count() == len({(a.platform, a.external_id) for a in Author.objects.all()})
    assert Author.objects.filter(items__isnull=False).distinct().count() == Author.objects.count()


def test_content_item_round_trip_keeps_what_the_engine_reads(facebook: Channel) -> None:
    records = [r for r in read("generic.jsonl") if isinstance(r, ContentItem)]
    ingest(records, facebook)
    for original in records:
        row = Item.objects.get(external_id=original.id)
        again = content_item(row)
        assert (again.text, again.kind, again.post, again.thread) == (
            original.text,
            original.kind,
            original.post,
            original.thread,
        )
        # the same instant (the database gives it back in UTC)
        assert (again.created_at and again.created_at.timestamp()) == (
            original.created_at and original.created_at.timestamp()
        )
        assert again.direction == original.direction


def test_authors_are_shared_across_items_and_their_names_capped(facebook: Channel) -> None:
    long_name = "N" * 5000
    who = ContentAuthor(id="u-1", handle="h" * 300, display_name=long_name)
    ingest(
        [item(1, author=who), item(2, author=who), item(3, author=ContentAuthor(display_name="Only Name"))], facebook
    )
    assert Author.objects.count() == 2
    row = Author.objects.get(external_id="u-1")
    assert len(row.handle) == 200 and len(row.display_name) == 200
    assert Item.objects.filter(author=row).count() == 2
    assert Author.objects.get(external_id="Only Name").display_name == "Only Name"


@pytest.mark.parametrize(
    ("record", "stored", "message"),
    [
        (item("big", "x" * (MAX_STORED_TEXT_CHARS + 1)), False, "Steward stores at most"),
        (item("long", "y" * (MAX_TEXT_CHARS + 10)), True, ""),  # stored; the core checks its start, flags review
        (item("i" * 201), False, "at most 200"),
        (item("nul\x00id"), False, "NUL"),
        (item(" "), False, "empty"),
        (item("nul-text", "hello\x00world"), True, ""),
        (item("script", "<script>alert(1)</script><img src=x onerror=alert(2)>"), True, ""),
    ],
)
def test_hostile_and_oversized_records(facebook: Channel, record: ContentItem, stored: bool, message: str) -> None:
    summary = ingest([item("ok"), record], facebook, source="hostile.jsonl")
    assert summary.stored == (2 if stored else 1)
    if not stored:
        (error,) = summary.errors
        assert message in error.message and error.source == "hostile.jsonl" and error.line == 2
    else:
        row = Item.objects.get(external_id=record.id)
        assert row.text == record.text.replace("\x00", "\ufffd")  # verbatim but for NUL, which no database takes


def test_duplicates_inside_one_input_are_counted_once(facebook: Channel) -> None:
    summary = ingest([item(1), item(1), item(2)], facebook)
    assert (summary.stored, summary.duplicates) == (2, 1)


def test_same_id_on_two_platforms_is_two_items(facebook: Channel) -> None:
    summary = ingest([item(1, platform="x"), item(1, platform="instagram")], facebook)
    assert summary.stored == 2
    assert set(Item.objects.values_list("platform", flat=True)) == {"x", "instagram"}


@pytest.mark.parametrize(
    ("given", "override", "stored_as"),
    [("generic", None, "facebook"), ("myspace", None, "facebook"), ("x", None, "x"), ("x", "youtube", "youtube")],
)
def test_platform_of_an_item(facebook: Channel, given: str, override: str | None, stored_as: str) -> None:
    ingest([item(1, platform=given)], facebook, platform=override)
    row = Item.objects.get()
    assert row.platform == stored_as
    assert row.extra.get("source_platform", stored_as) == given


def test_unknown_platform_override_is_refused(facebook: Channel) -> None:
    with pytest.raises(InputError, match="unknown platform"):
        ingest([item(1)], facebook, platform="myspace")


def test_kinds_the_model_lacks_are_kept_for_the_engine(facebook: Channel) -> None:
    ingest([item(1, kind="quote", platform="x")], facebook)
    row = Item.objects.get()
    assert row.kind == "comment" and content_item(row).kind == "quote"


def test_tasks_are_queued_in_batches_and_one_audit_event_per_chunk(facebook: Channel, settings: Any) -> None:
    settings.STEWARD_ASSESS_BATCH = 3
    summary = ingest([item(n) for n in range(8)], facebook, source="eight.jsonl", chunk_size=5, actor="alice")
    assert summary.stored == 8 and summary.tasks == 3  # chunks of 5 and 3 → tasks of 3+2 and 3
    assert [len(ids) for ids in queued_ids()] == [3, 2, 3]
    events = AuditEvent.objects.filter(event="items.ingested").order_by("seq")
    assert [(e.data["stored"], e.actor, e.object_id) for e in events] == [
        (5, "alice", str(facebook.pk)),
        (3, "alice", str(facebook.pk)),
    ]
    assert not AuditEvent.objects.filter(object_type="item").exists()  # one event per chunk, none per item


def test_a_concurrent_import_of_the_same_items_counts_them_as_duplicates(
    facebook: Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([item(1)], facebook)
    real = ingest_module._existing
    calls = {"n": 0}

    def blind_once(model: object, keys: object) -> dict[tuple[str, str], int]:
        calls["n"] += 1
        # The first look sees nothing, as if another process stored item 1 just after we looked.
        return {} if calls["n"] == 1 else real(model, keys)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_module, "_existing", blind_once)
    summary = ingest([item(1), item(2)], facebook)
    assert (summary.stored, summary.duplicates) == (1, 1)
    assert Item.objects.count() == 2


def test_a_persistent_integrity_error_is_raised_not_swallowed(
    facebook: Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([item(1)], facebook)
    monkeypatch.setattr(ingest_module, "_existing", lambda model, keys: {})
    with pytest.raises(IntegrityError):
        ingest([item(1)], facebook)


def test_error_reports_are_capped_but_all_counted(facebook: Channel, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "MAX_REPORTED_ERRORS", 3)
    bad = [RecordError("f.jsonl", n, "broken") for n in range(10)]
    summary = ingest(bad, facebook)
    assert summary.error_count == 10 and len(summary.errors) == 3 and summary.stored == 0


# --- the command line ----------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_ingest_reports_bad_records_by_file_and_line_and_carries_on(facebook: Channel) -> None:
    path = DATA / "generic_malformed.jsonl"
    result = runner.invoke(app, ["ingest", str(path), "--channel", "trust-facebook"])
    assert result.exit_code == 0, result.output
    bad = [r for r in read_items(path) if isinstance(r, RecordError)]
    for problem in bad[: service.SHOWN_ERRORS]:
        assert f"{path}:{problem.line}" in result.stderr
    assert f"{Item.objects.count()} item(s) stored" in result.stdout
    assert f"{len(bad)} unreadable record(s)" in result.stdout


def test_cli_ingest_creates_the_channel_with_the_platform_of_the_format(db: None) -> None:
    result = runner.invoke(app, ["ingest", str(DATA / "x_replies.json"), "--channel", "our-x", "--format", "x"])
    assert result.exit_code == 0, result.output
    assert Channel.objects.get(slug="our-x").platform == "x"
    assert set(Item.objects.values_list("platform", flat=True)) == {"x"}


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--platform", "myspace"], 3, "unknown platform"),
        (["--format", "word"], 3, "unknown input format"),
    ],
)
def test_cli_ingest_refuses_bad_options(facebook: Channel, args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, ["ingest", str(DATA / "generic.jsonl"), "--channel", "c", *args])
    assert result.exit_code == code and message in result.stderr
    assert Item.objects.count() == 0


def test_cli_ingest_of_a_missing_file_fails_cleanly(db: None, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope.jsonl"), "--channel", "c"])
    assert result.exit_code == 3 and "nope.jsonl" in result.stderr


@pytest.mark.django_db(transaction=True)  # --wait runs the worker loop, which manages its own connections
def test_cli_ingest_wait_assesses_everything_before_returning() -> None:
    result = runner.invoke(app, ["ingest", str(DATA / "facebook_comments.json"), "--channel", "fb", "--wait"])
    assert result.exit_code == 0, result.output
    count = Item.objects.count()
    assert count > 0 and Item.objects.filter(state=ItemState.ASSESSED).count() == count
    assert f"channel fb now holds: {count} assessed" in result.stdout


class _OtherWorker:
    """Stands in for a `steward worker` already running beside ``ingest --wait``, holding the items' task: each
    poll, it has assessed ``per_poll`` more items (none when 0). Time is simulated, so nothing really sleeps."""

    def __init__(self, channel: Channel, per_poll: int) -> None:
        self.channel, self.per_poll, self.clock, self.polls = channel, per_poll, 0.0, 0

    def monotonic(self) -> float:
        return self.clock

    def sleep(self, seconds: float) -> None:
        self.clock += seconds
        self.polls += 1
        pending = Item.objects.filter(channel=self.channel, state=ItemState.PENDING).order_by("pk")[: self.per_poll]
        Item.objects.filter(pk__in=[i.pk for i in pending]).update(state=ItemState.ASSESSED)


def test_ingest_wait_waits_for_a_worker_that_holds_the_items(
    facebook: Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make demo` starts a worker before it ingests: that worker took the first batch's task, the batch run of
    ``--wait`` found nothing left to do, and it returned with "102 assessed, 200 pending"."""
    ingest([item(n) for n in range(5)], facebook)
    other = _OtherWorker(facebook, per_poll=2)
    monkeypatch.setattr("time.sleep", other.sleep)
    monkeypatch.setattr("time.monotonic", other.monotonic)
    assert service._wait_while_assessed(facebook) == 0
    assert other.polls == 3 and not Item.objects.filter(state=ItemState.PENDING).exists()


def test_ingest_wait_gives_up_when_nothing_moves(facebook: Channel, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest([item(n) for n in range(3)], facebook)
    other = _OtherWorker(facebook, per_poll=0)  # a worker that died holding the task
    monkeypatch.setattr("time.sleep", other.sleep)
    monkeypatch.setattr("time.monotonic", other.monotonic)
    assert service._wait_while_assessed(facebook, patience=5.0, poll=0.5) == 3
    assert other.clock == pytest.approx(5.0)


def test_ingest_wait_returns_at_once_when_nothing_is_pending(facebook: Channel) -> None:
    assert service._wait_while_assessed(facebook, patience=1000.0) == 0


def test_cli_serve_runs_gunicorn_on_the_wsgi_app(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def execv(path: str, argv: list[str]) -> None:
        seen.append(argv)

    monkeypatch.setattr(service.os, "execv", execv)
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--port", "9000", "--workers", "3"])
    assert result.exit_code == 0, result.output
    (argv,) = seen
    assert argv[1:3] == ["-m", "gunicorn"] and argv[-1] == "steward.server.wsgi:application"
    assert "0.0.0.0:9000" in argv and argv[argv.index("--workers") + 1] == "3"


def test_cli_audit_verify_names_the_broken_event(db: None) -> None:
    for n in range(3):
        record("test.event", object_id=str(n))
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "intact" in ok.stdout
    target = AuditEvent.objects.order_by("seq")[1]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["edited", target.pk])
    broken = runner.invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1 and f"#{target.seq}" in broken.stderr
