"""Self-harm, child-safety and extremism detectors: positive, negative and adversarial cases."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Finding
from steward.detectors.base import AssessContext, Detector
from steward.detectors.safeguarding import ChildSafetyDetector, ExtremismDetector, SelfHarmDetector
from steward.detectors.self_harm_past import told_as_past

SELF_HARM = SelfHarmDetector()
CHILD = ChildSafetyDetector()
EXTREMISM = ExtremismDetector()


def run(detector: Detector, text: str, thread: tuple[str, ...] = ()) -> list[Finding]:
    return list(detector.detect(ContentItem("t1", text, thread=thread), AssessContext()))


def top(findings: list[Finding]) -> Finding:
    return max(findings, key=lambda f: f.score)


@pytest.mark.parametrize("detector", [SELF_HARM, CHILD, EXTREMISM])
def test_protocol(detector: Detector) -> None:
    assert isinstance(detector, Detector)
    assert detector.categories == frozenset({detector.name})


@pytest.mark.parametrize(
    ("text", "kind", "min_score", "evidence"),
    [
        ("I want to die", "crisis_statement", 0.9, "I want to die"),
        ("honestly i just wanna die", "crisis_statement", 0.8, "wanna die"),
        ("I'm going to kill myself tonight", "crisis_statement", 0.9, "kill myself"),
        ("I can't go on.", "despair", 0.7, "can't go on"),
        ("there's no point living like this", "crisis_statement", 0.85, "no point living"),
        ("I just want to end it all", "crisis_statement", 0.8, "end it all"),
        ("I've taken an overdose", "overdose", 0.9, "overdose"),
        ("I've taken all my tablets", "overdose", 0.9, "all my tablets"),
        ("I’ve taken too many paracetamol", "overdose", 0.9, "paracetamol"),
        ("I've been cutting myself again", "self_injury", 0.9, "cutting myself"),
        ("nobody would miss me", "crisis_statement", 0.85, "miss me"),
        ("I'm feeling suicidal", "crisis_statement", 0.9, "suicidal"),
        ("kms", "crisis_statement", 0.8, "kms"),
        ("I don't want to live anymore", "despair", 0.85, "want to live"),
        ("I can't cope anymore", "despair", 0.6, "cope"),
        # encouragement aimed at others
        ("go kill yourself", "encouragement", 0.9, "kill yourself"),
        ("kys", "encouragement", 0.85, "kys"),
        ("do us all a favour and die", "encouragement", 0.85, "die"),
        # adversarial spellings
        ("i w4nt t0 d1e", "crisis_statement", 0.9, "w4nt"),
        ("ki11 y0urse1f", "encouragement", 0.9, "y0urse1f"),
        ("k y s", "encouragement", 0.85, "k y s"),
        ("k.y.s loser", "encouragement", 0.85, "k.y.s"),
        ("K-Y-S", "encouragement", 0.85, "K-Y-S"),
        ("I want to d\u200bie", "crisis_statement", 0.9, "want"),
        ("i wаnt tо diе", "crisis_statement", 0.9, "wаnt"),  # Cyrillic а, о, е
        ("I'm going to k i l l myself", "crisis_statement", 0.9, "myself"),
        # others better off without me, said as "easier" and "if I just wasn't in them"
        ("everyone's lives would be easier if i just wasn't in them anymore", "indirect_crisis", 0.85, "easier"),
        ("my kids would be happier if I wasnt around", "indirect_crisis", 0.85, "happier"),
    ],
)
def test_self_harm_positive(text: str, kind: str, min_score: float, evidence: str) -> None:
    findings = run(SELF_HARM, text)
    assert findings, text
    best = top(findings)
    assert best.kind == kind
    assert best.score >= min_score
    assert best.category == "self_harm"
    assert best.detector == "self_harm_lexicon@1.4"
    assert evidence in text[best.start : best.end]


@pytest.mark.parametrize(
    "text",
    [
        "this waiting list is killing me",
        "I'd die for a cuppa right now",
        "dying to know when the clinic opens",
        "Great news about the new suicide prevention service in Guildford",
        "September is suicide prevention month",
        "my mum died on ward 5 last year and the nurses were so kind",
        "I'm not going to kill myself, don't worry",
        "don't kill yourself trying to do everything",
        "I can't go on holiday until my op",
        "I want to die at home with my family around me, not in hospital",
        "the sky's the limit",
        "walked 5 kms to the surgery",
        "skill yourself up with our free course",
        "I nearly died laughing",
        "the heat is killing me",
        "everyone would find it easier if I was here earlier",  # "was here", not "wasn't here"
        "my family would be happier if I was around more",
        "life would be easier for everyone if the trains ran on time",
    ],
)
def test_self_harm_negative(text: str) -> None:
    assert [f for f in run(SELF_HARM, text) if f.score >= 0.5] == []


@pytest.mark.parametrize(
    ("text", "kind", "min_score"),
    [
        ("I'm 11", "stated_age", 0.7),
        ("im 12 years old and scared of needles", "stated_age", 0.9),
        ("I am in year 6", "stated_age", 0.85),
        ("i'm nearly 13 lol", "stated_age", 0.7),
        ("I'm eleven and my brother is poorly", "stated_age", 0.7),
        ("I'm 9 years old and my mum is poorly", "stated_age", 0.9),
        ("im 10 yrs old", "stated_age", 0.9),
        ("DM me, how old are you?", "grooming_cue", 0.9),
        ("don't tell your parents about this", "grooming_cue", 0.75),
        ("it's our little secret", "grooming_cue", 0.75),
        ("I'm 16 add me on snap", "grooming_cue", 0.85),
        ("are you home alone? send me a pic", "grooming_cue", 0.9),
        ("my stepdad hits me", "abuse_disclosure", 0.85),
        ("he touches me and I don't like it", "abuse_disclosure", 0.85),
        ("I'm scared to go home", "abuse_disclosure", 0.8),
        ("d0n't t3ll y0ur parents", "grooming_cue", 0.75),
    ],
)
def test_child_safety_positive(text: str, kind: str, min_score: float) -> None:
    findings = run(CHILD, text)
    assert findings, text
    best = top(findings)
    assert (best.kind, best.category) == (kind, "child_safety")
    assert best.score >= min_score


@pytest.mark.parametrize(
    "text",
    [
        "my son is 8 and needs his jabs",
        "My daughter is 11 and in year 6, can she get the flu spray?",
        "I'm 16",
        "I am 45 years old and still waiting for my operation",
        "I'm 12 weeks pregnant, when is my scan?",
        "I'm 10 minutes away from the walk-in centre",
        "I'm in year 2 of my nursing degree",
        "I'm 5'11 and 14 stone",
        "DM us your details and we'll look into it",
        "your message really touched me, thank you",
        "my dad hit the roof when he saw the parking charge",
        "I'm 12 in the queue",
        # a span of years, not an age (recovery stories, 2026-12-07)
        "But I'm 4 years stable now and I'm saying this for whoever needs to hear it: keep asking.",
        "I'm now 6 years free, engaged, and about to start a PGCE",
        "I'm 4 years out now and I can actually feel things again",
        "I'm 3 yrs clean from self harm",
    ],
)
def test_child_safety_negative(text: str) -> None:
    assert [f for f in run(CHILD, text) if f.score >= 0.5] == []


def test_child_safety_weak_primary_school_mention() -> None:
    findings = run(CHILD, "my teacher at primary school was lovely")
    assert findings and max(f.score for f in findings) < 0.5


def test_grooming_cue_strengthened_by_age_in_thread() -> None:
    alone = run(CHILD, "send me a pic")
    assert top(alone).score < 0.5
    with_thread = run(CHILD, "send me a pic", thread=("hi I'm 14 and bored",))
    assert top(with_thread).score >= 0.85


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I support ISIS", "proscribed_support"),
        ("long live the Islamic State", "proscribed_support"),
        ("National Action were right all along", "proscribed_support"),
        ("Tarrant was a hero", "glorification"),
        ("the Manchester bomber is a martyr", "glorification"),
        ("the attack was justified", "glorification"),
        ("time to take up arms", "call_to_violence"),
        ("race war now", "call_to_violence"),
        ("burn down the asylum hotel", "call_to_violence"),
        ("kill all the immigrants", "call_to_violence"),
        ("h3il h1tler", "extremist_slogan"),
        ("I suppοrt Dаesh", "proscribed_support"),  # Greek ο, Cyrillic а
    ],
)
def test_extremism_positive(text: str, kind: str) -> None:
    findings = run(EXTREMISM, text)
    assert findings, text
    assert top(findings).kind == kind
    assert top(findings).score >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "The attack in Manchester was horrific",
        "Thoughts with everyone affected by the bombing",
        "those who support ISIS should be prosecuted",
        "my nephew left to join the army",
        "The hospital was a hero to our family",
        "our nurses are heroes",
        "I stand with the junior doctors",
        "A report on the threat from al-Qaeda was published today",
        "my Muslim neighbour brought us soup",
        "I support IVF being available on the NHS",
        "IVF support group meets on Tuesdays",
    ],
)
def test_extremism_negative(text: str) -> None:
    assert run(EXTREMISM, text) == []


def test_findings_do_not_mutate_item_and_respect_text_limit() -> None:
    text = "ok " * 10_000 + "I want to die"
    item = ContentItem("long", text)
    assert SELF_HARM.detect(item, AssessContext()) == []  # beyond MAX_TEXT_CHARS
    assert item.text == text


# --- indirect crisis signals (notes, plans, means, places, farewells) ---


@pytest.mark.parametrize(
    ("text", "min_score", "evidence"),
    [
        ("I've finished writing my goodbye letters to the boys", 0.85, "goodbye letters"),
        ("wrote a suicide note this morning", 0.85, "suicide note"),
        ("don't think I'll last the weekend", 0.7, "last the weekend"),
        ("I won't be around much longer", 0.7, "much longer"),
        ("i wont be here by new year", 0.7, "by new year"),
        ("I've been saving up my sleeping tablets", 0.85, "saving up"),
        ("i have stockpiled my co-codamol", 0.85, "stockpiled"),
        ("I've got enough pills to end it", 0.85, "enough pills"),
        ("I've made my plans. Goodbye", 0.8, "made my plans"),
        ("tonight's the night i finally do it", 0.8, "tonight"),
        ("tonights the night. this is goodbye", 0.9, "tonights the night"),
        ("went up to the bridge and nearly jumped", 0.85, "jumped"),
        ("sat at the cliff edge for an hour thinking about jumping", 0.85, "jumping"),
        ("I'm cutting again and I hate it", 0.85, "cutting again"),
        ("started self-harming again after 2 years clean", 0.85, "self-harming"),
        ("been burning myself with my lighter", 0.85, "burning myself"),
        ("my kids would be happier without me", 0.85, "without me"),
        ("the world would be a better place if i wasn't here", 0.85, "if i wasn't here"),
        ("giving all my things away this week", 0.6, "giving all my things away"),
        # adversarial spellings
        ("I w0n't be ar0und much l0nger", 0.7, "l0nger"),
        ("I've been s-a-v-i-n-g up my tablets", 0.85, "tablets"),
        ("wrоte my gооdbye letter", 0.85, "letter"),  # Cyrillic о
        ("I'm cut\u200bting again", 0.85, "again"),
        # a relapse told in recovery's own words
        ("relapsed and cut myself again last night", 0.85, "cut myself"),
        ("cutting again after 3 yrs clean", 0.85, "clean"),
        ("6 months clean from self harm and I just broke it", 0.85, "broke"),
        ("gave in and burned myself", 0.85, "burned myself"),
        # said the way people post it
        ("I've taken 20 paracetamol, don't know what to do", 0.9, "20 paracetamol"),
        ("took like 30 of my sleeping tablets", 0.9, "sleeping tablets"),
        ("i want to unalive myself", 0.85, "unalive"),
        ("been stockpiling my meds for weeks", 0.85, "stockpiling"),
        ("I'm a burden to everyone around me", 0.7, "burden"),
        ("no point going on", 0.75, "point going on"),
        ("this is my last post. thank you to the nurses who tried", 0.7, "last post"),
        ("I've sorted my affairs and written to my mum", 0.7, "affairs"),
        ("won't be a problem to anyone much longer", 0.7, "problem"),
        ("going to walk into the sea tonight", 0.85, "into the sea"),
        ("my sister says she's going to end it tonight, what do I do", 0.85, "end it"),
        ("my son keeps saying he wants to kill himself", 0.85, "kill himself"),
        ("thinking about suicide every day now", 0.85, "suicide"),
        # self-censored
        ("thinking about s*icide every day now", 0.85, "s*icide"),
        ("I want to d*e", 0.85, "d*e"),
        ("k*ll m*self tonight", 0.85, "k*ll"),
        ("can't stop thinking about sewerslide", 0.85, "sewerslide"),
        # not being here by a time, a date or a plan set, intent with a condition, means, a place, goodbyes
        ("don't bother with my review, I won't be around after easter", 0.7, "be around after"),
        ("I've picked a date now", 0.7, "date"),
        ("if the scan is bad I'm ending it", 0.85, "ending it"),
        ("sat in the layby with my sertraline in my hand", 0.75, "in my hand"),
        ("standing on the footbridge over the railway right now", 0.75, "footbridge"),
        ("sent goodbye messages to everyone earlier", 0.75, "goodbye messages"),
        ("please someone look after my dog", 0.75, "look after my dog"),
        ("my brother told me he's got a plan to end his life", 0.85, "plan to end"),
        ("she's taken a load of paracetamol and won't let me call anyone", 0.85, "paracetamol"),
        ("I don't feel safe on my own tonight", 0.85, "safe"),
        ("been hurtin myself every night this week", 0.85, "hurtin"),
        ("s/h again today, can't stop", 0.85, "s/h"),
        ("suicidal again rn", 0.85, "suicidal"),
        # a crisis told with the past in it (2026-12-07)
        ("I was 2 years clean and I cut again last night", 0.85, "cut again"),
        ("I've got the tablets counted out on the table", 0.8, "counted out"),
        ("Been counting my pills again since the anniversary", 0.8, "counting"),
        ("Relapsed. I've been looking at methods all night", 0.75, "methods"),
        ("Wish my overdose had worked", 0.85, "worked"),
        ("Tried at 30. Tried at 41. Not going to fail a third time", 0.85, "fail"),
        ("it's 2am and I've taken half the packet already", 0.85, "half the packet"),
        ("It didn't get better. I've got the pills ready", 0.85, "pills ready"),  # the "didn't" is another sentence
        ("Taken everything in the cupboard. Don't call anyone. Thanks to the nurse who was kind", 0.85, "cupboard"),
    ],
)
def test_self_harm_indirect_positive(text: str, min_score: float, evidence: str) -> None:
    findings = run(SELF_HARM, text)
    assert findings, text
    best = top(findings)
    assert best.score >= min_score, (text, best)
    assert evidence in text[best.start : best.end]


@pytest.mark.parametrize(
    "text",
    [
        "I felt suicidal two years ago and the crisis team saved my life",
        "Years ago I stood on a bridge and nearly jumped; the crisis team got me through and I'm much better now",
        "Back in 2019 I took an overdose. The A&E staff saved my life and I'm so grateful",
        "my dad took his own life and I wrote him a goodbye letter for the funeral",
        "this queue is killing me",
        "I won't last another hour in this queue",
        "I won't be around much longer as I'm retiring in May",
        "I've made my plans for Christmas",
        "I cut myself shaving",
        "I keep burning myself on the oven",
        "I stockpiled paracetamol before lockdown",
        "giving away my stuff because I'm moving abroad",
        "Tonight's the night! Strictly final",
        "I wrote a goodbye card for my colleague",
        "I almost jumped out of my skin",
        "you trying to get me to throw myself off a cliff or something?",
        "the NHS is cutting again, more services gone",
        "the hairdresser is cutting again after the summer, free slots",
        "slipped and hurt my arms on the ice",
        "I slipped and cut my legs on the rocks",
        "a year smoke free from cigarettes",
        # figures of speech and other people's words
        "I could kill myself laughing at this",
        "I'd kill myself trying to get an appointment at 8am lol",
        "dying for a brew after that shift",
        "this is my last post about the parking, promise",
        "we took 2 paracetamol and went to bed",
        "I'm not a burden, I pay my taxes like everyone else",
        "Disabled people are just a drain on the NHS",  # hate, not a crisis of the writer's own
        "no point going to the walk in, it's closed",
        "thinking about suicide prevention training for our team",
        "great fundraiser for Mind today, we walked into the sea for charity",
        "f*ck this queue",
        "****",
        "I won't be around next week, I'm on holiday in Devon",
        "we've set a date for the wedding!",
        "I'm ending it with my boyfriend tonight, wish me luck",
        "I'll do it properly next time, the form was confusing",
        "had the train times up for the trip to London",
        "my dog will look after my dog-sitter lol",
        "Suicidal defending from Woking again",
        # the words of the 2026-12-07 rules, used for something else
        "I cut myself again shaving",
        "I burnt myself again on the oven",
        "I hurt myself again at football",
        "I've taken half the tablets the GP gave me and feel better",
        "my tablets are next to me on the bedside table so I remember",
        "we looked at methods of pain relief in the antenatal class",
        "Going back to uni to finish what I started",
        "I've decided to go private",
        "I wish it had worked, the new booking system",
        "Counting down the days till my op!",
        "I've taken everything in the cupboard for my cough and nothing works",
        "I took everything out of the cupboard to clean it",
        "don't call anyone before 9am, the surgery is closed",
    ],
)
def test_self_harm_indirect_negative(text: str) -> None:
    assert [f for f in run(SELF_HARM, text) if f.score > 0.45] == []


@pytest.mark.parametrize(
    "text",
    [
        "Two years ago the crisis team saved my life but now I'm cutting again",
        "I was suicidal years ago and got better, but tonight's the night, I've made my plans",
    ],
)
def test_recovery_story_does_not_hide_a_present_crisis(text: str) -> None:
    assert top(run(SELF_HARM, text)).score >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        # recovery told with an age then and now, a distance in time, or hope offered to others (2026-12-07):
        # each of these paged the safeguarding lead before
        "I took an overdose when I was 19. I'm 44 now, two kids, an allotment. If you're 19 and reading, hang on.",
        "Tried to kill myself in 2011. I'm a support worker in Leeds now. The 24/7 line is there, use it.",
        "I overdosed in 2015 and was furious I'd survived. I'm so glad now that I did. Please reach out.",
        "I tried to take my life at college in 2006. Went back, graduated, never looked back. It's not the end.",
        "Was sectioned in my early twenties after trying to kill myself. I'm 51, I run a cafe. Life got kinder.",
        "I took an overdose as a student nurse in 2009; I'm a ward sister now. It's survivable, talk to someone.",
        "Three years ago tonight I took an overdose. I'm getting married in June. Thank you all 💍",
        "yh i overdosed in yr 10. doing my degree now. its not the end",
    ],
)
def test_recovery_story_told_as_past_is_not_paged(text: str) -> None:
    assert told_as_past(text), text
    best = top(run(SELF_HARM, text))
    assert best.score <= 0.4 and "past-tense account" in best.explanation, (text, best)


@pytest.mark.parametrize(
    "text",
    [
        # the past is there, and so is now: each must stay a crisis
        "when I was 17 I overdosed, I'm 38 now and I feel exactly the same, I don't want to be here",
        "I overdosed years ago and it felt like this before. I've got tablets and I keep picking them up",
        "Survived one attempt at 22, I'm 31 now. My partner's leaving and I want to die, I really want to die",
        "When I was 19 I took an overdose and woke up in ICU. I'm 24 and I'm done with it. Goodbye x",
        "thank you to the nurses who looked after me after my last attempt. won't be around for the next one tbh",
        "Last time I took an overdose I was 19 and they found me. This time I'll make sure nobody does.",
        "Thanks to the nurse who was kind to me last year. I've taken all my tablets. Don't call anyone.",
        "Back in 2019 I took an overdose and the staff saved my life. Since Christmas I've been planning it again",
        "In 2016 I tried to kill myself and I'm grateful I survived, but I'm not okay and I can't cope",
    ],
)
def test_past_and_present_crisis_is_not_cleared(text: str) -> None:
    assert not told_as_past(text), text
    assert top(run(SELF_HARM, text)).score >= 0.7, text


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("I took an overdose when I was 17. I'm 38 now.", True),  # an age now is a distance in time
        ("I took an overdose when I was 13. I'm 15.", False),  # a teenager's age alone is not
        ("I tried to kill myself at 20 and I'm glad I'm still here", True),
        ("I tried to kill myself at 20", False),  # no outcome
        ("I'm so glad I tried to kill myself", False),  # no time in the past
        ("I felt suicidal back in 2019, it never got better", False),
        ("I’m 40 now — I overdosed at 16… it does get better!!", True),  # punctuation and curly apostrophes
    ],
)
def test_told_as_past_needs_a_past_time_an_outcome_and_nothing_ongoing(text: str, past: bool) -> None:
    assert told_as_past(text) is past


def test_a_clean_streak_alone_is_for_a_person_to_read_not_an_emergency() -> None:
    # "2 years clean from self harm" celebrates recovery: a safeguarding lead may want to see it (the pack reviews
    # from 0.3), but it is not escalated as a crisis
    best = top(run(SELF_HARM, "2 years clean from self harm today, so proud of myself"))
    assert 0.3 <= best.score < 0.5


def test_recovery_story_is_explained() -> None:
    text = "Years ago I stood on the bridge and almost jumped. The crisis team saved my life and I'm doing well."
    best = top(run(SELF_HARM, text))
    assert best.score <= 0.4 and "past-tense account" in best.explanation


# --- child safety: young teens with adult partners, adults targeting children ---


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("I'm 14 and my boyfriend is 25", "boyfriend is 25"),
        ("im 15 and my bf is 19", "bf is 19"),
        ("I'm 13, he's 22 and says I can't tell anyone", "he's 22"),
        ("I'm 14. My older boyfriend picks me up from school", "older boyfriend"),
        ("I'm 14 and he says I can't tell my mum", "can't tell my mum"),
        ("any young girls want to chat privately? DM me", "young girls"),
        ("girls under 16 add me on snapchat", "girls under 16"),
        ("hey kids, free vapes, add me on snap", "hey kids"),
        ("I'll give you a £20 gift card, I won't tell your parents", "gift card"),
        ("13 year olds message me for free robux", "13 year olds"),
        # adversarial spellings
        ("I'm 14 and my b0yfriend is 25", "b0yfriend is 25"),
        ("any y0ung g1rls wanna ch4t? dm me", "y0ung g1rls"),
        ("h e y  k i d s, free vapes, add me on snap", "vapes"),
    ],
)
def test_child_safety_grooming_positive(text: str, evidence: str) -> None:
    findings = run(CHILD, text)
    assert findings, text
    best = top(findings)
    assert (best.kind, best.score) == ("grooming_cue", 0.9), (text, best)
    assert any(evidence in text[f.start : f.end] for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "I'm 14 and my boyfriend is 15",
        "I'm 45 and my boyfriend is 50",
        "Hi girls! Free gift card, DM me",
        "Free gift card! DM me to claim",
        "Under 16s can get the flu spray at school, DM us for details",
        "Parents of under 16s, the clinic is on Tuesday",
        "free vapes for anyone who messages me",
        "my kids love free sweets",
        "my daughter is 14 and the school nurse was lovely",
        "I'm 16 and my boyfriend is 17",
    ],
)
def test_child_safety_grooming_negative(text: str) -> None:
    assert [f for f in run(CHILD, text) if f.score >= 0.5] == []


def test_secrecy_demanded_is_a_concern_on_its_own() -> None:
    assert 0.7 <= top(run(CHILD, "he says I can't tell anyone about us")).score < 0.9


# --- extremism: attacks on NHS sites, recruitment ---


@pytest.mark.parametrize(
    ("text", "kind", "min_score"),
    [
        ("Vaccine pushers are poisoning us. Patriots rise up and take them down!", "call_to_violence", 0.85),
        ("When the civil war comes the hospitals will be the first targets", "call_to_violence", 0.85),
        ("a few bombs would do more good in that building than their jabs", "call_to_violence", 0.85),
        ("that vaccine centre should be burned down", "call_to_violence", 0.85),
        ("someone with the guts should do it", "call_to_violence", 0.7),
        ("the caliphate needs doctors, not the NHS", "recruitment", 0.85),
        ("stop healing the kuffar, make hijrah", "recruitment", 0.85),
        ("Join the real fight, brother", "call_to_violence", 0.6),
        # adversarial spellings
        ("p4triots r1se up and st0rm the hospital", "call_to_violence", 0.85),
        ("the cal1phate needs d0ctors", "recruitment", 0.85),
        ("the hοspitals will be the first targets", "call_to_violence", 0.85),  # Greek ο
    ],
)
def test_extremism_nhs_targets_positive(text: str, kind: str, min_score: float) -> None:
    findings = run(EXTREMISM, text)
    assert any(f.kind == kind and f.score >= min_score for f in findings), (text, findings)


def test_extremism_two_cues_confirm_each_other() -> None:
    assert top(run(EXTREMISM, "join the real fight, leave the kuffar behind")).score >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "The community will rise up and fight back against the closure of the ward",
        "A fire would do more good than this heating system",
        "join the real fight against cancer, sign up for Race for Life",
        "join the real fight for fair pay for nurses",
        "the history of the Ottoman caliphate is fascinating",
        "someone with the guts should stand up to the government",
        "Rise up and fight for your rights",
        "the old hospital building should be demolished",
        "our targets for the first quarter were met",
    ],
)
def test_extremism_nhs_targets_negative(text: str) -> None:
    assert [f for f in run(EXTREMISM, text) if f.score >= 0.5] == []


@pytest.mark.parametrize(
    ("text", "at_least"),
    [
        # combined indirect signals in colloquial writing: a crisis, escalated
        ("honestly can't do this anymore. ive got all my tablets saved up and written letters for the kids", 0.9),
        ("got all my meds stashed away and wrote notes to my family. tonights the night", 0.9),
        ("my pills are saved up", 0.85),
        ("Can't go on anymore.", 0.6),
    ],
)
def test_possessive_stockpiles_and_family_letters(text: str, at_least: float) -> None:
    found = SelfHarmDetector().detect(ContentItem(id="t", text=text), AssessContext())
    assert found and max(f.score for f in found) >= at_least, found


@pytest.mark.parametrize(
    "text",
    [
        "the nurses can't cope anymore, they need more staff",
        "I've got my tablets ready for the holiday",
        "wrote a letter to my MP about the ward closing",
        "left a note for the GP receptionist about my repeat prescription",
        "my repeat prescription is ready",
    ],
)
def test_everyday_tablets_letters_and_staff_pressure_are_not_crises(text: str) -> None:
    found = SelfHarmDetector().detect(ContentItem(id="t", text=text), AssessContext())
    assert all(f.score < 0.5 for f in found), found


@pytest.mark.parametrize(
    ("detector", "text", "flagged"),
    [
        (SelfHarmDetector, "i just want to sleep and never wake up", True),
        (SelfHarmDetector, "honestly hope i dont wake up tomorrow", True),
        (SelfHarmDetector, "my baby won't sleep and never wakes up before 6, any tips", False),
        (SelfHarmDetector, "I want to sleep for a week after those night shifts", False),
        (ChildSafetyDetector, "my daughter is 12 and some man keeps messaging her on here asking for pics", True),
        (ChildSafetyDetector, "my son keeps messaging the GP surgery and nobody replies", False),
        (ChildSafetyDetector, "my daughter's consultant is a lovely man, he keeps us updated", False),
    ],
)
def test_passive_ideation_and_parent_reports(detector: type[Detector], text: str, flagged: bool) -> None:
    found = detector().detect(ContentItem(id="t", text=text), AssessContext())
    assert (max((f.score for f in found), default=0.0) >= 0.6) is flagged, found


# --- extremism: violence aimed at health services in anti-vaccine and far-right language ---


@pytest.mark.parametrize(
    ("text", "kind", "min_score"),
    [
        ("the jab is genocide and the nurses are war criminals, they'll hang", "call_to_violence", 0.85),
        ("nurses r war criminals n they will all hang for this", "call_to_violence", 0.85),
        ("every last one of you will face the rope", "call_to_violence", 0.6),
        ("traitors will hang", "call_to_violence", 0.6),
        ("day of the rope is coming for these doctors", "call_to_violence", 0.85),
        ("hospitals are legitimate targets", "call_to_violence", 0.85),
        ("take up arms against the medical tyranny", "call_to_violence", 0.8),
        ("the Nuremberg trials are coming for you all", "call_to_violence", 0.7),
        ("Nuremberg 2.0 is coming for you all", "call_to_violence", 0.7),
        ("see you all at nuremburg", "call_to_violence", 0.7),
        ("the doctors will all stand trial at Nuremberg", "call_to_violence", 0.7),
        ("h4ng the d0ctors", "call_to_violence", 0.8),
        ("he was a hero for what he did at the clinic", "glorification", 0.6),
        ("he's a legend for torching that clinic", "glorification", 0.85),
        ("1488 gas the doctors", "extremist_code", 0.85),
        ("14/88 death to the nhs", "extremist_code", 0.75),
        ("HH88 nurses", "extremist_code", 0.75),
        ("\u5350 hang the traitors", "call_to_violence", 0.85),
    ],
)
def test_extremism_health_targets_positive(text: str, kind: str, min_score: float) -> None:
    findings = run(EXTREMISM, text)
    assert any(f.kind == kind and f.score >= min_score for f in findings), (text, findings)


@pytest.mark.parametrize(
    "text",
    [
        "the Nuremberg trials in 1946 tried nazi doctors",
        "the nuremberg trials are coming up in my history exam",
        "a documentary about the Nuremberg trials is coming to BBC Two",
        "the Nuremberg code says informed consent",
        "police arrested a man after the attack at the clinic",
        "I don't trust the jab",
        "the war on cancer",
        "legitimate concerns about the vaccine rollout",
        "they'll hang the new pictures in the foyer",
        "they will hang up on you if you swear",
        "you'll hang on the line for an hour",
        "she was a hero for what she did at the hospital, she saved my dad",
        "he was a hero for what he did for my mum",
        "the bill was \u00a314.88",
        "ring 0114 88 5555",
        "88 is my lucky number",
    ],
)
def test_extremism_health_targets_negative(text: str) -> None:
    assert [f for f in run(EXTREMISM, text) if f.score >= 0.5] == []


def test_bare_code_scores_low() -> None:
    findings = run(EXTREMISM, "1488")
    assert findings and max(f.score for f in findings) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "I just feel empty most days",
        "honestly i feel invisible at work and at home",
        "can't face anything this week",
        "i cry myself to sleep most nights",
        "kind of given up on ever feeling better",
        "sometimes I wonder what the point of any of it is",
        "tired of everything tbh",
        "nobody to talk to since I moved here",
        "I don't feel safe with my own thoughts at night",
    ],
)
def test_low_mood_is_for_review_not_escalation(text: str) -> None:
    best = top(run(SELF_HARM, text))
    assert 0.3 <= best.score < 0.5, (text, best)


@pytest.mark.parametrize(
    "text",
    [
        "I feel so lost with this new booking app",
        "I felt flat after the match yesterday lol",
        "I don't feel empty at all since starting therapy",
        "the waiting room feels empty on a Sunday",
        "my legs feel heavy after the 10k",
        "tired of everything being online only",
    ],
)
def test_low_mood_negatives(text: str) -> None:
    assert [f for f in run(SELF_HARM, text) if f.score >= 0.3] == [], text
