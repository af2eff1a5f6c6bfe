"""Safeguarding detectors: self-harm and suicide risk here; child safety and extremism in their own modules.

Lexicon rules, matched in a leetspeak- and spacing-tolerant view of the text (see ``phrases``). Self-harm rules
are first person ("I want to die") or aimed at someone else ("kys", kind ``encouragement``); figures of speech
("this waiting list is killing me", "dying to know") and bereavement are simply not in the lexicon, and a
negation just before a rule ("I'm not going to kill myself") drops it.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, span_finding, tag
from steward.detectors.child_safety import ChildSafetyDetector
from steward.detectors.extremism import ExtremismDetector
from steward.detectors.phrases import Lexicon, Rule, clip

__all__ = ["ChildSafetyDetector", "ExtremismDetector", "SelfHarmDetector"]

_I_AM = "(?:i m|i am)"
_I_HAVE = "(?:i ve|i have|i)"
_SELF = "(?:myself|my self|meself|my life|it all)"
_YOU = "(?:yourself|urself|your self|ur self|yaself|ya self|yourselves|yourselfs)"
_PILLS = (
    "(?:my )?(?:tablets|pills|meds|medication|medicine|paracetamol|ibuprofen|co codamol|codeine|"
    "antidepressants|sleeping pills|sleeping tablets|insulin)"
)
_ANYMORE = "(?:any ?more|no more)"

_SELF_HARM_RULES = [
    # explicit first-person crisis statements
    Rule(
        "crisis_statement",
        rf"{_I_AM} (?:going to|gonna|gunna|about to|planning to|planning on|ready to|trying to|thinking of|"
        rf"thinking about|gonna go) (?:kill|killing|end|ending|top|topping|off|offing) {_SELF}",
        0.95,
        "intent to end own life",
        triggers="going|gonna|gunna|about|planning|ready|trying|thinking",
    ),
    Rule(
        "crisis_statement",
        r"i (?:really |just |honestly |actually )?(?:want|wanna|need) (?:to )?(?:die|be dead|kill myself|"
        r"end it all|end my life|end it|not exist|not be alive)"
        r"(?![^\p{L}]{0,4}(?:of|laughing|at home|in peace|with dignity|happy|for|when|if|from))",
        0.9,
        "wanting to die",
        triggers="die|dead|myse|mese|end|exist|alive|aiive",
    ),
    Rule("crisis_statement", r"wanna die", 0.8, "wanna die", triggers="wanna"),
    Rule(
        "crisis_statement",
        r"i (?:wish|wished) i (?:was|were|had been|d been) (?:dead|never born)|"
        r"i wish i (?:could|would|could just) (?:die|not wake up|disappear forever)|"
        r"i (?:hope|wish) i (?:don t|dont|never|won t) wake up",
        0.9,
        "wishing to be dead",
        triggers="wish|hope",
    ),
    Rule(
        "crisis_statement", r"(?:take|taking|end|ending) my (?:own )?life", 0.9, "ending own life", triggers="life|iife"
    ),
    Rule(
        "crisis_statement",
        r"(?:kill|killing) (?:myself|my self|meself)",
        0.85,
        "kill myself",
        triggers="self|seif|mese",
    ),
    Rule("crisis_statement", r"(?:end|ending) it all", 0.8, "end it all", triggers="end"),
    Rule(
        "crisis_statement",
        r"(?:i d|i would|i m|i am|i will|i ll|we d|we would) be better off dead|better off without me",
        0.9,
        "others better off without me",
        triggers="better",
    ),
    Rule(
        "crisis_statement",
        r"(?:nobody|no one|noone|no body) (?:would|will|d|is going to|gonna) (?:even )?(?:miss|notice|care if|care)"
        r" (?:me|i|when i|if i)",
        0.85,
        "nobody would miss me",
        triggers="nobody|no body|noone|no one|no-one",
    ),
    Rule(
        "crisis_statement",
        r"(?:there s |there is |theres )?no (?:point|reason) (?:in )?(?:living|being alive|me being here|"
        r"being here|existing|to live|to be alive|in life)|(?:nothing|no one|nobody) (?:left )?to live for|"
        r"(?:my )?life (?:is not|isn t|s not|aint|ain t) worth living",
        0.85,
        "no point living",
        triggers="point|reason|worth|live for|iive for",
    ),
    Rule(
        "crisis_statement",
        rf"{_I_AM} (?:\w+ ){{0,2}}suicidal|(?:i feel|i ve been|i have been|been feeling|i m feeling|feeling|"
        r"i get|i m having|having|i have|i ve had|i keep having) (?:\w+ ){0,2}(?:suicidal|thoughts of suicide|"
        r"thoughts of killing myself|thoughts of ending my life)",
        0.9,
        "feeling suicidal",
        triggers="suicid|thoughts",
    ),
    Rule(
        "crisis_statement",
        rf"(?:{_I_AM}|i) (?:going to |gonna |about to |planning to |want to |wanna |thinking of |thinking about |"
        r"considering )(?:commit(?:ting)? )?suicide|(?:writing |wrote |written )?my suicide (?:note|plan|letter)",
        0.9,
        "planning suicide",
        triggers="suicid",
    ),
    Rule(
        "disclosure",
        rf"{_I_HAVE} (?:tried|attempted|tried to commit) suicide",
        0.75,
        "past suicide attempt",
        triggers="suicid",
    ),
    Rule("crisis_statement", r"kms", 0.8, "kms", triggers="kms", not_after=r"\d\s*"),
    # overdose and self-injury
    Rule(
        "overdose",
        rf"{_I_HAVE} (?:just |already |now )?(?:taken|took|swallowed|had|done) (?:an |a )?(?:overdose|od)|"
        rf"{_I_HAVE} (?:just |already )?overdosed|"
        rf"{_I_HAVE} (?:just |already |now )?(?:taken|took|swallowed) (?:all|all of) (?:my|the|of my) {_PILLS}|"
        rf"{_I_HAVE} (?:just |already |now )?(?:taken|took|swallowed) (?:too many|loads of|a load of|"
        rf"a whole (?:packet|box|bottle|pack|strip) of|\w+ (?:packets|boxes|bottles) of|a handful of) {_PILLS}",
        0.9,
        "overdose taken",
        triggers=" od|overdos|tab|pill|piil|meds|medic|parac|ibu|insu|sleep|sieep|codamol|codeine|antidep",
    ),
    Rule(
        "self_injury",
        rf"{_I_HAVE} (?:been |started |keep |am )?(?:cutting|burning|harming|hurting|scratching|punching) "
        r"(?:myself|my self|my arms|my legs|my wrists)|"
        rf"(?:{_I_AM}|i) (?:still |started |been )?self (?:harming|harm)|my self harm",
        0.9,
        "self-injury",
        triggers="self|seif|arms|legs|iegs|wrist",
    ),
    Rule(
        "self_injury",
        rf"{_I_HAVE} (?:cut|burnt|burned|harmed) (?:myself|my wrists|my arms)",
        0.6,
        "cut myself",
        triggers="self|seif|wrist|arms",
    ),
    # ambiguous despair
    Rule(
        "despair",
        r"i (?:can t|cant|cannot|can not) go on(?=[^\p{L}\p{N}]{0,4}(?:$|[.!,;]|any ?more|like this|living|"
        r"with (?:life|this)))",
        0.75,
        "can't go on",
        triggers="go on",
    ),
    Rule(
        "despair",
        r"i (?:don t|dont|do not) want to (?:live|be alive|exist|wake up)|"
        rf"i (?:don t|dont|do not) want to be here {_ANYMORE}",
        0.85,
        "not wanting to live",
        triggers="live|iive|alive|aiive|exist|wake|be here",
    ),
    Rule(
        "despair",
        r"what s the point (?:of living|in living|of going on|of life|of being here)",
        0.8,
        "what's the point",
        triggers="point",
    ),
    Rule(
        "despair",
        rf"i (?:can t|cant|cannot) (?:cope|take it|take this|do this|do it|handle it|handle life) {_ANYMORE}|"
        rf"(?:i give up|i m giving up|i ve given up) on (?:life|everything|living)",
        0.65,
        "can't cope anymore",
        triggers="cope|take it|take this|do this|do it|handle|give up|giving up|given up",
    ),
    # encouragement aimed at someone else
    Rule(
        "encouragement",
        rf"(?:kill|hang|neck|off|end|top|slit) {_YOU}",
        0.9,
        "kill yourself",
        triggers="rself|rseif|r self|aself|a self|rselv|rseiv",
    ),
    Rule(
        "encouragement",
        r"k[^\p{L}\p{N}]{0,2}y[^\p{L}\p{N}]{0,2}s",
        0.85,
        "kys",
        triggers="kys|ky s|k ys|k y s",
    ),
    Rule(
        "encouragement",
        r"(?:go|just|you should|u should|ya should|pls|please) (?:go )?(?:and )?(?:die|drink bleach|jump off a "
        r"(?:bridge|cliff|building)|slit your wrists|end your life|overdose|take an overdose)",
        0.85,
        "go and die",
        triggers="die|bleach|bieach|jump|wrist|life|iife|overdose",
    ),
    Rule(
        "encouragement",
        r"do (?:us|the world|everyone|society)(?: all)? a favou?r (?:and|&) (?:die|kill yourself|end it|end your life)",
        0.9,
        "do the world a favour and die",
        triggers="favo",
    ),
    Rule("mention", r"suicidal", 0.4, "suicidal (not first person)", triggers="suicidal|suicidai"),
]


class SelfHarmDetector:
    """Suicidal statements, self-injury, overdose, despair and encouragement of self-harm."""

    name = "self_harm"
    version = "1.0"
    categories = frozenset({Category.SELF_HARM.value})

    def __init__(self) -> None:
        self._lexicon = Lexicon(_SELF_HARM_RULES)
        self._tag = tag("self_harm_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        return [
            span_finding(
                Category.SELF_HARM.value,
                h.rule.kind,
                (h.start, h.end),
                h.rule.score,
                self._tag,
                f"Self-harm lexicon entry '{h.rule.label}' ({h.rule.kind.replace('_', ' ')}).",
            )
            for h in self._lexicon.scan(text)
        ]
