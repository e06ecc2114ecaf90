"""The fourth round's Word documents (see fourth_round_files.py), and the list of every file of
the round with its builder. All names are fictional."""

from __future__ import annotations

from pathlib import Path

from tests.chronology import fourth_round_files as sheets
from tests.chronology import fourth_round_more as more
from tests.chronology import fourth_round_stamps as stamps
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, _truth


def _fill(row, values) -> None:
    for cell, text in zip(row.cells, values, strict=True):
        cell.text = text


def nested_table_after_prose(folder: Path):
    """An IMR author's document: headings and prose, a small table of the child's details, then
    the chronology table, one of whose cells holds a table of those present."""
    import docx

    document = docx.Document()
    document.add_heading("Individual Management Review", level=1)
    document.add_paragraph("1. Introduction. This review covers the agency's contact with the "
                           "family between March and November 2016.")  # fmt: skip
    details = document.add_table(rows=3, cols=2)
    for row, pair in zip(details.rows, [("Name", "Child Z"), ("Date of birth", "01/02/2014"),
                                        ("Agency", "Children's Social Care")], strict=True):  # fmt: skip
        _fill(row, pair)
    document.add_heading("2. Chronology", level=2)
    heads = ["Date", "Time", "Practitioner", "Type", "Event"]
    table = document.add_table(rows=1, cols=len(heads))
    _fill(table.rows[0], heads)
    for i in range(8):
        row = table.add_row()
        _fill(row, [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4],
                    TEXTS[i]])  # fmt: skip
        if i == 4:
            present = row.cells[4].add_table(rows=2, cols=2)
            _fill(present.rows[0], ("Present", "Role"))
            _fill(present.rows[1], ("Priya Nandakumar", "Health visitor"))
    document.add_paragraph("3. Analysis. The analysis follows in the next section.")
    path = folder / "nested_table_after_prose.docx"
    document.save(path)
    return path, _truth()


def date_and_time_paragraphs(folder: Path):
    """A Word chronology whose first cell holds the date and, on a line of its own, the time."""
    import docx

    document = docx.Document()
    document.add_paragraph("Chronology")
    heads = ["Date / time", "Worker", "Type", "Details"]
    table = document.add_table(rows=1, cols=len(heads))
    _fill(table.rows[0], heads)
    for i in range(8):
        row = table.add_row()
        _fill(row, ["", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        cell = row.cells[0]
        cell.paragraphs[0].text = f"{DAYS[i]:%d/%m/%Y}"
        cell.add_paragraph(f"{TIMES[i]:%H:%M}")
    path = folder / "date_and_time_paragraphs.docx"
    document.save(path)
    return path, _truth()


def merged_date_cells(folder: Path):
    """A Word chronology where two entries of one day share a date cell merged down the rows."""
    import docx

    document = docx.Document()
    heads = ["Date", "Worker", "Type", "Event"]
    table = document.add_table(rows=1, cols=len(heads))
    _fill(table.rows[0], heads)
    days = [DAYS[0], DAYS[0], DAYS[1], DAYS[2], DAYS[2], DAYS[3], DAYS[4], DAYS[5]]
    rows = []
    for i in range(8):
        row = table.add_row()
        first = i == 0 or days[i] != days[i - 1]
        _fill(row, [f"{days[i]:%d/%m/%Y}" if first else "", WORKERS[i % 4], TYPES[i % 4],
                    TEXTS[i]])  # fmt: skip
        rows.append(row)
    for i in (1, 4):
        merged = rows[i - 1].cells[0].merge(rows[i].cells[0])
        merged.text = f"{days[i]:%d/%m/%Y}"
    path = folder / "merged_date_cells.docx"
    document.save(path)
    truth = [
        e.__class__(**{**vars(e), "start": days[i]}) for i, e in enumerate(_truth(times=False))
    ]
    return path, truth


def _content_control(cell, text: str, when) -> None:
    """A date picker content control holding ``text``, as templates put in each date cell."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    cell.paragraphs[0]._p.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:date w:fullDate="{when:%Y-%m-%d}T00:00:00Z">'
        '<w:dateFormat w:val="dd/MM/yyyy"/></w:date></w:sdtPr>'
        f"<w:sdtContent><w:r><w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>"
    ))  # fmt: skip


def content_controls(folder: Path):
    """A council's IMR template: the chronology table wrapped in a repeating-section content
    control, each date picked with a date picker (a content control in the cell)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Agency chronology (complete the table; add rows as needed)")
    heads = ["Date", "Time", "Practitioner", "Type", "Event"]
    table = document.add_table(rows=1, cols=len(heads))
    _fill(table.rows[0], heads)
    for i in range(8):
        row = table.add_row()
        _fill(row, ["", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        _content_control(row.cells[0], f"{DAYS[i]:%d/%m/%Y}", DAYS[i])
    wrapper = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    table._tbl.addprevious(wrapper)
    wrapper[1].append(table._tbl)
    path = folder / "content_controls.docx"
    document.save(path)
    return path, _truth()


def tracked_changes(folder: Path):
    """An IMR chronology returned with its changes tracked and not yet accepted: words
    inserted into entries (they belong to the entry) and words deleted (they do not)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    heads = ["Date", "Practitioner", "Type", "Event"]
    table = document.add_table(rows=1, cols=len(heads))
    _fill(table.rows[0], heads)
    stamp = 'w:author="Panel" w:date="2016-12-01T00:00:00Z"'
    for i in range(8):
        row = table.add_row()
        _fill(row, [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], ""])
        first, _sep, rest = TEXTS[i].partition(". ")
        paragraph = row.cells[3].paragraphs[0]
        paragraph.add_run(f"{first}." if rest else first)
        if rest:
            paragraph._p.append(parse_xml(
                f'<w:ins {nsdecls("w")} w:id="{2 * i + 1}" {stamp}><w:r><w:t xml:space="preserve">'
                f" {rest}</w:t></w:r></w:ins>"
            ))  # fmt: skip
        paragraph._p.append(parse_xml(
            f'<w:del {nsdecls("w")} w:id="{2 * i + 2}" {stamp}><w:r><w:delText xml:space='
            '"preserve"> (wrong child)</w:delText></w:r></w:del>'
        ))  # fmt: skip
    path = folder / "tracked_changes.docx"
    document.save(path)
    return path, _truth(times=False)


FILES = {
    fn.__name__: fn
    for fn in (
        sheets.seconds_in_text,
        sheets.iso_with_offset,
        sheets.warehouse_capitals,
        sheets.subject_and_body,
        sheets.wrapped_log_rows,
        sheets.column_per_agency,
        sheets.sheets_in_other_orders,
        sheets.summary_sheet_first,
        sheets.styled_template_rows,
        sheets.day_numbers_general,
        sheets.short_years_across_2000,
        sheets.month_stops_and_sept,
        sheets.welsh_weekday_dates,
        sheets.long_narratives,
        sheets.html_in_workbook,
        stamps.written_times,
        stamps.date_at_time,
        stamps.oracle_timestamps,
        stamps.mac_1904_dates,
        stamps.date_from_and_to,
        stamps.birth_date_beside,
        stamps.housing_actions,
        stamps.ambulance_stamps,
        stamps.surname_first_clinicians,
        stamps.long_dates_with_weekday,
        stamps.us_long_datetime,
        stamps.ods_typed_cells,
        stamps.pipe_delimited,
        stamps.xls_dotted_short_years,
        stamps.impossible_dates,
        stamps.us_locale_resaved,
        stamps.note_split_over_columns,
        stamps.compact_stamps,
        stamps.four_figure_time_first,
        nested_table_after_prose,
        date_and_time_paragraphs,
        merged_date_cells,
        content_controls,
        tracked_changes,
    )
}
FILES.update(more.FILES)
