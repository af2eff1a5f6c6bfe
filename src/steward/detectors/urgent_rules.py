"""Phrase rules for the urgent-medical detector (see ``intent``): present-tense emergencies and urgent needs."""

from __future__ import annotations

from steward.detectors.complaint_rules import I_AM as _I_AM
from steward.detectors.complaint_rules import RELATIVE as _RELATIVE
from steward.detectors.phrases import Rule

_SUBJECT = rf"(?:i|i m|i am|{_RELATIVE}|he|she|he s|she s|they|they re|my (?:little )?\w+)"
_WHO = (
    r"(?:he|she|they|baby|the baby|newborn|little one|(?:my|our) (?:little |baby |youngest |eldest |poor )?"
    r"(?:baby|son|daughter|boy|girl|lad|lass|child|kid|toddler|newborn|husband|wife|partner|mum|mom|mother|dad|"
    r"father|nan|nana|gran|grandad|grandma|grandpa|brother|sister|friend|wee one|little one|bairn))"
)
_PRESENT = "(?:has|have|s|is having|s having|got|has got|ve got|am having|m having|is in|s in)"
URGENT_RULES = [
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
        r"(?:can t|cant|cannot|can not|struggling to|unable to|not able to|fighting to|can (?:barely|hardly|only "
        r"just)|barely|hardly) breathe?"
        r"(?![^\p{L}]{0,4}(?:lol|lmao|haha|from laughing|laughing|omg))|"
        r"(?:not|isn t|stopped|has stopped|s stopped) breathing|(?:gasping|fighting|struggling) for (?:air|breath)",
        0.9,
        "cannot breathe",
        triggers="breath|for air|for aii",
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
        r"(?:face|mouth|smile) (?:is |s )?(?:drooping|droopy)|(?:lips|face|skin|tongue|fingertips) "
        r"(?:(?:is |are |s |re |r )(?:going |turning |looking )?|has gone |have gone |going |turning |gone |looking |"
        r"look |"
        r"looks )(?:a bit |really |very |all )?"
        r"(?:blue|grey|purple)|(?:he|she|baby|he s|she s|my \w+) (?:is |s |has gone |going |turning )blue|"
        r"(?:throat|tongue|lips|face) (?:is |are |s )?(?:swelling|swollen|closing)|rash (?:that )?(?:doesn t|"
        r"does not|won t) fade|(?:he|she|baby|my \w+) (?:is|s) choking|"
        rf"{_I_AM} (?:bleeding|choking|fitting|having contractions)",
        0.9,
        "visible emergency signs",
        triggers="droop|blue|biue|grey|purple|purpie|swell|swoll|closing|ciosing|fade|chok|bleed|bieed|fitting|contraction",
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
        "emergency",
        rf"{_WHO} (?:is |s |re |are |keeps |keeps on |has started |s started |started |just started |won t stop |"
        r"been |s been |has been )?(?:fitting|seizing|convulsing|having fits)(?! (?:nicely|perfectly|well|better|"
        r"fine|into|in|right|tight|snug|for|the|a|my|your|new|room|out)\b)|(?:fit|fits|seizure|fitting) (?:won t|"
        r"will not|hasn t|has not|isn t|is not|doesn t) (?:stop|stopping|stopped)|"
        r"(?:can t|cant|cannot|can not|unable to) (?:wake|rouse) (?:him|her|them|baby|the baby|(?:my|our) \w+)"
        r"(?: up)?(?! (?:up )?(?:for|in time|early|before|until|till|lol|haha|in the morning|on time)\b)",
        0.9,
        "fitting, or cannot be woken",
        triggers="fitting|seiz|convuls|fits|wake|rouse",
    ),
    Rule(
        "emergency",
        r"chest (?:feels |is |s |feeling |getting |has gone )?(?:so |really |very )?(?:crushed|crushing|being "
        r"crushed|like it s being crushed|like (?:an elephant|someone s sitting|a weight)|squeezed|squeezing)|"
        r"(?:one side of (?:his|her|my|their) face|face) (?:has |is |s )?(?:dropped|drooping|droops|gone droopy)|"
        r"(?:speech|words|talking) (?:is |are |s |has gone |gone )?(?:slurred|slurring|garbled|jumbled)|"
        r"(?:can t|cannot|can not|unable to) (?:lift|raise|move) (?:his|her|my|their|one) (?:left |right )?"
        r"(?:arm|arms|side)",
        0.9,
        "heart attack or stroke signs",
        triggers="crush|squeez|elephant|sitting|weight|dropp|droop|slur|siur|garbl|jumbl|lift|iift|raise|move",
    ),
    Rule(
        "emergency",
        rf"{_WHO} (?:is |s |has gone |gone |going |seems |feels |looks )?(?:really |very |so |all |quite )?"
        r"(?:floppy|limp|lifeless)|(?:baby|newborn) (?:is |s |has |hasn t |has not )?(?:not |stopped |hasn t |"
        r"isn t |won t )?(?:moving|moved|feeding|feed|had a wet nappy)(?! (?:well|properly|great|much|as much|"
        r"very well)\b)|(?:can t|cannot|can not) feel (?:the )?"
        r"baby (?:move|moving|kick|kicking)|(?:my )?waters (?:have |has )?(?:broken|broke|gone)",
        0.9,
        "floppy or unwell baby, pregnancy warning sign",
        triggers="floppy|fioppy|limp|iimp|lifeless|iifeless|moving|moved|feed|nappy|waters",
        negatable=False,
    ),
    Rule(
        "emergency",
        r"(?:swallowed|drunk|drank|ate|eaten|had|has had|s had|just had|taken|took) (?:some |a |an |a bottle of |"
        r"a load of |half a bottle of |a capful of |a few |one of (?:my|the|our) |a mouthful of )?(?:bleach|"
        r"washing (?:tablet|pod|capsule|powder|up liquid)s?|laundry (?:pod|capsule|tablet)s?|dishwasher "
        r"(?:tablet|pod)s?|anti ?freeze|weed ?killer|rat poison|button batter(?:y|ies)|batter(?:y|ies)|magnets?|"
        r"detergent|white spirit|turps|methanol|drain cleaner|oven cleaner|e ?liquid|vape (?:liquid|juice))|"
        rf"(?:i ve|i have|i(?: ve)? just|{_WHO} (?:has|s)(?: just)?|{_WHO} just) (?:od'd|od'ed|overdosed)|"
        rf"losing (?:a lot of|loads of|so much|"
        r"lots of) blood|blood (?:is )?(?:pouring|gushing|spurting)|(?:used|given|gave|had to use) (?:his|her|my|"
        r"their|the|an|our) (?:epipen|epi pen|adrenaline pen)",
        0.9,
        "poisoning, overdose, heavy bleeding or adrenaline given",
        triggers="bleach|bieach|washing|laundry|iaundry|dishwasher|freeze|weed|poison|batter|magnet|detergent|spirit|"
        "turps|methanol|cleaner|ciean|liquid|iiquid|vape|overdos|od'|losing|iosing|pouring|gushing|spurting|epi|"
        "adrenaline|adrenaiine",
    ),
    Rule(
        "urgent_need",
        r"(?:should|do|shall|must|would) (?:i|we|he|she|they|you think i|you think we) (?:need to |have to )?"
        r"(?:go|take (?:him|her|them|(?:my|our) \w+)|call|ring|phone) (?:to )?(?:a e|a and e|ae|the hospital|"
        r"hospital|casualty|the emergency department|999|an ambulance|111|urgent care)|"
        r"(?:my|his|her|their|baby s|(?:my|our) \w+ s|has a|with a|got a|running a|s got a) (?:temp|temperature|"
        r"fever) (?:is |of |s |at |has hit |hit |reading |up to |is at |over |is over )?(?:4[0-2](?:[.,]\d)?|"
        r"39[.,][5-9]|10[4-7](?:[.,]\d)?)(?![\d])|(?:111|999|nhs 111|the ambulance|ambulance) (?:keeps |has |have "
        r"|had |s |kept |is )?(?:me |us )?(?:on hold|not answering|won t answer|isn t answering|not picking up)",
        0.8,
        "asks whether to go to A&E, high temperature, or cannot reach 111",
        triggers="a e|a&e|ae|and e|hospital|casualty|emergency|999|ambulance|ambuiance|111|temp|fever",
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
