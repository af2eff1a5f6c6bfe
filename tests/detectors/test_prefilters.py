"""The shared pre-passes that let detectors skip their patterns: they must never skip a text a pattern would match.

``phrases.TRIGGERS`` runs every phrase lexicon's triggers in one Aho-Corasick pass over the normalised text;
``lexicon.text_tokens`` turns a normalised text into the word keys that pick candidate lexicon terms. Both are
compared here with the plain definitions they replace, on ordinary, hostile and disguised texts.
"""

from __future__ import annotations

import itertools
import random

import pytest

from steward.detectors import phrases
from steward.detectors.extremism import ExtremismDetector
from steward.detectors.impersonation import ImpersonationDetector
from steward.detectors.intent import ComplaintDetector, UrgentMedicalDetector
from steward.detectors.lexicon import masked_tokens, text_tokens
from steward.detectors.normalise import normalise
from steward.detectors.phrases import TRIGGERS, Lexicon, Rule
from steward.detectors.safeguarding import ChildSafetyDetector, SelfHarmDetector
from steward.detectors.threat import ThreatDetector

SELF_HARM = SelfHarmDetector()


def _lexicons() -> list[Lexicon]:
    """Every phrase lexicon of the built-in detectors."""
    out: list[Lexicon] = []
    for det in (
        SELF_HARM,
        ChildSafetyDetector(),
        ExtremismDetector(),
        UrgentMedicalDetector(),
        ComplaintDetector(),
        ThreatDetector(),
        ImpersonationDetector(),
    ):
        out.extend(v for v in vars(det).values() if isinstance(v, Lexicon))
    out.append(phrases.Lexicon([]))  # no rules at all
    return out


LEXICONS = _lexicons()

#: Ordinary comments, hostile input and disguised spellings (leetspeak, spaced letters, homoglyphs, zero-width
#: characters, fullwidth letters, combining marks) of phrases the lexicons look for.
TEXTS = [
    "",
    "Thanks to the team at the surgery, lovely staff",
    "Is there anything for dads? Everything seems aimed at mums.",
    "I want to die",
    "i w4nt t0 d1e",
    "ki11 y0urse1f",
    "k y s",
    "k.y.s loser",
    "K-Y-S",
    "I want to d\u200bie",
    "i wаnt tо diе",  # Cyrillic а, о, е
    "I'm going to k i l l myself",
    "I'm going to ｋｉｌｌ myself",  # fullwidth
    "ki\u0301ll myse\u0301lf",  # combining accents
    "k\u200bi\u200cl\u200dl y\u2060o\u00adu",  # zero-width characters and a soft hyphen
    "my husband is having a stroke what do i do",
    "my daughter is 12 and some man keeps messaging her asking for pics",
    "I'll find out where you live",
    "I'm from the NHS, send me your NHS number",
    "I want to make a formal complaint about my mum's care on ward 6",
    "1488 death to doctors",
    "卐",
    "a" * 5000,
    "kys " * 300,
    "\u200b" * 100 + "die",
]


def _rules_with_trigger(lexicon: Lexicon, text: str) -> tuple[int, ...]:
    """The definition the shared pass replaces: rules with a trigger that is a substring of the text."""
    return tuple(i for i, rule in enumerate(lexicon.rules) if any(t and t in text for t in rule.triggers.split("|")))


def _random_texts(n: int) -> list[str]:
    rng = random.Random(7)
    pieces = ["kill", "k1ll", "die", "d1e", "kys", "myself", "you", "dm", "me", "a&e", "999", "ward", " ", ".", "-"]
    pieces += ["\u200b", "а", "о", "ｋ", "0", "1", "3", "!", "@", "*", "\n", "\x1c", "\u2028", "\u3000", "\x85"]
    pieces += ["aa", "bbb", "x", "yy", "\u00a0", "\t", "#", "'", "\u2019", "-"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30))) for _ in range(n)]


@pytest.mark.parametrize("text", TEXTS + _random_texts(300))
def test_shared_trigger_pass_matches_per_rule_substring_test(text: str) -> None:
    ntext = normalise(text).text
    active = TRIGGERS.active(ntext)
    for lexicon in LEXICONS:
        assert active.get(lexicon._key, ()) == _rules_with_trigger(lexicon, ntext), (text, lexicon.rules[:1])


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [
        ("k y s", "kys"),
        ("K-Y-S", "kys"),
        ("ki11 y0urse1f", "kill yourself"),
        ("I'm going to k i l l myself", "I'm going to kill myself"),
        ("I'm going to ｋｉｌｌ myself", "I'm going to kill myself"),
        ("ki\u0301ll myse\u0301lf tonight", "kill myself tonight"),
        ("I want to d\u200bie", "I want to die"),
        ("i wаnt tо diе", "i want to die"),
        ("my hu\u200bsband is h4ving a str0ke", "my husband is having a stroke"),
    ],
)
def test_disguised_phrases_still_reach_their_rules(disguised: str, plain: str) -> None:
    for lexicon in LEXICONS:
        expected = [h.rule.label for h in lexicon.scan(plain)]
        assert [h.rule.label for h in lexicon.scan(disguised)] == expected, (disguised, expected)
    assert SELF_HARM._lexicon.scan(disguised) or "stroke" in plain


def test_same_rules_share_one_entry() -> None:
    rules = [Rule("k", "zzqx thing", 0.5, "zzqx", triggers="zzqx")]
    first, second = Lexicon(rules), Lexicon(list(rules))
    assert first._key == second._key
    again = SelfHarmDetector()
    assert again._lexicon._key == SELF_HARM._lexicon._key
    assert [h.rule.label for h in first.scan("a zzqx thing")] == ["zzqx"]
    assert first.scan("nothing here") == []


def test_rules_without_triggers_never_run() -> None:
    lexicon = Lexicon([Rule("k", "anything", 0.5, "no trigger", triggers="")])
    assert lexicon.scan("anything") == []


def _text_tokens_plain(text: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """``text_tokens`` as first written: every word's 3-, 4- and 5-character heads, collapsed heads of words with
    a repeat early on."""
    split = str.maketrans(
        {**dict.fromkeys('!?:;"()[]{}<>.,-/#@\u201c\u201d', " "), **dict.fromkeys("'\u2019\u2018", None)}
    )
    words = text.translate(split).split()
    plain = frozenset({w[:3] for w in words} | {w[:4] for w in words} | {w[:5] for w in words})
    doubled = [
        "".join(ch for ch, _ in itertools.groupby(w[:10]))
        for w in words
        if len(w) > 2 and (w[0] == w[1] or w[1] == w[2] or w[2:3] == w[3:4] or w[3:4] == w[4:5])
    ]
    collapsed = frozenset({w[:3] for w in doubled} | {w[:4] for w in doubled} | {w[:5] for w in doubled})
    # a mask symbol right after a letter (``str.isalnum`` less decimal digits: what stdlib ``[^\W\d_]`` means)
    has_mask = any(a.isalnum() and not a.isdecimal() and b in "*#" for a, b in itertools.pairwise(text))
    return plain, collapsed, has_mask


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "fuuuuck offff",
        "cunnnnnt",
        "aaa bbbb ccccccccccccc",
        "ass as a",
        "kiiilll yourselllf",
        "f**k #fff# b*ll*cks",
        "5* service, C# and A*, no#1 ##12 #nhs *sigh*",
        "²* ½# _* ٣* ж*",
        "don't it's you're",
        "x\n\ny\tz\u00a0w",
        "ööö zz\u0301z",
        *_random_texts(300),
    ],
)
def test_text_tokens_matches_the_plain_definition(text: str) -> None:
    for t in (text, normalise(text).text):
        got, expected = text_tokens.__wrapped__(t), _text_tokens_plain(t)
        assert got == expected
        if masked_tokens.__wrapped__(t):  # has_mask lets lexicons skip masked words: never when there is one
            assert got[2]
        # the same iteration order too: which of two entries matching one span wins depends on it
        assert [list(got[0]), list(got[1])] == [list(expected[0]), list(expected[1])]


def _compare_reference(
    what: str, value: str, sk: str, raw: str, psk: str, has_handle: bool
) -> tuple[float, str, str] | None:
    """``ImpersonationDetector._compare`` without the length shortcut: the full distance and ratio tests."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    from steward.detectors.impersonation import _plain

    label = "display name" if what == "name" else "handle"
    shown = raw[:80]
    if sk == psk:
        if _plain(value) == _plain(raw):
            if what == "name" and has_handle:
                return 0.85, "copied_name", f"Author {label} copies the protected name {shown!r} exactly."
            return None
        return 0.95, f"confusable_{what}", f"Author {label} is a look-alike of {shown!r} (same skeleton)."
    if len(psk) < 6:
        return None
    distance = Levenshtein.distance(sk, psk, score_cutoff=3)
    ratio = fuzz.ratio(sk, psk)
    if ratio >= 90.0 or (len(psk) > 8 and 1 <= distance <= 2):
        return (
            0.8,
            f"lookalike_{what}",
            f"Author {label} is within edit distance {distance} of {shown!r} (similarity {ratio:.0f}).",
        )
    if what == "name" and len(psk) >= 8 and psk in sk:
        return 0.6, "contains_name", f"Author {label} contains the protected name {shown!r}."
    return None


def _name_pairs() -> list[tuple[str, str]]:
    protected = ["NHS Surrey Heartlands", "@NHSSurreyHeartlands", "Royal Surrey NHS", "NHS 111", "Bradford Care"]
    authors = ["Owen Chen", "NHS Surrey Heartland", "NHS Surrey Heartlands Support Team", "nhs5urreyheart1ands"]
    authors += ["Royal Surrey", "Royal Surrey NHS Foundation Trust", "NHS Surreyy Heartlandss", "x", "NHS"]
    rng = random.Random(11)
    letters = "nhsurreyheatlandsbo1l "
    for base in protected:
        for _ in range(60):
            chars = list(base.lower())
            for _ in range(rng.randrange(0, 6)):
                op = rng.randrange(3)
                k = rng.randrange(len(chars) + 1)
                if op == 0:
                    chars.insert(k, rng.choice(letters))
                elif chars and op == 1:
                    del chars[min(k, len(chars) - 1)]
                elif chars:
                    chars[min(k, len(chars) - 1)] = rng.choice(letters)
            authors.append("".join(chars) or "z")
    return [(a, p) for a in authors for p in protected]


def test_impersonation_length_shortcut_changes_nothing() -> None:
    from steward.detectors.impersonation import _skeleton

    detector = ImpersonationDetector()
    for value, raw in _name_pairs():
        sk, psk = _skeleton(value), _skeleton(raw)
        if not sk or not psk:
            continue
        for what in ("name", "handle"):
            for has_handle in (True, False):
                got = detector._compare(what, value, sk, raw, psk, has_handle)
                assert got == _compare_reference(what, value, sk, raw, psk, has_handle), (what, value, raw)
