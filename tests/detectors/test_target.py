"""person_target: does a comment refer to a person at all (the gate on the pack's model-only abuse rules)?"""

from __future__ import annotations

import pytest

from steward.detectors.target import ADDRESSED, INSULT_NOUNS, PERSON_WORDS, PRONOUNS, person_target

OWN = ("@NHSSurreyHeartl", "@SurreyHeartland")


@pytest.mark.parametrize(
    ("text", "kind", "word"),
    [
        ("you absolute disgrace", "addressed", "you"),
        ("Do ur job", "addressed", "ur"),
        ("You're a joke", "addressed", "you're"),
        ("you’re a joke", "addressed", "you're"),  # typographic apostrophe
        ("y0u are thick", "addressed", "you"),  # leetspeak
        ("Y O U are pathetic", "addressed", "you"),  # spaced letters
        ("\u0443ou are pathetic", "addressed", "you"),  # Cyrillic у
        ("@lou.harper nobody cares", "mention", "@handle"),
        ("she should be struck off", "pronoun", "she"),
        ("The chief exec is smug", "person", "exec"),
        ("the receptionist's a disgrace, she is", "person", "receptionist's"),
        ("the receptionists at Ashgrove Medical are rude", "person", "receptionists"),  # something said of them
        ("that consultant thinks he's god", "person", "consultant"),  # pointed at
        ("Dr. Reynolds is useless", "person", "dr"),  # a title's dot does not end the sentence
        ("Dr Reynolds is useless", "person", "dr"),
        ("N\u0337u\u0336r\u0335s\u0338e\u0337 Kelly is thick", "person", "nurse"),  # zalgo
        ("ＮＵＲＳＥ Kelly is thick", "person", "nurse"),  # fullwidth
        ("whoever runs this page is clueless", "person", "whoever"),
        ("These people are subhuman", "person", "people"),
        ("what a bunch of clowns", "insult", "clowns"),
        ("traitors will pay", "insult", "traitors"),
    ],
)
def test_aimed_at_a_person(text: str, kind: str, word: str) -> None:
    found = person_target(text, OWN)
    assert found is not None
    assert (found.kind, found.word) == (kind, word)
    assert 0 <= found.start < found.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "What a stupid decision to close the walk-in centre",
        "absolutely shambolic management",
        "This new booking system is idiotic and dangerous",
        "Closing the minor injuries unit is a bloody disgrace",
        "The app is garbage, crashes every time",
        # a person word that is only the setting, with nothing said of it
        "They closed it without asking anyone's opinion",
        "3 weeks for a GP appt in Godalming. useless useless useless",
        "one pharmacist doing everything and a queue out the door. idiotic",
        "Half the people who need them cant drive. Stupid, stupid",
        "the receptionist's attitude stinks",
        "Ask a nurse. It is a disgrace how long it takes",  # the "is" is in the next sentence
        "The chairs in the waiting room are filthy",  # furniture, not the chair of the board
        "My mum waited nine hours, disgraceful",  # the person the complaint is on behalf of
        "Admin error after admin error",
        "@SurreyHeartland what a waste of money",  # the organisation's own handle, any case
        "@surreyheartland. what a waste of money",
        "email me at jo@example.com about the housework youth scheme",  # words inside words are not cues
        "",
        "!!!!!!!!",
    ],
)
def test_aimed_at_nobody(text: str) -> None:
    assert person_target(text, OWN) is None


def test_a_name_alone_counts_and_is_not_repeated() -> None:
    found = person_target("Honestly Margaret Thompson is an embarrassment to the profession", OWN)
    assert found is not None
    assert found.kind == "name"
    assert "Margaret" not in found.describe and "Thompson" not in found.describe
    mention = person_target("@jo_bloggs_99 an embarrassment", OWN)
    assert mention is not None and "jo_bloggs" not in mention.describe


def test_the_lists_hold_no_word_twice_and_no_organisation_words() -> None:
    lists = (ADDRESSED, PRONOUNS, PERSON_WORDS, INSULT_NOUNS)
    seen: set[str] = set()
    for words in lists:
        assert not seen & words
        seen |= words
    assert not seen & {"they", "them", "their", "management", "board", "trust", "ccg", "nhs", "government"}


def test_hostile_text_stays_inside_the_time_box() -> None:
    # every pattern here runs under the shared regex time box, which raises TimeoutError when one runs away;
    # floods of non-cues, symbols, one long word or at-signs must be read through to an answer
    floods = ("blah " * 20_000, "!?" * 40_000, "a" * 100_000, "@" * 50_000, "a@" * 50_000, "@ " * 50_000, "i" * 100_000)
    assert [person_target(text, OWN) for text in floods] == [None] * len(floods)
    late = "blah " * 1_000 + "you"
    found = person_target(late, OWN)
    assert found is not None and late[found.start : found.end] == "you"


def test_only_the_part_detectors_read_is_searched() -> None:
    from steward.detectors.base import MAX_TEXT_CHARS

    assert person_target("x " * (MAX_TEXT_CHARS // 2) + "you idiot", OWN) is None
    assert person_target("you idiot " + "x " * MAX_TEXT_CHARS, OWN) is not None
