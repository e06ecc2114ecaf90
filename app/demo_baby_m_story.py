"""What Baby M's agencies recorded (fictional), in the words each service writes: the entries
that carry the story, then the routine contacts around them. Each entry is (agency, day from the
birth, time, worker key, type, one-line summary, text, outcome, days before it was recorded).
No one is named: the family are Baby M, the mother, her partner and her aunt."""

import random

CSC = "Brackenford Council Children's Services"
HEALTH = "Marchshire Community Health NHS Trust"
POLICE = "Marchshire Police"
GP = "Marsh Lane Surgery"
HOSPITAL = "Brackenford Hospitals NHS Foundation Trust"

_EXAM = " Examination: "
_PLAN = " Plan: "

STORY = (
    # The pregnancy, the midwife's referral and the pre-birth assessment.
    (GP, -232, "09:10", "gp", "Consultation", "Pregnancy confirmed",
     "Positive home pregnancy test, LMP about seven weeks ago. Planned pregnancy. History of low "
     "mood in her teens, no treatment for two years. Was in care from 14 to 18." + _EXAM +
     "Well, BP 112/70." + _PLAN + "Self-referral to midwifery given. Folic acid. Review mood at "
     "booking.", "", 0),
    (HEALTH, -214, "10:30", "mw", "Booking appointment", "",
     "Booking appointment at the children's centre, 9+4 weeks. Lives with her partner of eight "
     "months in a rented flat; he is not the baby's father and was at work. Father of the baby "
     "not involved. Disclosed low mood as a teenager and time in care. Routine enquiry about "
     "domestic abuse made with her alone: nothing disclosed.",
     "Referral to children's services (pre-birth) made with her consent; perinatal mental "
     "health screening booked.", 0),
    (CSC, -212, "11:42", "mash", "Contact", "Pre-birth referral from community midwife",
     "Referral from the community midwife: first pregnancy, history of low mood and of being "
     "looked after by another authority. Mother consents. Lives with her partner; no details of "
     "him given.", "Progress to a pre-birth single assessment.", 1),
    (POLICE, -206, "14:05", "ps", "Information request",
     "Request for information from children's services",
     "Children's services request checks for a pre-birth assessment on the mother and the "
     "address. No trace of the mother; no incidents at the address.",
     "Result returned by secure email.", 0),
    (CSC, -201, "15:00", "sw", "Home visit", "Pre-birth assessment: first visit",
     "Visited the mother at home. Flat warm and well kept; baby items being bought. She spoke "
     "openly about her time in care and her low mood at 16, which lifted with counselling. Her "
     "partner was at work. She said he is 'really excited' and will help a lot.",
     "Agency checks to be completed; second visit booked.", 6),
    (CSC, -196, "10:20", "sw", "Agency check", "GP check",
     "Spoke to the practice. Mother registered since 2016; low mood in teens, none recent; no "
     "concerns about her parenting. The practice has no record of the partner.",
     "", 3),
    (CSC, -188, "14:00", "sw", "Home visit", "Pre-birth assessment: second visit",
     "Second visit. Mother's aunt present, who says she will visit most days after the birth. "
     "Mother said her partner works long days as a delivery driver. Discussed safe sleep and "
     "coping with crying. She wants to go back to work part-time when the baby is a few months "
     "old.", "Assessment to be written up.", 9),
    (CSC, -170, "10:00", "tm", "Supervision", "Case supervision",
     "Case discussed in supervision. Mother open and well prepared, strong support from her "
     "aunt and her partner. No current risk factors beyond her history.",
     "Agreed: close after the assessment with advice and early help information.", 2),
    (CSC, -152, "16:30", "sw", "Assessment", "Pre-birth single assessment completed",
     "Assessment completed. Mother is well supported by her partner and her aunt and is "
     "engaging with midwifery. Her history is recognised and she has insight into it. No role "
     "for statutory services.", "Closed with advice; signposted to the children's centre.", 14),
    (CSC, -150, "09:15", "tm", "Management decision", "Closure authorised",
     "Assessment read and closure authorised. The case was held on the unborn baby's record.",
     "Letter to the mother and to the midwife.", 0),
    (HEALTH, -62, "13:30", "hv", "Antenatal contact", "",
     "Health visitor's antenatal contact at home. Mother well, nesting, birth plan done with the "
     "midwife. Her partner was at work. Talked about feeding, safe sleep and the first weeks.",
     "New birth visit to be booked after the handover from midwifery.", 0),
    # The birth and the first weeks.
    (HOSPITAL, 0, "06:12", "mw2", "Birth", "",
     "Spontaneous vaginal birth at 39+5 weeks, baby boy 3.36 kg, Apgars 9 and 10. Mother's aunt "
     "was her birth partner.", "Skin to skin; breastfeeding started.", 0),
    (HOSPITAL, 1, "11:00", "mw", "Postnatal discharge", "",
     "Mother and baby well; breastfeeding established with support. Newborn examination "
     "normal. Safe sleep and the coping with crying advice given.",
     "Discharged home to community midwifery.", 0),
    (HEALTH, 13, "11:00", "mw", "Postnatal visit", "",
     "Final postnatal visit. Baby 3.42 kg, above birth weight. Mother well; mood good.",
     "Handover to health visiting.", 0),
    (HEALTH, 14, "10:00", "hv", "New birth visit", "",
     "New birth visit at home. Baby M alert, feeding well, weight 3.48 kg. Mother tired but "
     "coping; her aunt had been round. Her partner was at work. EPDS 7.",
     "Universal plus: clinic weighing and the 6-8 week review.", 0),
    (GP, 44, "10:40", "gp2", "Consultation", "6-8 week baby check and maternal postnatal check",
     "Baby M's 6-8 week check with mother. Mother's mood 'fine, tired'. Says she is going back "
     "to work three days a week soon." + _EXAM + "Baby: hips, heart, eyes, testes normal. Weight "
     "4.6 kg. Mother: BP 116/74." + _PLAN + "Immunisations at 8 weeks.", "", 0),
    (HEALTH, 47, "14:00", "hv", "6-8 week review", "",
     "Review at home. Baby M smiling, good head control for age, feeding well. Mother going back "
     "to work at the supermarket three days a week from next month. Talked about weaning later "
     "on and the baby's sleep.", "Next contact at clinic.", 0),
    (HEALTH, 74, "10:15", "hv2", "Clinic", "",
     "Baby brought to clinic by his mother, who is now back at work on Mondays, Tuesdays and "
     "Thursdays. Weight 5.7 kg. Skin clear.", "", 0),
    (GP, 84, "09:30", "pn", "Did not attend", "12-week immunisations: not brought",
     "Baby M was not brought for his 12-week immunisations." + _EXAM + "None." +
     _PLAN + "Letter to the mother with a new appointment.", "", 0),
    # The police call and what happened to the notification.
    (POLICE, 88, "22:41", "pc", "Domestic incident", "Call from neighbour: shouting and a baby "
     "crying", "Neighbour reports a man and a woman shouting at the flat for twenty minutes and a "
     "baby crying. Graded for attendance.", "Officers dispatched.", 0),
    (POLICE, 88, "23:08", "pc", "Domestic incident", "Officers attend",
     "Officers attended. The male had left the address before they arrived. The mother said "
     "they had argued about money; no violence. The baby was asleep in his cot and was checked: "
     "no marks seen. She gave her partner's first name only and said he had gone to his "
     "brother's.", "Domestic abuse risk assessment: standard.", 0),
    (POLICE, 89, "08:55", "ps", "Domestic incident", "Supervisor review",
     "Standard risk confirmed. A child under one in the household.",
     "Child concern notification to children's services (MASH).", 0),
    (CSC, 89, "10:12", "ba", "Contact", "Police notification received",
     "Police child concern notification: verbal argument between the mother and her partner, a "
     "baby in the household, standard risk.", "Passed to MASH screening.", 0),
    (CSC, 90, "14:40", "mash", "MASH screening", "Screening of police notification",
     "Screened. No previous involvement found under the baby's name. Baby seen asleep by "
     "officers, no injuries. Health visitor not contacted.",
     "Recommend no further action; letter with domestic abuse support information.", 0),
    (CSC, 92, "16:05", "dtm", "Management decision", "Decision on police notification",
     "No further action agreed. The earlier pre-birth assessment was not linked to this contact.",
     "Letter to the mother; contact closed.", 0),
    # The mark on the cheek and the admission.
    (HEALTH, 109, "13:45", "hv2", "Home visit", "",
     "Home visit. Baby M (16 weeks, not yet rolling) has a small mark on his left cheek, about "
     "1 cm, pink. Mother said he scratched himself with his nails; his nails were long. Her "
     "partner not present. Weight 6.3 kg.",
     "Advice on cutting nails and scratch mitts. No referral made.", 2),
    (HOSPITAL, 120, "17:36", "ed", "Emergency department", "",
     "Baby M brought in by ambulance: floppy, drowsy, vomiting. Mother with him; she had come "
     "home from work to find him unsettled.", "Resuscitation room; paediatric team called.", 0),
    (HOSPITAL, 120, "19:20", "reg", "Paediatric assessment", "",
     "CT head: acute subdural haemorrhage. Two small bruises behind the left ear. No "
     "explanation given.", "Safeguarding referral; police informed.", 0),
    (HOSPITAL, 120, "21:05", "cons", "Paediatric assessment", "",
     "Consultant review. Injuries are of concern for non-accidental injury in a non-mobile "
     "baby. Skeletal survey and ophthalmology review tomorrow.",
     "Transfer to the paediatric intensive care unit.", 0),
    (CSC, 120, "19:45", "dtm", "Contact", "Referral from the hospital",
     "Call from the paediatric registrar: four-month-old with a head injury and bruising, no "
     "explanation. Mother at the hospital.", "Strategy discussion tonight.", 0),
    (POLICE, 120, "20:02", "ds", "Child protection", "Referral from the hospital",
     "Hospital reports a baby with a head injury and bruising. Child abuse investigation team "
     "informed.", "Attend the strategy discussion.", 0),
    (CSC, 120, "22:15", "dtm", "Strategy discussion", "Strategy discussion",
     "With the police and the hospital. Section 47 enquiries agreed. The baby stays in hospital; "
     "the mother's aunt offered to care for him on discharge.",
     "Allocate for section 47; the police to lead the investigation.", 1),
    (HOSPITAL, 121, "10:30", "cons", "Paediatric assessment", "",
     "Skeletal survey: no fractures. Retinal haemorrhages in both eyes.",
     "Findings shared with children's services and the police.", 0),
    (POLICE, 121, "11:00", "ds", "Child protection", "Criminal investigation opened",
     "Investigation opened; the adults in the household to be spoken to under caution.",
     "Children's services updated.", 0),
)  # fmt: skip

_MIDWIFE_DAYS = (-186, -158, -130, -102, -88, -74, -60, -46, -32, -21, -14, -7)
_POSTNATAL = ("Her aunt was there.", "Her partner was at work.", "Safe sleep discussed again.")
_CLINIC_DAYS = (21, 28, 35, 60, 95, 102)
_GP_MOTHER = (
    (
        "Low mood review",
        "Feels 'up and down' but sleeping and eating well; no thoughts of "
        "self-harm. Looking forward to the baby. PHQ-9 {n}.",
        "Talking therapies information given. Review in 6 weeks.",
    ),
    ("Heartburn", "Heartburn in pregnancy, worse at night.", "Gaviscon; small meals."),
    (
        "Back pain",
        "Low back pain for two weeks, no red flags.",
        "Advice and physiotherapy self-referral.",
    ),
    ("Cough", "Cough and cold for five days; no fever.", "Fluids and rest."),
    (
        "Postnatal mood",
        "Tired, baby waking twice a night. Mood good; enjoying the baby. EPDS {n}.",
        "Review if mood worsens.",
    ),
)
_GP_BABY = (
    ("Baby: nappy rash", "Red rash in the nappy area for three days.", "Barrier cream."),
    (
        "Baby: colic",
        "Mother rang: baby crying in the evenings, feeding well.",
        "Colic advice; seen if worse.",
    ),
    (
        "Baby: sticky eye",
        "Sticky left eye for two days, otherwise well.",
        "Cooled boiled water bathing.",
    ),
)
_CSC_ADMIN = (
    ("Case recording", "Case note", "Assessment notes typed up from the visit."),
    (
        "Email",
        "Email to the midwife",
        "Email to the community midwife asking for her view of the "
        "mother's mood and preparation for the birth.",
    ),
    (
        "Email",
        "Email from the midwife",
        "The midwife replied: mother attending every appointment, mood stable, well prepared.",
    ),
    ("Letter", "Letter to the mother", "Letter confirming the next visit."),
    (
        "Case recording",
        "Leaving care history",
        "Read the mother's leaving care summary from the "
        "placing authority: settled last placement, good relationship with her aunt.",
    ),
)


def ROUTINE(rng: random.Random) -> list[tuple]:  # noqa: N802 (a table made afresh each time)
    """The contacts around the story: antenatal appointments, scans, clinics, immunisations,
    minor illnesses, case admin. The same every run for the same random generator."""
    made: list[tuple] = []
    for day in _MIDWIFE_DAYS:
        week = 40 + (day - 4) // 7
        text = (f"Antenatal appointment, {week} weeks. BP {rng.randint(104, 124)}/"
                f"{rng.randint(62, 78)}, urine clear, fundal height {max(week - 1, 20)} cm, fetal "
                f"heart {rng.randint(128, 152)} bpm. "
                + rng.choice(("Good fetal movements.", "Mother well; feeling the baby move a "
                              "lot.", "Mood asked about: 'fine, excited'.", "Her partner was "
                              "at work; her aunt came with her.", "Talked about the birth plan "
                              "and infant feeding.")))  # fmt: skip
        made.append((HEALTH, day, "10:00", rng.choice(("mw", "mw2")), "Antenatal appointment",
                     "", text, "Next appointment booked.", 0))  # fmt: skip
    for day in (3, 5, 8):
        weight = 3.30 + day * 0.01 + rng.randint(0, 4) / 100
        made.append((HEALTH, day, "11:30", "mw", "Postnatal visit", "",
                     f"Home visit. Baby weight {weight:.2f} kg, feeding well, cord clean. "
                     "Mother well; mood good. " + rng.choice(_POSTNATAL), "", 0))  # fmt: skip
    for index, day in enumerate(_CLINIC_DAYS):
        weight = 3.5 + day * 0.027 + rng.randint(-5, 5) / 100
        made.append((HEALTH, day, "10:30", rng.choice(("hv", "hv2")), "Clinic", "",
                     f"Baby brought to clinic by his mother. Weight {weight:.1f} kg, following "
                     f"the {rng.choice(('50th', '50th', '75th'))} centile. "
                     + ("Mother asked about the baby's sleep." if index % 2 else "No concerns "
                        "raised."), "", 0))  # fmt: skip
    for day, when in ((-205, "Dating scan"), (-142, "Anomaly scan")):
        made.append(
            (
                HOSPITAL,
                day,
                "09:40",
                "sn",
                when,
                "",
                f"{when}: single pregnancy, normal growth and anatomy.",
                "",
                0,
            )
        )
    for day, why in ((-38, "reduced movements"), (-2, "early labour")):
        made.append(
            (
                HOSPITAL,
                day,
                "21:10",
                "mw2",
                "Maternity triage",
                "",
                f"Phoned triage about {why}. Seen; CTG normal.",
                "Home with advice.",
                0,
            )
        )
    for index, day in enumerate((-180, -139, -97, -58, 31, 66)):
        title, history, plan = _GP_MOTHER[index % len(_GP_MOTHER)]
        made.append((GP, day, f"{rng.randint(8, 17):02d}:{rng.choice(('00', '20', '40'))}",
                     rng.choice(("gp", "gp2")), "Consultation", title,
                     history.format(n=rng.randint(3, 8)) + _EXAM + "NAD." + _PLAN + plan, "",
                     0))  # fmt: skip
    for index, day in enumerate((9, 38, 103)):
        title, history, plan = _GP_BABY[index]
        made.append(
            (
                GP,
                day,
                "16:20",
                "gp2",
                "Telephone consultation",
                title,
                history + _EXAM + "Not examined." + _PLAN + plan,
                "",
                0,
            )
        )
    for day in (56, 97):
        made.append((GP, day, "09:20", "pn", "Immunisation", "Immunisations given",
                     "Baby brought by his mother." + _EXAM + "Well." + _PLAN + "Routine "
                     "immunisations given; next due in four weeks.", "", 0))  # fmt: skip
    for day, what in ((-150, "Letter from children's services: assessment closed."),
                      (2, "Discharge summary from maternity filed."),
                      (15, "Health visitor's new birth visit summary filed."),
                      (86, "Letter sent: 12-week immunisations rebooked.")):  # fmt: skip
        made.append((GP, day, "12:00", "adm", "Document", "Correspondence", what + _EXAM +
                     "None." + _PLAN + "Filed.", "", 0))  # fmt: skip
    for index, day in enumerate((-199, -197, -194, -190, -185, -176, -160)):
        kind, summary, text = _CSC_ADMIN[index % len(_CSC_ADMIN)]
        made.append((CSC, day, f"{rng.randint(9, 16):02d}:{rng.choice(('05', '30', '50'))}",
                     "sw2" if index == 4 else "sw", kind, summary, text, "",
                     rng.choice((0, 1, 3, 7))))  # fmt: skip
    for day, what in ((90, "Checked the police systems: no previous incidents at the address."),
                      (91, "Letter sent to the mother with local domestic abuse support "
                       "services.")):  # fmt: skip
        made.append((CSC, day, "11:00", "mash", "Case recording", "MASH", what, "", 0))
    made += _records(rng)
    return made


# The paperwork around the contacts: results, prescriptions, reminders, calls, letters, and
# the hours after the admission. (agency, first day, last day, how many, worker, type, summary,
# texts taken in turn).
_RECORDS = (
    (GP, -240, 118, 20, "adm", "Prescription", "Repeat prescription",
     ("Folic acid 400 micrograms issued.", "Pregnancy vitamins issued.", "Ferrous fumarate "
      "issued after a low haemoglobin.", "Gaviscon issued.", "Ferrous fumarate, second month.",
      "Pregnancy vitamins, second pack.", "Paracetamol issued.", "Ferrous fumarate, third "
      "month.", "Lansoprazole issued for heartburn.", "Emollient issued for the baby's dry "
      "skin.", "Infant paracetamol suspension issued.", "Contraceptive pill issued after the "
      "postnatal check.")),
    (GP, -225, -20, 12, "adm", "Result", "Result filed",
     ("Full blood count normal.", "Haemoglobin 104 g/L: iron started.", "Glucose tolerance test "
      "normal.", "Urine culture: no growth.", "Thyroid function normal.", "Blood group O "
      "positive, antibodies negative.")),
    (HEALTH, -205, -100, 4, "nn", "Screening result", "",
     ("Antenatal bloods: all screening results low risk.", "Combined screening: low chance.",
      "Perinatal mental health screening: no referral needed.", "Anomaly scan result filed.")),
    (HEALTH, 6, 20, 3, "nn", "Screening result", "",
     ("Newborn blood spot: all results normal.", "Newborn hearing screen: clear response both "
      "ears.", "Vitamin K and newborn checks recorded.")),
    (HEALTH, -190, 118, 40, "hv", "Telephone contact", "",
     ("Text reminder sent for the next appointment.", "Rang the mother to rearrange the "
      "appointment; new date agreed.", "Left a voicemail about the clinic times.", "Mother rang "
      "with a question about her maternity leave forms; signposted.", "Text reminder sent; "
      "mother replied to confirm.", "Mother rang to ask about free vitamins; Healthy Start "
      "explained.", "Rang to confirm the venue of the appointment.", "Mother rang to move the "
      "appointment to a morning; done.", "Text reminder sent; no reply.", "Mother rang about "
      "a prescription query; passed to the GP practice.")),
    (HEALTH, 20, 118, 8, "hv2", "Telephone contact", "",
     ("Mother rang with a feeding question; advice given.", "Mother rang to ask about the baby's "
      "sleep; advice on routines.", "Text reminder sent for clinic.", "Mother rang about a "
      "cold; advice given on feeding and temperature.")),
    (HEALTH, 30, 105, 7, "hv2", "Children's centre", "",
     ("Baby massage group: mother and Baby M attended.", "Stay and play: mother and Baby M "
      "attended; Baby M content.", "Baby massage group: attended; mother chatting with other "
      "parents.", "Breastfeeding support group: attended; feeding going well.", "Baby massage "
      "group: last session of the course attended.", "Stay and play: attended on her day off.",
      "Weaning talk: booked for the spring.")),
    (HOSPITAL, -200, -12, 20, "mw2", "Maternity day unit", "",
     ("Seen for a blood pressure check: normal.", "Seen for itching: bile acids normal.",
      "Growth scan: baby on the 50th centile.", "Physiotherapy for pelvic girdle pain.",
      "Antenatal class attended with her aunt.", "Infant feeding class attended.", "Seen for "
      "a urine infection: treated.", "Growth scan: normal growth.", "Seen for reduced "
      "movements: CTG normal.", "Birth preferences discussed.")),
    (HOSPITAL, -120, -30, 6, "mw", "Maternity advice line", "",
     ("Rang about a headache: no other symptoms; advice given.", "Rang about leg cramps; "
      "advice given.", "Rang about a fall on the stairs at home: no pain or bleeding, "
      "movements normal; advised to come in if any change.", "Rang to ask about the birth "
      "centre tour; booked.", "Rang about tightenings: advice given; fine afterwards.",
      "Rang to change her parent education session.")),
    (HOSPITAL, 120, 121, 6, "sn", "Paediatric intensive care", "",
     ("Nursing note: observations stable, fontanelle soft, settled.", "Nursing note: fed "
      "through the tube; tolerated.", "Nursing note: mother at the cot side; her aunt arrived.",
      "Nursing note: neurological observations unchanged.", "Nursing note: seen by the "
      "ophthalmology registrar.", "Nursing note: mother asked to stay overnight; room found.")),
    (CSC, -205, -150, 12, "ba", "Case recording", "Administration",
     ("Case opened on the unborn baby's record.", "Visit letter posted.", "Agency check letters "
      "sent to the GP, the midwife and the police.", "Assessment document created.", "Reply "
      "from the police filed.", "Request to the placing authority for the leaving care "
      "summary.", "Leaving care summary received and filed.", "Reply from the GP practice "
      "filed.", "Visit diary updated.", "Assessment sent to the team manager.", "Closure "
      "letter posted.", "Case closed on the system.")),
    (POLICE, 89, 93, 3, "pc2", "Domestic incident", "Update",
     ("Log reviewed by the domestic abuse officer: no further action.", "Notification sent; "
      "receipt acknowledged by the MASH.", "Body-worn video retained; log closed.")),
    (POLICE, 120, 121, 5, "pc2", "Child protection", "Update",
     ("Scene photographs taken at the flat.", "House-to-house enquiries at the flats.",
      "Statement taken from the neighbour who had called the police.", "Hospital records "
      "requested.", "Update to the duty inspector.")),
)  # fmt: skip


def _records(rng: random.Random) -> list[tuple]:
    made = []
    for agency, first, last, count, who, kind, summary, texts in _RECORDS:
        for index in range(count):
            day = first + (last - first) * index // max(count - 1, 1)
            if last - first > 20:
                day = min(day + rng.randint(0, 3), last)
            text = texts[index % len(texts)]
            if agency == GP:
                text += _EXAM + "None." + _PLAN + "Filed."
            made.append((agency, day, f"{rng.randint(9, 16):02d}:{rng.randint(0, 5)}0", who,
                         kind, summary or text.split(":")[0].split(".")[0], text, "",
                         rng.choice((0, 0, 1, 2))))  # fmt: skip
    return made
