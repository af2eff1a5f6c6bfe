"""Commercial promotion, spam and scams: offers, promo codes, contact lures, self-promotion, follower selling,
crypto and investment schemes.

A price on its own is weak evidence (0.3): "the parking costs £4 an hour" is a patient's complaint, not an
advert. Promotion patterns score high: "use code SAVE20", "50% off", "link in bio", "I made £5,000 in a week".
"""

from __future__ import annotations

from steward.content import ContentItem, Finding
from steward.detectors.base import (
    MAX_TEXT_CHARS,
    REGEX_TIMEOUT_S,
    AssessContext,
    compile_pattern,
    finditer,
    search,
    tag,
)
from steward.detectors.lexicon import hit_finding, load_lexicon, text_tokens
from steward.detectors.normalise import normalise

__all__ = ["CommercialDetector"]

#: A price at a currency symbol (matched only where ``str.find`` located one).
_PRICE_AT = compile_pattern(r"[£$€]\s?\d[\d,]*(?:\.\d{1,2})?(?:\s?(?:k|m|bn)(?![\p{L}]))?")
_PRICE_WORDS = compile_pattern(
    r"(?<![\p{L}\d.])\d[\d,]*(?:\.\d{1,2})?\s?(?:pounds|quid|gbp|usd|dollars|euros)(?![\p{L}])"
)
_MONEY_WORDS = ("pound", "quid", "gbp", "usd", "dollar", "euro")
_EARN_KEYS = frozenset({"made", "make", "earn", "earne", "earni", "makin", "got", "get", "recei", "withd"})
_PERCENT_OFF = compile_pattern(
    r"(?<![\d.])\d{1,3}\s?%\s?(?:off|discount|cashback|returns?|profit|roi)(?![\p{L}])|"
    r"(?<![\p{L}])(?:up\s+to\s+)?\d{1,3}\s?%\s+(?:off|discount)(?![\p{L}])"
)
#: "use code SAVE20", "promo code: NHS10"; the code needs a digit or to be written in capitals.
_PROMO = compile_pattern(
    r"(?<![\p{L}])(?:use|enter|apply|with|my)\s+(?:my\s+|the\s+|promo\s+|discount\s+|coupon\s+|voucher\s+|"
    r"referral\s+)?code\s*:?\s*(?P<code>[A-Za-z0-9]{3,20})(?![\p{L}\d])"
)
#: "I made £5000 in a week", "earning $300 a day".
_EARNINGS = compile_pattern(
    r"(?<![\p{L}])(?:i|we|she|he|you\s+can|you\s+could|people\s+are)\s+(?:have\s+)?(?:made|make|earned|earn|"
    r"earning|making|got|get|received|withdrew)\s+(?:over\s+|about\s+|around\s+|up\s+to\s+|nearly\s+)?"
    r"[£$€]\s?\d[\d,]*(?:\.\d+)?\s?k?\s+(?:in|a|per|every|within|each)\s+(?:a\s+|one\s+|just\s+|only\s+|"
    r"\d+\s+)?(?:day|days|week|weeks|month|months|hour|hours|fortnight)(?![\p{L}])"
)
_CURRENCY = ("£", "$", "€")


class CommercialDetector:
    """Promotion and scams; prices alone score low."""

    name = "commercial"
    version = "1.0"
    categories = frozenset({"commercial"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("commercial")
        self._tag = tag("commercial_lexicon", self.version)
        self._tag_pattern = tag("commercial_pattern", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = item.text[:MAX_TEXT_CHARS]
        norm = normalise(text)
        out = [
            hit_finding("commercial", h, h.entry.weight, self._tag,
                        f"commercial lexicon entry {h.entry.term!r} ({h.entry.kind.replace('_', ' ')}).")
            for h in self._lexicon.find(norm)
        ]  # fmt: skip
        if "code" in norm.text:
            for m in finditer(_PROMO, text):
                code = m.group("code")
                if any(c.isdigit() for c in code) or (code.isupper() and len(code) >= 4):
                    out.append(self._pattern(m.span(), "promo_code", 0.92, f"promotional code {code!r}"))
        has_currency = any(c in text for c in _CURRENCY)
        if "%" in text:
            for m in finditer(_PERCENT_OFF, text):
                out.append(self._pattern(m.span(), "offer", 0.8, f"percentage offer {m.group()!r}"))
        if has_currency and not _EARN_KEYS.isdisjoint(text_tokens(norm.text)[0]):
            claim = search(_EARNINGS, text)
            if claim is not None:
                out.append(self._pattern(claim.span(), "earnings_claim", 0.92, f"earnings claim {claim.group()!r}"))
        spans = _price_spans(text, norm.text) if has_currency or "quid" in norm.text or "pound" in norm.text else []
        if spans:
            promoted = any(f.score >= 0.6 for f in out)
            score = 0.6 if promoted else 0.3
            why = "price in a promotional text" if promoted else "price (weak evidence on its own)"
            out.extend(self._pattern(span, "price", score, f"{why}: {text[span[0] : span[1]]!r}") for span in spans)
        return out

    def _pattern(self, span: tuple[int, int], kind: str, score: float, explanation: str) -> Finding:
        return Finding("commercial", kind, span[0], span[1], score, self._tag_pattern, explanation + ".")


def _price_spans(text: str, normalised: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for symbol in _CURRENCY:
        i = text.find(symbol)
        while i >= 0:
            m = _PRICE_AT.match(text, i, timeout=REGEX_TIMEOUT_S)
            if m is not None:
                spans.append(m.span())
            i = text.find(symbol, i + 1)
    if any(w in normalised for w in _MONEY_WORDS):
        spans.extend(m.span() for m in finditer(_PRICE_WORDS, text))
    return sorted(spans)
