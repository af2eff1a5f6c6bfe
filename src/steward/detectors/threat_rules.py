"""Phrase rules for the threat detector (see ``threat``): veiled threats and threats written without "I will".

Data, not logic: each Rule is a readable pattern with its kind, score, label and cheap triggers (see ``phrases``).
"""

from __future__ import annotations

from steward.detectors.phrases import Rule

_PERSON = "(?:you|u|ya|her|him|them|that \\w+|the \\w+ (?:nurse|doctor|receptionist|manager|woman|man))"
_WILL = (
    "(?:i ll|i will|i m going to|i m gonna|im gonna|i m gunna|i swear i ll|we ll|we will|we re going to|we re gonna)"
)
#: Veiled and indirect threats, matched like the safeguarding phrases (spacing, leetspeak and look-alikes folded).
#: Explicit intent scores 0.85+, veiled 0.6-0.75; ``follow_up`` ("we'll be there Saturday") only counts beside
#: another threat in the text or in the thread before it.
VEILED_RULES = [
    Rule(
        "intimidation",
        r"(?:i|we) (?:know|found out|ve found out|know exactly) where (?:you|u|she|he|they|your \w+|her \w+|"
        r"his \w+|that \w+|the \w+ (?:nurse|doctor|receptionist|manager)) (?:live|lives|work|works|park|parks|"
        r"sleep|sleeps|drop|drops|goes|go|hangs out|gets off)",
        0.8,
        "knows where the person lives",
        triggers="where",
    ),
    Rule(
        "intimidation",
        r"(?:better|d better|should|needs to|need to|wanna|want to) (?:start )?(?:watch|watching) (?:his|her|their|"
        r"your|ur|yer) (?:back|backs)",
        0.75,
        "had better watch their back",
        triggers="back",
    ),
    Rule(
        "intimidation",
        rf"{_WILL} (?:find|track down|hunt down|catch up with) {_PERSON}(?=[^\p{{L}}]{{0,4}}(?:$|[.!,;]|and when|"
        r"when|wherever|one day|eventually|i swear|trust me|mark my words|you wait|just wait|believe me))",
        0.7,
        "will find the person",
        triggers="find|track|hunt|catch",
    ),
    Rule(
        "violent_threat",
        rf"(?:{_WILL}|someone should|someone ought to|someone needs to|somebody should|gonna) (?:put|throw|chuck|lob|"
        r"send) (?:a |some |this )?(?:brick|bricks|rock|rocks|stone|stones|petrol bomb|firework|fireworks) (?:through|"
        r"at|in) (?:your|ur|her|his|their|the|that) (?:window|windows|car|cars|door|house|face|head|windscreen)",
        0.88,
        "brick through the window",
        triggers="brick|rock|stone|petrol|firework",
    ),
    Rule(
        "violent_threat",
        r"(?:brick|petrol bomb|rock) through (?:your|ur|her|his|their) (?:window|windows|windscreen|door)",
        0.75,
        "brick through your window",
        triggers="brick|petrol|rock",
    ),
    Rule(
        "intimidation",
        r"(?:deserves?|deserved|has|have|had) (?:got )?(?:what s|whats|what is) coming(?: to (?:him|her|them|you))?|"
        r"(?:has|have|ve) got it coming|(?:he|she|they|you) (?:ll|will) (?:get|pay) (?:what s coming|for (?:this|that|"
        r"what (?:he|she|they|you) did))",
        0.7,
        "has what's coming",
        triggers="coming|pay",
    ),
    Rule(
        "intimidation",
        rf"(?:{_WILL}|gonna) be waiting (?:for {_PERSON} )?(?:after (?:work|her shift|his shift|your shift|their shift|"
        r"school)|outside (?:her|his|your|their|the) (?:house|home|work|door|flat)|in the car park|when (?:she|he|"
        r"you|they) (?:finish|finishes|leave|leaves|gets? off|come out|comes out))",
        0.7,
        "will be waiting after work",
        triggers="waiting",
    ),
    Rule(
        "intimidation",
        rf"(?:{_WILL}|gonna|going to) make {_PERSON} pay(?![^\p{{L}}]{{0,3}}(?:for[^\p{{L}}]+(?!this|that|what|it\b)|"
        r"the |a |by |in |back|up|more|less|rent|bills?|attention))",
        0.72,
        "will make them pay",
        triggers="pay",
    ),
    Rule(
        "intimidation",
        r"(?:she s|he s|they ve|she has|he has|they have|they re|consider (?:her|him|them|yourself)) (?:been )?warned",
        0.7,
        "has been warned",
        triggers="warned",
    ),
    Rule("intimidation", r"(?:you ve|you have|u ve|youve) been warned", 0.55, "you've been warned", triggers="warned"),
    Rule(
        "intimidation",
        r"(?:i|we) (?:know|found out|ve found out|know exactly) (?:what|which) (?:car|motor|house|flat|school|bus|"
        r"route|gym) (?:she|he|they|you|u|her \w+|his \w+) (?:drives|drive|lives in|live in|goes to|go to|takes|"
        r"take|parks|uses|use)",
        0.7,
        "knows the person's car or home",
        triggers="car|motor|house|flat|school|bus|route|gym",
    ),
    Rule(
        "intimidation",
        r"(?:she|he|they|you|u) (?:ll|will|are going to|re going to|re gonna|s gonna|is gonna|is going to) "
        r"(?:regret it|regret this|be sorry|wish (?:she|he|they|you) hadn t)",
        0.6,
        "will regret it",
        triggers="regret|sorry|wish",
    ),
    Rule(
        "incitement",
        r"(?:deserves?|deserved|need|needs|want|wants) (?:a )?(?:good |proper |real )?(?:kicking|hiding|beating|"
        r"slap|slapping|punch|smack|battering|doing over|going over)",
        0.75,
        "deserves a kicking",
        triggers="kicking|hiding|beating|slap|punch|smack|battering|doing over|going over",
    ),
    Rule(
        "intimidation",
        r"(?:someone|somebody|one of (?:them|you)|people|someone here) (?:s|is|are) (?:going to|gonna|gunna) get "
        r"(?:hurt|killed|stabbed|shot|seriously hurt|badly hurt|a beating|a kicking|what s coming)|(?:someone|"
        r"somebody) (?:will|ll) get (?:hurt|killed|stabbed|shot)",
        0.65,
        "someone is going to get hurt",
        triggers="hurt|killed|kiiied|stabbed|shot|beating|kicking|coming",
    ),
    Rule(
        "follow_up",
        r"(?:we ll|we will|i ll|i will|we re|i m|see you) (?:be )?(?:there|outside|round|down there|coming|there for "
        r"you) (?:on |this |next )?(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday|tomorrow|tonight|"
        r"weekend|after work|at \d+)",
        0.45,
        "we'll be there (follow-up)",
        triggers="there|outside|round|coming|see you",
    ),
]
_STAFF = (
    r"(?:doctor|dr|nurse|receptionist|manager|gp|consultant|surgeon|midwife|paramedic|porter|woman|man|bloke|"
    r"lady|girl|lad|bitch|bastard|cunt|twat|prick|scumbag|idiot|cow|staff|lot)s?"
)
_WHO = rf"(?:she|he|they|you|u|him|her|them|(?:that|the|this|those|these|every) (?:\w+ )?{_STAFF})"
#: Colloquial threats with no "I will": "that doctor wants stabbing", "next time it won't be words".
COLLOQUIAL_RULES = [
    Rule(
        "incitement",
        r"(?:wants|want|needs|need|deserves|deserve|wanting|needing) (?:a )?(?:good |proper |fucking |bloody )?"
        r"(?:stabbing|shooting|knifing|glassing|strangling|lynching|kneecapping|stringing up|hanging(?! (?:on|up|"
        r"in|over|from|out|round|around|onto|back))|lining up against (?:a|the) wall|putting (?:up )?against (?:a|"
        r"the) wall|lining up and shooting|burning down|blowing up|firebombing|torching|setting (?:fire to|on fire)|"
        r"(?:his|her|their|your|ur) (?:head|face|teeth|legs|kneecaps|skull) (?:kicking|kicked|smashing|smashed|"
        r"caving|caved|bashing|bashed|punching|knocking) in)(?! (?:war|range|star|stars|match|gallery|practice|script|"
        r"schedule|season|pain|pains|party|lesson|lessons|baskets?|ceremony|session|glass|wind|spree))",
        0.78,
        "wants stabbing",
        triggers="stabbing|shooting|knifing|glassing|giassing|strangling|lynching|iynching|kneecap|stringing|hanging|"
        "haning|against|burning|blowing|bombing|torching|setting|kicking|kicked|smash|cav|bash|punch|knock",
    ),
    Rule(
        "incitement",
        rf"{_WHO} (?:\w+ ){{0,2}}(?:wants|needs|deserves) (?:a )?(?:good |proper )?(?:sorting out properly|"
        r"sorting properly|knocking out|putting down|taking out|doing in|running over|burning)(?! (?:of|by|for|to))",
        0.7,
        "person wants sorting out properly",
        triggers="sorting|knocking|putting|taking|doing in|running over|burning",
    ),
    Rule(
        "incitement",
        rf"(?:someone|somebody|some one|you lot|we|i ll|i will|gonna|going to|needs? to|should) (?:\w+ )?sort "
        rf"{_WHO} out (?:properly|good and proper|once and for all|proper)",
        0.68,
        "sort them out properly",
        triggers="sort",
    ),
    Rule(
        "intimidation",
        r"if (?:anything|owt|something|anyfing) (?:bad |else )?(?:happens|happened|happen) to (?:my|our|me)"
        r"[^.!?]{0,80}?(?:is|are|s|re|you re|youre|ur) (?:dead|dead meat|a dead (?:man|woman)|getting it|in for it)",
        0.78,
        "if anything happens to my son, X is dead",
        triggers="dead|getting it|in for it",
    ),
    Rule(
        "intimidation",
        r"(?:people|ppl|folk|nurses|doctors|receptionists|staff|women|men|ones|those) (?:like (?:that|her|him|them|you|"
        r"u|yourself)|who (?:\w+ ){1,6}?) (?:get|end up|end up getting|tend to get|will get|ll get|are gonna get|"
        r"get themselves) "
        r"(?:hurt|stabbed|battered|shot|glassed|a kicking|a beating|their heads kicked in|found in a ditch|"
        r"what s coming)(?! (?:when|because|if|by|in|on|at|from|through|during|every|all|easily|more|most|too|and "
        r"(?:no|nobody|ill)|the most))",
        0.65,
        "people like that get hurt",
        triggers="hurt|stabbed|battered|shot|glassed|giassed|kicking|kicked|beating|ditch|what s coming",
        not_after=r"(?:vulnerable|elderly|frail|old|poor|disabled|sick|ill|young|innocent|kids|children|older)\W+$",
    ),
    Rule(
        "intimidation",
        rf"{_WHO} (?:won t|wont|will not|ain t|aint|isn t|aren t|wouldn t) (?:be )?(?:smiling|smirking|laughing|so "
        r"(?:smug|cocky|brave|mouthy|gobby|clever|full of (?:herself|himself|themselves))) (?:for )?(?:much |very |"
        r"that |too )?(?:longer|long|for long)",
        0.6,
        "won't be smiling much longer",
        triggers="smil|smii|smirk|laugh|smug|cocky|brave|mouth|gob|clever|ciever|full",
        negatable=False,
    ),
    Rule(
        "intimidation",
        r"next time (?:it|there|it s|its) (?:won t|wont|will not|ain t|aint|isn t) (?:be )?(?:just |only |"
        r"only be )?(?:words|talk|talking|verbal|shouting|a chat|my mouth)|next time (?:it ll|it will|there ll|"
        r"there will) be (?:more than (?:words|talk|shouting)|fists|blood|a knife|my fists)|(?:it|this) won t (?:just |"
        r"only )?be (?:words|talk|shouting) next time",
        0.7,
        "next time it won't be words",
        triggers="next time|nexttime",
        negatable=False,
    ),
    Rule(
        "intimidation",
        rf"(?:wait|just wait|w8|wb) (?:til|till|until|untill|tl) (?:i|me and my \w+|my \w+) (?:see|catch|find|"
        rf"gets?|get hold of|gets? my hands on|get to|clap eyes on) {_WHO}(?: again| (?:in|at|on|round|outside|after) "
        r"(?:the |his |her |their )?(?:car park|carpark|street|road|town|shops|work|house|school|door|shift|pub|"
        r"surgery|hospital|clinic|ward))",
        0.7,
        "wait till I see him in the car park",
        triggers="wait|wb",
        negatable=False,
        not_after=r"(?:can\W?t|cannot|cant|can not|couldn\W?t)\W+$",
    ),
    Rule(
        "intimidation",
        rf"(?:wait|just wait|w8) (?:til|till|until|untill|tl) (?:i|we|my \w+) (?:gets? hold of|gets? my hands on|"
        rf"get our hands on) {_WHO}",
        0.78,
        "wait till I get my hands on her",
        triggers="wait|wb",
        negatable=False,
    ),
    Rule(
        "intimidation",
        r"(?:let s|lets|we ll|we will|then we ll|i ll) see how (?:brave|tough|hard|big|clever|cocky|mouthy|gobby|smart"
        r"|smug|lippy|big and hard) (?:he|she|they|you|u|that \w+) (?:is|are|s|re|feels?|looks?|really is)"
        r"(?: (?:then|now|face to face|in person|without|when|after|outside|on (?:his|her|their) own))?",
        0.62,
        "let's see how brave he is",
        triggers="see how|seehow",
        negatable=False,
    ),
    Rule(
        "wish_harm",
        r"(?:should|ought to|needs? to|wants? to|deserves? to|must|will|ll|gonna|going to) (?:all )?be (?:strung up|"
        r"lynched|hung drawn and quartered|taken out (?:back )?and shot|shot at dawn|put against a wall|"
        r"lined up against (?:a|the) wall|lined up and shot|put down like (?:a |the )?(?:dog|dogs|animal|animals))|"
        r"(?:string|hang) (?:him|her|them|em|the lot of them|them all|\w+ all) up",
        0.72,
        "should be strung up",
        triggers="strung|lynch|iynch|quartered|and shot|at dawn|against|lined|iined|put down|string",
        not_after=r"(?:lights|bunting|decorations|banners|flags|washing|lanterns|garlands|hammocks|nets|signs)\W+"
        r"(?:\w+\W+){0,2}$",
    ),
    Rule(
        "arson",
        r"(?:burn|torch|firebomb|petrol bomb|set fire to|blow up|bomb) (?:it|the place|the building|that place|this"
        r" place|the hospital|the surgery|the ward|the practice|the clinic|the lot|them)(?: down| up)? with (?:them|"
        r"the staff|everyone|every one|all of them|the lot of them|you|them all|you all|the (?:\w+ )?(?:staff|"
        r"doctors|nurses|managers|receptionists)) (?:still |all |locked )?(?:inside|in it|in there|in)",
        0.9,
        "burn it down with them inside",
        triggers="burn|torch|firebomb|petrol|fire to|blow|bomb",
    ),
    Rule(
        "intimidation",
        r"(?:she s|he s|they re|you re|ur|she is|he is|they are|you are) (?:lucky|fortunate) (?:i|we|my \w+) "
        r"(?:didn t|did not|didnt|never) (?:slap|deck|punch|hit|batter|knock|lamp|smack|kill|lay into|swing for|"
        r"glass|stab|chin|twat|thump|put (?:her|him|them) through)",
        0.62,
        "lucky I didn't slap her",
        triggers="lucky|iucky|fortunate",
        negatable=False,
    ),
    Rule(
        "wish_harm",
        r"(?:hope|wish|pray) (?:someone|somebody|they|one day someone|a patient|someone s relative) (?:stabs|shoots|"
        r"kills|batters|runs over|glasses|beats up|attacks|does in|burns down|torches) (?:her|him|them|you|u|that|"
        r"the|those|this|every|all)",
        0.75,
        "hope someone stabs her",
        triggers="stabs|shoots|kills|kiiis|batters|runs over|glasses|giasses|beats up|attacks|does in|burns down|"
        "torches",
    ),
]
