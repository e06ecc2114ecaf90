"""Chronologies sent as documents, of kinds the earlier rounds do not have: a table whose one
"Date/Time" cell holds the date and, after a line break, the time; a chronology written as
paragraphs, a bold date line over the notes of that day; numbered paragraphs ("2.3 On 14 March
2016 the ..."); rows indented by Word's skipped grid columns; a tracked change inside a date; a
macro-enabled document (.docm); a Word document that is a saved web page (.doc) and one saved
as a single-file web page (.mht); an RTF table with merged date cells and line breaks; a case
system's PDF whose running header and page number are printed inside the table's frame; a case
system's PDF that repeats a split row's date and worker at the top of the next page with the
rest of its note. Refused, saying what to do: an XPS and an OpenXPS print, a password-protected
Word document, a scanned PDF with no text.

Each builder takes a folder and returns (path, truth), or for a refusal (path, words said).
All names are fictional."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from tests.chronology.doc_fifth_files import _fill, _table
from tests.chronology.pdf_third_files import copy_from, load_maker
from tests.chronology.robust_files import Expected

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf_sixth"

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

WORKERS = ["Aled Prosser", "Marguerite Oyelaran", "Declan Hussey", "Imogen Trask"]
CONTACTS = ["Home visit", "Telephone", "Office visit", "Strategy discussion"]
NOTES = [
    "Visited the flat with the family support worker; the children were in bed by eight and "
    "the heating now works. Mother asked about nursery places.",
    "Call from the school: the older child had a mark on his arm he said came from football. "
    "Photographed by the designated lead and father spoken to at collection.",
    "Mother came to the office without an appointment asking for help with rent arrears; "
    "discretionary housing payment form completed with her.",
    "Strategy discussion with police and health after the second missing episode; section 47 "
    "enquiries agreed and a joint visit planned for the next day.",
    "Health visitor found the baby's weight had dropped from the 25th to the 9th centile; "
    "feeding plan agreed and a review in one week.",
    "Grandmother rang to say the children had stayed with her all weekend and that mother had "
    "not answered her phone since Friday evening.",
    "Unannounced visit: no answer at the door though the television could be heard; a card was "
    "left and the duty manager told the same afternoon.",
    "Child protection conference held; both children made subject to plans under neglect. "
    "Father did not attend but sent a written statement.",
    "Police reported a call from a neighbour about raised voices at the address at 23:40; "
    "officers attended, mother said it was an argument and declined support.",
]
KEY_TEXTS: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}
SAID: dict[str, list[str]] = {}


def _day(i: int) -> date:
    return date(2016, 3, 14) + timedelta(days=11 * i + (i * i) % 4)


def _time(i: int) -> str:
    return f"{9 + (i * 3) % 9:02d}:{(i * 17 + 5) % 60:02d}"


def _t(i: int, *, time=True, worker=True, kind=True, note=None) -> Expected:
    return Expected(
        start=_day(i), time=_time(i) if time else "", event=note or NOTES[i % 9],
        practitioner=WORKERS[i % 4] if worker else "", event_type=CONTACTS[i % 4] if kind else "",
    )  # fmt: skip


def _rewrite(path: Path, changes: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for name, data in changes.items():
        parts[name] = data.encode() if isinstance(data, str) else data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


# --- Word ---------------------------------------------------------------------------------------


def word_date_time_one_cell(folder: Path):
    """An IMR chronology table whose first column is headed "Date/Time" and holds both: the
    date, a line break, the time (Shift+Enter in Word); the heading itself broken the same
    way ("Date /" over "Time")."""
    import docx

    document = docx.Document()
    document.add_heading("Individual Management Review: chronology of involvement", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    head = table.rows[0].cells
    head[0].paragraphs[0].add_run("Date /").add_break()
    head[0].paragraphs[0].add_run("Time")
    for cell, text in zip(head[1:], ["Practitioner", "Type of contact", "Details"], strict=True):
        cell.text = text
    for i in range(9):
        cells = table.add_row().cells
        run = cells[0].paragraphs[0].add_run(f"{_day(i):%d/%m/%Y}")
        run.add_break()
        cells[0].paragraphs[0].add_run(_time(i))
        for cell, text in zip(cells[1:], [WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]], strict=True):
            cell.text = text
    path = folder / "word_date_time_one_cell.docx"
    document.save(path)
    return path, [_t(i) for i in range(9)]


def word_bold_date_paragraphs(folder: Path):
    """No table: each day a bold line (its date written out, "Monday 14 March 2016"), the
    day's notes as ordinary paragraphs under it, some days two paragraphs long."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of significant events", level=1)
    document.add_paragraph("Prepared by the children's services team for the review panel.")
    truth = []
    for i in range(8):
        document.add_paragraph().add_run(f"{_day(i):%A %-d %B %Y}").bold = True
        document.add_paragraph(NOTES[i])
        if i % 3 == 1:
            more = f"Outcome: case note {100 + i} updated and the manager informed."
            document.add_paragraph(more)
        truth.append(_t(i, time=False, worker=False, kind=False))
        if i % 3 == 1:
            KEPT.setdefault("word_bold_date_paragraphs", [[] for _ in range(8)])[i] = [more]
    path = folder / "word_bold_date_paragraphs.docx"
    document.save(path)
    return path, truth


def word_numbered_paragraphs(folder: Path):
    """An agency report in numbered paragraphs: "1. Introduction", "1.1 ..." of background,
    then "2. Chronology" whose paragraphs "2.1 On 14 March 2016 the ..." are each an entry, a
    third section of analysis after."""
    import docx

    document = docx.Document()
    document.add_paragraph("1. Introduction")
    document.add_paragraph("1.1 This report describes the agency's contact with the family.")
    document.add_paragraph("1.2 The author had no part in the case.")
    document.add_paragraph("2. Chronology")
    truth = []
    for i in range(8):
        note = NOTES[i][0].lower() + NOTES[i][1:]
        document.add_paragraph(f"2.{i + 1} On {_day(i):%-d %B %Y} {note}")
        truth.append(_t(i, time=False, worker=False, kind=False, note=note))
    document.add_paragraph("3. Analysis")
    document.add_paragraph("3.1 Practitioners did not always share what they knew.")
    path = folder / "word_numbered_paragraphs.docx"
    document.save(path)
    KEY_TEXTS["word_numbered_paragraphs"] = ["did not always share", "had no part in the case"]
    return path, truth


def word_grid_before_rows(folder: Path):
    """A table whose data rows are indented by one skipped grid column (w:gridBefore) while
    the heading row spans it, as documents converted by other word processors write them."""
    import docx
    from docx.oxml import parse_xml

    heads = ["Date", "Time", "Worker", "Contact", "Details"]
    document = docx.Document()
    document.add_paragraph("Chronology")
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    first = table.rows[0].cells
    first[0].merge(first[1])
    _fill_cells(table.rows[0], heads)
    for i in range(8):
        row = table.add_row()
        tr = row._tr
        tr.remove(tr.tc_lst[0])
        tr.insert(0, parse_xml(f'<w:trPr {_W}><w:gridBefore w:val="1"/></w:trPr>'))
        values = [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]]
        for tc, text in zip(tr.tc_lst, values, strict=True):
            tc.p_lst[0].append(parse_xml(f"<w:r {_W}><w:t>{escape(text)}</w:t></w:r>"))
    path = folder / "word_grid_before_rows.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


def _fill_cells(row, values) -> None:
    seen = []
    for cell in row.cells:
        if cell._tc in seen:
            continue
        seen.append(cell._tc)
    for tc, text in zip(seen, values, strict=True):
        tc.p_lst[0].append(
            __import__("docx.oxml", fromlist=["parse_xml"]).parse_xml(
                f"<w:r {_W}><w:t>{escape(text)}</w:t></w:r>"
            )
        )


def word_tracked_dates(folder: Path):
    """Tracked changes inside the dates themselves: a digit deleted and another inserted
    ("1[3]4/03/2016"), a month typed over ("0[4]5"), a whole wrong date deleted and the right
    one inserted; and a deleted row of the table (still shown with changes)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    table = _table(document, ["Date", "Worker", "Contact", "Details"], [])
    stamp = 'w:author="Reviewer" w:date="2019-05-01T10:00:00Z"'

    def deleted(text, n):
        return f'<w:del w:id="{n}" {stamp}><w:r><w:delText>{text}</w:delText></w:r></w:del>'

    def inserted(text, n):
        return f'<w:ins w:id="{n}" {stamp}><w:r><w:t>{text}</w:t></w:r></w:ins>'

    for i in range(8):
        row = table.add_row()
        _fill(row, ["", WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]])
        d = _day(i)
        text = f"{d:%d/%m/%Y}"
        if i % 3 == 0:  # one digit of the day typed over
            wrong = str((int(text[1]) + 1) % 10)
            inner = (f"<w:r><w:t>{text[0]}</w:t></w:r>{deleted(wrong, 10 * i)}"
                     f"{inserted(text[1], 10 * i + 1)}<w:r><w:t>{text[2:]}</w:t></w:r>")  # fmt: skip
        elif i % 3 == 1:  # the whole date replaced
            inner = deleted(f"{d - timedelta(days=7):%d/%m/%Y}", 10 * i) + inserted(
                text, 10 * i + 1
            )
        else:  # the month typed over
            wrong = f"{(d.month % 12) + 1:02d}"
            inner = (f"<w:r><w:t>{text[:3]}</w:t></w:r>{deleted(wrong, 10 * i)}"
                     f"{inserted(text[3:5], 10 * i + 1)}<w:r><w:t>{text[5:]}</w:t></w:r>")  # fmt: skip
        p = row.cells[0].paragraphs[0]._p
        p.append(parse_xml(f"<w:wrap {_W}>{inner}</w:wrap>"))
        wrap = p[-1]
        for child in list(wrap):
            p.append(child)
        p.remove(wrap)
    gone = table.add_row()
    _fill(gone, ["", "Aled Prosser", "Home visit", "Entered on the wrong family's record."])
    gone.cells[0].paragraphs[0]._p.append(parse_xml(
        f"<w:del {_W} w:id=\"900\" {stamp}><w:r><w:delText>02/02/2017</w:delText></w:r></w:del>"
    ))  # fmt: skip
    gone._tr.get_or_add_trPr().append(parse_xml(f'<w:del {_W} w:id="901" {stamp}/>'))
    for cell in gone.cells[1:]:
        for r in cell._tc.xpath(".//w:r"):
            for t in r.xpath("./w:t"):
                deltext = parse_xml(f"<w:delText {_W}>{escape(t.text)}</w:delText>")
                t.addprevious(deltext)
                r.remove(t)
            holder = parse_xml(f'<w:del {_W} w:id="9{id(r) % 1000}" {stamp}/>')
            r.addprevious(holder)
            holder.append(r)
    path = folder / "word_tracked_dates.docx"
    document.save(path)
    KEY_TEXTS["word_tracked_dates"] = ["wrong family"]
    return path, [_t(i, time=False) for i in range(8)]


def word_macro_enabled(folder: Path):
    """A chronology template saved as a macro-enabled document (.docm): Word's main part under
    the macro-enabled content type, a VBA project part beside it."""
    import docx

    document = docx.Document()
    document.add_paragraph("Chronology (template v3 - do not delete the macros)")
    _table(
        document, ["Date", "Time", "Worker", "Contact", "Details"],
        [[f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]]
         for i in range(7)],
    )  # fmt: skip
    path = folder / "word_macro_enabled.docm"
    document.save(path)
    with zipfile.ZipFile(path) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    ).replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.'
              'vbaProject"/></Types>')  # fmt: skip
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.'
                        'microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.'
                        'bin"/></Relationships>')  # fmt: skip
    _rewrite(path, {"[Content_Types].xml": types, "word/_rels/document.xml.rels": rels,
                    "word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504})  # fmt: skip
    return path, [_t(i) for i in range(7)]


_WORD_PAGE_HEAD = (
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:'
    'office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-'
    'html40"><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">'
    '<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">'
    "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml>"
    "<![endif]--><style>p.MsoNormal{margin:0cm;font-size:11.0pt}</style></head>"
    "<body lang=EN-GB style='tab-interval:36.0pt'><div class=WordSection1>"
)


def _word_page() -> str:
    """A Word document's table as Word writes it when saved as a web page."""
    heads = ["Date", "Time", "Worker", "Contact", "Details"]

    def cell(text, width):
        return (f"<td width={width} valign=top style='width:{width}pt;border:solid windowtext "
                f"1.0pt;padding:0cm 5.4pt'><p class=MsoNormal><span style='font-family:Arial'>"
                f"{escape(text)}<o:p></o:p></span></p></td>")  # fmt: skip

    widths = [60, 40, 80, 70, 220]
    rows = ["<tr>" + "".join(cell(h, w) for h, w in zip(heads, widths, strict=True)) + "</tr>"]
    for i in range(8):
        values = [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], CONTACTS[i % 4], NOTES[i]]
        rows.append(
            "<tr style='mso-yfti-irow:1'>"
            + "".join(cell(v, w) for v, w in zip(values, widths, strict=True)) + "</tr>"
        )  # fmt: skip
    return (
        _WORD_PAGE_HEAD
        + "<p class=MsoTitle>Chronology of agency involvement<o:p></o:p></p>"
        + "<p class=MsoNormal>Author: team manager, Westmoor District Council.<o:p></o:p></p>"
        + "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-"
        "collapse:collapse;mso-yfti-tbllook:1184'>" + "".join(rows) + "</table>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p></div></body></html>"
    )


def word_web_page_doc(folder: Path):
    """A Word document saved as "Web Page" and renamed .doc (so it opens in Word on
    double-click): Word's HTML, its mso styles and o:p marks, the table inside."""
    path = folder / "word_web_page_doc.doc"
    path.write_bytes(_word_page().encode("cp1252"))
    return path, [_t(i) for i in range(8)]


def word_single_file_page(folder: Path):
    """A Word document saved as "Single File Web Page" (.mht): MIME parts, the page in
    quoted-printable, lines broken at 76 characters with '=' (inside tags and words too)."""
    import quopri

    page = quopri.encodestring(_word_page().encode("cp1252")).decode("ascii")
    text = (
        "MIME-Version: 1.0\r\nX-Document-Type: Worksheet\r\nContent-Type: multipart/related; "
        'boundary="----=_NextPart_01DA1234.5678ABCD"\r\n\r\nThis document is a Single File Web '
        "Page, also known as a Web Archive file.\r\n\r\n------=_NextPart_01DA1234.5678ABCD\r\n"
        "Content-Location: file:///C:/chronology.htm\r\nContent-Transfer-Encoding: quoted-"
        'printable\r\nContent-Type: text/html; charset="windows-1252"\r\n\r\n'
        + page.replace("\n", "\r\n")
        + "\r\n\r\n------=_NextPart_01DA1234.5678ABCD\r\nContent-Location: file:///C:/chronology"
        "_files/filelist.xml\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: "
        'text/xml; charset="utf-8"\r\n\r\n<xml xmlns:o=3D"urn:schemas-microsoft-com:office:'
        'office">\r\n</xml>\r\n------=_NextPart_01DA1234.5678ABCD--\r\n'
    )
    path = folder / "word_single_file_page.mht"
    path.write_bytes(text.encode("ascii"))
    return path, [_t(i) for i in range(8)]


def rtf_table_merged_dates(folder: Path):
    """An RTF chronology table as Word writes it (\\trowd rows, \\cell ends, \\row): the date
    cell merged down over a day's two contacts (\\clvmgf / \\clvmrg), notes with \\line
    breaks inside them, a title paragraph above."""
    days = [0, 0, 1, 2, 3, 3, 4, 5]
    edges = [1400, 2300, 4200, 5900, 10200]

    def row(cells, merge=None):
        defs = ""
        for n, edge in enumerate(edges):
            mark = ""
            if n == 0 and merge:
                mark = "\\clvmgf" if merge == "first" else "\\clvmrg"
            defs += f"{mark}\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx{edge}"
        body = "".join(f"\\pard\\intbl {_rtf(c)}\\cell " for c in cells)
        return f"\\trowd\\trgaph108\\trleft-108{defs}{body}\\row\n"

    out = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n",
           "\\pard\\b Chronology of involvement\\b0\\par\n",
           row(["Date", "Time", "Worker", "Contact", "Details"])]  # fmt: skip
    truth = []
    for n, d in enumerate(days):
        first = n == 0 or days[n - 1] != d
        shared = (n + 1 < len(days) and days[n + 1] == d) or not first
        merge = ("first" if first else "rest") if shared else None
        note = NOTES[n]
        split = note.index(". ") + 1 if ". " in note else None
        written = note if split is None else note[:split] + "\n" + note[split + 1 :]
        date_text = f"{_day(d):%d/%m/%Y}" if first else ""
        out.append(row([date_text, _time(n), WORKERS[n % 4], CONTACTS[n % 4], written], merge))
        truth.append(Expected(start=_day(d), time=_time(n), practitioner=WORKERS[n % 4],
                              event_type=CONTACTS[n % 4], event=note[: split or len(note)]))  # fmt: skip
        if split:
            KEPT.setdefault("rtf_table_merged_dates", [[] for _ in days])[n] = [note[split + 1 :]]
    out.append("\\pard\\par End of chronology.\\par}")
    path = folder / "rtf_table_merged_dates.rtf"
    path.write_text("".join(out), encoding="ascii")
    return path, truth


def _rtf(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    return text.replace("\n", "\\line ")


# --- PDF from a case system --------------------------------------------------------------------


def _case_rows(count: int) -> list[list[str]]:
    return [[f"{_day(i):%d/%m/%Y} {_time(i)}", WORKERS[i % 4], CONTACTS[i % 4], NOTES[i % 9]]
            for i in range(count)]  # fmt: skip


def pdf_header_inside_frame(folder: Path):
    """A case system's print: one ruled frame from the top margin to the bottom of each page,
    the running header ("Case notes - Child record 204117 - printed 02/12/2026 by user
    ORTEGA_J") and the page number ("Page 2 of 3") printed inside the frame, above its
    heading row and below its last row, across the table's columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.chronology.pdf_files import _wrap

    rows = _case_rows(18)
    width, height = A4
    left, right = 36, width - 36
    cols = [left, left + 90, left + 190, left + 280, right]
    path = folder / "pdf_header_inside_frame.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    pages, page, used = [], [], 0
    for r in rows:
        lines = _wrap(r[3], cols[4] - cols[3] - 8, 8)
        need = 12 * len(lines) + 8
        if used + need > height - 170:
            pages.append(page)
            page, used = [], 0
        page.append((r, lines))
        used += need
    pages.append(page)
    for number, page in enumerate(pages, 1):
        top, bottom = height - 36, 36
        c.setLineWidth(0.8)
        c.rect(left, bottom, right - left, top - bottom)
        c.setFont("Helvetica", 7)
        c.drawString(left + 4, top - 12, "Case notes - Child record 204117 - printed "
                     "02/12/2026 14:05 by user ORTEGA_J")  # fmt: skip
        c.drawRightString(right - 4, top - 12, "OFFICIAL - SENSITIVE")
        y = top - 22
        c.line(left, y, right, y)
        c.setFont("Helvetica-Bold", 8)
        for x, h in zip(cols, ["Date/time", "Recorded by", "Note type", "Note"], strict=False):
            c.drawString(x + 3, y - 11, h)
        y -= 16
        c.line(left, y, right, y)
        for x in cols[1:-1]:
            c.line(x, top - 22, x, bottom + 18)
        c.setFont("Helvetica", 8)
        for r, lines in page:
            for x, text in zip(cols, r[:3], strict=False):
                c.drawString(x + 3, y - 11, text)
            for n, line in enumerate(lines):
                c.drawString(cols[3] + 3, y - 11 - 12 * n, line)
            y -= 12 * len(lines) + 8
            c.line(left, y, right, y)
        c.line(left, bottom + 18, right, bottom + 18)
        c.setFont("Helvetica", 7)
        c.drawString(left + 4, bottom + 6, "Westmoor District Council - Children's Social Care")
        c.drawRightString(right - 4, bottom + 6, f"Page {number} of {len(pages)}")
        c.showPage()
    c.save()
    KEY_TEXTS["pdf_header_inside_frame"] = ["ORTEGA_J", "Page 1 of", "OFFICIAL - SENSITIVE",
                                            "Children's Social Care"]  # fmt: skip
    truth = [Expected(start=_day(i), time=_time(i), practitioner=WORKERS[i % 4],
                      event_type=CONTACTS[i % 4], event=NOTES[i % 9]) for i in range(18)]  # fmt: skip
    return path, truth


def pdf_split_row_repeated(folder: Path):
    """A case system's print in an unruled table: a note too long for the page is cut at the
    foot, and the next page starts by repeating that row's date and worker (the type left
    blank) with "(continued)" before the rest of its note."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.chronology.pdf_files import _wrap

    long = [n + " " + NOTES[(k + 3) % 9] + " " + NOTES[(k + 5) % 9] for k, n in enumerate(NOTES)]
    rows = [
        [f"{_day(i):%d/%m/%Y}", WORKERS[i % 4], CONTACTS[i % 4], long[i % 9]] for i in range(14)
    ]
    width, height = A4
    cols = [40, 110, 215, 310]
    path = folder / "pdf_split_row_repeated.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    number = 1

    def head():
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, height - 50, "Chronology - family ref F-88231")
        c.setFont("Helvetica-Bold", 9)
        for x, h in zip(cols, ["Date", "Worker", "Type", "Case note"], strict=True):
            c.drawString(x, height - 80, h)
        c.setFont("Helvetica", 9)
        return height - 98

    def foot():
        c.setFont("Helvetica", 8)
        c.drawCentredString(width / 2, 30, f"Page {number}")

    y = head()
    for r in rows:
        lines = _wrap(r[3], 240, 9)
        first = True
        while lines:
            room = max(0, int((y - 60) // 11))
            if room < 2:
                foot()
                c.showPage()
                number += 1
                y = head()
                continue
            part, lines = lines[:room], lines[room:]
            c.setFont("Helvetica", 9)
            c.drawString(cols[0], y, r[0])
            c.drawString(cols[1], y, r[1])
            if first:
                c.drawString(cols[2], y, r[2])
            else:
                part = ["(continued) " + part[0], *part[1:]]
            for n, line in enumerate(part):
                c.drawString(cols[3], y - 11 * n, line)
            y -= 11 * len(part) + 9
            first = False
    foot()
    c.save()
    KEY_TEXTS["pdf_split_row_repeated"] = ["(continued)"]
    truth = [Expected(start=_day(i), practitioner=WORKERS[i % 4], event_type=CONTACTS[i % 4],
                      event=long[i % 9]) for i in range(14)]  # fmt: skip
    return path, truth


def word_continued_rows(folder: Path):
    """A Word table where the author split long notes over two rows, the second row's date
    cell "14/03/2016 (cont.)" (or "(continued)"), its worker and type left blank, the rest of
    the note in its details cell."""
    import docx

    document = docx.Document()
    table = _table(document, ["Date", "Worker", "Contact", "Details"], [])
    marks = ["(cont.)", "(continued)", "cont'd"]
    truth = []
    for i in range(8):
        note = NOTES[i]
        if i % 3 == 1:
            cut = note.index(" ", len(note) // 2)
            _fill(table.add_row(), [f"{_day(i):%d/%m/%Y}", WORKERS[i % 4], CONTACTS[i % 4],
                                    note[:cut]])  # fmt: skip
            _fill(table.add_row(), [f"{_day(i):%d/%m/%Y} {marks[(i // 3) % 3]}", "", "",
                                    note[cut + 1 :]])  # fmt: skip
        else:
            _fill(table.add_row(), [f"{_day(i):%d/%m/%Y}", WORKERS[i % 4], CONTACTS[i % 4], note])
        truth.append(_t(i, time=False))
    path = folder / "word_continued_rows.docx"
    document.save(path)
    return path, truth


def word_two_row_heading(folder: Path):
    """An IMR table with a two-row heading: "Date/Time" merged across two columns over "Date"
    and "Time", "Agency contact" merged over "Practitioner" and "Role", the details heading
    merged down both rows."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=5)
    table.style = "Table Grid"
    top, under = table.rows[0].cells, table.rows[1].cells
    top[0].merge(top[1]).text = "Date/Time"
    top[2].merge(top[3]).text = "Agency contact"
    top[4].merge(under[4]).text = "Details of contact"
    for cell, text in zip(under[:4], ["Date", "Time", "Practitioner", "Role"], strict=True):
        cell.text = text
    roles = ["Social worker", "Health visitor", "School nurse", "Family support worker"]
    for i in range(8):
        _fill(table.add_row(), [f"{_day(i):%d/%m/%Y}", _time(i), WORKERS[i % 4], roles[i % 4],
                                NOTES[i]])  # fmt: skip
    path = folder / "word_two_row_heading.docx"
    document.save(path)
    return path, [_t(i, kind=False) for i in range(8)]


def odt_bold_date_paragraphs(folder: Path):
    """The bold-date-line chronology written in LibreOffice Writer (.odt): each date a
    paragraph in an automatic bold style (P1), the day's notes as paragraphs under it, a
    soft page break among them."""
    from tests.chronology.fourteenth_round_files import _ODF_NS, _zip

    body = ["<text:h text:outline-level=\"1\">Chronology of involvement</text:h>",
            "<text:p>Records of the early help team.</text:p>"]  # fmt: skip
    truth = []
    for i in range(8):
        body.append(f'<text:p text:style-name="P1">{_day(i):%-d %B %Y}</text:p>')
        if i == 4:
            body.append("<text:soft-page-break/>")
        body.append(f"<text:p>{escape(NOTES[i])}</text:p>")
        truth.append(_t(i, time=False, worker=False, kind=False))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
        '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
        'style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/>'
        "</style:style></office:automatic-styles><office:body><office:text>"
        + "".join(body)
        + "</office:text></office:body></office:document-content>"
    )
    path = _zip(folder / "odt_bold_date_paragraphs.odt", "application/vnd.oasis.opendocument.text",
                content)  # fmt: skip
    return path, truth


def pdf_word_landscape_imr(folder: Path):
    """An IMR report printed to PDF by LibreOffice from Word: portrait introduction, the
    chronology table in landscape pages ("Date/" over "Time" in the first heading cell, each
    date and its time on two lines of one cell, the heading row repeated, rows breaking over
    pages), portrait conclusions with a dated sentence."""
    made = load_maker(DATA, "make_sixth")
    truth = [
        Expected(start=date(*map(int, reversed(d.split("/")))), time=t, practitioner=w,
                 event_type=c, event=n)
        for d, t, w, c, n in made.imr_rows()
    ]  # fmt: skip
    KEY_TEXTS["pdf_word_landscape_imr"] = ["accepted in full", "governance group"]
    return copy_from(DATA, folder, "word_landscape_imr.pdf"), truth


def pdf_word_bold_dates(folder: Path):
    """The bold-date-line chronology (each day's date written out in bold over its notes)
    printed to PDF by LibreOffice."""
    made = load_maker(DATA, "make_sixth")
    truth = []
    kept = []
    for d, paragraphs in made.bold_days():
        truth.append(Expected(start=d, event=paragraphs[0]))
        kept.append(paragraphs[1:])
    KEPT["pdf_word_bold_dates"] = kept
    return copy_from(DATA, folder, "word_bold_dates.pdf"), truth


def pdf_ruled_row_repeated(folder: Path):
    """A case system's ruled print where a note too long for the page is cut at its foot and
    the row is printed again at the top of the next page with its date and worker, the type
    cell empty, the rest of the note in the note cell (no "continued" mark)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.chronology.pdf_files import _wrap

    long = [n + " " + NOTES[(k + 2) % 9] + " " + NOTES[(k + 4) % 9] for k, n in enumerate(NOTES)]
    rows = [
        [f"{_day(i):%d/%m/%Y}", WORKERS[i % 4], CONTACTS[i % 4], long[i % 9]] for i in range(12)
    ]
    width, height = A4
    xs = [40, 110, 210, 300, width - 40]
    path = folder / "pdf_ruled_row_repeated.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)

    def heading():
        c.setFont("Helvetica-Bold", 9)
        top = height - 60
        for x, h in zip(xs, ["Date", "Worker", "Type", "Case note"], strict=False):
            c.drawString(x + 3, top - 12, h)
        c.rect(xs[0], top - 18, xs[-1] - xs[0], 18)
        for x in xs[1:-1]:
            c.line(x, top, x, top - 18)
        c.setFont("Helvetica", 9)
        return top - 18

    def box(top, bottom):
        c.rect(xs[0], bottom, xs[-1] - xs[0], top - bottom)
        for x in xs[1:-1]:
            c.line(x, top, x, bottom)

    y = heading()
    for r in rows:
        lines = _wrap(r[3], xs[4] - xs[3] - 6, 9)
        first = True
        while lines:
            room = int((y - 50) // 11)
            if room < 2:
                c.showPage()
                y = heading()
                continue
            part, lines = lines[:room], lines[room:]
            c.drawString(xs[0] + 3, y - 11, r[0])
            c.drawString(xs[1] + 3, y - 11, r[1])
            if first:
                c.drawString(xs[2] + 3, y - 11, r[2])
            for n, line in enumerate(part):
                c.drawString(xs[3] + 3, y - 11 - 11 * n, line)
            bottom = y - 11 * len(part) - 6
            box(y, bottom)
            y = bottom
            first = False
    c.save()
    truth = [Expected(start=_day(i), practitioner=WORKERS[i % 4], event_type=CONTACTS[i % 4],
                      event=long[i % 9]) for i in range(12)]  # fmt: skip
    return path, truth


FILES = {
    fn.__name__: fn
    for fn in (
        word_date_time_one_cell,
        word_bold_date_paragraphs,
        word_numbered_paragraphs,
        word_grid_before_rows,
        word_tracked_dates,
        word_macro_enabled,
        word_web_page_doc,
        word_single_file_page,
        rtf_table_merged_dates,
        pdf_header_inside_frame,
        pdf_split_row_repeated,
        word_continued_rows,
        word_two_row_heading,
        odt_bold_date_paragraphs,
        pdf_word_landscape_imr,
        pdf_word_bold_dates,
        pdf_ruled_row_repeated,
    )
}


# --- made after the rules were written, to try them --------------------------------------------


def pdf_numbered_report(folder: Path):
    """An agency report in numbered paragraphs printed to PDF by LibreOffice: entries "4.3.
    On 19/10/2017 at 11:15 the ..." in section 4 (one with a paragraph under it), background
    before and findings after."""
    made = load_maker(DATA, "make_sixth")
    truth = [Expected(start=made.later_day(i), time=f"{9 + i:02d}:15", event=note)
             for i, note in enumerate(made.LATER_NOTES)]  # fmt: skip
    KEPT["pdf_numbered_report"] = [[]] * 2 + [["graded medium risk"]] + [[]] * 4
    KEY_TEXTS["pdf_numbered_report"] = ["not acted on", "known to the council"]
    return copy_from(DATA, folder, "numbered_report.pdf"), truth


def pdf_continued_rows(folder: Path):
    """A Word table whose long notes go on in a second row dated "14/02/2019 (cont.)" or
    "cont'd" (worker and type empty), printed to PDF by LibreOffice."""
    made = load_maker(DATA, "make_sixth")
    truth = [
        Expected(start=made.day(i), practitioner=made.WORKERS[i % 4],
                 event_type=made.CONTACTS[i % 4], event=note)
        for i, note in enumerate(made.NOTES)
    ]  # fmt: skip
    return copy_from(DATA, folder, "continued_rows.pdf"), truth


LATER = {fn.__name__: fn for fn in (pdf_numbered_report, pdf_continued_rows)}


# --- refused: what cannot be read, said so with the way out -----------------------------------


def _xps(folder: Path, name: str, open_xps: bool):
    ns = ("http://schemas.openxps.org/oxps/v1.0" if open_xps
          else "http://schemas.microsoft.com/xps/2005/06")  # fmt: skip
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="utf-8"?><Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/content-types"><Default '
                   'Extension="fdseq" ContentType="application/vnd.ms-package.xps-fixeddocument'
                   'sequence+xml"/><Default Extension="fpage" ContentType="application/vnd.ms-'
                   'package.xps-fixedpage+xml"/></Types>')  # fmt: skip
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship'
                   ' Type="http://schemas.microsoft.com/xps/2005/06/fixedrepresentation" Target='
                   '"/FixedDocSeq.fdseq" Id="R0"/></Relationships>')  # fmt: skip
        z.writestr("FixedDocSeq.fdseq", f'<FixedDocumentSequence xmlns="{ns}"><DocumentReference'
                   ' Source="/Documents/1/FixedDoc.fdoc"/></FixedDocumentSequence>')  # fmt: skip
        z.writestr("Documents/1/FixedDoc.fdoc", f'<FixedDocument xmlns="{ns}"><PageContent '
                   'Source="Pages/1.fpage"/></FixedDocument>')  # fmt: skip
        glyphs = "".join(
            f'<Glyphs OriginX="40" OriginY="{80 + 20 * i}" FontRenderingEmSize="10" '
            f'UnicodeString="{_day(i):%d/%m/%Y} {escape(NOTES[i][:40])}"/>'
            for i in range(6)
        )
        z.writestr("Documents/1/Pages/1.fpage", f'<FixedPage xmlns="{ns}" Width="816" Height='
                   f'"1056">{glyphs}</FixedPage>')  # fmt: skip
    return path


def xps_print(folder: Path):
    """A chronology "printed" to Microsoft XPS Document Writer (.xps)."""
    return _xps(folder, "chronology_print.xps", False), ["XPS", "PDF"]


def oxps_print(folder: Path):
    """A chronology printed to OpenXPS (.oxps, Windows 8 and later's default)."""
    return _xps(folder, "chronology_print.oxps", True), ["XPS", "PDF"]


def word_password_protected(folder: Path):
    """A Word document protected with a password to open: Office writes it as an OLE container
    holding the encrypted package (EncryptionInfo and EncryptedPackage streams), the same
    container whatever the application, so only the name says it is Word's."""
    import shutil

    path = folder / "word_password_protected.docx"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "data" / "chronologies"
                    / "password_protected.xlsx", path)  # fmt: skip
    return path, ["password", "Word", "Protect Document"]


def pdf_scanned_no_text(folder: Path):
    """A chronology scanned to PDF: each page one picture, no text layer."""
    import io

    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = folder / "pdf_scanned_no_text.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(2):
        image = Image.new("L", (850, 1100), 255)
        pen = ImageDraw.Draw(image)
        for n in range(25):
            pen.text((60, 80 + 38 * n), f"{_day(n + page):%d/%m/%Y}  {NOTES[n % 9][:60]}", fill=0)
        data = io.BytesIO()
        image.save(data, format="PNG")
        data.seek(0)
        c.drawImage(ImageReader(data), 0, 0, *A4)
        c.showPage()
    c.save()
    return path, ["no text", "original"]


REFUSED = {
    fn.__name__: fn for fn in (xps_print, oxps_print, word_password_protected, pdf_scanned_no_text)
}
