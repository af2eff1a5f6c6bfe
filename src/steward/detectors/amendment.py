"""``unmarked_amendment`` (SMP 7.3.6): an edit of a published post must make clear that it was amended.

A draft amends a published post when ``extra["amends"]`` holds the post's original text (or its id). The
finding (0.9) is made when the words changed and the draft has no amendment marker: "Amended:", "Edit:",
"CORRECTION:", "Updated:", "(edited)", "this post has been updated", "we previously said 8pm", "not Tuesday as
we posted earlier". "Updated guidance is now on our website" uses the word for something else and is not a
marker. Whitespace, case or punctuation changes alone are not an amendment. The fix names what changed.
"""

from __future__ import annotations

import difflib

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.phrases import clip
from steward.detectors.staff_context import AMENDS, extra_text, matches, quote

__all__ = ["UnmarkedAmendmentDetector"]

_CAT = Category.UNMARKED_AMENDMENT.value
MARKER = compile_pattern(
    r"(?<![\p{L}])(?:edit(?:ed)?\s*(?::|-\s|–|—|\)|\])|\(\s*edit(?:ed)?|\[\s*edit(?:ed)?|edited\s+to\s+\w+|"
    r"amended|amendment|correction|corrected|updated?\s*(?::|-\s|–|—|\)|\])|\(\s*updated?|\[\s*updated?|"
    r"this\s+(?:post|tweet|message|update)\s+(?:has\s+been|was|is)\s+(?:edited|updated|amended|corrected)|"
    r"previously\s+(?:said|posted|stated|read|wrote)|originally\s+(?:said|posted|read|stated)|(?:as|than|what)\s+"
    r"(?:we|i)\s+(?:posted|said|wrote)\s+(?:earlier|before|previously|yesterday|this\s+morning))(?![\p{L}])"
)
_WORD = compile_pattern(r"\S+")
#: Words compared on each side (difflib is quadratic in the worst case).
MAX_WORDS = 1_000
_ID_LIKE = compile_pattern(r"^[\w:\-./#]{1,80}$")
FIX = (
    "Say that the post was amended, e.g. start it with “Amended:” and what changed{change}. Amendments to a "
    "published post must be made clear (7.3.6)."
)


def _words(text: str) -> list[tuple[str, int, int]]:
    """(comparison key, start, end) per word: case and surrounding punctuation do not count as changes."""
    return [
        (m.group(0).casefold().strip(".,;:!?\"'()[]“”‘’"), m.start(), m.end()) for m in matches(_WORD, text, MAX_WORDS)
    ]


def changes(original: str, draft: str) -> list[tuple[str, str, int, int]]:
    """(old words, new words, start, end in ``draft``) for each changed run of words."""
    old, new = _words(original), _words(draft)
    matcher = difflib.SequenceMatcher(a=[w for w, _, _ in old], b=[w for w, _, _ in new], autojunk=False)
    out: list[tuple[str, str, int, int]] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        was = " ".join(original[s:e] for _, s, e in old[a0:a1])
        now = " ".join(draft[s:e] for _, s, e in new[b0:b1])
        start = new[b0][1] if b0 < len(new) else len(draft)
        end = new[b1 - 1][2] if b1 > b0 else start
        out.append((was, now, start, end))
    return out


class UnmarkedAmendmentDetector:
    """An edit of a published post (``extra["amends"]``) that does not say it was amended."""

    name = "unmarked_amendment"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("unmarked_amendment_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        original = extra_text(item, AMENDS).strip()
        text = clip(item.text)
        if not original or not text.strip() or search(MARKER, text) is not None:
            return []
        if search(_ID_LIKE, original) is not None and " " not in original:
            end = min(len(text), 80)
            why = "An amendment of a published post (by id) that does not say it was amended."
            return [Finding(_CAT, "unmarked_amendment", 0, end, 0.8, self._tag, why, fix=FIX.format(change=""))]
        diff = changes(original, text)
        if not diff:
            return []
        was, now, start, end = diff[0]
        if end <= start:
            start, end = 0, min(len(text), 80)
        summary = f" (“{quote(was, 0, len(was), 40)}” → “{quote(now, 0, len(now), 40)}”)" if was and now else ""
        more = f"; {len(diff)} changes in all" if len(diff) > 1 else ""
        why = f"An amendment of a published post that does not say it was amended{more}."
        return [Finding(_CAT, "unmarked_amendment", start, end, 0.9, self._tag, why, fix=FIX.format(change=summary))]
