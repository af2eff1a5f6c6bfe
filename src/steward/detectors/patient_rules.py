"""Patterns for the ``patient_info`` detector (SMP 7.3.2): identifiers, people, health details, times, places.

Health words on their own are never evidence: awareness campaigns, clinics and staff talks are full of them
("Dementia Awareness Week", "our diabetes clinic", "Dr Hughes on the menopause"). What identifies a patient is a
specific person (a titled name, a name with an age, a relative's name, "the 23-year-old", "our patient in
room 12") or a care location with a number, *together with* a health detail or a care event.
"""

from __future__ import annotations

import regex

from steward.detectors.base import compile_pattern

#: Case-sensitive (names are told by their capitals).
_CS = regex.VERSION1

#: 3-3-4 digits with one separator style (validated by the NHS modulus-11 check elsewhere).
NHS_NUMBER = compile_pattern(r"(?<![\p{N}+.,/])\d{3}(?P<sep>[ \-]?)\d{3}(?P=sep)\d{4}(?![\p{N}]|[.,/]\p{N})")
NHS_LABEL = compile_pattern(r"(?<![\p{L}])(?:nhs|patient|hospital)\s*(?:number|no\.?|num|#)\s*:?\s*$")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}|"
    rf"{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
)
DATE_OF_BIRTH = compile_pattern(rf"(?<![\p{{L}}])(?:dob|d\.o\.b\.?|date\s+of\s+birth|born(?:\s+on)?)\s*:?\s*{_DATE}")

#: A ward, bed, bay, room or cubicle with its number: where a particular patient can be found.
CARE_LOCATION = compile_pattern(
    r"(?<![\p{L}])(?:ward|bed|bay|cubicle|side\s+room|room|resus|cubicle|majors)\s*(?:no\.?|number|#)?\s*"
    r"\d{1,3}[a-z]?(?![\p{L}\p{N}])"
)
CARE_SETTING = compile_pattern(
    r"(?<![\p{L}])(?:a\s*&\s*e|a\s+and\s+e|resus|majors|icu|itu|intensive\s+care|hdu|theatre|the\s+ward|"
    r"(?:stroke|cardiac|renal|dialysis|palliative|maternity|labour|acute|surgical|medical)\s+(?:unit|ward|suite))"
    r"(?![\p{L}])"
)

#: Words near a name that make it a member of staff or an official, not a patient.
STAFF_NEAR = compile_pattern(
    r"(?<![\p{L}])(?:dr|doctor|prof|professor|cllr|councillor|mp|nurse|sister|matron|gp|pharmacists?|paramedic|"
    r"midwife|consultant|surgeon|physio\w*|receptionist|manager|director|officer|lead|chief|head|colleague|"
    r"colleagues|team|one\s+of\s+our|our\s+new|volunteer|hca|porter|staff|clinician|therapist|practitioner|"
    r"dietitian|radiographer|chair|governor|ambassador|champion)(?![\p{L}])"
)

#: A titled name: "Mrs Doreen Walsh", "Mr Iqbal", "Mrs E. Clarke" (case-sensitive name part).
TITLED_NAME = compile_pattern(
    r"(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+)?",
    _CS,
)
#: "Margaret Jones, 78," / "Doreen (84)" / "Gladys, 91".
NAME_WITH_AGE = compile_pattern(
    r"(?<![\p{L}])[A-Z][\p{Ll}'’\-]+(?:\s+[A-Z][\p{Ll}'’\-]+)?(?:,\s*(?:aged\s+)?\d{1,3}(?!\d)(?=\s*[,.;)]|\s+and\s)|"
    r"\s*\(\s*(?:aged\s+)?\d{1,3}\s*\))",
    _CS,
)
#: A relative or baby named: "Baby Ava", "mum Chloe Turner", "his wife Sheila".
RELATIVE_NAME = compile_pattern(
    r"(?<![\p{L}])(?:[Bb]aby|[Mm]um|[Dd]ad|[Mm]other|[Ff]ather|[Ww]ife|[Hh]usband|[Ss]on|[Dd]aughter|[Gg]randson|"
    r"[Gg]randdaughter|[Pp]artner)\s+[A-Z][\p{Ll}'’\-]+(?:\s+[A-Z][\p{Ll}'’\-]+)?",
    _CS,
)
#: "Gladys from Ward 24", "Stan on bed 6".
NAME_AT_LOCATION = compile_pattern(
    r"(?<![\p{L}])[A-Z][\p{Ll}'’\-]+\s+(?:from|on|in)\s+(?:[Ww]ard|[Bb]ed|[Bb]ay|[Rr]oom)\s*\d{1,3}", _CS
)
#: "the 23-year-old", "a 19 year old lad", "our 84-year-old patient".
AGED_PERSON = compile_pattern(
    r"(?<![\p{L}])(?:(?:a|an|the|this|our|my|one)\s+\d{1,3}[\s\-]*(?:year|yr)s?[\s\-]*old(?![\s\-]*s\b)|"
    r"\d{1,3}[\s\-]*(?:year|yr)s?[\s\-]*old\s+(?:man|woman|lad|lass|girl|boy|lady|gentleman|chap|patient|mum|dad|"
    r"mother|father|grandad|grandma|student|teacher|nurse))(?![\p{L}])"
)
#: One patient, not patients in general: "our patient", "my favourite patient", "the patient's", "this gentleman".
PATIENT_WORD = compile_pattern(
    r"(?<![\p{L}])(?:(?:the|a|this|our|my|one)\s+(?:\w+\s+)?(?:patient(?:['’]s)?|gentleman|lady|lad|chap|fella)"
    r"(?![\p{L}\-])(?!\s+(?:centred|experience|safety|feedback|stor(?:y|ies)|participation|transport|"
    r"engagement|flow|leaflets?|information|group|panel|voice|choice|charter|survey))|patient\s+(?:list|notes|"
    r"records|details|board))"
)

#: A health condition, treatment or care event (the "health information" of 7.3.2).
HEALTH = compile_pattern(
    r"(?<![\p{L}])(?:strokes?|dementia|alzheimer['’]?s|cancer|tumou?rs?|chemo(?:therapy)?|radiotherapy|dialysis|"
    r"sepsis|septic|diabetes|diabetic|pre-?diabetic|pre-?eclampsia|overdosed?|(?:had|after|from)\s+(?:a|an|her|his|"
    r"their)\s+fall|fractured?|broken\s+(?:ankle|leg|arm|hip|wrist|neck|back|ribs?)|hip\s+replacement|knee\s+"
    r"replacement|heart\s+attack|cardiac\s+arrest|bypass|covid(?:-19)?|meningitis|pneumonia|hiv|hepatitis|"
    r"miscarriage|stillbirth|(?:was|were|been)\s+born|gave\s+birth|(?:in|long|difficult|quick|hard|her)\s+labour|"
    r"c-?section|caesarean|induced|neonatal|nicu|mental\s+health\s+crisis|psychosis|"
    r"sectioned|suicid\w*|self-?harm\w*|palliative|end\s+of\s+life|hospice|terminal(?:ly\s+ill)?|passed\s+away|"
    r"died|admitted|discharged|went\s+home|going\s+home|scans?|x-?rays?|mri|ct\s+scan|blood\s+tests?|results|"
    r"dressings?|wounds?|amputation|surgery|operation|transplant|infection|seizures?|epilep\w*|ventilat\w*|"
    r"intubated|resuscitated|treated\s+for|diagnosed|recovering|in\s+with\s+(?:a|an|his|her)|came\s+in)"
    r"(?![\p{L}])"
)

#: A specific time: today, tonight, last Tuesday, 2am, 03:12, 2 October, 14/03.
TIME_REF = compile_pattern(
    r"(?<![\p{L}])(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|last\s+(?:night|week|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    rf"\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)|\d{{1,2}}:\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})"
    r"(?![\p{L}])"
)
#: "from Keighley", "of Thornton Road": where a person lives (a capitalised place after from/of).
HOME_PLACE = compile_pattern(r"(?<![\p{L}])(?:from|of)\s+(?-i:[A-Z][\p{Ll}]+(?:\s+[A-Z][\p{Ll}]+)?)")

#: A first-person clinical encounter with one patient: "who we had in A&E", "we admitted", "just discharged the".
ENCOUNTER = compile_pattern(
    r"(?<![\p{L}])(?:who\s+(?:we|i)\s+(?:had|saw)\s+in|(?:we|i|just)\s+(?:admitted|discharged|treated|saw|"
    r"looked\s+after|nursed|scanned|reviewed|resuscitated|delivered|operated\s+on)\s+(?:the|a|an|this|our|my|"
    r"him|her)|(?:came|brought|was|were)\s+in\s+(?:at\s+\S+\s+)?(?:on\s+\S+\s+)?with|in\s+with\s+(?:a|an|his|"
    r"her))(?![\p{L}])"
)

#: A photo, screenshot or video (or the camera emoji).
MEDIA = compile_pattern(
    r"(?<![\p{L}])(?:photos?|pics?|pictures?|selfies?|screenshots?|screen\s+grabs?|snaps?|snapped|images?|"
    r"videos?|filmed|footage)(?![\p{L}])|[\U0001F4F8\U0001F4F7\U0001F933\U0001F3A5]"
)
#: What a photo must show to be of a patient or a patient's information.
PATIENT_SUBJECT = compile_pattern(
    r"(?<![\p{L}])(?:patient(?!s)(?:['’]s)?|patient\s+list|whiteboard|(?:medical|clinical|patient)\s+(?:notes|"
    r"records)|scans?|x-?rays?|bedside|in\s+bed)(?![\p{L}])"
)
