"""The shared feature functions: character n-grams agree with scikit-learn, tokens are what we expect."""

from __future__ import annotations

import random
import time

import pytest
import regex
from sklearn.feature_extraction.text import TfidfVectorizer

from steward.models import features
from steward.models.features import (
    char_grams,
    padded_grams,
    prepare,
    split_words,
    squeeze,
    tokens_of,
    word_grams,
)

SK_CHAR_WB = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False).build_analyzer()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a",
        "ab",
        "abc de",
        "hello world",
        "you are an idiot!!!",
        "  spaced    out\ttext\nnew line  ",
        "émoji 😎😎 mixed ünïcode",
        "@user @user real talk #hashtag http://t.co/x",
        "supercalifragilisticexpialidocious",
    ],
)
def test_char_grams_match_scikit_learn_char_wb(text: str) -> None:
    assert char_grams(text) == SK_CHAR_WB(text)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("a", [" a", "a ", " a "]),  # padded length 3: 2-grams, then the whole padded word once
        ("ab", [" a", "ab", "b ", " ab", "ab ", " ab "]),
    ],
)
def test_padded_grams_of_short_words(word: str, expected: list[str]) -> None:
    assert padded_grams(word) == expected


@pytest.mark.parametrize(
    ("prepared", "expected"),
    [
        ("hello, world", ["hello", "world"]),
        ("a b c", []),
        ("it's snake_case", ["it", "snake_case"]),
        ("great😎day", ["great", "day"]),
        ("20 quid", ["20", "quid"]),
        ("...!!!", []),
    ],
)
def test_tokens(prepared: str, expected: list[str]) -> None:
    assert tokens_of(prepared) == expected


def test_word_grams_are_unigrams_then_bigrams() -> None:
    assert word_grams("you utter idiot") == ["you", "utter", "idiot", "you utter", "utter idiot"]


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [
        ("Y0U 1D10T", "you idiot"),
        ("f.u.c.k off", "fuck off"),
        ("ѕрам", "spam"),  # Cyrillic homoglyphs
        ("ＦＲＥＥ", "free"),  # fullwidth
        ("You idiooot", "you idiot"),  # stretched: squeezed to the dictionary word
        ("fuuuuck offff", "fuck off"),
        ("coooool", "cool"),  # a doubled letter stretched comes back doubled
        ("hellllo", "hello"),
        ("nooooo waaaay", "no way"),
        ("@user g o t your a s s lmao", "@user got your ass lmao"),  # spaced-out words that ran together
        ("b e t w e e n a f u c k i n g u m p i r e", "between a fucking umpire"),
        ("m a k e a m e r i c a g r e a t again", "make america great again"),
    ],
)
def test_prepare_folds_disguises(disguised: str, plain: str) -> None:
    assert prepare(disguised) == plain


@pytest.mark.parametrize(
    "text",
    [
        "Thank you to the staff on ward 10",  # nothing to fold
        "nhsengland vaccination",  # a joined run that was never spaced out is not cut
        "Bookkeeper committee",  # doubled letters are left alone
        "The A&E wait was 4 hours",
        "www.nhs.uk/conditions",
        "see www.nhs.uk",  # a stretched spelling the dictionary knows ("www") is kept
    ],
)
def test_prepare_leaves_ordinary_text_alone(text: str) -> None:
    assert prepare(text) == text.lower()


@pytest.mark.parametrize(
    ("stretched", "plain"),
    [
        ("idiooot", "idiot"),
        ("stuuuupid", "stupid"),
        ("killllll them", "kill them"),  # the doubled form is the dictionary word
        ("yessss sooo gooood", "yes soo good"),  # "soo" is in the WordPiece vocabulary: two before one
        ("zzzzzqqqq", "zq"),  # no dictionary spelling: every run to one letter
        ("aaaaaaaaaa", "aa"),
        ("bbbbxcccc qqqq", "bxc q"),  # no dictionary spelling: single letters
        ("no stretch here", "no stretch here"),
        ("", ""),
    ],
)
def test_squeeze(stretched: str, plain: str) -> None:
    assert squeeze(stretched) == plain


def test_squeeze_gives_up_on_the_dictionary_with_many_runs() -> None:
    word = "aaabbbcccdddeeefff"  # six runs: 64 spellings would be tried, so every run goes to one letter
    assert squeeze(word) == "abcdef"


#: The single pattern ``squeeze`` used until 2026-12-06: it finds the same words, but retries every start inside a
#: long run of letters without a triple, so it is kept here only as the oracle for short texts.
_OLD_STRETCHED_WORD = regex.compile(r"\p{Ll}*(?:(\p{Ll})\1{2,}\p{Ll}*)+")


def test_squeeze_agrees_with_the_one_pattern_form_on_random_texts() -> None:
    rng = random.Random(11)
    alphabet = "aaabbo é ü1_-ZA\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = _OLD_STRETCHED_WORD.sub(lambda m: features._squeeze_word(m.group()), text)
        assert squeeze(text) == expected, repr(text)


@pytest.mark.parametrize(
    ("text", "squeezed"),
    [
        # a long word without a triple, and a stretched word elsewhere
        ("ha" * 9000 + " stuuuupid", "ha" * 9000 + " stupid"),
        ("idiooot " + "ab" * 9000, "idiot " + "ab" * 9000),
        (("x" * 4000 + " ") * 4 + "yesss", "xx " * 4 + "yes"),  # "xx" is a dictionary word
    ],
)
def test_squeeze_is_linear_on_hostile_text(text: str, squeezed: str) -> None:
    """The old pattern timed out on the first two (quadratic in the long run): the n-gram models and the encoder
    then had no score, and the comment went to review for a timeout rather than for what it says."""
    assert squeeze(text) == squeezed
    assert prepare(text) == squeezed


@pytest.mark.parametrize(
    ("run", "words"),
    [
        ("yourass", ["your", "ass"]),
        ("gonnatweetshit", ["gonna", "tweet", "shit"]),
        ("wasnotabusive", ["was", "not", "abusive"]),
        ("idiot", ["idiot"]),  # one word stays whole
        ("nhsengland", ["nhs", "england"]),
        ("qzxvwk", ["qzxvwk"]),  # no dictionary word inside: kept whole, not chopped
        ("", []),
    ],
)
def test_split_words(run: str, words: list[str]) -> None:
    assert split_words(run) == words


def test_hostile_long_inputs_are_bounded() -> None:
    """Ten thousand stretched letters, a long spaced-out run and a long joined word: quick, and nothing lost
    from the text around them."""
    started = time.process_time()
    assert prepare("u" * 10_000 + " ok").endswith("ok")
    assert prepare(" ".join("abcdefghij" * 40)).replace(" ", "") == "abcdefghij" * 40
    assert "".join(split_words("x" * 500)) == "x" * 500
    # a generous bound that only a runaway (quadratic over the whole text) would exceed; not a speed test
    assert time.process_time() - started < 20


def test_missing_word_list_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from steward.models.linear import ModelError

    monkeypatch.setattr(features, "WORDS_FILE", tmp_path / "words.txt")
    features._word_costs.cache_clear()
    try:
        with pytest.raises(ModelError, match=r"words\.txt"):
            split_words("yourass")
    finally:
        features._word_costs.cache_clear()
