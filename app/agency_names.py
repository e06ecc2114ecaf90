"""One agency, however its name is written: "Tŷ Mererid Housing" and "Ty Mererid housing",
"Children’s Services" and "Children's  Services", "Health & Wellbeing" and "Health and
Wellbeing" are the same agency. Every path that matches an agency by its name (typed on the
command line, named by a sheet or a column, remembered with its columns) goes through
``agency_key``."""

import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "&": " and "})


@lru_cache(maxsize=512)
def agency_key(name: str) -> str:
    """The form two names of one agency share: case, spacing, accents, apostrophes and "&"
    left out of account."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split()).casefold()
