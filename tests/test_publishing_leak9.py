"""A review whose family and practitioners come from Romany Gypsy, Arabic, Vietnamese,
Portuguese, Ghanaian, Sikh, Turkish, Lithuanian and Polish naming customs, written as reports,
minutes and chronologies write them: pet names no table holds ("Mags", "Imi"), user names and
tags, short forms in capitals, Polish and Lithuanian case endings and the other sex's form of a
family name, "Mrs N" without a dot, a kunya and a nasab, a plot on a site. Published in every
format, nothing of them is left in the file; the release check asks about each form the
register does not hold; ordinary words that look like them are kept."""

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.inflections import case_forms, declines, other_sex
from app.publishing.register import RegisterEntry
from tests.leak_planting import asked, near_names_in, read_back_tests
from tests.publishing_leak9_case import KEPT, ORDINARY, PLANTED, build_case, leaks

case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(
    build_case, PLANTED + " " + ORDINARY, leaks, "Child T", KEPT
)


def test_the_release_check_asks_about_every_form_the_register_lacks(ctx, case):
    blocked = asked(ctx, case)
    near = blocked["near_name"]
    assert near >= {"Tomek", "TOMEK", "Kasia", "KASIA", "Mags", "Imi", "Kobby", "Ros", "ROS"}
    assert "tomek_n2018" in near
    assert not near & {"Magistrates", "Imperial", "Sandhurst", "MASH", "MARAC"}
    # A word of respect after a registered name is no one's name ("Emine Hanım").
    unregistered = blocked["unregistered"]
    assert not any("Hanım" in text for text in unregistered)


REGISTER = [
    RegisterEntry("Tomasz Nowak", "Child T"),
    RegisterEntry("Rūta Kazlauskienė", "Neighbour"),
    RegisterEntry("Alfred Kowalski", "Child A"),
    RegisterEntry("Rebecca Jones", "Mother"),
    RegisterEntry("Imran Al-Hashimi", "Father"),
    RegisterEntry("Kerry Smith", "Aunt"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A letter to Tomasza Nowaka came.", "A letter to Child T came."),
        ("The Nowakowie moved.", "The Child T moved."),
        ("Pani Nowakowa said no.", "[name removed] said no."),
        ("Kowalskiego nie było.", "Child A nie było."),
        ("The Kowalscy moved.", "The Child A moved."),
        ("Kazlauskienės sodas", "Neighbour sodas"),
        ("Kazlauskaitė saw it.", "[name removed] saw it."),
        ("He posted as @AlfredK19 today.", "He posted as [user name removed] today."),
        ("rebeccajones2010 wrote.", "[user name removed] wrote."),
        ("Mrs J said no.", "Mother said no."),
        ("Abu Alfred came.", "[name removed] came."),
        ("Imran bin Yusuf Al-Hashimi came.", "Father came."),
    ],
)
def test_declined_joined_and_kin_forms(text, expected):
    assert Anonymiser(REGISTER).apply(text) == expected


def test_an_english_register_gains_no_declined_forms():
    assert not declines("Rebecca Jones") and not declines("Paul Smith")
    assert declines("Tomasz Nowak") and declines("Rūta Kazlauskienė")
    assert Anonymiser([RegisterEntry("Paul Smith", "Father")]).apply("Paula came.") == "Paula came."
    assert "kowalskiego" in case_forms("kowalski") and "karolinie" in case_forms("karolina")
    assert other_sex("kowalski") == {"kowalska"}


def test_mr_d_is_kept_when_it_is_how_the_review_names_someone():
    an = Anonymiser([RegisterEntry("Tom Dunn", "Mr D")])
    assert an.apply("Mr D said no.") == "Mr D said no."


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Mags rang the school.", "Mags"),
        ("Imi said he would come.", "Imi"),
        ("Her nan, Mags, came.", "Mags"),
        ("He played as AlfieK online.", "AlfieK"),
        ("Her user name was bex_k19 then.", "bex_k19"),
        ("The worker saw BEX today.", "BEX"),
        ("The report quotes KATHRYN there.", "KATHRYN"),
        ("Nan Mags spoke.", "Mags"),
        ("#JusticeForAlfred trended.", "JusticeForAlfred"),
        ("BexKowalska posted.", "BexKowalska"),
    ],
)
def test_pet_names_handles_and_capitals_are_asked_about(text, asked):
    register = [
        RegisterEntry("Margaret Boswell", "Grandmother"),
        RegisterEntry("Imran Qureshi", "Father"),
        RegisterEntry("Alfred Kowalski", "Child A"),
        RegisterEntry("Rebecca Kowalska", "Mother"),
        RegisterEntry("Catherine Hughes", "the IRO"),
    ]
    assert asked in {n.written for n in near_names_in(register, text)}


@pytest.mark.parametrize(
    "text",
    ["Any other business was taken.", "Staff used the MASH and the MARAC.", "See run_task here.",
     "Magistrates sat. Imperial rules.", "The ALF and the BBC."],
)  # fmt: skip
def test_ordinary_words_acronyms_and_code_are_not_asked_about(text):
    register = [
        RegisterEntry("Margaret Boswell", "Grandmother"),
        RegisterEntry("Imran Qureshi", "Father"),
        RegisterEntry("Natasha Anand", "Nurse"),
        RegisterEntry("Marek Nowak", "Uncle"),
    ]
    assert near_names_in(register, text) == []


def test_the_subject_s_pseudonym_is_kept_whole():
    an = Anonymiser([RegisterEntry("Rhys Roberts", "Son")], keep=["SAR-2026-1", "Mr R"])
    assert an.apply("The visit to Mr R, at home, went well.") == (
        "The visit to Mr R, at home, went well."
    )
    assert Anonymiser([RegisterEntry("Rhys Roberts", "Son")]).apply("Mr R said no.") == (
        "Son said no."
    )
