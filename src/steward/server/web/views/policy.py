"""The policy page: the active packs with every clause and the rules that enforce it, their versions, and (for
admins) uploading a new version, validated first with every problem shown by line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from steward.errors import PolicyError
from steward.policy import PolicyPack
from steward.server.governance.models import PackVersion
from steward.server.governance.packs import active_version, pack_for, upload
from steward.server.inbox.setup import default_organisation
from steward.server.web.guard import page

MAX_UPLOAD = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ClauseView:
    id: str
    ref: str
    section: str
    text: str
    rules: tuple[tuple[str, str, str], ...]  # (rule id, action, description)


@dataclass(frozen=True, slots=True)
class PackView:
    pack: PolicyPack
    version: PackVersion
    clauses: tuple[ClauseView, ...]
    versions: tuple[PackVersion, ...]


def _view(pack_id: str) -> PackView | None:
    try:
        version = active_version(pack_id)
    except PolicyError:
        return None
    pack = pack_for(version)
    clauses = tuple(
        ClauseView(
            c.id,
            c.ref or c.id,
            c.section,
            c.text,
            tuple((r.id, str(r.action), r.description) for r in pack.rules if c.id in r.clauses),
        )
        for c in pack.clauses
    )
    versions = tuple(PackVersion.objects.filter(pack_id=pack_id).select_related("uploaded_by").order_by("-uploaded_at"))
    return PackView(pack, version, clauses, versions)


def _context(problems: tuple[str, ...] = (), source_name: str = "") -> dict[str, Any]:
    org = default_organisation()
    ids = [i for i in dict.fromkeys([org.inbound_pack, org.outbound_pack]) if i]
    return {
        "packs": [v for v in (_view(i) for i in ids) if v is not None],
        "problems": problems,
        "source_name": source_name,
    }


@page("steward.view_items")
def policy(request: HttpRequest) -> HttpResponse:
    return render(
        request, "policy/policy.jinja", {**_context(), "may_upload": request.user.has_perm("steward.manage_packs")}
    )


@page("steward.manage_packs")
@require_http_methods(["POST"])
def policy_upload(request: HttpRequest) -> HttpResponse:
    sent = request.FILES.get("pack")
    problems: tuple[str, ...] = ()
    name = ""
    if sent is None:
        problems = ("Choose a policy pack file (YAML) to upload.",)
    elif sent.size is None or sent.size > MAX_UPLOAD:
        problems = (f"The file is larger than {MAX_UPLOAD // 1024} KB.",)
    else:
        name = (sent.name or "upload.yaml")[:100]
        try:
            source = sent.read().decode("utf-8")
        except UnicodeDecodeError:
            problems = ("The file is not UTF-8 text.",)
        else:
            try:
                row = upload(source, user=request.user, activate=True, name=name)  # type: ignore[arg-type]
            except PolicyError as exc:
                problems = tuple(exc.problems) or (str(exc),)
            else:
                messages.success(request, f"Version {row.version} of {row.pack_id} is now active.")
                return redirect("web:policy")
    context = {**_context(problems, name), "may_upload": True}
    return render(request, "policy/policy.jinja", context, status=400)
