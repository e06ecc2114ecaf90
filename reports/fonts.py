"""The TrueType fonts ReviewDesk ships, registered for reportlab.

reportlab's built-in fonts stop at Latin-1, so every PDF uses DejaVu Sans (Łukasz, Zoë,
Siobhán, Ελένη, Cyrillic, Welsh ŵ/ŷ all covered). ``register_fonts()`` is cheap after the
first call and safe to call from any thread.
"""

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resources import resource_path


@dataclass(frozen=True)
class FontFamily:
    """The reportlab names of one registered family's four faces."""

    name: str  # the family name to put in a ParagraphStyle's fontName
    regular: str
    bold: str
    italic: str
    bold_italic: str


# Registered name -> file in resources/fonts.
_FILES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    "DejaVuSansCondensed": "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold": "DejaVuSansCondensed-Bold.ttf",
    "DejaVuSansCondensed-Oblique": "DejaVuSansCondensed-Oblique.ttf",
    "DejaVuSansCondensed-BoldOblique": "DejaVuSansCondensed-BoldOblique.ttf",
}

SANS = FontFamily(
    "DejaVuSans", "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"
)
# Narrower faces for dense tables (a landscape chronology fits more words per line).
SANS_CONDENSED = FontFamily(
    "DejaVuSansCondensed",
    "DejaVuSansCondensed",
    "DejaVuSansCondensed-Bold",
    "DejaVuSansCondensed-Oblique",
    "DejaVuSansCondensed-BoldOblique",
)
FAMILIES = (SANS, SANS_CONDENSED)

_lock = threading.Lock()
_registered = False


def font_file(registered_name: str) -> Path:
    """The path of the TTF file behind a registered face name."""
    return resource_path("fonts", _FILES[registered_name])


def register_fonts() -> FontFamily:
    """Register the shipped fonts with reportlab (once) and return the main family."""
    global _registered
    with _lock:
        if not _registered:
            for family in FAMILIES:
                for face in (family.regular, family.bold, family.italic, family.bold_italic):
                    pdfmetrics.registerFont(TTFont(face, str(font_file(face))))
                # registerFontFamily maps <b>/<i> in Paragraph markup to the right faces.
                pdfmetrics.registerFontFamily(
                    family.name,
                    normal=family.regular,
                    bold=family.bold,
                    italic=family.italic,
                    boldItalic=family.bold_italic,
                )
            _registered = True
    return SANS


def missing_glyphs(text: str, face: str = SANS.regular) -> set[str]:
    """The characters of ``text`` the registered face has no glyph for (spaces aside)."""
    register_fonts()
    char_to_glyph = pdfmetrics.getFont(face).face.charToGlyph
    return {ch for ch in text if not ch.isspace() and ord(ch) not in char_to_glyph}
