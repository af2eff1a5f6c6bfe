"""normalise / skeleton: disguises folded away, offsets mapping back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steward.detectors.base import MAX_TEXT_CHARS
from steward.detectors.normalise import Normalised, normalise, skeleton


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello World", "hello world"),
        ("Ｆｕｃｋ", "fuck"),  # fullwidth
        ("𝐟𝐮𝐜𝐤", "fuck"),  # mathematical bold
        ("fսсk", "fuck"),  # Armenian and Cyrillic look-alikes
        ("ѕһіt", "shit"),  # Cyrillic
        ("ροrn", "porn"),  # Greek rho, omicron
        ("ναccine", "vaccine"),  # Greek nu
        ("f\u200bu\u200dc\u2060k", "fuck"),  # zero-width characters
        ("z̷̢a̸l̶g̵o̴", "zalgo"),  # combining marks
        ("Sinn Féin", "sinn fein"),
        ("sh!t", "shit"),
        ("$hit", "shit"),
        ("h3ll0", "hello"),
        ("NH5", "nhs"),
        ("b1tch", "bitch"),
        ("f.u.c.k", "fuck"),
        ("f u c k off", "fuck off"),
        ("f-u-c-k", "fuck"),
        ("c_u_n_t", "cunt"),
        ("fuuuuck", "fuuuuck"),  # repeats stay; lexicon patterns allow them
        ("STRASSE ß", "strasse ss"),
        ("Ｉｄｉｏｔ", "idiot"),  # fullwidth capital I is an i, not an l
        ("𝐈𝐃𝐈𝐎𝐓", "idiot"),  # mathematical bold capitals
        ("ІDІОТ", "idiot"),  # Cyrillic capital I look-alike
        ("Ιdiot", "idiot"),  # Greek capital iota
    ],
)
def test_folds_disguises(text: str, expected: str) -> None:
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "£5 at 4pm on the 2nd",  # numbers, prices and times are not leetspeak
        "2024 was 50% better",
        "call 111 or 999",
        "10mg twice a day",
        "@NHSEngland thanks!",  # a mention keeps its @
        "great job!",  # a trailing ! is punctuation
        "U.K. and i.e. a",  # abbreviations and mixed separators stay
        "eat a pie",
    ],
)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert normalise(text).text == text.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you idi.ot", "you idiot"),
        ("f.uck off", "fuck off"),
        ("Bi.tch s.hut up", "bitch shut up"),
        ("F.UCKING SUC.KS", "fucking sucks"),  # all capitals
        ("A.ll t.he l.ooney", "all the looney"),  # a capital before the dot is not an initial here
        ("Shi.t...", "shit..."),  # trailing ellipsis is not an abbreviation chain
        ("wh.ore's b.ook", "whore's book"),
        ("who.re", "whore"),  # a common word with a two-letter fragment is still one word
        ("mor.on", "moron"),
        ("idi\u00b7ot idi\u2022ot", "idiot idiot"),  # middle dot, bullet
        ("Ｉｄｉ．ｏｔ", "idiot"),  # fullwidth full stop
        ("1d.10t", "idiot"),  # leetspeak and a dot together
        ("idi.ot, mor.on!", "idiot, moron!"),
        ("t h a t s h i t", "that shit"),  # a spaced run of two words keeps a break after "that"
        ("y o u r s h i t t h e s e days", "your shit these days"),
        ("b i t c h y o u", "bitch you"),
        ("I a i n\u2019t f u c k i n g", "iai n't fucking"),  # the "t" of "n't" is not a spaced letter
        ("t h e r a p i s t", "therapist"),  # one spaced word, never "the rapist"
        ("t h e m", "them"),
    ],
)
def test_removes_dots_inside_words(text: str, expected: str) -> None:
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "see nhs.uk or www.nhs.uk",  # domains and links keep their dots
        "bbc.co.uk/news and gov.uk",
        "xxxmobilemovieclub.com?n=qjkgighjjgcbl",
        "the minutes.pdf and notes.docx",
        "e.g. i.e. U.K. a.m. p.m.",  # abbreviations
        "H.G.Wells and J.Cole and T.May",  # initials
        "the end.Then we left",  # missing space after a full stop
        "fuck.off now",  # a common word after the dot: two words run together
        "you idiot.lol",
        "and.what is it",
        "he'll be fine, it's done, don't",  # apostrophes stay: "he'll" must not become "hell"
        "f*ck and b*llocks",  # masks stay for the lexicon's wildcard matching
        "fuck-wit and follow-up",  # hyphens stay: "fuck-wit" keeps its "fuck"
        "#fuck_this and @dumb_ass",  # underscores join words in tags and handles
        "3.5mg and v2.0 and 1.5",  # numbers
    ],
)
def test_keeps_separators_that_are_not_disguises(text: str) -> None:
    assert normalise(text).text == text.lower()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("mail jo.bloggs@nhs.net today", "jo.bloggs"),  # the "@" is folded to "a" by leetspeak, the dot stays
        ("ask ann.smith@trust.nhs.uk", "ann.smith"),
        ("Sh.it", "shit"),
    ],
)
def test_email_dots_stay(text: str, kept: str) -> None:
    assert kept in normalise(text).text


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("oh f.u.c.k off", "fuck", "f.u.c.k"),
        ("you Ｔｗａｔ!", "twat", "Ｔｗａｔ"),
        ("a z̷̢a̸l̶g̵o̴ word", "zalgo", "z̷̢a̸l̶g̵o̴"),
        ("well sh!t", "shit", "sh!t"),
        ("Straße", "ss", "ß"),
        ("x f\u200buck y", "fuck", "f\u200buck"),
        ("you idi.ot ok", "idiot", "idi.ot"),
        ("F.UCK you", "fuck", "F.UCK"),
        ("x Ｉｄｉ.ｏｔ", "idiot", "Ｉｄｉ.ｏｔ"),
        ("1d.10t!", "idiot", "1d.10t"),
        ("well t h a t s h i t ok", "shit", "s h i t"),
        ("well t h a t s h i t ok", "that", "t h a t"),
        ("s h i t t h e s e", "these", "t h e s e"),
        ("a.b.c sh.it", "shit", "sh.it"),
    ],
)
def test_span_maps_back_to_original(text: str, needle: str, original: str) -> None:
    norm = normalise(text)
    i = norm.text.index(needle)
    start, end = norm.span(i, i + len(needle))
    assert text[start:end] == original


def test_offsets_shape() -> None:
    norm = normalise("Ｆ.u.c.k 😡 ok")
    assert isinstance(norm, Normalised)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len("Ｆ.u.c.k 😡 ok")
    assert list(norm.offsets) == sorted(norm.offsets)


def test_long_text_is_truncated() -> None:
    text = "a " * MAX_TEXT_CHARS
    norm = normalise(text)
    assert len(norm.text) <= MAX_TEXT_CHARS
    assert norm.offsets[-1] == len(text)


@given(st.text(max_size=200) | st.text(alphabet="aIbT. \u2019'@/\u00b7ＩＯ1\n", max_size=60))
def test_offsets_are_monotonic_and_in_range(text: str) -> None:
    norm = normalise(text)
    assert len(norm.offsets) == len(norm.text) + 1
    assert all(0 <= o <= len(text) for o in norm.offsets)
    assert list(norm.offsets) == sorted(norm.offsets)
    for i in range(len(norm.text)):
        s, e = norm.span(i, i + 1)
        assert 0 <= s < e <= len(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("NHS Surrey Heartlands", "NH5 Surrey Heart1ands"),
        ("NHS Surrey Heartlands", "ΝΗЅ Ѕurrеу Ηеаrtlаndѕ"),
        ("NHS Surrey Heartlands", "nhs_surrey.heartlands"),
        ("NHS Surrey Heartlands", "NHS Surrrey Heartlandss"),
        ("NHS England", "NHS Eng1and"),
        ("@nhsmodern", "@nhsmodem"),  # rn ~ m
        ("NHS Surrey", "NHS.Surrey"),  # a dot dropped inside a word or kept between words: the same skeleton
        ("nhs.uk", "nhsuk"),
        ("idi.ot", "idiot"),
    ],
)
def test_skeleton_matches_look_alikes(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("NHS Surrey Heartlands", "NHS Sussex"),
        ("NHS England", "NHS Scotland"),
        ("Dr Smith", "Dr Smyth"),
    ],
)
def test_skeleton_keeps_different_names_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)
