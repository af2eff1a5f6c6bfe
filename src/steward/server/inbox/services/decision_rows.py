"""Between the stored models and the engine: the ContentItem the engine reads from an Item, and the Decision row
that stores the engine's decision (or, for a poison item, the ``review`` decision carrying the error)."""

from __future__ import annotations

from datetime import datetime
from types import MappingProxyType

from steward.content import Action, ContentItem, Direction
from steward.content import Author as ContentAuthor
from steward.content import Decision as EngineDecision
from steward.server.governance.models import PackVersion
from steward.server.inbox.models import Decision, Item
from steward.server.inbox.services.ingest import POST_TEXT, SOURCE_KIND

_EMPTY_LISTS = ("categories", "clauses", "findings", "rules", "detectors")


def content_item(item: Item) -> ContentItem:
    """The engine's view of a stored item (the same fields ``steward scan`` reads from a file)."""
    extra = {str(k): str(v) for k, v in item.extra.items()}
    post = extra.pop(POST_TEXT, None)
    kind = extra.pop(SOURCE_KIND, item.kind)
    author = None
    if item.author is not None:
        row = item.author
        names = {row.handle, row.display_name}
        author = ContentAuthor(
            id=row.external_id if row.external_id not in names else None,
            handle=row.handle or None,
            display_name=row.display_name or None,
        )
    return ContentItem(
        id=item.external_id,
        text=item.text,
        platform=item.platform,
        kind=kind,
        author=author,
        post=post,
        created_at=item.created_at,
        direction=Direction.OUTBOUND if item.direction == Direction.OUTBOUND else Direction.INBOUND,
        thread=tuple(str(t) for t in item.thread),
        extra=MappingProxyType(extra),
    )


def stored_hash(value: str) -> str:
    """The input hash as the column takes it: ``sha256:<hex>``, or the bare hex if the column is 64 wide (the
    contract JSON keeps the full form either way)."""
    width = Decision._meta.get_field("input_hash").max_length or len(value)
    return value if len(value) <= width else value.removeprefix("sha256:")


def decision_row(item: Item, d: EngineDecision, version: PackVersion, now: datetime) -> Decision:
    """The (unsaved) row holding the engine's full decision for ``item``, made under ``version``."""
    contract = d.as_contract()  # its parts are the columns' values too (clauses, findings, rounded scores)
    return Decision(
        item=item,
        action=d.action.value,
        categories=list(d.categories),
        rule_ids=list(d.rule_ids),
        clause_ids=list(dict.fromkeys(c.id for c in d.clauses)),
        clauses=contract["clauses"],
        findings=contract["findings"],
        scores=contract["scores"],
        detectors=list(d.detectors),
        failures=contract.get("errors", []),
        policy_id=d.policy_id,
        policy_version=d.policy_version,
        pack=version,
        input_hash=stored_hash(d.input_hash),
        rationale=d.rationale,
        reply_template=d.reply_template or "",
        reply_text=d.reply_text or "",
        pre_election=d.pre_election,
        strike=d.strike,
        contract=contract,
        decided_at=now,
    )


def poison_row(
    item: Item, error: str, rationale: str, input_hash: str, version: PackVersion | None, now: datetime
) -> Decision:
    """The (unsaved) ``review`` decision of an item whose assessment kept failing, carrying the error."""
    failure = {"detector": "steward", "error": error, "timed_out": False}
    policy = {"id": version.pack_id if version else "", "version": version.version if version else ""}
    return Decision(
        item=item,
        action=Action.REVIEW.value,
        failures=[failure],
        policy_id=policy["id"],
        policy_version=policy["version"],
        pack=version,
        input_hash=stored_hash(input_hash),
        rationale=rationale,
        error=error,
        contract={
            "id": item.external_id,
            "action": Action.REVIEW.value,
            **{key: [] for key in _EMPTY_LISTS},
            "scores": {},
            "rationale": rationale,
            "policy": policy,
            "input_hash": input_hash,
            "errors": [failure],
        },
        decided_at=now,
    )
