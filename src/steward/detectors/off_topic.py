"""Off-topic: a comment about a different subject from the post it replies to.

Deliberately conservative, because removing a comment for being off-topic takes away someone's say. Nothing is
reported unless ``item.post`` is present; generic replies ("thank you", "well done") and questions to the
organisation are on-topic by definition; and on an NHS page any health, care, family or illness word ("my son was
born there", "the school jabs", "my tablets", "the staff") makes a comment on-topic whatever the post was about,
so it is never reported. Otherwise similarity is the share of the comment's content words (stop words removed,
simple suffix stripping) found in the post or in the thread before it:

* no shared word, at least ``min_words`` content words, and a recognisable other subject (selling things, sport,
  traffic, shops and tradespeople, crypto): 0.8-0.85;
* a short question ("Anyone know a good plumber?", "Who's watching the England game?") of five words or more,
  or (since 1.2) any comment of three content words or more ("Selling a grey corner sofa, £80 ono", "Copy and
  paste this onto your wall"), with no shared word and a recognisable other subject: 0.8 (on
  ``bench/data/offtopic-dev.jsonl`` off-topic found 19 -> 35 of 90, none of its 170 on-topic comments flagged);
* no shared word but no recognisable other subject: 0.45; a little overlap: below 0.45; more: not reported.
"""

from __future__ import annotations

import string
from functools import lru_cache

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.phrases import clip

_SPLIT = str.maketrans({c: " " for c in string.punctuation + string.digits + "’‘“”…–—"})


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_STOP = _words(
    """a about above after again against all also am an and any are aren as at be because been before being below
    between both but by can cannot could couldn did didn do does doesn doing don down during each even ever every
    few for from further get gets getting got had hadn has hasn have haven having he her here hers herself him
    himself his how however i if in into is isn it its itself just let like ll me might more most much must my
    myself need no nor not now of off on once one only or other ought our ours ourselves out over own really re
    same say said see seem shan she should shouldn so some such than that the their theirs them themselves then
    there these they thing things think this those though through to too under until up upon us very ve was wasn
    way we well were weren what when where which while who whom why will with won would wouldn yes yet you your
    yours yourself yourselves lot lots still already always never anyone anything everyone everything someone
    something nothing people make made know go going gone come came back day days time today yesterday tomorrow
    good great bad want wants wanted look looking ok okay oh yeah im ive dont cant wont its thats theres"""
)
_GENERIC = (
    "thank",
    "thanks",
    "cheers",
    "well done",
    "great news",
    "good news",
    "brilliant",
    "fantastic",
    "amazing",
    "congratulations",
    "congrats",
    "keep up the good work",
    "great work",
    "shared",
    "agree",
    "bless",
)
_DOMAIN = _words(
    """nhs health healthcare hospital gp doctor nurse clinic vaccin jab booster appointment care patient staff
    ward surgery pharmacy pharmacist chemist medicin medication meds tablet pill inhaler insulin antibiotic
    prescription treatment ambulanc paramedic waiting test covid flu virus infect mental anxiety depress midwife
    dentist dental teeth optician ill illness sick poorly unwell symptom diagnos scan xray operat consultant
    referral a&e emergency icb ccg trust carer caring social nhs111 therapy therapist counsel cancer diabet heart
    stroke lung kidney liver blood pain hurt injur fever cough rash allergy asthma dementia disab wheelchair
    physio hospice baby babies born birth pregnan labour matern child children kid son daughter mum mom mam dad
    husband wife grandad grandma grandpa nan gran granny family parent school pupil vaccine immunis injection
    dose queue wait receptionist porter volunteer discharg admit admitted bed beds died death funeral passed
    dying life saved alive weight diet smok vape alcohol drug addict wellbeing healthy sleep tired exhausted
    check bloods sample 111 999
    suicid overdos attempt harm scar scars recover relaps crisis psych sectioned surviv samaritan grief griev
    bereave trauma ptsd dbt cbt camhs cmht disorder anorexi bulimi"""
)
#: Subjects that are plainly not about an NHS page's business: selling things, sport, traffic, shops and trades,
#: crypto and trading, lost pets. A comment must name one to be reported as clearly off-topic.
_OTHER_SUBJECT = _words(
    """sell selling sale ono bargain football footy league england
    fixture fixtures cricket rugby premier arsenal chelsea liverpool tottenham spurs villa darts snooker
    stadium referee kickoff traffic roadwork roadworks motorway junction jam diversion potholes tesco asda
    sainsbury sainsburys aldi lidl waitrose morrisons argos mcdonalds kfc pub pubs takeaway restaurant chippy
    plumber electrician builder roofer mechanic locksmith hairdresser barber bitcoin crypto cryptocurrency
    blockchain forex trading invest investment investor nft binance ethereum dogecoin
    puppy puppies kitten kittens netflix xbox playstation iphone concert gig festival tickets fireworks
    holiday holidays tenerife benidorm broadband"""
)
#: Everyday words that say nothing about a subject ("open", "local", "weekend"): never counted as shared.
_WEAK = _words(
    """open opens opening close closed closing local free new late early near nearby area town county place week
    weekend morning afternoon evening night tonight monday tuesday wednesday thursday friday saturday sunday
    available please help info anybody does know mine year years"""
)
#: Texts that start like a passer-by's question to the crowd, allowed to be shorter.
_ASKS_CROWD = compile_pattern(
    r"^\W*(?:anyone|anybody|does\s+anyone|does\s+anybody|has\s+anyone|is\s+anyone|can\s+anyone|who['’]?s|"
    r"who\s+is|what\s+time)\b"
)
_OTHER_PHRASE = compile_pattern(
    r"\b(?:[am]\d{1,4}|for\s+sale|world\s+cup|kick\s+off|open\s+late|man\s+u(?:td)?|collection\s+only|"
    r"(?:the|england|football|rugby|cricket|big|derby|cup|league)\s+(?:game|match)|crypto\s+wallets?|"
    r"council\s+tax|copy\s+(?:and|&)\s+paste|share\s+this\s+if|love\s+island|car\s+boot)\b"
)
#: Fewest content words a short comment needs to be judged at all, when it names another subject
#: ("Selling a grey corner sofa, £80 ono", "Lost black cat near Tesco, please share"); longer comments need
#: ``min_words``.
_SHORT_WITH_SUBJECT = 3
_DOMAIN_PHRASE = compile_pattern(r"a\s*&\s*e|a\s+and\s+e\b|\b(?:111|999)\b|walk[\s-]+in")


@lru_cache(maxsize=16_384)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "clinics"/"clinic", "vaccinated"/"vaccine", "booking"/"book"."""
    w = word
    for suffix, keep in (("ations", 3), ("ation", 3), ("ating", 3), ("ated", 3), ("ates", 3), ("ate", 3),
                         ("ings", 3), ("ing", 3), ("ies", 3), ("ied", 3), ("ed", 3), ("es", 3), ("ly", 3),
                         ("s", 3), ("e", 3)):  # fmt: skip
        if w.endswith(suffix) and len(w) - len(suffix) >= keep and not w.endswith("ss"):
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    return w


def tokens(text: str) -> list[str]:
    """Lower-cased words with punctuation and digits split away (apostrophes dropped: "don't" → "dont")."""
    return text.lower().replace("'", "").replace("’", "").translate(_SPLIT).split()


def content_words(text: str) -> list[str]:
    """Stemmed content words: stop words and words of one or two letters left out."""
    return [stem(w) for w in tokens(text) if len(w) > 2 and w not in _STOP]


_DOMAIN_STEMS = frozenset(stem(w) for w in _DOMAIN) | _DOMAIN


_DOMAIN_PREFIXES = frozenset(d for d in _DOMAIN if len(d) >= 5)
_PREFIX_LENGTHS = tuple(sorted({len(d) for d in _DOMAIN_PREFIXES}))


#: Words that start with a health stem but are not about health ("liver" in Liverpool, "birth" in birthday).
_FALSE_PREFIXED = frozenset({"liverpool", "birthday", "birthdays"})


@lru_cache(maxsize=16_384)
def _is_domain(word: str) -> bool:
    """A health/NHS word: in the lexicon, or starting with one of its longer stems ("vaccinations")."""
    if word in _FALSE_PREFIXED:
        return False
    return word in _DOMAIN_STEMS or any(word[:n] in _DOMAIN_PREFIXES for n in _PREFIX_LENGTHS if n <= len(word))


@lru_cache(maxsize=256)
def _post_words(post: str) -> frozenset[str]:
    """Content words of a post; cached, since many comments reply to the same post."""
    return frozenset(content_words(clip(post)))


def _may_name_service(low: str) -> bool:
    """Cheap prefilter for ``_DOMAIN_PHRASE``."""
    return "&" in low or " and e" in low or "111" in low or "999" in low or "walk" in low


@lru_cache(maxsize=256)
def _thread_words(thread: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for entry in thread for w in content_words(clip(entry)))


def _subject_words(words: list[str]) -> list[str]:
    """The words of ``words`` that name a subject plainly not an NHS page's business (``_OTHER_SUBJECT``)."""
    return sorted({w for w in words if w in _OTHER_SUBJECT} | {stem(w) for w in words} & _OTHER_SUBJECT)


class OffTopicDetector:
    """A comment about a plainly different subject, sharing no word with the post or thread (conservative)."""

    name = "off_topic"
    version = "1.2"
    categories = frozenset({Category.OFF_TOPIC.value})

    def __init__(self, min_words: int = 8, max_similarity: float = 0.1, min_question_words: int = 5) -> None:
        self.min_words = min_words
        self.max_similarity = max_similarity
        self.min_question_words = min_question_words
        self._tag = tag("off_topic_overlap", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        if not item.post:
            return []
        text = clip(item.text)
        words = tokens(text)
        distinct = {stem(w) for w in words if len(w) > 2 and w not in _STOP and w not in _WEAK}
        long_enough = len(distinct) >= self.min_words or (len(words) >= 10 and len(distinct) >= 4)
        crowd_question = "?" in text and search(_ASKS_CROWD, text) is not None
        low = text.lower()
        subject = _subject_words(words)
        phrase = search(_OTHER_PHRASE, low)
        short_other = len(distinct) >= _SHORT_WITH_SUBJECT and (bool(subject) or phrase is not None)
        if not long_enough and not short_other and not (crowd_question and len(words) >= self.min_question_words):
            return []
        if any(g in low for g in _GENERIC) or ("?" in text and ("you" in words or "your" in words)):
            return []  # a generic reply, or a question to the organisation
        if (
            not distinct
            or any(_is_domain(w) for w in distinct)
            or (_may_name_service(low) and search(_DOMAIN_PHRASE, low) is not None)
        ):
            return []  # health, care, family or illness: on-topic on an NHS page
        shared = distinct & (_post_words(item.post) | _thread_words(item.thread[-10:]))
        similarity = len(shared) / len(distinct)
        if similarity >= self.max_similarity:
            return []
        if shared:
            score = round(0.45 * (1 - similarity / self.max_similarity), 3)
            why = f"Comment shares {len(shared)} of its {len(distinct)} content words with the post or thread"
        elif subject or phrase is not None:
            score = 0.85 if len(distinct) >= 15 else 0.8
            cue = subject[0] if subject else phrase.group() if phrase is not None else ""
            why = (
                f"Comment shares none of its {len(distinct)} content words with the post or thread, has no health "
                f"word and is about something else ('{cue}')"
            )
        elif len(distinct) >= self.min_words:
            score = 0.45
            why = (
                f"Comment shares none of its {len(distinct)} content words with the post or thread but names no "
                "other subject"
            )
        else:
            return []
        return [
            Finding(
                Category.OFF_TOPIC.value,
                "low_similarity",
                0,
                len(text),
                score,
                self._tag,
                f"{why} (similarity {similarity:.2f}).",
            )
        ]
