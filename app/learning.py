"""Learning across reviews: themes by year, review type and agency; findings that repeat
earlier reviews' learning; and a search over every review's text."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select

from app.chronology.entries import working_date
from app.context import AppContext
from app.errors import ValidationError
from app.review_corpus import FindingDoc, ReviewDoc, load_reviews
from app.text_match import THRESHOLD, Bm25, SimilarityIndex, words
from app.vocab import REVIEW_TYPES, SECTORS
from db.chronology_models import ChronologyEntry, ChronologySearch
from db.models import Agency, Review


@dataclass(frozen=True)
class LearningOverview:
    years: tuple[int, ...]
    reviews: tuple[ReviewDoc, ...]
    themes_by_year: dict[str, dict[int, int]]  # theme -> year -> reviews coded with it
    theme_totals: dict[str, int]  # theme -> reviews coded with it, in the whole range
    types_by_year: dict[str, dict[int, int]]  # review type label -> year -> reviews
    themes_by_type: dict[str, dict[str, int]]  # type label -> theme -> reviews
    agencies: dict[str, int]  # agency (sector label) -> reviews it took part in
    themes_by_agency: dict[str, dict[str, int]]  # sector label -> theme -> reviews
    recommendations_by_agency: dict[str, int]  # lead agency -> single-agency recommendations
    repeated: list["RepeatedLearning"] = field(default_factory=list)


def _type_label(key: str) -> str:
    kind = REVIEW_TYPES.get(key)
    return kind.short if kind else key


def learning_overview(
    ctx: AppContext, year_from: int | None = None, year_to: int | None = None
) -> LearningOverview:
    """The picture across every review whose year falls in the range (inclusive)."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise ValidationError(f"The range runs backwards: {year_from} is after {year_to}.")
    docs = [
        d
        for d in load_reviews(ctx)
        if (year_from is None or d.year >= year_from) and (year_to is None or d.year <= year_to)
    ]
    themes_by_year: dict[str, Counter] = {}
    types_by_year: dict[str, Counter] = {}
    themes_by_type: dict[str, Counter] = {}
    theme_totals: Counter = Counter()
    agencies: Counter = Counter()
    themes_by_agency: dict[str, Counter] = {}
    recs: Counter = Counter()
    for doc in docs:
        label = _type_label(doc.review_type)
        types_by_year.setdefault(label, Counter())[doc.year] += 1
        for theme in doc.all_themes:
            themes_by_year.setdefault(theme, Counter())[doc.year] += 1
            themes_by_type.setdefault(label, Counter())[theme] += 1
            theme_totals[theme] += 1
        sectors = {SECTORS.get(s, s) for s in doc.sectors}
        agencies.update(sectors)
        for sector in sectors:
            themes_by_agency.setdefault(sector, Counter()).update(doc.all_themes)
        recs.update(r.agency for r in doc.recommendations if r.agency)
    years = tuple(sorted({d.year for d in docs}))
    return LearningOverview(
        years=years,
        reviews=tuple(docs),
        themes_by_year={t: dict(c) for t, c in themes_by_year.items()},
        theme_totals=dict(theme_totals.most_common()),
        types_by_year={t: dict(c) for t, c in sorted(types_by_year.items())},
        themes_by_type={t: dict(c.most_common()) for t, c in sorted(themes_by_type.items())},
        agencies=dict(agencies.most_common()),
        themes_by_agency={a: dict(themes_by_agency[a].most_common()) for a in agencies},
        recommendations_by_agency=dict(recs.most_common()),
        repeated=repeated_learning(docs),
    )


# Repeated learning ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RepeatedLearning:
    """A finding of one review that resembles a finding of an earlier review."""

    review: str  # reference
    finding: FindingDoc
    earlier_review: str
    earlier_year: int
    earlier: FindingDoc
    score: float
    shared_themes: tuple[str, ...]


def _order(doc: ReviewDoc) -> tuple:
    return (doc.year, doc.decision_date or doc.sign_off_date or date.min, doc.id)


def _earlier(a: ReviewDoc, b: ReviewDoc) -> bool:
    """Whether review ``b`` came before review ``a``."""
    return _order(b) < _order(a)


def repeated_learning(
    docs: list[ReviewDoc], only_review: int | None = None, threshold: float = THRESHOLD
) -> list[RepeatedLearning]:
    """Findings (not good practice) resembling an earlier review's findings, best first."""
    entries = [
        (doc, f) for doc in docs for f in doc.findings if f.kind != "good_practice" and f.text
    ]
    if not entries:
        return []
    index = SimilarityIndex([f.text for _, f in entries], [f.themes for _, f in entries])
    found = []
    for (a, b), score in index.candidates().items():
        first, second = entries[a][0], entries[b][0]
        if score < threshold or first.id == second.id or second.id in first.same_case:
            continue  # one review, or one case reviewed twice (rapid, then local): not repeated
        # The later review's finding repeats the earlier one's.
        i, j = (a, b) if _earlier(entries[a][0], entries[b][0]) else (b, a)
        (doc, finding), (other, earlier) = entries[i], entries[j]
        if only_review is not None and doc.id != only_review:
            continue
        found.append(
            RepeatedLearning(
                review=doc.reference,
                finding=finding,
                earlier_review=other.reference,
                earlier_year=other.year,
                earlier=earlier,
                score=round(score, 3),
                shared_themes=tuple(t for t in finding.themes if t in earlier.themes),
            )
        )
    return sorted(found, key=lambda m: (-m.score, m.review, m.finding.number))


def similar_findings(ctx: AppContext, review_id: int) -> list[RepeatedLearning]:
    """This review's findings that repeat what earlier reviews in the store found."""
    return repeated_learning(load_reviews(ctx), only_review=review_id)


# Search -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    review_id: int
    review: str  # reference
    kind: str  # "Finding", "Recommendation", "IMR lessons", "Chronology", ...
    label: str
    snippet: str
    score: float


def _snippet(text: str, terms: list[str], width: int = 160) -> str:
    flat = " · ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    lowered = flat.casefold()
    at = min((p for t in terms if (p := lowered.find(t)) >= 0), default=0)
    start = max(0, at - width // 3)
    piece = flat[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")


def _documents(docs: list[ReviewDoc]) -> list[tuple[ReviewDoc, str, str, str]]:
    """(review, kind, label, text) for every searchable piece of every review."""
    pieces = []
    for doc in docs:
        pieces.append((doc, "Review", doc.title, f"{doc.title}\n{doc.subject}"))
        for f in doc.findings:
            kind = {"good_practice": "Good practice", "learning_point": "Learning point"}
            pieces.append((doc, kind.get(f.kind, "Finding"), f"{f.number}. {f.title}", f.text))
        for r in doc.recommendations:
            label = r.agency or r.addressee or "Multi-agency"
            pieces.append((doc, "Recommendation", label, r.text))
        for imr in doc.imrs:
            for kind, body in (
                ("IMR lessons", imr.lessons),
                ("IMR good practice", imr.good_practice),
                ("IMR summary", imr.summary),
                ("IMR analysis", imr.analysis),
            ):
                if body.strip():
                    pieces.append((doc, kind, imr.agency, body))
    return pieces


def search_reviews(ctx: AppContext, text: str, limit: int = 50) -> list[SearchHit]:
    """Every review's findings, recommendations, IMR learning and chronology, ranked (BM25)."""
    terms = [t for t in text.casefold().split() if t]
    if not words(text):
        raise ValidationError("Type some words to search for.")
    docs = load_reviews(ctx)
    pieces = _documents(docs)
    pieces += _chronology_candidates(ctx, terms)
    if not pieces:
        return []
    scores = Bm25([p[3] for p in pieces]).scores(text)
    ranked = sorted(
        ((s, p) for s, p in zip(scores, pieces, strict=True) if s > 0),
        key=lambda x: -x[0],
    )[:limit]
    return [
        SearchHit(doc.id, doc.reference, kind, label, _snippet(body, terms), round(score, 2))
        for score, (doc, kind, label, body) in ranked
    ]


@dataclass(frozen=True)
class _ReviewRef:
    id: int
    reference: str


def _chronology_candidates(ctx: AppContext, terms: list[str], cap: int = 2000):
    """Chronology entries holding any of the words (the narrow search table, read once)."""
    if not terms:
        return []
    with ctx.session() as session:
        rows = session.execute(
            select(
                Review.id,
                Review.reference,
                Agency.name,
                ChronologyEntry.date_text,
                ChronologyEntry.date_start,
                ChronologyEntry.precision,
                ChronologySearch.text,
            )  # fmt: skip
            .join(ChronologyEntry, ChronologyEntry.id == ChronologySearch.entry_id)
            .join(Review, Review.id == ChronologySearch.review_id)
            .join(Agency, Agency.id == ChronologyEntry.agency_id)
            .where(or_(*(ChronologySearch.text.icontains(t, autoescape=True) for t in terms)))
            .limit(cap)
        ).all()
    return [
        (
            _ReviewRef(rid, ref),
            "Chronology",
            f"{working_date(date_text, start, precision) or 'undated'}, {agency}",
            body,
        )
        for rid, ref, agency, date_text, start, precision, body in rows
    ]
