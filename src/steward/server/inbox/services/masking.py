"""Personal data masked in comment text for the API, using the core's renderer (``steward.cli.render``).

The decision's findings of personal or patient information are the spans masked; each is replaced by its kind
("[a UK phone number]"). Overlapping spans are merged first, so no part of one is ever left showing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from steward.cli.render import MASKED, evidence_text
from steward.content import Finding


def _masked_spans(findings: Sequence[Mapping[str, Any]], size: int) -> list[Finding]:
    spans: list[tuple[int, int, str]] = []
    for f in findings:
        if not isinstance(f, Mapping) or f.get("category") not in MASKED or f.get("field", "text") != "text":
            continue
        try:
            start, end = max(0, int(f["start"])), min(size, int(f["end"]))
        except (KeyError, TypeError, ValueError):
            continue
        if end > start:
            spans.append((start, end, str(f.get("kind", "personal_info"))))
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, kind))
    return [Finding("personal_info", kind, s, e, 1.0, "mask", "") for s, e, kind in merged]


def masked_text(text: str, findings: Sequence[Mapping[str, Any]]) -> str:
    """``text`` with every personal-data span of ``findings`` (decision JSON) replaced by its kind."""
    spans = _masked_spans(findings, len(text))
    if not spans:
        return text
    return evidence_text(text, spans, mask=True).plain
