"""Column widths from a table's content, so no word or date is ever broken inside.

Every writer (the PDF layouts, DOCX) asks for widths in points for the width it has. A column
gets at least the width of its longest word (a date counts as one word: its spaces are
no-break spaces), its header's longest word included; what is left goes to the columns whose
text is long, in proportion to how much more room they would use. Only a word too long for
any sensible column (a pasted web address, say) may still wrap inside: a column's minimum is
capped at ``MAX_WORD_SHARE`` of the table.

Measured with the shipped DejaVu fonts' real advance widths; a long table is sampled for its
typical lengths but scanned whole for its longest words (cheap: the longest by characters).
"""

import re
from collections.abc import Sequence

MAX_WORD_SHARE = 0.34  # no column claims more than this much of the table for one word
SAMPLE_ROWS = 400  # rows measured for typical lengths
CANDIDATES = 6  # longest words by characters, per column, measured in points


_BREAKS = re.compile(r"[ \t\n\r\f\v]+")  # where a line may break: not at a no-break space


def _words(text: str) -> list[str]:
    """The unbreakable pieces of ``text``: "2\xa0Aug\xa02026" is one (str.split() would cut it)."""
    return [w for w in _BREAKS.split(text) if w]


def _natural(text: str, cap: float, face: str, size: float) -> float:
    """The width of ``text`` on one line, a word wider than ``cap`` counted as ``cap`` (it
    has to wrap inside anyway, so it earns its column no more room)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = stringWidth(text, face, size)
    for word in _words(text):
        if len(word) > 25:
            width -= max(0.0, stringWidth(word, face, size) - cap)
    return width


def column_widths(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: float,
    *,
    size: float = 9.0,
    padding: float = 8.0,
    condensed: bool = False,
    hint: Sequence[float] = (),
    header_size: float | None = None,
) -> list[float]:
    """Widths in points, one per column, adding up to ``total``.

    ``size`` is the cell text's font size (``header_size`` the header's, when larger), ``padding`` a cell's left and right padding
    together; ``hint`` (relative weights) breaks ties between long-text columns.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.fonts import SANS, SANS_CONDENSED, register_fonts

    register_fonts()
    family = SANS_CONDENSED if condensed else SANS
    count = len(columns)
    if count == 0:
        return []
    longest: list[list[str]] = [[] for _ in range(count)]
    for row in rows:
        for i, cell in enumerate(row[:count]):
            if cell and len(cell) > 3:
                word = max(_words(cell), key=len, default="")
                bucket = longest[i]
                if len(bucket) < CANDIDATES:
                    bucket.append(word)
                elif len(word) > len(bucket[-1]):
                    bucket[-1] = word
                else:
                    continue
                bucket.sort(key=len, reverse=True)
    step = max(1, len(rows) // SAMPLE_ROWS)
    sample = rows[::step]
    cap = total * MAX_WORD_SHARE
    minimum, natural = [], []
    for i, title in enumerate(columns):
        header_words = _words(title) or [""]
        word = max(stringWidth(w, family.bold, header_size or size) for w in header_words)
        for candidate in longest[i]:
            word = max(word, stringWidth(candidate, family.regular, size))
        minimum.append(min(word + padding + 1, cap))
        lengths = sorted(
            _natural(r[i], cap, family.regular, size) if i < len(r) else 0.0 for r in sample
        )
        typical = lengths[int(len(lengths) * 0.9)] if lengths else 0.0
        natural.append(max(minimum[-1], typical + padding + 1))
    weights = list(hint) if len(hint) == count and min(hint, default=0) > 0 else [1.0] * count
    return _share(minimum, natural, weights, total)


def _share(minimum: list[float], natural: list[float], weights: list[float], total: float):
    need = sum(minimum)
    if need >= total:  # even the words do not fit: shrink every column alike
        return [m * total / need for m in minimum]
    if sum(natural) <= total:  # every cell fits on one line: share the spare alike
        scale = total / sum(natural)
        return [n * scale for n in natural]
    # Short columns (their natural width fits easily) get it; long ones share the rest.
    widths = list(minimum)
    spare = total - need
    wants = [n - m for n, m in zip(natural, minimum, strict=True)]
    short = sorted(range(len(wants)), key=lambda i: wants[i])
    for i in short:
        if wants[i] <= spare / max(1, sum(1 for w in wants if w > 0)) * 0.6:
            widths[i] += wants[i]
            spare -= wants[i]
            wants[i] = 0.0
    long_cols = [i for i, w in enumerate(wants) if w > 0]
    weight = sum(wants[i] * weights[i] for i in long_cols) or 1.0
    for i in long_cols:
        widths[i] += spare * wants[i] * weights[i] / weight
    return widths
