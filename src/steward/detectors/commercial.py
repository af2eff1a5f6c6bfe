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
    r"(?<![\p{L}])(?:i|we|she|he|you\s+can|you\s+could|people\s+are|my\s+(?:mate|friend|pal|cousin|sister|"
    r"brother|mum|wife|husband|partner|neighbour|uncle|aunt|auntie|colleague|bf|gf|son|daughter))\s+(?:have\s+|has\s+)?"
    r"(?:made|make|earned|earn|earning|making|got|get|received|withdrew)\s+(?:over\s+|about\s+|around\s+|"
    r"up\s+to\s+|nearly\s+)?[£$€]\s?\d[\d,]*(?:\.\d+)?\s?k?\s+(?:(?:in|a|per|every|within|each)\s+(?:a\s+|one\s+|"
    r"just\s+|only\s+|\d+\s+)?(?:day|days|week|weeks|month|months|hour|hours|fortnight)|(?:with|using|from|on|"
    r"through|off)\s+(?:this|that|the|their|his|her|my|an?)\s+(?:app|site|platform|website|scheme|trading|system|"
    r"method|programme|program|broker|investment|company|bot|course|strategy|link|page))(?![\p{L}])"
)
_CURRENCY = ("£", "$", "€")
#: "check my page", "go sub to me channel", "sub4sub" (normalised: "sub4sub" reads "subasub"); the noun names a
#: creator's own output, so "check out my results" and "visit my mum" never match.
_SELF_PROMO = compile_pattern(
    r"(?<![\p{L}])(?:check(?:\s+out)?|visit|sub(?:scribe)?(?:\s+to)?|go\s+to|head\s+(?:over\s+)?to|pop\s+over\s+to|"
    r"come\s+(?:to|over\s+to)|drop\s+by|stop\s+by|swing\s+by|take\s+a\s+look\s+at|have\s+a\s+look\s+at|"
    r"watch)\s+(?:out\s+)?(?:my|me|our)\s+(?:new\s+|latest\s+|youtube\s+|yt\s+|insta\s+|tiktok\s+|music\s+|"
    r"gaming\s+|art\s+|small\s+)?(?:channel|chanel|chan|page|profile|vids|videos?|music|songs?|mixtape|soundcloud|"
    r"insta|ig|instagram|tiktok|youtube|yt|blog|vlog|shop|store|art|covers?|stream|twitch|onlyfans|playlist|"
    r"podcast|reels?)(?!\s*(?:4|5|four|five|s\s+4)(?![\p{L}\d]))(?![\p{L}])"
)
#: Word-prefix keys (see ``text_tokens``) of the nouns above: the pattern only runs when one is present.
_PROMO_NOUNS = frozenset(
    {
        "chann",
        "chane",
        "chan",
        "page",
        "pages",
        "profi",
        "vids",
        "video",
        "music",
        "song",
        "songs",
        "mixta",
        "sound",
        "insta",
        "ig",
        "tikto",
        "youtu",
        "yt",
        "blog",
        "vlog",
        "shop",
        "store",
        "art",
        "cover",
        "strea",
        "twitc",
        "onlyf",
        "playl",
        "podca",
        "reel",
        "reels",
    }
)
#: "sub4sub" (normalised: "subasub"), "f4f", "follow me on insta".
_SWAP = compile_pattern(
    r"(?<![\p{L}])(?:sub\s*(?:4|a|for|2|to)\s*sub|f4f|faf|l4l|follow\s*(?:4|a|for)\s*follow|follow\s+me\s+on\s+"
    r"(?:insta|ig|instagram|tiktok|twitter|youtube|snap|snapchat|twitch|threads))(?![\p{L}])"
)
#: "I do nails", "I sell Avon": a service offered in the first person.
_SERVICE = compile_pattern(
    r"(?<![\p{L}])(?:i|we)\s+(?:do|sell|offer|make)\s+(?:(?:gel|acrylic|bespoke|custom|home\s*made)\s+)?"
    r"(?:nails|lashes|brows|eyelash\s+extensions|spray\s+tans?|tans|makeup|make\s+up|tattoos|cakes|fillers|"
    r"lip\s+fillers|botox|aesthetics|massages?|avon|phone\s+repairs|custom\s+orders|loans)(?![\p{L}])"
)
_SERVICE_NOUNS = frozenset(
    {
        "nails",
        "lashe",
        "brows",
        "eyela",
        "spray",
        "tans",
        "makeu",
        "make",
        "tatto",
        "cakes",
        "fille",
        "lip",
        "botox",
        "aesth",
        "massa",
        "avon",
        "phone",
        "custo",
        "loans",
    }
)
#: "ask me how", "message me to find out how", but not "ask me how I know".
_ASK_HOW = compile_pattern(
    r"(?<![\p{L}])(?:ask|message|dm|inbox|pm)\s+me\s+(?:to\s+find\s+out\s+)?how(?=\s*(?:$|[.!,;)]|to\s+"
    r"(?:earn|make|join|start|get\s+paid)))"
)


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
        low = norm.text
        swap = "sub" in low or "follow" in low or "f4f" in low or "faf" in low or "l4l" in low
        keys = text_tokens(low)[0]
        promo = not _PROMO_NOUNS.isdisjoint(keys) and not keys.isdisjoint(("my", "me", "our"))
        for pattern in (_SELF_PROMO,) * promo + (_SWAP,) * swap:
            for m in finditer(pattern, low):
                o = norm.span(*m.span())
                if not any(f.start < o[1] and o[0] < f.end and f.score >= 0.85 for f in out):
                    out.append(self._pattern(o, "self_promotion", 0.85, f"self-promotion {text[o[0] : o[1]]!r}"))
        if "me to find" in low or "me how" in low:
            for m in finditer(_ASK_HOW, low):
                o = norm.span(*m.span())
                out.append(self._pattern(o, "contact_lure", 0.6, f"contact lure {text[o[0] : o[1]]!r}"))
        if not _SERVICE_NOUNS.isdisjoint(keys):
            # a first-person service is an advert only beside a lure or other promotion ("I do nails, DM me")
            promoted = any(f.score >= 0.6 for f in out)
            for m in finditer(_SERVICE, low):
                o = norm.span(*m.span())
                out.append(self._pattern(o, "self_promotion", 0.7 if promoted else 0.4,
                                         f"service offered{' beside a lure' if promoted else ''} "
                                         f"{text[o[0] : o[1]]!r}"))  # fmt: skip
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
