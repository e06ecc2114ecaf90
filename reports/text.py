"""User text made safe to hand to any writer: one newline form, no control characters.

No document library is imported here, so every writer (PDF, DOCX, HTML) can use it cheaply.
"""

import re

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NEWLINES_RE = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


def plain(text: object) -> str:
    """User text normalised: newlines as \\n, tabs as spaces, controls (and lone surrogates,
    which no file format can hold) as U+FFFD."""
    if text is None:
        return ""
    text = _NEWLINES_RE.sub("\n", str(text)).replace("\t", "    ")
    return _CONTROL_RE.sub("\ufffd", text)


def one_line(text: object) -> str:
    """User text as a single line (headings, running headers, one-line fields)."""
    return " ".join(plain(text).split())
