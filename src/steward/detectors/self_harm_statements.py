"""Self-harm phrase rules, part 1 of 3 (see ``self_harm_rules``): explicit statements of intent or wish to die,
overdoses taken, self-injury and relapse told in the first person.
"""

from __future__ import annotations

from steward.detectors.phrases import Rule
from steward.detectors.self_harm_terms import I_AM, I_HAVE, NOT_KITCHEN, PILLS, SELF

STATEMENT_RULES = [
    # explicit first-person crisis statements
    Rule(
        "crisis_statement",
        rf"{I_AM} (?:going to|gonna|gunna|about to|planning to|planning on|ready to|trying to|thinking of|"
        rf"thinking about|gonna go) (?:kill|killing|end|ending|top|topping|off|offing) {SELF}",
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
        rf"{I_AM} (?:\w+ ){{0,2}}suicidal|(?:i feel|i ve been|i have been|been feeling|i m feeling|feeling|"
        r"i get|i m having|having|i have|i ve had|i keep having) (?:\w+ ){0,2}(?:suicidal|thoughts of suicide|"
        r"thoughts of killing myself|thoughts of ending my life)",
        0.9,
        "feeling suicidal",
        triggers="suicid|thoughts",
    ),
    Rule(
        "crisis_statement",
        rf"(?:{I_AM}|i) (?:going to |gonna |about to |planning to |want to |wanna |thinking of |thinking about |"
        r"considering )(?:commit(?:ting)? )?suicide|(?:writing |wrote |written )?my suicide (?:note|plan|letter)",
        0.9,
        "planning suicide",
        triggers="suicid",
    ),
    Rule(
        "disclosure",
        rf"{I_HAVE} (?:tried|attempted|tried to commit) suicide",
        0.75,
        "past suicide attempt",
        triggers="suicid",
    ),
    Rule("crisis_statement", r"kms", 0.8, "kms", triggers="kms", not_after=r"\d\s*"),
    # overdose and self-injury
    Rule(
        "overdose",
        rf"{I_HAVE} (?:just |already |now )?(?:taken|took|swallowed|had|done) (?:an |a )?(?:overdose|od)|"
        rf"{I_HAVE} (?:just |already )?overdosed|"
        rf"{I_HAVE} (?:just |already |now )?(?:taken|took|swallowed) (?:all|all of) (?:my|the|of my) {PILLS}|"
        rf"{I_HAVE} (?:just |already |now )?(?:taken|took|swallowed) (?:too many|loads of|a load of|"
        rf"a whole (?:packet|box|bottle|pack|strip) of|\w+ (?:packets|boxes|bottles) of|a handful of) {PILLS}",
        0.9,
        "overdose taken",
        triggers=" od|overdos|tab|pill|piil|meds|medic|parac|ibu|insu|sleep|sieep|codamol|codeine|antidep",
    ),
    Rule(
        "self_injury",
        rf"(?:{I_HAVE}|{I_AM}|i keep|keep|been|started|back to|gone back to|went back to|relapsed and|relapsed into) "
        r"(?:been |started |"
        r"keep |am |still |started |been )?(?:cutting|burning|harming|hurting|scratching|punching) (?:myself|my self|"
        rf"my arms|my legs|my wrists|my thighs){NOT_KITCHEN}|(?:{I_AM}|i|{I_HAVE} been|started|been|back to) "
        r"(?:still |started |been )?self (?:harming|harm)|my self harm|"
        rf"(?:{I_AM}|i|{I_HAVE} been|{I_HAVE} started|started|been|back to)[^\p{{L}}\p{{N}}]{{1,4}}(?:\w+ )?"
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
        rf"{I_HAVE} (?:cut|burnt|burned|harmed) (?:myself|my wrists|my arms)"
        r"(?!(?: again| today| yesterday| earlier)? (?:shaving|on|while|whilst|chopping|cooking|by accident|"
        r"accidentally|in the garden))",
        0.6,
        "cut myself",
        triggers="self|seif|wrist|arms",
    ),
]
