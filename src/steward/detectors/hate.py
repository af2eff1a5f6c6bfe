"""Hate: slurs, and attacks on a group protected by the Equality Act 2010.

Naming a group is never a finding ("I'm a gay man", "my Muslim neighbour", "disabled patients deserve better").
A finding needs a slur (lexicons/hate.yaml) or an attack pattern around an identity word (lexicons/identity.yaml):

- dehumanising: "<group> are vermin / animals / a plague";
- violent or exclusionary: "all <group> should be deported / killed", "kill all <group>", "deport the <group>";
- hatred: "I hate <group>";
- hateful generalisation: "<group> are disgusting / criminals", "being <group> is vile", "a filthy <group>".

Identity words are found with the shared lexicon matcher (so "Musl1ms" and "mυslims" count), then a few small
patterns run on the words either side of each mention only.

A slur that is reported ("Got called a P*ki twice in A&E", "People still call my son a 'retard'") or used of
oneself ("I'm a proud dyke"; since 1.2 also "Old dyke here, 70 this year") is kind ``reported_slur`` at
``REPORTED_SCORE`` (since 1.1): below the pack's removal threshold, so a person reads it instead. On the training
files 6 of the 35 comments whose slur was removed were people telling how they or their patients were abused, or
naming themselves; removing them silences the targets.
A hostile writer can put "call" before a slur to reach a person instead of removal; that is the price, and the
abuse checks still act on the rest of the comment.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from steward.content import ContentItem, Finding
from steward.detectors.base import MAX_TEXT_CHARS, AssessContext, compile_pattern, finditer, search, tag
from steward.detectors.lexicon import LEXICON_DIR, Entry, Hit, Lexicon, hit_finding, load_lexicon
from steward.detectors.normalise import Normalised, normalise

__all__ = ["HateDetector", "identity_lexicon"]

_AGE = frozenset({"old", "older", "young", "younger", "elderly", "teenage", "middle aged", "millennial", "millenial"})
_PERSON = (
    r"(?:people|persons|folk|folks|men|women|man|woman|kids|children|families|family|community|communities|"
    r"immigrants|migrants|guys|lads|girls|boys|lot|ones|person|patients|staff|nurses|doctors)"
)
_NEG = (
    r"(?:evil|disgusting|filthy|dirty|horrible|terrible|awful|vile|repulsive|rotten|nasty|stupid|dumb|idiotic|"
    r"moronic|ugly|shitty|shite|inferior|worthless|sick|perverts?|perverted|degenerates?|unnatural|fucked|"
    r"criminals|rapists|terrorists|thieves|paedos|paedophiles|pedos|scroungers|idiots|liars|savages|"
    r"a\s+menace|a\s+threat|a\s+disgrace|an\s+abomination|a\s+drain|a\s+burden|the\s+problem)"
)
#: Score of a reported or self-applied slur: the pack reviews it (``hate-reported``) rather than removing it.
REPORTED_SCORE = 0.45
#: Just before a slur: a verb that reports what someone said or was called, or the writer naming themselves.
_REPORTED = compile_pattern(
    r"(?:\b(?:called|call|calls|calling|shouted|shouting|yelled|screamed|said|saying|told|heard|word|words|term|"
    r"slur|slurs|names?\s+like)\b(?:\W+\w+){0,5}\W*$)|(?:\b(?:i\s*m|i\s+am|as\s+an?|proud|fellow|we\s+re|we\s+are)"
    r"(?:\W+\w+){0,1}\W*(?:an?\W+)?$)"
)
#: The writer introducing themselves with the word, "Old dyke here, 70 this year", "Proud queer here!": at the start
#: of a sentence, at most two words before it (not "any", "too many", "you"...), and "here" right after it.
_SELF_INTRO_LEFT = compile_pattern(
    r"(?:^|[.!?\n]\s*)(?!(?:any|all|no|the|these|those|you|your|ur|u|some|more|many|too|so|of|are|is|bloody|"
    r"fucking|filthy|dirty|get|go|kill)\b)(?:\w+\W+){0,2}$"
)
_SELF_INTRO_RIGHT = compile_pattern(r"^\W{0,3}here\b(?!\s*(?:is|are|again|too|now)\b)")
#: Degrading predicates used only after "are / is" ("trans people are mentally ill"), never as adjectives.
_NEG_PRED = (
    r"(?:mentally\s+ill|mentally\s+unwell|delusional|sick\s+in\s+the\s+head|a\s+mental\s+illness|"
    r"groomers|predators|freaks|a\s+drain\s+on\s+\w+|a\s+burden\s+on\s+\w+|(?:taking|stealing|nicking)\s+our\s+"
    r"(?:jobs|houses|homes|beds)|ruining\s+(?:this|our|the)\s+(?:country|nhs|town)|not\s+welcome\s+here|"
    r"bed\s+blockers|useless\s+eaters|a\s+waste\s+of\s+(?:space|money|resources))"
)
_DEHUMANISE = (
    r"(?:vermin|animals|rats|cockroaches|roaches|parasites|scum|filth|subhuman|sub-human|a\s+disease|"
    r"a\s+plague|a\s+cancer|an\s+infestation|pests|apes|monkeys|pigs|leeches|insects|trash|garbage|"
    r"not\s+human|less\s+than\s+human|an\s+invasion|invaders|a\s+virus)"
)
_VIOLENT = (
    r"(?:killed|shot|gassed|hanged|hung|burned|burnt|exterminated|wiped\s+out|eradicated|sterilised|"
    r"sterilized|lynched|slaughtered|put\s+down|die|executed|euthani[sz]ed|culled|left\s+to\s+die)"
)
_EXCLUDE = (
    r"(?:deported|locked\s+up|banned|sent\s+back|kicked\s+out|thrown\s+out|go\s+back|get\s+out|fuck\s+off|"
    r"removed|leave|rounded\s+up)"
)
_QUANT = r"(?:all\s+(?:the\s+|of\s+the\s+)?|the\s+|these\s+|those\s+|every\s+|bloody\s+|fucking\s+|filthy\s+)?"

_LEFT = compile_pattern(
    r"(?r)"
    rf"(?:(?P<violent>(?:kill|murder|exterminate|gas|hang|shoot|slaughter|eradicate|wipe\s+out|destroy|lynch|"
    rf"burn|get\s+rid\s+of|death\s+to)\s+{_QUANT})"
    rf"|(?P<exclude>(?:deport|expel|kick\s+out|throw\s+out|send\s+back|round\s+up|no\s+more)\s+{_QUANT})"
    rf"|(?P<hatred>(?:(?<![\p{{L}}])(?:i|we)\s+|^\s*|(?<=[.!?])\s*)(?:really\s+|fucking\s+|just\s+|do\s+)?"
    rf"(?:hate|despise|detest|loathe|can'?t\s+stand|cannot\s+stand)\s+{_QUANT})"
    rf"|(?P<negadj>(?:^|(?<=[^\p{{L}}]))(?:a|an|the|those|these|all|some|bloody|fucking)\s+(?:[a-z]+\s+)?"
    rf"(?:{_NEG})\s+))$"
)
_RIGHT = compile_pattern(
    rf"^(?:\s+{_PERSON})?\s*(?:(?P<dehumanising>(?:are|r|is)\s+(?:all\s+|just\s+|nothing\s+but\s+|like\s+|"
    rf"basically\s+|literally\s+|fucking\s+|bloody\s+){{0,3}}+{_DEHUMANISE})"
    rf"|(?P<violent>(?:should|must|need\s+to|needs\s+to|ought\s+to|deserve\s+to|deserves\s+to|have\s+to)\s+"
    rf"(?:all\s+|just\s+|simply\s+|all\s+just\s+|just\s+all\s+)?(?:be\s+|get\s+)?{_VIOLENT})"
    rf"|(?P<exclude>(?:should|must|need\s+to|needs\s+to|ought\s+to|have\s+to)\s+(?:all\s+)?(?:be\s+|get\s+)?"
    rf"{_EXCLUDE})"
    rf"|(?P<generalise>(?:are|r|is)\s+(?:all\s+|so\s+|just\s+|really\s+|fucking\s+|bloody\s+){{0,3}}+"
    rf"(?:{_NEG}|{_NEG_PRED}))"
    rf"|(?P<exclude2>(?:shouldn'?t|should\s+not|should\s+never|mustn'?t|must\s+not)\s+be\s+(?:allowed|let)\s+"
    r"(?:anywhere\s+near|near|in|into|on|to\s+(?:work|practise|practice|treat|come|stay|live|vote|adopt)|here)"
    r"|(?:don'?t|do\s+not)\s+belong\s+(?:here|in\s+(?:this|our)\s+country|in\s+(?:the\s+)?(?:uk|britain|"
    r"england|nhs)))"
    rf"|(?P<deny>(?:shouldn'?t|should\s+not|should\s+never|don'?t\s+deserve\s+to|do\s+not\s+deserve\s+to)\s+"
    r"(?:get|be\s+given|receive|have)\s+(?:any\s+|free\s+|our\s+)?(?:nhs\s+)?(?:money|treatment|care|funding|"
    r"operations|benefits|jobs|housing|beds)"
    r"|(?:can'?t|cannot|can\s+not|don'?t|do\s+not)\s+(?:even\s+)?speak\s+(?:proper\s+|any\s+|a\s+word\s+of\s+)?"
    r"english))"
    rf"(?![\p{{L}}])"
)
_AND = compile_pattern(r"^\s*(?:,|and|&|but|so)\s*(?=\S)")
#: Shopping and prescriptions: "send them all back" there means returning goods.
_GOODS = compile_pattern(
    r"\b(?:order\w*|size|sizes|refund\w*|return\w*|parcels?|amazon|shop\w*|faulty|broken|deliver\w*|"
    r"prescriptions?|tablets|meds|medication|letters?|forms?|samples?|results|boxes|shoes|clothes|glasses)\b"
)
#: After an adjective identity word the next word must be a person noun or the end of a clause.
_ADJ_TAIL = compile_pattern(rf"^(?:\s+{_PERSON}(?![\p{{L}}])|\s*(?:[.,!?;:]|$))")

_KINDS = {
    "violent": ("violent_hate", 0.92, "calls for violence against"),
    "exclude": ("exclusionary", 0.8, "calls for the exclusion of"),
    "hatred": ("hatred", 0.85, "expresses hatred of"),
    "negadj": ("hateful_generalisation", 0.7, "attaches a degrading word to"),
    "dehumanising": ("dehumanising", 0.92, "dehumanises"),
    "generalise": ("hateful_generalisation", 0.75, "makes a degrading generalisation about"),
    "exclude2": ("exclusionary", 0.8, "calls for the exclusion of"),
    "deny": ("exclusionary", 0.65, "would deny services or belonging to"),
}
#: Calls to remove people that are racist without naming the group ("send them all back where they came from").
_SEND_BACK = compile_pattern(
    r"(?<![\p{L}])(?:(?P<dest>(?:send|ship)\s+(?:them|em|'em|the\s+lot(?:\s+of\s+them)?)\s+(?:all\s+)?"
    r"(?:back|home)\s+(?:to\s+(?:where\s+they\s+(?:came|come)\s+from|their\s+(?:own\s+)?countr(?:y|ies))|"
    r"where\s+they\s+(?:came|come)\s+from|where\s+they\s+belong)"
    r"|go\s+back\s+(?:to\s+)?(?:your|ur|their|where\s+(?:you|u|they))\s+(?:own\s+)?(?:country|countries|"
    r"came\s+from|come\s+from|belong))"
    r"|(?P<bare>(?:send|ship)\s+(?:them|em|'em|the\s+lot(?:\s+of\s+them)?)\s+all\s+back|deport\s+(?:them|em|"
    r"'em|the\s+lot)(?:\s+all)?)(?=\s*(?:[.!?,;]|$)))"
)


@functools.cache
def identity_lexicon() -> Lexicon:
    """Identity words (lexicons/identity.yaml) as a lexicon: kind ``group`` (plural) or ``group_adj``."""
    path: Path = LEXICON_DIR / "identity.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = [Entry(str(t).lower(), "group", 0.0) for t in data["plural"]]
    plural = {e.term for e in entries}
    entries += [Entry(str(t).lower(), "group_adj", 0.0) for t in data["adjective"] if str(t).lower() not in plural]
    return Lexicon("identity", entries)


class HateDetector:
    """Slurs and attack patterns aimed at protected groups. Identity words alone never match."""

    name = "hate"
    version = "1.2"
    categories = frozenset({"hate"})

    def __init__(self) -> None:
        self._slurs = load_lexicon("hate")
        self._identity = identity_lexicon()
        self._tag_slur = tag("hate_slur_lexicon", self.version)
        self._tag_pattern = tag("hate_group_attack", self.version)

    @staticmethod
    def _reported(text: str, hit: Hit) -> bool:
        """Whether the slur at ``hit`` is reported, or said of the writer ("I'm a…", "… here")."""
        before = text[max(0, hit.norm_start - 60) : hit.norm_start]
        if search(_REPORTED, before) is not None:
            return True
        if search(_SELF_INTRO_RIGHT, text[hit.norm_end : hit.norm_end + 20]) is None:
            return False
        # ``^`` is the comment's real start: searched in place, not in a slice that may begin mid-sentence
        return search(_SELF_INTRO_LEFT, text, max(0, hit.norm_start - 40), hit.norm_start) is not None

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        norm = normalise(item.text[:MAX_TEXT_CHARS])
        out: list[Finding] = []
        for h in self._slurs.find(norm):
            if not self._reported(norm.text, h):
                out.append(hit_finding("hate", h, h.entry.weight, self._tag_slur,
                                       f"hate lexicon entry {h.entry.term!r} (slur)."))  # fmt: skip
            else:
                out.append(Finding("hate", "reported_slur", h.start, h.end, REPORTED_SCORE, self._tag_slur,
                                   f"hate lexicon entry {h.entry.term!r} (slur), reported or said of oneself "
                                   "('called me…', 'I'm a…', '… here'): a person decides."))  # fmt: skip
        for h in self._identity.find(norm):
            finding = self._attack(norm, h)
            if finding is not None:
                out.append(finding)
        text = norm.text
        if "back" in text or "deport" in text:
            for m in finditer(_SEND_BACK, text):
                start, end = norm.span(*m.span())
                if m.group("dest"):
                    score = 0.85
                elif search(_GOODS, text) is None:
                    score = 0.6
                else:
                    continue
                out.append(Finding("hate", "exclusionary", start, end, score, self._tag_pattern,
                                   "exclusionary: tells people to be sent or go back to another country."))  # fmt: skip
        return out

    def _attack(self, norm: Normalised, hit: Hit) -> Finding | None:
        text = norm.text
        is_adj = hit.entry.kind == "group_adj"
        right = text[hit.norm_end : hit.norm_end + 80]
        left = text[max(0, hit.norm_start - 60) : hit.norm_start]
        if is_adj and hit.entry.term in _AGE and not search(_ADJ_TAIL, right):
            return None
        m = search(_RIGHT, right)
        if m is not None and m.lastgroup is not None:
            group, end = m.lastgroup, m.end()
            # a second predicate joined by "and" may be the stronger one ("... can't speak English and shouldn't
            # be allowed near patients")
            more = search(_AND, right[end:])
            if more is not None:
                m2 = search(_RIGHT, right[end + more.end() :])
                if m2 is not None and m2.lastgroup is not None and _KINDS[m2.lastgroup][1] > _KINDS[group][1]:
                    group, end = m2.lastgroup, end + more.end() + m2.end()
            return self._finding(norm, hit, group, hit.norm_start, hit.norm_end + end)
        m = search(_LEFT, left)
        if m is not None and m.lastgroup is not None:
            group = m.lastgroup
            if group == "negadj" and (hit.entry.term in _AGE or (is_adj and not search(_ADJ_TAIL, right))):
                return None
            start = hit.norm_start - len(left) + m.start()
            return self._finding(norm, hit, group, start, hit.norm_end)
        return None

    def _finding(self, norm: Normalised, hit: Hit, group: str, start: int, end: int) -> Finding:
        kind, score, verb = _KINDS[group]
        o_start, o_end = norm.span(start, end)
        return Finding("hate", kind, o_start, o_end, score, self._tag_pattern,
                       f"{kind.replace('_', ' ')}: {verb} a protected group ({hit.entry.term!r}).")  # fmt: skip
