"""Threats of violence or harm against people, staff or buildings.

The threat lexicon (lexicons/threat.yaml) holds violent verbs and fixed intimidation phrases. A phrase ("I know
where you live", "you'll get what's coming") is a threat on its own. A violent verb is one only with a
first-person intent before it ("I'll", "I'm going to", "I'm going to come down there and") or an incitement
("someone should"), and a person or place after it ("you", "the receptionist", "the place"):

- "I'll kill you", "someone should burn the place down", "I'm going to come down there and smash the place up";
- NOT "this waiting list is killing me", "I could kill for a coffee", "smoking will kill you", "the heat is killing
  me": no first-person intent, or no person as the object.
"""

from __future__ import annotations

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, compile_pattern, search, tag
from steward.detectors.lexicon import Hit, hit_finding, load_lexicon
from steward.detectors.normalise import Normalised, normalise
from steward.detectors.phrases import Lexicon, Rule

__all__ = ["ThreatDetector"]

_PERSON = "(?:you|u|ya|her|him|them|that \\w+|the \\w+ (?:nurse|doctor|receptionist|manager|woman|man))"
_WILL = (
    "(?:i ll|i will|i m going to|i m gonna|im gonna|i m gunna|i swear i ll|we ll|we will|we re going to|we re gonna)"
)
#: Veiled and indirect threats, matched like the safeguarding phrases (spacing, leetspeak and look-alikes folded).
#: Explicit intent scores 0.85+, veiled 0.6-0.75; ``follow_up`` ("we'll be there Saturday") only counts beside
#: another threat in the text or in the thread before it.
_VEILED_RULES = [
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
_COLLOQUIAL_RULES = [
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
#: Public-safety warnings ("it's so icy, someone's going to get hurt") are not threats.
_SAFETY = compile_pattern(
    r"\b(?:ic[ey]|slip\w*|pothole\w*|trip\w*|fall\w*|dangerous|unsafe|hazard\w*|lighting|broken|crossing|traffic|"
    r"junction|speeding|wet floor|steps|stairs|road|cycl\w+|pavement|kerb|drivers?|bikes?|lifts?|escalator)\b"
)

#: First-person intent ending just before the verb.
_INTENT = compile_pattern(
    r"(?r)"
    r"(?<![\p{L}])(?:i'?ll|i\s+will|i\s+shall|i'?m\s+(?:going\s+to|gonna|gunna|gona|about\s+to)|"
    r"i\s+am\s+(?:going\s+to|gonna|about\s+to)|im\s+(?:going\s+to|gonna|gunna)|(?P<hedge>i'?d|i\s+would|i\s+could)|"
    r"i\s+(?:want|wanna|intend|plan)\s+to|i\s+swear\s+i'?ll|we'?ll|we\s+will|we'?re\s+(?:going\s+to|gonna)|"
    r"(?:come|coming|go|going)\s+(?:down|round|over|up)\s+(?:there\s+|here\s+)?(?:and|to)|"
    r"gonna|gunna|"
    r"(?:i'?ll|i\s+will|i'?m\s+(?:going\s+to|gonna)|im\s+(?:going\s+to|gonna))(?:\s+[\p{L}'&]+){1,5}?\s+and)"
    r"(?:\s+(?:fucking|bloody|literally|actually|really|personally|just|come\s+and|go\s+and))*+\s+$"
)
_VISIT = compile_pattern(r"(?:come|coming|go|going)\s+(?:down|round|over|up)\s+(?:there\s+|here\s+)?(?:and|to)")
_INCITE = compile_pattern(
    r"(?r)"
    r"(?<![\p{L}])(?:some(?:one|body)|people|we|you\s+lot|they)\s+(?:should|need\s+to|needs\s+to|ought\s+to|"
    r"must|will|is\s+going\s+to|are\s+going\s+to|gonna)(?:\s+(?:just|really|fucking|go\s+and|come\s+and))*+\s+$"
)
#: A person, staff member or building right after the verb.
_TARGET = compile_pattern(
    r"^\s*(?:(?:the\s+)?(?:fuck|shit|hell)\s+out\s+of\s+)?(?:you|u|ya|yous|youse|yer|your\s+\p{L}+|him|her|"
    r"them|every(?:one|body)|all\s+of\s+(?:you|them)|"
    r"(?:the|that|this|your|those|these|every|each|some|their|his)\s+(?:\p{L}+\s+)?(?:receptionists?|nurses?|doctors?|"
    r"drs?|gps?|consultants?|surgeons?|managers?|staff|workers?|lot|place|building|hospital|surgery|ward|"
    r"clinic|practice|reception|a&e|office|offices|cars?|windows?|bitch|bastards?|cunts?|twats?|idiots?|"
    r"woman|man|bloke|lady|girl|people|family|kids)|it\s+(?:all\s+)?down|the\s+place\s+up|[a-z]+\s+up)"
    r"(?![\p{L}])"
)


class ThreatDetector:
    """Violent threats, intimidation, incitement and wishes of harm."""

    name = "threat"
    version = "1.0"
    categories = frozenset({"threat"})

    def __init__(self) -> None:
        self._lexicon = load_lexicon("threat")
        self._tag_phrase = tag("threat_phrase_lexicon", self.version)
        self._tag_verb = tag("threat_intent_verb", self.version)
        self._veiled = Lexicon([*_VEILED_RULES, *_COLLOQUIAL_RULES])
        self._tag_veiled = tag("threat_veiled_phrase", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        out: list[Finding] = []
        for h in self._lexicon.find(norm):
            if h.entry.kind != "violent_verb":
                out.append(
                    hit_finding("threat", h, h.entry.weight, self._tag_phrase,
                                f"threat lexicon phrase {h.entry.term!r} ({h.entry.kind}).")
                )  # fmt: skip
                continue
            finding = self._verb(norm, h)
            if finding is not None:
                out.append(finding)
        out.extend(self._veiled_findings(item, out))
        return out

    def _veiled_findings(self, item: ContentItem, found: list[Finding]) -> list[Finding]:
        text = item.text[:MAX_TEXT_CHARS]
        hits = self._veiled.scan(text)
        if not hits:
            return []
        out: list[Finding] = []
        for h in hits:
            score, note = h.rule.score, ""
            if h.rule.label == "someone is going to get hurt" and search(_SAFETY, text) is not None:
                continue  # a warning about a hazard, not a threat
            if h.rule.kind == "follow_up":
                strong = any(f.score >= 0.6 for f in found) or any(
                    x.rule.kind != "follow_up" and x.rule.score >= 0.6 for x in hits
                )
                if not strong:
                    strong = any(
                        f.score >= 0.6
                        for entry in item.thread[-3:]
                        for f in self.detect(ContentItem(item.id, entry[:MAX_TEXT_CHARS]), AssessContext())
                    )
                if not strong:
                    continue
                score, note = 0.7, " after a threat in the same comment or thread"
            out.append(
                Finding(
                    "threat",
                    h.rule.kind,
                    h.start,
                    h.end,
                    score,
                    self._tag_veiled,
                    f"veiled threat phrase '{h.rule.label}'{note}.",
                )
            )
        return out

    def _verb(self, norm: Normalised, hit: Hit) -> Finding | None:
        text = norm.text
        left = text[max(0, hit.norm_start - 70) : hit.norm_start]
        # the verb itself may end in an object ("do you in", "get you"); otherwise look right for one
        has_object = " you" in hit.entry.term or hit.entry.term.endswith(" your")
        target = has_object or search(_TARGET, text[hit.norm_end : hit.norm_end + 50]) is not None
        intent = search(_INTENT, left)
        visit = intent is not None and search(_VISIT, intent.group()) is not None
        if not target and not visit:
            return None
        if intent is not None:
            kind, score, why = "violent_threat", hit.entry.weight, "a first-person intent"
            if intent.group("hedge"):
                score -= 0.2
        else:
            incite = search(_INCITE, left)
            if incite is None or hit.entry.target:
                return None
            intent = incite
            kind, score, why = "incitement", hit.entry.weight - 0.05, "a call on others"
        start = hit.norm_start - len(left) + intent.start()
        end = hit.norm_end
        m = search(_TARGET, text[hit.norm_end : hit.norm_end + 50])
        if m is not None:
            end = hit.norm_end + m.end()
        o_start, o_end = norm.span(start, end)
        return Finding("threat", kind, o_start, o_end, round(score, 4), self._tag_verb,
                       f"violent verb {hit.entry.term!r} after {why}, aimed at a person or place.")  # fmt: skip
