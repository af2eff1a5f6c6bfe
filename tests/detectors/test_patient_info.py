"""patient_info (SMP 7.3.2): a specific patient with health details, NHS numbers, beds with admissions, photos."""

from __future__ import annotations

import pytest

from steward.content import ContentItem, Direction, Finding
from steward.detectors.base import AssessContext
from steward.detectors.patient_info import FIXES, PatientInfoDetector

DET = PatientInfoDetector()


def run(text: str, **extra: str) -> list[Finding]:
    item = ContentItem("d1", text, direction=Direction.OUTBOUND, extra=extra)
    findings = DET.detect(item, AssessContext())
    for f in findings:
        assert f.category == "patient_info"
        assert 0.0 <= f.score <= 1.0 and f.explanation and f.fix
        if f.field == "text":
            assert 0 <= f.start < f.end <= len(text)
    return findings


def top(text: str, **extra: str) -> float:
    return max((f.score for f in run(text, **extra)), default=0.0)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Please chase the bloods for NHS number 485 777 3457 before the weekend", "nhs_number"),
        ("nhs no: 907 866 6617 needs a repeat prescription", "nhs_number"),
        ("Patient number 485-777-3456 (typo?) still waiting for transport", "nhs_number"),  # labelled, bad digit
        ("Get well soon Mr Dobson, on the cardiac ward after his heart attack on Friday", "person_with_health"),
        ("Lovely chat with Mrs K. Akhtar who is recovering from her hip replacement", "person_with_health"),
        ("Arthur Briggs, 93, was discharged today after three weeks with pneumonia", "person_with_health"),
        ("Winnie (88) went home this morning after her fall. We'll miss her!", "person_with_health"),
        ("Baby Noah arrived at 4am after a long labour, mum Jess is doing well", "person_with_health"),
        ("Ethel from Ward 12 made us all laugh today", "person_with_health"),
        ("The 45-year-old from Bingley we treated for sepsis last night is off the ventilator", "person_with_health"),
        ("Our patient in side room 2 has had a rough night with her COVID", "person_with_health"),
        ("Bed 14 was admitted at 3am with chest pain and a suspected stroke", "care_location"),
        ("Cubicle 6 has a lad in with a broken wrist from rugby", "care_location"),
        ("Selfie with the patient who brought us all cake 😊", "patient_photo"),
        ("Pic of the patient list on the ward board, we are so busy!", "patient_photo"),
        ("📸 my patient's x-ray, the pin is huge", "patient_photo"),
        ("DOB 02/07/1948, admitted to ward 3 with confusion, family aware", "date_of_birth"),
        ("Who we had in resus tonight, the lead singer of a local band, in with an overdose", "patient_encounter"),
    ],
)
def test_patient_identifiable(text: str, kind: str) -> None:
    findings = run(text)
    assert any(f.kind == kind and f.score >= 0.8 for f in findings), findings
    assert next(f for f in findings if f.kind == kind).fix == FIXES[kind]


@pytest.mark.parametrize(
    "text",
    [
        # health topics, services and campaigns
        "Stroke: act FAST. Face, Arms, Speech, Time to call 999.",
        "Dementia Awareness Week starts on Monday 18 May: find a memory café near you.",
        "Know your NHS number? It's on any letter from your GP practice or in the NHS App.",
        "Flu jabs for over-65s are available at 40 pharmacies across Craven this October.",
        "Ward 7 at Airedale raised £800 for the League of Friends with a sponsored walk today.",
        "Our new Ward 22 opens on Tuesday 3 March with 30 beds for frail older people.",
        "Bay 2 of the staff car park is closed on Friday for line painting.",
        "We admitted 1,200 patients to our virtual wards in September.",
        "Patients with diabetes can book a free foot check at their GP practice.",
        # staff and officials by role, with health topics
        "Join Dr Priya Rao, GP, on Facebook Live on Thursday at 7pm to talk about the menopause.",
        "Meet Kelly, one of our diabetes specialist nurses, who explains insulin pumps.",
        "Thanks to Cllr Ahmed for opening our new dialysis unit today.",
        "Mr Hussain, consultant surgeon, talks about hip replacements in our new video.",
        "Welcome to Sister Jones, our new matron for the stroke unit.",
        # the author's own health, a family member with no detail, praise for staff
        "Back at work after my knee operation, thanks to the team at St Luke's! Views my own.",
        "I had my flu jab today, took two minutes.",
        "Lovely to hear from a patient's family today that she's settled back at home.",
        "Thank you to the nurses on Ward 4 who were so kind to my dad.",
        "95% of patients would recommend our community nursing service.",
        "",
    ],
)
def test_not_patient_identifiable(text: str) -> None:
    assert top(text) < 0.5, run(text)


def test_invalid_number_without_label_is_not_an_nhs_number() -> None:
    assert run("Order reference 485 777 3456 has shipped") == []


def test_media_description_counts_with_its_own_field() -> None:
    findings = run("What a day on the ward!", media="Photo of a patient in bed 3 holding a get-well card")
    assert findings and all(f.field == "media" for f in findings)
    assert top("What a day on the ward!", media="Photo of the new reception desk") == 0.0


def test_explanations_never_repeat_names_or_numbers() -> None:
    text = "NHS number 485 777 3457 belongs to Mrs Gertrude Pollard, admitted with sepsis"
    for f in run(text):
        assert "485" not in f.explanation and "Pollard" not in f.explanation and "Gertrude" not in f.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Dobson " + "really " * 4000 + "after her stroke",  # long, the health word far away
        "(" * 5000 + "bed 4" + ")" * 5000,
        "ward " * 3000,
        "\u202eMrs Smith\u202c was admitted on Monday",
    ],
)
def test_hostile_input_is_handled(text: str) -> None:
    run(text)  # never raises, spans stay inside the text (checked in run)
