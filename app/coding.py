"""National coding schemes: the project's themes crosswalked to the Panel's practice themes,
the DHR themes and the NHS England tracker themes (resources/coding/schemes.json)."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.errors import ValidationError
from app.review_corpus import ReviewDoc, load_reviews
from app.vocab import DEFAULT_THEMES, REVIEW_TYPES
from resources import resource_path

PROJECT = "project"


@dataclass(frozen=True)
class Scheme:
    key: str
    label: str
    source: str
    codes: tuple[str, ...]


@cache
def _data() -> dict[str, Any]:
    return json.loads(resource_path("coding", "schemes.json").read_text("utf-8"))


def schemes() -> dict[str, Scheme]:
    """Every scheme, the project's own themes first."""
    found = {PROJECT: Scheme(PROJECT, "ReviewDesk themes", "The partnership's own themes", ())}
    for key, spec in _data()["schemes"].items():
        found[key] = Scheme(key, spec["label"], spec["source"], tuple(spec["codes"]))
    return found


def parse_scheme(text: str) -> str:
    wanted = text.strip().casefold()
    for key in schemes():
        if key == wanted:
            return key
    raise ValidationError(f"'{text}' is not a coding scheme. Use one of: {', '.join(schemes())}.")


def codes_for(themes: tuple[str, ...] | list[str], scheme: str) -> tuple[str, ...]:
    """The codes in ``scheme`` for these project themes, in the scheme's own order."""
    if scheme == PROJECT:
        return tuple(themes)
    crosswalk = _data()["crosswalk"]
    wanted = {code for theme in themes for code in crosswalk.get(theme, {}).get(scheme, ())}
    return tuple(code for code in schemes()[scheme].codes if code in wanted)


def unmapped_themes(scheme: str) -> list[str]:
    """Default themes with no code in a scheme (shown to the user, never silently lost)."""
    crosswalk = _data()["crosswalk"]
    return [t for t in DEFAULT_THEMES if not crosswalk.get(t, {}).get(scheme)]


@dataclass(frozen=True)
class CodingTable:
    """Plain data for a coding export: one row per review and per finding."""

    scheme_label: str
    source: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def coding_rows(docs: list[ReviewDoc], scheme: str) -> list[tuple[str, ...]]:
    rows = []
    for doc in docs:
        kind = REVIEW_TYPES.get(doc.review_type)
        type_label = kind.label if kind else doc.review_type
        rows.append(
            (
                doc.reference,
                type_label,
                str(doc.year),
                "Review",
                "",
                doc.title,
                "; ".join(doc.all_themes),
                "; ".join(codes_for(doc.all_themes, scheme)),
            )
        )
        for f in doc.findings:
            rows.append(
                (
                    doc.reference,
                    type_label,
                    str(doc.year),
                    {"good_practice": "Good practice", "learning_point": "Learning point"}.get(
                        f.kind, "Finding"
                    ),
                    str(f.number),
                    f.title,
                    "; ".join(f.themes),
                    "; ".join(codes_for(f.themes, scheme)),
                )
            )
    return rows


def coding_table(ctx: AppContext, scheme: str) -> CodingTable:
    spec = schemes()[scheme]
    return CodingTable(
        scheme_label=spec.label,
        source=spec.source,
        columns=(
            "Review",
            "Type",
            "Year",
            "Coded item",
            "No.",
            "Title",
            "ReviewDesk themes",
            spec.label,
        ),
        rows=tuple(coding_rows(load_reviews(ctx), scheme)),
    )


def export_coding(ctx: AppContext, scheme: str, path: Path) -> int:
    """Write every review and finding coded in one scheme (.xlsx or .csv); returns the rows."""
    from app.publishing.pipeline import publish_document

    table = coding_table(ctx, scheme)
    review_ids = [d.id for d in load_reviews(ctx)]
    publish_document(ctx, "coding", table, path, review_ids=review_ids, label="coding table")
    return len(table.rows)


def national_codes_text(themes: tuple[str, ...] | list[str]) -> str:
    """One line per national scheme: what these themes are coded as there."""
    lines = []
    for key, scheme in schemes().items():
        if key == PROJECT:
            continue
        codes = codes_for(themes, key)
        lines.append(f"{scheme.label.split(':')[0]}: {'; '.join(codes) or '–'}")
    return "\n".join(lines)
