"""The combined chronology of Child K's rapid review (DEMO-RR-K; all fictional): one workbook
the partnership's business unit put together from the agencies' returns, a column naming each
row's agency, imported through the real importer, which sends each row to its agency.

The story is the one the review's summary tells: a child protection plan for neglect for
fourteen months; the school raising hunger, clothes and attendance at core groups; no manager
looking at the case for its last five months; the review conference postponed twice; Child K
found by police in a cold house with almost no food. Days are counted from that day.
"""

import tempfile
from datetime import date, timedelta
from pathlib import Path

from app.context import AppContext
from app.edits import apply_fields
from app.reviews import get_review

CSC = "Brackenford Council Children's Services"
SCHOOL = "Brackenford Learning Trust"

# (day, agency, role, what happened, action or outcome); an agency of None continues the entry
# above on a row of its own, as the business unit pasted a long return.
ROWS: tuple[tuple[int | None, str | None, str, str, str], ...] = (
    (-428, CSC, "Child protection chair", "Initial child protection conference. Kieran made "
     "subject of a child protection plan under the category of neglect: a cold home, little "
     "food, poor school attendance.", "Plan agreed; core group within ten working days."),
    (-419, CSC, "Social worker", "First core group meeting at the school. Mother (Donna) "
     "attended with Kieran's class teacher and the designated safeguarding lead.",
     "Actions: breakfast club place; help with the benefits claim; weekly home visits."),
    (-402, SCHOOL, "Class teacher", "Kieran arrived without a coat on a wet morning and said he "
     "had not had breakfast.", "Breakfast club place taken up; DSL told."),
    (-377, SCHOOL, "Attendance officer", "Attendance for the half term 86%. Letter to mother.",
     "Attendance to be reviewed at the next core group."),
    (-341, CSC, "Social worker", "Home visit. The house was cold and the heating was off; the "
     "fridge held milk and bread only. Mother said her benefits had been stopped.",
     "Food bank voucher given; benefits advice referral made."),
    (None, None, "", "Kieran was at school; his bedroom was tidy but the bed had one thin "
     "blanket.", ""),
    (-322, CSC, "Child protection chair", "Review child protection conference. Some progress "
     "with attendance reported; home conditions unchanged.",
     "Plan continued under neglect; review in six months."),
    (-301, SCHOOL, "Designated safeguarding lead", "Lunchtime staff saw Kieran asking other "
     "children for food. DSL spoke to him: he said there was nothing for tea at home.",
     "Concern logged and e-mailed to the social worker."),
    (-289, CSC, "Social worker", "Core group meeting. The school reported Kieran's hunger and "
     "the lunchtime incident.", "No change to the plan; social worker to follow up the "
     "benefits claim."),
    (-262, SCHOOL, "Attendance officer", "Attendance for the term 81%: persistent absence.",
     "Referral to the education welfare service."),
    (-241, CSC, "Team manager", "Supervision. The plan was reviewed with the social worker: "
     "progress slow; actions set for the next core group.", "Next supervision in four weeks."),
    (-229, CSC, "Social worker", "Planned home visit: no answer. Card left.",
     "Visit to be rearranged."),
    (-203, SCHOOL, "Designated safeguarding lead", "Kieran came to school in the same clothes "
     "all week; other children had remarked on the smell.",
     "Clean uniform given from school stock; concern logged for the core group."),
    (-191, CSC, "Social worker", "Core group meeting. The school raised clothes, hunger and "
     "attendance again.", "Plan unchanged."),
    (-170, CSC, "Conference and review service", "Review child protection conference postponed: "
     "the chair was unavailable.", "Rebooked for six weeks later."),
    (-152, CSC, "Team manager", "The social worker left the authority. The case was held in the "
     "duty team until it could be allocated.", "Awaiting allocation."),
    (-141, SCHOOL, "Designated safeguarding lead", "E-mail to the duty team: no social worker "
     "allocated and the school's concerns continuing.", "No reply recorded."),
    (-128, CSC, "Conference and review service", "Review child protection conference postponed "
     "a second time: no social worker to write the report.", "Not rebooked."),
    (-112, SCHOOL, "Teaching assistant", "Kieran said there was no heating at home and that he "
     "slept in his coat.", "Passed to the DSL the same day."),
    (-101, CSC, "Duty social worker", "Home visit after the school's call. Mother said the "
     "boiler had broken; the landlord had been told.", "Duty social worker to contact the "
     "landlord."),
    (-88, SCHOOL, "Designated safeguarding lead", "Core group meeting held at the school. "
     "Children's services did not attend.", "Minutes sent to the duty team."),
    (-61, SCHOOL, "Class teacher", "Kieran collected late three times this week; he fell asleep "
     "in class twice.", "Concern logged; mother spoken to at the gate."),
    (-44, CSC, "Team manager", "Case allocated to a social worker from an agency.",
     "First visit to be made within ten working days."),
    (-31, SCHOOL, "Attendance officer", "Kieran absent for five days. School home visit: no "
     "answer.", "Message left for the new social worker."),
    (-19, CSC, "Social worker", "First home visit by the new social worker. House cold; fridge "
     "nearly empty; Kieran thin and tired.", "Food parcel arranged; conference to be booked."),
    (-9, SCHOOL, "Class teacher", "Kieran back at school; very hungry, asked for a second "
     "breakfast.", "Breakfast club; DSL told."),
    (-1, SCHOOL, "Designated safeguarding lead", "Kieran absent again and no contact from home. "
     "Welfare concern passed to the police.", "Police to make a welfare check."),
    (0, CSC, "Emergency duty team", "Police found Kieran alone at home: no heating, almost no "
     "food. Police protection taken; Kieran placed with his maternal aunt.",
     "Strategy discussion to be held the next working day."),
    (1, CSC, "Team manager", "Strategy discussion with police, school and health.",
     "Section 47 enquiry; case reallocated to an experienced social worker."),
    (6, CSC, "Child protection chair", "Review child protection conference held.",
     "Plan continued; Kieran to stay with his aunt while assessments are completed."),
    (9, CSC, "Head of service", "Every child protection plan in the team reviewed by a manager "
     "after the rapid review's first meeting.", "Three plans brought forward for review."),
)  # fmt: skip


def _workbook(path: Path, incident: date) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Combined chronology"
    sheet.append(["Brackenford Safeguarding Children Partnership: rapid review, Child K"])
    sheet.append(["Combined chronology from the agencies' returns. OFFICIAL-SENSITIVE"])
    sheet.append([])
    sheet.append(["Date", "Agency", "Practitioner role", "What happened", "Action / outcome"])
    for day, agency, role, event, outcome in ROWS:
        when = None if day is None else incident + timedelta(days=day)
        sheet.append([when, agency, role or None, event, outcome or None])
    for cells in sheet.iter_rows(min_row=5, max_col=1):
        cells[0].number_format = "dd/mm/yyyy"
    for row in sheet.iter_rows(min_row=5, min_col=4, max_col=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=13)
    for column, width in zip("ABCDE", (12, 34, 26, 70, 40), strict=True):
        sheet.column_dimensions[column].width = width
    workbook.save(path)
    return path


def add_rapid_review_chronology(ctx: AppContext, review_id: int) -> None:
    """Import the combined chronology: its rows go to the review's two agencies."""
    from app.chronology.importer import commit_imports, plan_imports

    review = get_review(ctx, review_id)
    incident = review.incident_date or ctx.today()
    apply_fields(
        ctx,
        "review",
        review_id,
        {"scope_start": incident - timedelta(days=430), "scope_end": incident + timedelta(days=10)},
    )
    with tempfile.TemporaryDirectory(prefix="reviewdesk-demo-") as folder:
        path = _workbook(Path(folder) / "Child K rapid review - combined chronology.xlsx", incident)
        commit_imports(ctx, plan_imports(ctx, review_id, "Rapid review business unit", path))
