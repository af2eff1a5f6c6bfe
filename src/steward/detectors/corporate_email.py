"""``corporate_email`` (SMP 7.5.2): a CCG (NHS) email address on a personal social media profile, or given as
the author's own contact address in a personal post.

Corporate accounts set up with the communications team may use one; personal accounts may not. Addresses at
``nhs.net`` or any ``nhs.uk`` domain count. In the profile (``extra["profile"]``) any such address is a finding
(0.9, ``field="profile"``); in a personal post only the author's own ("email me at", "my work address"), since
pointing people to a team mailbox ("email communications@bradford.nhs.uk") is not using one's own address.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.phrases import clip
from steward.detectors.staff_context import PROFILE, extra_text, is_personal, matches

__all__ = ["CorporateEmailDetector"]

_CAT = Category.CORPORATE_EMAIL.value
_WORK_EMAIL = compile_pattern(
    r"(?<![\w.%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@(?:[a-z0-9\-]+\.)*(?:nhs\.net|nhs\.uk)(?![\w\-]|\.[a-z0-9])"
)
_OWN = compile_pattern(
    r"(?<![\p{L}])(?:(?:email|e-mail|contact|message|reach|write\s+to)\s+me|my\s+(?:\w+\s+)?(?:email|address|"
    r"inbox))(?:\W+\w+){0,4}\W*$"
)
FIX = (
    "Remove your CCG email address from your personal account and use a personal address instead: only corporate "
    "accounts set up with the communications and engagement team may use one (7.5.2)."
)


class CorporateEmailDetector:
    """A CCG or NHS email address used on a personal account."""

    name = "corporate_email"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("corporate_email_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        if not is_personal(item):
            return []
        out: list[Finding] = []
        profile = extra_text(item, PROFILE)
        if "@" in profile:
            for m in matches(_WORK_EMAIL, profile):
                why = "A CCG (NHS) email address on a personal account's profile."
                out.append(Finding(_CAT, "profile_email", *m.span(), 0.9, self._tag, why, "profile", FIX))
        text = clip(item.text)
        if "@" in text:
            for m in matches(_WORK_EMAIL, text):
                if search(_OWN, text[max(0, m.start() - 50) : m.start()]) is not None:
                    why = "The author gives their own CCG (NHS) email address in a personal post."
                    out.append(Finding(_CAT, "own_work_email", *m.span(), 0.8, self._tag, why, fix=FIX))
        return out
