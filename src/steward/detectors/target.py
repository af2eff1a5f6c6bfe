"""Is a comment aimed at a person? The test behind the policy's ``when: {aimed_at_person: true}``.

Abuse, in the taxonomy and in the Surrey statement ("do not abuse, harass or threaten others"), is language
aimed at someone. A listed insult is evidence a reader can point at; a learned model's probability is not: the
offensive model was trained on OLID, which counts untargeted rudeness ("what a stupid decision", "the app is
garbage") as offensive, so on its own it queues or hides sharp criticism of services, which the public has every
right to post. The pack's model-only abuse rules therefore also ask that the comment refer to a person or to
people at all. :func:`person_target` says whether it does, and which cue showed it:

- ``addressed``: second person ("you", "your", "u", "ur", "yourself", "you lot");
- ``mention``: an @handle that is not one of the organisation's own;
- ``pronoun``: he, she, him, her, his, hers, himself, herself;
- ``person``: a word for a person or people: a role (nurse, receptionist, GP, chief exec, councillor, MP), a
  title (Mr, Mrs, Dr), people/person/man/woman/bloke, anyone/everyone/whoever. Not family words ("my mum waited
  nine hours") nor patients: in NHS comments they are nearly always the people the complaint is on behalf of;
  and not words that are also things (chair, admin, poster);
- ``insult``: a noun that calls someone something (idiot, clown, muppet, sheep, jobsworth): whoever it is said of
  is a person even when not named ("bunch of clowns");
- ``name``: a person's name found by spaCy's recogniser, with something said of it like a person word (only
  asked when nothing above matched and the text has a capitalised word that could start a name, so rarely: it
  costs a few milliseconds).

Deliberately *not* cues: they/them/their (the organisation is "they" in most complaints), and collective nouns
for the organisation (management, the board, the trust, the CCG, the government): criticism of an institution is
not abuse of a person. The test is generous on purpose: it only stops a model firing when the comment names no
person at all, so any doubt leaves the rule as it was. It reads the normalised text (homoglyphs, zalgo and
leetspeak folded) so "N̷u̶r̵s̸e̷" is a nurse.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from steward.detectors.base import MAX_TEXT_CHARS, compile_pattern, finditer, search
from steward.detectors.normalise import normalise

_ADDRESSED = "you your yours yourself yourselves ya u ur youre you're you’re youve you've you’ve youse yous yer"
ADDRESSED = frozenset(_ADDRESSED.split())
_PRONOUNS = "he she him her his hers himself herself he's she's he’s she’s hes shes"
PRONOUNS = frozenset(_PRONOUNS.split())
#: Roles, titles and plain words for people. Singular and plural are both listed (no stemming: "staffing" is not
#: "staff", "manageress" is).
_PERSON_WORDS = """
    person persons people peeps folk folks man men woman women lady ladies gentleman gentlemen bloke blokes guy guys
    lad lads girl girls boy boys chap chaps fella fellas fellow
    anyone anybody everyone everybody someone somebody whoever whomever whoevers
    mr mrs ms miss mx prof sir dame lord cllr
    staff staffer staffers worker workers employee employees colleague colleagues volunteer volunteers
    nurse nurses matron sister doctor doctors doc docs dr drs gp gps consultant consultants surgeon surgeons
    registrar registrars physician physicians medic medics clinician clinicians midwife midwives paramedic
    paramedics pharmacist pharmacists physio physios therapist therapists psychiatrist psychiatrists
    psychologist psychologists counsellor counsellors dentist dentists optician optometrist hca hcas carer carers
    porter porters cleaner cleaners receptionist receptionists receptionists' receptionist's handler handlers
    operator operators advisor advisors adviser advisers administrator administrators
    secretary secretaries manager managers manageress boss bosses supervisor supervisors director directors
    exec execs executive executives ceo ceos chairman chairwoman chairperson official officials
    bureaucrat bureaucrats councillor councillors mp mps minister ministers politician politicians
    spokesperson spokesman spokeswoman commenter commenters troll trolls moderator moderators
"""
PERSON_WORDS = frozenset(_PERSON_WORDS.split())
#: Nouns that call a person something. Said of anyone, they make the comment about a person.
_INSULT_NOUNS = """
    idiot idiots moron morons clown clowns muppet muppets fool fools imbecile imbeciles cretin cretins loser losers
    numpty numpties halfwit halfwits dimwit dimwits nitwit nitwits buffoon buffoons dunce dunces jobsworth
    jobsworths sheep sheeple parasite parasites scum scumbag scumbags leech leeches liar liars crook crooks
    bully bullies coward cowards snowflake snowflakes tosser tossers wanker wankers prat prats plonker plonkers
    pillock pillocks git gits twit twits berk berks wazzock wazzocks nonce nonces creep creeps weirdo weirdos
    cow cows witch witches bitch bitches pig pigs rat rats snake snakes vermin animal animals thug thugs
    hypocrite hypocrites incompetents dinosaur dinosaurs puppet puppets traitor traitors pervert perverts
"""
INSULT_NOUNS = frozenset(_INSULT_NOUNS.split())

#: Whoever/whomever always point at someone ("whoever signed this off is ..."); other person words only when
#: something is said of them (see ``_said_of``).
WHOEVER = frozenset({"whoever", "whomever", "whoevers"})
_COPULAS = "is are was were be being been isnt arent wasnt werent aint ain't isn't aren't wasn't weren't"
COPULAS = frozenset(_COPULAS.split())
POINTING = frozenset({"that", "this", "these", "those", "such", "what"})
#: How many words after a person word may hold the "is/are/was" that says something of it.
SAID_WITHIN = 6

_SENTENCE_END = compile_pattern(r"[!?\n]|(?<!(?<![\p{L}])(?:dr|mr|mrs|ms|prof|st))\.(?=\s)")
_WORD = compile_pattern(r"[\p{L}][\p{L}'’]*")
_MENTION = compile_pattern(r"(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_.]{1,30})")


@dataclass(frozen=True, slots=True)
class PersonTarget:
    """The first cue that the text is aimed at a person: its kind, its span and a safe word to show for it.

    ``word`` is the listed word (lower case) for addressed/pronoun/person/insult cues; for a mention or a name it
    is only "@handle" / "a name", so a rationale never repeats personal data from the text."""

    kind: str
    start: int
    end: int
    word: str

    @property
    def describe(self) -> str:
        return {
            "addressed": f"addressed to someone ('{self.word}')",
            "mention": "addressed to an @handle",
            "pronoun": f"about a person ('{self.word}')",
            "person": f"about a person ('{self.word}')",
            "insult": f"calls someone a name ('{self.word}')",
            "name": "names a person",
        }[self.kind]


def person_target(text: str, own_handles: Iterable[str] = ()) -> PersonTarget | None:
    """The first sign that ``text`` (its first MAX_TEXT_CHARS characters, as the detectors read it) is aimed at a
    person or people, or None when it refers to nobody."""
    return _person_target(text[:MAX_TEXT_CHARS], frozenset(h.lstrip("@").lower() for h in own_handles))


@functools.lru_cache(maxsize=256)
def _person_target(text: str, own: frozenset[str]) -> PersonTarget | None:
    for m in finditer(_MENTION, text):
        if m.group(1).rstrip(".").lower() not in own:
            return PersonTarget("mention", m.start(), m.end(), "@handle")
    norm = normalise(text)
    for m in finditer(_WORD, norm.text):
        word = m.group(0).replace("’", "'")
        kind = _kind(word) or _kind(word.rstrip("'").removesuffix("'s"))
        if kind is None or (kind == "person" and word not in WHOEVER and not _said_of(norm.text, *m.span())):
            continue
        return PersonTarget(kind, *norm.span(*m.span()), word)
    return _named_person(text)


def _said_of(lower: str, start: int, end: int) -> bool:
    """Is something said *of* the person at ``lower[start:end]`` (lower-cased text): "the receptionist at
    Ashford is ...", "that consultant", "what a nurse"? A role or name that is only the setting ("a GP
    appointment", "one pharmacist doing everything", "half the people who need them", "the pharmacies in
    Woking") is not a target."""
    before = [m.group(0) for m in finditer(_WORD, lower[max(0, start - 40) : start])][-2:]
    if POINTING.intersection(before):
        return True
    after = lower[start : end + 200]  # from the word itself, so a title's dot ("dr.") is seen as one
    for n, m in enumerate(finditer(_WORD, after[end - start :])):
        if n >= SAID_WITHIN or search(_SENTENCE_END, after[: end - start + m.start()]) is not None:
            return False
        if m.group(0).replace("’", "'") in COPULAS:
            return True
    return False


def _kind(word: str) -> str | None:
    if word in ADDRESSED:
        return "addressed"
    if word in PRONOUNS:
        return "pronoun"
    if word in PERSON_WORDS:
        return "person"
    if word in INSULT_NOUNS:
        return "insult"
    return None


def _named_person(text: str) -> PersonTarget | None:
    # Imported here: spaCy loads only when a text gets this far, and most never do.
    from steward.detectors.names import NameRecogniser, is_common_word

    lower = text.lower()
    for f in NameRecogniser().analyse(text, reason="aimed at a person"):
        if is_common_word(text[f.start : f.end]):  # "Surrey", "NHS": spaCy's small model takes some for people
            continue
        if _said_of(lower, f.start, f.end):  # and some towns too ("Guildford was a good idea")
            return PersonTarget("name", f.start, f.end, "a name")
    return None
