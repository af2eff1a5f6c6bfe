"""Freedom of Information records of corporate posts (SMP 7.6.3), for the information-governance lead and the
communications team: search by date range and keyword; download the same records as CSV or JSON through the API
(``/api/records``, which streams them and writes the ``records.exported`` audit event)."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from steward.errors import StewardError
from steward.server.outbound.services import records
from steward.server.web import display
from steward.server.web.guard import page
from steward.server.web.views.posts_shared import STATUS_COLOURS, Problem, sentence

RECORDS_SHOWN = 200


def _day(raw: str, label: str, anchor: str, problems: list[Problem]) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        problems.append(Problem(f"Enter the {label} date as year-month-day, for example 2026-10-14", anchor))
        return None


@page("steward.export_records")
def post_records(request: HttpRequest) -> HttpResponse:
    raw = {name: request.GET.get(name, "").strip() for name in ("start", "end", "keyword")}
    raw["start"], raw["end"] = raw["start"][:10], raw["end"][:10]
    problems: list[Problem] = []
    if len(raw["keyword"]) > records.MAX_KEYWORD:
        problems.append(Problem(f"Enter a keyword of at most {records.MAX_KEYWORD} characters", "#records-keyword"))
        raw["keyword"] = raw["keyword"][: records.MAX_KEYWORD]
    if any(ch in raw["keyword"] for ch in "\x00\r\n"):
        problems.append(Problem("The keyword holds characters that cannot be searched for", "#records-keyword"))
    start = _day(raw["start"], "from", "#records-start", problems)
    end = _day(raw["end"], "to", "#records-end", problems)
    rows: list[dict[str, Any]] = []
    total = 0
    if not problems:
        try:
            found = records.search(start=start, end=end, keyword=raw["keyword"])
        except StewardError as exc:
            problems.append(Problem(sentence(exc), "#records-start"))
        else:
            total = found.count()
            for draft in found[:RECORDS_SHOWN]:
                rows.append(
                    {
                        "draft": draft,
                        "excerpt": display.masked_excerpt(draft.text, (draft.result or {}).get("findings") or []),
                        "status_colour": STATUS_COLOURS.get(draft.status, "grey"),
                        "versions": len(draft.versions.all()),
                        "approvals": list(draft.approvals.all()),
                        "amended_by": [a.pk for a in draft.amendments.all()],
                    }
                )
    query = {k: v for k, v in raw.items() if v}
    context = {
        "raw": raw,
        "problems": problems,
        "rows": rows,
        "total": total,
        "shown": RECORDS_SHOWN,
        "searched": bool(query),
        "csv_query": urlencode({**query, "format": "csv"}),
        "json_query": urlencode({**query, "format": "json"}),
    }
    return render(request, "posts/records.jinja", context, status=400 if problems else 200)
