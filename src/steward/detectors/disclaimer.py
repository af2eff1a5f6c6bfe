"""``missing_disclaimer`` (SMP 7.5.1): on a personal account, an employee who identifies as working for the
organisation must make clear that the views are their own.

Personal accounts only (``extra["account"] == "personal"``). The author identifies as an employee in the draft
("I work at the CCG", "as a GP lead at NHS Bradford", "my new job in the CCG's primary care team") or in the
profile (it names the employer). With the identification only in the profile, the draft must also be about work
(patients, shifts, services, the NHS ...): "Happy Christmas everyone" from a nurse's account needs no disclaimer.
A disclaimer in the draft or the profile ("views my own", "any views posted are my own and not necessarily those
of my employer", "personal views, not my employer's") clears the finding.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.phrases import clip
from steward.detectors.staff_context import (
    PROFILE,
    employee_pattern,
    extra_text,
    has_disclaimer,
    is_personal,
    org_pattern,
)

__all__ = ["MissingDisclaimerDetector"]

_CAT = Category.MISSING_DISCLAIMER.value
#: Words that make a post about work.
WORK = compile_pattern(
    r"(?<![\p{L}])(?:patients?|shifts?|team|colleagues?|nhs|ccg|icb|commission\w*|clinics?|services?|gps?|a\s*&\s*e|"
    r"vaccin\w*|jabs?|hospitals?|wards?|waiting|figures|care|health\w*|programmes?|budgets?|board|staff|job|work\w*|"
    r"nurs\w*|doctors?|practice|surgery|referrals?|appointments?|pharmac\w*|urgent|funding|policy|strategy|"
    r"consultation|contracts?|my\s+employer|the\s+trust|office)(?![\p{L}])"
)
DISCLAIMER_TEXT = "Any views posted are my own and not necessarily those of my employer."
FIX = (
    f"Add the disclaimer “{DISCLAIMER_TEXT}” to the post or to your profile: you identify yourself as an employee "
    "of the CCG (7.5.1)."
)


class MissingDisclaimerDetector:
    """An employee's personal post about work without a personal-views disclaimer."""

    name = "missing_disclaimer"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("missing_disclaimer_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        if not is_personal(item):
            return []
        text, profile = clip(item.text), extra_text(item, PROFILE)
        if has_disclaimer(text, profile):
            return []
        names = tuple(context.protected_names)
        said = search(employee_pattern(names), text)
        if said is not None:
            why = "The author identifies as an employee in the post, with no 'views are my own' disclaimer."
            return [Finding(_CAT, "identifies_as_employee", *said.span(), 0.8, self._tag, why, fix=FIX)]
        named = search(org_pattern(names), profile)
        work = search(WORK, text)
        if named is not None and work is not None:
            why = (
                f"The profile names the employer and the post is about work ('{' '.join(work.group(0).split())}'), "
                "with no 'views are my own' disclaimer."
            )
            return [Finding(_CAT, "profile_names_employer", *named.span(), 0.75, self._tag, why, "profile", FIX)]
        return []
