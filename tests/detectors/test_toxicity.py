"""Profanity, abuse, hate, threat and sexual lexicon detectors: positives, negatives and disguises."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.lexicon import Entry, Lexicon, load_lexicon
from steward.detectors.normalise import normalise
from steward.detectors.toxicity import (
    AbuseDetector,
    HateDetector,
    ProfanityDetector,
    SexualDetector,
    ThreatDetector,
)

DETECTORS: dict[str, Detector] = {
    "profanity": ProfanityDetector(),
    "abuse": AbuseDetector(),
    "hate": HateDetector(),
    "threat": ThreatDetector(),
    "sexual": SexualDetector(),
}


def run(category: str, text: str) -> list[Finding]:
    item = ContentItem("t1", text)
    findings = list(DETECTORS[category].detect(item, AssessContext()))
    assert item.text == text
    for f in findings:
        assert f.category == category
        assert 0 <= f.start < f.end <= len(text)
        assert 0.0 <= f.score <= 1.0
        assert f.explanation and f.detector.endswith("@1.2" if category == "hate" else "@1.0")
    return findings


def top(category: str, text: str) -> float:
    return max((f.score for f in run(category, text)), default=0.0)


@pytest.mark.parametrize(
    ("text", "kind", "evidence"),
    [
        ("what the fuck is this", "swear", "fuck"),
        ("absolute bollocks", "swear", "bollocks"),
        ("FUUUUCK this queue", "swear", "FUUUUCK"),
        ("f.u.c.k the lot of you", "swear", "f.u.c.k"),
        ("f u c k", "swear", "f u c k"),
        ("what a load of sh*t", "swear", "sh*t"),
        ("f**king joke", "swear", "f**king"),
        ("ｓｈｉｔ service", "swear", "ｓｈｉｔ"),
        ("ѕһіt service", "swear", "ѕһіt"),
        ("sh!t service", "swear", "sh!t"),
        ("f\u200buck", "swear", "f\u200buck"),
        ("f̷u̸c̶k̵", "swear", "f̷u̸c̶k̵"),
        ("cunnnt", "swear", "cunnnt"),
        ("wanker", "swear", "wanker"),
        ("total bellend", "swear", "bellend"),
        ("bloody hell", "mild_swear", "bloody"),
        # a safe context drops only the hit it overlaps: the insult after a finger-prick test is still one
        ("finger prick test done, the GP was a prick about it", "swear", "prick"),
    ],
)
def test_profanity_found(text: str, kind: str, evidence: str) -> None:
    findings = run("profanity", text)
    assert any(f.kind == kind and text[f.start : f.end] == evidence for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "Scunthorpe General Hospital",
        "Penistone and Stocksbridge",
        "East Sussex, Essex and Middlesex",
        "the cockpit of the air ambulance",
        "they will assess you tomorrow",
        "analysis of the blood results",
        "a grape and a banana",
        "my therapist was lovely",
        "Dick Whittington at the panto",
        "spotted dick and custard in the canteen",
        "Cumbria and Lancashire",
        "a skin prick test for allergies",
        "the clinic moved to finger prick testing at the GP",
        "Finger-prick INR checks at the pharmacy now",
        "the midwife did the heel prick test on day five",
        "thumb prick glucose check before tea",
        "the classic passage",
        "as I said",
        "class of 2024",
        "shiitake mushrooms",
        "Great service, thank you!",
    ],
)
def test_profanity_scunthorpe_negatives(text: str) -> None:
    assert run("profanity", text) == []


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        ("you are an idiot", 0.8),
        ("finger prick test done, the GP was a prick about it", 0.5),
        ("stupid cow", 0.8),
        ("the receptionist is a fat useless bitch", 0.9),
        ("What an idiot.", 0.8),
        ("shut up, idiot!", 0.8),
        ("you muppet", 0.6),
        ("you're pathetic", 0.6),
        ("you stupid woman", 0.7),
        ("kill yourself", 0.9),
        ("k y s", 0.9),
        ("fuck off", 0.8),
        ("Y0u 1d10t", 0.8),
        ("you  are  such  a  m0r0n", 0.8),
        ("ｙｏｕ ａｒｅ ａ ｔｗａｔ", 0.9),
    ],
)
def test_abuse_found(text: str, minimum: float) -> None:
    assert top("abuse", text) >= minimum


@pytest.mark.parametrize(
    "text",
    [
        "The A&E wait was a disgrace",
        "your management is useless",
        "this is shocking care",
        "the receptionist was rude and unhelpful",
        "the cow field behind the hospital",
        "guide dog owners need better access",
        "we saw a rat in the car park",
        "Thank you so much to the doctors",
        "the system is a joke",
        "incompetent management, again",
        "I'm a gay man",
        "the nurse did a finger prick test on my son",
        "you'll get a heel prick test on day five",
    ],
)
def test_abuse_negatives(text: str) -> None:
    assert top("abuse", text) < 0.5


def test_mild_insult_alone_scores_low() -> None:
    assert 0.0 < top("abuse", "I felt like an idiot") < 0.5


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("go back to your country you p4ki", "slur"),
        ("f@ggot", "slur"),
        ("Muslims are vermin", "dehumanising"),
        ("immigrants are nothing but parasites", "dehumanising"),
        ("all immigrants should be deported", "exclusionary"),
        ("trans people should be shot", "violent_hate"),
        ("kill all the jews", "violent_hate"),
        ("I hate gay people", "hatred"),
        ("I hate gay", "hatred"),
        ("Being jewish is idiotic.", "hateful_generalisation"),
        ("a disgusting black", "hateful_generalisation"),
        ("Musl1ms are vermin", "dehumanising"),
        ("mυslims are scum", "dehumanising"),
    ],
)
def test_hate_found(text: str, kind: str) -> None:
    findings = run("hate", text)
    assert any(f.kind == kind and f.score >= 0.7 for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "I'm a gay man",
        "my Muslim neighbour",
        "disabled patients deserve better",
        "Black history month at the trust",
        "support for trans patients",
        "our Jewish chaplain",
        "immigrant nurses keep the NHS running",
        "terrible black mould on the ward",
        "a horrible old building",
        "the elderly are waiting too long",
        "a fag break outside",
        "fire retardant curtains",
        "Offa's Dyke path",
        "spastic cerebral palsy clinic",
        "I am muslim",
        "respect trans",
        "Being gay is wonderful.",
    ],
)
def test_hate_negatives_identity_alone(text: str) -> None:
    assert top("hate", text) < 0.5


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a slur the comment reports, or the writer uses of themselves: a person reads it rather than removing it
        ("Got called a P*ki twice in A&E on Saturday while I was triaging", True),
        ("People still call my son a 'retard' in the park", True),
        ("Someone called patients on our unit 'mongs' in these comments. They are people.", True),
        ("A GP receptionist once said 'we don't take gyppos' to my face", True),
        ("I'm a proud dyke and a nurse", True),
        ("He shouted f@ggot at my brother outside the pharmacy", True),
        # the writer introducing themselves with the word, at the start of a sentence (hate 1.2)
        ("Old dyke here, 70 this year. Never thought I'd see the NHS at Pride.", True),
        ("Proud dyke here! Thank you to the sexual health team", True),
        ("Thank you all. Old dyke here and still marching", True),
        # the slur aimed at someone stays a slur, whatever comes after it
        ("get out you dirty paki", False),
        ("you retard", False),
        ("he is a retard, called it", False),
        ("all the pakis should go back, I said it", False),
        # "… here" that asks who is present, or aims the word at others, is not an introduction
        ("Any dykes here? Get out", False),
        ("Too many dykes here", False),
        ("you dyke here is your answer", False),
        ("Get out of my ward you filthy old dyke here", False),
        ("The nurses are all dykes here", False),
        ("Dyke here is everywhere at this hospital", False),
        # adversarial: an introduction far into a long comment still needs a sentence start before it
        ("Honestly the receptionist at the walk-in centre on Tuesday was the rudest person ever, a dyke here", False),
        # adversarial: a reporting verb too far before the slur does not soften it
        ("I called the ward this morning and the receptionist was rude and slow and useless, the lazy p4ki", False),
    ],
)
def test_reported_or_self_applied_slur_is_for_a_person(text: str, reported: bool) -> None:
    findings = run("hate", text)
    kinds = {f.kind for f in findings}
    if reported:
        assert kinds == {"reported_slur"} and all(f.score == 0.45 for f in findings), findings
        assert "a person decides" in findings[0].explanation
    else:
        assert "slur" in kinds and top("hate", text) >= 0.7, findings


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        ("I'll kill you", 0.9),
        ("I will find the receptionist and stab her", 0.85),
        ("I know where you live", 0.9),
        ("you'll get what's coming", 0.8),
        ("someone should burn the place down", 0.8),
        ("I'm going to come down there and smash the place up", 0.8),
        ("I'm going to come down there and smash", 0.8),
        ("im gonna batter that doctor", 0.85),
        ("I'll k1ll you", 0.9),
        ("i'll kiiiill u", 0.9),
        ("watch your back", 0.7),
        ("somebody needs to shoot the manager", 0.8),
    ],
)
def test_threat_found(text: str, minimum: float) -> None:
    assert top("threat", text) >= minimum


@pytest.mark.parametrize(
    "text",
    [
        "this waiting list is killing me",
        "I could kill for a coffee",
        "the heat is killing me",
        "smoking will kill you",
        "the injection will hurt you a bit",
        "you smashed it, thank you",
        "the burns unit was brilliant",
        "I'll beat the traffic if I leave now",
        "my back is killing me",
        "we need to kill time before the scan",
    ],
)
def test_threat_negatives(text: str) -> None:
    assert top("threat", text) < 0.5


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("send nudes", "solicitation"),
        ("check my onlyfans", "solicitation"),
        ("nice tits nurse", "harassment"),
        ("p0rn", "explicit"),
        ("so h0rny", "explicit"),
    ],
)
def test_sexual_found(text: str, kind: str) -> None:
    assert any(f.kind == kind for f in run("sexual", text))


@pytest.mark.parametrize(
    "text",
    [
        "blue tits on the bird feeder",
        "sexual health clinic opening hours",
        "breast screening appointment",
        "erectile dysfunction clinic",
        "Cumbria",
        "summa cum laude",
        "my pussy cat",
    ],
)
def test_sexual_negatives(text: str) -> None:
    assert run("sexual", text) == []


def test_lexicon_doubled_letters_need_two() -> None:
    lex = Lexicon("t", [Entry("ass", "swear", 0.5), Entry("kill", "verb", 0.5)])
    assert [h.entry.term for h in lex.find(normalise("as kil ass kiiilll"))] == ["ass", "kill"]


@pytest.mark.parametrize("name", ["profanity", "abuse", "hate", "threat", "sexual", "political", "commercial"])
def test_lexicon_files_load(name: str) -> None:
    lex = load_lexicon(name)
    assert len(lex.entries) > 10
    assert all(0.0 <= e.weight <= 1.0 for e in lex.entries)


def test_detectors_declare_protocol() -> None:
    for category, det in DETECTORS.items():
        assert isinstance(det, Detector)
        assert det.categories == frozenset({category})


# --- veiled and indirect threats ---


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # explicit intent: 0.85+
        ("I'll put a brick through your window", 0.85, 1.0),
        ("someone should put a brick through their windscreen", 0.85, 1.0),
        ("someone should torch their cars", 0.8, 1.0),
        ("somebody needs to set fire to the building", 0.8, 1.0),
        # veiled: 0.6-0.8
        ("That receptionist had better watch her back", 0.6, 0.8),
        ("he'd better watch his back", 0.6, 0.8),
        ("I know where she lives", 0.6, 0.8),
        ("we know where that nurse parks", 0.6, 0.8),
        ("I'll find her. Mark my words.", 0.6, 0.8),
        ("he deserves what's coming to him", 0.6, 0.8),
        ("I'll be waiting for her after work", 0.6, 0.8),
        ("I'll make him pay", 0.6, 0.8),
        ("I'll make him pay for what he did", 0.6, 0.8),
        ("She's been warned", 0.6, 0.8),
        ("someone's going to get hurt if that doctor keeps this up", 0.6, 0.8),
        # adversarial spellings
        ("i kn0w wh3re sh3 l1ves", 0.6, 0.8),
        ("I'll p.u.t a brick thr0ugh y0ur w1ndow", 0.85, 1.0),
        ("that d0ct0r better watch h1s back", 0.6, 0.8),
        ("I knоw where she wоrks", 0.6, 0.8),  # Cyrillic о
    ],
)
def test_veiled_threat_found(text: str, low: float, high: float) -> None:
    assert low <= top("threat", text) <= high, text


@pytest.mark.parametrize(
    "text",
    [
        "I could kill for a coffee",
        "watch this space",
        "the wait is killing me",
        "I'll find out tomorrow",
        "I'll be waiting for the results",
        "I'll make him pay for the parking",
        "I'll find her a leaflet",
        "I'll find you the link",
        "I'll get you a leaflet",
        "I know where the clinic is",
        "I don't know where she lives",
        "You are dead to me",
        "I'll hit you up later",
        "You can sleep when you're dead",
        "the steps are so icy someone's going to get hurt",
        "We'll be there Saturday",
        "Mind you watch your step",
    ],
)
def test_veiled_threat_negatives(text: str) -> None:
    assert top("threat", text) < 0.6, text


@pytest.mark.parametrize(
    ("thread", "expected"),
    [
        (("I know where that receptionist lives",), True),
        (("lovely staff, thank you",), False),
        ((), False),
    ],
)
def test_follow_up_counts_only_after_a_threat(thread: tuple[str, ...], expected: bool) -> None:
    item = ContentItem("t1", "We'll be there Saturday.", thread=thread)
    findings = list(DETECTORS["threat"].detect(item, AssessContext()))
    assert any(f.kind == "follow_up" and f.score >= 0.6 for f in findings) is expected


def test_follow_up_in_the_same_comment() -> None:
    findings = run("threat", "I know where you live. We'll be there Saturday.")
    assert {f.kind for f in findings} >= {"intimidation", "follow_up"}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("if that receptionist talks to me like that again she'll regret it, I know what car she drives", True),
        ("the staff at this surgery deserve a good kicking", True),
        ("I know what bus he takes", True),
        ("you'll regret not getting the flu jab this winter", False),
        ("my knee needs a good rest", False),
        ("I know what car park to use now, thanks", False),
    ],
)
def test_veiled_threats_about_staff(text: str, flagged: bool) -> None:
    from steward.detectors.threat import ThreatDetector

    found = ThreatDetector().detect(ContentItem(id="t", text=text), AssessContext())
    assert (max((f.score for f in found), default=0.0) >= 0.6) is flagged, found


# --- colloquial threats without "I will" ---


@pytest.mark.parametrize(
    ("text", "kind", "low"),
    [
        ("that doctor wants stabbing", "incitement", 0.75),
        ("tht gp wants st4bbing honestly", "incitement", 0.75),
        ("the manager deserves a good shooting", "incitement", 0.75),
        ("that receptionist wants her head kicking in", "incitement", 0.75),
        ("the managers want lining up against a wall", "incitement", 0.75),
        ("someone needs to sort that receptionist out properly", "incitement", 0.6),
        ("that nurse needs sorting out properly", "incitement", 0.6),
        ("someone shud sort her out proper", "incitement", 0.6),
        ("if anything happens to my son the nurse is dead", "intimidation", 0.75),
        ("if owt happens to my mum ur dead", "intimidation", 0.75),
        ("people like that get hurt", "intimidation", 0.6),
        ("ppl like her get hurt", "intimidation", 0.6),
        ("staff who talk to patients like that end up getting stabbed", "intimidation", 0.6),
        ("she won't be smiling much longer", "intimidation", 0.6),
        ("he wont be smirking for much longer", "intimidation", 0.6),
        ("next time it won't be words", "intimidation", 0.65),
        ("next time it'll be more than words", "intimidation", 0.65),
        ("wait til I see him in the car park", "intimidation", 0.65),
        ("w8 til i see her outside the surgery", "intimidation", 0.65),
        ("just wait till i get my hands on that receptionist", "intimidation", 0.75),
        ("let's see how brave she is face to face", "intimidation", 0.6),
        ("should be strung up", "wish_harm", 0.7),
        ("they should all be strung up", "wish_harm", 0.7),
        ("string them all up", "wish_harm", 0.7),
        ("hope someone stabs that doctor", "wish_harm", 0.7),
        ("she's lucky I didn't deck her", "intimidation", 0.6),
        ("burn it down with them inside", "arson", 0.85),
        ("torch the place with the staff inside", "arson", 0.85),
        ("I'll be outside at 5, let's see how brave he is", "follow_up", 0.65),
    ],
)
def test_colloquial_threat_found(text: str, kind: str, low: float) -> None:
    findings = run("threat", text)
    assert any(f.kind == kind and f.score >= low for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "that wait wants sorting out",
        "the car park wants lining",
        "dead tired",
        "I'm dead serious about complaining",
        "she was smiling the whole time",
        "string of appointments",
        "burn the midnight oil",
        "vulnerable people like that get hurt when services are cut",
        "elderly people like that get hurt falling",
        "people like that get hurt easily on the ward",
        "the bins need taking out",
        "that wall needs knocking out",
        "the picture wants hanging on the wall",
        "the garden wants burning off",
        "the dog needs putting down",
        "can't wait till I see her again",
        "wait till you see the new ward",
        "wait until I see the doctor tomorrow",
        "he won't be walking for much longer, his MS is worse",
        "she won't be here much longer, she's moving to Leeds",
        "next time it won't be a complaint it'll be my solicitor",
        "let's see how brave the government is on funding",
        "the Christmas lights should be strung up by now",
        "I was lucky I didn't fall",
        "if anything happens to my mum I'll sue the trust",
        "if anything happens to my son the nurse is to blame",
        "I hope someone runs the hospital better",
        "they think they want a shooting war",
        "need my teeth fixing",
    ],
)
def test_colloquial_threat_negatives(text: str) -> None:
    assert top("threat", text) < 0.5, run("threat", text)


# --- sexual harassment of staff and solicitation without explicit words ---


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the nurse can give me a bed bath any time 😏", "harassment"),
        ("that nurse can examine me anytime", "harassment"),
        ("bed bath off nurse kelly whenever she likes", "harassment"),
        ("send nudes", "solicitation"),
        ("send me nudes x", "solicitation"),
        ("sit on my face", "harassment"),
        ("nurse Sarah has a lovely arse", "harassment"),
        ("dr jones has got a banging body", "harassment"),
        ("nice legs on that midwife", "harassment"),
        ("that nurse on ward 5 is well fit", "harassment"),
        ("the blonde receptionist is so sexy", "harassment"),
        ("dm me for nudes", "solicitation"),
        ("meet local singles tonight", "solicitation"),
        ("anyone up for a quickie", "solicitation"),
        ("the nurse can take my temperature any time 😉", "harassment"),
    ],
)
def test_sexual_harassment_found(text: str, kind: str) -> None:
    findings = run("sexual", text)
    assert any(f.kind == kind and f.score >= 0.7 for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "the nurse gave my dad a bed bath and was so gentle, thank you",
        "the nurse can check my blood pressure any time, she's lovely",
        "the doctor said he's fit to go home",
        "the nurse is fit and well",
        "the doctor is so hot on infection control",
        "the ward is so hot today",
        "my son has a big rash on his legs",
        "the physio has great ideas",
        "she's got a big heart",
        "text me for more info about the clinic",
        "He is so sexy and good looking",
        "I want a quick check up",
        "meet the team at the local clinic",
    ],
)
def test_sexual_harassment_negatives(text: str) -> None:
    assert top("sexual", text) < 0.7, text


# --- hate without slurs (Equality Act groups) ---


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        ("send them all back", 0.55),
        ("send them all back to where they came from", 0.85),
        ("go back to your own country", 0.85),
        ("foreign nurses can't even speak English and shouldn't be allowed near patients", 0.8),
        ("trans people are mentally ill and shouldn't get NHS money", 0.7),
        ("disabled people are a drain", 0.7),
        ("disabled people are a drain on the NHS", 0.7),
        ("old people should just die and free up beds", 0.9),
        ("immigrants are taking our jobs", 0.7),
        ("being trans is a mental illness", 0.7),
        ("muslims don't belong in this country", 0.8),
        ("pregnant women are a burden on the NHS", 0.7),
        ("the elderly are bed blockers", 0.7),
        ("trans people shouldnt get nhs treatment", 0.6),
        ("deport them all.", 0.55),
    ],
)
def test_hate_without_slurs(text: str, minimum: float) -> None:
    assert top("hate", text) >= minimum, (text, run("hate", text))


@pytest.mark.parametrize(
    "text",
    [
        "the trans clinic waiting list is 5 years",
        "as a deaf mum I struggled to book",
        "my Polish neighbour drove me",
        "I ordered the wrong size so had to send them all back",
        "the prescriptions were wrong so I sent them back",
        "immigrants are more likely to be mentally ill after trauma",
        "disabled people shouldn't be allowed to wait this long",
        "elderly patients shouldn't be left on trolleys",
        "deaf patients can't get through on the phone",
        "my Polish carer can't speak English very well but she is lovely",
        "disabled people are mentally strong",
        "men are mental lol",
        "the trans people I know are lovely",
        "the lads are going back home",
        "old people deserve better care",
    ],
)
def test_hate_without_slurs_negatives(text: str) -> None:
    assert top("hate", text) < 0.5, (text, run("hate", text))
