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
        "complaint_intent",
        r"how (?:do|can|would|should|to) (?:i |we |you )?(?:go about )?report(?:ing)? (?:a|an|the|this|that|my|our) "
        r"(?:nurse|doctor|dr|gp|receptionist|midwife|paramedic|consultant|surgeon|carer|dentist|health visitor|"
        r"member of staff|staff member|hospital|practice|surgery|ward|trust)|who (?:do|can|should|would) (?:i|we) "
        r"(?:complain|report (?:this|it|them|him|her)) to|(?:i|we) (?:ve |have |had |m |am |re |are |will |ll |d |"
        r"going to |gonna |already |just |now ){0,3}(?:written|wrote|write|writing|emailed|email|emailing|"
        r"contacted|contact|contacting|complained|reported (?:it|this|them|him|her|the \w+)|report (?:it|this|them|"
        r"him|her)|escalated (?:it|this)|gone|go|going) (?:to )?(?:the |my |our |your |a )?(?:chief exec\w*|ceo|"
        r"chief executive|trust board|board|cqc|care quality commission|(?:health )?ombudsman|medical director|"
        r"practice manager|director of nursing|complaints (?:team|department|manager)|gmc|nmc|healthwatch)|"
        r"(?:reported (?:it|this|them|him|her|the \w+)|complained|written|wrote|emailed) (?:to )?(?:the )?"
        r"(?:chief exec\w*|ceo|chief executive|cqc|care quality commission|(?:health )?ombudsman|gmc|nmc|"
        r"healthwatch)",
        0.9,
        "intent to complain or escalate",
        triggers="report|compla|chief|ceo|board|boar|cqc|quality|ombudsman|director|manag|gmc|nmc|healthwatch",
    ),
    Rule(
        "care_concern",
        r"(?:i|we) (?:ve |have |had |m |am |re |are |will |ll |d |going to |gonna |already |just |now ){0,3}"
        r"(?:written|wrote|write|writing|emailed|email|emailing|contacted|contact|contacting|complained|gone|go|"
        r"going) to (?:the |my |our |a )?(?:(?:local )?mp|member of parliament|(?:local )?(?:paper|papers|press|"
        r"newspaper))",
        0.6,
        "writing to an MP or the press",
        triggers="mp|paper|press|parliament|pariiament",
    ),
    Rule(
        "care_concern",
        r"(?:i|we) (?:want|need|deserve|demand|expect|am owed|are owed) (?:some |real |proper |honest |an |a |"
        r"full |straight ){0,2}(?:answers|an apology|accountability|an investigation|an inquiry|an enquiry)(?! from "
        r"(?:the )?(?:government|tories|labour|ministers?|pm|prime minister))|(?:i|we) (?:want|deserve|demand|"
        r"am owed|are owed) (?:a |an |some |proper |full )?explanations?(?! (?:of|about how|on how))|"
        r"(?:this|it|something|someone|somebody|the (?:hospital|trust|"
        r"ward|nurse|doctor|practice|surgery|staff|gp|consultant)) (?:needs|need|should be|must be|has to be|"
        r"ought to be|deserves to be|wants|needs to be) (?:properly |fully |urgently )?(?:investigat\w+|looked into|"
        r"looking into)",
        0.7,
        "demands answers or an investigation",
        triggers="answer|explan|apolog|accountab|investig|inquir|enquir|looked into|looking into",
    ),
    Rule(
        "care_concern",
        r"who (?:do|can|should|would|shall) (?:i|we) (?:speak|talk|write|go|send (?:this|it)|escalate (?:this|it)) "
        r"to (?:about|regarding|re) (?:this|that|it|my|our|his|her|the way|how|what happened|a complaint|a concern|"
        r"the (?:care|treatment|staff|nurse|doctor|way|attitude|conduct|behaviour|receptionist|consultant|gp))",
        0.7,
        "asks who to raise a concern with",
        triggers="who",
    ),
    Rule(
        "care_concern",
        r"(?:want|wants|demand|demanding|calling for|call for|need|needs) (?:a |an )?(?:full |proper |independent |"
        r"public )?(?:investigation|inquiry|enquiry)",
        0.45,
        "calls for an investigation",
        triggers="investig|inquir|enquir",
    ),
    Rule(
        "care_concern",
        r"pals (?:team |office |service |department )?(?:have |has |had |still |just |even ){0,2}(?:never|"
        r"didn t|did not|haven t|have not|hasn t|has not|won t|wouldn t|don t|do not|ignored|ignore|fobbed)|"
        r"(?:never|still not|still haven t|haven t|have not|didn t|did not|not once|yet to) (?:had|got|get|"
        r"received|receive|heard|hear) (?:a |any |an |so much as an? )?(?:reply|response|call back|callback|"
        r"acknowledgement|apology|answer|anything back|back from (?:pals|the complaints|them|the hospital|the "
        r"trust|the practice|the surgery))|(?:complaint|complaints|emails|letters) (?:was |were |has been |have "
        r"been |got |just |being )?(?:ignored|dismissed|never answered|unanswered|not answered|brushed off)|no "
        r"(?:reply|response|answer|acknowledgement) (?:to|from) (?:my|our|the|pals|any of my) (?:complaint|"
        r"complaints|email|emails|letter|letters|calls|messages|team|department)?",
        0.7,
        "no response from the organisation",
        triggers="pals|pais|reply|repiy|respon|call|caii|acknowl|apolog|answer|heard|ignor|dismiss",
        negatable=False,
        not_after=r"(?:\bmy|\bour|\byour|\bhis|\bher|\bme and|\bwith)\s+",
    ),
    Rule(
        "care_concern",
        r"(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|\d+th) time (?:that |now |in a row |this "
        r"\w+ ){0,2}(?:my|our|his|her|their|the|they ve|they have|they|you ve|you have|you|it s|it has|it) "
        r"(?:\w+ ){0,2}(?:appointment|operation|op|surgery|procedure|scan|treatment|clinic|referral|cancel\w*|"
        r"postpone\w*|rescheduled|moved)|(?:appointment|operation|op|surgery|procedure|scan|clinic) (?:has been |"
        r"have been |was |s been |got |been |is )?(?:cancelled|canceled|postponed|rescheduled|moved) (?:again|"
        r"\w+ times|twice|for the \w+ time|at the last minute|last minute|on the day|at short notice)",
        0.7,
        "repeated cancellation",
        triggers="second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|th time|cancel|cancei|postpon|reschedul|moved",
    ),
    Rule(
        "care_concern",
        r"(?:lost|misplaced|mislaid|threw away|thrown away|binned|stole|stolen) (?:my|our|his|her|their) "
        r"(?:\w+ s )?(?:hearing aids?|dentures|false teeth|belongings|property|possessions|wedding ring|"
        r"jewellery|glasses|walking (?:stick|frame)|clothes)|discharged (?:\w+ ){0,3}?(?:at (?:[1-5]|1[0-2]) ?am|"
        r"at midnight|in the middle of the night|with(?:out| no) (?:any )?(?:transport|way (?:of getting )?home|"
        r"care package|support|medication|meds))|(?:fobbed|palmed|brushed) (?:me|us|him|her|them|my \w+) off|"
        r"(?:was|were|am|i m|are|felt|feel|being|been|got) (?:completely |totally |just )?(?:fobbed off|palmed off|"
        r"brushed off|passed from pillar to post|not listened to|not taken seriously)|(?:didn t|did not|don t|"
        r"won t|wouldn t|never) (?:take|took|taking) (?:me|us|him|her|them|my \w+|it) seriously|dismissed "
        r"(?:my|our|his|her|their) (?:concerns|symptoms|worries|pain)",
        0.7,
        "specific failing in care",
        triggers="lost|iost|misplac|mislaid|threw|thrown|binned|stole|discharg|fobbed|palmed|brushed|pillar|listened|"
        "iistened|seriously|dismissed",
        negatable=False,
        not_after=r"\b(?:i|i'?ve|i have|i'?d|we|we'?ve|we have)\s+(?:just\s+|only\s+|accidentally\s+)?",
    ),
    Rule(
        "care_concern",
        r"the way (?:they|he|she|you|staff|we|i|the \w+|your \w+|that \w+|this \w+|my \w+|our \w+) (?:was |were |"
        r"have been |has been |got |been )?(?:spoke|spoken|talked|treated|speak|talk|treat|dealt|handled|shouted|"
        r"looked|ignored|left) (?:\w+ ){0,6}?(?:absolutely |so |just |utterly |completely |really |totally |"
        r"frankly )?(?:disgusting|appalling|disgraceful|shocking|horrendous|unacceptable|awful|terrible|vile|"
        r"inhumane|degrading|cruel|heartbreaking|outrageous|a disgrace|shameful|diabolical|rude|horrible)",
        0.7,
        "poor treatment described",
        triggers="the way",
    ),
    Rule(
        "care_concern",
        r"(?:referral|appointment|appointment letter|letter|results|call back|callback|ambulance|transport|"
        r"follow up|prescription|care package|home visit|carer|carers) (?:that |which )?(?:was |is |has |have )?"
        r"(?:never|still hasn t|still has not|hasn t|has not|didn t|did not) (?:came|come|arrived|arrive|turned up|"
        r"turn up|happened|happen|materialised|been sent|got sent|sent|showed up|been made|made)|(?:never|"
        r"still haven t|haven t|didn t|did not) (?:got|get|"
        r"received|receive|had) (?:my|a|the|an|any|our|his|her) (?:referral|appointment|results|call back|"
        r"callback|follow up|prescription|care package)",
        0.7,
        "service that never came",
        triggers="never|neve|hasn|has not|didn|did not",
        negatable=False,
    ),
    Rule(
        "care_concern",
        r"(?:i|we|i ve|we ve|i have|we have|i m|i am|we re|we are|(?:my|our) \w+ (?:has|s|is)|he s|she s|he has|"
        r"she has|they ve|they have|still|been) (?:been )?(?:waited|waiting) (?:for |over |nearly |almost |more than |"
        r"about |around "
        r"|at least ){0,2}(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|a|a whole|"
        r"over a) (?:months|years|month|year)(?! (?:for (?:this|that|these|those|the weekend|summer|christmas|"
        r"tickets|it|my (?:turn|chance))|to "
        r"(?:see|meet|watch|hear)))",
        0.55,
        "waiting months or years",
        triggers="wait",
    ),
    Rule(
        "dissatisfaction",
        r"(?:nobody|no one|noone|no body) (?:even |actually |really )?(?:cares|listens|is listening|gives a "
        r"(?:damn|toss|shit|crap|monkey s|\w+))",
        0.45,
        "nobody cares or listens",
        triggers="nobody|no one|noone|no body",
        negatable=False,
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
_WHO = (
    r"(?:he|she|they|baby|the baby|newborn|little one|(?:my|our) (?:little |baby |youngest |eldest |poor )?"
    r"(?:baby|son|daughter|boy|girl|lad|lass|child|kid|toddler|newborn|husband|wife|partner|mum|mom|mother|dad|"
    r"father|nan|nana|gran|grandad|grandma|grandpa|brother|sister|friend|wee one|little one|bairn))"
)
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

_GOOD_NEWS = compile_pattern(
    r"\b(?:thank\s*(?:you|u)|thanks|brilliant|amazing|fantastic|wonderful|grateful|great\s+news|good\s+news|"
    r"finally|so\s+pleased|delighted|excellent|superb|outstanding|doing\s+well)\b"
)
_GRIEVANCE = compile_pattern(
    r"\b(?:but|however|although|though|not|never|nobody|no\s+one|still|again|disgust\w*|appall\w*|shock\w*|"
    r"terribl\w*|awful|rude|worst|disgrace\w*|joke|shambles|useless|angry|furious|upset|complain\w*|cancel\w*|"
    r"for\s+nothing|yeah\s+right|left|ignored|neglect\w*|unacceptable)\b|n['’]?t\b"
)

#: Context that turns a strong emergency phrase into history, advice or a joke, unless the author says it is now.
_NOT_NOW_STRONG = compile_pattern(
    r"\b(?:(?:\d+|a|two|three|few|many|several)\s+(?:years?|months?|weeks?)\s+ago|last\s+(?:year|month|week|"
    r"summer|winter|spring|autumn|christmas)|in\s+(?:19|20)\d\d|back\s+in|as\s+a\s+(?:kid|child|baby|teen\w*)|"
    r"when\s+i\s+was|once|recovered|survivor|survived|if\s+(?:you|your|someone|somebody|anyone|a\s+person|"
    r"a\s+child|a\s+baby|they|he|she)|what\s+(?:should|do|would)\s+you\s+do|what\s+to\s+do\s+(?:if|when)|"
    r"in\s+case\s+of|signs?\s+of|symptoms?\s+of|know\s+the\s+signs|act\s+fast|awareness|campaign|first\s+aid|"
    r"how\s+to\s+(?:spot|recognise|recognize|tell|help)|tips|lol|lmao|haha\w*|rofl|so\s+funny|from\s+laughing|"
    r"joking|slush\w*|lolly|ice\s+pop|lipstick|face\s+paint|make\s?up)\b|[\U0001F602\U0001F923]"
)
_RIGHT_NOW = compile_pattern(
    r"\b(?:right\s+now|please\s+help|help\s+me|help\s+please|someone\s+help|what\s+do\s+i\s+do|"
    r"what\s+should\s+i\s+do|asap|urgently)\b"
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
        found = _findings(self._lexicon, text, Category.COMPLAINT.value, self._tag, "Complaint lexicon entry")
        if not found or any(f.kind != "care_concern" for f in found):
            return found
        # Good news told with a care word ("mum was discharged today, thank you") is not a complaint; an explicit
        # complaint, any dissatisfaction or a word of grievance keeps the finding.
        if search(_GOOD_NEWS, text) is None or search(_GRIEVANCE, text) is not None:
            return found
        return [
            Finding(f.category, f.kind, f.start, f.end, 0.4, f.detector, f.explanation[:-1] + " beside praise.")
            for f in found
        ]


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
        if not found:
            return found
        strong = any(f.kind != "emergency_term" for f in found)
        if strong and search(_NOT_NOW_STRONG, text) is not None and search(_RIGHT_NOW, text) is None:
            found = [
                f if f.kind == "emergency_term" else
                Finding(f.category, f.kind, f.start, f.end, min(f.score, 0.45), f.detector,
                        f.explanation[:-1] + ", but told as history, advice or a joke.")
                for f in found
            ]  # fmt: skip
        if not any(f.kind == "emergency_term" for f in found):
            return found
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
