"""Phrase rules for the complaint detector (see ``intent``): complaint intent, concerns about care, dissatisfaction.

Data, not logic: each Rule is a readable pattern with its kind, score, label and cheap triggers (see ``phrases``).
"""

from __future__ import annotations

from steward.detectors.phrases import Rule

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

#: Who a concern about conduct is about: a member of staff, however described ("the locum I saw on Monday").
_STAFF = (
    "(?:receptionist|receptionists|reception|nurse|nurses|matron|midwife|midwives|health visitor|locum|gp|doctor|"
    "doctors|dr|consultant|consultants|surgeon|registrar|paramedic|paramedics|pharmacist|call handler|handler|"
    "physio|dentist|manager|staff|carer|carers|porter|sister|woman on|man on|lady on|bloke on|guy on)"
)
#: What a member of staff was, when someone tells of it as a concern.
_CONDUCT = (
    "(?:dismissive|abrupt|rude|curt|sharp|brisk|condescending|patronising|patronizing|judgemental|judgmental|"
    "unkind|offhand|off hand|impatient|cold|sarcastic|aggressive|hostile|disrespectful|belittling|unhelpful|"
    "unprofessional|insensitive|uncaring|defensive|arrogant|unsympathetic|uninterested|short with)"
)

COMPLAINT_RULES = [
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
    # Told, not announced: most people raising a concern on a page never say "complaint"; they say what a member
    # of staff did, what never happened, or how they were made to feel (2026-12-06).
    Rule(
        "care_concern",
        rf"{_STAFF} (?:\w+ ){{0,12}}?(?:was|were|has been|have been|is|are|been|got) (?:a |an )?(?:really |very |"
        rf"quite |so |extremely |incredibly |absolutely |completely |totally |a bit |bit |rather |pretty |just |"
        rf"being )?{_CONDUCT}|(?:was|were|been|being) (?:really |very |quite |so |extremely |incredibly |a bit |bit |"
        rf"rather |pretty |just )?(?:dismissive|abrupt|rude|short|curt|sharp|brisk|condescending|patronising|"
        r"patronizing|judgemental|judgmental|unkind|offhand|impatient|cold|sarcastic|aggressive|hostile|"
        r"disrespectful|belittling) (?:with|to|towards|toward) (?:me|us|him|her|them|my \w+|our \w+)",
        0.7,
        "staff conduct described",
        triggers="dismiss|abrupt|rude|short|curt|sharp|brisk|condescend|patroni|judg|unkind|offhand|impatient|cold|"
        "sarcas|aggress|hostile|disrespect|belittl|unhelpful|unprofessional|insensitive|uncaring|defensive|"
        "arrogant|unsympathetic|uninterested",
    ),
    Rule(
        "care_concern",
        r"(?:didn t|did not|hadn t|had not|hasn t|has not|never|wouldn t|would not|refused to|couldn t be bothered to|"
        r"could not be bothered to) "
        r"(?:even |once |actually |properly )?(?:examined? (?:me|us|her|him|them|my \w+|our \w+|at all|properly)|"
        r"listen to (?:me|us|her|him|my \w+)|look at (?:me|"
        r"us|her|him|my \w+)|look up|read (?:my|his|her|our) (?:notes|records|history|referral)|let (?:me|us|her|"
        r"him) (?:explain|finish|speak|talk|stay)|take (?:my|our|his|her) (?:concerns|symptoms|pain)|call (?:me|us) "
        r"back|ring (?:me|us) back)|(?:cut|hung) (?:me|us) off|(?:then|and|got|was|were) cut off(?! (?:the|a|an|his|"
        r"their|some|all|any|it|them|those|these|from)\b)|hung up on (?:me|us)|(?:spoke|talked|talking|"
        r"speaking) (?:over|down to) (?:me|us|my \w+|our \w+)|(?:i|we|she|he|my \w+) (?:didn t|did not|never) "
        r"(?:feel|felt) (?:listened to|heard|safe|respected)|(?:made|make|making) (?:me|us|her|him|my \w+) "
        r"(?:feel|felt) (?:like )?(?:a nuisance|a burden|stupid|small|worthless|ashamed|awful|judged|rushed)|"
        r"(?:i|we|she|he) (?:felt|feel|was left feeling|came away feeling) (?:like )?(?:a nuisance|a burden|"
        r"ignored|dismissed|judged|humiliated|belittled|invisible|rushed|fobbed off|awful|completely ignored)|"
        r"told (?:me|us|her|him|my \w+) (?:that )?(?:i|we|she|he|they) (?:was|were|is|are) (?:wasting|a waste|"
        r"overreacting|making it up|attention seeking|exaggerating|a nuisance|a time waster)",
        0.7,
        "not listened to or examined",
        # the words every branch must hold, rarer than its negations ("never", "didn't")
        triggers="examin|listen|iisten|look|iook|read|explain|expiain|finish|speak|talk|stay|concern|symptom|pain|"
        "back|cut|hung|spoke|feel|felt|wasting|waste|overreact|making it up|attention|exaggerat|nuisance",
    ),
    Rule(
        "care_concern",
        r"(?:lost|misplaced|mislaid) (?:my|our|his|her|their) (?:\w+ ){0,2}(?:notes|records|referral|results|"
        r"samples|bloods|prescription|scan|x ray|letter)|no record of (?:my|our|his|her|the|it|me|us|the booking|"
        r"the appointment)|(?:cancelled|canceled|postponed) (?:\w+ ){0,3}(?:the night before|the day before|on the "
        r"day|by text|by text message|with no (?:new date|warning|notice|explanation|reason))|(?:rang|called|"
        r"phoned|emailed|chased|tried|tried calling|tried ringing) (?:them |it |up |back |again |(?:the |my |our )?"
        r"(?:surgery|practice|hospital|ward|gp|pharmacy|clinic|line|number|switchboard|department|team|office|hub|"
        r"reception|pals|111|119|booking line|helpline) )?(?:\d+|three|four|five|six|seven|eight|nine|ten|several|"
        r"countless|so many) times|on hold (?:\w+ ){0,4}?(?:for )?(?:\d+|forty|thirty|an|over an) (?:mins|minutes|"
        r"hours|hrs|hour)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:days|weeks|months) ago,? (?:and )?"
        r"(?:still )?(?:no reply|no response|no answer|nothing back|not heard|never heard)|(?:heard|had|got) "
        r"(?:absolutely )?(?:nothing|not a thing|zero|no news|no word|no update)(?! (?:but|"
        r"except|else|to|wrong|bad|against|much|new)\b)|"
        r"(?:sent|turned) (?:me|us|him|her|them|my \w+) (?:home|away) (?:with no|without|saying|and told)|"
        r"(?:was|were|got|been) (?:sent|turned) (?:home|away) (?:with no|without|and told)|"
        r"(?:paid|paying|pay|had to pay) (?:\w+ ){0,2}(?:to )?go private|(?:got|given|received) a (?:parking )?"
        r"(?:fine|ticket|penalty) (?:\w+ ){0,4}(?:while|whilst|when) (?:i|we|she|he|my \w+) (?:was|were)|"
        r"(?:asked|requested|begged) for an interpreter|(?:no|without an|wasn t an|was not an|never got an|didn t "
        r"get an|refused an?) interpreter",
        0.7,
        "specific failing in care",
        triggers="lost|iost|misplac|mislaid|no record|cancel|cancei|postpon|times|hold|hoid|ago|nothing|not a thing|"
        "zero|no news|no word|no update|home|away|private|fine|ticket|penalty|interpreter",
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


#: Shared with the urgent-medical rules.
I_AM = _I_AM
RELATIVE = _RELATIVE


# A concern told as an experience, without any one phrase above: the writer (or someone close) received a service
# ("I rang", "we waited", "my dad was", "they told me"), the text names the service, and something in it is wrong.
# All three must be present; ComplaintDetector scores the combination EXPERIENCE_SCORE (2026-12-06).
EXPERIENCE_SCORE = 0.6
_RELATIVE_WS = _RELATIVE.replace(" ", r"\s+")
EXPERIENCE = (
    r"\b(?:i|we|i['’ ]?ve|we['’ ]?ve|i['’ ]?d|we['’ ]?d)\s+(?:\w+\s+)?(?:was|were|went|got|had|rang|called|phoned|"
    r"saw|seen|asked|waited|turned\s+up|arrived|booked|tried|been|spent|sat|ended\s+up|took|needed|received|collected|"
    r"attended|visited|emailed|wrote|filled|submitted|applied|paid|gave\s+birth|came\s+away|left)\b|"
    r"\b" + _RELATIVE_WS + r"\s+(?:\w+\s+)?(?:was|were|had|got|went|waited|needed|spent|saw|came|"
    r"rang|called)\b|"
    r"\b(?:told|sent|gave|left|made|kept|asked|refused|cancelled|discharged|turned\s+away|fobbed\s+off)\s+"
    r"(?:me|us|him|her|my\s+\w+|our\s+\w+)\b"
)
#: The services a concern is about, and what is wrong in it: words and phrases, one per comma; a space stands for
#: any run of spaces (or a hyphen), an apostrophe may be left out, and a trailing ``*`` takes any word ending.
SERVICE_TERMS = (
    "appointment, appointments, appt, appts, gp, gps, surgery, practice, hospital, a&e, a & e, a and e, ward, nurse,"
    " nurses, doctor, doctors, dr, receptionist, receptionists, reception, referral, referrals, prescription,"
    " prescriptions, results, 111, 119, pharmacy, pharmacist, clinic, ambulance, paramedic, paramedics, consultant,"
    " operation, op, scan, midwife, midwives, maternity, discharge, discharged, triage, blood test, blood tests,"
    " bloods, x ray, xray, dentist, health visitor, walk in, walkin, utc, urgent treatment, camhs, crisis line,"
    " waiting list, waiting room, the app, nhs app, online form, call back, callback, switchboard, phone line, locum,"
    " physio, district nurse, care home, hospice, vaccin*, jab, booking"
)
WRONG_TERMS = (
    "nobody, no one, noone, didn't, wouldn't, couldn't, won't, hasn't, haven't, wasn't, weren't, still no,"
    " still not, still waiting, no reply, no answer, no response, no call, no news, no update, no one, no record,"
    " no appointment, no appointments, no appt, no appts, no bed, no beds, no way, no help, no support, no letter,"
    " no follow up, no followup, no explanation, no apology, no warning, no notice, not good enough, not acceptable,"
    " unacceptable, disgrace*, shocking, appall*, awful, terrible, horrendous, rude, useless, ridiculous, joke,"
    " shambles, let down, fobbed, worst, disgust*, angry, furious, upset, frustrat*, gutted, not happy, poor,"
    " cancelled, canceled, lost, wrong, mistake, error, forgot*, ignored, dismiss*, waste*, sick of, fed up,"
    " pathetic, hopeless, incompeten*, failed, failing, refused, turned away, chas*"
)
