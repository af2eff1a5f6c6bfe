"""Self-harm phrase rules, part 2 of 3 (see ``self_harm_rules``): the same risks said the way people post them
(2026-12-06): a number of tablets, "unalive", a subject left out, a burden, a last post, a date or a plan, the
means at hand, a place, goodbyes, someone close at risk, not being safe alone, shorthand.
"""

from __future__ import annotations

from steward.detectors.phrases import Rule
from steward.detectors.self_harm_terms import I_HAVE, PILL_TRIGGERS, PILLS

COLLOQUIAL_RULES = [
    # Said the way people post it (2026-12-06): a number of tablets, "unalive", a subject left out, a burden,
    # a last post, someone close at risk tonight.
    Rule(
        "overdose",
        rf"(?:{I_HAVE} |(?<![\p{{L}}] )|^)(?:just |already |now )?(?:taken|took|swallowed|necked|downed) "
        r"(?:about |like |over |around |nearly |at least )?(?:\d+|ten|twelve|fifteen|twenty|thirty|forty|fifty|"
        rf"a hundred|loads|a load|a bunch) (?:of )?(?:my |the |me )?{PILLS}",
        0.95,
        "tablets taken",
        triggers="taken|took|swallowed|necked|downed",
    ),
    Rule(
        "crisis_statement",
        r"(?:unalive|unaliving|unalived|un alive) (?:myself|my self|meself|me)|(?:want|wanna|going|gonna|planning|"
        r"about|ready|trying) (?:to )?(?:be )?(?:unalive|un alive)(?! (?:you|him|her|them|u\b))",
        0.9,
        "unalive",
        triggers="unaliv|un aliv|unaIiv",
    ),
    Rule(
        "indirect_crisis",
        r"(?:^|(?<=[.!?] )|(?<=\n))(?:been |still |started )?(?:stockpiling|stockpiled|hoarding|stashing|saving up) "
        rf"(?:all |enough |loads of |some )?{PILLS}"
        r"(?![^\p{L}]{0,4}(?:\w+ ){0,2}(?:during|before|in case|because of|due to|for (?:the )?(?:winter|lockdown|"
        r"holiday|trip)|for when))",
        0.85,
        "pills saved up",
        triggers="stock|hoard|stash|saving",
    ),
    Rule(
        "crisis_statement",
        r"(?:i m|i am|i feel like|i feel|feel like|i ve become|i ve been|i m just|i am just|im just) (?:such |"
        r"nothing but |only )?(?:a|an) (?:burden|drain|waste of space|waste of oxygen)(?: (?:to|on|for) (?:everyone|"
        r"everybody|my family|my kids|my children|them|people|all of them|my partner|my mum|my parents))?",
        0.75,
        "feeling a burden",
        triggers="burden|drain|waste of",
        not_after=r"\b(?:not|never|no longer|don'?t want to be|didn'?t want to be)\s+(?:\w+\s+)?",
    ),
    Rule(
        "despair",
        r"(?:there s |there is |theres |i see |i can t see |can t see |i don t see |dont see |see )?(?:no|any) point "
        r"(?:in )?(?:going on|carrying on|trying any ?more|being here|waking up|getting up any ?more|staying)",
        0.8,
        "no point going on",
        triggers="point",
    ),
    Rule(
        "indirect_crisis",
        r"(?:this is|this ll be|this will be|that s|this is gonna be) my (?:last|final) (?:post|message|comment|tweet|"
        r"words)(?! (?:about|on|re|regarding|of the|on this|in this|here|for (?:today|now|tonight|a while|the day)|"
        r"today|til|until|before|lol|promise|i swear))|"
        r"(?:sorted|sorting|put|putting|got|getting) (?:all )?my affairs (?:in order|sorted)|"
        r"sorted (?:out )?my affairs|(?:won t|wont|will not) be (?:a problem|a burden|anyone s problem|in anyone s "
        r"way|bothering (?:anyone|you|anybody))(?: (?:to|for) (?:anyone|anybody|you|them))? (?:for )?(?:much "
        r"longer|after tonight|for long|by tomorrow)",
        0.75,
        "last words or affairs in order",
        triggers="last|iast|final|finai|affairs|affairs|problem|probiem|burden|bothering",
    ),
    Rule(
        "indirect_crisis",
        r"(?:going to|gonna|about to|will|ll|want to|wanna) (?:walk|walking|swim|swimming) (?:out )?into the "
        r"(?:sea|river|thames|water|canal|lake|traffic)|(?:going to|gonna|about to|will|ll|want to|wanna) "
        r"(?:step|jump|throw myself) (?:off|from|in front of) (?:the |a )?(?:bridge|cliff|train|motorway|lorry|"
        r"car park|multi ?storey|building|roof|tracks)",
        0.85,
        "a place and a way",
        triggers="walk|swim|step|jump|throw",
    ),
    Rule(
        "crisis_statement",
        r"(?:thinking|thinkin|think) (?:about|of|bout) (?:suicide|killing myself|ending it|ending my life|"
        r"ending it all|not being here|dying)(?! (?:prevention|awareness|rates?|statistics|figures|research|"
        r"training|in (?:men|young|the)))",
        0.85,
        "thinking about suicide",
        triggers="think",
        not_after=r"(?<!can['’ ]?t\s)(?<!cannot\s)\b(?:stop|stopped|never|not|no longer)\s+",
    ),
    Rule(
        "crisis_statement",
        r"(?:my|our) (?:sister|brother|son|daughter|mum|mom|dad|friend|best friend|partner|wife|husband|boyfriend|"
        r"girlfriend|mate|flatmate|housemate|cousin|niece|nephew|grandson|granddaughter|teenager|kid|child) "
        r"(?:\w+ ){0,4}?(?:is |s |keeps |has been |)(?:saying|says|said|texted|messaged|told me|threatening|"
        r"talking about)?(?: (?:that )?(?:she s|he s|they re|she is|he is|they are|she|he|they))? ?(?:going to|gonna|"
        r"wants to|wanting to|threatening to|trying to|about to|will) (?:kill (?:herself|himself|themselves)|end it|"
        r"end (?:her|his|their) (?:own )?life|take (?:her|his|their) (?:own )?life|overdose|jump)",
        0.9,
        "someone close at risk",
        triggers="herself|himself|themselves|end it|life|iife|overdose|jump",
    ),
    # Written from a development set of 120 comments in the way people post them (2026-12-06; the blind
    # safeguarding set in bench/data was not read): not being here by a time, a date or a plan set, intent with a
    # condition, the means at hand, a place, goodbyes, someone close at risk, not being safe.
    Rule(
        "indirect_crisis",
        r"(?:won t|wont|will not|not gonna|not going to|shan t|i ll not) be (?:here|around|alive)(?: (?:by|for|to|at|"
        r"next|when|after|in|on|this|come)\b)"
        r"(?![^\p{L}]{0,4}(?:\w+ ){0,4}(?:moving|retir|leaving (?:the|my) (?:job|area)|holiday|emigrat|job|shift|"
        r"queue|rota|contract|battery|work|office|uni|away|abroad|visiting))",
        0.7,
        "won't be here",
        triggers="be here|be around|be alive|be aiive",
    ),
    Rule(
        "indirect_crisis",
        r"(?:got|set|picked|chosen|have|had|decided on) my date|(?:got|picked|chosen) a date(?: in my head| now)|"
        r"the plan s (?:for|on|set|tonight|tomorrow)|(?:i ve |i have |i )?(?:got|have) it (?:all )?(?:planned|sorted) "
        r"(?:for|out)|(?:with |got )?the plan (?:all )?sorted|planning something final|something final|"
        r"already decided|(?:sorted|ready) for tomorrow|for good this time",
        0.75,
        "a date or a plan set",
        triggers="my date|a date|the plan|the pian|planned|pianned|sorted|final|finai|decided|for good",
    ),
    Rule(
        "crisis_statement",
        r"(?:i m|im|i am|i ll|ill|i will|gonna|going to|i m gonna|i m going to) (?:just |finally |definitely )?"
        r"(?:ending it|end it|end things|hurt myself|hurting myself|take the lot|taking the lot|take them all|"
        r"taking them all|do it tonight|doing it tonight|following (?:her|him|them))(?! (?:with|for) (?:a |my )?"
        r"(?:\w+ )?(?:partner|boyfriend|girlfriend|relationship|job|work|contract|subscription|membership))",
        0.85,
        "intent stated",
        triggers="ending it|end it|end things|hurt|the lot|the iot|them all|tonight|following|foiiowing",
    ),
    Rule(
        "indirect_crisis",
        rf"{PILLS} in my (?:lap|hand|hands|pocket|bag)|(?:pills|tablets|meds|stuff|things) (?:hidden|stashed) "
        r"(?:under|in|behind)|(?:got|have|i ve got|ive got) (?:the )?(?:stuff|things) (?:here|hidden|ready)|things "
        r"(?:here )?i shouldn t have|hiding (?:her |his |their |my )?(?:tablets|pills|meds|medication)|"
        r"(?:keeping|kept|saved|saving|hoarding|hoarded) (?:all )?(?:of )?(?:\w+ s )?(?:old )?(?:prescriptions|"
        r"tablets|pills|meds|medication)|what i ve (?:saved|stockpiled|collected|got saved) up|nearly got enough|"
        r"got enough (?:now|saved|here)",
        0.8,
        "the means at hand",
        triggers=PILL_TRIGGERS + "|in my lap|in my iap|in my hand|in my pocket|in my bag|hidden|stashed|"
        "the stuff|the things|shouldn|saved up|stockpiled up|collected up|got saved|got enough",
    ),
    Rule(
        "indirect_crisis",
        r"(?:stood|standing|sat|sitting|i m|im) (?:on|at) (?:the |a )?(?:foot ?bridge|bridge|ledge|edge|roof|"
        r"platform|cliff|multi ?storey)|(?:thinking|thinkin|think) (?:about|of|bout) the (?:trains|tracks|bridge|"
        r"railway|cliffs?)|pick(?:ed)? the (?:bridge|spot|place|tree)|which tree",
        0.8,
        "a place",
        triggers="bridge|ledge|iedge|the edge|a edge|roof|piatform|platform|cliff|ciiff|storey|trains|tracks|railway|"
        "raiiway|the spot|the place|the piace|tree",
    ),
    Rule(
        "indirect_crisis",
        r"goodbye (?:messages|texts|letters)|(?:said|saying) (?:bye|goodbye) to (?:my|everyone|all)|"
        r"sorry (?:i couldn t|i wasn t|for not being) (?:be )?stronger|(?:so )?they know it wasn t their fault|"
        r"(?:please |pls |someone )(?:\w+ ){0,2}look after my (?:cat|dog|kids|children|babies|boys|girls)|"
        r"(?:given|gave|giving) (?:the|my) (?:dog|cat|pets?) to|sorted my will",
        0.75,
        "saying goodbye",
        triggers="goodbye|bye|stronger|fault|fauit|look after|iook after|dog|cat|pet|my will|my wiii",
    ),
    Rule(
        "crisis_statement",
        r"(?:she|he|they)(?: s| has| have| had)? (?:just )?(?:swallowed|taken|took|necked) (?:a load of|loads of|all "
        rf"(?:of )?(?:her|his|their)|a bottle of|a packet of|\d+) {PILLS}|(?:she|he|they) (?:wants?|wanted) to die|"
        r"(?:she|he|they) (?:has|have|s|ve) (?:got )?a plan to (?:end|kill|take)|plan to end (?:her|his|their) "
        r"(?:own )?life|(?:she|he|they)(?: s| is| are| re)? (?:saying|says|said|keeps saying|told (?:me|my \w+)) "
        r"(?:that )?(?:she|he|they)(?: s| is| re| are| d| would| ll| will)? (?:better off dead|going to (?:go and )?"
        r"join|got a way out|going to end it|end it)",
        0.9,
        "someone else at risk",
        triggers=PILL_TRIGGERS + "|to die|plan to|pian to|off dead|to join|and join|way out|end it",
    ),
    Rule(
        "crisis_statement",
        r"(?:i m|im|i am|i don t feel|i dont feel|don t feel|dont feel|not feeling) (?:not )?safe (?:on my own|by "
        r"myself|alone|tonight|at home|with myself|around myself)|(?:i )?(?:don t|dont|can t|cant) trust myself "
        r"(?:tonight|on my own|alone|right now|anymore|any more)",
        0.85,
        "not safe alone",
        triggers="safe|trust",
    ),
    Rule(
        "self_injury",
        r"(?:been |keep |started |i m |im )(?:cuttin|hurtin|harmin|burnin)(?: myself| me)?\b|"
        r"(?:^|(?<=[.!?] )|(?<![\p{L}] ))s ?/ ?h (?:again|every|\d+ ?x|today|tonight|last night)",
        0.85,
        "self-injury told in shorthand",
        triggers="cuttin|hurtin|harmin|burnin|s/h|s / h",
    ),
    Rule(
        "crisis_statement",
        r"(?<![\p{L}] )suicidal (?:again|tonight|today|rn|right now|af|as hell|atm|lately|constantly)|"
        r"(?:new year|new me)[^\p{L}]{0,4}(?:\w+ ){0,2}no me|(?:leaving|going) soon[^\p{L}]{0,6}for real|"
        r"would not recommend being alive",
        0.85,
        "suicidal now",
        triggers="suicid|no me|for real|for reai|being alive|being aiive",
    ),
]
