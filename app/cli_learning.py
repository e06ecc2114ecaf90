"""Command-line commands for learning across reviews: learning, search, similar, and the
newsletter, annual report and coding exports."""

from pathlib import Path

from app.wording import plural

LEARNING_EXPORTS = ("newsletter", "annual-report", "coding")


def _cli():
    from app import cli  # the shared helpers (store context, JSON printing)

    return cli


def cmd_learning(args) -> int:
    from app.learning import learning_overview

    cli = _cli()
    with cli._context(args, write=False) as ctx:
        overview = learning_overview(ctx, args.year_from, args.year_to)
    data = {
        "years": list(overview.years),
        "reviews": [
            {
                "reference": d.reference,
                "type": d.review_type,
                "year": d.year,
                "themes": list(d.all_themes),
            }  # fmt: skip
            for d in overview.reviews
        ],
        "themes": overview.theme_totals,
        "themes_by_year": {
            t: {str(y): n for y, n in c.items()} for t, c in overview.themes_by_year.items()
        },  # fmt: skip
        "types_by_year": {
            t: {str(y): n for y, n in c.items()} for t, c in overview.types_by_year.items()
        },  # fmt: skip
        "themes_by_type": overview.themes_by_type,
        "agencies": overview.agencies,
        "recommendations_by_agency": overview.recommendations_by_agency,
        "repeated_learning": [_match_json(m) for m in overview.repeated],
    }
    if args.json:
        cli._print_json(data)
        return cli.EXIT_OK
    span = f"{overview.years[0]}–{overview.years[-1]}" if overview.years else "no years"
    print(f"{plural(len(overview.reviews), 'review')}, {span}")
    print("Themes (reviews coded with each):")
    for theme, count in list(overview.theme_totals.items())[:15]:
        by_year = overview.themes_by_year[theme]
        years = ", ".join(f"{y}: {by_year[y]}" for y in sorted(by_year))
        print(f"  {count:>3}  {theme}  ({years})")
    print("Reviews by type and year:")
    for label, per in overview.types_by_year.items():
        print(f"  {label:<20} " + ", ".join(f"{y}: {n}" for y, n in sorted(per.items())))
    print(
        f"Repeated learning: {plural(len(overview.repeated), 'finding')} "
        f"{'resembles' if len(overview.repeated) == 1 else 'resemble'} an earlier review's"
    )
    for m in overview.repeated[:10]:
        print(f"  {m.review} #{m.finding.number} {m.finding.title[:60]}")
        print(f"      ≈ {m.earlier_review} ({m.earlier_year}) #{m.earlier.number} "
              f"{m.earlier.title[:60]}  [{m.score:.2f}]")  # fmt: skip
    return cli.EXIT_OK


def _match_json(m) -> dict:
    return {
        "review": m.review,
        "finding": m.finding.number,
        "title": m.finding.title,
        "earlier_review": m.earlier_review,
        "earlier_year": m.earlier_year,
        "earlier_finding": m.earlier.number,
        "earlier_title": m.earlier.title,
        "score": m.score,
        "shared_themes": list(m.shared_themes),
    }


def cmd_search(args) -> int:
    from app.learning import search_reviews

    cli = _cli()
    text = " ".join(args.text)
    with cli._context(args, write=False) as ctx:
        hits = search_reviews(ctx, text, limit=args.limit)
    if args.json:
        cli._print_json(
            [
                {
                    "review": h.review,
                    "kind": h.kind,
                    "label": h.label,
                    "snippet": h.snippet,
                    "score": h.score,
                }  # fmt: skip
                for h in hits
            ]
        )
        return cli.EXIT_OK
    if not hits:
        print(f"Nothing found for “{text}”.")
    for h in hits:
        print(f"{h.review:<16} {h.kind:<18} {h.label[:50]}")
        print(f"      {h.snippet}")
    return cli.EXIT_OK


def cmd_similar(args) -> int:
    from app.learning import similar_findings
    from app.reviews import find_review_id

    cli = _cli()
    with cli._context(args, write=False) as ctx:
        matches = similar_findings(ctx, find_review_id(ctx, args.review))
    if args.json:
        cli._print_json([_match_json(m) for m in matches])
        return cli.EXIT_OK
    if not matches:
        print("No finding of this review resembles an earlier review's finding.")
    for m in matches:
        print(f"#{m.finding.number} {m.finding.title}")
        print(f"   ≈ {m.earlier_review} ({m.earlier_year}) #{m.earlier.number} "
              f"{m.earlier.title}  [{m.score:.2f}]")  # fmt: skip
    return cli.EXIT_OK


def cmd_export_learning(args) -> int:
    """export newsletter | annual-report | coding."""
    cli = _cli()
    target = Path(args.output).expanduser()
    if args.what == "newsletter":
        from app.newsletter import export_newsletter, newsletter_review_ids

        if not args.reviews:
            return _usage(cli, "export newsletter needs --reviews REF,REF,…")
        with cli._context(args, write=False) as ctx:
            pages = export_newsletter(ctx, newsletter_review_ids(ctx, args.reviews), target)
        print(f"Wrote the newsletter ({_pages(pages)}) to {target}")
        return cli.EXIT_OK
    if args.what == "annual-report":
        from app.annual_report import export_annual_report

        if args.year is None:
            return _usage(cli, "export annual-report needs --year YYYY (the year from 1 April)")
        with cli._context(args, write=False) as ctx:
            pages = export_annual_report(ctx, args.year, target, board=args.board)
        print(f"Wrote the annual report extract ({_pages(pages)}) to {target}")
        return cli.EXIT_OK
    from app.coding import export_coding, parse_scheme

    scheme = parse_scheme(args.scheme or "project")
    with cli._context(args, write=False) as ctx:
        rows = export_coding(ctx, scheme, target)
    print(f"Wrote {rows} coded reviews and findings ({scheme}) to {target}")
    return cli.EXIT_OK


def _pages(pages) -> str:
    return plural(pages, "page") if isinstance(pages, int) else "done"


def _usage(cli, message: str) -> int:
    import sys

    print(f"reviewdesk: {message}", file=sys.stderr)
    return cli.EXIT_ERROR


def add_learning_commands(add) -> None:
    """Register learning, search and similar with ``add(name, func, help)``."""
    p = add("learning", cmd_learning, "learning across reviews: themes by year, type, agency")
    p.add_argument("--from", dest="year_from", type=int, metavar="YEAR")
    p.add_argument("--to", dest="year_to", type=int, metavar="YEAR")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("search", cmd_search, "search every review's findings, recommendations and records")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--limit", type=int, default=30, metavar="N")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("similar", cmd_similar, "findings of a review that repeat earlier reviews' learning")
    p.add_argument("--review", required=True, metavar="REF", help="review reference or id")
    p.add_argument("--json", action="store_true", help="print JSON")


def add_export_options(p) -> None:
    """Options of ``export`` used by the newsletter, annual report and coding exports."""
    p.add_argument("--reviews", metavar="REF,REF", help="newsletter: the reviews, in order")
    p.add_argument("--year", type=int, metavar="YYYY", help="annual-report: year from 1 April")
    p.add_argument(
        "--board",
        choices=["all", "adults", "children"],
        default="all",
        help="annual-report: which board's part (default: both)",
    )
    p.add_argument("--scheme", metavar="S", help="coding: project, panel, dhr or nhse")
