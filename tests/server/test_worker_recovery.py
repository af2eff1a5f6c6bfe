"""Worker recovery. The Done-when test kills a real worker process halfway through a batch (SIGKILL) and shows
that after a restart every item was assessed exactly once; the rest check recovery's bookkeeping in-process."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from steward.content import ContentItem
from steward.server.inbox.models import Channel, Decision, Item, ItemState
from steward.server.inbox.services.ingest import ingest
from steward.server.inbox.services.recovery import recover, worker_id
from steward.server.inbox.tasks import assess_items

STEWARD = str(Path(sys.executable).with_name("steward"))
ITEMS = 300
BLOCK_AT = "kill-0150"
HERE = socket.gethostname()[:30]


def store(channel: Channel, count: int) -> list[int]:
    ingest([ContentItem(id=f"r{n}", text=f"Comment {n}") for n in range(count)], channel)
    return list(Item.objects.order_by("pk").values_list("pk", flat=True))


def running_task(ids: list[int], worker: str, started_ago: timedelta = timedelta(0)) -> DBTaskResult:
    """A task row as a worker leaves it while running (and for ever, if the worker dies)."""
    result = assess_items.enqueue(ids)
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim(worker)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - started_ago)
    return row


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# --- recovery, in-process ------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("worker", "started_ago", "dead", "live"),
    [
        (lambda: f"{HERE}:{dead_pid()}:ab12", timedelta(0), True, False),  # this machine, process gone
        (lambda: f"{HERE}:{os.getppid()}:ab12", timedelta(hours=5), False, True),  # this machine, process alive
        (lambda: "elsewhere:123:ab12", timedelta(minutes=5), False, False),  # another machine, recent: may be gone
        (lambda: "elsewhere:123:ab12", timedelta(hours=2), True, False),  # another machine, long silent
        (lambda: "not-one-of-ours", timedelta(hours=2), True, False),
    ],
)
def test_tasks_of_stopped_workers_are_failed_and_their_items_queued_again(
    facebook: Channel, worker: Callable[[], str], started_ago: timedelta, dead: bool, live: bool
) -> None:
    pks = store(facebook, 4)
    DBTaskResult.objects.all().delete()  # as if the worker had claimed the ingest's task…
    row = running_task(pks[:2], worker(), started_ago)  # …and died (or not) while running it
    result = recover()
    row.refresh_from_db()
    assert (row.status == TaskResultStatus.FAILED) is dead
    assert row.status == (TaskResultStatus.FAILED if dead else TaskResultStatus.RUNNING)
    assert result.dead_tasks == int(dead)
    # the two items nobody covered are queued, and the running task's unless its worker is known to be alive
    assert result.requeued_items == (2 if live else 4)
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    queued = sorted(pk for args in waiting.values_list("args_kwargs", flat=True) for pk in args["args"][0])
    assert queued == (pks[2:] if live else pks)


@pytest.mark.django_db
def test_items_already_queued_are_not_queued_twice(facebook: Channel, settings: Any) -> None:
    settings.STEWARD_ASSESS_BATCH = 3
    store(facebook, 7)
    before = DBTaskResult.objects.count()
    result = recover()
    assert (result.dead_tasks, result.requeued_items, result.tasks) == (0, 0, 0)
    assert DBTaskResult.objects.count() == before


@pytest.mark.django_db
def test_pending_items_without_a_task_are_queued_in_batches(facebook: Channel, settings: Any) -> None:
    settings.STEWARD_ASSESS_BATCH = 3
    pks = store(facebook, 7)
    DBTaskResult.objects.all().delete()  # e.g. tasks pruned, or an import from before the worker existed
    Item.objects.filter(pk=pks[0]).update(state=ItemState.ASSESSED)
    result = recover()
    assert (result.requeued_items, result.tasks) == (6, 2)
    assert "6 pending item(s) queued again in 2 task(s)" in str(result)


@pytest.mark.django_db(transaction=True)  # the worker loop closes connections left in a transaction
def test_worker_batch_mode_recovers_then_assesses_everything(facebook: Channel) -> None:
    store(facebook, 5)
    DBTaskResult.objects.all().delete()
    out = StringIO()
    call_command("steward_worker", batch=True, stdout=out)
    assert "5 pending item(s) queued again" in out.getvalue()
    assert Item.objects.filter(state=ItemState.ASSESSED).count() == 5 == Decision.objects.count()


def test_worker_ids_name_the_machine_and_process() -> None:
    wid = worker_id()
    host, pid, _ = wid.split(":")
    assert host == HERE and int(pid) == os.getpid() and len(wid) <= 64


# --- the Done-when test: a real worker killed mid-batch --------------------------------------------------------

# Runs `steward worker` with the pipeline made to stop for good on one item (after telling the test), so the
# SIGKILL lands while a task is half done: its attempts committed, its decisions not yet written.
BLOCKING_WORKER = f"""
import sys, time
from pathlib import Path
from steward.pipeline import Pipeline
marker = Path(sys.argv[1])
real = Pipeline.check
def check(self, item, *args, **kwargs):
    if item.id == {BLOCK_AT!r}:
        marker.write_text("blocked")
        time.sleep(3600)
    return real(self, item, *args, **kwargs)
Pipeline.check = check
from steward.cli.main import app
sys.argv = ["steward", "worker", "--interval", "0.05"]
app()
"""


class Database:
    """Plain SQL on the service's database from outside Django (the test's own connection is elsewhere)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.url = env.get("DATABASE_URL")
        self.path = Path(env["STEWARD_DATA_DIR"]) / "steward.sqlite3"

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        if self.url:
            with psycopg.connect(self.url) as conn:
                return list(conn.execute(sql).fetchall())
        with sqlite3.connect(self.path, timeout=30) as conn:
            return list(conn.execute(sql).fetchall())

    def count(self, sql: str) -> int:
        return int(self.rows(sql)[0][0])


@contextmanager
def service_database(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment for the subprocesses: a fresh SQLite file, or a fresh PostgreSQL database when the suite runs
    against PostgreSQL (DATABASE_URL set), dropped afterwards."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_CURRENT_TEST", "DATABASE_URL")}
    env |= {"STEWARD_DATA_DIR": str(tmp_path / "data"), "STEWARD_ASSESS_BATCH": "10", "STEWARD_MAX_ATTEMPTS": "3"}
    url = os.environ.get("DATABASE_URL")
    if not url:
        yield env
        return
    name = f"steward_kill_{secrets.token_hex(6)}"
    parts = urlsplit(url)
    server = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield env | {"DATABASE_URL": urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))}
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(env: dict[str, str], *args: str) -> str:
    cwd = Path(env["STEWARD_DATA_DIR"]).parent
    done = subprocess.run([STEWARD, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[bytes], log: Path, limit: float = 300) -> None:
    deadline = time.monotonic() + limit  # a guard against hanging, not a timing assertion
    while not condition():
        assert proc.poll() is None, f"the worker exited early:\n{log.read_text()}"
        assert time.monotonic() < deadline, f"gave up waiting for the worker:\n{log.read_text()}"
        time.sleep(0.05)


def test_killing_the_worker_mid_batch_then_restarting_assesses_every_item_exactly_once(tmp_path: Path) -> None:
    source = tmp_path / "comments.jsonl"
    texts = ["Thanks for the update", "Call me on 07911 123456", "Vote Labour on Thursday!", "When does it open?"]
    source.write_text(
        "".join(json.dumps({"id": f"kill-{n:04d}", "text": f"{texts[n % 4]} ({n})"}) + "\n" for n in range(ITEMS))
    )
    marker, log = tmp_path / "blocked", tmp_path / "worker.log"
    with service_database(tmp_path) as env:
        db = Database(env)
        run(env, "setup")
        assert "300 item(s) stored" in run(env, "ingest", str(source), "--channel", "kill-test")
        assert db.count("SELECT COUNT(*) FROM inbox_item WHERE state = 'pending'") == ITEMS

        with log.open("wb") as out:
            worker = subprocess.Popen(
                [sys.executable, "-c", BLOCKING_WORKER, str(marker)],
                env=env,
                cwd=tmp_path,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_for(marker.exists, worker, log)
            # Halfway: the earlier tasks are done; the running one has counted its attempts but stored nothing.
            assessed = db.count("SELECT COUNT(*) FROM inbox_item WHERE state = 'assessed'")
            in_flight = db.count("SELECT COUNT(*) FROM inbox_item WHERE state = 'pending' AND attempts = 1")
            assert 0 < assessed < ITEMS and in_flight == 10
            assert db.count("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'") == 1
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        assert worker.returncode == -signal.SIGKILL

        out_text = run(env, "worker", "--batch")
        assert "1 task(s) of stopped workers marked failed, 10 pending item(s) queued again" in out_text

        assert db.count("SELECT COUNT(*) FROM inbox_item WHERE state <> 'assessed'") == 0
        assert db.count("SELECT COUNT(*) FROM inbox_decision") == ITEMS
        assert db.rows("SELECT item_id FROM inbox_decision GROUP BY item_id HAVING COUNT(*) > 1") == []
        per_item = db.rows(
            "SELECT i.id, COUNT(e.id) FROM inbox_item i LEFT JOIN audit_auditevent e"
            " ON e.event = 'item.decided' AND e.object_type = 'item' AND e.object_id = CAST(i.id AS VARCHAR(64))"
            " GROUP BY i.id"
        )
        assert len(per_item) == ITEMS and {count for _, count in per_item} == {1}
        # the killed batch was tried twice, everything else once
        attempts = dict(db.rows("SELECT attempts, COUNT(*) FROM inbox_item GROUP BY attempts"))
        assert attempts == {1: ITEMS - 10, 2: 10}
        assert db.count("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'") == 0
        assert "audit chain intact" in run(env, "audit", "verify")
