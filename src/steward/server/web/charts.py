"""Chart geometry for server-rendered SVG. Python works out every bar's position; the template draws them with
autoescaping on, so labels (channel names, clause ids) can never become markup. No inline styles: colours are
SVG presentation attributes, which the CSP allows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from steward.server.web.reports import Volumes

#: NHS identity colours, distinguishable for the common colour-vision deficiencies in this order.
PALETTE = ("#005eb8", "#ffb81c", "#007f3b", "#330072", "#d5281b", "#768692", "#00a499", "#ae2573")
WIDTH = 640
PLOT_LEFT = 48
PLOT_TOP = 16
PLOT_HEIGHT = 200


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str  # the tooltip and accessible name of the bar
    value: str = ""  # printed beside the bar (horizontal charts)


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    legend: tuple[tuple[str, str], ...]  # (colour, label)
    marker: Tick | None = None  # e.g. the response target


def _nice_max(value: int) -> int:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step:
            return step
    return ((value // 10000) + 1) * 10000


def _y_ticks(top: int) -> tuple[Tick, ...]:
    return tuple(Tick(PLOT_LEFT - 6, PLOT_TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 5, str(top * i // 5)) for i in range(6))


def stacked_days(volumes: Volumes) -> Chart:
    """Items received per day, stacked by channel."""
    days = volumes.days
    top = _nice_max(max((volumes.total(d) for d in days), default=0))
    slot = (WIDTH - PLOT_LEFT - 8) / max(1, len(days))
    colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(volumes.channels)}
    bars: list[Bar] = []
    ticks: list[Tick] = []
    for i, day in enumerate(days):
        x = PLOT_LEFT + i * slot + slot * 0.15
        base: float = PLOT_TOP + PLOT_HEIGHT
        for channel in volumes.channels:
            n = volumes.counts.get((day, channel), 0)
            if not n:
                continue
            h = PLOT_HEIGHT * n / top
            base -= h
            title = f"{day:%a %d %b}: {n} from {channel}"
            bars.append(Bar(round(x, 1), round(base, 1), round(slot * 0.7, 1), round(h, 1), colours[channel], title))
        if len(days) <= 14 or i % max(1, len(days) // 10) == 0:
            ticks.append(Tick(round(x + slot * 0.35, 1), PLOT_TOP + PLOT_HEIGHT + 16, f"{day:%d %b}"))
    legend = tuple((colours[c], c) for c in volumes.channels)
    return Chart(WIDTH, PLOT_TOP + PLOT_HEIGHT + 32, tuple(bars), tuple(ticks), _y_ticks(top), legend)


def columns(values: Sequence[tuple[str, int]], *, colour: str = PALETTE[0], marker_after: int | None = None) -> Chart:
    """One column per (label, count); ``marker_after`` draws a line after that column (the target)."""
    top = _nice_max(max((n for _, n in values), default=0))
    slot = (WIDTH - PLOT_LEFT - 8) / max(1, len(values))
    bars: list[Bar] = []
    ticks: list[Tick] = []
    for i, (label, n) in enumerate(values):
        x = PLOT_LEFT + i * slot + slot * 0.15
        h = PLOT_HEIGHT * n / top
        y = PLOT_TOP + PLOT_HEIGHT - h
        bars.append(Bar(round(x, 1), round(y, 1), round(slot * 0.7, 1), round(h, 1), colour, f"{label}: {n}"))
        ticks.append(Tick(round(x + slot * 0.35, 1), PLOT_TOP + PLOT_HEIGHT + 16, label))
    marker = None
    if marker_after is not None and 0 <= marker_after < len(values):
        marker = Tick(round(PLOT_LEFT + (marker_after + 1) * slot, 1), PLOT_TOP, "target")
    return Chart(WIDTH, PLOT_TOP + PLOT_HEIGHT + 32, tuple(bars), tuple(ticks), _y_ticks(top), (), marker)


def rows(values: Sequence[tuple[str, int]], *, colour: str = PALETTE[0]) -> Chart:
    """Horizontal bars, one per (label, count), labels on the left."""
    left, row_height = 160, 26
    top = _nice_max(max((n for _, n in values), default=0))
    span = WIDTH - left - 48
    bars: list[Bar] = []
    ticks: list[Tick] = []
    for i, (label, n) in enumerate(values):
        y = 8 + i * row_height
        shown = label if len(label) <= 24 else label[:23] + "…"
        bars.append(Bar(left, y, round(span * n / top, 1), row_height - 8, colour, f"{label}: {n}", str(n)))
        ticks.append(Tick(left - 8, y + row_height / 2, shown))
    height = 16 + max(1, len(values)) * row_height
    return Chart(WIDTH, height, tuple(bars), tuple(ticks), (), ())
