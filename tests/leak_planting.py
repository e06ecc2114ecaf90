"""Planting a leak case: one review with its people register, and a text (the forms to look
for) written into every place a user types, so that a published file can be searched for what
is left of the people. A case module describes its review as plain data and calls
``plant(ctx, folder, CASE, text)``; this module does the writing.

The data, a dict (every key is needed; ``{text}`` marks where the planted text goes):

``reference``, ``title``, ``subject``, ``partnership``
    The review: its reference, title, subject's pseudonym and partnership.
``enquiry``
    The start of the line of enquiry; the text follows it.
``people``
    The register's people: tuples ``(name, descriptor, role, other names, date of birth,
    addresses, identifiers)``; the last three may be ``None`` / ``()``.
``places``
    The register's places: tuples ``(name, descriptor, other names)``.
``agencies``
    Agency names. Each gets an accepted IMR whose summary, analysis and lessons are the text,
    and a recommendation "Agency to share: " + text. The chronology is imported for the first.
``chronology``
    ``(file name, rows)``: the CSV written into ``folder`` and imported. Each row is
    ``(date, event, action taken, practitioner, role, subject)``; a field holding ``{text}``
    (or a comma, quote or line break) is quoted, the rest are written as they are (an action
    of ``"None"`` is the word None, as agencies write it). Optional ``chronology_quoted``: the
    columns (header names, e.g. ``("Practitioner", "Subject")``) whose fields are always quoted.
``episode``
    The title of a key episode (1 January to 10 February 2023) whose summary is the text.
``findings``
    ``(title, kind)`` pairs (kind: "finding", "good_practice", "learning_point"), each agreed
    with the text as its narrative.
``recommendation``
    ``(start, addressee)``: a review recommendation whose text is start + text, accepted by
    the board, addressed to the addressee.
``action_lead``
    The lead agency of the recommendation's one action, "Brief staff on " + text.
``heading``
    The new title of the first written section of the overview, summary and brief, whose
    sections are all included and written (``{section title}: text``; the glossary
    ``MASH: text``).

A new case writes only this data and its forms (``PLANTED``) and calls ``plant``; what must not
be found in a published file is data too, for ``find_leaks`` (see there).
"""

import re
import unicodedata
from datetime import date
from pathlib import Path

from app.chronology.importer import import_chronology
from app.edits import apply_fields
from app.findings import add_finding
from app.imrs import add_agency
from app.items import add_item
from app.publishing.anonymise import Anonymiser
from app.publishing.people import add_person
from app.publishing.transforms import protect
from app.reviews import create_review

CHRONOLOGY_HEADER = "Date,Event,Action taken,Practitioner,Role,Subject\n"


def plant(ctx, folder: Path, case: dict, text: str) -> int:
    """Make the review ``case`` describes with ``text`` in every place; return its id."""
    review_id = create_review(
        ctx,
        review_type="lcspr",
        reference=case["reference"],
        title=case["title"],
        subject_pseudonym=case["subject"],
        partnership=case["partnership"],
        lines_of_enquiry=[case["enquiry"] + text],
    )
    for name, descriptor, role, variants, born, addresses, ids in case["people"]:
        add_person(
            ctx,
            review_id,
            name=name,
            descriptor=descriptor,
            role=role,
            variants=variants,
            date_of_birth=born,
            addresses=addresses,
            identifiers=ids,
        )
    for name, descriptor, variants in case["places"]:
        add_person(
            ctx, review_id, name=name, descriptor=descriptor, kind="place", variants=variants
        )
    add_item(
        ctx,
        "panel_member",
        review_id,
        {"name": "Independent reviewer", "role": "overview_author", "organisation": "Independent"},
    )
    agencies = case["agencies"]
    imrs = [add_agency(ctx, review_id, name, "other") for name in agencies]
    for imr in imrs:
        apply_fields(
            ctx,
            "imr",
            imr,
            {"status": "accepted", "summary": text, "analysis": text, "lessons": text},
        )
        add_item(ctx, "recommendation", imr, {"text": "Agency to share: " + text})
    file_name, rows = case["chronology"]
    csv = folder / file_name
    quoted = case.get("chronology_quoted", ())
    csv.write_text(chronology_csv(rows, text, quoted), encoding="utf-8")
    import_chronology(ctx, review_id, agencies[0], csv)
    add_item(
        ctx,
        "key_episode",
        review_id,
        {
            "title": case["episode"],
            "start": date(2023, 1, 1),
            "end": date(2023, 2, 10),
            "summary": text,
        },
        1,
    )
    for title, kind in case["findings"]:
        finding = add_finding(ctx, review_id, title, kind)
        apply_fields(ctx, "finding", finding, {"narrative": text, "status": "agreed"})
    start, addressee = case["recommendation"]
    rec = add_item(ctx, "review_recommendation", review_id, {"text": start + text})
    apply_fields(ctx, "recommendation", rec, {"addressee": addressee, "board_response": "accepted"})
    add_item(
        ctx,
        "action",
        rec,
        {"action": "Brief staff on " + text, "lead_agency": case["action_lead"]},
    )
    for kind in ("overview", "summary", "brief"):
        write_sections(ctx, review_id, kind, text, case["heading"])
    return review_id


def chronology_csv(rows, text: str, quoted=()) -> str:
    """The chronology file: the header, then one line a row with the text in place; fields of
    the ``quoted`` columns are always quoted."""
    always = [name in quoted for name in CHRONOLOGY_HEADER.strip().split(",")]
    return CHRONOLOGY_HEADER + "".join(
        ",".join(_field(value, text, q) for value, q in zip(row, always, strict=True)) + "\n"
        for row in rows
    )


def _field(value: str, text: str, quote: bool = False) -> str:
    filled = value.replace("{text}", text)
    if quote or "{text}" in value or any(c in filled for c in ',"\n'):
        return '"' + filled.replace('"', '""') + '"'
    return filled


def write_sections(ctx, review_id: int, kind: str, text: str, heading: str) -> None:
    """Every section included; narrative sections written, and one renamed ``heading``."""
    from app.documents import ensure_report, get_report

    report = get_report(ctx, ensure_report(ctx, review_id, kind))
    renamed = False
    for s in report.sections:
        values = {"included": True}
        if not s.generated:
            values["text"] = f"{s.title}: {text}"
            if not renamed:
                values["title"] = heading
                renamed = True
        elif s.source == "glossary":
            values["text"] = f"MASH: {text}"
        apply_fields(ctx, "report_section", s.id, values)


# ---- looking for what is left -----------------------------------------------------------------

# Bytes of a compressed font or picture that a name's letters may happen to spell.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# A page's footer ("CSPR-2026-218 · Draft 1 Page 5 of 8"), the draft mark and the next page's
# header (which ends with the review's reference), as a PDF reader gives them.
_PAGE_BREAK = re.compile(
    r"\n([^\n]*\bPage \d+ of \d+[^\n]*)\n(?:(DRAFT)[ \t]*\n)?([^\n]*\b[A-Z]{2,}-\d{4}-\d+[ \t]*)\n"
)


def folded(text: str) -> str:
    """Lower case, accents off (and ł, ø, curly quotes made plain), white space as one space."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = plain.translate(str.maketrans("łŁøØ’‘", "lLoO''"))
    return " ".join(plain.casefold().split())


def _noise(text: str, start: int, end: int, mostly_plain: bool) -> bool:
    """True when the letters at ``start:end`` sit in the bytes of a compressed font or picture,
    not in words: control characters near them, or (``mostly_plain``) mostly neither letters,
    digits nor spaces (a short name such as "Lan" is spelled by chance in such bytes)."""
    window = text[max(start - 12, 0) : end + 12]
    if _BINARY.search(window):
        return True
    if not mostly_plain:
        return False
    plain = sum(c.isalnum() or c == " " for c in window)
    return plain < 0.7 * len(window)


def find_leaks(text: str, look: dict) -> dict[str, list[str]]:
    """What is left of the people in ``text``, by kind ("name", "place" and the kinds of
    ``digits``). ``look`` is plain data:

    ``kept``
        Phrases of the ordinary prose, taken out first: their words are kept on purpose.
    ``name_parts``
        Lower-case, accent-free name parts, found as whole words in any case or accents (not
        where they sit in the bytes of a font or picture).
    ``names_in_noise``
        "binary": a name part is passed over only near control characters; "mostly_plain":
        also where the letters around it are mostly neither letters, digits nor spaces.
    ``name_words_capitalised``
        Words found only as written (a short form that is also an ordinary word in lower case).
    ``initials``
        Regular expressions searched in the text as written (e.g. ``r"\\bMrs K\\b"``).
        Optional ``initials_in_noise``: True to pass them over in the bytes of a font or
        picture as name parts are (by the ``names_in_noise`` rule); by default they are not.
    ``broken_names``
        ``{label: regular expression}`` searched in the folded text (a name broken over a line).
    ``place_parts``
        Lower-case place names, whole words, hyphens read as spaces.
    ``digits``
        ``{kind: [values]}``: dates of birth, addresses, identifiers, found with spaces and
        brackets (and hyphens) taken out of the text.
    """
    # A page's footer and the next page's header read in the middle of a sentence ("lived in
    # <footer> <header> Lincoln"): read after the text, so the kept prose is whole and the
    # page furniture is still searched.
    furniture = [" ".join(g for g in m.groups() if g) for m in _PAGE_BREAK.finditer(text)]
    text = _PAGE_BREAK.sub("\n", text) + "\n" + "\n".join(furniture)
    text = " ".join(text.split())
    for kept in look["kept"]:
        text = text.replace(kept, " ")
    found = folded(text)
    squeezed = re.sub(r"[\s()]", "", found)
    mostly_plain = look["names_in_noise"] == "mostly_plain"
    out: dict[str, list[str]] = {}
    for part in look["name_parts"]:
        for m in re.finditer(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found.replace("_", " ")):
            if not _noise(found, m.start(), m.end(), mostly_plain):
                out.setdefault("name", []).append(part)
                break
    for word in look["name_words_capitalised"]:
        if re.search(rf"(?<![\w]){word}(?![\w])", text):
            out.setdefault("name", []).append(word)
    initials_noise = look.get("initials_in_noise", False)
    for pattern in look["initials"]:
        matches = re.finditer(pattern, text)
        if any(
            not (initials_noise and _noise(text, m.start(), m.end(), mostly_plain)) for m in matches
        ):
            out.setdefault("name", []).append(pattern)
    for label, pattern in look["broken_names"].items():
        if re.search(pattern, found):
            out.setdefault("name", []).append(label)
    for part in look["place_parts"]:
        if re.search(rf"(?<![a-z]){re.escape(part)}(?![a-z])", found.replace("-", " ")):
            out.setdefault("place", []).append(part)
    for kind, values in look["digits"].items():
        for value in values:
            squeezed_value = re.sub(r"[\s()]", "", value)
            if squeezed_value in squeezed or squeezed_value in squeezed.replace("-", ""):
                out.setdefault(kind, []).append(value)
    return out


# --- publishing the case -----------------------------------------------------------------------

EVERY_DOCUMENT = ("overview", "summary", "brief", "chronology")
EVERY_FORMAT = (".pdf", ".docx", ".html")


def every_published_file(test):
    """Run ``test`` (taking ``kind`` and ``suffix``) for every document a review publishes, in
    every format."""
    import pytest

    test = pytest.mark.parametrize("kind", EVERY_DOCUMENT)(test)
    return pytest.mark.parametrize("suffix", EVERY_FORMAT)(test)


def for_publication(ctx, review_id: int) -> int:
    """The review, its chronology to be published too (as a board may)."""
    from app.publishing.audience import set_audience

    set_audience(ctx, review_id, "chronology", "publication")
    return review_id


def published_text(ctx, review_id: int, kind: str, path: Path) -> str:
    """Everything a reader could get out of the ``kind`` document published to ``path``."""
    from app.publishing.pipeline import publish
    from tests.publishing_world_case import read_everything

    publish(ctx, kind, path, review_id=review_id)
    return read_everything(path)


def published(register, text: str) -> str:
    """``text`` as a draft for publication prints it (names spelled like a registered one removed)."""
    return protect(
        text,
        marking=None,
        anonymiser=Anonymiser(register),
        unregistered_out=True,
        register=register,
    )


# --- the tests every leak case has ------------------------------------------------------------


def read_back_tests(build_case, text: str, leaks, subject: str, kept=()):
    """The fixture and the first test of a leak case's test module: ``case``, the review
    ``build_case`` makes with ``text`` written everywhere, to be published with its chronology;
    and ``test_nothing_of_anyone_is_left_in_the_file``: every document in every format read
    back has nothing ``leaks`` finds, prints the ``subject``'s pseudonym and keeps each of the
    ``kept`` phrases of ordinary prose. A module binds both to its own names:
    ``case, test_nothing_of_anyone_is_left_in_the_file = read_back_tests(...)``."""
    import pytest

    @pytest.fixture
    def case(ctx, tmp_path):
        return for_publication(ctx, build_case(ctx, tmp_path, text))

    @every_published_file
    def test_nothing_of_anyone_is_left_in_the_file(ctx, case, tmp_path, kind, suffix):
        published = published_text(ctx, case, kind, tmp_path / f"{kind}{suffix}")
        assert leaks(published) == {}
        assert subject in published
        flat = " ".join(_PAGE_BREAK.sub("\n", published).split())
        for phrase in kept:
            assert phrase in flat

    return case, test_nothing_of_anyone_is_left_in_the_file


def asked(ctx, review_id: int, kind: str = "summary") -> dict[str, set[str]]:
    """What the release check of the ``kind`` document blocks on, by reason ("near_name",
    "unregistered"): the texts it asks about."""
    from app.publishing.release_check import check_publication

    out: dict[str, set[str]] = {"near_name": set(), "unregistered": set()}
    for hit in check_publication(ctx, review_id, kind).blocking:
        out.setdefault(hit.reason, set()).add(hit.text)
    return out


def near_names_in(register, text: str) -> list:
    """The near names ``text`` holds with ``register`` as the review's people."""
    from app.publishing.anonymise import Anonymiser
    from app.publishing.near_names import near_names

    return near_names(register, [text], Anonymiser(register).find)
