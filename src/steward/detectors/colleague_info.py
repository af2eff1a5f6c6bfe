"""``personal_info`` in staff drafts (SMP 7.5.3, appendix 12.1 point 8): other people's personal details, and
photos or recordings of people, posted without their permission.

* Contact details come from the personal-data recognisers (``personal_info``) with an organisation's own contact
  routes taken out: a team mailbox ("communications@..."), a landline or freephone number given as the
  organisation's, an office address. A mobile number, a personal email, a home address or a date of birth stays.
* A colleague's private life: "my colleague ... expecting twins", "Steve from the finance team ... off sick".
* A photo, screenshot, video or recording of people ("our team at the Christmas do 📸", "screenshot of this
  morning's Teams call", "recorded today's team meeting").

Consent recorded (``extra["consent"] = "recorded"``, or the draft saying so: "shared with everyone's
permission") keeps the evidence but lowers every finding to 0.3, below the pack's threshold: 7.5.3 allows
colleagues' photos and details with their express permission.

Patients are the ``patient_info`` detector's: when it finds anything, this detector stays quiet, so a patient's
details are reported once, as the more serious finding. NHS numbers are always left to it.
"""

from __future__ import annotations

from steward.content import Category, ContentItem, Finding
from steward.detectors.base import AssessContext, compile_pattern, search, tag
from steward.detectors.patient_info import PatientInfoDetector
from steward.detectors.patient_rules import MEDIA
from steward.detectors.personal_info import PersonalInfoDetector
from steward.detectors.phrases import clip
from steward.detectors.staff_context import consent_recorded, matches

__all__ = ["StaffPersonalInfoDetector"]

_CAT = Category.PERSONAL_INFO.value

_FUNCTIONAL_MAILBOX = compile_pattern(
    r"^(?:communications?|comms|enquiries|enquiry|info|information|contact|contactus|hello|admin|office|help|"
    r"helpdesk|servicedesk|press|media|feedback|complaints?|pals|team|noreply|no-reply|reception|bookings?|"
    r"appointments?|referrals?|[\w.\-]*(?:team|service|services|unit|office|desk|hub)[\w.\-]*)$"
)
_PERSONAL_DOMAIN = compile_pattern(
    r"@(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|aol|btinternet|sky|virginmedia|talktalk|protonmail"
    r"|proton)\.",
)
_ORG_DOMAIN = compile_pattern(r"@(?:[\w\-]+\.)*(?:nhs\.net|nhs\.uk|gov\.uk)$")
#: Words just before a detail that make it one person's: "her personal mobile", "his house", "lives at".
_PERSONAL_CUE = compile_pattern(
    r"(?<![\p{L}])(?:(?:his|her|their|my)\s+(?:own\s+|personal\s+|private\s+|home\s+|work\s+)?(?:house|home|flat|"
    r"address|number|mobile|phone|email|e-mail)|personal|private|home\s+(?:address|number|phone)|lives|living|"
    r"live\s+at|(?:ring|give|text|call|send|post|drop|message|email)\s+(?:her|him|them))(?![\p{L}])"
)
_ORG_CUE = compile_pattern(r"(?<![\p{L}])(?:us|our|the\s+team|the\s+practice|the\s+surgery|the\s+ccg)\s+(?:on|at)\s*$")

_COLLEAGUE = compile_pattern(
    r"(?<![\p{L}])(?:(?:my|our|a)\s+(?:\w+\s+)?colleague(?!s)|colleague\s+(?-i:[A-Z])|co-?worker(?!s)|"
    r"workmate(?!s)|(?-i:[A-Z][\p{Ll}]+)\s+(?:from|in|on)\s+(?:the|our|my)\s+[\p{L}\s]{0,25}?team|"
    r"(?:our|my)\s+(?:\w+\s+)?(?:receptionist|manager|lead|boss|director|officer|nurse|administrator|pa|analyst))"
    r"(?![\p{L}])"
)
#: A mobile-shaped number (also in ranges libphonenumber rejects, e.g. a mistyped one) beside a personal cue.
_MOBILE_SHAPE = compile_pattern(r"(?<![\p{N}+])(?:\+44\s?7|07)\d{3}[\s\-]?\d{3}[\s\-]?\d{3}(?![\p{N}])")
#: The author's own details ("email me at", "my number is"): theirs to share, not a colleague's.
_OWN = compile_pattern(
    r"(?<![\p{L}])(?:(?:email|e-mail|call|text|ring|contact|message|reach|phone|whatsapp)\s+me\s+(?:at|on|via)|"
    r"my\s+(?:\w+\s+)?(?:email|address|number|mobile|phone))(?:\s+\w+){0,3}\W*$"
)
_PRIVATE_LIFE = compile_pattern(
    r"(?<![\p{L}])(?:pregnan\w*|expecting\s+(?:a\s+baby|twins|triplets|their\s+first|her\s+first|a\s+little)|"
    r"maternity|paternity|off\s+sick|sick\s+leave|signed\s+off|illness|diagnos\w*|cancer|surgery|operation|"
    r"divorc\w*|split\s+up|bereave\w*|funeral|(?:his|her|their)\s+(?:house|home|address|flat)|home\s+address|"
    r"lives\s+(?:at|in|on)|personal\s+(?:mobile|email|number|phone)|home\s+(?:number|phone)|ivf|miscarriage|"
    r"rehab|depression|anxiety|breakdown|disciplinary|sacked|dismissed|salary|(?:his|her|their)\s+pay)"
    r"(?![\p{L}])"
)
_PEOPLE = compile_pattern(
    r"(?<![\p{L}])(?:team|colleagues?|everyone|everybody|staff|us|gang|crew|squad|group|lot\s+of\s+us|faces?|"
    r"asleep|meet|(?:teams|zoom|video)\s+(?:call|meeting)|meeting|lead|manager|boss|nurses?|volunteers?|"
    r"doctors?|people|friends)(?![\p{L}])|(?-i:\b[A-Z][\p{Ll}]+['’]s\s+face)"
)
_RECORDING = compile_pattern(
    r"(?<![\p{L}])(?:recorded|recording|taped|voice\s+notes?)(?![\p{L}])(?:\W+\w+){0,6}?\W+(?:team\s+meeting|"
    r"(?:teams|zoom)\s+(?:call|meeting)|call|conversation|chat|rant|huddle|1:1|one-to-one|supervision)(?![\p{L}])"
)

FIX_CONTACT = (
    "Remove the {what}: it is personal information about someone, and can only be posted with their express "
    "permission (7.5.3)."
)
FIX_PRIVATE = (
    "Remove the personal details about your colleague, or ask their express permission first and record it (7.5.3)."
)
FIX_MEDIA = (
    "Ask everyone who appears for permission before posting, and record it (the CCG photograph consent form is "
    "available from the communications team), or leave the {what} out (7.5.3, 12.1.8)."
)
_KIND_WORDS = {
    "email": "email address",
    "uk_phone": "phone number",
    "uk_postcode": "postcode",
    "street_address": "home address",
    "date_of_birth": "date of birth",
    "ni_number": "National Insurance number",
}


class StaffPersonalInfoDetector:
    """Personal information about colleagues or others, and photos or recordings of people, without consent."""

    name = "staff_personal_info"
    version = "1.0"
    categories = frozenset({_CAT})

    def __init__(self, patient: PatientInfoDetector | None = None) -> None:
        self._pii = PersonalInfoDetector(names=False)
        self._patient = patient or PatientInfoDetector()
        self._tag = tag("staff_personal_info_rules", self.version)

    def detect(self, item: ContentItem, context: AssessContext) -> list[Finding]:
        text = clip(item.text)
        if not text or self._patient.analyse(text):
            return []
        consented = consent_recorded(item, text)
        note = " (consent recorded)" if consented else ""
        out = [
            Finding(f.category, f.kind, f.start, f.end, min(f.score, 0.3) if consented else f.score, f.detector,
                    f.explanation[:-1] + note + ".", f.field,
                    FIX_CONTACT.format(what=_KIND_WORDS.get(f.kind, "personal detail")))
            for f in self._pii.detect(item, context)
            if self._keep(text, f)
        ]  # fmt: skip
        for m in matches(_MOBILE_SHAPE, text):
            before = text[max(0, m.start() - 40) : m.start()]
            if any(f.start < m.end() and m.start() < f.end for f in out) or search(_OWN, before) is not None:
                continue
            if search(_PERSONAL_CUE, before) is not None:
                why = f"A mobile number beside a personal cue (his, her, personal, ring her){note}."
                fix = FIX_CONTACT.format(what="phone number")
                out.append(Finding(_CAT, "uk_phone", *m.span(), 0.3 if consented else 0.85, self._tag, why, fix=fix))
        score = 0.3 if consented else 0.8
        for m in matches(_PRIVATE_LIFE, text):
            colleague = search(_COLLEAGUE, text[max(0, m.start() - 120) : m.end() + 60])
            if colleague is not None and not any(f.start <= m.start() < f.end for f in out):
                why = f"A colleague's private life ('{' '.join(m.group(0).split())}'){note}."
                out.append(Finding(_CAT, "colleague_private_life", *m.span(), score, self._tag, why, fix=FIX_PRIVATE))
        out += self._media(text, 0.3 if consented else 0.75, note)
        return out

    def _keep(self, text: str, f: Finding) -> bool:
        value = text[f.start : f.end]
        before = text[max(0, f.start - 40) : f.start]
        if f.kind == "nhs_number" or search(_OWN, before) is not None:
            return False
        if f.kind == "email":
            local = value.split("@", 1)[0].lower()
            if search(_PERSONAL_DOMAIN, value) is not None:
                return True
            if search(_FUNCTIONAL_MAILBOX, local) is not None:
                return False
            return search(_ORG_DOMAIN, value) is None or search(_PERSONAL_CUE, before) is not None
        if f.kind == "uk_phone":
            if search(_ORG_CUE, before) is not None:
                return False
            digits = "".join(c for c in value if c.isdigit())
            mobile = digits.startswith(("07", "447"))
            return mobile or search(_PERSONAL_CUE, before) is not None
        if f.kind in ("street_address", "uk_postcode"):
            return search(_PERSONAL_CUE, text[max(0, f.start - 60) : f.start]) is not None
        return True

    def _media(self, text: str, score: float, note: str) -> list[Finding]:
        out: list[Finding] = []
        for m in matches(MEDIA, text):
            lo, hi = max(0, m.start() - 80), min(len(text), m.end() + 80)
            people = search(_PEOPLE, text[lo:hi])
            if people is not None:
                what = " ".join(people.group(0).split())
                why = f"A photo, screenshot or video of people ('{what}') without recorded consent{note}."
                fix = FIX_MEDIA.format(what="photo or video")
                out.append(Finding(_CAT, "photo_without_consent", *m.span(), score, self._tag, why, fix=fix))
                break
        for m in matches(_RECORDING, text):
            why = f"A recording of a meeting or conversation shared without everyone's recorded permission{note}."
            fix = FIX_MEDIA.format(what="recording")
            out.append(Finding(_CAT, "recording_without_consent", *m.span(), score, self._tag, why, fix=fix))
        return out
