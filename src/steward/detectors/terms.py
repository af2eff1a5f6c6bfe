"""Word-set matching of comma-separated terms in a normalised text (see ``Terms``).

Written as set tests, not one pattern: a ``regex`` alternation of ~80 literal words took ~30 µs a comment here
(the module does not compile such alternations into a trie), the set tests ~2 µs (measured 2026-12-06).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from steward.detectors.base import compile_pattern, search
from steward.detectors.lexicon import TOKEN_SPLIT


@dataclass(frozen=True, slots=True)
class Terms:
    """Comma-separated terms (see ``complaint_rules.SERVICE_TERMS``) matched as whole words of a normalised text."""

    words: frozenset[str]
    stems: tuple[str, ...]
    phrases: regex.Pattern[str] | None
    #: One word of each phrase, the rarest-looking: the phrase pattern runs only when one of them is in the text.
    phrase_keys: frozenset[str]
    #: The first five letters of each word, stem and phrase key: when none is among ``lexicon.text_tokens``' keys
    #: (computed once per text for every lexicon), no term can be present.
    keys: frozenset[str]

    @classmethod
    def parse(cls, spec: str) -> Terms:
        words: set[str] = set()
        stems: list[str] = []
        phrases: list[str] = []
        starts: set[str] = set()
        for term in (t.strip().replace("'", "") for t in spec.split(",")):
            if " " in term:
                phrases.append(regex.escape(term, special_only=True).replace("\\ ", r"[^\p{L}\p{N}]+"))
                starts.add(_key_word(term))
            elif term.endswith("*"):
                stems.append(term[:-1])
            elif term:
                words.add(term)
        pattern = (
            compile_pattern(rf"\b(?:{'|'.join(phrases)})(?![\p{{L}}\p{{N}}])", regex.VERSION1) if phrases else None
        )
        keys = frozenset(w[:5] for w in (*words, *stems, *starts))
        return cls(frozenset(words), tuple(stems), pattern, frozenset(starts), keys)

    def present(self, text: str, words: frozenset[str]) -> bool:
        """Whether any term is in ``text`` (normalised), whose words are ``words`` (see ``text_words``)."""
        if not self.words.isdisjoint(words) or any(w.startswith(self.stems) for w in words):
            return True
        if self.phrases is None or self.phrase_keys.isdisjoint(words):
            return False
        return search(self.phrases, text.replace("'", "").replace("\u2019", "")) is not None


#: Words too common to stand for a phrase ("a and e" is keyed by "e", "no reply" by "reply").
_COMMON_WORDS = "a the in and no not of to on up down away one"
_COMMON = frozenset(_COMMON_WORDS.split())


def _key_word(phrase: str) -> str:
    words = phrase.split(" ")
    rare = [w for w in words if w not in _COMMON]
    return max(rare, key=len) if rare else words[-1]


@functools.lru_cache(maxsize=32)
def text_words(text: str) -> frozenset[str]:
    """The words of a normalised text, split as ``lexicon.text_tokens`` splits them (apostrophes dropped)."""
    return frozenset(text.translate(TOKEN_SPLIT).split())
