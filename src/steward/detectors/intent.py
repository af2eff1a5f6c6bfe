"""What the author wants from the organisation: to complain, or urgent medical help.

Both are lexicon detectors (see ``phrases``). A complaint or an emergency raised on social media belongs in
another route (the complaints process; 999 / NHS 111), so the policy redirects them. Scores follow the strength
of the statement: explicit complaint intent 0.9, a concern about specific care 0.7, vague dissatisfaction 0.4;
a present-tense emergency 0.9, an emergency word without present-tense context 0.6 or less.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, span_finding, tag
from steward.detectors.phrases import Lexicon, Rule, clip

_I_AM = "(?:i m|i am)"
_WILL = "(?:going to|gonna|will|ll|shall|want to|wish to|would like to|d like to|intend to|need to)"
_RELATIVE = (
    "(?:my|our) (?:dad|father|mum|mom|mother|husband|wife|partner|son|daughter|child|baby|brother|sister|nan|gran|"
    "grandad|grandma|grandpa|grandfather|grandmother|aunt|uncle|friend|neighbour|relative|family member|"
    "elderly (?:mum|dad|mother|father|parent|relative)|mother in law|father in law|little one|boy|girl)"
)
_CARE = (
    "(?:treatment|care|service|staff|nurse|nurses|doctor|doctors|gp|receptionist|receptionists|attitude|"
    "communication|hospital|ward|a e|practice|surgery|consultant|paramedics|handling|experience|manner)"
)

_COMPLAINT_RULES = [
    Rule(
        "complaint_intent",
        rf"(?:i|we) (?:{_WILL} |have |ve |already )?(?:make|making|made|raise|raising|raised|file|filing|filed|"
        r"lodge|lodging|lodged|submit|submitting|submitted|put in|putting in) (?:a |an |another )?(?:formal |"
        rf"official |written )?(?:complaint|concern)|(?:i|we|i m|i am|we re|we are) {_WILL} (?:complain|"
        r"report (?:this|you|it|them|"
        r"the (?:nurse|doctor|hospital|practice|trust|staff))|escalate (?:this|it)|write to my mp|contact pals|"
        r"go to the ombudsman|take this further)|how (?:do|can|would) (?:i|we) (?:make a complaint|complain|raise a "
        r"(?:concern|complaint)|contact pals|report this)|where (?:do|can|should) (?:i|we) (?:complain|send (?:a|my) "
        r"complaint)|i (?:wish|want) to complain|formal complaint|(?:i|we) (?:have |ve )?complained|"
        r"ombudsman|patient advice and liaison|complaints? (?:procedure|process|department|team|form)",
        0.9,
        "intent to complain",
        triggers="compla|concern|report|escalat|write|pals|pais|ombudsman|further|liaison|iiaison",
    ),
    Rule(
        "care_concern",
        rf"{_RELATIVE} (?:was|were|has been|have been|is being|got|had been) (?:left|ignored|neglected|sent home|"
        r"discharged|refused|turned away|forgotten|not fed|not given|not seen|dropped|mistreated|misdiagnosed|"
        r"treated (?:terribly|appallingly|awfully|badly|like)|left (?:alone|waiting|on a trolley|in pain|"
        r"without))",
        0.7,
        "relative's care neglected",
        triggers="left|ieft|ignor|neglect|negiect|sent|discharg|refus|turned|forgot|not|dropped|mistreat|misdiag|treated",
    ),
    Rule(
        "care_concern",
        r"(?:left|waited|waiting|been waiting|sat|lying|lay) (?:for |on a trolley for |in a corridor for |in pain "
        r"for )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|over \d+|more than \d+) "
        r"(?:hours|hrs|days|weeks|months) (?:without|with no|on a trolley|in a corridor|in pain|for (?:a|an|my|"
        r"the) (?:bed|appointment|call|referral|results|operation|scan|ambulance))",
        0.7,
        "long wait without care",
        triggers="hours|hrs|days|weeks|months",
    ),
    Rule(
        "care_concern",
        r"(?:nobody|no one|noone|no body|nobody from (?:the )?\w+) (?:has |have |ever )?(?:called|rung|rang|"
        r"phoned|contacted|got back to|gotten back to|come back to|replied to|responded to|answered) (?:me|us)|"
        r"(?:still|been|i m still|we re still) waiting (?:for|on) (?:my|our|an|the|a) (?:appointment|referral|"
        r"results|call back|callback|operation|letter|scan|test results|diagnosis|assessment|prescription)|"
        r"(?:cancelled|postponed|moved|rescheduled) (?:my|our|his|her|their) (?:operation|appointment|surgery|"
        r"procedure|scan|treatment)(?: (?:again|\w+ times|twice))?|(?:cancelled|postponed) (?:\w+ times|twice|"
        r"again and again)|(?:lost|lose|misplaced) (?:my|our|his|her) (?:notes|records|referral|results|"
        r"samples|bloods|prescription)|(?:wrong|incorrect) (?:medication|dose|diagnosis|drug|leg|arm|patient)|"
        r"misdiagnos\w*",
        0.7,
        "specific failing in care",
        triggers="called|caiied|rung|rang|phoned|contacted|back|replied|repiied|responded|answered|waiting|cancel|cancei|postpone|moved|reschedul|lost|iost|lose|iose|misplaced|wrong|incorrect|misdiag",
    ),
    Rule(
        "care_concern",
        rf"(?:appalling|disgraceful|shocking|terrible|awful|horrendous|horrific|neglectful|rude|dismissive|"
        rf"diabolical|atrocious|unacceptable|inhumane|poor|substandard|abysmal) {_CARE}|"
        r"(?:treated|spoken to|spoke to (?:me|us|him|her)) (?:appallingly|terribly|awfully|so badly|very badly|"
        r"like dirt|like rubbish|like a number|like an animal|with contempt|disgracefully|rudely)|"
        rf"{_CARE} (?:was|were|is|are) (?:absolutely |so |really |very |utterly |completely )?(?:appalling|"
        r"disgraceful|shocking|terrible|awful|horrendous|rude|dismissive|diabolical|atrocious|unacceptable|"
        r"abysmal|useless|a disgrace)",
        0.7,
        "poor care described",
        triggers="appa|disgrac|shock|terri|awfu|horr|negle|negie|rude|dismiss|diab|atroc|unaccept|inhuman|poor|substandard|abysm|treated|spok|usele|useie",
    ),
    Rule(
        "dissatisfaction",
        r"(?:absolute|total|complete|utter|is a|was a|what a) (?:joke|shambles|disgrace)|shambles|disgraceful|"
        r"not good enough|fed up|sick of|"
        r"ridiculous|unacceptable|useless|disgusting|let down|letting (?:us|people|patients) down",
        0.4,
        "dissatisfaction",
        triggers="joke|shamb|disgrac|not good|fed up|sick of|ridic|unaccept|usele|useie|disgust|let down|letting|"
        "iet down|ietting",
    ),
]

_SUBJECT = rf"(?:i|i m|i am|{_RELATIVE}|he|she|he s|she s|they|they re|my (?:little )?\w+)"
_PRESENT = "(?:has|have|s|is having|s having|got|has got|ve got|am having|m having|is in|s in)"
_URGENT_RULES = [
    Rule(
        "emergency",
        rf"{_SUBJECT} {_PRESENT} (?:severe |bad |really bad |crushing |sudden )?(?:chest pains?|pain in (?:my|his|her) "
        r"chest)",
        0.9,
        "chest pain now",
        triggers="chest",
    ),
    Rule(
        "emergency",
        r"(?:can t|cant|cannot|can not|struggling to|unable to|not able to|fighting to) breathe?"
        r"(?![^\p{L}]{0,4}(?:lol|lmao|haha|from laughing|laughing|omg))|"
        r"(?:not|isn t|stopped|has stopped|s stopped) breathing",
        0.9,
        "cannot breathe",
        triggers="breath",
    ),
    Rule(
        "emergency",
        r"(?:having|think (?:i m|i am|he s|she s|he is|she is|they re) having|is having|s having) "
        r"(?:a |an )?(?:stroke|heart attack|seizure|fit|asthma attack|anaphylactic (?:shock|reaction)|"
        r"allergic reaction|miscarriage)",
        0.9,
        "having a stroke, heart attack, seizure",
        triggers="stroke|heart|seizure|fit|asthma|anaphyl|allerg|aiierg|miscarr",
    ),
    Rule(
        "emergency",
        r"(?:won t|wont|can t|cannot|isn t|is not|s not) (?:wake|waking) up"
        r"(?! (?:until|till|before|early|in time))|(?:won t|can t|cannot) be (?:woken|roused)|"
        r"(?:he|she|baby|they|my \w+) (?:isn t|is not|s not|not|won t be|stopped|has stopped) (?:responsive|"
        r"rousable|responding to (?:touch|voice|pain|his name|her name))|"
        r"(?:is|s|gone|found|lying|lay) (?:completely )?(?:unresponsive|unconscious)(?! bias)|"
        r"(?:is|s|has) collapsed|just collapsed",
        0.9,
        "unresponsive or collapsed",
        triggers="wake|waking|woken|roused|respon|rousable|unconscious|collaps|coiiaps",
    ),
    Rule(
        "emergency",
        r"(?:face|mouth|smile) (?:is |s )?(?:drooping|droopy)|(?:lips|face|skin) (?:is |are |s |has gone |have gone |"
        r"going |turning )(?:blue|grey)|(?:he|she|baby|he s|she s|my \w+) (?:is |s |has gone |going |turning )blue|"
        r"(?:throat|tongue|lips|face) (?:is |are |s )?(?:swelling|swollen|closing)|rash (?:that )?(?:doesn t|"
        r"does not|won t) fade|(?:he|she|baby|my \w+) (?:is|s) choking|"
        rf"{_I_AM} (?:bleeding|choking|fitting|having contractions)",
        0.9,
        "visible emergency signs",
        triggers="droop|blue|biue|grey|swell|swoll|closing|ciosing|fade|chok|bleed|bieed|fitting|contraction",
    ),
    Rule(
        "emergency",
        r"(?:bleeding|blood) (?:heavily|badly|everywhere|won t stop|will not stop|that won t stop)|"
        r"(?:won t|can t) stop (?:the )?bleeding|(?:coughing|vomiting|throwing) up blood",
        0.9,
        "heavy bleeding",
        triggers="bleed|bieed|blood|biood",
    ),
    Rule(
        "emergency",
        r"(?:very |really |dangerously )?high (?:fever|temperature) and (?:(?:won t|isn t|can t|is not|not) "
        r"(?:waking up|wake up|waking|wake|responding|respond|drinking|drink|feeding|feed)|floppy|limp|lethargic|"
        r"drowsy)",
        0.9,
        "high fever and unresponsive",
        triggers="fever|temperature",
    ),
    Rule(
        "emergency",
        r"(?:i ve|i have|i|he s|she s|he has|she has) (?:just )?(?:taken|took|swallowed) (?:an overdose|"
        r"(?:too many|loads of|a handful of|a whole (?:packet|box|bottle) of|all (?:my|his|her|the)) (?:paracetamol|"
        r"pills|tablets|meds|medication|insulin|co codamol|ibuprofen|sleeping pills|antidepressants))",
        0.9,
        "overdose taken",
        triggers="taken|took|swallow|swaiiow",
    ),
    Rule(
        "urgent_need",
        r"(?:need|needs|needing) (?:an |a )?(?:urgent|emergency|immediate) (?:help|doctor|ambulance|treatment|"
        r"medical (?:help|attention)|appointment|care)|(?:need|call|get|send) (?:an |a )?ambulance|"
        r"ambulance (?:hasn t|has not|still hasn t|still not|not) (?:come|arrived|turned up|here)|"
        r"(?:can t|cannot|can not|unable to) get through to (?:111|999|the gp|my gp|the surgery|an ambulance)",
        0.85,
        "urgent clinical need",
        triggers="urgent|emergency|immediate|ambulance|ambuiance|get through",
    ),
    Rule(
        "emergency_term",
        r"anaphyla\w+|severe (?:bleeding|allergic reaction|chest pain|breathing difficulties)|sepsis|"
        r"meningitis|overdose|heart attack|stroke|seizure",
        0.4,
        "emergency term",
        triggers="anaphyl|bleed|bieed|allerg|aiierg|chest|breathing|sepsis|meningitis|overdose|heart attack|"
        "stroke|seizure",
    ),
]
#: When one of these is in the text, a bare emergency term is not being raised now (awareness, history, info).
_NOT_NOW = compile_pattern(
    r"\b(?:last\s+(?:year|month|week|summer|winter|spring|autumn)|years?\s+ago|months?\s+ago|weeks?\s+ago|"
    r"in\s+(?:19|20)\d\d|awareness|campaign|month|week|day|signs?\s+of|symptoms\s+of|learn|training|course|"
    r"survivor|recovered|recovering|had\s+a|was\s+diagnosed|opening\s+hours|research|study|webinar|talk|"
    r"event|fundraising|charity|anniversary|unit|centre|center|service|team|clinic|ward)\b"
)
_NOW = compile_pattern(
    r"\b(?:right\s+now|now|help|please|urgent|urgently|asap|quick|quickly|emergency|what\s+do\s+i\s+do|"
    r"what\s+should\s+i\s+do|can\s+anyone|ambulance|999|111)\b|!{2,}"
)


def _findings(lexicon: Lexicon, text: str, category: str, detector: str, noun: str) -> list[Finding]:
    return [
        span_finding(category, h.rule.kind, (h.start, h.end), h.rule.score, detector, f"{noun} '{h.rule.label}'.")
        for h in lexicon.scan(text)
    ]


class ComplaintDetector:
    """A complaint or concern about care or service that belongs in the formal complaints route."""

    name = "complaint"
    version = "1.0"
    categories = frozenset({Category.COMPLAINT.value})

    def __init__(self) -> None:
        self._lexicon = Lexicon(_COMPLAINT_RULES)
        self._tag = tag("complaint_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        return _findings(self._lexicon, text, Category.COMPLAINT.value, self._tag, "Complaint lexicon entry")


class UrgentMedicalDetector:
    """A medical emergency or urgent clinical need raised on social media (belongs with 999 / NHS 111)."""

    name = "urgent_medical"
    version = "1.0"
    categories = frozenset({Category.URGENT_MEDICAL.value})

    def __init__(self) -> None:
        self._lexicon = Lexicon(_URGENT_RULES)
        self._tag = tag("urgent_medical_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        found = _findings(self._lexicon, text, Category.URGENT_MEDICAL.value, self._tag, "Urgent-medical entry")
        if not any(f.kind == "emergency_term" for f in found):
            return found
        strong = any(f.kind != "emergency_term" for f in found)
        not_now = search(_NOT_NOW, text) is not None
        now = search(_NOW, text) is not None
        out: list[Finding] = []
        for f in found:
            if f.kind != "emergency_term":
                out.append(f)
            elif strong or not_now:
                continue  # a stronger finding covers it, or it is history, awareness or service information
            elif now:
                out.append(
                    Finding(
                        f.category,
                        f.kind,
                        f.start,
                        f.end,
                        0.6,
                        f.detector,
                        f.explanation[:-1] + " with an urgency word (now, help, please, ambulance).",
                    )
                )
            else:
                out.append(f)
        return out
