"""What the learned models are shown of a comment: its text without links to the organisation's own domains.

The spam models learned from 2015 YouTube comments and 2000s SMS spam, where almost every link was spam, so they
are sure that a comment sharing any link is spam: "More info on Pharmacy First here: https://www.nhs.uk/…" scored
1.00 with both, and went to a person as possible promotion. A link on the pack's allow list (``links.allow``:
nhs.uk, gov.uk, the organisation's own sites) is no evidence of spam, abuse or hate, so every learned model
judges the comment with those links cut out, as the link detector already treats them (an allowed domain,
score 0.05). Links anywhere else, and the rest of the text, are judged as before; findings still span the
comment as written. No text in the training or evaluation sets links to an allow-listed domain (checked on
2026-12-06), so the models and their measured quality are unchanged by this.
"""

from __future__ import annotations

from steward.detectors.base import MAX_TEXT_CHARS, AssessContext
from steward.detectors.link import allowed_link_spans


def model_text(text: str, context: AssessContext) -> str:
    """``text`` clipped to MAX_TEXT_CHARS with each allow-listed link replaced by one space (``text`` itself,
    clipped, when it has none, so caches keyed on the text still hit)."""
    clipped = text[:MAX_TEXT_CHARS]
    if not context.link_allow:
        return clipped
    spans = allowed_link_spans(clipped, context)
    if not spans:
        return clipped
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces.append(clipped[last:start])
        pieces.append(" ")
        last = end
    pieces.append(clipped[last:])
    return "".join(pieces)
