"""Background assessment: each item decided exactly once, duplicates skipped, poison items sent to review."""

from __future__ import annotations

from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from steward.content import ContentItem, Direction
from steward.pipeline import Pipeline
from steward.server.audit.chain import verify
from steward.server.audit.models import AuditEvent
from steward.server.governance.packs import active_version, pipeline_for
from steward.server.inbox.models import Channel, Decision, Item, ItemState, Queue
from steward.server.inbox.services import assessment
from steward.server.inbox.services.assessment import UNFINISHED, assess_batch, content_item
from steward.server.inbox.services.ingest import ingest
from steward.server.inbox.tasks import assess_items

pytestmark = pytest.mark.django_db

TEXTS = {
    "fine": ("Thanks for the update, very helpful", "allow", Queue.DONE),
    "phone": ("Call me on 07911 123456", "hide", Queue.AUTO_HIDDEN),
    "self_harm": ("I want to kill myself tonight, I cannot go on any more", "escalate", Queue.SAFEGUARDING),
    "political": ("Vote Labour on Thursday!", "review", Queue.NEEDS_REVIEW),
}


class Crash(BaseException):
    """Stands in for the process dying: nothing in the service catches a BaseException."""


def store(channel: Channel, texts: dict[str, str]) -> list[int]:
    ingest([ContentItem(id=key, text=text) for key, text in texts.items()], channel)
    return list(Item.objects.order_by("pk").values_list("pk", flat=True))


def decided_events(pk: int) -> int:
    return AuditEvent.objects.filter(event="item.decided", object_type="item", object_id=str(pk)).count()


def fail_on(monkeypatch: pytest.MonkeyPatch, external_id: str, exc: BaseException) -> dict[str, int]:
    """Make the pipeline raise ``exc`` for one item; returns a counter of the calls for it."""
    real = Pipeline.check
    calls = {"n": 0}

    def check(self: Pipeline, item: ContentItem, *args: Any, **kwargs: Any) -> Any:
        if item.id == external_id:
            calls["n"] += 1
            raise exc
        return real(self, item, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "check", check)
    return calls


@pytest.mark.parametrize("key", list(TEXTS))
def test_each_item_gets_the_engines_decision_routed_and_audited(facebook: Channel, key: str) -> None:
    text, action, queue = TEXTS[key]
    (pk,) = store(facebook, {key: text})
    summary = assess_batch([pk])
    assert summary.decided == 1 and summary.as_dict()["decided"] == 1
    row = Item.objects.select_related("decision").get(pk=pk)
    expected = pipeline_for(active_version("surrey-heartlands-aus")).check(content_item(row), now=row.received_at)
    d = row.decision
    assert (row.state, row.queue, row.attempts, row.last_error) == (ItemState.ASSESSED, queue, 1, "")
    assert d.action == action == expected.action
    assert d.contract == expected.as_contract() and expected.input_hash.endswith(d.input_hash)
    assert d.clause_ids == list(dict.fromkeys(c.id for c in expected.clauses))
    assert d.pack == active_version("surrey-heartlands-aus") and d.policy_version == expected.policy_version
    assert decided_events(pk) == 1
    event = AuditEvent.objects.get(event="item.decided", object_id=str(pk))
    assert event.clause_ids == d.clause_ids and event.data["action"] == action
    assert (row.due_at is None) == (queue == Queue.DONE)


def test_a_duplicate_task_is_harmless(facebook: Channel) -> None:
    pks = store(facebook, {k: v[0] for k, v in TEXTS.items()})
    first = assess_batch(pks)
    again = assess_batch(pks + pks)
    assert (first.decided, first.skipped) == (len(pks), 0)
    assert (again.decided, again.skipped) == (0, len(pks))
    assert Decision.objects.count() == len(pks)
    assert all(decided_events(pk) == 1 for pk in pks)
    assert set(Item.objects.values_list("attempts", flat=True)) == {1}
    assert verify().ok


def test_unknown_ids_are_skipped(facebook: Channel) -> None:
    assert assess_batch([987654321]).skipped == 1


def test_the_task_runs_the_service(facebook: Channel) -> None:
    pks = store(facebook, {"a": "Thanks", "b": "Call me on 07911 123456"})
    assert assess_items.call(pks) == {"decided": 2, "skipped": 0, "retried": 0, "poisoned": 0}


def test_an_item_whose_pipeline_raises_is_retried_then_poisoned_and_sent_to_review(
    facebook: Channel, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.STEWARD_MAX_ATTEMPTS = 3
    calls = fail_on(monkeypatch, "bad", RuntimeError("boom in a library"))
    pks = store(facebook, {"good": "Thanks", "bad": "Thanks as well", "also": "Call me on 07911 123456"})
    bad = Item.objects.get(external_id="bad")
    tasks_before = DBTaskResult.objects.count()
    first = assess_batch(pks)
    assert (first.decided, first.retried, first.poisoned) == (2, 1, 0)
    bad.refresh_from_db()
    assert (bad.state, bad.attempts) == (ItemState.PENDING, 1)
    assert bad.last_error == "RuntimeError: boom in a library"
    retry = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert DBTaskResult.objects.count() == tasks_before + 1 and retry is not None
    assert retry.args_kwargs["args"][0] == [bad.pk] and retry.queue_name == "assess"
    assert assess_batch([bad.pk]).retried == 1
    last = assess_batch([bad.pk])
    assert last.poisoned == 1 and calls["n"] == 3
    bad.refresh_from_db()
    assert (bad.state, bad.queue, bad.attempts) == (ItemState.POISON, Queue.NEEDS_REVIEW, 3)
    assert bad.due_at is not None
    decision = Decision.objects.get(item=bad)
    assert decision.action == "review" and "boom in a library" in decision.error
    assert decision.contract["action"] == "review" and decision.contract["errors"][0]["error"] == decision.error
    assert AuditEvent.objects.filter(event="item.poisoned", object_id=str(bad.pk)).count() == 1
    # never retried again: a further task skips it, and the pipeline is not called
    assert assess_batch([bad.pk]).skipped == 1 and calls["n"] == 3
    assert Item.objects.filter(state=ItemState.ASSESSED).count() == 2


def test_an_item_that_kills_the_worker_is_poisoned_after_the_maximum_attempts(
    facebook: Channel, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.STEWARD_MAX_ATTEMPTS = 3
    calls = fail_on(monkeypatch, "killer", Crash())
    pks = store(facebook, {"a": "Thanks", "killer": "Thanks too", "b": "Great news"})
    with pytest.raises(Crash):
        assess_batch(pks)  # the whole batch dies with the process: attempts were committed first
    assert set(Item.objects.values_list("state", "attempts", "last_error")) == {(ItemState.PENDING, 1, UNFINISHED)}
    # restarted: the suspects are now tried one by one, so the innocent ones get through
    with pytest.raises(Crash):
        assess_batch(pks)
    assert Item.objects.filter(state=ItemState.ASSESSED).count() == 1  # "a", tried before the killer
    with pytest.raises(Crash):
        assess_batch(pks)
    summary = assess_batch(pks)
    assert summary.poisoned == 1 and calls["n"] == 3
    killer = Item.objects.get(external_id="killer")
    assert (killer.state, killer.attempts, killer.queue) == (ItemState.POISON, 3, Queue.NEEDS_REVIEW)
    assert Decision.objects.get(item=killer).error == UNFINISHED
    assert Item.objects.filter(state=ItemState.ASSESSED).count() == 2
    assert all(decided_events(pk) == 1 for pk in Item.objects.filter(state="assessed").values_list("pk", flat=True))


def test_a_failure_storing_one_decision_does_not_lose_the_others(
    facebook: Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = assessment.route_new_decision

    def route(item: Item, decision: Decision, calendar: Any) -> None:
        if item.external_id == "b":
            raise ValueError("routing broke")
        real(item, decision, calendar)

    monkeypatch.setattr(assessment, "route_new_decision", route)
    pks = store(facebook, {"a": "Thanks", "b": "Thanks again", "c": "Call me on 07911 123456"})
    summary = assess_batch(pks)
    assert (summary.decided, summary.retried) == (2, 1)
    b = Item.objects.get(external_id="b")
    assert b.state == ItemState.PENDING and "routing broke" in b.last_error
    assert not Decision.objects.filter(item=b).exists()  # its half-written decision was rolled back
    assert decided_events(b.pk) == 0
    assert Decision.objects.count() == 2


def test_a_missing_policy_pack_poisons_items_rather_than_looping(facebook: Channel, settings: Any) -> None:
    settings.STEWARD_MAX_ATTEMPTS = 2
    pks = store(facebook, {"a": "Thanks"})
    type(facebook.organisation).objects.filter(pk=facebook.organisation_id).update(inbound_pack="no-such-pack")
    assert assess_batch(pks).retried == 1
    assert assess_batch(pks).poisoned == 1
    row = Item.objects.get()
    assert row.state == ItemState.POISON and "no-such-pack" in row.last_error
    assert Decision.objects.get(item=row).policy_id == ""


def test_outbound_items_use_the_outbound_pack(facebook: Channel) -> None:
    ingest([ContentItem(id="d1", text="Our new clinic opens on Monday", direction=Direction.OUTBOUND)], facebook)
    pks = list(Item.objects.values_list("pk", flat=True))
    assert assess_batch(pks).decided == 1
    assert Decision.objects.get().policy_id == facebook.organisation.outbound_pack


def test_error_text_is_capped() -> None:
    text = assessment.describe(ValueError("x" * 50_000))
    assert len(text) == assessment.MAX_ERROR_CHARS and text.startswith("ValueError: xxx")


def test_the_worker_tells_the_pipeline_its_batch_and_decides_as_one_by_one(
    facebook: Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The accurate tier's encoder embeds the batch ahead; the decisions are those of checking each item alone."""
    told: list[list[str]] = []
    real = Pipeline.prefetch
    monkeypatch.setattr(
        Pipeline, "prefetch", lambda self, items: (told.append([i.id for i in items]), real(self, items))[1]
    )
    pks = store(facebook, {k: v[0] for k, v in TEXTS.items()})
    assert assess_batch(pks).decided == len(pks)
    pipeline = pipeline_for(active_version("surrey-heartlands-aus"))
    assert pipeline.prefetches and told == [list(TEXTS)]
    for row in Item.objects.select_related("decision").order_by("pk"):
        alone = pipeline.check(content_item(row), now=row.received_at)
        assert row.decision.contract == alone.as_contract()


def test_a_failure_while_working_ahead_loses_nothing(facebook: Channel, monkeypatch: pytest.MonkeyPatch) -> None:
    from steward.models.accurate import EncoderDetector

    def broken(self: Any, items: Any) -> None:
        raise RuntimeError("pool gone")

    monkeypatch.setattr(EncoderDetector, "prefetch", broken)
    pks = store(facebook, {k: v[0] for k, v in TEXTS.items()})
    summary = assess_batch(pks)
    assert (summary.decided, summary.retried, summary.poisoned) == (len(pks), 0, 0)
    assert [i.decision.action for i in Item.objects.select_related("decision").order_by("pk")] == [
        v[1] for v in TEXTS.values()
    ]
