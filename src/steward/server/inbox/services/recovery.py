"""Worker start-up recovery: no stored item is left without an assessment task.

A worker that dies mid-task leaves its task row ``RUNNING`` for ever and its items ``pending``. When a worker
starts it marks such rows failed (their worker is gone: a process on this machine that no longer exists, or a
task on another machine running longer than ``STALE_AFTER``) and queues a task for every pending item that no
waiting task, and no running task of a live worker on this machine, covers. Items of a recent task on another
machine are queued again too (that worker may be gone; if not, the copy is skipped). Assessment is exactly-once
per item, so an item queued twice is assessed once; recovery only has to make sure nothing is missed.
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from steward.server.inbox.models import Item, ItemState
from steward.server.inbox.tasks import assess_items, enqueue_assessment

#: A running task on another machine is taken for dead after this long.
STALE_AFTER = timedelta(hours=1)
_LOCK_KEY = 0x5354_4557  # "STEW": one recovery at a time on PostgreSQL


@dataclass(frozen=True, slots=True)
class Recovery:
    dead_tasks: int
    requeued_items: int
    tasks: int

    def __str__(self) -> str:
        return (
            f"recovery: {self.dead_tasks} task(s) of stopped workers marked failed, "
            f"{self.requeued_items} pending item(s) queued again in {self.tasks} task(s)"
        )


def worker_id() -> str:
    """An id naming this machine and process, so a later worker can tell whether it still runs (≤ 64 chars)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{secrets.token_hex(4)}"


def _status(ids: list[Any], started_at: datetime | None, now: datetime) -> str:
    """``alive`` (a live process on this machine), ``dead``, or ``unknown`` (recent, on another machine)."""
    last = str(ids[-1]) if ids else ""
    host, _, rest = last.partition(":")
    pid_text = rest.partition(":")[0]
    if host == socket.gethostname()[:30] and pid_text.isdigit():
        pid = int(pid_text)
        if pid == os.getpid():
            return "dead"  # this process is starting: nothing it ran before can still be running
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return "dead"
        except PermissionError:
            return "alive"
        return "alive"
    return "unknown" if started_at is not None and now - started_at < STALE_AFTER else "dead"


def _ids_of(args_kwargs: Any) -> list[int]:
    if not isinstance(args_kwargs, dict):
        return []
    args = args_kwargs.get("args") or []
    ids = args[0] if args else (args_kwargs.get("kwargs") or {}).get("item_ids", [])
    return [int(i) for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def recover(batch_size: int | None = None) -> Recovery:
    """Mark dead workers' tasks failed and queue every uncovered pending item (see the module docstring)."""
    path = assess_items.module_path
    now = timezone.now()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        dead: list[Any] = []
        covered: set[int] = set()
        running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
        for pk, ids, started, args, task_path in running.values_list(
            "pk", "worker_ids", "started_at", "args_kwargs", "task_path"
        ):
            status = _status(ids, started, now)
            if status == "alive" and task_path == path:
                covered.update(_ids_of(args))
            elif status == "dead":
                dead.append(pk)
        if dead:
            DBTaskResult.objects.filter(pk__in=dead, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="steward.worker.WorkerStopped",
                traceback="The worker running this task stopped before it finished; its items were queued again.",
            )
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=path)
        for args in waiting.values_list("args_kwargs", flat=True).iterator(chunk_size=1000):
            covered.update(_ids_of(args))
        pending = Item.objects.filter(state=ItemState.PENDING).order_by("pk").values_list("pk", flat=True)
        uncovered = [pk for pk in pending.iterator(chunk_size=5000) if pk not in covered]
        tasks = enqueue_assessment(uncovered, batch_size)
    return Recovery(len(dead), len(uncovered), tasks)
