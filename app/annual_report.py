"""The board's annual report extract for one financial year (1 April to 31 March).

Adults: what the Care Act 2014, Schedule 2, paragraph 4(1)(d)-(g) requires of a Safeguarding
Adults Board's report: the findings of the SARs concluded in the year, those ongoing at its
end, what was done to implement findings, and the reasons for any decision not to implement
one. Children: the reviews concluded in the year and the progress on their actions.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.actions import ActionRecord, list_actions, list_recommendations
from app.context import AppContext
from app.errors import ValidationError
from app.review_corpus import ReviewDoc, load_reviews
from app.vocab import ACTION_STATUSES, REVIEW_STATUSES, REVIEW_TYPES
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

BOARDS = {"adults": "Safeguarding Adults Board", "children": "Children's safeguarding partners"}


@dataclass(frozen=True)
class FinancialYear:
    start: date
    end: date

    @classmethod
    def starting(cls, year: int) -> "FinancialYear":
        if not 1990 <= year <= 2100:
            raise ValidationError(f"{year} is not a year ReviewDesk can report on.")
        return cls(date(year, 4, 1), date(year + 1, 3, 31))

    @property
    def label(self) -> str:
        return f"{self.start.year}/{str(self.end.year)[2:]}"

    def holds(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def _concluded_on(doc: ReviewDoc) -> date | None:
    return doc.sign_off_date or doc.publication_date


def _started_by(doc: ReviewDoc, day: date) -> bool:
    return doc.decision_date is None or doc.decision_date <= day


def _date(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _type(doc: ReviewDoc) -> str:
    kind = REVIEW_TYPES.get(doc.review_type)
    return kind.short if kind else doc.review_type


def _split(docs: list[ReviewDoc], fy: FinancialYear):
    concluded = [d for d in docs if fy.holds(_concluded_on(d))]
    ongoing = [
        d
        for d in docs
        if _started_by(d, fy.end)
        and d.year <= fy.end.year
        and not (_concluded_on(d) and _concluded_on(d) <= fy.end)
        and d.status not in ("closed",)
    ]
    return concluded, ongoing


def _implementation(actions: list[ActionRecord], fy: FinancialYear) -> Table | Note:
    """Actions completed in the year, and those still open at the end of it."""
    rows = []
    for a in actions:
        if a.status == "not_accepted":
            continue
        done_in_year = a.status == "complete" and fy.holds(a.completion_date)
        still_open = a.status != "complete"
        if not (done_in_year or still_open):
            continue
        status = "Overdue" if a.overdue else ACTION_STATUSES.get(a.status, a.status)
        rows.append(
            (
                a.review_reference,
                a.recommendation_number,
                " ".join(a.action.split()),
                a.lead_agency,
                status,
                _date(a.completion_date),
                " ".join(a.evidence.split()),
            )
        )
    if not rows:
        return Note("No actions were completed in the year and none is open.")
    return Table(
        ("Review", "Rec.", "Action", "Lead agency", "Status", "Done on", "Evidence of impact"),
        tuple(rows),
        (3.8, 1.3, 5, 3, 2.4, 2.4, 4),
    )


def _not_implemented(ctx: AppContext, docs: list[ReviewDoc]) -> Table | Note:
    rows = []
    for doc in docs:
        for rec in list_recommendations(ctx, doc.id):
            if rec.board_response in ("not_accepted", "accepted_in_part"):
                rows.append(
                    (
                        doc.reference,
                        f"Recommendation {rec.number}",
                        rec.response_label,
                        " ".join(rec.text.split()),
                        rec.response_reason,
                    )  # fmt: skip
                )
            for a in rec.actions:
                if a.status == "not_accepted":
                    rows.append(
                        (
                            doc.reference,
                            f"Action for recommendation {rec.number}",
                            "Not accepted",
                            " ".join(a.action.split()),
                            a.not_accepted_reason,
                        )  # fmt: skip
                    )
    if not rows:
        return Note("No decision not to implement a finding or recommendation is recorded.")
    return Table(("Review", "What", "Decision", "Text", "Reason"), tuple(rows), (3.2, 3, 2.4, 5, 5))


def _concluded_blocks(docs: list[ReviewDoc]) -> tuple[Block, ...]:
    if not docs:
        return (Note("No review concluded in the year."),)
    blocks: list[Block] = []
    for doc in docs:
        blocks.append(
            Subheading(
                f"{doc.reference}: {doc.title} ({_type(doc)}, signed off "
                f"{_date(_concluded_on(doc))})"
            )  # fmt: skip
        )
        findings = [f.title for f in doc.findings if f.kind != "good_practice"]
        blocks.append(Bullets(tuple(findings)) if findings else Note("No findings recorded."))
    return tuple(blocks)


def _ongoing_table(docs: list[ReviewDoc]) -> Table | Note:
    if not docs:
        return Note("No review was ongoing at the end of the year.")
    rows = tuple(
        (
            d.reference,
            _type(d),
            d.title,
            _date(d.decision_date),
            REVIEW_STATUSES.get(d.status, d.status),
        )  # fmt: skip
        for d in docs
    )
    return Table(("Review", "Type", "Title", "Decision", "Stage"), rows, (3.2, 2.4, 6, 2.4, 3))


def _progress_table(docs: list[ReviewDoc], actions: list[ActionRecord]) -> Table | Note:
    rows = []
    for doc in docs:
        mine = [a for a in actions if a.review_id == doc.id]
        if not mine:
            continue
        count = {k: sum(1 for a in mine if a.status == k) for k in ACTION_STATUSES}
        overdue = sum(1 for a in mine if a.overdue)
        rows.append(
            (
                doc.reference,
                _type(doc),
                str(len(mine)),
                str(count["complete"]),
                str(count["on_track"] + count["not_started"]),
                str(count["at_risk"]),
                str(overdue),
                str(count["not_accepted"]),
            )  # fmt: skip
        )
    if not rows:
        return Note("No review has an action plan yet.")
    return Table(
        ("Review", "Type", "Actions", "Done", "Open", "At risk", "Overdue", "Not accepted"),
        tuple(rows),
        (3.4, 2.4, 1.9, 1.5, 1.5, 1.7, 2.1, 2.7),
    )


def _adult_sections(ctx, docs, actions, fy) -> list[Section]:
    sars = [d for d in docs if REVIEW_TYPES.get(d.review_type) and
            REVIEW_TYPES[d.review_type].board == "adults" and d.year <= fy.end.year]  # fmt: skip
    concluded, ongoing = _split(sars, fy)
    in_scope = concluded + [d for d in ongoing if d not in concluded]
    ids = {d.id for d in sars}
    mine = [a for a in actions if a.review_id in ids]
    return [
        Section("Safeguarding adults reviews concluded in the year", _concluded_blocks(concluded)),
        Section(
            "Safeguarding adults reviews ongoing at the end of the year", (_ongoing_table(ongoing),)
        ),  # fmt: skip
        Section("What the board did to implement the findings", (_implementation(mine, fy),)),
        Section(
            "Decisions not to implement a finding, and the reasons",
            (_not_implemented(ctx, in_scope or sars),),
        ),
    ]


def _children_sections(ctx, docs, actions, fy) -> list[Section]:
    reviews = [d for d in docs if REVIEW_TYPES.get(d.review_type) and
               REVIEW_TYPES[d.review_type].board in ("children", "all_ages")
               and d.year <= fy.end.year]  # fmt: skip
    concluded, ongoing = _split(reviews, fy)
    ids = {d.id for d in reviews}
    mine = [a for a in actions if a.review_id in ids]
    return [
        Section("Children's reviews concluded in the year", _concluded_blocks(concluded)),
        Section("Children's reviews ongoing at the end of the year", (_ongoing_table(ongoing),)),
        Section("Progress on actions from reviews", (_progress_table(reviews, mine),)),
        Section(
            "Actions completed in the year, and those open today", (_implementation(mine, fy),)
        ),
        Section(
            "Recommendations and actions not accepted, and the reasons",
            (_not_implemented(ctx, reviews),),
        ),
    ]


def build_annual_report(
    ctx: AppContext, year: int, board: str = "all", partnership: str = ""
) -> ReviewDocument:
    """The extract for the financial year starting 1 April ``year``."""
    if board not in ("all", *BOARDS):
        raise ValidationError(f"'{board}' is not a board: use adults, children or all.")
    fy = FinancialYear.starting(year)
    docs = load_reviews(ctx)
    actions = list_actions(ctx)
    about = Paragraphs(
        (
            f"This extract covers the financial year {fy.label} (1 April {fy.start.year} to "
            f"31 March {fy.end.year}). It is made from the reviews held in ReviewDesk on "
            f"{ctx.today():%d %B %Y}.",
            "For the Safeguarding Adults Board it gives what the Care Act 2014, Schedule 2, "
            "paragraph 4 asks of the annual report: the findings of the safeguarding adults "
            "reviews concluded in the year, the reviews ongoing at its end, what was done to "
            "implement findings, and the reasons for any decision not to implement one.",
            "For the children's safeguarding partners it gives the reviews concluded in the "
            "year and the progress on the actions that came from reviews.",
        ),
        numbered=False,
    )
    sections = [Section("About this extract", (about,))]
    if board in ("all", "adults"):
        sections += _adult_sections(ctx, docs, actions, fy)
    if board in ("all", "children"):
        sections += _children_sections(ctx, docs, actions, fy)
    partnership = partnership or next((d.partnership for d in docs if d.partnership), "")
    return ReviewDocument(
        kind="annual_report",
        kind_label="Annual report extract",
        title=f"Learning from reviews {fy.label}",
        review_reference="",
        review_type=BOARDS.get(board, "Safeguarding Adults Board and children's partners"),
        subject="",
        partnership=partnership,
        author="",
        version_label="",
        date_label=f"{ctx.today().day} {ctx.today():%B %Y}",
        protective_marking="OFFICIAL-SENSITIVE",
        draft=False,
        sections=tuple(sections),
        contents=True,
    )


def export_annual_report(ctx: AppContext, year: int, path: Path, board: str = "all") -> int | None:
    from app.newsletter import write_review_document_file

    doc = build_annual_report(ctx, year, board)
    review_ids = [d.id for d in load_reviews(ctx)]  # it draws on every review
    return write_review_document_file(ctx, doc, Path(path), review_ids)
