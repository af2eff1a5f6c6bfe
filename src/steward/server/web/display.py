"""Showing hostile text safely: length caps, visible direction controls, tamed zalgo, masked personal data.

Everything here returns plain strings or frozen values; the templates escape them (autoescape is always on), so
nothing in this module ever produces markup. What it guards against is what escaping cannot: text that reorders
itself on screen (right-to-left overrides), stacks hundreds of combining marks over the lines around it, or is so
long it stalls the page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from steward.cli.render import MASKED

# Direction controls that can make text read differently from how it is stored (the "Trojan Source" set).
BIDI_CONTROLS: Mapping[str, str] = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
}
MAX_MARKS = 2  # combining marks kept after one base character (enough for Vietnamese, Devanagari and the like)
TEXT_LIMIT = 20_000  # characters of one comment shown on its page
EXCERPT_LIMIT = 160  # characters of a comment shown in a list
NAME_LIMIT = 80  # characters of a handle or display name
#: What is masked until revealed: the same categories as the CLI and the API.
MASKED_CATEGORIES = MASKED


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


def clean(text: object, limit: int | None = None) -> str:
    """Plain text safe to lay out: controls made visible, combining-mark stacks trimmed, length capped."""
    value = "" if text is None else str(text)
    cut = limit is not None and len(value) > limit
    if cut and limit is not None:
        value = value[:limit]
    out: list[str] = []
    marks = 0
    for char in value:
        if char in BIDI_CONTROLS:
            out.append(f"[{BIDI_CONTROLS[char]}]")
            marks = 0
            continue
        if _is_mark(char):
            marks += 1
            if marks > MAX_MARKS:
                continue
        else:
            marks = 0
            if unicodedata.category(char) == "Cc" and char not in "\n\t":
                continue
        out.append(char)
    result = "".join(out)
    return result + "…" if cut else result


def name(text: object) -> str:
    return clean(text, NAME_LIMIT)


def excerpt(text: object) -> str:
    return clean(" ".join(str(text or "").split()), EXCERPT_LIMIT)


def trimmed_marks(text: str) -> int:
    """How many combining marks ``clean`` would drop (shown, so a moderator knows the text was zalgo)."""
    dropped = 0
    run = 0
    for char in text[:TEXT_LIMIT]:
        if _is_mark(char):
            run += 1
            dropped += run > MAX_MARKS
        else:
            run = 0
    return dropped


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of comment text: ``plain``, ``evidence`` (a finding's span) or ``masked`` (personal data)."""

    text: str
    kind: str = "plain"
    label: str = ""


def _label(finding: Mapping[str, Any]) -> str:
    kind = str(finding.get("kind") or finding.get("category") or "")
    return kind.replace("_", " ")


def segments(text: str, findings: Iterable[Mapping[str, Any]], *, revealed: bool) -> tuple[Segment, ...]:
    """Split the comment into runs so the page can highlight evidence and mask personal data.

    Offsets are the engine's (Python string indices into the stored text). Findings on other fields, with bad
    offsets, past the display cap, or from a learned model (evidence ``model``: the whole text) are ignored.
    Where spans overlap, masking wins over highlighting.
    """
    shown = text[:TEXT_LIMIT]
    size = len(shown)
    kinds = [0] * size  # 0 plain, 1 evidence, 2 masked
    labels = [""] * size
    for finding in findings:
        if finding.get("field", "text") != "text" or finding.get("evidence") == "model":
            continue  # a model judges the whole comment: nothing in it to point at, so nothing highlighted
        start, end = finding.get("start"), finding.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
            continue
        masked = str(finding.get("category", "")) in MASKED_CATEGORIES and not revealed
        code = 2 if masked else 1
        label = _label(finding)
        for i in range(start, min(end, size)):
            if code > kinds[i]:
                kinds[i], labels[i] = code, label
            elif code == kinds[i] and not labels[i]:
                labels[i] = label
    runs: list[Segment] = []
    names = ("plain", "evidence", "masked")
    i = 0
    while i < size:
        j = i
        while j < size and kinds[j] == kinds[i] and labels[j] == labels[i]:
            j += 1
        kind = names[kinds[i]]
        body = f"{labels[i] or 'personal data'} hidden" if kind == "masked" else clean(shown[i:j])
        runs.append(Segment(body, kind, labels[i]))
        i = j
    if len(text) > TEXT_LIMIT:
        runs.append(Segment(f" … ({len(text) - TEXT_LIMIT:,} more characters not shown)", "plain"))
    return tuple(runs)


def masked_excerpt(text: str, findings: Sequence[Mapping[str, Any]]) -> str:
    """A one-line excerpt for lists, with personal data replaced by a label (lists never reveal)."""
    parts = segments(text[: EXCERPT_LIMIT * 2], findings, revealed=False)
    joined = "".join(f"[{p.text}]" if p.kind == "masked" else p.text for p in parts)
    return excerpt(joined)


def safe_href(url: object) -> str | None:
    """The URL if it is plain http(s) with no controls or spaces, else None (the page then shows it as text)."""
    value = str(url or "").strip()
    lowered = value.lower()
    if not lowered.startswith(("https://", "http://")) or len(value) > 2000:
        return None
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in value):
        return None
    return value


FILTERS: Mapping[str, Callable[..., Any]] = {
    "clean": clean,
    "name": name,
    "excerpt": excerpt,
    "safe_href": safe_href,
}
