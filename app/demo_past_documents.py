"""The documents of the past demonstration reviews (all fictional): each review's Executive
Summary and learning brief written in full, with what their generated sections are made from
(the key lines of enquiry, the chair and overview author, the agencies' own recommendations) and
a people register, so that the published copies show the anonymiser and the release check with
nothing left to flag.

The words live in resources/demo/documents/<reference>.txt, one file a review:

    # lines              a list of "- " items; likewise # panel (role | name | organisation),
                         # imr (agency | recommendation), # register (name | descriptor | role |
                         variants, comma-separated) and # leave out (document | section title)
    ## summary: Title    the section's text, paragraphs separated by a blank line (likewise
                         ## brief: and ## overview:; a glossary's terms a paragraph each)
"""

import re
from dataclasses import dataclass, field

from app.context import AppContext
from app.documents import ensure_report, get_report
from app.edits import apply_fields
from app.items import add_item
from app.reviews import find_review_id, get_review
from resources import resource_path


@dataclass
class PastDocuments:
    lines: list[str] = field(default_factory=list)
    panel: list[list[str]] = field(default_factory=list)
    imr: list[list[str]] = field(default_factory=list)
    register: list[list[str]] = field(default_factory=list)
    leave_out: list[list[str]] = field(default_factory=list)
    sections: dict[tuple[str, str], str] = field(default_factory=dict)


def documents_of(reference: str) -> PastDocuments | None:
    """The review's written documents, or None when it has none."""
    try:
        path = resource_path("demo", "documents", f"{reference}.txt")
    except FileNotFoundError:
        return None
    return parse(path.read_text("utf-8"))


def parse(text: str) -> PastDocuments:
    found = PastDocuments()
    lists = {"lines": found.lines, "panel": found.panel, "imr": found.imr,
             "register": found.register, "leave out": found.leave_out}  # fmt: skip
    current: list | None = None
    body: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            kind, _, title = line[3:].partition(":")
            body = []
            found.sections[(kind.strip(), title.strip())] = body  # joined below
            current = None
        elif line.startswith("# "):
            current, body = lists[line[2:].strip()], None
        elif body is not None:
            body.append(line)
        elif current is not None and line.startswith("- "):
            item = line[2:].strip()
            current.append(item if current is found.lines else [p.strip() for p in item.split("|")])
    found.sections = {key: _paragraphs(lines) for key, lines in found.sections.items()}
    return found


def _paragraphs(lines: list[str]) -> str:
    """Source lines as plain paragraphs: a blank line starts a new one."""
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines).strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def add_past_documents(ctx: AppContext, added: list[str]) -> None:
    """Write the documents of each past review just added that has them."""
    from app.demo_history import HISTORY
    from app.publishing.people import add_person

    for spec in HISTORY:
        found = documents_of(spec.reference) if spec.reference in added else None
        if found is None:
            continue
        review_id = find_review_id(ctx, spec.reference)
        for text in found.lines:
            add_item(ctx, "line_of_enquiry", review_id, {"text": text})
        for role, name, organisation in found.panel:
            add_item(ctx, "panel_member", review_id,
                     {"name": name, "role": role, "organisation": organisation})  # fmt: skip
        imrs = {i.agency: i.imr_id for i in get_review(ctx, review_id).imrs}
        for agency, text in found.imr:
            add_item(ctx, "recommendation", imrs[agency], {"text": text})
        for name, descriptor, role, variants in found.register:
            add_person(ctx, review_id, name=name, descriptor=descriptor, role=role,
                       variants=[v.strip() for v in variants.split(",") if v.strip()])  # fmt: skip
        written = {kind for kind, _title in found.sections} | {k for k, _t in found.leave_out}
        for kind in [k for k in ("summary", "brief", "overview") if k in written]:
            report = get_report(ctx, ensure_report(ctx, review_id, kind))
            for section in report.sections:
                if [kind, section.title] in found.leave_out:
                    apply_fields(ctx, "report_section", section.id, {"included": False})
                elif (kind, section.title) in found.sections:
                    text = found.sections[(kind, section.title)]
                    apply_fields(ctx, "report_section", section.id, {"text": text})
