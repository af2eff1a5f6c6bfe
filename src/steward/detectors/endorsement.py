"""Commercial endorsements in staff drafts (category ``commercial``; SMP 7.3.10): promoting a company, product or
paid partnership, or selling to colleagues.

The inbound ``commercial`` detector already finds promo codes, percentage offers, earnings claims and "link in
bio"; this one adds how endorsements read in staff posts:

* a paid or gifted partnership: "#ad", "#gifted", "#sponsored", "I've partnered with", "paid partnership" (0.85);
* recommending a business: "we recommend Smile Bright Dental Ltd", "tell them we sent you", "the best prices on
  ...", "shop now" (0.75; a company suffix such as Ltd or plc beside praise 0.75);
* a product pushed on readers: "every nurse needs the new ...", "get one!", "best thing I've bought" (0.7);
* selling to colleagues: multi-level marketing brands, "selling ... around my shifts", "earn extra cash" (0.8).

Thanking a charity or partner ("thanks to the Bradford Bulls Foundation for hosting"), public services
("Pharmacy First", "free parking for blue badge holders") and charity fundraising ("thanks to everyone who
sponsored me") are not endorsements.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, tag
from steward.detectors.phrases import clip
from steward.detectors.staff_context import matches, quote

__all__ = ["EndorsementDetector"]

_CAT = Category.COMMERCIAL.value
_RULES = (
    (
        "paid_partnership",
        0.85,
        compile_pattern(
            r"(?:(?<![\p{L}\p{N}])#(?:ad|advert|advertisement|sponsored|gifted|spon|collab|partner|paidpartnership|"
            r"brandambassador)(?![\p{L}\p{N}])|(?<![\p{L}])(?:i['’]?ve|i\s+have|we['’]?ve|we\s+have|proud\s+to\s+have)"
            r"\s+partnered\s+with|paid\s+partnership|brand\s+ambassador\s+for|(?:gifted|sent)\s+(?:to\s+me\s+)?by\s+"
            r"(?-i:[A-Z])|affiliate\s+link|use\s+my\s+(?:link|code))(?![\p{L}])"
        ),
    ),
    (
        "recommendation",
        0.75,
        compile_pattern(
            r"(?<![\p{L}])(?:(?:we|i)\s+(?:(?:would\s+)?(?:highly|strongly|thoroughly)\s+)?recommend\s+(?!(?:the\s+)?(?:nhs|gp|111|999|pharmacy\s+first|healthwatch|"
            r"council|public\s+health|samaritans|mind|age\s+uk|macmillan|guide\s+line)(?![\p{L}]))(?:(?:the\s+)?"
            r"(?-i:[A-Z][\p{L}&'’\-]*)(?:\s+(?-i:[A-Z][\p{L}&'’\-]*)){0,4})|tell\s+them\s+(?:we|i)\s+sent\s+you|"
            r"(?:the\s+)?best\s+prices?\s+(?:on|for|in)|shop\s+now|buy\s+now|order\s+now|(?:grab|get)\s+yours|"
            r"(?-i:[A-Z][\p{L}&'’\-]*)(?:\s+(?-i:[A-Z][\p{L}&'’\-]*)){0,4}\s+(?-i:Ltd|Limited|plc|PLC|LLP)\b"
            r"(?=[^.!?]{0,80}(?:best|recommend|great\s+deals?|prices|shop|discount|offer|sent\s+you)))(?![\p{L}])"
        ),
    ),
    (
        "product_push",
        0.7,
        compile_pattern(
            r"(?<![\p{L}])(?:every\s+(?:nurse|doctor|gp|midwife|carer|one\s+of\s+you|colleague|nhs\s+worker)\s+"
            r"(?:needs|should\s+(?:get|buy|have))|get\s+(?:one|yours|it)\s*(?:now|today)?\s*!|best\s+(?:thing|"
            r"buy|purchase)\s+i['’]?ve\s+(?:bought|made|ever\s+bought)|(?:honestly\s+)?the\s+(?:comfiest|best|"
            r"cheapest)\s+(?:scrubs|shoes|trainers|watch|app|shakes?|uniform|bag)|link\s+in\s+(?:my\s+)?bio)"
            r"(?![\p{L}])"
        ),
    ),
    (
        "selling_to_colleagues",
        0.8,
        compile_pattern(
            r"(?<![\p{L}])(?:arbonne|herbalife|younique|forever\s+living|juice\s+plus|avon|tupperware|"
            r"usborne|scentsy|neal['’]?s\s+yard\s+remedies|earn\s+(?:some\s+)?extra\s+(?:cash|money|income)|"
            r"selling\s+\w+(?:\s+\w+)?\s+(?:around|alongside|between)\s+my\s+shifts|side\s+hustle|join\s+my\s+team)"
            r"(?![\p{L}])"
        ),
    ),
)

FIX = (
    "Remove the endorsement “{span}”: staff posts must not promote a company, product or paid partnership. If a "
    "third party asked you to produce or share this, discuss the conflict of interest with your line manager "
    "first (7.3.10)."
)


class EndorsementDetector:
    """Promotion of a business, product or partnership, and selling to colleagues."""

    name = "endorsement"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("endorsement_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        out: list[Finding] = []
        for kind, score, pattern in _RULES:
            for m in matches(pattern, text):
                if any(f.start < m.end() and m.start() < f.end for f in out):
                    continue
                why = f"Commercial endorsement ({kind.replace('_', ' ')}) '{quote(text, *m.span(), 40)}'."
                out.append(Finding(_CAT, kind, *m.span(), score, self._tag, why,
                                   fix=FIX.format(span=quote(text, *m.span()))))  # fmt: skip
        return out
