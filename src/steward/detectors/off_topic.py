"""Off-topic: a long comment that shares almost no content words with the post it replies to.

Deliberately conservative, because removing a comment for being off-topic takes away someone's say. Nothing is
reported unless ``item.post`` is present and the comment has at least ``min_words`` content words; generic
replies ("thank you", "well done", "great news") and questions to the organisation are on-topic by definition;
and on a health post any health or NHS word in the comment counts as shared topic ("the NHS is on its knees" is
on-topic under a flu-jab post). Similarity is the share of the comment's content words (stop words removed,
simple suffix stripping) found in the post or, on a health post, in the health lexicon. A comment with none
scores 0.8-0.85; one with a little overlap stays below 0.5 and one with more is not reported.
"""

from __future__ import annotations

import string
from functools import lru_cache

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, tag
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
    ward surgery pharmacy pharmacist medicin medication treatment ambulanc paramedic waiting test covid flu
    mental midwife dentist dental service practic ill illness sick symptom diagnos scan operat consultant
    referral prescription a&e emergency icb ccg trust carer social nhs111 therapy therapist cancer diabet
    heart stroke baby pregnan matern child vaccine immunis injection dose queue wait receptionist"""
)


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


@lru_cache(maxsize=16_384)
def _is_domain(word: str) -> bool:
    """A health/NHS word: in the lexicon, or starting with one of its longer stems ("vaccinations")."""
    return word in _DOMAIN_STEMS or any(word[:n] in _DOMAIN_PREFIXES for n in _PREFIX_LENGTHS if n <= len(word))


@lru_cache(maxsize=256)
def _post_words(post: str) -> frozenset[str]:
    """Content words of a post; cached, since many comments reply to the same post."""
    return frozenset(content_words(clip(post)))


class OffTopicDetector:
    """Low lexical similarity between a long comment and the post it replies to."""

    name = "off_topic"
    version = "1.0"
    categories = frozenset({Category.OFF_TOPIC.value})

    def __init__(self, min_words: int = 8, max_similarity: float = 0.1) -> None:
        self.min_words = min_words
        self.max_similarity = max_similarity
        self._tag = tag("off_topic_overlap", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        if not item.post:
            return []
        text = clip(item.text)
        words = tokens(text)
        distinct = {stem(w) for w in words if len(w) > 2 and w not in _STOP}
        if len(distinct) < self.min_words:
            return []
        low = text.lower()
        if any(g in low for g in _GENERIC) or ("?" in text and ("you" in words or "your" in words)):
            return []  # a generic reply, or a question to the organisation
        post = _post_words(item.post)
        shared = distinct & post
        if any(_is_domain(w) for w in post):
            shared |= {w for w in distinct if _is_domain(w)}
        similarity = len(shared) / len(distinct)
        if similarity >= self.max_similarity:
            return []
        if not shared:
            score = 0.85 if len(distinct) >= 15 else 0.8
        else:
            score = round(0.45 * (1 - similarity / self.max_similarity), 3)
        return [
            Finding(
                Category.OFF_TOPIC.value,
                "low_similarity",
                0,
                len(text),
                score,
                self._tag,
                f"Comment shares {len(shared)} of its {len(distinct)} content words with the post or its health "
                f"topic (similarity {similarity:.2f}).",
            )
        ]
