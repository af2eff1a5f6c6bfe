"""Whether a self-harm post tells a crisis that is over: "I took an overdose when I was 17. I'm 38 now, married,
two daughters. If you're 17 and reading this, please hang on."

Such stories are common under suicide-prevention and recovery posts, and paging a safeguarding lead for each one
teaches the lead to ignore the pager. A crisis counts as past when the post has all three of:

- a time in the past (``PAST_TIME``: "years ago", "in 2012", "when I was 17", "in my twenties", "at 14"…);
- a sign that it is over (``OUTCOME``: a good outcome, a distance in time — "nine years on", "I'm 38 now",
  "6 years free" — or hope offered to others: "it gets better", "please hang on", "reach out");
- nothing that says it is happening now (``ONGOING``: "again", "tonight", "this time", "I feel exactly the same",
  "I want to die", "won't be around", "goodbye", "relapsed", a plan, last night…). A bare "now" is not one:
  recovery stories say it as often as crises do ("I'm a counsellor now"); the crises say more besides.

The rules' hits then drop to a review-level score (a person still reads it; the detector says why). The guard is
deliberately one-sided: any present-tense sign keeps the crisis. Measured on written dev and test sets of recovery
stories and relapses (``bench/data/recovery-dev-a.jsonl``, ``recovery-test.jsonl``; BENCHMARKS.md).

The patterns run on a word view of the normalised text (lower case, every run of other characters one space), so
"I'm" is "i m" and punctuation cannot split a phrase.
"""

from __future__ import annotations

import regex

from steward.detectors.base import compile_pattern, search
from steward.detectors.normalise import normalise

_NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a few|few|many|"
    r"several)(?: and a half)?"
)
_AGE = r"(?:1[0-9]|[2-9][0-9])"

PAST_TIME = compile_pattern(
    rf"\b(?:{_NUM} (?:years?|yrs?|months?) (?:ago|later|before)|years ago|months ago|"
    r"last (?:year|summer|winter|spring|autumn|christmas)|back then|back in|at (?:my|the) lowest|used to|"
    r"(?:in|since|until|till) (?:19|20)\d\d|when i was (?:\w+ ){0,3}?(?:younger|a teenager|a teen|a kid|a child|"
    rf"a student|at school|at uni|at university|in my|{_AGE})|as a (?:teenager|teen|kid|child|student|"
    r"junior doctor|student nurse|young (?:man|woman|mum|dad|person))|"
    r"in my (?:early |mid |late )?(?:teens|twenties|thirties|forties|fifties|20s|30s|40s|50s)|"
    rf"(?:at|aged) {_AGE}|at the time|in the past|once upon a time|the first time|"
    r"my first (?:attempt|overdose|admission)|my last admission|old diary|younger self|\d+ year old me|"
    rf"in (?:yr|year) \d+|since {_AGE})\b"
)
OUTCOME = compile_pattern(
    r"\b(?:saved my life|saved me|got me through|pulled me through|helped me|turned (?:it|my life|things) around|"
    r"(?:i m|i am|im|i feel|feeling|doing|we re|we are) (?:now )?(?:so much |much |a lot |loads |far |really |"
    r"genuinely )?(?:better|well|happier|stronger|fine|okay|ok|alright|stable|happy)|in recovery|recovered|"
    r"still here|grateful|thankful|thank you|thanks to|(?:so |really |very )?glad|proud|thriving|made it|"
    r"survivable|living proof|i m proof|it (?:does |will |can |really )?gets? better|keep going|keep asking|"
    r"hold on|hang on|hang in there|reach out|(?:talk|speak) to (?:someone|somebody)|use (?:them|it)|"
    r"not the end|bonus|came out the other side|married|engaged|wedding|graduated|ta|cheers|"
    r"(?:please )?(?:ring|call|text) (?:it|them|someone|somebody)|i was (?:in your shoes|where you are)|"
    rf"{_NUM} (?:years?|yrs?|months?|weeks?|days?) (?:clean|free|stable|on|later|since|well|out)|"
    rf"(?:i m|i am|im) (?:[2-9][0-9]|now {_AGE})|now (?:i m|i am|im) {_AGE}|{_AGE} now|turned {_AGE})\b"
)
#: Present or continuing distress, which overrides a recovery story ("...but now I want to die again").
ONGOING = compile_pattern(
    r"\b(?:(?<!never )again|(?<!ago )tonight|today|right now|rn|"
    r"still (?:feel|want|think|cut|self|harm)|any ?more|every (?:day|night)|these days|at the moment|lately|"
    r"going to|gonna|this time|the same (?:feelings?|plan|pain|place|thoughts)|"
    r"(?:feel|feels|feeling) (?:exactly |just )?the same|just as bad|worse|"
    r"(?:want|wanna|going) to die|don t want to (?:be here|live|wake up|go on|be alive)|"
    r"not (?:planning|going) to be (?:here|around)|(?:won t|not) be (?:around|here)|(?:the )?next (?:one|time)|"
    r"back (?:there|in that place|to that place|where i was|on the (?:bridge|edge|ward))|"
    r"(?:same|that) (?:bridge|edge)|i m here now|plan(?:ning|s)? (?:to|how|and|for)|(?:a|my) plan|ready|"
    r"decided|decision|last night|yesterday|this (?:week|month|weekend|year)|all (?:week|day|night)|"
    r"since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|the summer)|relaps\w*|"
    r"goodbye|before i go|i m done|im done|sorry|i keep|keep (?:thinking|walking|picking|looking)|"
    r"i ve been (?:self harming|cutting|harming|hurting|burning|thinking|planning|looking|stockpiling|saving)|"
    r"(?:i m|i am|im) not (?:recovered|okay|ok|fine|well|better|coping|safe)|(?:will|ll) be the (?:year|day|time)|"
    r"get it right|for (?:weeks|months)|getting (?:worse|dangerous)|dangerous|don t feel safe|"
    r"don t know (?:what to do|who to (?:tell|talk to|ring|call)|how much longer)|"
    r"can t (?:cope|go on|do this|keep going|carry on|stop)|where it ends|the end for me|i m (?:so )?tired|"
    r"(?:taken|taking|take) (?:everything|all|the lot|my (?:tablets|pills|meds))|"
    r"don t (?:call|ring|tell|contact) (?:anyone|anybody|them|me)|i ll be with (?:him|her|them))\b"
)
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def words(text: str) -> str:
    """The word view the patterns read: normalised (so lower case), runs of other characters as one space."""
    return " " + _NON_WORD.sub(" ", normalise(text).text).strip() + " "


def told_as_past(text: str) -> bool:
    """Whether ``text`` tells a self-harm crisis as over (see the module's docstring)."""
    view = words(text)
    return search(PAST_TIME, view) is not None and search(OUTCOME, view) is not None and search(ONGOING, view) is None
