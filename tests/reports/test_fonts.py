"""The shipped DejaVu fonts: registered once, faces mapped, the glyphs reviews need."""

from pathlib import Path

from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from reports.fonts import SANS, SANS_CONDENSED, font_file, missing_glyphs, register_fonts
from resources import resource_path


def test_register_fonts_is_idempotent_and_returns_the_main_family():
    assert register_fonts() is SANS
    assert register_fonts() is SANS  # a second call must not fail or re-register


def test_family_maps_bold_and_italic_to_the_right_files():
    register_fonts()
    for family, prefix in ((SANS, "DejaVuSans"), (SANS_CONDENSED, "DejaVuSansCondensed")):
        expected = {
            (0, 0): f"{prefix}.ttf",
            (1, 0): f"{prefix}-Bold.ttf",
            (0, 1): f"{prefix}-Oblique.ttf",
            (1, 1): f"{prefix}-BoldOblique.ttf",
        }
        for (bold, italic), file_name in expected.items():
            face = tt2ps(family.name, bold, italic)
            assert Path(pdfmetrics.getFont(face).face.filename).name == file_name


def test_font_files_and_licence_ship_in_resources():
    for face in (SANS.regular, SANS.bold, SANS.italic, SANS.bold_italic):
        assert font_file(face).stat().st_size > 100_000
    licence = resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence
    assert "Permission is hereby granted" in licence


def test_dejavu_covers_polish_german_welsh_greek_and_cyrillic():
    register_fonts()
    text = "ŁłŻżĘęÖöŴŵŶŷ Zoë Siobhán Ελένη Оксана ⚑…–’"
    for face in (SANS.regular, SANS.bold, SANS.italic, SANS.bold_italic, SANS_CONDENSED.regular):
        char_to_glyph = pdfmetrics.getFont(face).face.charToGlyph
        assert all(ord(ch) in char_to_glyph for ch in text if not ch.isspace()), face
    assert missing_glyphs(text) == set()


def test_missing_glyphs_names_what_the_font_lacks():
    assert missing_glyphs("Chén 陈") == {"陈"}
