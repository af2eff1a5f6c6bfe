"""Text normalisation for matching: fold disguises away while keeping a map back to the original text.

``normalise`` turns hostile spellings ("Ｆ𝐔сk", "f.u.c.k", "sh!t", "fuuuuck", "f\u200bu\u0301ck") into plain lower-case
Latin text that lexicons can match, and records for every normalised character the index of the original character
it came from, so a match can be reported as a span of the text the user actually wrote.

Steps, in order:

1. per character: drop format characters (zero-width joiners, soft hyphens, bidi controls), NFKD-decompose
   (fullwidth and mathematical alphanumerics become ASCII; accents split off), drop combining marks (zalgo),
   casefold, and fold confusable homoglyphs (Cyrillic а е о р с х, Greek ο ρ ν, ...) to the Latin letter they
   imitate. The confusable map is built at import from the ``confusable_homoglyphs`` data (only characters whose
   confusable is a single ASCII letter or digit, and not for characters NFKD already folds) plus a small hand list;
2. leetspeak inside words of letters (``0 1 3 4 5 7 8 @ $ ! |`` → ``o i e a s t b a s i l``); a token made only
   of digits, or a number with a unit ("4pm", "2nd", "10mg"), is left alone;
3. separators inserted between single letters are removed ("f.u.c.k", "f u c k", "f-u-c-k" → "fuck"); when such a
   run spells several words, a separator is kept after a leading "that"/"your"/... or before a closing
   "these"/"off"/... ("t h a t s h i t" → "that shit");
4. a dot (or middle dot, bullet) alone between two letters inside a word is removed ("idi.ot", "F.UCKING"), except
   in links, e-mail addresses and file names ("nhs.uk", "jo@x.net"), abbreviations and initials ("e.g.", "U.K.",
   "J.Cole"), sentence joins ("end.Then") and joins with a common word ("fuck.off", "idiot.lol").

Repeated letters ("fuuuuck", "cunnnt") are left in place: lexicon patterns let each letter repeat (and a doubled
letter such as the "ll" of "kill" needs at least two), which keeps this step cheap and offsets one-to-one.

Masking symbols ("f*ck") are kept as ``*`` for the lexicon matcher to treat as wildcards.
``skeleton`` goes further for comparing names and handles: it keeps letters and digits only, folds the
look-alike groups i/l/1 and rn/m, vv/w, and collapses every run to one character.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import regex
from confusable_homoglyphs import confusables

from steward.detectors.base import MAX_TEXT_CHARS, compile_pattern

__all__ = ["Normalised", "normalise", "skeleton"]


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text with ``offsets[i]`` = index in the original text of normalised character ``i``.

    ``offsets`` has one more entry than ``text``: the final one is ``len(original)``.
    """

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` back to a span of the original text.

        The end extends over characters dropped after the span's last character (combining marks,
        zero-width characters, separators), so the original span covers what the user wrote.
        """
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        o_start = self.offsets[start]
        if end == start:
            return o_start, o_start
        return o_start, max(self.offsets[end], self.offsets[end - 1] + 1)


# --- character folding -----------------------------------------------------------------------------------

#: Look-alikes the confusables data does not map to a single ASCII letter (or maps ambiguously).
_HAND_MAP: dict[str, str] = {
    # Cyrillic
    "к": "k", "м": "m", "н": "h", "т": "t", "в": "b", "у": "y", "г": "r", "п": "n", "л": "n", "и": "u",
    "ь": "b", "ё": "e", "ӏ": "l", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    # Greek
    "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "σ": "o", "ς": "c", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
    # Latin letters with strokes that NFKD does not split
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ƀ": "b", "ɨ": "i", "ʉ": "u", "æ": "ae", "œ": "oe",
    "ŀ": "l", "ŧ": "t", "ƶ": "z", "ɇ": "e",
    # capital-I look-alikes the confusables data maps to "l" (a capital I looks like an l, but folds to i)
    "І": "i", "Ι": "i", "Ӏ": "i", "Ɩ": "i",
    # typographic apostrophes and quotes
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
}  # fmt: skip


def _nfkd_ascii(char: str) -> bool:
    folded = unicodedata.normalize("NFKD", char)
    return len(folded) == 1 and folded.isascii() and folded.isalnum()


def _build_confusable_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for char, entries in confusables.confusables_data.items():
        if len(char) != 1 or char.isascii() or _nfkd_ascii(char):
            continue  # fullwidth and mathematical letters decompose to the right letter ("Ｉ" is "i", not "l")
        targets = {e["c"].lower() for e in entries if len(e["c"]) == 1 and e["c"].isascii() and e["c"].isalnum()}
        letters = {t for t in targets if t.isalpha()}
        pick = letters if letters else targets
        if len(pick) == 1:
            target = next(iter(pick))
            out[char] = target
            folded = char.casefold()
            if len(folded) == 1 and not folded.isascii():
                out.setdefault(folded, target)
    for k, v in _HAND_MAP.items():
        out[k] = v
        upper = k.upper()
        if len(upper) == 1:
            out.setdefault(upper, v)
    return out


_CONFUSABLE: dict[str, str] = _build_confusable_map()
_fold_cache: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """Fold one non-ASCII character to the text it stands for (possibly empty or several characters)."""
    cached = _fold_cache.get(ch)
    if cached is not None:
        return cached
    out: list[str] = []
    if unicodedata.category(ch) != "Cf":
        direct = _CONFUSABLE.get(ch)
        if direct is not None:
            out.append(direct)
        else:
            for part in unicodedata.normalize("NFKD", ch):
                if unicodedata.category(part) in ("Mn", "Me", "Cf"):
                    continue
                for c in part.casefold():
                    out.append(c if c.isascii() else _CONFUSABLE.get(c, c))
    result = "".join(out)
    if len(_fold_cache) < 50_000:
        _fold_cache[ch] = result
    return result


# --- leetspeak and separators ----------------------------------------------------------------------------

_LEET_TABLE = {
    ord("0"): "o", ord("1"): "i", ord("3"): "e", ord("4"): "a", ord("5"): "s", ord("7"): "t", ord("8"): "b",
    ord("@"): "a", ord("$"): "s", ord("!"): "i", ord("|"): "l",
}  # fmt: skip
_LEET_CHARS = "0134578@$!|"
_LEET_SET = frozenset(_LEET_CHARS)
_LEET_NOT_AT = "0134578$!|"


def _inner_at(text: str) -> bool:
    """Whether an "@" sits after a letter (leet "a"), not at the start of a mention."""
    i = text.find("@", 1)
    while i > 0:
        if text[i - 1].isalpha():
            return True
        i = text.find("@", i + 1)
    return False


#: A run of letters, digits and leet symbols; '@', '!' and '|' only between letters, '$' only before one.
_TOKEN = compile_pattern(r"(?:\p{L}|\d|(?<=\p{L})[@!|](?=\p{L})|\$(?=\p{L}))+")
_NUMBER_UNIT = compile_pattern(
    r"\d++(?:st|nd|rd|th|am|pm|s|k|m|bn|p|g|kg|mg|mcg|ml|l|mm|cm|km|ft|in|h|hr|hrs|min|mins|x|yo|yrs?|mph|gb|mb)",
    regex.IGNORECASE,
)
#: Three or more single letters separated by the same one or two separator characters: "f.u.c.k", "f u c k".
_SPACED = compile_pattern(
    r"(?<![\p{L}\p{N}*'])\p{L}(?P<sep>[ .\-_*~+·•/\\]{1,2})\p{L}(?![\p{L}\p{N}*'])"
    r"(?:(?P=sep)\p{L}(?![\p{L}\p{N}*']))+"
)


def _leet(text: str) -> str:
    """Length-preserving leet folding of tokens that contain letters."""
    if not any(c in text for c in _LEET_CHARS):
        return text
    if not any(c in text for c in _LEET_NOT_AT) and not _inner_at(text):
        return text  # only "@mentions": nothing to fold
    words = text.split(" ")
    changed = False
    for i, word in enumerate(words):
        if not _LEET_SET.isdisjoint(word):
            folded = _leet_word(word)
            if folded != word:
                words[i] = folded
                changed = True
    return " ".join(words) if changed else text


def _leet_word(word: str) -> str:
    parts: list[str] = []
    last = 0
    for m in _TOKEN.finditer(word):
        tok = m.group()
        if _LEET_SET.isdisjoint(tok) or tok.isdigit() or not any(c.isalpha() for c in tok):
            continue
        if _NUMBER_UNIT.fullmatch(tok):
            continue
        parts.append(word[last : m.start()])
        parts.append(tok.translate(_LEET_TABLE))
        last = m.end()
    if not parts:
        return word
    parts.append(word[last:])
    return "".join(parts)


#: Words that open or close a run of spaced letters written as several words ("t h a t s h i t",
#: "s h i t t h e s e"); the run keeps one separator after (or before) them, so the last word can still match.
_RUN_OPENERS = (
    "these",
    "those",
    "their",
    "youre",
    "that",
    "this",
    "your",
    "they",
    "them",
    "what",
    "some",
    "the",
    "you",
)
_RUN_CLOSERS = ("these", "those", "there", "then", "that", "this", "your", "you", "the", "off")


def _split_run(word: str) -> tuple[int, int]:
    """(a, b): letter indices of ``word`` (a spaced run joined up) before which a word break is kept; 0 for none."""
    if len(word) < 7:
        return 0, 0
    a = next((len(w) for w in _RUN_OPENERS if word.startswith(w) and len(word) - len(w) >= 4), 0)
    if word.startswith("therap"):
        a = 0  # "t h e r a p i s t" is one word
    b = next((len(word) - len(w) for w in _RUN_CLOSERS if word.endswith(w) and len(word) - len(w) - a >= 4), 0)
    return a, b


def _delete(text: str, offs: list[int], pattern: regex.Pattern[str]) -> tuple[str, list[int]]:
    """Keep only the letters of each ``pattern`` match (drops separators between single letters), and the first
    separator character at a word break ``_split_run`` finds."""
    pieces: list[str] = []
    new_offs: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        s, e = m.span()
        pieces.append(text[last:s])
        new_offs.extend(offs[last:s])
        letters = [i for i in range(s, e) if text[i].isalpha()]
        breaks = _split_run("".join(text[i] for i in letters))
        for k, i in enumerate(letters):
            if k and k in breaks:
                pieces.append(text[i - 1])  # the separator just before this letter, an original character
                new_offs.append(offs[i - 1])
            pieces.append(text[i])
            new_offs.append(offs[i])
        last = e
    pieces.append(text[last:])
    new_offs.extend(offs[last:])
    return "".join(pieces), new_offs


_NON_ASCII = compile_pattern(r"[^\x00-\x7f]+", regex.VERSION1)
#: Bytes table for the separator prefilter: letters → "a", separators → ".", anything else → "#".
_SHAPE = bytes(
    ord("a") if chr(i).isalpha() and i < 128 else ord(".") if chr(i) in " .-_*~+/\\" else ord("#") for i in range(256)
)
_SPACED_SHAPES = (b".a.a.a.", b".a..a..a.", b".a.a..a.", b".a..a.a.")


def _maybe_spaced(text: str) -> bool:
    """Cheap test for "f u c k" / "f.u.c.k" (three isolated letters) before running the separator pattern."""
    shape = b"." + text.encode("utf-8", "replace").translate(_SHAPE) + b"."
    return any(s in shape for s in _SPACED_SHAPES)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Characters dropped when they sit alone between two letters inside a word ("idi.ot", "f·uck"). Not ``*`` (a mask
#: the lexicons treat as a wildcard), ``|`` (leet "l"), apostrophes ("he'll" is not "hell"), hyphens ("fuck-wit" must
#: keep its "fuck"), underscores or tildes ("#fuck_this", "@dumb_ass": word joins far more often than disguises), or
#: commas and semicolons (clause joins).
_INNER_SEPS = ".\u00b7\u2022"
#: Endings after a dot that make a token a domain or file name ("nhs.uk", "bbc.co.uk/news", "x.com?n=1", "a.pdf").
_TLDS = _words(
    "com org net uk gov edu io info co ac nhs biz tv ie eu app dev ly gl gg htm html pdf doc docx jpg jpeg png gif"
)
_TLD_STARTS = frozenset(t[:2] for t in _TLDS)
#: Common words that end or start a sentence run together without a space ("idiot.lol", "fuck.off", "so.what"):
#: a dot between one of these and a fragment of three or more letters is kept.
_JOIN_WORDS = _words(
    "the and but you your yours then than this that these those there their they them she her his him its our out "
    "off are was were not now all for with can did does had has have just what why how who when where which will "
    "would could should lol lmao lmfao omg wtf smh tbh yes yeah nope okay too very really also get got one two see "
    "say said more much many some any even still again here about after before"
)


def _link_like(token: str, original: str) -> bool:
    """An e-mail address, mention, link, domain or file name, whose dots stay. ``original`` is the token as written
    (leetspeak folding has turned the "@" of "jo@nhs.net" into an "a")."""
    if "@" in original or "/" in token or "www" in token:
        return True
    for label in token.split(".")[1:]:
        if label[:2] in _TLD_STARTS:
            for k in (2, 3, 4):
                if label[:k] in _TLDS and not label[k : k + 1].isalpha():
                    return True
    return False


def _is_disguise(out: str, original: str, offs: list[int] | None, pos: int, start: int, end: int) -> bool:
    """Whether the separator at ``out[pos]``, between two letters of the token ``out[start:end]``, is a disguise
    inside a word rather than an abbreviation or two words run together."""
    left = pos
    while left > start and out[left - 1].isalpha():
        left -= 1
    right = pos + 1
    while right < end and out[right].isalpha():
        right += 1
    before, after = out[left:pos], out[pos + 1 : right]
    if (
        len(before) == 1
        and (len(after) == 1 or (left > start + 1 and out[left - 1] in _INNER_SEPS and out[left - 2].isalpha()))
    ) or (len(after) == 1 and right + 1 < end and out[right] in _INNER_SEPS and out[right + 1].isalpha()):
        return False  # "e.g.", "i.e.", "U.K.", "a.m.", "H.G.Wells"
    o_before = original[offs[pos - 1] if offs is not None else pos - 1]
    i_after = offs[pos + 1] if offs is not None else pos + 1
    o_after = original[i_after]
    if o_after.isupper() and (o_before.islower() or original[i_after + 1 : i_after + 2].islower()):
        return False  # "end.Then", "J.Cole": a missing space after a full stop, or an initial
    return not ((before in _JOIN_WORDS and len(after) >= 3) or (after in _JOIN_WORDS and len(before) >= 3))


#: Bytes table for the in-word separator prefilter: ASCII letters → "a", "." → ".", anything else → "#".
_SEP_SHAPE = bytes(ord("a") if chr(i).isalpha() and i < 128 else ord(".") if i == 46 else ord("#") for i in range(256))


_BLANKS = str.maketrans(dict.fromkeys("\t\n\r\f\v\x1c\x1d\x1e\x1f\x85", " "))


def _separators(out: str, seps: list[str]) -> list[int]:
    """Positions of the separators that sit between two letters, in order (str.find is far cheaper than a regex)."""
    found: list[int] = []
    last = len(out) - 1
    for sep in seps:
        i = out.find(sep, 1)
        while 0 < i < last:
            if out[i + 1].isalpha() and out[i - 1].isalpha():
                found.append(i)
            i = out.find(sep, i + 2)
    if len(seps) > 1:
        found.sort()
    return found


def _unseparate(out: str, offs: list[int] | None, original: str, seps: list[str]) -> tuple[str, list[int] | None]:
    """Drop separators inside words ("idi.ot" → "idiot"), keeping links, abbreviations and sentence joins."""
    drop: list[int] = []
    start = end = -1
    link = False
    blanks = out.translate(_BLANKS)  # every whitespace character as a space, so one find() bounds a token
    for pos in _separators(out, seps):
        if pos >= end:  # a new token: its bounds, and whether it is a link, once per token
            start = blanks.rfind(" ", 0, pos) + 1
            end = blanks.find(" ", pos)
            if end < 0:
                end = len(out)
            o_start, o_end = (start, end) if offs is None else (offs[start], offs[end - 1] + 1)
            link = _link_like(out[start:end], original[o_start:o_end])
        if not link and _is_disguise(out, original, offs, pos, start, end):
            drop.append(pos)
    if not drop:
        return out, offs
    if offs is None:
        offs = list(range(len(out)))
    pieces: list[str] = []
    new_offs: list[int] = []
    last = 0
    for i in drop:
        pieces.append(out[last:i])
        new_offs.extend(offs[last:i])
        last = i + 1
    pieces.append(out[last:])
    new_offs.extend(offs[last:])
    return "".join(pieces), new_offs


def _fold(text: str) -> tuple[str, list[int] | None]:
    """Lower-case ASCII in bulk and fold each non-ASCII character; offsets are None when unchanged."""
    if text.isascii():
        return text.lower(), None
    chars: list[str] = []
    offs: list[int] = []
    last = 0
    for m in _NON_ASCII.finditer(text):
        s, e = m.span()
        if s > last:
            chars.append(text[last:s].lower())
            offs.extend(range(last, s))
        for i in range(s, e):
            folded = _fold_char(text[i])
            chars.append(folded)
            offs.extend([i] * len(folded))
        last = e
    chars.append(text[last:].lower())
    offs.extend(range(last, len(text)))
    return "".join(chars), offs


@functools.lru_cache(maxsize=32)
def normalise(text: str) -> Normalised:
    """Normalise ``text`` (its first ``MAX_TEXT_CHARS`` characters) for lexicon matching. Pure and cached."""
    original_len = len(text)
    out, offs = _fold(text[:MAX_TEXT_CHARS])
    out = _leet(out)
    if _maybe_spaced(out) and _SPACED.search(out) is not None:
        out, offs = _delete(out, offs if offs is not None else list(range(len(out))), _SPACED)
    if b"a.a" in out.encode("utf-8", "replace").translate(_SEP_SHAPE) or (
        not out.isascii() and ("\u00b7" in out or "\u2022" in out)
    ):
        out, offs = _unseparate(out, offs, text, [c for c in _INNER_SEPS if c in out])
    if offs is None:
        if original_len == len(out):
            return Normalised(out, tuple(range(original_len + 1)))
        return Normalised(out, (*range(len(out)), original_len))
    return Normalised(out, (*offs, original_len))


_SKELETON_DROP = compile_pattern(r"[^\p{L}\p{N}]+")
_SKELETON_PAIRS = (("rn", "m"), ("vv", "w"))
_SKELETON_TABLE = {ord("i"): "l", ord("1"): "l", ord("|"): "l", ord("0"): "o", ord("5"): "s"}
_SKELETON_RUNS = compile_pattern(r"(.)\1+")


def skeleton(text: str) -> str:
    """A form for comparing names and handles: two look-alike strings get the same skeleton.

    ``skeleton("NHS Surrey Heartlands") == skeleton("NH5 Surrey Heart1ands")``.
    """
    folded = _SKELETON_DROP.sub("", normalise(text).text)
    for pair, repl in _SKELETON_PAIRS:
        folded = folded.replace(pair, repl)
    folded = folded.translate(_SKELETON_TABLE)
    return _SKELETON_RUNS.sub(r"\1", folded)
