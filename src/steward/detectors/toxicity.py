"""Lexicon detectors for swearing, abuse and sexual content (hate and threat live in hate.py and threat.py).

All of them read the shared, cached ``normalise`` result, so "F.U.C.K", "fuuuck", "ｆｕｃｋ" and "f*ck" are the same
word, and report spans in the original text. Legitimate criticism is not abuse: "the A&E wait was a disgrace" or
"your management is useless" names no insult; abuse needs an insult word, an insult aimed at someone, or
harassment ("shut up", "kill yourself").
"""

from __future__ import annotations

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, compile_pattern, finditer, search, tag
from steward.detectors.hate import HateDetector
from steward.detectors.lexicon import Hit, hit_finding, load_lexicon, text_tokens
from steward.detectors.normalise import Normalised, normalise
from steward.detectors.threat import ThreatDetector

__all__ = ["AbuseDetector", "HateDetector", "ProfanityDetector", "SexualDetector", "ThreatDetector"]


class ProfanityDetector:
    """Swear words and obscenity, wherever they are aimed (or not)."""

    name = "profanity"
    version = "1.0"
    categories = frozenset({"profanity"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("profanity")
        self._tag = tag("profanity_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        return [
            hit_finding("profanity", h, h.entry.weight, self._tag, _explain("profanity", h))
            for h in self._lexicon.find(norm)
        ]


class SexualDetector:
    """Explicit sexual words, sexual solicitation and sexualised harassment. Clinical words are not listed."""

    name = "sexual"
    version = "1.0"
    categories = frozenset({"sexual"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("sexual")
        self._tag = tag("sexual_lexicon", self.version)
        self._tag_pattern = tag("sexual_pattern", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        out = [
            hit_finding("sexual", h, h.entry.weight, self._tag, _explain("sexual", h)) for h in self._lexicon.find(norm)
        ]
        text = norm.text
        wanted = _wanted(text)
        if not any(wanted):
            return out
        extra: list[Finding] = []
        for want, (pattern, kind, score, why) in zip(wanted, _SEXUAL_PATTERNS, strict=True):
            if not want:
                continue
            for m in finditer(pattern, text):
                start, end = norm.span(*m.span())
                if not any(f.start < end and start < f.end and f.score >= score for f in out + extra):
                    extra.append(Finding("sexual", kind, start, end, score, self._tag_pattern, why))
        # a weaker lexicon word inside a stronger pattern ("sexy" in "the receptionist is so sexy") gives way
        kept = [f for f in out if not any(e.start < f.end and f.start < e.end and e.score > f.score for e in extra)]
        return kept + extra


def _keys(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Prefilters: word prefixes (as ``text_tokens`` gives them) or substrings each pattern needs before it runs.
_FLIRT_CUES = (
    "any time", "anytime", "any day", "whenever", "all night", "wink", "know what i mean", ";)",
    "\U0001f60f", "\U0001f609", "\U0001f60d", "\U0001f618", "\U0001f924", "\U0001f346", "\U0001f351", "\U0001f4a6",
    "\U0001f445", "\U0001f975",
)  # fmt: skip
_BODY_KEYS = _keys("arse ass bum butt tits boobs rack legs body bod booty jugs knock melon thigh")
_PRAISE_KEYS = _keys("great lovel nice fit amazi bangi peng big huge massi perfe crack gorge sexy tight juicy")
_STAFF_KEYS = _keys("nurse docto dr recep midwi physi param consu surge gp gps hca hcas carer porte")
_HOT_KEYS = _keys("sexy fucka shagg doabl peng fit hot buff")
_ASK_KEYS = _keys("dm pm messa inbox text snap add hmu hit meet looki up want wanna fancy")
_OFFER_KEYS = _keys("nudes naugh sexy good hook sex some fun priva singl shag quick casua no nsa fwb one")


def _wanted(text: str) -> tuple[bool, bool, bool, bool]:
    """Which of the four sexual patterns can possibly match ``text`` (a normalised text)."""
    keys = text_tokens(text)[0]
    return (
        any(c in text for c in _FLIRT_CUES),
        not _BODY_KEYS.isdisjoint(keys) and not _PRAISE_KEYS.isdisjoint(keys),
        not _STAFF_KEYS.isdisjoint(keys) and not _HOT_KEYS.isdisjoint(keys),
        not _ASK_KEYS.isdisjoint(keys) and not _OFFER_KEYS.isdisjoint(keys),
    )


_STAFF_ONLY = (
    r"(?:nurses?|doctors?|dr|receptionists?|midwife|midwives|physios?|paramedics?|consultants?|surgeons?|gps?|"
    r"hcas?|carers?|porters?)(?![\p{L}])"
)
_STAFF = rf"(?:{_STAFF_ONLY}|(?:she|he|her|him)(?![\p{{L}}]))"
_FLIRT = (
    r"(?:if\s+you\s+know\s+what\s+i\s+mean|wink\s*wink|;\)|[\U0001f60f\U0001f609\U0001f60d\U0001f618\U0001f924"
    r"\U0001f346\U0001f351\U0001f4a6\U0001f445\U0001f975])"
)
_ANY_TIME = r"(?:any\s*time|whenever\s+(?:she|he|you|they)\s+(?:likes?|wants?)|any\s+day|all\s+night)"
_BODY = r"(?:arse|ass|bum|butt|tits|boobs|rack|legs|body|bod|booty|jugs|knockers|melons|thighs)"
_PRAISE = r"(?:great|lovely|nice|fit|amazing|banging|peng|big|huge|massive|perfect|cracking|gorgeous|sexy|tight|juicy)"
_SEXUAL_PATTERNS = (
    (
        compile_pattern(
            rf"(?<![\p{{L}}]){_STAFF}(?:\s+[\w.]++){{0,4}}?\s+(?:can|could|may|is\s+welcome\s+to|should|wants?\s+"
            r"to)\s+(?:give|take|check|examine|inspect|feel|touch|bathe|wash|undress|strip|rub|massage|do|handle|"
            rf"ride|sponge)\s+(?:me|my|us)(?![\p{{L}}])(?:\s+\S+){{0,6}}?\s*{_FLIRT}"
            rf"|(?<![\p{{L}}]){_STAFF}(?:\s+[\w.]++){{0,4}}?\s+(?:can|could|may|is\s+welcome\s+to)\s+(?:examine|"
            rf"touch|undress|strip|rub|massage|do|ride|feel|bathe|wash|handle)\s+(?:me|us)\s+(?:all\s+over\s+)?"
            rf"{_ANY_TIME}"
            rf"|(?:bed|sponge)\s*bath(?:\s+\S+){{0,6}}?\s*(?:{_FLIRT}|{_ANY_TIME})"
        ),
        "harassment",
        0.85,
        "sexualised remark about care from staff, with a flirtatious marker (any time, wink, suggestive emoji).",
    ),
    (
        compile_pattern(
            rf"(?<![\p{{L}}]){_STAFF}(?:\s+[\w.]++){{0,5}}?\s+(?:has|'?s\s+got|has\s+got|got)\s+(?:a\s+|an\s+|"
            rf"such\s+a\s+|some\s+|the\s+)?(?:{_PRAISE}\s+){{1,2}}{_BODY}(?![\p{{L}}])"
            rf"|(?<![\p{{L}}]){_PRAISE}\s+{_BODY}\s+on\s+(?:that|the|her|him|nurse|dr|doctor|this)(?![\p{{L}}])"
        ),
        "harassment",
        0.85,
        "comment on a staff member's body.",
    ),
    (
        compile_pattern(
            rf"(?<![\p{{L}}]){_STAFF_ONLY}(?:\s+[\w.]++){{0,4}}?\s+(?:is|was|'s|s)\s+(?:(?:well|so|proper|dead|really|"
            r"very|bloody|fucking)\s+)?(?:sexy|fuckable|shaggable|doable|peng)(?![\p{L}])"
            rf"|(?<![\p{{L}}]){_STAFF_ONLY}(?:\s+[\w.]++){{0,4}}?\s+(?:is|was|'s|s)\s+(?:well|so|proper|dead|really|"
            r"bloody|fucking)\s+(?:fit|hot|buff)(?![\p{L}])(?!\s+(?:and\s+well|to|for|in|on|at|today|outside|"
            r"tonight|weather|under|with))"
        ),
        "harassment",
        0.75,
        "calls a member of staff sexually attractive.",
    ),
    (
        compile_pattern(
            r"(?<![\p{L}])(?:dm|pm|message|inbox|text|snap|add|hmu|hit\s+me\s+up)\s+(?:me\s+)?(?:for|4)\s+(?:nudes|"
            r"naughty\s+\w+|sexy\s+\w+|a\s+good\s+time|hook\s*ups?|sex|some\s+fun|fun\s+tonight|private\s+"
            r"(?:pics|videos|content|show))(?![\p{L}])"
            r"|(?<![\p{L}])meet\s+(?:local\s+|hot\s+|horny\s+|lonely\s+|sexy\s+)+(?:singles|girls|women|milfs|"
            r"ladies|wives|men)(?![\p{L}])"
            r"|(?<![\p{L}])(?:looking\s+for|up\s+for|want|wanna|fancy)\s+(?:a\s+)?(?:shag|quickie|hook\s*up|"
            r"casual\s+sex|no\s+strings\s+fun|nsa\s+fun|fwb|one\s+night\s+stand)(?![\p{L}])"
        ),
        "solicitation",
        0.8,
        "sexual solicitation (asks for contact for sex or sexual images).",
    ),
)


def _explain(lexicon: str, hit: Hit, extra: str = "") -> str:
    return f"{lexicon} lexicon entry {hit.entry.term!r} ({hit.entry.kind}){extra}."


#: Words between a target and an insult: articles, intensifiers and degrading adjectives.
_FILLER = (
    r"(?:a|an|the|such|so|real|right|proper|complete|total|absolute|utter|massive|fucking|fuckin|effing|"
    r"bloody|stupid|fat|ugly|useless|lazy|thick|dumb|pathetic|arrogant|incompetent|old|little|silly|daft|"
    r"disgusting|rude|horrible|miserable|lying|sad|smug|ignorant|vile|nasty|bunch|load|lot|pack|of|"
    r"[a-z]+ing)(?![\p{L}])"
)
#: An insult is aimed at someone when it follows "you", a pronoun, "is/are a", "what a", "bunch of" ...
_TARGET_LEFT = compile_pattern(
    r"(?r)"
    r"(?:^|[^\p{L}'])(?:you|u|ya|ye|youre|you're|your\s+a|ur|yer|he's|she's|he|she|they|they're|him|her|them|"
    r"is|are|was|were|what|such|bunch\s+of|load\s+of|lot\s+of|pack\s+of)"
    rf"(?:\s+{_FILLER}){{0,4}}+\s+$"
)
#: ... or precedes a person noun ("idiot receptionist") or ends the sentence as a vocative ("shut up, idiot!").
_TARGET_RIGHT = compile_pattern(
    r"^\s+(?:receptionists?|nurses?|doctors?|drs?|gps?|consultants?|managers?|staff|woman|women|man|men|"
    r"lady|bloke|girl|boy|people|person|admin|manager|surgeon|paramedics?|porters?|cleaners?|security)\b"
)
#: A degrading adjective right before the word: "stupid cow", "fat pig".
_DEGRADING_LEFT = compile_pattern(
    r"(?r)"
    r"(?<![\p{L}])(?:stupid|fat|ugly|silly|daft|thick|dumb|lazy|useless|miserable|smelly|dirty|filthy|"
    r"disgusting|vile|nasty|horrible|old|evil|lying|sad|pathetic|fucking|bloody)\s+$"
)
_VOCATIVE_LEFT = compile_pattern(r"(?r)" r"(?:^|[,!.?:;]\s*|\byou\s+)$")
#: Second-person attacks that use adjectives rather than insult nouns: "you are pathetic", "you stupid woman".
_YOU_ADJ = compile_pattern(
    r"(?<![\p{L}])(?:you\s*(?:are|'re|re|r)|ur|youre|you\s+really\s+are)\s+(?:so\s+|such\s+|really\s+|"
    r"fucking\s+|bloody\s+|a\s+|an\s+|just\s+|completely\s+|totally\s+){0,3}+(?P<adj>stupid|thick|pathetic|"
    r"worthless|ugly|fat|disgusting|vile|dumb|moronic|idiotic|brainless|retarded|repulsive|useless|"
    r"incompetent|horrible|evil|nasty|filthy|a\s+waste\s+of\s+space|a\s+joke\s+of\s+a\s+person)(?![\p{L}])"
)
_YOU_ADJ_NOUN = compile_pattern(
    r"(?<![\p{L}])you\s+(?:stupid|fat|ugly|useless|pathetic|thick|lazy|dumb|silly|daft|disgusting|vile|"
    r"nasty|horrible|miserable|smug|ignorant)\s+(?:\p{L}+)(?![\p{L}])"
)
_ADJ_SCORES = {"useless": 0.5, "incompetent": 0.45, "horrible": 0.5, "nasty": 0.55}


def _is_targeted(norm: Normalised, hit: Hit) -> str:
    """Why ``hit`` counts as aimed at someone, or "" when it does not."""
    text = norm.text
    left = text[max(0, hit.norm_start - 60) : hit.norm_start]
    if search(_TARGET_LEFT, left):
        return "aimed at someone by the words before it"
    if search(_DEGRADING_LEFT, left[-25:]):
        return "after a degrading adjective"
    if search(_TARGET_RIGHT, text[hit.norm_end : hit.norm_end + 20]):
        return "followed by a person"
    right = text[hit.norm_end : hit.norm_end + 2]
    if search(_VOCATIVE_LEFT, left) and (not right.strip() or right.strip()[0] in "!.?,"):
        return "used as a form of address"
    return ""


class AbuseDetector:
    """Insults aimed at a person or group, harassment and bullying.

    An insult word alone scores its lexicon weight ("what idiots" ~0.45); aimed at someone ("you idiot", "the
    receptionist is a fat useless bitch") it scores 0.8-0.95. Words with innocent senses (cow, pig, clown)
    only count when aimed. Criticism of a service names no insult, so it never matches.
    """

    name = "abuse"
    version = "1.0"
    categories = frozenset({"abuse"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("abuse")
        self._tag = tag("abuse_lexicon", self.version)
        self._tag_pattern = tag("abuse_second_person", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        out: list[Finding] = []
        for h in self._lexicon.find(norm):
            if h.entry.kind == "harassment":
                out.append(hit_finding("abuse", h, h.entry.weight, self._tag, _explain("abuse", h)))
                continue
            why = _is_targeted(norm, h)
            if why:
                score = min(0.95, max(0.8, h.entry.weight + 0.35))
                out.append(hit_finding("abuse", h, score, self._tag, _explain("abuse", h, f", {why}")))
            elif not h.entry.target:
                out.append(hit_finding("abuse", h, h.entry.weight, self._tag, _explain("abuse", h)))
        plain, _, _ = text_tokens(norm.text)
        if "you" in plain or "ur" in plain:
            out.extend(self._second_person(norm))
        return out

    def _second_person(self, norm: Normalised) -> list[Finding]:
        out: list[Finding] = []
        for m in finditer(_YOU_ADJ, norm.text):
            adj = m.group("adj")
            score = _ADJ_SCORES.get(adj, 0.65)
            start, end = norm.span(*m.span())
            out.append(
                Finding("abuse", "personal_attack", start, end, score, self._tag_pattern,
                        f"second-person attack: calls the reader {adj!r}.")
            )  # fmt: skip
        for m in finditer(_YOU_ADJ_NOUN, norm.text):
            start, end = norm.span(*m.span())
            out.append(
                Finding("abuse", "insult", start, end, 0.75, self._tag_pattern,
                        "second-person insult of the form 'you <degrading adjective> <noun>'.")
            )  # fmt: skip
        return out
