"""Violent extremism: support for proscribed organisations, glorification of attacks, calls to violence.

Lexicon rules (see ``phrases``). Naming an organisation or an attack is never enough: news and comment ("the
attack in Manchester was horrific", "those who support ISIS should be prosecuted") are not findings; support
("I support ...", "long live ..."), praise ("... were heroes") and calls to act ("time to take up arms") are.
The organisation list is a compact subset of the UK proscribed list.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.phrases import Lexicon, Rule, clip

_ORGS = (
    "(?:isis|isil|daesh|daish|islamic state|al qaeda|al qaida|al qa ida|alqaeda|al shabaab|al shabab|boko haram|"
    "hamas|hizballah|hezbollah|hizbollah|national action|sonnenkrieg division|sonnenkrieg|atomwaffen division|"
    "atomwaffen|feuerkrieg division|feuerkrieg|terrorgram|maniacs murder cult|russian imperial movement|"
    "wagner group|palestine action|system resistance network|scottish dawn|real ira|the ira|ira|uvf|uda|"
    "lashkar e tayyiba|jemaah islamiyah|ttp)"
)
_ORG_TRIGGERS = (
    "isis|isil|daesh|daish|islamic|qaeda|qaida|qa ida|qa eda|shabab|shabaab|boko|hamas|hizb|hezb|"
    "national|nationai|sonnenkrieg|atomwaffen|feuerkrieg|terrorgram|maniacs|imperial|wagner|"
    "palestine|paiestine|resistance|scottish| ira|ira |uvf| uda|lashkar|jemaah| ttp"
)
_ATTACKER = (
    "(?:suicide bomber|bomber|bombers|attacker|attackers|shooter|shooters|gunman|gunmen|terrorist|terrorists|"
    "jihadi|jihadis|mujahideen|breivik|tarrant|brenton tarrant|salman abedi|abedi|bin laden|osama|thomas mair|"
    "khalid masood|darren osborne|dylann roof)"
)
_GROUPS = (
    "(?:muslims|jews|christians|immigrants|migrants|refugees|asylum seekers|blacks|whites|gays|trans people|"
    "infidels|kafirs|kuffar|pakis|foreigners|hindus|sikhs|gypsies|travellers|arabs|asians|africans|poles|"
    "somalis|roma)"
)

_EXTREMISM_RULES = [
    Rule(
        "proscribed_support",
        rf"(?:i|we) (?:\w+ )?(?:support|back|love|stand with|salute|praise|am with|m with|are with) (?:the )?{_ORGS}|"
        rf"(?:long live|victory to|glory to|all hail|hail|join|support|pledge allegiance to|donate to|"
        rf"fund) (?:the )?{_ORGS}",
        0.85,
        "support for a proscribed organisation",
        triggers=_ORG_TRIGGERS,
        not_after=r"\b(?:to|who|that|which|those|people|against|anyone)\s+",
    ),
    Rule(
        "proscribed_support",
        rf"{_ORGS} (?:are|is|were|was) (?:\w+ )?(?:right|heroes|martyrs|freedom fighters|the answer|our only hope|"
        r"doing god s work|legends|not terrorists)|" + _ORGS + " did nothing wrong",
        0.85,
        "praise of a proscribed organisation",
        triggers=_ORG_TRIGGERS,
    ),
    Rule(
        "glorification",
        rf"{_ATTACKER} (?:was|were|is|are) (?:a |an |the |true |real |my |our |fucking )*(?:hero|heroes|"
        r"martyr|martyrs|legend|legends|saint|saints|icon|icons|right)|"
        rf"(?:hero|heroes|martyr|martyrs|legend|legends|saint|st) (?:like |such as )?{_ATTACKER}|"
        rf"{_ATTACKER} did nothing wrong",
        0.85,
        "attacker called a hero",
        triggers="bomb|attack|shoot|gunm|terror|jihad|mujahid|breivik|tarrant|abedi|laden|osama|mair|masood|osborne|roof",
    ),
    Rule(
        "glorification",
        r"(?:the|that|this|these) (?:attack|attacks|bombing|bombings|shooting|shootings|massacre|beheading|"
        r"stabbing|stabbings) (?:was|were|is|are) (?:\w+ )?(?:justified|deserved|well deserved|glorious|beautiful|"
        r"a success|a good thing|long overdue)|(?:we need|need|hope there are|i want|bring on) more (?:attacks|"
        r"bombings|shootings|massacres|beheadings)|should (?:have|of|ve) killed more",
        0.85,
        "attack glorified",
        triggers="attack|bomb|shoot|massacre|behead|stab|killed more|kiiied more",
    ),
    Rule(
        "call_to_violence",
        rf"(?:kill|exterminate|wipe out|gas|hang|shoot|bomb|burn|eradicate|slaughter|behead) (?:all|every|every "
        rf"last|all the|all of the|the) {_GROUPS}",
        0.9,
        "call to kill a group",
        triggers="muslim|jew|christian|immigr|migrant|refugee|asylum|black|biack|white|gay|trans|infidel|kafir|kuffar|paki|foreign|hindu|sikh|gyps|travel|arab|asian|africa|poles|somali|roma",
    ),
    Rule(
        "call_to_violence",
        r"(?:bomb|burn down|burn|torch|attack|shoot up|firebomb|storm) (?:the|a|every|all|that|this|their) "
        r"(?:mosques?|synagogues?|churches|church|temples?|gurdwaras?|asylum hotels?|migrant hotels?|"
        r"refugee hotels?|hotels)",
        0.85,
        "call to attack a place of worship or refuge",
        triggers="mosque|synagog|church|templ|gurdwara|hotel|hote",
    ),
    Rule(
        "call_to_violence",
        r"(?:time to|we must|we need to|we should|let s|lets|it s time to|rise up and|we will) (?:take up arms|"
        r"start killing|kill them all|fight back with guns|rise up and kill)|take up arms",
        0.8,
        "take up arms",
        triggers="arms|killing|kiiiing|kill them|kiii them|guns",
    ),
    Rule(
        "call_to_violence",
        r"race war (?:now|is coming|soon)|(?:start|bring on|begin) the race war|rahowa|day of the rope|"
        r"(?:wage|declare|violent|join the) jihad|jihad against|holy war against",
        0.85,
        "race war / holy war",
        triggers="race|rahowa|rope|jihad|holy|hoiy",
    ),
    Rule(
        "call_to_violence",
        r"(?:rise up|unite|mobilise|mobilize|arm (?:up|yourselves|ourselves)) (?:and )?(?:take (?:them|it|(?:the|these|"
        r"those|their) \w+) (?:down|out)|attack|destroy|storm|burn|kill|smash|tear (?:them|it) down|"
        r"shut (?:them|it) down by force)",
        0.85,
        "rise up and take them down",
        triggers="rise|unite|mobili|arm",
    ),
    Rule(
        "call_to_violence",
        r"(?:hospitals?|clinics?|(?:vaccine|vaccination) (?:centres?|centers?|hubs?)|nhs (?:sites?|buildings?|trusts?|"
        r"staff|hospitals)|gp surgeries|(?:the|these|those) (?:doctors|nurses|clinics|hospitals|vaccinators)) (?:\w+ )"
        r"{0,3}(?:will be|are|should be|would be|must be|have to be|need to be) (?:the |our )?(?:first|1st|legitimate|"
        r"fair|primary|prime|next|main) (?:targets?|to go|to burn|on the list)",
        0.85,
        "NHS sites named as targets",
        triggers="target|to go|to burn|on the list",
    ),
    Rule(
        "call_to_violence",
        r"(?:a |the |some |few )?(?:bomb|bombs|grenade|grenades|petrol bombs?|molotovs?|nukes?|explosives?) (?:would|"
        r"will|could|might) do (?:more|a lot more|the world more|everyone more|us all more|far more|some) good "
        r"(?:in|at|to|than)|(?:that|this|the|their|every) (?:building|hospital|clinic|place|centre|center|site|"
        r"vaccine centre|trust|hq|headquarters) (?:should|needs to|ought to|deserves to|wants) (?:be )?(?:bombed|"
        r"blown up|burn(?:ed|t)? down|torched|firebombed|razed|levelled)",
        0.85,
        "bomb or burn the building",
        triggers="good|bomb|blown|burn|torch|razed|level|ievel",
    ),
    Rule(
        "call_to_violence",
        r"(?:someone|somebody|anyone|anybody|a real man|a real patriot) with (?:the |some |any |enough )?(?:guts|balls|"
        r"bottle|courage|backbone|spine|stones) (?:should|needs to|would|will|has to|must|to|could) (?:just )?(?:do "
        r"it|act|finish (?:it|them|the job)|take (?:them|it) out|go in|end this|deal with (?:it|them) properly|burn "
        r"\w+|bomb \w+|storm \w+|attack \w+)",
        0.75,
        "someone with the guts should do it",
        triggers="guts|balls|baiis|bottle|bottie|courage|backbone|spine|stones",
    ),
    Rule(
        "recruitment",
        r"(?:the |our )?(?:caliphate|khilafah|khilafa|dawlah|islamic state|ummah in sham) (?:needs|wants|calls|is "
        r"calling) (?:you|doctors|nurses|medics|brothers|sisters|engineers|fighters|more)|(?:join|come to|travel to|"
        r"make hijrah to|hijrah to) (?:the |our )?(?:caliphate|khilafah|mujahideen|dawlah|brothers in (?:syria|iraq|"
        r"sham)|lands of jihad)|(?:make|making|made) hijrah|(?:restore|establish|fight for|build|long live|support) "
        r"(?:the )?(?:caliphate|khilafah)",
        0.85,
        "recruitment to a caliphate",
        triggers="caliph|khilaf|dawlah|sham|hijrah|mujahid",
    ),
    Rule(
        "call_to_violence",
        r"(?:fight|kill|strike|slaughter|wage war on|war against|jihad against|terrori[sz]e|attack|leave|abandon) "
        r"(?:the )?(?:kuffar|kufar|kafirs|kaffirs|kuffaar|murtads|apostates|crusaders)",
        0.8,
        "hostility to the kuffar",
        triggers="kuf|kaf|murtad|apostat|crusader",
    ),
    Rule("extremist_slogan", r"kuffar|kufar|kuffaar", 0.4, "kuffar", triggers="kuf"),
    Rule(
        "call_to_violence",
        r"join the (?:real|true|actual|only) (?:fight|struggle|war|jihad|resistance|ummah|soldiers|army)"
        r"(?![^\p{L}]{0,4}(?:against (?:cancer|dementia|disease|illness|poverty|obesity|hunger|homelessness|stigma|"
        r"loneliness|covid|the virus|diabetes|heart|mnd|ms|parkinson|waiting)|for (?:better|fair|pay|patients|nurses|"
        r"doctors|the nhs|staff)))",
        0.65,
        "join the real fight",
        triggers="join",
    ),
    Rule(
        "extremist_slogan",
        r"sieg heil|heil hitler|ia88|ia 88|ia words|fourteen words|(?:white power|ww) ?(?:!|88)",
        0.7,
        "slogan",
        triggers="heil|power|ia88|ia 88|ia words|fourteen|ww",
    ),
]

_HEALTH = (
    r"(?:doctors|nurses|nhs staff|medics|vaccinators|scientists|gps|health workers|healthcare workers|traitors|"
    r"vaxxers|jabbers|pharma execs|midwives|consultants|surgeons)"
)
#: Violence aimed at health services in the language of the anti-vaccine and far-right fringes.
_HEALTH_RULES = [
    Rule(
        "call_to_violence",
        r"(?:they|you|you all|they all|y all|all of (?:you|them)|every (?:last )?(?:one|1) of (?:you|them)|these "
        r"\w+|those \w+|the traitors|traitors|you lot|them lot) (?:ll|will|are going to|re going to|re gonna|are "
        r"gonna|shall|should|must|deserve to|need to) (?:all )?(?:hang|be hanged|be hung|be executed|swing for "
        r"(?:this|it|what)|face (?:the rope|the noose|execution|the firing squad|a firing squad|the gallows)|be shot "
        r"for treason)(?=[^\p{L}\p{N}]*(?:$|[.!?,;])| (?:for|soon|one day|at|like|from|when|too|high|eventually|"
        r"mark my words|trust me|just wait|you watch|every|all|in public|then|yet|and)(?![\p{L}\p{N}]))",
        0.6,
        "they will hang",
        triggers="hang|hung|execut|rope|noose|firing|fiing|gallows|gaiiows|treason|swing",
    ),
    Rule(
        "call_to_violence",
        rf"(?:gas|hang|execute|lynch|exterminate|string up) (?:all |all the |every |every last |the |these |those )"
        rf"{_HEALTH}",
        0.8,
        "hang the doctors",
        triggers="gas the|gas all|gas every|gas these|gas those|hang|execut|lynch|iynch|extermin|string",
    ),
    Rule(
        "extremist_rhetoric",
        r"(?:nurses|doctors|nhs staff|medics|vaccinators|gps|scientists|health workers|healthcare workers|the nhs|"
        r"nhs|hospitals|big pharma|pharma|the staff) (?:are|is|were|r) (?:all |nothing but |just |literally )?(?:war "
        r"criminals|mass murderers|genocidal|complicit in (?:genocide|mass murder)|committing genocide|guilty of "
        r"(?:genocide|crimes against humanity))|(?:the )?(?:jab|jabs|vaccine|vaccines|vax|vaccination|booster|mrna) "
        r"(?:is|are|was|=) (?:a |an )?(?:genocide|mass murder|democide|bioweapon|depopulation|extermination)",
        0.45,
        "health staff called war criminals",
        triggers="crimina|criminai|murder|genocid|compiicit|complicit|crimes|democide|bioweapon|depopulat|extermin",
    ),
    Rule(
        "call_to_violence",
        r"nurem(?:berg|burg)(?: (?:2 0|2|two|ii|trials?|code trials?))*(?: (?:is|are|will be|s|re))? (?:coming|comin|"
        r"on (?:its|their|the) way|soon|closer)(?: for (?:you|u|them|y all|all of you|you all|every one of you|(?:the|"
        r"these|those|every|all|all the|all these) \w+)|(?=[^\p{L}\p{N}]*(?:$|[.!?;]))| soon)|see (?:you|u|y all) "
        r"(?:all )?(?:at|in) nurem(?:berg|burg)|(?:you|they|y all|every \w+|all of you|these \w+|doctors|nurses)"
        r"(?: \w+){0,3}? (?:will|ll|are going to|re going to|shall|should|must) (?:all )?(?:face|stand|be put on|"
        rf"go on|answer at|be tried at) (?:trial (?:at|in) )?(?:a |the )?nurem(?:berg|burg)|nurem(?:berg|burg) (?:2 0|"
        rf"2|two|trials?) (?:now )?for (?:the |all |every |these |those |all the )?(?:{_HEALTH}|you|them|nhs|staff)",
        0.7,
        "Nuremberg trials are coming for you",
        triggers="nurem",
    ),
    Rule(
        "glorification",
        r"(?:he|she|they|that (?:guy|man|lad|bloke|woman|fella)|the (?:guy|man|lad|bloke|woman|fella|attacker|"
        r"gunman)) (?:was|were|is|s|are) (?:an? |the )?(?:absolute |true |real |fucking |bloody |total |national )?"
        r"(?:hero|heroes|legend|legends|martyr|martyrs|patriot|patriots|saint) (?:for|after) (?:attacking|stabbing|"
        r"shooting|shooting up|bombing|burning|burning down|torching|killing|firebombing|smashing up|storming|"
        r"setting fire to) (?:the|that|those|these|a|them|her|him)",
        0.85,
        "hero for attacking",
        triggers="hero|legend|iegend|martyr|patriot|saint",
    ),
    Rule(
        "glorification",
        r"(?:he|she|they|that (?:guy|man|lad|bloke|woman|fella)|the (?:guy|man|lad|bloke|woman|fella)) (?:was|were|"
        r"is|s|are) (?:an? |the )?(?:absolute |true |real |fucking |bloody |total |national )?(?:hero|heroes|legend|"
        r"legends|martyr|martyrs|patriot|patriots) (?:for|after) (?:what (?:he|she|they) did|doing what (?:he|she|"
        r"they) did) (?:at|to|in|outside) (?:the |that |a |those )?(?:clinic|hospital|surgery|mosque|synagogue|"
        r"church|hotel|vaccine centre|vaccination centre|practice|abortion clinic|centre|school|asylum hotel|"
        r"migrant hotel|ward|a&e|building)",
        0.6,
        "hero for what he did at the clinic",
        triggers="hero|legend|iegend|martyr|patriot",
    ),
    Rule(
        "extremist_code",
        r"1488|14[/ ]?88|hh[/ ]?88|88[/ ]?hh|ia88|hhbb|[\u5350\u534d]",
        0.45,
        "neo-Nazi number code or swastika",
        triggers="1488|14/88|14 88|hh88|hh 88|88hh|88 hh|ia88|hhbb|\u5350|\u534d",
        not_after=r"[£$€.,:]$",
    ),
]
#: Words that turn a bare neo-Nazi code into an aimed one.
_CODE_TARGET = compile_pattern(
    r"\b(?:doctors?|nurses?|nhs|staff|hospitals?|jews?|muslims?|gps?|surgery|clinic|vaccinators?|immigrants?|"
    r"migrants?|blacks?|gays?|trans|asians?|refugees?|kill|gas|hang|burn|death\s+to|race\s+war|white\s+power)\b"
)
#: Thanks and care: "she was a hero for what she did at the hospital, she saved my dad" is praise of staff.
_GRATITUDE = compile_pattern(
    r"\b(?:thank\w*|saved|sav(?:e|ing)\s+(?:my|his|her|our)|car(?:e|ed|ing)\s+for|looked\s+after|for\s+(?:my|our|"
    r"us|me)|grateful|nurse|doctor|midwife|paramedic|surgeon)\b"
)


class ExtremismDetector:
    """Support for proscribed organisations, glorification of attacks and attackers, calls to violence."""

    name = "extremism"
    version = "1.1"
    categories = frozenset({Category.EXTREMISM.value})

    def __init__(self) -> None:
        self._lexicon = Lexicon([*_EXTREMISM_RULES, *_HEALTH_RULES])
        self._tag = tag("extremism_lexicon", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        hits = self._lexicon.scan(text)
        if not hits:
            return []
        out: list[Finding] = []
        # two different cues ("the caliphate needs doctors ... leave the kuffar") confirm each other when one of
        # them is plausible on its own
        together = len({h.rule.label for h in hits}) >= 2 and any(h.rule.score >= 0.55 for h in hits)
        for h in hits:
            score, note = h.rule.score, "."
            if h.rule.label == "hero for what he did at the clinic" and search(_GRATITUDE, text) is not None:
                continue  # praise of a member of staff
            if h.rule.kind == "extremist_code" and search(_CODE_TARGET, text) is not None:
                score, note = 0.75, " aimed at a group or service named in the text."
            if together:
                score, note = max(score, 0.85), " beside another extremism cue."
            why = f"Extremism lexicon entry '{h.rule.label}' ({h.rule.kind.replace('_', ' ')}){note}"
            out.append(h.finding(Category.EXTREMISM.value, self._tag, why, score=score))
        return out
