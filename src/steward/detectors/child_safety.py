"""Child safety: an author under 13, grooming cues, a child disclosing abuse.

Three recognisers:

* ``stated_age`` — the author says they are under 13 ("I'm 11", "im 12 years old", "I am in year 6"). Only first
  person: "my son is 8 and needs his jabs" is a parent talking and is never a finding. Ages 13-17 are not findings
  on their own but count as a young-person context for grooming cues (in the text or earlier in the thread).
* ``grooming_cue`` — secrecy ("don't tell your parents", "our little secret"), age probes ("how old are you?"),
  moves off-platform ("add me on snap"), image requests, "are you home alone". A single weak cue is a weak
  finding; two kinds of cue together, or a cue beside a young-person context, is a strong one.
* ``abuse_disclosure`` — "my stepdad hits me", "he touches me", "I'm scared to go home".
"""

from __future__ import annotations

from collections.abc import Iterable

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, finditer, span_finding, tag
from steward.detectors.normalise import normalise
from steward.detectors.phrases import Lexicon, Rule, clip

_NUMBER_WORDS = {
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
}
_DIGITS = frozenset("0123456789")
_NUM = r"(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")(?![\p{L}\p{N}])"
_I_AM = r"(?:i\s*['’]?\s*m|i\s+am)"
_AGE = compile_pattern(
    rf"(?<![\p{{L}}\p{{N}}]){_I_AM}\s+(?P<q>only\s+|just\s+|nearly\s+|almost\s+|now\s+|aged\s+)?(?:an?\s+)?{_NUM}"
    r"(?P<tail>[\s-]*(?:years?|yrs?|yr)[\s-]*old|\s*y/?o\b|[\s-]*year[\s-]*old)?"
    r"(?:(?P<clean>\s*(?:$|[.!?,;:)]|and\b|&|but\b|lol\b|so\b|x+\b))|(?P<unit>\s*(?:['’′\"%/.:]|[-\s]*(?:weeks?|"
    r"days?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|secs?|seconds?|stone|st|lbs?|kg|ft|foot|feet|cm|"
    r"inch(?:es)?|miles?|percent|quid|pounds?|p|k|grand|times|points?|in|on|of|out|at|for|from|to|am|pm|o'?clock|"
    r"mg|ml|x|th|st|nd|rd|people|patients|minutes|floor|steps|away|behind|ahead|short|over|under|off|left|more|"
    r"less|plus)\b)))?"
)
_SCHOOL_YEAR = compile_pattern(
    rf"(?<![\p{{L}}\p{{N}}]){_I_AM}\s+(?:in|starting|going\s+into|going\s+in\s+to)\s+year\s+{_NUM}\b"
    r"(?!\s*(?:of|at\s+uni|at\s+university|at\s+college|of\s+my|\w*\s*degree|\w*\s*course|nursing|medicine))"
)
_PRIMARY = compile_pattern(
    r"\b(?:i\s+go\s+to|i\s*['’]?\s*m\s+(?:at|in)|i\s+am\s+(?:at|in))\s+(?:a\s+|the\s+)?primary(?:\s+school)?\b"
    r"|\bmy\s+(?:teacher|class|classmates|head\s*teacher|friends?)\s+at\s+primary(?:\s+school)?\b"
)

#: An adult partner: "my boyfriend is 25", "he's 22", "my older boyfriend", "he's in his twenties".
_PARTNER_AGE = compile_pattern(
    r"\b(?:boyfriend|bf|girlfriend|gf|partner|fella|bloke|man|he|she)\s*(?:is|['’]s|who\s+is|who['’]s)\s+"
    r"(?:(?:like|nearly|almost|about|only|literally)\s+)?(?P<n>[1-6]\d)\b(?!\s*(?:%|weeks?|months?|days?|cm|kg|mins?))"
    r"|\b(?P<older>older\s+(?:boyfriend|bf|girlfriend|gf|man|guy|bloke|lad|fella)|(?:he|she)['’]?s\s+in\s+"
    r"(?:his|her)\s+(?:20s|twenties|30s|thirties|40s|forties)|(?:boyfriend|bf|he|she)\s*(?:is|['’]s)\s+an\s+adult)\b"
)
#: Cue kinds that on their own are everyday talk; they count only beside another cue or a young person's age.
_QUIET_ALONE = frozenset({"off_platform", "minor_target", "gift_offer"})

_GROOMING_RULES = [
    Rule(
        "secrecy",
        r"don t tell (?:your|ur|yr|ya) (?:mum|mom|mam|dad|parents|mother|father|teacher|teachers|family|carer|"
        r"nan|gran|friends)|(?:our|a) little secret|(?:your|ur) (?:parents|mum|mom|dad) (?:don t|doesn t|won t|"
        r"wouldn t|dont) need to know",
        0.75,
        "secrecy from parents",
        triggers="tell|secret|need to know",
        negatable=False,
    ),
    Rule(
        "secrecy",
        r"don t tell (?:anyone|anybody|no one)|(?:keep|keeping) (?:this|it|our chats?|our messages|us) (?:a )?"
        r"(?:secret|between us|between you and me|to yourself)|delete (?:our|these|the|my) (?:messages|chats|"
        r"texts|convo|conversation)",
        0.45,
        "secrecy",
        triggers="tell|secret|between|delete",
        negatable=False,
    ),
    Rule(
        "secrecy",
        r"(?:i|we) (?:won t|wont|will not|ll never|never|don t|dont) (?:tell|say anything to) (?:your|ur|yr|ya) (?:mum|"
        r"mom|mam|dad|parents|mother|father|teacher|teachers|family|carer|nan|gran)|(?:he|she|they|my boyfriend|my bf|"
        r"my girlfriend|my gf) (?:says?|said|told me|tells me|keeps saying) (?:that )?(?:i|we) (?:can t|cannot|"
        r"mustn t|shouldn t|am not allowed to|m not allowed to|re not allowed to|must not|can never|are not allowed "
        r"to) tell (?:anyone|anybody|no one|my (?:mum|mom|mam|dad|parents|family|friends|teacher))|(?:he|she|they) "
        r"(?:made|makes) me (?:promise|swear) not to tell|i m not allowed to tell (?:anyone|anybody|my)",
        0.75,
        "secrecy demanded of a young person",
        triggers="tell|say anything",
        negatable=False,
    ),
    Rule(
        "minor_target",
        r"(?:girls|boys|kids|teens|children) (?:aged |age )?(?:under |below )?(?:1[0-7]|ten|eleven|twelve|thirteen|"
        r"fourteen|fifteen|sixteen)(?: (?:and|or) (?:under|younger|below))?|under (?:1[0-8]|1[0-8]s|sixteens)|"
        r"young (?:girls|boys|teens|ones|lads)|little (?:girls|boys)|school ?girls|school ?boys|"
        r"(?:1[0-7]|thirteen|fourteen|fifteen) (?:year olds|yr olds|yos|y o s)|(?:any|all|calling all|looking for|"
        r"hey|hi) (?:kids|teens|kiddies) (?:who|that|wanna|want to|looking|out there|online|here|under)|"
        r"(?:hey|hi|calling all|attention) (?:kids|teens|kiddies)(?= [^\p{L}\p{N}])",
        0.3,
        "addresses children or under-16s",
        triggers="girl|boy|kid|teen|child|chiid|under|young|iittle|little|year oid|year old|yr o|yo",
        negatable=False,
    ),
    Rule(
        "gift_offer",
        r"(?:free|i ll (?:give|buy|get|send) (?:you|u)|i can (?:give|buy|get|send) (?:you|u)|(?:get|win) (?:you|u)) "
        r"(?:a |an |some |free )?(?:\d+ )?(?:vapes?|gift cards?|gift vouchers?|amazon vouchers?|steam cards?|robux|"
        r"v bucks|vbucks|money|cash|iphone|phone|trainers|weed|alcohol|booze|fags|cigs|sweets|make up|makeup|"
        r"top up|credit)",
        0.35,
        "offers gifts",
        triggers="vape|gift|voucher|steam|robux|bucks|money|cash|phone|trainer|weed|alcohol|aicohol|booze|fags|cigs|"
        "sweets|make|top up|credit",
        negatable=False,
    ),
    Rule(
        "age_probe",
        r"how old (?:are|r) (?:you|u|ya)|what age (?:are|r) (?:you|u)|asl|what year (?:are|r) (?:you|u) in|"
        r"(?:what|which) school (?:do|d) (?:you|u) go to|(?:are|r) (?:you|u) (?:still )?(?:at|in) school",
        0.45,
        "asks age or school",
        triggers="how old|how oid|howold|what age|asl|what year|school|schooi",
    ),
    Rule(
        "off_platform",
        r"(?:add|follow|message|msg|dm|pm|inbox|text|snap) me (?:on|at) (?:snap|snapchat|insta|instagram|whatsapp|"
        r"kik|discord|telegram|tiktok|wickr|signal|wechat)|what s (?:your|ur) (?:snap|snapchat|insta|number|"
        r"whatsapp|kik|discord)|(?:dm|pm|inbox|message|msg) me|send (?:me )?(?:your|ur) (?:number|snap|addy|"
        r"address)|let s (?:talk|chat|continue this|move this) (?:in )?(?:private|privately|on snap|on whatsapp)|"
        r"(?:talk|chat|speak) (?:in )?private(?:ly)?",
        0.3,
        "moves the conversation private",
        triggers="dm|pm|inbox|messag|msg|snap|insta|number|whatsapp|kik|discord|addy|address|private|telegram|tiktok|wickr|signal|wechat",
    ),
    Rule(
        "image_request",
        r"send (?:me )?(?:a |some |more |any )?(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|nudes|"
        r"vid|vids|video|videos)(?: of (?:you|yourself|urself|u))?|(?:show|let me see) (?:me )?(?:yourself|urself|"
        r"what (?:you|u) look like|your body)|what do (?:you|u) look like",
        0.4,
        "asks for pictures",
        triggers="pic|photo|selfie|nude|vid|show|let me see|look like|iook like",
    ),
    Rule(
        "alone_probe",
        r"(?:are|r) (?:you|u) (?:home )?alone|(?:are|r) (?:your|ur) (?:parents|mum|mom|dad) (?:home|around|in|out)|"
        r"(?:when|what time) (?:do|does|are|will) (?:your|ur) (?:parents|mum|mom|dad) (?:go out|leave|get home|"
        r"come home|be back)|where do (?:you|u) live",
        0.5,
        "asks if alone or where they live",
        triggers="alone|aione|parents|mum|mom|dad|where do",
    ),
]

_ABUSER = (
    "(?:my )?(?:step ?dad|step ?father|step ?mum|step ?mom|step ?mother|step ?brother|dad|daddy|father|mum|mummy|"
    "mom|mam|mother|uncle|aunt|auntie|brother|sister|cousin|grandad|grandpa|granddad|nan|gran|grandma|"
    "mum s boyfriend|mums boyfriend|mom s boyfriend|dad s girlfriend|teacher|coach|babysitter|carer|foster dad|"
    "foster mum|foster carer|boyfriend|girlfriend|partner|husband|wife)"
)
_DISCLOSURE_RULES = [
    Rule(
        "abuse_disclosure",
        rf"{_ABUSER} (?:keeps |always |still |sometimes |often |has |has been )?(?:hits|hit|beats|beat|beaten|"
        r"hitting|beating|kicks|kicked|punches|punched|slaps|slapped|hurts|hurt|chokes|choked|burns|burnt|locks|"
        r"locked|starves|strangles) me",
        0.85,
        "family member or carer hurts me",
        triggers="hit|beat|kick|punch|slap|hurt|chok|burn|lock|iock|starv|strang",
    ),
    Rule(
        "abuse_disclosure",
        rf"(?:{_ABUSER}|he|she|they|someone|somebody|a man|an older man|a grown up) (?:keeps |always |still |"
        r"sometimes |tries to |tried to |has )?(?:touches|touched|touching|touch) me(?! (?:deeply|so much|"
        r"greatly|on the shoulder))|touche?d? me (?:in|on) my (?:private|privates|bits|down there)|"
        r"makes? me (?:touch him|touch her|touch his|do things|keep secrets|take my clothes off|send pictures)",
        0.85,
        "unwanted touching",
        triggers="touch|make me|makes me",
    ),
    Rule(
        "abuse_disclosure",
        # a parent reporting grooming: "my daughter is 12 and some man keeps messaging her asking for pics"
        r"my (?:daughter|son|child|kid|little girl|little boy|girl|boy|niece|nephew|granddaughter|grandson)"
        r"[^.!?]{0,40}?(?:some|a|an|an older|this|random) (?:man|guy|bloke|adult|stranger|lad|bloke|person|woman|"
        r"grown man|older man) (?:keeps |has been |is |s been |kept |started )?(?:messaging|messaged|message|texting|"
        r"texted|contacting|contacted|asking|sending|adding|dming|dm ing)",
        0.85,
        "a parent reports an adult contacting their child",
        triggers="messag|text|contact|asking|sending|adding|dm",
    ),
    Rule(
        "abuse_disclosure",
        r"i m (?:scared|afraid|too scared|frightened|terrified) (?:to go|of going) home|"
        r"(?:they|he|she) (?:don t|doesn t|won t) (?:feed|let) me (?:eat)?|i m locked in my room",
        0.8,
        "afraid to go home",
        triggers="go home|going home|feed|let me|iet me|locked|iocked",
    ),
]


class ChildSafetyDetector:
    """Under-13 authors, grooming cues and disclosures of abuse."""

    name = "child_safety"
    version = "1.2"
    categories = frozenset({Category.CHILD_SAFETY.value})

    def __init__(self) -> None:
        self._grooming = Lexicon(_GROOMING_RULES)
        self._disclosure = Lexicon(_DISCLOSURE_RULES)
        self._tags = {k: tag(f"child_safety_{k}", self.version) for k in ("age", "grooming", "disclosure")}

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        cat = Category.CHILD_SAFETY.value
        findings: list[Finding] = []
        youth = False
        low = text.lower()
        young_teen = False
        for start, end, age, score in _stated_ages(text, low):
            young_teen = young_teen or 13 <= age <= 15
            if age < 13:
                why = f"Author states an age under 13 ({age}) in the first person."
                findings.append(span_finding(cat, "stated_age", (start, end), score, self._tags["age"], why))
            if age < 18:
                youth = True
        for m in finditer(_PRIMARY, text) if "primary" in low else ():
            weak = m.group().lower().startswith("my")
            score, why = (
                (0.35, "Author mentions their primary-school teacher or class (weak age cue).")
                if weak
                else (0.7, "Author says they are at primary school.")
            )
            findings.append(span_finding(cat, "stated_age", m, score, self._tags["age"], why))
            youth = youth or not weak
        cues = self._grooming.scan(text)
        if cues and not youth:  # an age earlier in the thread only matters beside a grooming cue
            youth = any(
                age < 18 for entry in item.thread[-5:] for *_, age, _s in _stated_ages(clip(entry), clip(entry).lower())
            )
        kinds = {h.rule.kind for h in cues}
        # a gift with a move off-platform is spam, not grooming; a gift counts beside a more specific cue
        several = len(kinds - {"gift_offer"}) >= 2 or ("gift_offer" in kinds and len(kinds - _QUIET_ALONE) >= 1)
        several = several or ("gift_offer" in kinds and "minor_target" in kinds)
        for h in cues:
            combined = several or youth
            if not combined and h.rule.kind in _QUIET_ALONE:
                continue  # "DM me", "free vapes", "under 16s" alone are everyday talk
            score = 0.9 if combined else h.rule.score
            context_note = (
                " beside another grooming cue" if several else " beside a young person's age" if youth else ""
            )
            why = f"Grooming cue '{h.rule.label}'{context_note}."
            findings.append(h.finding(cat, self._tags["grooming"], why, score=score, kind="grooming_cue"))
        if young_teen:
            findings.extend(self._adult_partner(text, cat))
        findings.extend(
            h.finding(cat, self._tags["disclosure"], f"Possible disclosure of abuse: '{h.rule.label}'.")
            for h in self._disclosure.scan(text)
        )
        return findings

    def _adult_partner(self, text: str, cat: str) -> list[Finding]:
        """A 13-15-year-old author with a partner who is an adult ("I'm 14 and my boyfriend is 25")."""
        out: list[Finding] = []
        norm = normalise(text)
        for m in finditer(_PARTNER_AGE, norm.text):
            n = m.group("n")
            if n is not None and int(n) < 18:
                continue
            span = norm.span(*m.span())
            why = f"Author aged 13-15 describes an adult partner ({text[span[0] : span[1]]!r})."
            out.append(span_finding(cat, "grooming_cue", span, 0.9, self._tags["grooming"], why))
        return out


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def _stated_ages(text: str, low: str) -> Iterable[tuple[int, int, int, float]]:
    """(start, end, age, confidence) for each first-person age statement.

    Confidence is 0.9 with "years old" or a school year, 0.75 when the number ends the clause, 0.6 otherwise.
    ``low`` is ``text`` lower-cased, for the cheap test that skips texts with no number at all.
    """
    if _DIGITS.isdisjoint(low) and not any(w in low for w in _NUMBER_WORDS):
        return
    for m in finditer(_AGE, text):
        tail = m.group("tail")
        if tail is None and m.group("unit") is not None:
            continue  # "I'm 12 weeks pregnant", "I'm 10 minutes away", "I'm 5'11", "I'm 12 in the queue"
        age = _number(m.group("n"))
        qualifier = (m.group("q") or "").strip().lower()
        if qualifier in ("nearly", "almost"):
            age -= 1
        if age < 4:
            continue
        end = m.end("tail") if tail is not None else m.end("n")
        yield m.start(), end, age, 0.9 if tail is not None else 0.75 if m.group("clean") is not None else 0.6
    for m in finditer(_SCHOOL_YEAR, text):
        year = _number(m.group("n"))
        if 1 <= year <= 13:
            yield m.start(), m.end(), year + 5, 0.9  # the oldest a child in that English school year is
