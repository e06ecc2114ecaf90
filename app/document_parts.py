"""Parts of the review's documents made from what the data knows (beyond the plain tables):
the agencies that provided IMRs, the actions arising from the board's response, the sign-off.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.actions import list_recommendations
from app.vocab import BOARD_RESPONSES
from reports.review_document_data import Block, Bullets, Note, Paragraphs, Subheading


@dataclass(frozen=True)
class View:
    """How a document is being built: as final or draft, for publication or internal use."""

    final: bool = False
    published: bool = False
    kind: str = ""


PROVIDED = ("received", "under_challenge", "accepted")


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Narrative text as paragraphs: a blank line starts a new one."""
    return tuple(p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip())


_ITEM_MARK = re.compile(r"^\s*(?:[•·▪◦*\-–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_ENDS_A_SENTENCE = (".", "!", "?", ":", ";")
_CLOSING = "\"'\u201d\u2019)]"


def items_of(text: str) -> tuple[str, ...]:
    """Written text as the items of a list: a blank line, a line marked as an item ("•", "-",
    "1.", "a)") or a line after one that ends a sentence starts an item; a line broken in the
    middle of a sentence (as text pasted from another document often is) continues it."""
    items: list[str] = []
    ended = True  # the item so far ends a sentence (or there is none)
    for paragraph in paragraphs_of(text.replace("\r\n", "\n").replace("\r", "\n")):
        ended = True
        for raw in paragraph.split("\n"):
            line = " ".join(raw.split())
            if not line:
                continue
            marked = _ITEM_MARK.match(line)
            if marked:
                line = line[marked.end() :].strip() or line
            if marked or ended or not items:
                items.append(line)
            else:
                items[-1] = f"{items[-1]} {line}"
            ended = items[-1].rstrip(_CLOSING).endswith(_ENDS_A_SENTENCE)
    return tuple(items)


def imr_agencies(ctx, review, section, view: View) -> tuple[Block, ...]:
    """The agencies that provided Individual Management Reviews, as a list."""
    agencies = [i.agency for i in review.imrs if i.status in PROVIDED]
    if not agencies:
        return (Note("No agency has provided an Individual Management Review yet."),)
    lead = "The following agencies provided Individual Management Reviews:"
    return (Paragraphs((lead,)), Bullets(tuple(agencies)))


def actions_arising(ctx, review, section, view: View) -> tuple[Block, ...]:
    """The board's response to each multi-agency recommendation and the actions agreed."""
    recs = [r for r in list_recommendations(ctx, review.id) if r.level == "multi_agency"]
    answered = [r for r in recs if r.board_response]
    if not answered:
        return (Note("The board has not yet responded to the review's recommendations."),)
    blocks: list[Block] = []
    for rec in answered:
        response = BOARD_RESPONSES.get(rec.board_response, rec.board_response)
        blocks.append(Subheading(f"Recommendation {rec.number}: {response.lower()}"))
        said = [f"The board's response: {response}."]
        if rec.response_reason.strip():
            said.append(rec.response_reason.strip())
        blocks.append(Paragraphs(tuple(said)))
        actions = [
            f"{a.action.strip()} (lead: {a.lead_agency or 'to be agreed'}"
            + (f"; by {a.target_date:%B %Y}" if a.target_date else "")
            + ")"
            for a in rec.actions
            if a.action.strip()
        ]
        if actions:
            blocks.append(Bullets(tuple(actions)))
    return tuple(blocks)


def sign_off(ctx, review, section, view: View) -> tuple[Block, ...]:
    """Who signs the document off: the overview author (by role when published) and chair."""
    roles = {"overview_author": "Independent overview author", "chair": "Chair of the panel"}
    lines = []
    for member in review.panel:
        if member.role in roles:
            who = roles[member.role] if view.published else f"{member.name}, {roles[member.role]}"
            lines.append(who)
    if not lines:
        return (Note("No overview author or chair has been recorded on the Panel tab."),)
    by = review.partnership or "the safeguarding partnership"
    text = f"This document was prepared for {by} and signed off by:"
    return (Paragraphs((text,), numbered=False), Bullets(tuple(lines)))


PARTS: dict[str, Callable[..., tuple[Block, ...]]] = {
    "imr_agencies": imr_agencies,
    "actions_arising": actions_arising,
    "sign_off": sign_off,
}
