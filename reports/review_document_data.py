"""Plain data for the review's documents (Overview Report, Executive Summary, learning brief).

The app layer fills these from the store; the writer only lays them out. All text is the
author's or the agencies' own words and must be escaped by the writer.
"""

from dataclasses import dataclass, field
from typing import Any

# Content blocks of a section body ------------------------------------------------------------


@dataclass(frozen=True)
class Paragraphs:
    """Paragraphs of prose. ``numbered``: each gets a number "3.1", "3.2"… within its section."""

    texts: tuple[str, ...]
    numbered: bool = True


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section (a finding's title, say); it appears in the outline too."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bulleted list. ``lead``: an optional bold lead-in per item (a learning point's title
    before its text); empty, or one per item ("" for none)."""

    items: tuple[str, ...]
    lead: tuple[str, ...] = ()
    numbered: bool = False  # 1., 2., 3. instead of bullets (questions the review answers)


@dataclass(frozen=True)
class Note:
    """A short italic note (e.g. "No recommendations have been made yet.")."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table that may run over pages; its header row repeats on every page."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative widths, one per column; empty = equal
    caption: str = ""


@dataclass(frozen=True)
class Timeline:
    """The chronology timeline, drawn as vector graphics.

    ``layout`` is an app.chronology.timeline.TimelineLayout (passed through as plain data:
    lanes, markers with x fractions, episodes, silences, ticks); ``colours`` maps a marker
    category to a hex colour; ``labels`` maps a category to its legend label.
    """

    layout: Any
    colours: dict[str, str]
    labels: dict[str, str]
    caption: str = ""


@dataclass(frozen=True)
class Callout:
    """A short boxed block that stands out from the prose ("What this means for your
    practice"): a title and a few unnumbered paragraphs or points."""

    title: str
    texts: tuple[str, ...]


Block = Paragraphs | Subheading | Bullets | Note | Table | Timeline | Callout


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]
    appendix: bool = False  # appendices are lettered (Appendix A) and their paragraphs unnumbered


@dataclass(frozen=True)
class ReviewDocument:
    kind: str  # "overview", "summary" or "brief"
    kind_label: str  # "Overview Report", "Executive Summary", "Learning brief"
    title: str  # the review's title
    review_reference: str
    review_type: str  # "Local Child Safeguarding Practice Review"
    subject: str  # pseudonym
    partnership: str
    author: str  # the overview author (or "" when none is recorded)
    version_label: str  # "Draft 3" or "Final"
    date_label: str  # "22 November 2026"
    protective_marking: str  # "OFFICIAL-SENSITIVE"
    draft: bool  # drafts carry a diagonal DRAFT watermark on every page
    sections: tuple[Section, ...]
    language: str = "en-GB"
    contents: bool = True  # a contents page (the learning brief has none)
    extra_info: dict[str, str] = field(default_factory=dict)
    # "internal" (real names) or "publication" (anonymised by the publishing pipeline before
    # any writer sees it; writers need not act on it).
    audience: str = "internal"
