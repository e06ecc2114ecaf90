"""The web page kept inside an RTF document that a mail program wrote from an HTML message
(``\\fromhtml1``): each tag of the page sits in a ``{\\*\\htmltagN ...}`` group, the text between
the tags is written as RTF, and what the program added only for RTF readers is set apart by
``\\htmlrtf`` ... ``\\htmlrtf0``. The page is put back together so that its tables are read as a
web page's are."""

from __future__ import annotations

import html
import re

# Groups whose text is never the page's: the font and colour tables, pictures, the document's
# properties (the \*-marked destinations other than the page's tags are passed over too).
_SKIPPED = frozenset({"fonttbl", "colortbl", "stylesheet", "info", "pict", "listtable",
                      "listoverridetable", "header", "footer", "object"})  # fmt: skip
_TOKEN = re.compile(
    rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)


def is_html_in_rtf(head: bytes) -> bool:
    """The RTF document carries a web page (a mail program's ``\\fromhtml1``)."""
    return b"\\fromhtml" in head[:1024]


def html_of_rtf(data: bytes, codepage: str = "cp1252") -> str:
    """The web page an RTF document written from HTML carries."""
    out: list[str] = []
    # Each group's state: (in a page's tag, text left out for RTF readers only, passed over)
    state = [False, False, False]
    stack: list[list[bool]] = []
    fresh = False  # the next control word is the first of its group
    star = False
    skip_chars = 0
    for m in _TOKEN.finditer(data):
        word, number, hexed, symbol, brace, text = m.groups()
        tag, hidden, skipped = state
        if brace == b"{":
            stack.append(state)
            state = list(state)
            fresh, star = True, False
            continue
        if brace == b"}":
            state = stack.pop() if stack else [False, False, False]
            fresh = star = False
            continue
        if symbol == b"*":
            star = True
            continue
        if word is not None:
            name = word.decode("ascii")
            if fresh:
                if name.startswith("htmltag"):
                    state[0] = True
                elif star or name in _SKIPPED:
                    state[2] = True
            fresh = star = False
            if name == "htmlrtf":
                state[1] = number != b"0"
                continue
            if skipped or (hidden and not tag):
                continue
            if name in ("par", "line"):
                out.append("\n")
            elif name == "tab":
                out.append("\t")
            elif name == "u" and number is not None:
                out.append(chr(int(number) % 65536))
                skip_chars = 1
            continue
        fresh = star = False
        if skipped or (hidden and not tag):
            continue
        if hexed is not None:
            piece = bytes.fromhex(hexed.decode("ascii")).decode(codepage, "replace")
        elif symbol is not None:
            piece = symbol.decode("latin-1")
            if piece == "~":
                piece = "\u00a0"
            elif piece not in "\\{}":
                continue
        elif text is not None:
            piece = text.decode(codepage, "replace")
        else:
            continue
        if skip_chars:
            piece, skip_chars = piece[1:], 0
        out.append(piece if tag else html.escape(piece, quote=False))
    return "".join(out)
