"""Suggested fixes for the shared detectors when they run on staff drafts.

The inbound detectors (hate, abuse, profanity, commercial ...) know nothing of fixes. On the outbound tier each
is wrapped in :class:`WithFixes`, which adds a plain-English fix, quoting the span, to every finding that has
none, and can drop kinds that mean something else in a staff draft (an employee saying "I'm from the CCG" is
not impersonating it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.staff_context import quote

_SAFEGUARDING = (
    "Don't post this. Talk to your line manager or the safeguarding lead and report it as an incident (7.7.1); if "
    "someone is in danger now, call 999."
)
#: Category → fix; ``{span}`` is the quoted evidence.
FIXES: Mapping[str, str] = MappingProxyType(
    {
        "abuse": "Remove “{span}”: insults, harassment and bullying, of colleagues or anyone else, are not allowed "
        "(7.3.3, 7.3.4).",
        "threat": "Remove “{span}”: threats are never acceptable (7.3.3). If a colleague is at risk, tell your line "
        "manager.",
        "hate": "Remove “{span}”: slurs and discriminatory content about people protected by the Equality Act 2010 "
        "will not be tolerated (7.3.3, section 10).",
        "profanity": "Replace or remove “{span}”: don't post anything you would not be comfortable saying face to "
        "face (12.1.1).",
        "sexual": "Remove “{span}”: obscene or indecent content is not allowed (7.3.3).",
        "commercial": "Remove the promotion “{span}”: if a third party asked you to share it, discuss the conflict "
        "of interest with your line manager first (7.3.10).",
        "impersonation": "Post only as yourself: never present a draft as another colleague's (7.5.4).",
        "copyright": "Reuse someone else's material (“{span}”) only with the owner's permission, and credit them "
        "(12.1.3).",
        "personal_info": "Remove the personal detail: it can only be posted with the person's express permission "
        "(7.5.3).",
        "self_harm": _SAFEGUARDING,
        "child_safety": _SAFEGUARDING,
        "extremism": _SAFEGUARDING,
    }
)


class WithFixes:
    """A detector whose findings carry a suggested fix (and without ``drop`` kinds)."""

    def __init__(self, inner: Detector, drop: Iterable[str] = ()) -> None:
        self.inner = inner
        self.drop = frozenset(drop)

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def version(self) -> str:
        return self.inner.version

    @property
    def categories(self) -> frozenset[str]:
        return self.inner.categories

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        out: list[Finding] = []
        for f in self.inner.detect(item, context):
            if f.kind in self.drop:
                continue
            template = FIXES.get(f.category)
            if f.fix or template is None:
                out.append(f)
                continue
            span = quote(item.text, f.start, f.end) if f.field == "text" else "this"
            out.append(dataclasses.replace(f, fix=template.format(span=span)))
        return out
