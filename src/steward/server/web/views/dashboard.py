"""The dashboard: charts people would rather look at than read (server-rendered SVG), and the same numbers as CSV."""

from __future__ import annotations

import csv
import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from steward.server.csvsafe import safe_cell
from steward.server.inbox.services.clocks import calendar_for
from steward.server.inbox.services.sanctions import inbound_pack
from steward.server.web import charts, reports
from steward.server.web.guard import page

PERIODS = (7, 14, 30, 90)


def _board(request: HttpRequest) -> reports.Dashboard:
    text = request.GET.get("days", "14")
    days = int(text) if text.isdigit() and int(text) in PERIODS else 14
    pack = inbound_pack()
    return reports.dashboard(calendar_for(), pack.monitored_hours.response_target_minutes, days)


@page("steward.view_reports")
def dashboard(request: HttpRequest) -> HttpResponse:
    board = _board(request)
    responses = board.responses
    target_index = next(
        (i for i, (upper, _) in enumerate(reports.BUCKETS) if upper is not None and upper >= responses.target_minutes),
        None,
    )
    context = {
        "board": board,
        "periods": PERIODS,
        "volume_chart": charts.stacked_days(board.volumes),
        "clause_chart": charts.rows(board.by_clause),
        "action_chart": charts.rows(board.by_action, colour=charts.PALETTE[2]),
        "response_chart": charts.columns(responses.buckets, colour=charts.PALETTE[3], marker_after=target_index),
        "overdue_chart": charts.rows(board.overdue, colour=charts.PALETTE[4]),
        "within_percent": round(100 * responses.within_target / responses.responded) if responses.responded else None,
        "total_items": sum(board.volumes.counts.values()),
        "overdue_total": sum(n for _, n in board.overdue),
    }
    return render(request, "reports/dashboard.jinja", context)


@page("steward.view_reports")
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    board = _board(request)
    out = io.StringIO()
    writer = csv.writer(out)
    for row in reports.csv_rows(board):
        writer.writerow([safe_cell(v) for v in row])
    stamp = timezone.now().strftime("%Y%m%d")
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="steward-dashboard-{board.days}d-{stamp}.csv"'
    return response
