"""Every review's learning as plain data, read in a handful of queries: the ground for the
learning view, the national coding exports, repeated-learning search and the newsletter."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select

from app.conflicts import merged
from app.context import AppContext
from app.errors import NotFoundError, ValidationError
from db.findings_models import Finding, FindingTheme
from db.learning_models import ReviewConversion, ReviewTheme
from db.models import Agency, Imr, Recommendation, Review


@dataclass(frozen=True)
class FindingDoc:
    id: int
    review_id: int
    number: int
    title: str
    narrative: str
    kind: str
    themes: tuple[str, ...]

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.narrative}".strip()


@dataclass(frozen=True)
class RecommendationDoc:
    id: int
    text: str
    addressee: str
    level: str
    agency: str  # the IMR's agency for single-agency ones
    board_response: str
    response_reason: str


@dataclass(frozen=True)
class ImrLearning:
    agency: str
    sector: str
    lessons: str
    good_practice: str
    summary: str = ""
    analysis: str = ""


@dataclass(frozen=True)
class ReviewDoc:
    id: int
    reference: str
    title: str
    review_type: str
    status: str
    subject: str
    partnership: str
    year: int
    themes: tuple[str, ...]  # coded on the review itself
    agencies: tuple[str, ...]
    sectors: tuple[str, ...]
    findings: tuple[FindingDoc, ...]
    recommendations: tuple[RecommendationDoc, ...]
    imrs: tuple[ImrLearning, ...]
    decision_date: date | None = None
    sign_off_date: date | None = None
    publication_date: date | None = None
    same_case: tuple[int, ...] = ()  # a rapid review and the local review it became

    @property
    def all_themes(self) -> tuple[str, ...]:
        """The review's own themes and every finding's, once each."""
        found = dict.fromkeys(self.themes)
        for finding in self.findings:
            found.update(dict.fromkeys(finding.themes))
        return tuple(found)


def review_year(review: Review) -> int:
    """The year a review belongs to: its decision, else notification, incident, creation."""
    for value in (review.decision_date, review.notification_date, review.incident_date):
        if value is not None:
            return value.year
    return review.created_at.year


def load_reviews(ctx: AppContext, review_ids: list[int] | None = None) -> list[ReviewDoc]:
    """The chosen reviews (default: all), oldest first."""
    with ctx.session() as session:
        query = select(Review)
        if review_ids is not None:
            query = query.where(Review.id.in_(review_ids))
        reviews = list(session.scalars(query))
        ids = [r.id for r in reviews]
        own: dict[int, list[str]] = {}
        for rid, theme in session.execute(
            select(ReviewTheme.review_id, ReviewTheme.theme)
            .where(ReviewTheme.review_id.in_(ids))
            .order_by(ReviewTheme.theme)
        ):
            own.setdefault(rid, []).append(theme)
        finding_themes: dict[int, list[str]] = {}
        for fid, theme in session.execute(
            select(FindingTheme.finding_id, FindingTheme.theme)
            .join(Finding, Finding.id == FindingTheme.finding_id)
            .where(Finding.review_id.in_(ids))
            .order_by(FindingTheme.theme)
        ):
            finding_themes.setdefault(fid, []).append(theme)
        findings: dict[int, list[FindingDoc]] = {}
        for f in session.scalars(
            select(Finding).where(Finding.review_id.in_(ids)).order_by(Finding.position, Finding.id)
        ):
            per = findings.setdefault(f.review_id, [])
            per.append(
                FindingDoc(
                    f.id,
                    f.review_id,
                    len(per) + 1,
                    f.title,
                    f.narrative,
                    f.kind,
                    tuple(finding_themes.get(f.id, ())),
                )
            )
        agencies: dict[int, list[tuple[str, str]]] = {}
        imrs: dict[int, list[ImrLearning]] = {}
        imr_agency: dict[int, str] = {}
        for agency, imr in session.execute(
            select(Agency, Imr)
            .join(Imr, Imr.agency_id == Agency.id)
            .where(Agency.review_id.in_(ids))
            .order_by(Agency.position, Agency.id)
        ):
            agencies.setdefault(agency.review_id, []).append((agency.name, agency.sector))
            imr_agency[imr.id] = agency.name
            texts = (imr.lessons, imr.good_practice, imr.summary, imr.analysis)
            if any(t.strip() for t in texts):
                imrs.setdefault(agency.review_id, []).append(
                    ImrLearning(agency.name, agency.sector, *texts)
                )
        recs: dict[int, list[RecommendationDoc]] = {}
        for r in session.scalars(
            select(Recommendation)
            .where(Recommendation.review_id.in_(ids))
            .order_by(Recommendation.level, Recommendation.imr_id, Recommendation.position)
        ):
            recs.setdefault(r.review_id, []).append(
                RecommendationDoc(
                    r.id,
                    r.text,
                    r.addressee,
                    r.level,
                    imr_agency.get(r.imr_id, "") if r.imr_id else "",
                    r.board_response,
                    r.response_reason,
                )
            )
        same_case: dict[int, list[int]] = {}
        for rapid, local in session.execute(
            select(ReviewConversion.rapid_review_id, ReviewConversion.review_id)
        ):
            same_case.setdefault(rapid, []).append(local)
            same_case.setdefault(local, []).append(rapid)
        docs = [
            ReviewDoc(
                id=r.id,
                reference=r.reference,
                title=r.title,
                review_type=r.review_type,
                status=r.status,
                subject=r.subject_pseudonym,
                partnership=r.partnership,
                year=review_year(r),
                themes=tuple(own.get(r.id, ())),
                agencies=tuple(name for name, _ in agencies.get(r.id, ())),
                sectors=tuple(sector for _, sector in agencies.get(r.id, ())),
                findings=tuple(findings.get(r.id, ())),
                recommendations=tuple(recs.get(r.id, ())),
                imrs=tuple(imrs.get(r.id, ())),
                decision_date=r.decision_date,
                sign_off_date=r.sign_off_date,
                publication_date=r.publication_date,
                same_case=tuple(same_case.get(r.id, ())),
            )
            for r in reviews
        ]
        return sorted(docs, key=lambda d: (d.year, d.reference.casefold()))


def set_review_themes(
    ctx: AppContext, review_id: int, themes: list[str], *, seen: Iterable[str] | None = None
) -> None:
    """Code the review as a whole with these themes (replacing its earlier ones; with
    ``seen``, the themes shown, only what this person ticked or unticked changes)."""
    cleaned = list(dict.fromkeys(t.strip() for t in themes if t.strip()))
    if any(len(t) > 120 for t in cleaned):
        raise ValidationError("A theme is too long (120 characters at most).")
    with ctx.session() as session:
        if session.get(Review, review_id) is None:
            raise NotFoundError("That review no longer exists.")
        if seen is not None:
            stored = session.scalars(
                select(ReviewTheme.theme).where(ReviewTheme.review_id == review_id)
            )
            keep = merged(stored, cleaned, seen)
            cleaned = [t for t in cleaned if t in keep] + sorted(keep - set(cleaned))
        session.execute(delete(ReviewTheme).where(ReviewTheme.review_id == review_id))
        session.add_all(ReviewTheme(review_id=review_id, theme=t) for t in cleaned)
