"""Recognising the event types agencies write."""

import pytest

from app.chronology.event_types import EVENT_TYPES, event_type_label, normalise_event_type


def test_event_types_in_order():
    assert list(EVENT_TYPES.items()) == [
        ("home_visit", "Home visit"),
        ("contact", "Contact"),
        ("referral", "Referral"),
        ("assessment", "Assessment"),
        ("strategy_discussion", "Strategy discussion"),
        ("cp_conference", "Child protection conference"),
        ("core_group", "Core group"),
        ("supervision", "Supervision / management oversight"),
        ("missing_episode", "Missing episode"),
        ("return_home_interview", "Return home interview"),
        ("police_incident", "Police incident"),
        ("arrest", "Arrest"),
        ("health_appointment", "Health appointment"),
        ("missed_appointment", "Missed appointment"),
        ("ed_attendance", "ED attendance"),
        ("school_exclusion", "School exclusion"),
        ("placement_change", "Placement change"),
        ("court", "Court"),
        ("safeguarding_concern", "Safeguarding concern"),
        ("school_attendance", "School attendance"),
        ("other", "Other"),
    ]


@pytest.mark.parametrize(("key", "label"), list(EVENT_TYPES.items()))
def test_labels_and_keys_are_recognised(key, label):
    assert normalise_event_type(label) == key
    assert normalise_event_type(label.upper()) == key
    assert event_type_label(key) == label


SYNONYMS = {
    "missing_episode": [
        "Missing from home",
        "MFH",
        "missing person report",
        "went missing",
        "absent",
    ],
    "supervision": [
        "Management oversight",
        "supervision",
        "case supervision",
        "management decision",
    ],
    "return_home_interview": ["RHI", "return interview", "return home interview"],
    "ed_attendance": ["A&E", "A & E attendance", "emergency department", "ED attendance"],
    "missed_appointment": [
        "DNA",
        "did not attend",
        "was not brought",
        "child not brought",
        "missed appointment",
    ],
    "strategy_discussion": ["strategy meeting"],
    "cp_conference": [
        "ICPC",
        "RCPC",
        "initial child protection conference",
        "review child protection conference",
    ],
    "home_visit": ["statutory visit", "unannounced visit"],
    "referral": ["MASH referral", "CAMHS referral", "referral to children's social care"],
    "assessment": ["single assessment", "C&F assessment", "child and family assessment"],
    "police_incident": ["domestic incident", "DA incident", "police call-out"],
    "school_exclusion": ["fixed term exclusion", "permanent exclusion", "suspension"],
    "placement_change": ["placement move"],
    "court": ["court hearing", "ICO", "care proceedings"],
    "health_appointment": ["GP appointment", "clinic appointment", "antenatal appointment"],
    "contact": ["phone call", "telephone contact", "email", "letter"],
}


@pytest.mark.parametrize(
    ("text", "key"), [(text, key) for key, texts in SYNONYMS.items() for text in texts]
)
def test_synonyms(text, key):
    assert normalise_event_type(text) == key
    assert normalise_event_type(f"  {text.upper()}. ") == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Missed GP appointment", "missed_appointment"),
        ("Child not brought to paediatric appointment.", "missed_appointment"),
        ("Referral to CAMHS by school nurse", "referral"),
        ("Return home interview after missing episode", "return_home_interview"),
        ("Strategy discussion: Telephone strategy discussion with CSC.", "strategy_discussion"),
        ("Domestic incident: attended address following 999 call", "police_incident"),
        ("Exclusion - Fixed-term exclusion for three days", "school_exclusion"),
        ("Supervision order granted", "court"),
        ("Young person missing from placement overnight", "missing_episode"),
        ("Attendance concern - Attendance below 80% this half term.", "school_attendance"),
        ("Wellbeing concern: came in hungry and tired", "safeguarding_concern"),
        ("Concern for welfare - caller worried about a child alone", "police_incident"),
        ("Stop and search: nothing found", "police_incident"),
    ],
)
def test_keywords_in_longer_texts(text, key):
    assert normalise_event_type(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "Disclosure - Child told teaching assistant there was no food at home over the weekend.",
        "appointment",
        "Cardiac arrest",
        "Coping strategy discussed with mother",
        "Probation supervision appointment",
        "",
        "   ",
    ],
)
def test_never_a_wrong_specific_type(text):
    assert normalise_event_type(text) == ""


def test_unknown_key_has_no_label():
    assert event_type_label("nonsense") == ""
