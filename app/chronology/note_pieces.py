"""A note an export cut into columns of a fixed width ("Note 1", "Note 2", "Note 3"), wherever
the cut fell, mid-word too: the pieces are one text, joined as they are, without headings."""

import re

# A heading numbering one piece of a note: "Note 1", "Notes (2)", "Case note part 3",
# "NOTE_TEXT_2".
_PIECE_NUMBER = re.compile(r"[\s_\-]*\(?(?:part|pt\.?)?\s*(\d{1,2})\)?$", re.I)


def _stem(label: str) -> str:
    m = _PIECE_NUMBER.search(label)
    return (label[: m.start()] if m else label).strip().casefold()


def one_text_in_pieces(labels: list[str]) -> bool:
    """Whether these headings name pieces of one text numbered in turn ("Note 1", "Note 2",
    "Note 3"; or "Notes", "Notes 2")."""
    stems = {_stem(label) for label in labels}
    numbers = []
    for label in labels:
        m = _PIECE_NUMBER.search(label)
        numbers.append(int(m[1]) if m else 1)
    return (
        len(labels) > 1
        and len(stems) == 1
        and not stems & {"", "column"}  # "Column 3": a file without headings
        and numbers == list(range(numbers[0], numbers[0] + len(labels)))
    )


def numbered_pieces(headings: list[str], event: int, taken: set[int]) -> list[int]:
    """The columns numbered on from the event column's heading ("Note 2", "Note 3" after
    "Note 1"), however little they hold: the rest of its note."""
    heading = headings[event]
    numbered = _PIECE_NUMBER.search(heading)
    stem = _stem(heading)
    if not numbered or stem in ("", "column"):
        return []  # "Column 3", "Column4": a file's (or a spreadsheet's) names for its columns
    pieces = {
        int(m[1]): index
        for index, other in enumerate(headings)
        if index not in taken and _stem(other) == stem and (m := _PIECE_NUMBER.search(other))
    }
    found = []
    for step in (-1, 1):
        number = int(numbered[1]) + step
        while number in pieces:
            found.append(pieces[number])
            number += step
    return found
