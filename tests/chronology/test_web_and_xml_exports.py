"""Chronologies exported as web pages (an HTML table named .xls, as many case systems' "Export
to Excel" writes them, or .htm) and as Excel 2003 XML spreadsheets, imported through the
command line with no options. All names are fictional."""

from datetime import date

import pytest

from app.chronology.reading import list_sheets, read_tables
from tests.chronology.test_robust_files import _entries, _import, store_path  # noqa: F401

# --- web pages -------------------------------------------------------------------------------

CASE_SYSTEM_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Case notes report</title><style>td {{ mso-number-format:"\\@"; }}</style></head>
<body>
<table><tr><td><b>Case Notes Report</b></td></tr>
<tr><td>Person ID: 4471023</td><td>Run by: Report Server</td></tr></table>
<table border="1">
<thead><tr><th>Date</th><th>Author</th><th>Note Type</th><th>Case Note</th></tr></thead>
<tbody>
<tr><td rowspan="2">14/03/2016</td><td>Siobh\u00e1n Ellery</td><td>Home Visit</td>
<td><p>Home visit&nbsp;to mother and baby.</p><p>Home   conditions
poor; cot not in use.</p></td></tr>
<tr><td>Siobh\u00e1n Ellery</td><td>Telephone Call</td>
<td>Call to health visitor<br>about the baby's weight.</td></tr>
<tr><td>21/03/2016</td><td>Priya Nandakumar</td><td>Strategy Discussion</td>
<td><font face="Arial">Strategy discussion with police; <b>section 47</b> agreed.</font></td></tr>
<tr><td colspan="4">Printed from the case management system on 01/06/2016</td></tr>
</tbody></table>
</body></html>
"""


def test_a_case_system_s_web_page_export_named_xls_imports_right(store_path, tmp_path, capsys):  # noqa: F811
    path = tmp_path / "Case notes report.xls"
    path.write_bytes(CASE_SYSTEM_PAGE.encode("cp1252"))
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    assert "saved with a spreadsheet name" in output
    assert "Row 5 left out: a page header or footer" in output
    entries = _entries(store_path)
    assert [(e.date_start, e.practitioner, e.event_type_text, e.event) for e in entries] == [
        (
            date(2016, 3, 14),
            "Siobhán Ellery",
            "Home Visit",
            "Home visit to mother and baby.\nHome conditions poor; cot not in use.",
        ),
        (
            date(2016, 3, 14),  # the date cell spans both rows
            "Siobhán Ellery",
            "Telephone Call",
            "Call to health visitor\nabout the baby's weight.",
        ),
        (
            date(2016, 3, 21),
            "Priya Nandakumar",
            "Strategy Discussion",
            "Strategy discussion with police; section 47 agreed.",
        ),
    ]


def test_a_web_page_in_utf16_or_xhtml_is_read(tmp_path):
    page = (
        "<table><tr><th>Date</th><th>Worker</th><th>Details</th></tr>"
        "<tr><td>02/04/2016</td><td>Zo\u00eb Kaur</td><td>New birth visit; mother low.</td></tr>"
        "<tr><td>15/04/2016</td><td>Zo\u00eb Kaur</td><td>Weight check at clinic.</td></tr>"
        "</table>"
    )
    unicode_page = tmp_path / "hv.htm"
    unicode_page.write_bytes(b"\xff\xfe" + f"<html><body>{page}</body></html>".encode("utf-16-le"))
    xhtml = tmp_path / "hv.html"
    xhtml.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- exported -->\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "">'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{page}</body></html>',
        encoding="utf-8",
    )
    for path in (unicode_page, xhtml):
        (table,) = read_tables(path)
        assert table.headers == ["Date", "Worker", "Details"]
        assert [cells[1] for _n, cells in table.rows] == ["Zoë Kaur", "Zoë Kaur"]
        assert list_sheets(path) == []


def test_a_web_page_without_a_chronology_table_is_refused_in_plain_words(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
):
    path = tmp_path / "report.xls"
    path.write_text("<html><body><p>No records found for the criteria.</p></body></html>")
    code, output = _import(store_path, path, capsys)
    assert code == 2
    assert "with no table in it" in output and "Traceback" not in output
    assert _entries(store_path) == []


# --- Excel 2003 XML spreadsheets -------------------------------------------------------------

SS = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
SS += 'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
SS += 'xmlns:x="urn:schemas-microsoft-com:office:excel"'


def _cell(value, kind="String", style="", extra=""):
    style = f' ss:StyleID="{style}"' if style else ""
    return f'<Cell{style}{extra}><Data ss:Type="{kind}">{value}</Data></Cell>'


def _sheet(name, rows, options=""):
    body = "".join(f"<Row>{''.join(cells)}</Row>" for cells in rows)
    return f'<Worksheet ss:Name="{name}"><Table>{body}</Table>{options}</Worksheet>'


HEAD = [_cell("Date"), _cell("Worker"), _cell("Contact Type"), _cell("Details")]


def _workbook(path, sheets, *, prolog=""):
    path.write_text(
        f'<?xml version="1.0"?>\n{prolog}<?mso-application progid="Excel.Sheet"?>\n'
        f"<Workbook {SS}><Styles>"
        '<Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style>'
        '<Style ss:ID="m"><NumberFormat ss:Format="mmm\\-yy"/></Style>'
        f"</Styles>{''.join(sheets)}</Workbook>",
        encoding="utf-8",
    )
    return path


def test_an_excel_2003_xml_workbook_imports_right(store_path, tmp_path, capsys):  # noqa: F811
    first = [
        HEAD,
        [
            _cell("2015-06-01T00:00:00.000", "DateTime", "m"),  # shows "Jun-15": a month
            _cell("Tomos Pritchard"),
            _cell("Letter"),
            _cell("Letter to mother offering&#10;an early help assessment."),
        ],
        [
            _cell("2015-11-03T14:30:00.000", "DateTime", "d", ' ss:MergeDown="1"'),
            _cell("Tomos Pritchard"),
            _cell("Home Visit"),
            _cell("Home visit; no answer."),
        ],
        [  # the date above covers this row too
            '<Cell ss:Index="2"><Data ss:Type="String">Tomos Pritchard</Data></Cell>',
            _cell("Telephone Call"),
            _cell("Mother called back to rearrange."),
        ],
    ]
    second = [
        HEAD,
        [
            _cell("2016-01-12T00:00:00.000", "DateTime", "d"),
            _cell("Grace Adeyemi"),
            '<Cell ss:Index="4"><Data ss:Type="String">Case closed to early help.</Data></Cell>',
        ],
    ]
    hidden = '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
    hidden += "<Visible>SheetHidden</Visible></WorksheetOptions>"
    lookups = _sheet("Lists", [[_cell("Home Visit")], [_cell("Letter")]], hidden)
    path = _workbook(
        tmp_path / "early help.xls",
        [_sheet("2015", first), _sheet("2016", second), lookups],
    )
    assert list_sheets(path) == ["2015", "2016", "Lists"]
    code, output = _import(store_path, path, capsys)
    assert code == 0, output
    entries = _entries(store_path)
    got = [
        (e.date_start, e.precision, e.time, e.practitioner, e.event_type_text, e.event)
        for e in entries
    ]
    assert got == [
        (
            date(2015, 6, 1),
            "month",
            "",
            "Tomos Pritchard",
            "Letter",
            "Letter to mother offering\nan early help assessment.",
        ),
        (
            date(2015, 11, 3),
            "day",
            "14:30",
            "Tomos Pritchard",
            "Home Visit",
            "Home visit; no answer.",
        ),
        (
            date(2015, 11, 3),
            "day",
            "14:30",
            "Tomos Pritchard",
            "Telephone Call",
            "Mother called back to rearrange.",
        ),
        (date(2016, 1, 12), "day", "", "Grace Adeyemi", "", "Case closed to early help."),
    ]


@pytest.mark.parametrize(
    "prolog, row, refusal",
    [
        (
            '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n',
            [_cell("&b;")],
            "declares entities",
        ),
        ("", ['<Cell ss:Index="20000"><Data ss:Type="String">x</Data></Cell>'], "beyond the last"),
        ("", [_cell("x", extra=' ss:MergeAcross="300" ss:MergeDown="5000"')], "beyond the last"),
        ("", ['<Cell><Data ss:Type="String">unclosed</Data></Row>'], "it is damaged"),
    ],
)
def test_a_harmful_or_damaged_xml_workbook_is_refused(
    store_path,  # noqa: F811
    tmp_path,
    capsys,
    prolog,
    row,
    refusal,
):
    path = _workbook(tmp_path / "bad.xls", [_sheet("Chronology", [HEAD, row])], prolog=prolog)
    code, output = _import(store_path, path, capsys)
    assert code == 2, output
    assert refusal in output and "Traceback" not in output
    assert _entries(store_path) == []


def test_a_web_page_s_other_chronology_table_is_named_not_passed_over_silently(tmp_path):
    first = "".join(
        f"<tr><td>0{d}/04/2016</td><td>Zoë Kaur</td><td>Visit {d} to the family home.</td></tr>"
        for d in range(1, 6)
    )
    second = "".join(
        f"<tr><td>1{d}/05/2016</td><td>Sam</td><td>Call</td><td>Call {d} to mother.</td></tr>"
        for d in range(1, 3)
    )
    path = tmp_path / "contacts.htm"
    path.write_text(
        "<html><body><table><tr><th>Date</th><th>Worker</th><th>Details</th></tr>"
        f"{first}</table><table><tr><th>Date</th><th>Author</th><th>Type</th><th>Note</th></tr>"
        f"{second}</table></body></html>",
        encoding="utf-8",
    )
    (table,) = read_tables(path)
    assert len(table.rows) == 5
    notes = " ".join(table.notes)
    assert "Read as a web page (HTML, utf-8): its table of 6 rows." in notes
    assert "Table 2 of the page looks like a chronology too" in notes
