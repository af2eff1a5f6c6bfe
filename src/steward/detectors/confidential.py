"""``confidential`` (SMP 7.3.1, 7.6.4): finance, contracts, procurement or strategy marked or described as not
public.

A marker says the information is not public: "confidential", "not yet published", "internal only", "private
session", "embargoed until", "leaked", "between us", "commercially sensitive", "not supposed to say". A subject
says it is the organisation's business: a budget, deficit, contract, tender, bidder, strategy, restructure,
redundancies, a board decision, closing a service, unpublished figures. Marker and subject together score 0.9; an
embargo is 0.9 on its own; a marker with no subject (a joke, a personal secret) 0.35; a subject with no marker
is never a finding ("our annual report and accounts are published", "we are inviting tenders").

Confidential *services* are not markers: "free, confidential support", "confidential helpline", and
"confidentiality" as a topic ("complete your confidentiality training").
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.normalise import normalise
from steward.detectors.phrases import clip
from steward.detectors.staff_context import matches, quote

__all__ = ["ConfidentialDetector"]

_CAT = Category.CONFIDENTIAL.value

_MARKER = compile_pattern(
    r"(?<![\p{L}])(?:confidential(?!ity)(?!\s+(?:support|service|helpline|line|advice|counselling|listening|"
    r"help|space|chat|and\s+free|,\s*free|sexual\s+health))|strictly\s+private|private\s+(?:session|part|item|"
    r"meeting|board)|closed\s+session|part\s+(?:2|two|b)\s+(?:of\s+the\s+)?(?:meeting|agenda|session|papers)|"
    r"in\s+camera|internal[\s\-]+only|internal\s+use\s+only|not\s+for\s+(?:sharing|circulation|publication|"
    r"public\s+consumption|the\s+public)|(?:not|isn['’]t|aren['’]t|hasn['’]t\s+been|haven['’]t\s+been|"
    r"wasn['’]t|weren['’]t)\s+(?:yet\s+|been\s+)?(?:public|published|announced|official|signed\s+off|"
    r"released|agreed\s+publicly)|(?:announcement|news|decision)\s+(?:isn['’]t|is\s+not|won['’]t\s+be|"
    r"will\s+not\s+be)\s+(?:out\s+|public\s+|made\s+)?(?:until|till)|not\s+supposed\s+to\s+(?:say|share|tell|"
    r"post|know)|shouldn['’]t\s+(?:really\s+)?(?:say|share|be\s+sharing|be\s+saying)|between\s+(?:us|you\s+and\s+"
    r"me|ourselves|me\s+and\s+you)(?=\s*[,.:;!…\-–—]|\s*$)|off\s+the\s+record|under\s+wraps|hush[\s\-]+hush|leaked|leak(?=\s+from)|"
    r"commercially\s+sensitive|market\s+sensitive|official[\s\-]+sensitive|do\s+not\s+share|"
    r"don['’]t\s+(?:share|tell\s+anyone|spread\s+this)|keep\s+(?:this|it)\s+(?:quiet|to\s+yourselves)|"
    r"(?:draft|unpublished|provisional)\s+(?:\w+\s+){0,3}?(?:budget|accounts|figures|plans?|strategy|report|"
    r"minutes|business\s+case)|(?:not\s+yet|yet\s+to\s+be)\s+(?:published|announced|public))(?![\p{L}])"
)
_EMBARGO = compile_pattern(r"(?<![\p{L}])embargo(?:ed)?(?:\s+until|\s+till|\s+to|\s*:)?(?![\p{L}])")
#: The organisation's business: finance, contracts and procurement, strategy, decisions, unpublished figures.
_SUBJECT = compile_pattern(
    r"(?<![\p{L}])(?:budgets?|deficit|overspend|underspend|savings?\s+(?:plan|target|programme)|cuts?|finances?|"
    r"financial\s+(?:position|plan|recovery)|£\s?\d[\d,.]*\s?(?:m|bn|k|million|billion)?|\d++\s?(?:million|bn)|"
    r"contracts?|tenders?|bids?|bidders?|procurement|suppliers?|providers?|preferred\s+bidder|scores?|"
    r"strateg(?:y|ies|ic)|restructur\w*|reorganis\w*|redundanc\w*|job\s+cuts|merger|clos(?:e|ure|ing)|"
    r"governing\s+body|board|exec(?:utive)?\s+team|decision|decided|agreed|plans?|slides?|figures|data|"
    r"business\s+case|commission\w*|waits?|performance)(?![\p{L}])"
)
_WINDOW = 220

FIX = (
    "Remove {what}: information described as not public (confidential, unpublished, embargoed, from a private "
    "session) must not be posted (7.3.1, 7.6.4). Wait for the communications team's official announcement."
)


class ConfidentialDetector:
    """Commercially sensitive, financial or strategic information marked or described as not public."""

    name = "confidential"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self) -> None:
        self._tag = tag("confidential_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        norm = normalise(text)  # markers are matched disguise-folded ("C0nfidential"), spans mapped back
        out: list[Finding] = []
        for m in matches(_EMBARGO, norm.text):
            out.append(self._finding(text, norm.span(*m.span()), 0.9, "An embargoed announcement, posted early."))
        for m in matches(_MARKER, norm.text):
            start, end = norm.span(*m.span())
            if any(f.start <= start < f.end for f in out):
                continue
            lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
            subject = search(_SUBJECT, text[lo:hi])
            marker = " ".join(m.group(0).split())
            if subject is not None:
                what = " ".join(subject.group(0).split())
                why = f"Marked as not public ('{marker}') beside the organisation's business ('{what}')."
                out.append(self._finding(text, (start, end), 0.9, why))
            else:
                why = f"Marked as not public ('{marker}'), subject unclear."
                out.append(self._finding(text, (start, end), 0.35, why))
        return out

    def _finding(self, text: str, span: tuple[int, int], score: float, why: str) -> Finding:
        what = "the information marked “" + quote(text, *span) + "” and what it describes"
        return Finding(_CAT, "not_public", span[0], span[1], score, self._tag, why, fix=FIX.format(what=what))
