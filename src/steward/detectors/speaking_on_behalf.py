"""``speaking_on_behalf`` (SMP 7.3.9, 7.6.2): a personal account announcing or explaining the organisation's
position, or replying to a post in an official capacity, without the communications team's approval.

Personal accounts only; corporate accounts go through the approval workflow instead. Evidence:

* "on behalf of the CCG", "speaking for the CCG", "official statement" (0.85-0.9);
* the organisation's voice in the first person: "we at the CCG have decided", "we will be in touch" next to an
  employee's identification (0.8);
* "I can confirm" from an author who identifies as an employee (0.85);
* a reply to someone else's post (``ContentItem.post``) from an author who identifies as an employee and
  corrects or confirms facts ("this story is wrong", "is not closing") (0.85; 7.6.2).

Sharing the organisation's own news with a disclaimer ("great news from @NHSBradfordDC today ... views my own")
and pointing to the website are not speaking on its behalf.
"""

from __future__ import annotations

import functools

import regex

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.phrases import clip
from steward.detectors.staff_context import employee_pattern, is_personal, org_alternation

__all__ = ["SpeakingOnBehalfDetector"]

_CAT = Category.SPEAKING_ON_BEHALF.value
_CONFIRM = compile_pattern(
    r"(?<![\p{L}])(?:(?:i|we)\s+can\s+(?:officially\s+|now\s+)?(?:confirm|announce|reveal)|(?:i|we)\s+(?:would|'d)"
    r"\s+like\s+to\s+(?:apologise|apologize|confirm|announce|reassure)|we\s+will\s+be\s+in\s+touch|"
    r"we\s+(?:have|'ve)\s+decided)(?![\p{L}])"
)
_CORRECTS = compile_pattern(
    r"(?<![\p{L}])(?:(?:story|article|report|post|claim|this)\s+is\s+(?:wrong|false|untrue|incorrect|fake|"
    r"misleading|not\s+true)|(?:is|are|isn['’]t|aren['’]t|will|won['’]t)\s+(?:not\s+)?(?:closing|close|"
    r"shutting|going|happening|true|being)|not\s+true|i\s+can\s+confirm)(?![\p{L}])"
)
FIX = (
    "Don't announce or explain the CCG's position from a personal account: ask the communications and "
    "engagement team to post or reply officially, or share the CCG's own post (7.3.9, 7.6.2)."
)


@functools.lru_cache(maxsize=16)
def _official(protected: tuple[str, ...]) -> regex.Pattern[str]:
    org = org_alternation(protected)
    return compile_pattern(
        rf"(?<![\p{{L}}])(?:(?:on\s+behalf\s+of|speaking\s+(?:for|on\s+behalf\s+of)|representing)\s+(?:the\s+)?"
        rf"(?:{org})|official\s+(?:statement|announcement|response|position)|(?:the\s+)?(?:{org})['’]s\s+"
        rf"official\s+(?:position|view|line)|we\s+(?:here\s+)?at\s+(?:{org})\s+(?:have|has|are|will|would|can|"
        r"do|don['’]t|won['’]t))(?![\p{L}])"
    )


class SpeakingOnBehalfDetector:
    """A personal account speaking for the organisation or replying in an official capacity."""

    name = "speaking_on_behalf"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("speaking_on_behalf_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        if not is_personal(item):
            return []
        text = clip(item.text)
        names = tuple(context.protected_names)
        official = search(_official(names), text)
        if official is not None:
            why = f"Speaks for the organisation ('{' '.join(official.group(0).split())}') from a personal account."
            return [Finding(_CAT, "official_statement", *official.span(), 0.88, self._tag, why, fix=FIX)]
        employee = search(employee_pattern(names), text)
        if employee is None:
            return []
        confirm = search(_CONFIRM, text)
        if confirm is not None:
            why = "An employee confirming or announcing the organisation's position from a personal account."
            return [Finding(_CAT, "announces_position", *confirm.span(), 0.85, self._tag, why, fix=FIX)]
        corrects = search(_CORRECTS, text) if item.post else None
        if corrects is not None:
            why = "An employee replying to a post in an official capacity (7.6.2), correcting or confirming facts."
            return [Finding(_CAT, "official_reply", *corrects.span(), 0.85, self._tag, why, fix=FIX)]
        return []
