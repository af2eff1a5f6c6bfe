"""What the staff-draft (outbound) detectors read besides the text: the account, the profile, consent, and
shared patterns for the organisation, an employee identifying themselves, and a personal-views disclaimer.

A draft's ``ContentItem.extra`` may hold:

| key       | meaning                                                                                   |
|-----------|-------------------------------------------------------------------------------------------|
| `account` | `corporate` (an organisation account) or `personal` (the employee's own)                   |
| `profile` | the profile text (bio) of the account the draft is posted from                            |
| `amends`  | the text (or the id) of the published post this draft amends                              |
| `consent` | `recorded` when the people in a photo, video or personal detail gave their permission     |
| `media`   | a description (alt text) of an attached photo or video                                    |

Every value comes from the person writing the draft and is treated as untrusted text: clipped, never evaluated.
"""

from __future__ import annotations

import functools
import itertools

import regex

from steward.content import ContentItem
from steward.detectors.base import compile_pattern, finditer, search

ACCOUNT, PROFILE, AMENDS, CONSENT, MEDIA = "account", "profile", "amends", "consent", "media"
CORPORATE, PERSONAL = "corporate", "personal"
#: Longest profile, amended original or media description a detector reads.
MAX_EXTRA_CHARS = 4_000
#: Most findings of one kind a staff-draft detector reports (hostile or pasted text can repeat a phrase).
MAX_FINDINGS = 20
_CONSENT_VALUES = frozenset({"recorded", "yes", "true", "given", "obtained", "1"})


def extra_text(item: ContentItem, key: str) -> str:
    """``item.extra[key]`` as clipped text ("" when absent or not text)."""
    value = item.extra.get(key)
    return value[:MAX_EXTRA_CHARS] if isinstance(value, str) else ""


def account(item: ContentItem) -> str | None:
    """``corporate``, ``personal`` or None when the draft does not say."""
    value = extra_text(item, ACCOUNT).strip().lower()
    return value if value in (CORPORATE, PERSONAL) else None


def is_personal(item: ContentItem) -> bool:
    return account(item) == PERSONAL


#: Consent written into the draft itself: "shared with their permission", "filmed with Lisa's consent".
_CONSENT_TEXT = compile_pattern(
    r"(?<![\p{L}])(?:with\s+(?:(?:their|his|her|everyone['’]?s|everybody['’]?s|all\s+their|full|express|written|"
    r"kind|the\s+\w++['’]?s?|[\p{Lu}][\p{L}\-]++['’]s)\s+)?(?:permission|consent)|(?:permission|consent)\s+"
    r"(?:was\s+|has\s+been\s+|have\s+been\s+)?(?:given|granted|obtained|recorded|received)|"
    r"(?:shared|posted|used|published|filmed|taken|recorded)\s+with\s+permission|consent\s+form\s+signed)(?![\p{L}])"
)


def consent_recorded(item: ContentItem, text: str | None = None) -> bool:
    """Whether the people concerned gave permission: recorded in ``extra["consent"]`` or said in the text."""
    if extra_text(item, CONSENT).strip().lower() in _CONSENT_VALUES:
        return True
    return search(_CONSENT_TEXT, item.text if text is None else text) is not None


# --------------------------------------------------------------------------- the organisation

#: Generic names of the employer every staff pack shares; the pack's protected names are added to these.
_GENERIC_ORG = (
    r"the\s+ccg|(?:bradford\s+)?ccg|nhs\s+bradford(?:\s+district(?:\s+and\s+craven)?)?(?:\s+ccg)?|"
    r"bradford\s+district\s+and\s+craven(?:\s+ccg|\s+clinical\s+commissioning\s+group|\s+health\s+and\s+care"
    r"\s+partnership)?|@nhsbradforddc|@bdcccg|the\s+icb|(?:west\s+yorkshire\s+)?icb"
)


@functools.lru_cache(maxsize=16)
def org_alternation(protected_names: tuple[str, ...] = ()) -> str:
    """A regex alternation (no group) for the employer's names: generic ones plus the pack's protected names."""
    names = sorted(
        (r"\s+".join(regex.escape(w) for w in n.split()) for n in protected_names if n.strip()), key=len, reverse=True
    )
    return "|".join([*names, _GENERIC_ORG])


@functools.lru_cache(maxsize=16)
def org_pattern(protected_names: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """The employer's name anywhere (a profile naming it identifies its owner as an employee)."""
    return compile_pattern(rf"(?<![\p{{L}}])(?:{org_alternation(protected_names)})(?![\p{{L}}])")


@functools.lru_cache(maxsize=16)
def employee_pattern(protected_names: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """The author of a draft identifying themselves as an employee, in the first person: "I work at the CCG",
    "as a GP lead at NHS Bradford", "my team at the CCG", "as the CCG's head of urgent care", "we at the CCG",
    "my new job in the CCG's primary care team"."""
    org = rf"(?:{org_alternation(protected_names)})(?![\p{{L}}])"
    role = r"[\p{L}&/\-]+(?:\s+[\p{L}&/\-]+){0,4}?"
    unit = r"(?:team|department|directorate|unit|service)"
    return compile_pattern(
        rf"(?<![\p{{L}}])(?:i\s+(?:work|worked|am\s+working)\s+(?:at|for|in|with)\s+(?:the\s+)?{org}"
        rf"|i\s+(?:work|worked|am)\s+(?:at|for|in|with)\s+(?:{org})['’]s\s+(?:{role}\s+)?{unit}"
        rf"|i\s+(?:work|worked|am)\s+(?:in|on|with)\s+(?:the|a|an)\s+(?:{role}\s+)?{unit}\s+(?:at|of|in)\s+{org}"
        rf"|i(?:['’]?m|\s+am)\s+(?:a|an|the|one\s+of\s+the)\s+{role}\s+(?:at|for|with|in)\s+{org}"
        rf"|as\s+(?:a|an|the)\s+{role}\s+(?:at|for|with|in)\s+{org}"
        rf"|as\s+(?:{org})['’]s\s+{role}(?=[\s,.:;!]|$)"
        rf"|(?:my|our)\s+(?:team|job|role|colleagues|work|department|directorate|employer)\s+(?:at|in|with)\s+{org}"
        rf"|(?:my|our)\s+(?:new\s+)?(?:job|role)\s+(?:at|in|with)\s+(?:{org})(?:['’]s)?"
        rf"|we\s+(?:here\s+)?at\s+{org})"
    )


#: "views my own", "any views posted are my own and not necessarily those of my employer", "opinions mine".
DISCLAIMER = compile_pattern(
    r"(?<![\p{L}])(?:(?:all\s+|any\s+|the\s+)?(?:views|opinions|thoughts|tweets|posts)\s+(?:(?:posted|expressed|"
    r"here|shared)\s+)?(?:are\s+|is\s+)?(?:(?:all\s+|entirely\s+|strictly\s+)?(?:my|mine|my\s+own|own|personal)"
    r"(?:\s+own)?)(?![\p{L}])|(?:my|personal)\s+(?:own\s+)?(?:views|opinions)(?:\s+only)?(?:,|\s+and|\s*\(|\s*$|"
    r"\s*[.!)]|\s+not)|not\s+(?:necessarily\s+)?(?:those|the\s+views?)\s+of\s+my\s+employer|"
    r"(?:views|opinions)\s+(?:do\s+not|don['’]t)\s+(?:necessarily\s+)?(?:reflect|represent)\s+(?:those\s+of\s+)?"
    r"my\s+employer|speaking\s+(?:only\s+)?for\s+myself|rts?\s*(?:≠|!=|are\s+not|aren['’]t)\s*endorsements?)"
)


def has_disclaimer(*texts: str) -> bool:
    return any(search(DISCLAIMER, t) is not None for t in texts if t)


def quote(text: str, start: int, end: int, limit: int = 60) -> str:
    """A short quotation of ``text[start:end]`` for a suggested fix: one line, at most ``limit`` characters."""
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[: limit - 1].rstrip() + "…"


def matches(pattern: regex.Pattern[str], text: str, limit: int = MAX_FINDINGS) -> list[regex.Match[str]]:
    """The first ``limit`` matches, collected before any work is done on them (the time box covers the search)."""
    return list(itertools.islice(finditer(pattern, text), limit))
