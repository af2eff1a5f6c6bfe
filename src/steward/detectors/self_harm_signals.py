"""Self-harm phrase rules, part 3 of 3 (see ``self_harm_rules``): indirect crisis signals (notes, plans, means,
places, farewells), despair, low mood for review, and encouragement of self-harm aimed at someone else.
"""

from __future__ import annotations

from steward.detectors.phrases import Rule
from steward.detectors.self_harm_terms import ANYMORE, I_HAVE, PILL_TRIGGERS, PILLS, YOU

#: Half or most of a pack ("half the packet", "most of my box"), taken already or in one go.
_HALF_PACK = r"(?:half|most) (?:of )?(?:the|a|my) (?:packet|box|bottle|pack|strip)"

SIGNAL_RULES = [
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
        rf"{I_HAVE} (?:been )?(?:stockpiling|stockpiled|saving up|saved up|saving|saved|hoarding|hoarded|collecting|"
        r"collected|stashing|stashed|storing|got enough|got loads of) (?:up )?"
        rf"(?:all |enough |loads of |some )?{PILLS}"
        r"(?![^\p{L}]{0,4}(?:\w+ ){0,2}(?:during|before|in case|because of|due to|for (?:the )?(?:winter|lockdown|"
        rf"holiday|trip)|for when))|enough {PILLS} to (?:kill|end|do it|finish|not wake)|"
        r"(?:i ve got|i have|i ve made|i made|i ve got|i ve worked out) (?:a|my) plan (?:to|for how to) "
        r"(?:end|kill|die|do it|take my)",
        0.85,
        "pills saved up or a plan",
        triggers="stock|sav|hoard|collect|coiiect|stash|stor|enough|plan|pian",
    ),
    Rule(
        "indirect_crisis",
        rf"{I_HAVE} (?:made|sorted|finalised|got|written) (?:all )?my (?:plans?|arrangements)(?=[^\p{{L}}]{{0,4}}"
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
        rf"{PILLS} (?:(?:are|r) (?:all )?)?(?:saved|stockpiled|stashed|hidden|hoarded|put aside|ready)(?: up| away)?"
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
        rf"{I_HAVE} (?:written|wrote|finished|done) (?:all )?my (?:last )?(?:letters|goodbyes)|"
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
        r"(?:everyone|everybody|my family|my kids|the world|they|they d|they would|all) (?:\w+ ){0,4}(?:better off|"
        r"be better|happier|easier|a better place) (?:if i (?:just )?(?:(?:was|were) (?:gone|dead|not here|not around|"
        r"not alive)|(?:wasn t|weren t|was not|were not) (?:here|around|alive|in (?:them|it|their lives|the picture)))|"
        r"without me|with me gone|when i m gone|once i m gone)",
        0.85,
        "others better off without me",
        triggers="better|happier|easier",
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
    # A crisis told with the past in it (2026-12-07, from `recovery-dev-a.jsonl` and `-b`): a relapse said in the
    # simple past, the means counted out, a method looked up, a wish that the attempt had worked. The weaker forms
    # score 0.45 (a person reads them; two different signals together still make 0.9).
    Rule(
        "self_injury",
        r"(?:(?:i|i ve|i have) (?:just )?(?:cut|burnt|burned|harmed)(?: myself| my self| my arms| my legs| my wrists|"
        r" my thighs)?|i (?:just )?hurt myself) (?:again|tonight|last night)"
        r"(?! (?:shaving|cooking|on|with|at|in|while|whilst|playing|running|chopping|by accident|accidentally))",
        0.85,
        "self-injury again",
        triggers="cut again|cut tonight|cut last|cut myself|cut my|burnt|burned|harmed|hurt myself",
    ),
    Rule(
        "indirect_crisis",
        rf"(?:all |the |my |a |full |a full )?(?:box|packet|pack|bottle|strip)?(?: of)? ?{PILLS} (?:(?:are|r|is) )?"
        r"(?:counted out|lined up|laid out|all counted)|(?:i ve been|i m|been) counting (?:out )?(?:the |my )?"
        r"(?:tablets|pills|meds)",
        0.8,
        "tablets counted out",
        triggers="counted|counting|lined up|laid out",
    ),
    Rule(
        "indirect_crisis",
        rf"(?:{PILLS}|blades?|razors?|a rope|the rope) (?:(?:are|is|s) )?"
        r"(?:(?:sat|sitting|right|just) ){0,2}(?:next to me|in front of me|in my hand|out on the (?:side|table|bed)|"
        r"hidden in my room)(?! (?:on the bedside|so i|so that|to remember|in case|for when|for the morning|for my))|"
        r"(?:i ve got|i have|i ve had|got) (?:a |the |my )?"
        r"(?:blade|razor|rope)s? (?:out|ready|in my hand|hidden)",
        0.45,
        "means at hand",
        triggers=f"{PILL_TRIGGERS}|blade|razor|rope",
    ),
    Rule(
        "indirect_crisis",
        r"(?:looking|looked|look|been looking) (?:up |at |into )?(?:methods(?! (?:of|for|to|in))|ways to (?:die|"
        r"end it|do it|kill myself|end my life)|how many (?:it takes|tablets it takes|pills it takes)|ways again)",
        0.75,
        "looking up methods",
        triggers="method|ways to|ways again|how many it|how many tablets|how many pills",
    ),
    Rule(
        "crisis_statement",
        r"wish (?:my|the|that) (?:overdose|attempt) (?:had )?worked|i wish it had worked(?= (?:this|last) time|"
        r"[^\p{L}]{0,3}$)|(?:not|won t|will not) (?:going to |gonna )?fail (?:a|this|the) (?:second|third|fourth|next) "
        r"time",
        0.85,
        "wishing the attempt had worked",
        triggers="had worked|overdose worked|attempt worked|fail a|fail the|fail this|faii",
    ),
    Rule(
        "indirect_crisis",
        r"(?:going to|gonna|planning to|plan to|want to|time to) finish what i started|(?:i ve made|made) my "
        r"decision(?=[^\p{L}]{0,4}(?:$|and i m at peace|please|goodbye|bye|sorry|tell))|i ve decided"
        r"(?=[^\p{L}]{0,4}(?:$|please|goodbye|bye|sorry|tell))",
        0.45,
        "finishing what was started",
        triggers="finish what|decision|decided",
    ),
    Rule(
        "overdose",
        rf"{I_HAVE} (?:already (?:taken|took|swallowed) {_HALF_PACK}|(?:taken|took|swallowed) {_HALF_PACK}(?: of \w+)? "
        r"(?:already|in one go|at once|tonight))",
        0.9,
        "overdose taken",
        triggers="half the|half a|half of|half my|most of|most the|most my|most a",
    ),
    # A farewell written as thanks (2026-12-07, from `safeguarding-comments.jsonl` s-076, which only the crisis head
    # found): everything in the cupboard taken, and help refused.
    Rule(
        "overdose",
        r"(?:(?:i ve|i have|i) (?:just |already )?)?(?:taken|took|swallowed) (?:everything|the lot|all of it|it all) "
        r"(?:in|from) (?:the|my) (?:cupboard|drawer|medicine cabinet|bathroom cabinet|first aid box)"
        r"(?! (?:for|to|and nothing|but|that|at))",
        0.9,
        "overdose taken",
        triggers="cupboard|drawer|cabinet|first aid",
    ),
    Rule(
        "indirect_crisis",
        r"(?:please )?(?:don t|do not|dont) (?:call|ring|phone) (?:anyone|anybody|an ambulance|999|for help)"
        r"(?=[^\p{L}]{0,3}$| (?:this time|i mean it|please|i m fine|it s too late))",
        0.45,
        "help refused",
        triggers="call|ring|phone",
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
        rf"i (?:don t|dont|do not) want to be here {ANYMORE}",
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
        rf"(?:cope|take it|take this|do this|do it|handle it|handle life|go on) {ANYMORE}|"
        rf"(?:i give up|i m giving up|i ve given up) on (?:life|everything|living)",
        0.65,
        "can't cope anymore",
        triggers="cope|take it|take this|do this|do it|handle|go on|give up|giving up|given up",
    ),
    # encouragement aimed at someone else
    Rule(
        "encouragement",
        rf"(?:kill|hang|neck|off|end|top|slit) {YOU}",
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
