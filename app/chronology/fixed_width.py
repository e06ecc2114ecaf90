"""Text printed in fixed-width columns, as records systems print to a file: a heading line
("DATE        TIME   OFFICER             DETAILS") and each entry a line whose fields start
where the headings do. Found from the heading line and the lines under it; each line is cut
at the headings' places (the last field takes the rest of the line)."""

import re

_HEADING_WORD = re.compile(r"\S+(?: \S+)*")  # words parted by one space: one heading


def _starts(line: str) -> list[int]:
    return [m.start() for m in _HEADING_WORD.finditer(line)]


def _ruled_starts(line: str) -> list[int] | None:
    """Where each run of dashes starts in a line of dashes parted by single spaces ("------
    -------- -----", as sqlcmd rules its headings off), or None when the line is not so."""
    text = line.rstrip()
    if not text.startswith("-") or text.strip("- "):
        return None
    starts = [m.start() for m in re.finditer(r"-+", text)]
    return starts if len(starts) >= 3 else None


def fixed_columns(lines: list[str]) -> tuple[int, list[int]] | None:
    """(index of the heading line, where each column starts), when the lines are laid out in
    fixed-width columns under a heading line: at least three headings of letters, parted by
    two spaces or more, and nearly every line under it blank where a column starts."""
    for index, line in enumerate(lines[:40]):
        text = line.rstrip()
        starts = _starts(text)
        headings = _HEADING_WORD.findall(text)
        if len(starts) < 3 or not all(any(c.isalpha() for c in h) for h in headings):
            continue
        if any(c.isdigit() for h in headings for c in h):
            continue
        ruled = _ruled_starts(lines[index + 1]) if index + 1 < len(lines) else None
        if ruled is not None and len(ruled) >= len(starts) and all(c in ruled for c in starts):
            starts = ruled  # a query tool's output: each column ruled off with dashes
        under = [u.rstrip() for u in lines[index + 1 :] if u.strip()]
        if len(under) < 3:
            return None
        fits = sum(
            1 for u in under if all(s == 0 or len(u) <= s or u[s - 1] == " " for s in starts)
            and len(u) > starts[-1] and u[starts[1] - 1 :].strip()
        )  # fmt: skip
        if fits >= 0.8 * len(under):
            return index, starts
        return None
    return None


def cut(line: str, starts: list[int]) -> list[str]:
    """The line's fields at the columns' places."""
    line = line.rstrip("\r\n")
    text = line.strip()
    if "  " not in text and any(
        0 < s < len(line) and line[s - 1] != " " and line[s] != " " for s in starts
    ):
        # One run of words across the columns' places ("(8 rows affected)"): a line of its
        # own, not fields cut apart.
        return [text] + [""] * (len(starts) - 1)
    ends = starts[1:] + [len(line) + 1]
    return [line[s:e].strip() for s, e in zip(starts, ends, strict=True)]
