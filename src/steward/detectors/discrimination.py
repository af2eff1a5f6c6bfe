"""Discrimination in staff drafts (category ``hate``; SMP 7.3.3 and section 10): unfair treatment or contempt of
colleagues, applicants or patients for a characteristic protected by the Equality Act 2010.

The ``hate`` detector already finds slurs and attacks on groups ("<group> are vermin", "disabled staff are a
drain"). This one adds what workplace posts look like: exclusion from jobs or care ("we should only be hiring
British staff", "don't book any more Muslim patients"), maternity and sex ("why do we keep hiring women in their
thirties? ... maternity leave"), age ("old dinosaurs", "pensioned off"), language as a stand-in for origin
("another agency nurse who can barely speak English"), and negative generalisations ("<group> patients never
turn up"). Celebrating or serving a group ("Ramadan Mubarak to our Muslim colleagues", "interpreters in British
Sign Language", "breast screening for women aged 50 to 71") names the group without any of these patterns.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, tag
from steward.detectors.phrases import clip
from steward.detectors.staff_context import matches, quote

__all__ = ["DiscriminationDetector"]

_CAT = Category.HATE.value
_IDENTITY = (
    r"(?:muslim|islamic|jewish|hindu|sikh|christian|catholic|black|white|asian|african|caribbean|polish|romanian|"
    r"eastern\s+european|foreign|overseas|international|gay|lesbian|bisexual|trans|transgender|non-?binary|"
    r"disabled|deaf|blind|autistic|pregnant|old|older|elderly|young|female|male|immigrant|migrant|refugee|gypsy|"
    r"traveller|roma|chinese|indian|pakistani|bangladeshi|arab|somali|nigerian|filipino)"
)
_PEOPLE = r"(?:patients|staff|people|colleagues|nurses|doctors|workers|applicants|candidates|women|men|ones)"
_RULES = (
    (
        "exclusion",
        compile_pattern(
            r"(?<![\p{L}])(?:only\s+(?:be\s+)?(?:hir|employ|recruit|tak)\w*\s+(?:on\s+)?(?:british|english|white|"
            r"local|native|christian|young|male|men)|(?:british|english|white)\s+(?:staff|workers|nurses|doctors|"
            rf"people)\s+only|(?:don['’]?t|do\s+not|never|stop|no\s+more)\s+(?:\w+\s+)?(?:book|send|give|refer|hire|"
            rf"employ|put|take\s+on)\w*\s+(?:me\s+|us\s+)?(?:any\s*more\s+|anymore\s+|more\s+)?{_IDENTITY}\s+"
            rf"{_PEOPLE}|go\s+back\s+to\s+(?:their|your|his|her)\s+(?:own\s+)?country|send\s+(?:them|her|him)\s+"
            r"back\s+(?:home|to))(?![\p{L}])"
        ),
    ),
    (
        "language_origin",
        compile_pattern(
            r"(?<![\p{L}])(?:another|these|those|yet\s+another|bloody|foreign|agency|overseas)\s+(?:\w+\s+){0,3}?"
            r"(?:nurse|doctor|carer|worker|staff|one|locum)s?\s+(?:\w+\s+){0,3}?(?:who\s+)?(?:can(?:['’]?t|not)?|"
            r"could(?:n['’]?t)?)\s+(?:barely|hardly|not|even)?\s*(?:even\s+)?speak\s+(?:proper\s+|decent\s+|"
            r"any\s+)?english(?![\p{L}])"
        ),
    ),
    (
        "maternity_sex",
        compile_pattern(
            r"(?<![\p{L}])(?:(?:hir|employ|recruit|tak)\w*\s+(?:on\s+)?(?:young\s+|more\s+)?(?:women|woman|girls|"
            r"mothers|mums|females)(?:\s+\w+){0,6}?[?.!,]?\s+(?:\w+\s+){0,6}?(?:maternity\s+leave|get(?:ting)?\s+"
            r"pregnant|go(?:es)?\s+off\s+on|having\s+babies)|pregnant\s+again[,.!]?\s+(?:typical|classic|🙄)|"
            r"(?:that['’]?s|this\s+is)\s+why\s+you\s+(?:don['’]?t|shouldn['’]?t|never)\s+(?:hire|employ|recruit)"
            r"\s+(?:young\s+)?(?:women|mums|mothers))(?![\p{L}])"
        ),
    ),
    (
        "age",
        compile_pattern(
            r"(?<![\p{L}])(?:old\s+(?:dinosaurs?|fogeys?|codgers?|biddies|duffers?|farts?)|dinosaurs\s+(?:in|on)\s+"
            r"(?:our|the|my)\s+team|pensioned\s+off|put\s+out\s+to\s+(?:pasture|grass)|past\s+(?:their|his|her)\s+"
            r"sell[\s\-]+by|(?<!never\s)too\s+old\s+to\s+(?:learn|work|change|use|be\s+(?:here|working|nursing)))"
            r"(?![\p{L}])"
        ),
    ),
    (
        "generalisation",
        compile_pattern(
            rf"(?<![\p{{L}}]){_IDENTITY}\s+{_PEOPLE},?\s+(?:they\s+)?(?:(?:never|don['’]?t|won['’]?t|can['’]?t\s+be\s+"
            r"bothered\s+to)\s+(?:turn\s+up|bother|pay|work|listen|learn|integrate|try|pull\s+their\s+weight)|(?:are\s+)?"
            r"always\s+(?:off\s+sick|late|moaning|complaining|causing\s+(?:trouble|problems)|lazy|skiving))"
            r"|(?:gay|trans|woke)\s+agenda|(?:rainbow|pronoun|woke)\s+(?:nonsense|rubbish|brigade)(?![\p{L}])"
        ),
    ),
)
#: "they never turn up" may refer back to the group in the previous clause ("Muslim patients ..., they ...").
_CLAUSE_BACK = compile_pattern(
    rf"(?<![\p{{L}}]){_IDENTITY}\s+{_PEOPLE}[^.!?]{{0,60}}?(?:they|them)\s+(?:never|always|don['’]?t|won['’]?t)\s+"
    r"(?:turn\s+up|bother|pay|work|listen|learn|integrate|try|off\s+sick|moan\w*|complain\w*)(?![\p{L}])"
)

FIX = (
    "Remove “{span}”: discriminatory content about people with a characteristic protected by the Equality Act "
    "2010 will not be tolerated (7.3.3, section 10)."
)


class DiscriminationDetector:
    """Workplace and service discrimination on a protected characteristic (reported as ``hate``)."""

    name = "discrimination"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("discrimination_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        out: list[Finding] = []
        rules = (*_RULES, ("generalisation", _CLAUSE_BACK))
        for kind, pattern in rules:
            for m in matches(pattern, text):
                if any(f.start < m.end() and m.start() < f.end for f in out):
                    continue
                why = f"Discrimination ({kind.replace('_', ' ')}) on a characteristic protected by the Equality Act."
                out.append(Finding(_CAT, "discrimination", *m.span(), 0.8, self._tag, why,
                                   fix=FIX.format(span=quote(text, *m.span()))))  # fmt: skip
        return out
