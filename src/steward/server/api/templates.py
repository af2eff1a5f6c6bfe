"""Reply templates over the API: the organisation's templates with their placeholders, and a filled preview.

Reading needs ``steward.view_items``; a preview against an item needs to be allowed to see that item.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.params import P, PathEx

from steward.server.api.auth import require
from steward.server.api.workflow import MAX_ID, PLAIN, VIEW
from steward.server.inbox.models import ReplyTemplate
from steward.server.inbox.services import claims, templates
from steward.server.inbox.services.access import check_view
from steward.server.inbox.services.sanctions import inbound_pack
from steward.server.inbox.setup import default_organisation

router = Router(tags=["workflow"])


class TemplateOut(Schema):
    key: str
    name: str
    body: str
    clause_ids: list[str]
    placeholders: list[str]
    filled_by_steward: list[str] = Field(description="Placeholders Steward fills itself (author_name per item).")


class PreviewIn(Schema):
    item_id: int | None = Field(None, ge=1, le=MAX_ID)
    placeholders: dict[str, str] = Field(default_factory=dict)


class PreviewOut(Schema):
    text: str
    missing: list[str]
    ready: bool


def _template_out(row: ReplyTemplate) -> dict[str, Any]:
    names = templates.placeholders(row.body)
    known = set(templates.defaults(inbound_pack(row.organisation), None)) | {"author_name"}
    return {
        "key": row.key,
        "name": row.name,
        "body": row.body,
        "clause_ids": row.clause_ids,
        "placeholders": list(names),
        "filled_by_steward": [n for n in names if n in known],
    }


@router.get("/templates", response=list[TemplateOut], summary="The organisation's active reply templates")
def list_templates(request: HttpRequest) -> list[dict[str, Any]]:
    require(request, VIEW)
    org = default_organisation()
    return [_template_out(row) for row in ReplyTemplate.objects.filter(organisation=org, active=True).order_by("key")]


@router.post("/templates/{key}/preview", response=PreviewOut, summary="A template filled for an item")
def preview_template(
    request: HttpRequest, body: PreviewIn, key: PathEx[str, P(max_length=100, pattern=PLAIN)]
) -> dict[str, Any]:
    user = require(request, VIEW)
    org = default_organisation()
    item = claims.get_item(body.item_id) if body.item_id is not None else None
    if item is not None:
        check_view(user, item)
    filled = templates.preview(templates.get_template(org, key), inbound_pack(org), item, body.placeholders)
    return {"text": filled.text, "missing": list(filled.missing), "ready": filled.ready}
