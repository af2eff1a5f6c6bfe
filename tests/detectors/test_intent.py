"""Complaint and urgent-medical detectors."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.intent import ComplaintDetector, UrgentMedicalDetector

COMPLAINT = ComplaintDetector()
URGENT = UrgentMedicalDetector()


def best(detector: Detector, text: str) -> Finding | None:
    findings = list(detector.detect(ContentItem("i1", text), AssessContext()))
    return max(findings, key=lambda f: f.score) if findings else None


@pytest.mark.parametrize("detector", [COMPLAINT, URGENT])
def test_protocol(detector: Detector) -> None:
    assert isinstance(detector, Detector)
    assert detector.categories == frozenset({detector.name})


@pytest.mark.parametrize(
    ("text", "kind", "score"),
    [
        ("I want to make a complaint", "complaint_intent", 0.9),
        ("How do I complain about the GP?", "complaint_intent", 0.9),
        ("I'm going to report this", "complaint_intent", 0.9),
        ("We have already lodged a formal complaint", "complaint_intent", 0.9),
        ("I'll be going to the ombudsman", "complaint_intent", 0.9),
        ("my dad was left for 12 hours without food", "care_concern", 0.7),
        ("nobody has called me back about my referral", "care_concern", 0.7),
        ("appalling treatment of my mother on ward 7", "care_concern", 0.7),
        ("They cancelled my operation three times", "care_concern", 0.7),
        ("still waiting for my test results after 6 weeks", "care_concern", 0.7),
        ("the receptionist was so rude", "care_concern", 0.7),
        ("this is an absolute joke", "dissatisfaction", 0.4),
        ("I w@nt to m4ke a c0mplaint", "complaint_intent", 0.9),
    ],
)
def test_complaint_positive(text: str, kind: str, score: float) -> None:
    f = best(COMPLAINT, text)
    assert f is not None, text
    assert (f.kind, f.score, f.category) == (kind, score, "complaint")
    assert f.detector == "complaint_lexicon@1.2"


@pytest.mark.parametrize(
    "text",
    [
        "The NHS is great",
        "The staff on ward 7 were brilliant, thank you so much",
        "Had my booster today, quick and painless",
        "me and my pals went to the vaccine bus",
        "Thanks for the reminder about the flu jab",
        "What are the opening hours of the walk-in centre?",
        "Nurses deserve a proper pay rise",
    ],
)
def test_complaint_negative(text: str) -> None:
    assert best(COMPLAINT, text) is None


@pytest.mark.parametrize(
    ("text", "min_score", "evidence"),
    [
        ("my husband has chest pain and can't breathe", 0.9, "chest pain"),
        ("I think I'm having a stroke", 0.9, "stroke"),
        ("baby has a high fever and won't wake up", 0.9, "wake up"),
        ("I've taken too many paracetamol", 0.9, "paracetamol"),
        ("my son is struggling to breathe and I can't get through to 111", 0.9, "breathe"),
        ("she's not breathing please help", 0.9, "breathing"),
        ("my daughter's lips are swelling after eating nuts", 0.9, "swelling"),
        ("need urgent help", 0.85, "urgent help"),
        ("he's collapsed in the kitchen", 0.9, "collapsed"),
        ("severe bleeding, please help now", 0.6, "bleeding"),
        ("anaphylaxis", 0.4, "anaphylaxis"),
        ("my dad is unresponsive", 0.9, "unresponsive"),
    ],
)
def test_urgent_positive(text: str, min_score: float, evidence: str) -> None:
    f = best(URGENT, text)
    assert f is not None, text
    assert f.score >= min_score and f.category == "urgent_medical"
    assert evidence in text[f.start : f.end]


@pytest.mark.parametrize(
    "text",
    [
        "What are the urgent care centre opening hours?",
        "May is stroke awareness month",
        "last year I had a stroke and the staff were brilliant",
        "my husband had chest pain in 2019 and the paramedics were amazing",
        "unconscious bias training for all staff",
        "the booking website is not responding",
        "I took all my kids to the park",
        "Know the signs of sepsis: join our webinar",
    ],
)
def test_urgent_negative(text: str) -> None:
    f = best(URGENT, text)
    assert f is None or f.score < 0.5, (text, f)


def test_emergency_term_context() -> None:
    bare = best(URGENT, "possible sepsis")
    urgent_now = best(URGENT, "I think it's sepsis, please help!!")
    history = best(URGENT, "I had sepsis two years ago")
    assert bare is not None and urgent_now is not None
    assert urgent_now.score > bare.score
    assert history is None


# --- indirect and colloquial complaints ---


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        ("nobody has called me back in three weeks", 0.7),
        ("my mum was discharged at 2am with no transport", 0.7),
        ("they discharged him at 3am without any transport", 0.7),
        ("lost my dad's hearing aids and glasses and nobody cares", 0.7),
        ("the ward lost my nan's dentures", 0.7),
        ("waited 9 months for a referral that never came", 0.7),
        ("third time my appointment has been cancelled", 0.7),
        ("3rd time they've cancelled my op", 0.7),
        ("op got cancelled again on the day", 0.7),
        ("how do I report a nurse", 0.9),
        ("how do i report a doctor at the surgery", 0.9),
        ("who do I speak to about the way my dad was treated", 0.7),
        ("who can we talk to about this", 0.7),
        ("I want answers", 0.7),
        ("we deserve an apology", 0.7),
        ("this needs investigating", 0.7),
        ("PALS never replied", 0.7),
        ("pals still haven't got back to me", 0.7),
        ("still haven't had a reply to my complaint", 0.7),
        ("I've written to the chief exec", 0.9),
        ("ive emailed the ceo and the cqc", 0.9),
        ("reported them to the CQC", 0.9),
        ("the way they spoke to my nan was disgusting", 0.7),
        ("the way that receptionist talked to me was so rude", 0.7),
        ("felt completely fobbed off", 0.7),
        ("they didnt take me seriously", 0.7),
        ("the referral was never sent", 0.7),
        ("never got my results", 0.7),
        ("been waiting 2 years for my hip", 0.55),
        ("I've written to my MP about my mum's care", 0.6),
    ],
)
def test_complaint_indirect(text: str, minimum: float) -> None:
    f = best(COMPLAINT, text)
    assert f is not None and f.score >= minimum, (text, f)


@pytest.mark.parametrize(
    "text",
    [
        # praise and good news told with care words
        "Great news, my mum was discharged today and she's doing brilliantly",
        "after waiting 9 months I finally had my hip op and the team were amazing, thank you",
        "the way they looked after my nan was amazing",
        "The nurse gave my dad a bed bath and was so gentle, thank you",
        # political opinion, general questions, everyday life
        "NHS funding is a disgrace, the government should be ashamed",
        "we want answers from the government on pay",
        "WE THE PEOPLE DEMAND AN INVESTIGATION OF the minister",
        "what time does the pharmacy open on Sunday",
        "who do I talk to about booking a flu jab",
        "I need an explanation of what a CT scan involves",
        "I've lost my glasses somewhere in the car park, has anyone handed them in?",
        "me and my pals never replied to the group chat lol",
        "I'm going to report a bug on the website",
        "nobody cares about your opinion mate",
        "my order arrived, never got the letter though",
        "the third time I've watched this film",
        "waited 2 years for these tickets",
        "she waiting for 8 years for a follow back",
    ],
)
def test_complaint_indirect_negatives(text: str) -> None:
    f = best(COMPLAINT, text)
    assert f is None or f.score < 0.5, (text, f)


@pytest.mark.parametrize(
    "text",
    [
        # what a member of staff did, told without the word "complaint"
        "the nurse who saw my son on Tuesday night was really dismissive",
        "The GP I saw this morning was a bit patronising",
        "the woman on reception was extremely rude to my elderly dad",
        "she was so abrupt with my daughter, who was already frightened",
        "the doctor didn't even examine me",
        "the locum hadn't read my notes",
        "never once looked up from the screen... he didn't look at me",
        "the consultant kept talking over my wife",
        "111 hung up on me",
        "put on hold twice then cut off",
        "I came away feeling like a nuisance",
        "she made my mum feel stupid for asking",
        "the paramedic told her she was wasting their time",
        # what never happened, or went wrong, in the writer's own care
        "They lost my blood test results again",
        "turned up for my jab and they had no record of the booking",
        "op cancelled by text the night before with no new date",
        "rang the surgery 14 times this morning",
        "on hold to the hospital switchboard for 45 minutes",
        "emailed them three weeks ago and still no reply",
        "she was sent home without any pain relief",
        "ended up having to pay to go private",
        "got a parking fine while I was having chemo",
        "asked for an interpreter for my mum and got nothing",
    ],
)
def test_complaint_told_not_announced(text: str) -> None:
    f = best(COMPLAINT, text)
    assert f is not None and f.score >= 0.5, (text, f)


@pytest.mark.parametrize(
    "text",
    [
        # conduct words not about staff, or not about what they did to the writer
        "the weather was really cold and the car park was rude awakening",
        "my cat is so judgemental when I eat crisps",
        "the staff were amazing, not rude at all, lovely people",
        # the same verbs outside care
        "didn't examine the small print before signing up for the gym",
        "hung up the washing then cut off the tags",
        "rang the bells 5 times at the wedding",
        "on hold music is Vivaldi, at least",
        "I have heard nothing but good things about the new unit",
        "booked an interpreter for the conference in May",
        "lost my wallet on the bus",
        # the experience-of-care combination: no experience of a service (opinion about the system)
        "the NHS is a shambles and the government should be ashamed",
        "GP appointments are impossible to get in this country, it's a disgrace",
        # an experience, but nothing wrong
        "I rang 111 last night and they sorted me out within an hour, thank you",
        "we had our scan at the clinic today, all fine, lovely staff",
        # an experience with something wrong, but not a service
        "I went to the football and it was a shambles, nobody knew where to go",
        # a relative who simply is something
        "my nan is 97 and has never needed a doctor",
    ],
)
def test_complaint_told_not_announced_negatives(text: str) -> None:
    f = best(COMPLAINT, text)
    assert f is None or f.score < 0.5, (text, f)


@pytest.mark.parametrize(
    "text",
    [
        # a story that turns and ends well: how it ended is what the writer is telling
        "They cancelled my op the week before but rebooked me within 7 days, brilliant communication from the team",
        "Surgery cancelled my appointment but rang me themselves and rebooked me for the same week",
        "The wait for my results was awful but the team kept me informed the whole way through",
        # praise said with a negative
        "Had my scan moved twice, they rang a week ahead each time and let me pick the new date. Can't fault that.",
        "my appointment got cancelled and they sorted a new one the same day, couldn't have asked for more",
        # words ending in -nt are not "n't": brilliant, excellent, appointment
        "My appointment was cancelled and moved to the next day, brilliant and excellent service, thank you",
    ],
)
def test_complaint_stories_that_end_well_are_not_redirected(text: str) -> None:
    f = best(COMPLAINT, text)
    assert f is None or f.score < 0.5, (text, f)


@pytest.mark.parametrize(
    "text",
    [
        # the good ending is denied, or the turn runs the other way
        "My husband's scan got cancelled because of the strike. We were told cancer pathways were unaffected. "
        "Apparently his didn't count. Still no new date.",
        "the staff were lovely but they cancelled my op twice and I still have no date",
        "My dad's op was cancelled on the day but the nurse was kind. Sent home with no new date and nobody has rung.",
        "My op at the hospital was cancelled, but brilliant, I was told to wait for a letter. Months on, no letter.",
        # praise words around a grievance that stays
        "brilliant nurses but the doctor didn't even examine me",
        # thanks said as sarcasm, or beside a refusal (1.2)
        "The doctor refused to examine my daughter properly. Thanks, amazing service.",
        "Mum's op at the hospital went ahead in the end, no thanks to the ward who lost her notes twice.",
    ],
)
def test_complaint_stories_that_end_badly_are_still_redirected(text: str) -> None:
    f = best(COMPLAINT, text)
    assert f is not None and f.score >= 0.5, (text, f)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an experience of a service (I/we, a relative, "told me"), the service named, and something wrong
        ("I rang the practice at 8 on the dot and by 8.05 there were no appointments left", "experience_of_care"),
        ("my dad waited in the ambulance outside A&E for five hours, nobody came out to him", "experience_of_care"),
        ("we turned up for the scan and the clinic said it had been moved, no letter", "experience_of_care"),
        ("they sent us home with a leaflet and no follow up from the GP", "experience_of_care"),
        # a stronger phrase is reported instead of the combination
        ("I want to make a complaint about the GP, I was ignored", "complaint_intent"),
    ],
)
def test_complaint_told_as_experience(text: str, kind: str) -> None:
    found = list(COMPLAINT.detect(ContentItem("i1", text), AssessContext()))
    assert found, text
    top = max(found, key=lambda f: f.score)
    assert top.kind == kind and top.score >= 0.5
    if kind == "experience_of_care":
        assert top.score == 0.6 and text[top.start : top.end].split()[0].lower() in {"i", "my", "we", "sent"}


# --- colloquial present-tense emergencies ---


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("my lad's lips are going blue", "blue"),
        ("his lips r turning purple", "purple"),
        ("she's fitting and won't stop", "fitting"),
        ("my son's seizing please help", "seizing"),
        ("can't wake him", "wake"),
        ("cant wake my daughter up", "wake"),
        ("chest feels crushed and my arm's numb", "crushed"),
        ("face drooping on one side", "drooping"),
        ("one side of her face has dropped and her speech is slurred", "face"),
        ("swallowed bleach", "bleach"),
        ("my toddler has eaten a button battery", "battery"),
        ("bleeding won't stop", "bleeding"),
        ("baby's floppy and not feeding", "floppy"),
        ("111 keeps me on hold and my daughter can barely breathe", "breathe"),
        ("he's gasping for air", "gasping"),
        ("my baby hasn't moved today and I'm 34 weeks", "moved"),
        ("i think my waters have broken", "waters"),
        ("she's just overdosed", "overdosed"),
        ("had to use her epipen, what now", "epipen"),
    ],
)
def test_urgent_colloquial(text: str, evidence: str) -> None:
    f = best(URGENT, text)
    assert f is not None and f.score >= 0.85, (text, f)
    assert evidence in text[f.start : f.end], (text, f)


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        ("should I go to A&E, my temperature is 40 and I'm confused", 0.8),
        ("do we need to take him to a and e", 0.8),
        ("my babys temp is 39.8", 0.8),
        ("the ambulance is not answering", 0.8),
    ],
)
def test_urgent_need_questions(text: str, minimum: float) -> None:
    f = best(URGENT, text)
    assert f is not None and f.score >= minimum, (text, f)


@pytest.mark.parametrize(
    "text",
    [
        # hypotheticals, awareness and advice
        "what should you do if someone has a stroke?",
        "if your child's lips are turning blue call 999",
        "if someone is having a heart attack call 999",
        "Know the signs of stroke: face drooping, arm weakness, speech slurred. Act FAST",
        # past events
        "my dad had a stroke last year, his face was drooping and the paramedics were brilliant",
        "I once swallowed bleach as a kid",
        "I've taken too many paracetamol 3 years ago and recovered",
        "111 kept me on hold for 2 hours last week, useless",
        "nothing was happening, and months later he overdosed",
        # jokes and everyday senses
        "lol I literally cannot breathe this is so funny",
        "my lips are blue from this slushie",
        "my new dress is fitting perfectly",
        "the kitchen fitters are fitting the new units",
        "can't wake him up for school lol",
        "my hair is so limp today",
        "baby isn't feeding well, any tips for bottle feeding?",
        "the temperature is 40 degrees in Spain",
        "the name thing is odd enough",
        "Blue;u put a smile on my face. Purple;u r realy hot",
    ],
)
def test_urgent_colloquial_negatives(text: str) -> None:
    f = best(URGENT, text)
    assert f is None or f.score < 0.5, (text, f)


# --- the word-set matcher behind the experience-of-care check ---


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the ward was awful", True),  # a word
        ("had an op last week", True),
        ("they didn't call", True),  # apostrophe: "didn't" is the word "didnt"
        ("they didnt call", True),
        ("it was disgraceful", True),  # a stem: disgrace*
        ("went to a&e", True),  # a word with a symbol
        ("went to a & e", True),  # a phrase, keyed by its rarest word ("e")
        ("the x-ray was lost", True),  # a phrase across a hyphen
        ("no reply from them", True),
        # inside other words, or the phrase's words apart
        ("my wardrobe is full", False),
        ("opera tickets", False),
        ("disgraced footballer", True),  # the stem takes any ending, by design
        ("a bit of e numbers", False),
        ("reply to no one", True),  # "no one" is a WRONG phrase of its own
    ],
)
def test_terms_match_whole_words_stems_and_phrases(text: str, found: bool) -> None:
    from steward.detectors.complaint_rules import SERVICE_TERMS, WRONG_TERMS
    from steward.detectors.terms import Terms, text_words

    both = Terms.parse(SERVICE_TERMS + ", " + WRONG_TERMS)
    assert both.present(text, text_words(text)) is found
