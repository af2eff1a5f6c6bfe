"""Phrase rules for the self-harm detector (see ``safeguarding``): crisis statements, indirect signals, despair,
encouragement aimed at others.

Data, not logic: each Rule is a readable pattern with its kind, score, label and cheap triggers (see ``phrases``).
"""

from __future__ import annotations

from steward.detectors.phrases import Rule

_I_AM = "(?:i m|i am)"
_I_HAVE = "(?:i ve|i have|i)"
_SELF = "(?:myself|my self|meself|my life|it all)"
_YOU = "(?:yourself|urself|your self|ur self|yaself|ya self|yourselves|yourselfs)"
_PILLS = (
    "(?:my )?(?:tablets|pills|meds|medication|medicine|paracetamol|ibuprofen|co codamol|codeine|"
    "antidepressants|sleeping pills|sleeping tablets|insulin|sertraline|citalopram|fluoxetine|mirtazapine|"
    "amitriptyline|zopiclone|diazepam|tramadol|morphine|oramorph|propranolol|quetiapine|lithium|prescriptions)"
)
#: Substrings one of which every mention of _PILLS holds (rule triggers).
_PILL_TRIGGERS = (
    "tablet|pill|piil|meds|medic|parac|ibu|codamol|codeine|antidep|insulin|sertral|citalo|fluox|mirtaz|amitrip|"
    "zopic|diazep|tramad|morph|propran|quetia|lithium|iithium|prescrip"
)
_ANYMORE = "(?:any ?more|no more)"
_NOT_KITCHEN = (
    r"(?! (?:on|with) (?:the |my |a )?(?:oven|kettle|iron|stove|hob|pan|tray|straighteners|curling|tea|coffee))"
)

SELF_HARM_RULES = [
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
        r"(?:kill|killing) (?:myself|my self|meself)(?! (?:laughing|with laughter|lol|lmao|haha|at|over|trying|"
        r"for))",
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
        rf"(?:{_I_HAVE}|{_I_AM}|i keep|keep|been|started|back to|gone back to|went back to|relapsed and|relapsed into) "
        r"(?:been |started |"
        r"keep |am |still |started |been )?(?:cutting|burning|harming|hurting|scratching|punching) (?:myself|my self|"
        rf"my arms|my legs|my wrists|my thighs){_NOT_KITCHEN}|(?:{_I_AM}|i|{_I_HAVE} been|started|been|back to) "
        r"(?:still |started |been )?self (?:harming|harm)|my self harm|"
        rf"(?:{_I_AM}|i|{_I_HAVE} been|{_I_HAVE} started|started|been|back to)[^\p{{L}}\p{{N}}]{{1,4}}(?:\w+ )?"
        r"(?:cutting|burning|"
        r"self harming|harming) again|relapsed (?:with|on|into|back into) (?:self harm|self harming|cutting)|"
        r"(?:cutting|burning) (?:myself|my arms|my legs|my wrists) (?:with|using) (?:a |my |the )?(?:lighter|"
        r"lighters|cigarettes?|fags?|razors?|blades?|knife|knives|scissors|compass|glass|sharpener)",
        0.9,
        "self-injury",
        triggers="self|seif|arms|legs|iegs|wrist|thigh|again|relapse|reiapse",
    ),
    # A relapse told in recovery's own words: "relapsed and cut myself", "cutting again after 3 yrs clean",
    # "6 months clean from self harm and I just broke it" (2026-12-06).
    Rule(
        "self_injury",
        r"(?:relapsed|slipped up|gave in|caved) (?:again )?(?:and |& )?(?:\w+ )?(?:cut|cutted|burnt|burned|harmed|"
        r"hurt|scratched) (?:myself|my self)|relapsed (?:again )?(?:and |& )?(?:\w+ )?(?:cut|cutted|burnt|burned|"
        r"harmed|hurt|scratched) (?:my arms|my legs|my wrists|my thighs)|(?:cutting|self harming|harming|burning) "
        r"again (?:after|since) (?:nearly |almost |over |about )?(?:\d+|a|one|two|three|four|five|six|seven|eight|"
        r"nine|ten|eleven|twelve|eighteen) (?:days?|weeks?|months?|years?|yrs?) (?:clean|free)|(?:\d+|a|one|two|"
        r"three|four|five|six|"
        r"seven|eight|nine|ten|eleven|twelve|eighteen) (?:days?|weeks?|months?|years?|yrs?) (?:clean|free) (?:from|"
        r"of) (?:self harm|self harming|sh|cutting|harming)(?: (?:\w+ ){0,4}?(?:broke|broken|gone|ruined|over|"
        r"relapsed|lost|undone|slipped))",
        0.9,
        "self-injury relapse",
        triggers="relapse|reiapse|slipped|gave in|caved|again|clean|ciean|free",
    ),
    Rule(
        "self_injury",
        r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen) (?:days?|weeks?|"
        r"months?|years?|yrs?) (?:clean|free) (?:from|of) (?:self harm|self harming|sh|cutting|harming)",
        0.35,
        "self-harm history",
        triggers="clean|ciean|free",
        negatable=False,
    ),
    Rule(
        "self_injury",
        rf"{_I_HAVE} (?:cut|burnt|burned|harmed) (?:myself|my wrists|my arms)"
        r"(?! (?:shaving|on|while|whilst|chopping|cooking|by accident|accidentally|in the garden))",
        0.6,
        "cut myself",
        triggers="self|seif|wrist|arms",
    ),
    # Said the way people post it (2026-12-06): a number of tablets, "unalive", a subject left out, a burden,
    # a last post, someone close at risk tonight.
    Rule(
        "overdose",
        rf"(?:{_I_HAVE} |(?<![\p{{L}}] )|^)(?:just |already |now )?(?:taken|took|swallowed|necked|downed) "
        r"(?:about |like |over |around |nearly |at least )?(?:\d+|ten|twelve|fifteen|twenty|thirty|forty|fifty|"
        rf"a hundred|loads|a load|a bunch) (?:of )?(?:my |the |me )?{_PILLS}",
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
        rf"(?:all |enough |loads of |some )?{_PILLS}"
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
        rf"{_PILLS} in my (?:lap|hand|hands|pocket|bag)|(?:pills|tablets|meds|stuff|things) (?:hidden|stashed) "
        r"(?:under|in|behind)|(?:got|have|i ve got|ive got) (?:the )?(?:stuff|things) (?:here|hidden|ready)|things "
        r"(?:here )?i shouldn t have|hiding (?:her |his |their |my )?(?:tablets|pills|meds|medication)|"
        r"(?:keeping|kept|saved|saving|hoarding|hoarded) (?:all )?(?:of )?(?:\w+ s )?(?:old )?(?:prescriptions|"
        r"tablets|pills|meds|medication)|what i ve (?:saved|stockpiled|collected|got saved) up|nearly got enough|"
        r"got enough (?:now|saved|here)",
        0.8,
        "the means at hand",
        triggers=_PILL_TRIGGERS + "|in my lap|in my iap|in my hand|in my pocket|in my bag|hidden|stashed|"
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
        rf"(?:of )?(?:her|his|their)|a bottle of|a packet of|\d+) {_PILLS}|(?:she|he|they) (?:wants?|wanted) to die|"
        r"(?:she|he|they) (?:has|have|s|ve) (?:got )?a plan to (?:end|kill|take)|plan to end (?:her|his|their) "
        r"(?:own )?life|(?:she|he|they)(?: s| is| are| re)? (?:saying|says|said|keeps saying|told (?:me|my \w+)) "
        r"(?:that )?(?:she|he|they)(?: s| is| re| are| d| would| ll| will)? (?:better off dead|going to (?:go and )?"
        r"join|got a way out|going to end it|end it)",
        0.9,
        "someone else at risk",
        triggers=_PILL_TRIGGERS + "|to die|plan to|pian to|off dead|to join|and join|way out|end it",
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
    # indirect crisis signals: notes, plans, means, places, farewells (0.6-0.85; two together score 0.9)
    Rule(
        "indirect_crisis",
        r"(?:writing|wrote|written|write|left|leaving|finished|started|done) (?:my |a |all my |the )?(?:goodbye|"
        r"suicide) (?:letters?|notes?)|my (?:goodbye|farewell|suicide) (?:letters?|notes?)",
        0.85,
        "goodbye or suicide note",
        triggers="goodbye|suicid|farewe",
    ),
    Rule(
        "indirect_crisis",
        r"(?:i (?:won t|wont|will not)|(?:i )?(?:don t think i ll|don t think i will|doubt i ll)) "
        r"(?:last|make it|survive|be (?:here|around|alive)(?: for)?) (?:much longer|long now|"
        r"another (?:day|night|week|month)|the (?:night|week|weekend|"
        r"month)|(?:till|until|to|by|past|for|through) (?:christmas|xmas|new year|the weekend|tomorrow|the morning|"
        r"morning|my birthday|friday|monday|next week|the end of the (?:week|month)))"
        r"(?![^\p{L}]{0,4}(?:\w+ ){0,4}(?:moving|retir|leaving|holiday|emigrat|job|shift|queue|rota|contract|battery))",
        0.75,
        "won't be around much longer",
        triggers="last|iast|make it|survive|here|around|alive|aiive",
    ),
    Rule(
        "indirect_crisis",
        rf"{_I_HAVE} (?:been )?(?:stockpiling|stockpiled|saving up|saved up|saving|saved|hoarding|hoarded|collecting|"
        r"collected|stashing|stashed|storing|got enough|got loads of) (?:up )?"
        rf"(?:all |enough |loads of |some )?{_PILLS}"
        r"(?![^\p{L}]{0,4}(?:\w+ ){0,2}(?:during|before|in case|because of|due to|for (?:the )?(?:winter|lockdown|"
        rf"holiday|trip)|for when))|enough {_PILLS} to (?:kill|end|do it|finish|not wake)|"
        r"(?:i ve got|i have|i ve made|i made|i ve got|i ve worked out) (?:a|my) plan (?:to|for how to) "
        r"(?:end|kill|die|do it|take my)",
        0.85,
        "pills saved up or a plan",
        triggers="stock|sav|hoard|collect|coiiect|stash|stor|enough|plan|pian",
    ),
    Rule(
        "indirect_crisis",
        rf"{_I_HAVE} (?:made|sorted|finalised|got|written) (?:all )?my (?:plans?|arrangements)(?=[^\p{{L}}]{{0,4}}"
        r"(?:$|now|to (?:end|die|do it|go|kill|finish)|for (?:tonight|the end)|"
        r"and (?:i m|i am) (?:ready|going|at peace)|goodbye|bye))|"
        r"tonight (?:is|s) the night(?: i| it| that i)? (?:end|do it|go|finally|kill|die|it ends)|"
        r"(?:i ll|i will|i m going to|i m gonna) (?:do it|end it|finish it) (?:tonight|today|this weekend)|"
        r"it (?:all )?ends tonight",
        0.8,
        "plans made",
        triggers="plan|pian|arrangement|arrangment|tonight|today|weekend",
    ),
    Rule(
        "indirect_crisis",
        # the possessive comes first: "I've got all my tablets saved up", "my meds are stashed"
        rf"(?:(?:i ve got|i have|i ve|i got) (?:all |enough |loads of )?|(?<![\p{{L}}] ))(?:my |the )?"
        rf"{_PILLS} (?:(?:are|r) (?:all )?)?(?:saved|stockpiled|stashed|hidden|hoarded|put aside|ready)(?: up| away)?"
        r"(?![^\p{L}]{0,4}(?:\w+ ){0,2}(?:during|before|in case|because of|due to|for (?:the )?(?:winter|lockdown|"
        r"holiday|trip)|for when))",
        0.85,
        "pills saved up",
        triggers="saved|stockpiled|stashed|hidden|hoarded|put aside|ready",
    ),
    Rule(
        "indirect_crisis",
        r"(?:written|wrote|writing|left) (?:my |some )?(?:goodbye |last |farewell )?(?:letters|notes|a letter|a note) "
        r"(?:for|to) (?:my |the )?(?:kids|children|family|mum|mam|dad|husband|wife|partner|son|daughter|"
        r"loved ones|everyone)",
        0.7,
        "letters left for the family",
        triggers="letter|ietter|note",
    ),
    Rule(
        "crisis_statement",
        # passive suicidal ideation, said plainly: "I just want to sleep and never wake up"
        r"(?:i|i just|i really|just) (?:want|wanna|wish i could|wish i could just) (?:to )?(?:go to )?sleep and "
        r"(?:never|not) (?:wake|walk) up|(?:i )?(?:wish|hope) i (?:don t|dont|wouldn t|never) wake up|"
        r"(?:i )?(?:don t|dont) want to wake up (?:again|tomorrow|anymore|any more)",
        0.8,
        "wants to sleep and never wake up",
        triggers="wake|waking",
    ),
    Rule("indirect_crisis", r"tonight (?:is|s) the night", 0.45, "tonight's the night", triggers="tonight"),
    Rule(
        "indirect_crisis",
        rf"{_I_HAVE} (?:written|wrote|finished|done) (?:all )?my (?:last )?(?:letters|goodbyes)|"
        r"this is (?:my )?goodbye",
        0.45,
        "last letters written",
        triggers="letters|ietters|goodbye",
    ),
    Rule(
        "indirect_crisis",
        r"(?:on|at|off|up|to) (?:the |a |that )?(?:bridge|edge|ledge|cliff|cliff edge|roof|rooftop|tracks|platform "
        r"edge|railway|car park roof)(?: \w+){0,6} (?:almost|nearly|so close to|came close to|about to|going to|ready "
        r"to|wanted to|tried to|thinking about|thought about|to) (?:jump|jumped|jumping|step off|stepping off|let go)|"
        r"(?:almost|nearly|about to|ready to|going to|gonna|want to|wanted to|thinking of|thinking about|"
        r"thought about) (?:jump|jumping|throw myself|throwing myself|stepping) (?:off|from|in front of|under) "
        r"(?:a |the |that )?"
        r"(?:bridge|edge|ledge|cliff|roof|building|car park|multi storey|tower|train|bus|lorry|car|traffic)|"
        r"(?:i|i ll|i m going to|i want to|i wanted to|i nearly|i almost|nearly|almost|thought about|thinking about) "
        r"(?:threw|throw|throwing) myself (?:off|in front of|under) (?:a |the |that )?(?:bridge|cliff|roof|building|"
        r"train|bus|lorry|car|traffic)",
        0.85,
        "nearly jumped",
        triggers="jump|let go|iet go|throw|threw|step",
    ),
    Rule(
        "indirect_crisis",
        r"(?:everyone|everybody|my family|my kids|the world|they|they d|they would|all) (?:\w+ ){0,3}(?:better off|"
        r"be better|happier|a better place) (?:if i (?:was|were|wasn t|weren t|was not) (?:gone|dead|here|around|"
        r"not here|not around)|without me|with me gone|when i m gone|once i m gone)",
        0.85,
        "others better off without me",
        triggers="better|happier",
    ),
    Rule(
        "indirect_crisis",
        r"(?:giving|given|gave|give) (?:away )?(?:all )?(?:of )?(?:my|me) (?:stuff|things|belongings|possessions|"
        r"bits|clothes|stuff) away|(?:giving|given|gave) away (?:all )?(?:of )?my (?:stuff|things|belongings|"
        r"possessions)"
        r"(?![^\p{L}]{0,4}(?:\w+ ){0,4}(?:moving|move|decluttering|declutter|clear out|charity|emigrat|downsiz))",
        0.6,
        "giving possessions away",
        triggers="giv|gave",
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
    # Low mood without intent, said in the first person: not a crisis, but a safeguarding lead wants to see it
    # (the pack reviews from 0.3, escalates from 0.5). 2026-12-06.
    Rule(
        "low_mood",
        r"(?:i|i just|i really|i honestly|just|honestly i|i kind of|i kinda) (?:feel|felt|been feeling|m feeling|am "
        r"feeling) (?:so |really |completely |totally |just |a bit |kind of |kinda |that )?(?:empty|numb|hopeless|"
        r"worthless|invisible|heavy|flat|broken|dead inside|like nothing|like a failure|like (?:i m |i am )?drowning|"
        r"like giving up|so alone|completely alone|lonely|nothing at all|like a ghost)"
        r"(?! (?:with|about|by|trying|because of|looking|after (?:the|my|that)))",
        0.35,
        "low mood",
        triggers="empty|numb|hopeless|worthless|invisible|heavy|flat|fiat|broken|dead inside|nothing|failure|faiiure|"
        "drowning|giving up|alone|aione|lonely|ionely|ghost",
    ),
    Rule(
        "low_mood",
        r"(?:can t|cant|cannot) (?:face|cope with|deal with) (?:anything|anyone|life|it all|people|the world|"
        r"getting up|another day)|cry(?:ing)? myself to sleep|crying every (?:day|night|morning)|"
        r"(?:i ve |i have |i m |i am |kind of |kinda )?(?:given|giving) up on (?:ever )?(?:feeling better|getting "
        r"better|being happy|myself|everything)|(?:wonder|wondering|ask myself) what the point (?:of|in) "
        r"(?:any of it|anything|it all|me|trying)|rotting in bed|(?:can t|cant) remember the last time i (?:actually )?"
        r"(?:felt|was) (?:anything|happy|ok|okay|good|like me)|tired of (?:everything|it all|life|being (?:me|alive|"
        r"here))(?! [a-z]+ing)|(?:no one|nobody|noone) to talk to|(?:don t|dont|do not) feel safe with my (?:own )?"
        r"(?:thoughts|head|mind)|(?:my )?head s (?:a mess|not right)|(?:not sure|don t know|dont know) (?:i d|i would|"
        r"if i d|if i would) be much use to anyone",
        0.4,
        "low mood",
        triggers="face|cope|deal|cry|crying|given|giving|point|rotting|remember|tired|talk to|safe|head|use to",
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
        # "I can't …" or, as people write it, a sentence that simply starts "can't …" / "honestly can't …"
        rf"(?:i |(?<![\p{{L}}] )(?:honestly |just |really |seriously )?)(?:can t|cant|cannot) "
        rf"(?:cope|take it|take this|do this|do it|handle it|handle life|go on) {_ANYMORE}|"
        rf"(?:i give up|i m giving up|i ve given up) on (?:life|everything|living)",
        0.65,
        "can't cope anymore",
        triggers="cope|take it|take this|do this|do it|handle|go on|give up|giving up|given up",
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
