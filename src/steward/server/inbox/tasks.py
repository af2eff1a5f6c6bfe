"""Background tasks of the inbox (django-tasks, database backend; run by ``steward worker``)."""

from __future__ import annotations

from collections.abc import Sequence

from django_tasks import task

from steward.server.inbox.services.ingest import batches

#: The queue assessment tasks go on (the worker serves it and "default").
ASSESS_QUEUE = "assess"


@task(queue_name=ASSESS_QUEUE)
def assess_items(item_ids: list[int]) -> dict[str, int]:
    """Assess these items, each exactly once (see ``services/assessment.py``)."""
    from steward.server.inbox.services.assessment import assess_batch

    return assess_batch(item_ids).as_dict()


def enqueue_assessment(item_ids: Sequence[int], size: int | None = None) -> int:
    """Queue ``item_ids`` for assessment in tasks of ``STEWARD_ASSESS_BATCH`` ids. Returns the tasks queued.

    Call inside the transaction that stored the items: the database backend writes the task rows in it.
    """
    count = 0
    for chunk in batches(item_ids, size):
        assess_items.enqueue(chunk)
        count += 1
    return count
