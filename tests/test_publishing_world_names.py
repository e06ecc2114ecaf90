"""A review whose people come from many naming traditions, published in every format: nothing
of a name, place, address, date of birth or identifier is left anywhere in the file (text,
metadata, alternative text, attributes, headers and footers), ordinary words are kept, and
the release check sees names of the same shapes that are not in the register."""

import difflib

import pytest

from app.publishing.anonymise import Anonymiser
from app.publishing.people import list_people
from app.publishing.release_check import _unregistered_hits, check_publication
from tests.leak_planting import every_published_file, for_publication, published_text
from tests.publishing_world_case import (
    ORDINARY,
    PLANTED,
    UNREGISTERED,
    build_world_case,
    leaks,
)


@pytest.fixture
def world(ctx, tmp_path):
    return for_publication(ctx, build_world_case(ctx, tmp_path, PLANTED + " " + ORDINARY))


@every_published_file
def test_nothing_of_anyone_is_left_in_the_file(ctx, world, tmp_path, kind, suffix):
    text = published_text(ctx, world, kind, tmp_path / f"{kind}{suffix}")
    assert leaks(text) == {}
    assert "Child R" in text
    # Ordinary words that are also names, and the agencies, are still there.
    for phrase in ("young person alone", "will mark the date", "Young People's Services"):
        assert phrase in " ".join(text.split())
    assert "Heddlu Dyfed-Powys Police" in text


def test_ordinary_prose_is_not_mangled(ctx, world):
    anonymiser = Anonymiser(list_people(ctx, world))
    published = anonymiser.apply(ORDINARY).split()
    changed = [w[2:] for w in difflib.ndiff(ORDINARY.split(), published) if w[:1] == "-"]
    # "LAN" cannot be told from the registered "Lan" written in capitals. (A name that is a
    # word, at the start of a sentence before a word it goes with, is the word: "Young people
    # told the panel".)
    assert changed == ["LAN"]


def test_the_release_check_blocks_every_name_and_flags_new_shapes(ctx, world):
    result = check_publication(ctx, world, "summary")
    assert {h.reason for h in result.blocking} >= {"name", "identifier"}
    assert not [h for h in result.hits if h.reason == "unregistered"]
    anonymiser = Anonymiser(list_people(ctx, world))
    missed = [t for t in UNREGISTERED if not _unregistered_hits(t, "x", "s", anonymiser)]
    assert missed == []
