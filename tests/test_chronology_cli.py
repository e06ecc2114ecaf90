"""The chronology commands, run as a user would: exit codes, JSON shapes, files written."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main

SAMPLES = Path(__file__).parent / "data" / "chronologies"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def import_file(capsys, db, agency, path, *options, review="LCSPR-1", json=False):
    """Run `reviewdesk import-chronology` for one agency file."""
    flags = [*options, "--json"] if json else list(options)
    return run(
        capsys,
        "import-chronology",
        "--db",
        db,
        "--review",
        review,
        "--agency",
        agency,
        *flags,
        path,
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path, capsys):
    """A store holding review LCSPR-1: a file, or a database on the test server."""
    path = (
        request.getfixturevalue("pg_url")
        if request.param == "postgresql"
        else tmp_path / "store.db"
    )
    code, _, err = run(
        capsys,
        "create-review",
        "--db",
        path,
        "--type",
        "lcspr",
        "--reference",
        "LCSPR-1",
        "--title",
        "Child T",
    )
    assert code == 0, err
    return path


def test_import_chronology_json_reports_flags_and_replacements(capsys, db, tmp_path):
    code, out, _ = import_file(
        capsys, db, "Police", SAMPLES / "police_chronology.xlsx", review="lcspr-1", json=True
    )
    assert code == 0
    first = json.loads(out)
    assert first["imported"] == 120 and first["replaced"] == 0 and first["flagged"] == []

    # The same file again: refused until --replace, saying what replacing would remove.
    code, out, err = import_file(
        capsys, db, "Police", SAMPLES / "police_chronology.xlsx", json=True
    )
    refused = json.loads(out)
    assert code == 2 and refused["replace_needed"] and refused["imported"] == 0
    assert refused["sheets"][0]["replaces"]["removed"] == 0
    assert "run the command again with --replace" in err
    code, out, _ = run(capsys, "--db", str(db), "chronology", "--review", "lcspr-1", "--json")
    assert len(json.loads(out)) == 120

    code, out, _ = import_file(
        capsys, db, "Police", SAMPLES / "police_chronology.xlsx", "--replace", json=True
    )
    again = json.loads(out)
    assert code == 0 and (again["imported"], again["flagged"], again["replaced"]) == (120, [], 120)
    assert again["sheets"][0]["replaces"]["unchanged"] == 120 and not again["replace_needed"]

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Date", "Details"])
    wb.active.append(["31/02/2016", "Impossible"])
    wb.active.append(["?22 May 2016", "Approximate"])
    bad = tmp_path / "gp.xlsx"
    wb.save(bad)
    code, out, _ = import_file(capsys, db, "GP", bad, json=True)
    result = json.loads(out)
    assert code == 0 and result["imported"] == 2
    assert [f["row"] for f in result["flagged"]] == [2]
    assert "February" in result["flagged"][0]["reason"]


@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.xlsx", b"%PDF-1.4"), ("empty.csv", b""), ("bomb.xlsx", None)],
)
def test_refused_file_exits_2_and_writes_nothing(capsys, db, tmp_path, name, content):
    path = tmp_path / name
    if content is None:
        import zipfile

        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
            archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (600 * 1024 * 1024))
    else:
        path.write_bytes(content)
    code, out, err = import_file(capsys, db, "Police", path, json=True)
    assert code == 2 and out == ""
    assert name in err and "Traceback" not in err
    code, out, _ = run(capsys, "chronology", "--db", db, "--review", "LCSPR-1", "--json")
    assert json.loads(out) == []


def test_chronology_json_has_the_documented_keys(capsys, db):
    import_file(capsys, db, "Health", SAMPLES / "health_chronology.xlsx")
    code, out, _ = run(capsys, "chronology", "--db", db, "--review", "1", "--json")
    entries = json.loads(out)
    assert code == 0 and len(entries) == 90
    wanted = {
        "agency",
        "date",
        "precision",
        "recorded",
        "practitioner",
        "role",
        "type",
        "event",
        "outcome",
        "flagged",
    }
    assert all(wanted <= set(e) for e in entries)
    month = next(e for e in entries if e["date_as_written"] == "Jan 2014")
    assert (month["date"], month["precision"]) == ("2014-01", "month")
    days = [e for e in entries if e["precision"] == "day"]
    assert all(len(e["date"]) == 10 for e in days)
    assert [e["date"][:7] for e in entries] == sorted(e["date"][:7] for e in entries)


def test_analyse_json_keys_and_options(capsys, db):
    for name, agency in [
        ("social_care_chronology.xlsx", "Children's Social Care"),
        ("police_chronology.xlsx", "Police"),
    ]:
        import_file(capsys, db, agency, SAMPLES / name)
    code, out, _ = run(capsys, "analyse", "--db", db, "--review", "LCSPR-1", "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {
        "silences",
        "practitioners",
        "recording_delays",
        "missing_episodes",
        "oversight_gaps",
    }
    code, out, _ = run(
        capsys,
        "analyse",
        "--db",
        db,
        "--review",
        "LCSPR-1",
        "--json",
        "--gap-days",
        "30",
        "--late-days",
        "0",
    )
    tight = json.loads(out)
    assert len(tight["oversight_gaps"]["gaps"]) >= len(data["oversight_gaps"]["gaps"])
    late = sum(a["late"] for a in tight["recording_delays"]["agencies"])
    assert late >= sum(a["late"] for a in data["recording_delays"]["agencies"])
    code, out, _ = run(capsys, "analyse", "--db", db, "--review", "LCSPR-1")
    assert code == 0 and "Missing episodes" in out


def test_export_chronology_xlsx_and_pdf(capsys, db, tmp_path):
    import_file(capsys, db, "School", SAMPLES / "school_chronology.csv")

    def export(target):
        return run(capsys, "export", "chronology", "--db", db, "--review", "LCSPR-1", "-o", target)

    target = tmp_path / "out" / "chronology.xlsx"
    target.parent.mkdir()
    code, _, err = export(target)
    assert code == 0, err
    sheet = load_workbook(target)["Chronology"]
    assert sheet.max_row == 41  # header and 40 entries
    code, _, err = export(tmp_path / "chronology.pdf")
    assert code == 0, err
    assert (tmp_path / "chronology.pdf").read_bytes().startswith(b"%PDF")
    code, _, err = export(tmp_path / "chronology.docx")
    assert code == 0, err
    code, _, err = export(tmp_path / "chronology.txt")
    assert code == 1 and ".docx or .html or .pdf or .xlsx, not as '.txt'" in err


def test_import_of_a_missing_file_in_a_subprocess_has_no_traceback(db, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "import-chronology",
            "--db",
            str(db),
            "--review",
            "LCSPR-1",
            "--agency",
            "Police",
            str(tmp_path / "nowhere.xlsx"),
        ],
        capture_output=True,
        text=True,
        env={"REVIEWDESK_CONFIG_DIR": str(tmp_path), "PATH": ""},
        cwd=Path(__file__).parents[1],
        check=False,
    )
    assert result.returncode == 2
    assert "nowhere.xlsx" in result.stderr and "Traceback" not in result.stderr


def _two_sheet_workbook(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "Contacts"
    first.append(["Date", "Officer", "Note"])
    first.append(["01/02/2016", "PC 1", "Attended the flat after a call from a neighbour."])
    first.append(["03/02/2016", "PC 2", "Follow-up visit, mother declined to speak to us."])
    other = wb.create_sheet("Incidents")
    other.append(["Incident date", "Ref", "History", "Examination", "Plan"])
    other.append(
        ["05/02/2016", "INC-1", "Child A brought in by mother.", "Bruise on arm.", "Refer"]
    )
    path = tmp_path / "police.xlsx"
    wb.save(path)
    return path


def test_dry_run_prints_the_plan_and_writes_nothing(capsys, db, tmp_path):
    path = _two_sheet_workbook(tmp_path)
    code, out, _ = import_file(capsys, db, "Police", path, "--dry-run")
    assert code == 0
    assert "Note → Event / contact" in out and "Nothing was written (--dry-run)" in out
    assert "--all-sheets" in out
    code, out, _ = run(capsys, "--db", str(db), "chronology", "--review", "lcspr-1", "--json")
    assert json.loads(out) == []


def test_sheets_add_up_and_only_the_same_sheet_replaces(capsys, db, tmp_path):
    path = _two_sheet_workbook(tmp_path)
    assert import_file(capsys, db, "Police", path, "--sheet", "Contacts")[0] == 0
    code, out, _ = import_file(capsys, db, "Police", path, "--sheet", "Incidents", json=True)
    data = json.loads(out)
    assert code == 0 and data["imported"] == 1 and data["replaced"] == 0
    columns = {c["heading"]: c for c in data["sheets"][0]["columns"]}
    assert columns["Ref"]["field"] is None and columns["History"]["joined_to_event"]
    code, out, _ = run(capsys, "--db", str(db), "chronology", "--review", "lcspr-1", "--json")
    events = [e["event"] for e in json.loads(out)]
    assert len(events) == 3
    assert "History: Child A brought in by mother.\nExamination: Bruise on arm." in events[2]
    code, out, _ = import_file(capsys, db, "Police", path, "--all-sheets", "--replace", json=True)
    data = json.loads(out)
    assert data["imported"] == 3 and data["replaced"] == 3


def test_replacing_shows_what_would_be_removed_and_needs_replace(capsys, db, tmp_path):
    path = tmp_path / "police.csv"
    path.write_text(
        "Date,Officer,Details\n01/03/2016,PC 1,First visit.\n02/03/2016,PC 1,Second visit.\n"
    )
    assert import_file(capsys, db, "Police", path)[0] == 0
    path.write_text(
        "Date,Officer,Details\n01/03/2016,PC 1,First visit.\n05/03/2016,PC 2,Third visit.\n"
    )
    code, out, err = import_file(capsys, db, "Police", path)
    assert code == 2
    assert "1 entry unchanged, 1 new, 1 no longer in the file" in out
    assert "no longer in the file: 02/03/2016: Second visit." in out
    assert "Not imported" in out and "--replace" in err
    code, out, _ = run(capsys, "--db", str(db), "chronology", "--review", "lcspr-1", "--json")
    assert [e["event"] for e in json.loads(out)] == ["First visit.", "Second visit."]

    code, out, _ = import_file(capsys, db, "Police", path, "--dry-run")
    assert code == 0 and "would replace" in out and "(with --replace)" in out
    code, out, _ = import_file(capsys, db, "Police", path, "--replace")
    assert code == 0 and "replacing 2 from the earlier import" in out
    code, out, _ = run(capsys, "--db", str(db), "chronology", "--review", "lcspr-1", "--json")
    assert [e["event"] for e in json.loads(out)] == ["First visit.", "Third visit."]


def test_map_options_header_row_and_date_order(capsys, db, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text(
        "Export\nWhen,Who,Ref,Text A,Text B\n03/04/2016,PC 1,X-1,Seen,Home\n"
        "05/06/2016,PC 2,X-2,Called,Out\n"
    )
    code, out, _ = import_file(
        capsys, db, "Police", path, "--header-row", "2", "--map", "date=When",
        "--map", "event=Text A", "--map", "event=Text B", "--date-order", "mdy", json=True,
    )  # fmt: skip
    data = json.loads(out)
    assert code == 0 and data["imported"] == 2
    code, out, _ = run(capsys, "--db", str(db), "chronology", "--review", "lcspr-1", "--json")
    first = json.loads(out)[0]
    assert first["event"] == "Text A: Seen\nText B: Home"
    assert first["date"] == "2016-03-04"


def test_a_refusal_names_the_headings_and_the_fix(capsys, db, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Date,Officer,Ref\n01/02/2016,PC 1,INC-2016-001\n02/02/2016,PC 2,INC-2\n")
    code, _out, err = import_file(capsys, db, "Police", path)
    assert code == 2
    assert "Headings found: Date, Officer, Ref" in err and "--map event=" in err
    code, _out, err = import_file(capsys, db, "Police", path, "--map", "evnt=Ref")
    assert code == 2 and "'evnt' is not a field" in err


def test_a_merged_chronology_goes_to_its_agencies_unless_one_is_asked_for(capsys, db, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Partner agency", "Event"])
    ws.append(["14/03/2016", "Police", "Attended after a neighbour's call."])
    ws.append(["15/03/2016", "Children's Social Care", "Referral received from police."])
    ws.append(["02/04/2016", "Police", "Second call to the flat."])
    path = tmp_path / "combined.xlsx"
    wb.save(path)
    code, out, _ = import_file(capsys, db, "Rapid review", path, "--dry-run", json=True)
    data = json.loads(out)
    assert code == 0 and data["would_import"] == 3
    assert [(s["agency"], s["entries"], s["agency_column"]) for s in data["sheets"]] == [
        ("Police", 2, "Partner agency"),
        ("Children's Social Care", 1, "Partner agency"),
    ]
    code, out, _ = import_file(capsys, db, "Rapid review", path)
    assert code == 0
    assert "Imported 2 entries from combined.xlsx, sheet 'Sheet' for Police" in out
    code, out, _ = run(capsys, "--db", str(db), "chronology", "--review", "lcspr-1", "--json")
    assert [e["agency"] for e in json.loads(out)] == ["Police", "Children's Social Care", "Police"]

    code, out, _ = import_file(capsys, db, "Rapid review", path, "--one-agency", "--dry-run")
    assert code == 0 and "Would import 3 entries for Rapid review" in out
