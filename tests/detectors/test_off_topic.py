"""Off-topic detector: conservative lexical similarity between a comment and its post."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.off_topic import OffTopicDetector, content_words, stem

DETECTOR = OffTopicDetector()
FLU_POST = (
    "Flu jab clinics are now open across Surrey. Book your free flu vaccination at your GP practice or local "
    "pharmacy this autumn."
)
CRYPTO = (
    "Bitcoin is going to the moon, buy now before the banks crash, crypto wallets and blockchain tokens will "
    "make millionaires of everyone who invests early. Join my trading channel for daily signals."
)


def run(text: str, post: str | None = FLU_POST) -> list[Finding]:
    return list(DETECTOR.detect(ContentItem("o1", text, post=post), AssessContext()))


def test_protocol() -> None:
    assert isinstance(DETECTOR, Detector)


def test_crypto_rant_on_flu_post_is_off_topic() -> None:
    findings = run(CRYPTO)
    assert len(findings) == 1
    f = findings[0]
    assert (f.kind, f.category, f.start, f.end) == ("low_similarity", "off_topic", 0, len(CRYPTO))
    assert 0.8 <= f.score <= 0.85
    assert "similarity 0.00" in f.explanation


@pytest.mark.parametrize(
    "text",
    [
        # a complaint about the flu-jab clinic shares the topic
        "Waited two hours at the flu clinic in Guildford and the receptionist was rude, absolutely terrible",
        # the health service in general is on-topic on a health post
        "The NHS is on its knees and the government keeps cutting funding while ministers line their pockets",
        "Thank you, booked mine already and the whole family went together on Saturday morning",
        "Well done everyone involved, brilliant effort from the whole team across the county",
        "When will the Woking site open on Saturdays? My husband works weekdays and cannot get there",
        "buy bitcoin",  # two content words: too short to judge, even naming another subject
        "Selling out fast!",
        # a short comment naming no other subject is never judged; pets are not one (a goodbye to a pet can be a crisis)
        "Said my goodbyes to the dog this morning",
        # health words, including those a place or a day starts with, keep it on-topic
        "My liver results came back fine",
        "Liverpool Women's Hospital did my scan",
        "Happy birthday to my son, born in this hospital",
    ],
)
def test_on_topic_or_too_short(text: str) -> None:
    assert [f for f in run(text) if f.score >= 0.5] == []


def test_no_post_no_finding() -> None:
    assert run(CRYPTO, post=None) == []


FOOTBALL = (
    "Autumn football fixtures: league results, referees, trophies, stadium parking, tickets, "
    "programme sellers, kit sponsors, supporters coaches, pies and Bovril at half time for everyone"
)


def test_a_little_overlap_stays_below_half() -> None:
    findings = run(FOOTBALL)  # shares only "autumn" with the post
    assert len(findings) == 1 and 0 < findings[0].score < 0.5


def test_more_overlap_is_not_reported() -> None:
    assert run(FOOTBALL.replace("league", "Surrey league")) == []


def test_unrelated_post_topic_without_health_words() -> None:
    post = "Our new car park opens on Monday with 200 spaces and electric charging points."
    text = "Bitcoin and crypto tokens will make millionaires of early investors, join the trading channel today"
    assert run(text, post=post)[0].score >= 0.8


@pytest.mark.parametrize(
    ("word", "expected"),
    [("clinics", "clinic"), ("vaccinated", "vaccin"), ("vaccine", "vaccin"), ("booking", "book"), ("class", "class")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_content_words_drop_stop_words() -> None:
    assert content_words("The clinic is open, and we're booking!") == ["clinic", "open", "book"]


CAR_PARK_POST = "Our new car park opens on Monday with 200 spaces and electric charging points."


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("Does anyone know if the Tesco on the A3 is open late?", FLU_POST),
        ("Who's watching the England game?", FLU_POST),
        ("Anyone know a good plumber?", CAR_PARK_POST),
        ("Selling a double buggy, barely used, collection only from Farnham, forty quid ono", FLU_POST),
        ("Traffic on the A31 is backed up all the way to the roundabout again, avoid the Hogs Back", FLU_POST),
        ("Anyone going to the Farnham fireworks tonight?", CAR_PARK_POST),
        (CRYPTO, CAR_PARK_POST),
        # short, from three content words, when it names another subject (off-topic 1.2)
        ("Selling a grey corner sofa, £80 ono", FLU_POST),
        ("Two Oasis tickets going spare, Heaton Park", FLU_POST),
        ("short and unrelated: buy bitcoin", FLU_POST),
        ("Back from Tenerife, already missing the sunshine", CAR_PARK_POST),
        ("Copy and paste this onto your wall", FLU_POST),
        ("Who's doing council tax by direct debit?", FLU_POST),
        # "Liverpool" starts with "liver" and "birthday" with "birth", and neither is a health word
        ("Liverpool will walk the league this year", CAR_PARK_POST),
        ("Anyone selling a PS5? Looking for one for my lad's birthday, will pay cash", FLU_POST),
        # adversarial: look-alike punctuation and spacing do not hide the subject
        ("Does   anyone know if the TESCO on the A3 is open late?!", FLU_POST),
        ("Who’s watching the England game??", CAR_PARK_POST),
    ],
)
def test_clearly_different_subject_is_off_topic(text: str, post: str) -> None:
    findings = run(text, post=post)
    assert len(findings) == 1 and findings[0].score >= 0.8, findings
    assert "about something else" in findings[0].explanation


@pytest.mark.parametrize(
    ("text", "post"),
    [
        # a person's own care, family, births, schools-and-vaccines, medicines and staff are NHS business
        ("My son was born at the Royal Surrey three years ago and the midwives were amazing", CAR_PARK_POST),
        ("My daughter had her school vaccinations today, she was so brave", CAR_PARK_POST),
        ("The staff on ward 4 looked after my dad brilliantly when he was in", CAR_PARK_POST),
        ("Can't get an appointment for love nor money these days", CAR_PARK_POST),
        ("Anyone know why my repeat prescription still isn't ready at Boots?", CAR_PARK_POST),
        ("Anyone else been waiting hours at A&E today? Tesco car park is quicker", CAR_PARK_POST),
        ("Who's the lovely porter on the night shift? My nan won't stop talking about him", FLU_POST),
        ("Anyone know if the kids can get their jabs at school or do we need the GP?", CAR_PARK_POST),
        # questions about the post, with no other subject named
        ("Does anyone know if this applies to Guildford?", FLU_POST),
        ("What time does it open on Sunday?", FLU_POST),
        ("Is the new car park open on Sunday? Where do I pay?", CAR_PARK_POST),
        # too short, or shares a word with the post
        ("Anyone selling a sofa?", FLU_POST),
        ("Anyone know?", FLU_POST),
        ("Is there electric charging for vans or just cars, anyone know? Selling mine soon", CAR_PARK_POST),
        # long, unrelated, but no recognisable other subject: weak at most
        ("Lovely sunny weather this weekend, finally summer has arrived properly for everybody round here", FLU_POST),
    ],
)
def test_on_topic_or_not_clearly_different(text: str, post: str) -> None:
    assert [f for f in run(text, post=post) if f.score >= 0.5] == []


def test_word_shared_with_the_thread_keeps_it_on_topic() -> None:
    text = "Who's watching the England game?"
    item = ContentItem("o2", text, post=FLU_POST, thread=("Can't wait for the England game after my jab",))
    assert [f for f in DETECTOR.detect(item, AssessContext()) if f.score >= 0.5] == []


def test_short_question_threshold_is_configurable() -> None:
    strict = OffTopicDetector(min_question_words=8)
    item = ContentItem("o3", "Anyone know a good plumber?", post=FLU_POST)
    assert strict.detect(item, AssessContext()) == []
