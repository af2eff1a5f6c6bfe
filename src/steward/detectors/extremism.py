"""Violent extremism: support for proscribed organisations, glorification of attacks, calls to violence.

Lexicon rules (see ``phrases``). Naming an organisation or an attack is never enough: news and comment ("the
attack in Manchester was horrific", "those who support ISIS should be prosecuted") are not findings; support
("I support ...", "long live ..."), praise ("... were heroes") and calls to act ("time to take up arms") are.
The organisation list is a compact subset of the UK proscribed list.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, span_finding, tag
from steward.detectors.phrases import Lexicon, Rule, clip

_ORGS = (
    "(?:isis|isil|daesh|daish|islamic state|al qaeda|al qaida|al qa ida|alqaeda|al shabaab|al shabab|boko haram|"
    "hamas|hizballah|hezbollah|hizbollah|national action|sonnenkrieg division|sonnenkrieg|atomwaffen division|"
    "atomwaffen|feuerkrieg division|feuerkrieg|terrorgram|maniacs murder cult|russian imperial movement|"
    "wagner group|palestine action|system resistance network|scottish dawn|real ira|the ira|ira|uvf|uda|"
    "lashkar e tayyiba|jemaah islamiyah|ttp)"
)
_ORG_TRIGGERS = (
    "isis|isil|daesh|daish|islamic|qaeda|qaida|qa ida|qa eda|shabab|shabaab|boko|hamas|hizb|hezb|"
    "national|nationai|sonnenkrieg|atomwaffen|feuerkrieg|terrorgram|maniacs|imperial|wagner|"
    "palestine|paiestine|resistance|scottish| ira|ira |uvf| uda|lashkar|jemaah| ttp"
)
_ATTACKER = (
    "(?:suicide bomber|bomber|bombers|attacker|attackers|shooter|shooters|gunman|gunmen|terrorist|terrorists|"
    "jihadi|jihadis|mujahideen|breivik|tarrant|brenton tarrant|salman abedi|abedi|bin laden|osama|thomas mair|"
    "khalid masood|darren osborne|dylann roof)"
)
_GROUPS = (
    "(?:muslims|jews|christians|immigrants|migrants|refugees|asylum seekers|blacks|whites|gays|trans people|"
    "infidels|kafirs|kuffar|pakis|foreigners|hindus|sikhs|gypsies|travellers|arabs|asians|africans|poles|"
    "somalis|roma)"
)

_EXTREMISM_RULES = [
    Rule(
        "proscribed_support",
        rf"(?:i|we) (?:\w+ )?(?:support|back|love|stand with|salute|praise|am with|m with|are with) (?:the )?{_ORGS}|"
        rf"(?:long live|victory to|glory to|all hail|hail|join|support|pledge allegiance to|donate to|"
        rf"fund) (?:the )?{_ORGS}",
        0.85,
        "support for a proscribed organisation",
        triggers=_ORG_TRIGGERS,
        not_after=r"\b(?:to|who|that|which|those|people|against|anyone)\s+",
    ),
    Rule(
        "proscribed_support",
        rf"{_ORGS} (?:are|is|were|was) (?:\w+ )?(?:right|heroes|martyrs|freedom fighters|the answer|our only hope|"
        r"doing god s work|legends|not terrorists)|" + _ORGS + " did nothing wrong",
        0.85,
        "praise of a proscribed organisation",
        triggers=_ORG_TRIGGERS,
    ),
    Rule(
        "glorification",
        rf"{_ATTACKER} (?:was|were|is|are) (?:a |an |the |true |real |my |our |fucking )*(?:hero|heroes|"
        r"martyr|martyrs|legend|legends|saint|saints|icon|icons|right)|"
        rf"(?:hero|heroes|martyr|martyrs|legend|legends|saint|st) (?:like |such as )?{_ATTACKER}|"
        rf"{_ATTACKER} did nothing wrong",
        0.85,
        "attacker called a hero",
        triggers="bomb|attack|shoot|gunm|terror|jihad|mujahid|breivik|tarrant|abedi|laden|osama|mair|masood|osborne|roof",
    ),
    Rule(
        "glorification",
        r"(?:the|that|this|these) (?:attack|attacks|bombing|bombings|shooting|shootings|massacre|beheading|"
        r"stabbing|stabbings) (?:was|were|is|are) (?:\w+ )?(?:justified|deserved|well deserved|glorious|beautiful|"
        r"a success|a good thing|long overdue)|(?:we need|need|hope there are|i want|bring on) more (?:attacks|"
        r"bombings|shootings|massacres|beheadings)|should (?:have|of|ve) killed more",
        0.85,
        "attack glorified",
        triggers="attack|bomb|shoot|massacre|behead|stab|killed more|kiiied more",
    ),
    Rule(
        "call_to_violence",
        rf"(?:kill|exterminate|wipe out|gas|hang|shoot|bomb|burn|eradicate|slaughter|behead) (?:all|every|every "
        rf"last|all the|all of the|the) {_GROUPS}",
        0.9,
        "call to kill a group",
        triggers="muslim|jew|christian|immigr|migrant|refugee|asylum|black|biack|white|gay|trans|infidel|kafir|kuffar|paki|foreign|hindu|sikh|gyps|travel|arab|asian|africa|poles|somali|roma",
    ),
    Rule(
        "call_to_violence",
        r"(?:bomb|burn down|burn|torch|attack|shoot up|firebomb|storm) (?:the|a|every|all|that|this|their) "
        r"(?:mosques?|synagogues?|churches|church|temples?|gurdwaras?|asylum hotels?|migrant hotels?|"
        r"refugee hotels?|hotels)",
        0.85,
        "call to attack a place of worship or refuge",
        triggers="mosque|synagog|church|templ|gurdwara|hotel|hote",
    ),
    Rule(
        "call_to_violence",
        r"(?:time to|we must|we need to|we should|let s|lets|it s time to|rise up and|we will) (?:take up arms|"
        r"start killing|kill them all|fight back with guns|rise up and kill)|take up arms",
        0.8,
        "take up arms",
        triggers="arms|killing|kiiiing|kill them|kiii them|guns",
    ),
    Rule(
        "call_to_violence",
        r"race war (?:now|is coming|soon)|(?:start|bring on|begin) the race war|rahowa|day of the rope|"
        r"(?:wage|declare|violent|join the) jihad|jihad against|holy war against",
        0.85,
        "race war / holy war",
        triggers="race|rahowa|rope|jihad|holy|hoiy",
    ),
    Rule(
        "extremist_slogan",
        r"sieg heil|heil hitler|ia88|ia 88|ia words|fourteen words|(?:white power|ww) ?(?:!|88)",
        0.7,
        "slogan",
        triggers="heil|power|ia88|ia 88|ia words|fourteen|ww",
    ),
]


class ExtremismDetector:
    """Support for proscribed organisations, glorification of attacks and attackers, calls to violence."""

    name = "extremism"
    version = "1.0"
    categories = frozenset({Category.EXTREMISM.value})

    def __init__(self) -> None:
        self._lexicon = Lexicon(_EXTREMISM_RULES)
        self._tag = tag("extremism_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        return [
            span_finding(
                Category.EXTREMISM.value,
                h.rule.kind,
                (h.start, h.end),
                h.rule.score,
                self._tag,
                f"Extremism lexicon entry '{h.rule.label}' ({h.rule.kind.replace('_', ' ')}).",
            )
            for h in self._lexicon.scan(text)
        ]
