"""The multi-case learning newsletter: several reviews, each with its background, key learning
and recommendations, and a theme-by-theme table of good practice against learning points.

It is built as a format-neutral ReviewDocument (kind "newsletter"); only pseudonyms and
roles are used, never a name from the panel or an IMR author.
"""

from pathlib import Path

from sqlalchemy import select

from app.context import AppContext
from app.document_parts import items_of
from app.errors import ValidationError
from app.review_corpus import ReviewDoc, load_reviews
from app.reviews import find_review_id
from app.vocab import REVIEW_TYPES
from db.report_models import Report, ReportSection
from reports.review_document_data import (
    Block,
    Bullets,
    Note,
    Paragraphs,
    ReviewDocument,
    Section,
    Subheading,
    Table,
)

KIND, KIND_LABEL = "newsletter", "Learning from reviews"
MAX_CASES = 12


def _first_paragraph(text: str) -> str:
    parts = [p.strip() for p in text.replace("\r", "").split("\n\n") if p.strip()]
    return " ".join(parts[0].split()) if parts else ""


def _background(ctx: AppContext, doc: ReviewDoc) -> tuple[str, ...]:
    """The learning brief's background, written by the author, else the review's outline."""
    from app.documents import template

    starter = next(
        (s.get("text", "") for s in template("brief")["sections"] if s["title"] == "Background"),
        "",
    )
    with ctx.session() as session:
        written = session.scalar(
            select(ReportSection.text)
            .join(Report, Report.id == ReportSection.report_id)
            .where(
                Report.review_id == doc.id,
                Report.kind == "brief",
                ReportSection.title == "Background",
                ReportSection.included.is_(True),
            )
        )
    if written and written.strip() and written.strip() != starter.strip():
        return items_of(written)
    outline = [doc.title]
    if doc.agencies:
        outline.append("Agencies that contributed: " + ", ".join(doc.agencies) + ".")
    return tuple(outline)


def _learning(doc: ReviewDoc) -> list[str]:
    lines = []
    for f in doc.findings:
        if f.kind == "good_practice":
            continue
        body = _first_paragraph(f.narrative)
        lines.append(f"{f.title}. {body}" if body and body != f.title else f.title)
    return lines


def _theme_table(doc: ReviewDoc) -> Table | None:
    """Per theme, good practice against learning points (as in the reference newsletter)."""
    rows = []
    themes = dict.fromkeys(t for f in doc.findings for t in f.themes)
    for theme in themes:
        good = [f.title for f in doc.findings if f.kind == "good_practice" and theme in f.themes]
        learn = [f.title for f in doc.findings if f.kind != "good_practice" and theme in f.themes]
        if good or learn:
            rows.append(
                (
                    theme,
                    "\n".join(good) or "–",
                    "\n".join(f"• {t}" for t in learn) or "–",
                )
            )
    if not rows:
        return None
    rows.sort(key=lambda row: row[1] == "–")  # themes with good practice first
    return Table(("Theme", "Good practice", "Learning points"), tuple(rows), (2, 4, 5))


def _recommendations(doc: ReviewDoc) -> list[str]:
    multi = [r for r in doc.recommendations if r.level == "multi_agency"]
    single = [r for r in doc.recommendations if r.level != "multi_agency"]
    lines = [f"{r.addressee or 'All agencies'}: {' '.join(r.text.split())}" for r in multi]
    lines += [f"{r.agency or 'Agency'}: {' '.join(r.text.split())}" for r in single[:6]]
    if len(single) > 6:
        lines.append(
            f"A further {len(single) - 6} single-agency recommendations are in the review's "
            "action plan."
        )
    return lines


def _case_section(ctx: AppContext, number: int, doc: ReviewDoc) -> Section:
    name = doc.subject.strip() or f"Case {number}"
    kind = REVIEW_TYPES.get(doc.review_type)
    blocks: list[Block] = [
        Note(f"{kind.label if kind else doc.review_type} · {doc.reference} · {doc.year}"),
        Bullets(_background(ctx, doc)),
        Subheading("Summary of the key learning"),
    ]
    learning = _learning(doc)
    blocks.append(Paragraphs(tuple(learning), numbered=False) if learning else Note("None yet."))
    lessons = [f"{i.agency}: {_first_paragraph(i.lessons)}" for i in doc.imrs if i.lessons.strip()]
    if lessons:
        blocks += [Subheading("Lessons the agencies drew for themselves"), Bullets(tuple(lessons))]
    table = _theme_table(doc)
    if table is not None:
        blocks += [Subheading("Good practice and learning points by theme"), table]
    recs = _recommendations(doc)
    blocks += [Subheading("Key actions and recommendations")]
    blocks.append(Paragraphs(tuple(recs), numbered=False) if recs else Note("None made."))
    return Section(f"{name}", tuple(blocks))


def build_newsletter(
    ctx: AppContext, review_ids: list[int], partnership: str = ""
) -> ReviewDocument:
    """The newsletter over these reviews, in the order given."""
    if not review_ids:
        raise ValidationError("Choose at least one review for the newsletter.")
    if len(review_ids) > MAX_CASES:
        raise ValidationError(f"A newsletter holds at most {MAX_CASES} cases.")
    by_id = {d.id: d for d in load_reviews(ctx, review_ids)}
    docs = [by_id[i] for i in dict.fromkeys(review_ids)]
    if not partnership:  # the reviews' own partnership, when they share one
        named = {d.partnership for d in docs if d.partnership}
        partnership = named.pop() if len(named) == 1 else ""
    who = partnership or "The safeguarding partnership"
    intro = Section(
        "About this newsletter",
        (
            Paragraphs(
                (
                    f"{who} has brought together the learning from {len(docs)} "
                    f"review{'s' if len(docs) != 1 else ''}. For each case it gives a short "
                    "background, the key learning, what the agencies learned for themselves, "
                    "and the actions and recommendations that follow.",
                    "Names are not used: each person is referred to by a pseudonym or by their "
                    "relationship or role.",
                ),
                numbered=False,
            ),
        ),
    )
    sections = (intro, *(_case_section(ctx, n, d) for n, d in enumerate(docs, start=1)))
    today = ctx.today()
    markings = [d for d in docs if d.status not in ("published", "closed")]
    return ReviewDocument(
        kind=KIND,
        kind_label=KIND_LABEL,
        title="Learning newsletter",
        review_reference="",
        review_type="",
        subject="",
        partnership=partnership,
        author="",
        version_label="",
        date_label=f"{today.day} {today:%B %Y}",
        protective_marking="OFFICIAL-SENSITIVE" if markings else "OFFICIAL",
        draft=bool(markings),
        sections=sections,
        contents=False,
        extra_info={
            "Cases": f"{len(docs)}: " + ", ".join(d.subject or d.reference for d in docs),
            "Reviews": ", ".join(d.reference for d in docs),
        },
    )


def newsletter_review_ids(ctx: AppContext, refs: str) -> list[int]:
    """Review ids from "REF,REF,…" as typed on the command line."""
    parts = [p.strip() for p in refs.split(",") if p.strip()]
    if not parts:
        raise ValidationError("Give the reviews as REF,REF,… (references or ids).")
    return [find_review_id(ctx, p) for p in parts]


def write_review_document_file(
    ctx: AppContext, doc: ReviewDocument, path: Path, review_ids: list[int]
) -> int | None:
    """Write a ReviewDocument in the format the file's suffix names; returns the page count.

    The one place the newsletter and the annual report reach a writer: through the publishing
    pipeline, anonymised against the people registers of every review they draw on."""
    from app.publishing.pipeline import publish_document

    return publish_document(
        ctx, "review_document", doc, path, review_ids=review_ids, label=doc.kind_label
    ).pages


def export_newsletter(ctx: AppContext, review_ids: list[int], path: Path) -> int | None:
    doc = build_newsletter(ctx, review_ids)
    return write_review_document_file(ctx, doc, Path(path), review_ids)
