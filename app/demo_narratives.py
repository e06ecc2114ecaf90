"""What the demonstration chronologies say (fictional): for each kind of contact, several
openings, details and closings that are put together at random, in the words practitioners
write, for each demonstration case (a teenager placed out of area, a toddler in temporary
accommodation, four neglected siblings). No one is named: people are their roles.
"""

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    titles: tuple[str, ...]
    openings: tuple[str, ...]
    details: tuple[str, ...]
    closings: tuple[str, ...] = ("",)
    outcomes: tuple[str, ...] = ("",)


_PLACES = {
    "adolescent": (
        "the bus station", "a flat above the takeaway on Marine Parade", "the retail park",
        "a friend's address in Eastwold", "the seafront shelters", "the car park behind the "
        "railway station", "the skate park", "a house on the Northfield estate",
    ),
    "toddler": (  # where the family lived and stayed
        "the temporary accommodation", "Ashcroft Court", "the maternal grandmother's flat",
    ),
    "siblings": (
        "the family home", "the school gate", "the breakfast club", "the local shop",
        "the park opposite the school",
    ),
}  # fmt: skip

_ADOLESCENT = {
    "Missing episode": Kind(
        ("{s} missing from placement", "Missing from care: did not return", "Late return, "
         "reported missing"),
        ("{s} did not return to the home by the agreed time of 21:00.",
         "{s} left the home after tea saying he was going to the shop and did not come back.",
         "{s} was not in his room at the 23:00 check; his window was open.",
         "{s} went out at 16:30 with a bag and did not answer calls or messages."),
        ("Staff searched the local area and rang his mobile, which was switched off. Reported "
         "missing to police at {hour}:15.",
         "Staff drove round the usual places, including {place}, without finding him. Police "
         "informed; the on-call manager was told.",
         "His friends' numbers were tried. Reported missing at {hour}:40 after the agreed "
         "hour had passed."),
        ("He returned at {return_hour}am the next day, tired and hungry, with a new phone and "
         "£{cash} in cash; he said he had been at {place}.",
         "Found by police at {place} in the early hours and brought back; he would not say who "
         "he had been with.",
         "He came back by taxi at {return_hour}am, which someone else had paid for. Smelled "
         "strongly of cannabis and went straight to bed.",
         "He returned the same night with new trainers and would not say where they came from."),
        ("Police informed; return home interview requested.", "Missing notification sent to "
         "the social worker and the host authority.", "Return home interview requested; "
         "incident log completed."),
    ),
    "Return home interview": Kind(
        ("Return home interview", "Independent return interview", "RHI completed"),
        ("Independent return interview with {s} after the missing episode.",
         "Return interview with {s} at the placement, seen alone in the lounge.",
         "Met {s} at a café in town for his return interview; he chose the place."),
        ("He said he had been 'with mates' near {place} and would not say who gave him the "
         "phone.",
         "He said he goes to {place} because there is nothing to do at the home and no one "
         "there knows him.",
         "He said an older lad gives him lifts and 'looks after him'; he would not give a name.",
         "He talked about missing his younger brother and said no one has told him when he "
         "can next see his family."),
        ("He said he feels far from his family and has nothing to do in the evenings.",
         "He agreed to share his location with staff when he goes out, then withdrew it.",
         ""),
        ("Shared with the allocated social worker and the police missing person coordinator.",
         "Push and pull factors recorded; shared with the exploitation coordinator.",
         "Report sent to the home authority {days} days after the episode."),
    ),
    "Supervision": Kind(
        ("Case supervision", "Supervision: missing episodes", "Monthly supervision"),
        ("Supervision with the team manager.", "Case discussed in supervision.",
         "Supervision with the team manager, by video."),
        ("Discussed {s}'s missing episodes and the concerns about older males.",
         "Reviewed the placement plan and the distance from home.",
         "Discussed the CAMHS referral, which has not been picked up, and {s}'s low mood.",
         "Discussed the exploitation screening tool and the police intelligence."),
        ("Agreed a strategy discussion if there is another episode, and to review the "
         "placement.", "Manager to escalate the placement search to the head of service.",
         "Actions carried over from last month as not yet done."),
        ("Actions: strategy discussion; placement review; chase CAMHS referral.",
         "Actions: update the risk assessment; visit within two weeks.",
         "Actions: contact the host authority's missing coordinator."),
    ),
    "Statutory visit": Kind(
        ("Statutory visit", "Looked after child visit", "Visit to placement"),
        ("Visit to {s} at the placement.", "Statutory visit, {s} seen at the home.",
         "Visited {s} at the placement after school hours."),
        ("Seen alone in his room. He said the staff are 'alright' but he misses his mum and his "
         "younger brother.",
         "He was reluctant to talk and kept his hood up. He said 'it's fine here' and asked "
         "when he could go home.",
         "Seen alone in the garden. He talked about football and a college course he might "
         "like to do.",
         "He showed me a new phone and said a friend had given it to him. His room was tidy."),
        ("He would not talk about where he goes when he leaves the home in the evening.",
         "Staff said he has been going out most evenings and coming back late.",
         "The manager said his education attendance has dropped to mornings only."),
        ("Next visit within six weeks.", "Next visit in four weeks; to update the care plan.",
         "Visit record completed."),
    ),
    "Phone call": Kind(
        ("Call from placement", "Phone call", "Telephone contact"),
        ("Call from the placement about {s}.", "The key worker rang about {s}.",
         "Call from the home's deputy manager."),
        ("He came back late smelling of cannabis.",
         "He has been seen getting into a car with older males near the home.",
         "He has been giving staff abuse when asked where he has been.",
         "He has asked to move back to Brackenford and says he will run away until he does."),
        ("Advice given to follow the missing from care protocol.",
         "Agreed to raise it at the next placement meeting.", ""),
    ),
    "Concern for welfare": Kind(
        ("Concern for welfare", "Concern for welfare: juvenile", "Welfare check"),
        ("Call from a member of the public about a boy matching {s}'s description at {place} "
         "late at night.",
         "Call from a taxi driver worried about a young boy travelling alone at night.",
         "Report from a shop worker about a boy being given money by older males."),
        ("Officers attended; no trace.", "Officers attended and spoke to the boy, who gave "
         "his name as {s}; taken back to the placement.",
         "The boy had left by the time officers arrived."),
        ("",),
        ("Intelligence submitted.", "Record passed to the missing person coordinator.",
         "Placement informed."),
    ),
    "Missing person": Kind(
        ("Missing person report", "Missing person: medium risk", "Missing from care"),
        ("Report from the placement that {s} is missing.",
         "The placement reported {s} missing after the agreed return time.",),
        ("Graded medium risk. Patrols searched {place}.",
         "Graded high risk because of the exploitation concerns; a search was co-ordinated.",
         "Graded low risk at first, raised to medium after midnight."),
        ("Found by officers at 03:40 with an older male who gave false details; returned to "
         "the home.", "He returned on his own before officers found him.",
         "Found at {place} and returned to the home by officers."),
        ("Missing person record closed; intelligence report on the older male.",
         "Record closed; prevention interview offered.", "Closed; return interview referral."),
    ),
    "Stop and search": Kind(
        ("Stop search", "Stop and search: drugs", "Stop and account"),
        ("{s} stopped near {place} with two older youths.",
         "{s} stopped on a bicycle near {place} late in the evening."),
        ("Searched under s.23 Misuse of Drugs Act; two wraps of cannabis and a second phone "
         "found.", "Searched; £{cash} in cash and a second phone found, nothing else.",
         "Nothing found. He gave a false name at first."),
        ("",),
        ("Community resolution; referral to the exploitation coordinator.",
         "Intelligence report submitted; placement informed.", "No further action."),
    ),
    "Daily log": Kind(
        ("Daily log", "Day summary", "Shift log"),
        ("{s} up late, refused breakfast.", "{s} up in time for education.",
         "{s} stayed in bed until lunchtime.", "{s} in good spirits this morning."),
        ("Attended education in the morning only.", "Did not go to education; said he felt "
         "ill.", "Went to education and stayed all day.", "Helped cook the evening meal."),
        ("In the evening he played computer games with staff.",
         "He went out at 18:00 to see friends and came back on time.",
         "He went out at 19:00 and came back 40 minutes late.",
         "He spent the evening in his room on his phone."),
        ("", "", "Nothing of concern to report.", "Shared with the key worker."),
    ),
    "Behaviour": Kind(
        ("Behaviour incident", "Incident: damage", "Incident: verbal abuse"),
        ("{s} shouted at staff and damaged a door after being asked to hand in his phone at "
         "night.", "{s} threw a chair in the lounge after a phone call.",
         "{s} swore at staff and kicked the front door when told he could not go out."),
        ("He calmed after an hour and apologised in the morning.",
         "He went to his room and refused to talk about it.",
         "Staff used de-escalation; no restraint was needed."),
        ("",),
        ("Incident form completed; social worker informed.", "Incident form completed.",
         "Consequence agreed with him; manager informed."),
    ),
    "Attendance": Kind(
        ("Attendance", "Absence", "Late arrival"),
        ("{s} did not attend his session.", "{s} arrived at 11:20, two hours late.",
         "{s} left at lunchtime and did not come back.", "{s} attended the morning only.",
         "{s} walked out of the maths session after twenty minutes."),
        ("Home contacted: he left the placement at 09:30 and did not arrive.",
         "He said he had missed the bus; he looked tired.",
         "Staff at the placement did not know where he was.",
         "He was seen talking to two older boys at the gate before he left.",
         "He said the work is 'pointless' and he will not be here long anyway."),
        ("",),
        ("Logged; placement informed.", "Logged; attendance now below 50% this half term.",
         "Logged."),
    ),
    "Wellbeing": Kind(
        ("Wellbeing concern", "Safeguarding concern", "Welfare concern"),
        ("{s} arrived with a cut to his hand and said he 'fell'.",
         "{s} had a large amount of cash on him and two phones.",
         "{s} fell asleep in class and said he had been out all night.",
         "A member of staff saw {s} being picked up at lunchtime by a car with older males."),
        ("He seemed withdrawn and said he was tired.", "He would not explain it and got "
         "angry when asked.", "He said it was nothing and asked to go home early.",
         "He said he owes someone money and laughed it off when asked more.",
         "He kept checking his phone and left the room twice to take calls."),
        ("Designated safeguarding lead informed.",),
        ("First aid; DSL spoke to the placement.", "DSL informed the social worker.",
         "Logged on the safeguarding system; DSL to follow up."),
    ),
    "Youth justice appointment": Kind(
        ("Appointment", "Referral order session", "Supervision session"),
        ("Appointment with {s} at the youth justice office.",
         "Session with {s} at the placement.", "Met {s} at the library for his session."),
        ("Worked on the referral order contract.", "Victim awareness work.",
         "Talked about who he spends time with and how he gets money.",
         "Looked at college courses and what he would need to apply.",
         "Went through the reparation hours he still has to complete."),
        ("He asked whether he could be moved closer to home.",
         "He engaged well for the first half, then wanted to leave.", ""),
        ("Next appointment booked.", "Next session in a week.",
         "Shared concerns with the social worker."),
    ),
    "Progress note": Kind(
        ("Progress note", "Therapy session", "Clinical review"),
        ("Session with {s}.", "Seen with the key worker present for the start.",
         "Telephone session; he did not want to come in."),
        ("Low mood; sleeping badly; says he worries about his mother.",
         "Talked about the move and feeling that no one listens to him.",
         "Flat affect; one-word answers."),
        ("Screened for risk: no current thoughts of self-harm.",
         "Risk reviewed; no change.", ""),
        ("Continue fortnightly sessions.", "Review in two weeks.",
         "Letter to the social worker and the GP."),
    ),
    "Missed appointment": Kind(
        ("Did not attend", "Was not brought", "Missed appointment"),
        ("{s} did not attend.", "{s} did not attend his appointment.",
         "{s} was not at the placement for the home visit."),
        ("The placement said he had gone out in the morning.",
         "No reason given.", "Staff said he refused to get up."),
        ("",),
        ("Offer a further appointment.", "Second appointment offered; the placement asked "
         "to bring him.", "Letter sent."),
    ),
    "Strategy discussion": Kind(
        ("Strategy discussion", "Strategy meeting: exploitation", "Strategy discussion (CCE)"),
        ("Strategy discussion about {s}: repeated missing episodes and concerns of criminal "
         "exploitation.", "Strategy discussion following the latest missing episode and the "
         "police intelligence about older males."),
        ("Police, both local authorities and the placement took part.",
         "Police, the placement and health took part; education did not attend.",
         "The host authority's exploitation lead took part by phone."),
        ("",),
        ("Section 47 enquiry not agreed; exploitation risk assessment to be completed.",
         "Exploitation risk assessment to be reviewed; disruption plan agreed.",
         "Safety plan updated; meeting to reconvene in four weeks."),
    ),
}  # fmt: skip

_TODDLER = {
    "Domestic incident": Kind(
        ("Domestic incident", "Domestic: verbal argument", "Domestic incident at the address"),
        ("Call from a neighbour at {place} reporting shouting and banging.",
         "Call from the mother saying her partner would not leave.",
         "Report of a man shouting in the corridor outside the family's room."),
        ("Officers attended. The mother and her partner had been arguing about money; both "
         "said nothing physical had happened.",
         "Officers attended; the partner had left before they arrived. The mother had a red "
         "mark on her arm and said it was an accident.",
         "Officers attended and spoke to both adults separately."),
        ("{s} was said to be asleep in the bedroom and was not seen.",
         "{s} was seen in a cot, crying; officers noted the room was cold.",
         "{s} was being held by the mother."),
        ("DASH completed: standard risk. Notification to the MASH.",
         "DASH standard; partner given words of advice. Notification to the MASH.",
         "Notification to the MASH; leaflet for the local domestic abuse service given."),
    ),
    "Concern for welfare": Kind(
        ("Concern for welfare", "Welfare check", "Concern for a child"),
        ("Call from a neighbour worried about a young child crying for a long time at "
         "{place}.", "Call from the housing officer, who could not get an answer at the door.",
         "Report of a toddler seen alone in the corridor."),
        ("Officers attended; the mother answered after some time and said she had been asleep.",
         "Officers attended; the mother said her partner had gone out.",
         "Officers spoke to the mother, who seemed drowsy."),
        ("{s} was seen and appeared well but was in a dirty nappy.",
         "{s} was seen; there was little food in the kitchen.", "{s} was seen briefly."),
        ("Notification to the MASH.", "No further police action; notification to the MASH.",
         "Intelligence record created."),
    ),
    "Home visit": Kind(
        ("Home visit", "Assessment visit", "Unannounced visit"),
        ("Home visit to {place}.", "Unannounced visit to the family.",
         "Visit with the health visitor."),
        ("The mother was in; her partner was in the bedroom and did not come out.",
         "The mother was alone with {s}. She said her partner has moved out.",
         "No answer at first; the mother came to the door after ten minutes."),
        ("{s} was seen playing on the floor and looked well. The room was cluttered and there "
         "was a medication bottle on the windowsill.",
         "{s} was seen asleep; the mother said {s} had been unwell.",
         "{s} was grizzly and had a runny nose. The cot had no bedding.",
         "The room was cold. The mother said the heating does not work."),
        ("Safe storage of medication discussed.", "Next visit in two weeks.",
         "Assessment continuing."),
    ),
    "Phone call": Kind(
        ("Phone call", "Telephone contact", "Call from mother"),
        ("Call from the mother.", "The mother rang the duty line.",
         "Call to the mother, who answered on the third attempt."),
        ("She said she is struggling with money and asked about a food bank voucher.",
         "She asked when the family will be moved to permanent housing.",
         "She said her partner is no longer living with her.",
         "She cancelled the planned visit because {s} was unwell."),
        ("",),
        ("Food bank voucher arranged.", "Information passed to the allocated worker.",
         "Visit rearranged for next week."),
    ),
    "Supervision": Kind(
        ("Supervision", "Case supervision", "Management oversight"),
        ("Case discussed in supervision.", "Supervision with the team manager."),
        ("Discussed the police notifications and whether the partner still lives there.",
         "Discussed the mother's drug treatment and the storage of her medication.",
         "Discussed the move across the borough boundary and which services now hold the case."),
        ("",),
        ("Actions: check the partner's details with the police; joint visit with the health "
         "visitor.", "Actions: contact the drug treatment service; visit within two weeks.",
         "Actions: complete the assessment; consider a strategy discussion."),
    ),
    "Consultation": Kind(
        ("Consultation", "Face to face consultation", "Telephone consultation"),
        ("Mother brought {s} with a cough and a temperature.",
         "Seen for a rash on the legs.", "Telephone consultation with the mother about {s}'s "
         "poor sleep.", "Mother seen for her own review; {s} was with her."),
        ("On examination: chest clear, ears red. Weight on the 9th centile.",
         "Mild eczema; emollient prescribed.", "Advice on sleep routines given.",
         "Mother looked tired and said she was managing."),
        ("",),
        ("Review if not better in a week.", "Safety-netting advice given.",
         "Immunisations overdue: mother to book."),
    ),
    "Did not attend": Kind(
        ("Did not attend", "Was not brought", "DNA"),
        ("{s} was not brought to the appointment.", "{s} was not brought for immunisations.",
         "{s} was not brought to the paediatric clinic."),
        ("No contact from the family.", "The mother's phone went to voicemail.",
         "The letter was sent to the old address."),
        ("",),
        ("Second appointment sent.", "Health visitor informed.", "Noted on the record."),
    ),
    "Tenancy visit": Kind(
        ("Tenancy visit", "Housing visit", "Property inspection"),
        ("Visit to the family's room at Ashcroft Court.",
         "Tenancy check at the temporary accommodation."),
        ("Damp on the bedroom wall; the window does not close.",
         "The room was untidy; a man was present who said he was visiting.",
         "The mother asked again about a move; she said the corridor is noisy at night."),
        ("",),
        ("Repair reported.", "Reminder given about visitors under the licence.",
         "Information passed to the housing options team."),
    ),
    "Emergency call": Kind(
        ("999 call", "Emergency call", "Ambulance attendance"),
        ("999 call from the mother at {place}: {s} had fallen from the bed onto the floor; a "
         "small bruise above the left eye, alert and crying.",
         "999 call from a neighbour: a toddler with a cough and difficulty breathing; mild "
         "wheeze, observations within normal range.",
         "999 call from the mother: {s} had pulled a cup of hot tea onto their arm; a red mark "
         "on the forearm, cooled for 20 minutes."),
        ("Crew on scene in 14 minutes. Mother's account consistent with what was seen.",
         "Crew on scene in 22 minutes. The room was cold and damp; an adult male present did "
         "not give his name.",
         "Crew on scene in 11 minutes. Mother said she had turned away for a moment; her "
         "account changed when asked again."),
        ("", "Safeguarding referral made to the local authority (ePCR flag)."),
        ("Conveyed to the children's emergency department with the mother.",
         "Not conveyed: advice given and GP to be seen in the morning.",
         "Conveyed; handover to the paediatric nurse, safeguarding concern passed on."),
    ),
}  # fmt: skip

_SIBLINGS = {
    "Welfare concern": Kind(
        ("Welfare concern", "Concern: appearance", "Concern: hunger"),
        ("W2 came to school in the same clothes as last week; they smelled of urine.",
         "W1 said there was no food at home last night and ate two breakfasts at the club.",
         "W3 had head lice again and scratches on the scalp.",
         "W2 fell asleep in class and said the baby cries all night.",
         "W1 said she had to get the younger ones ready because mum was asleep."),
        ("Class teacher recorded it on the safeguarding system.",
         "Designated safeguarding lead spoke to the child.",
         "Spare uniform and breakfast given."),
        ("",),
        ("Mother spoken to at the gate.", "Logged; DSL to add to the chronology.",
         "Shared with the social worker."),
    ),
    "Attendance": Kind(
        ("Attendance", "Absence", "Late arrival"),
        ("W2 and W3 absent; no call from home.", "All three children arrived at 09:45.",
         "W1 absent for the third day this week."),
        ("Phone calls to mother unanswered.", "Mother said the alarm did not go off.",
         "Home visit by the attendance officer: no answer."),
        ("",),
        ("Logged.", "Attendance letter sent.", "Attendance below 85%: referral to the "
         "education welfare service."),
    ),
    "Statutory visit": Kind(
        ("Home visit", "Child in need visit", "Child protection visit"),
        ("Home visit to the W family.", "Unannounced visit after school.",
         "Visit with the family support worker."),
        ("Kitchen with no food in the cupboards apart from cereal; dishes piled up.",
         "Bedrooms: three children share one mattress; no bedding on the cot.",
         "The house was cold and there was a smell of damp.",
         "Mother tired and tearful; said she cannot cope with four children on her own."),
        ("W1 was looking after the baby.", "The children were seen together, not alone.",
         "W4 was in a dirty nappy."),
        ("Food parcel arranged; next visit in a week.", "Plan reviewed with mother.",
         "Graded Care Profile to be completed."),
    ),
    "Strategy discussion": Kind(
        ("Strategy discussion", "Strategy meeting", "Strategy discussion: neglect"),
        ("Strategy discussion after the school's fourth referral.",
         "Strategy discussion after W3 was seen with an unexplained bruise."),
        ("Police, school, health visiting and children's social care took part.",
         "Health visiting could not attend; information sent in writing."),
        ("",),
        ("Section 47 enquiries agreed for all four children.",
         "Child in need plan to continue; review in six weeks.",
         "Initial child protection conference to be convened."),
    ),
}  # fmt: skip

NARRATIVES = {"adolescent": _ADOLESCENT, "toddler": _TODDLER, "siblings": _SIBLINGS}


def narrative(profile: str, kind: str, rng: random.Random, subject: str) -> tuple[str, str, str]:
    """(title, narrative, outcome) for one contact of this kind in this case."""
    chosen = NARRATIVES[profile][kind]
    values = {
        "s": subject,
        "place": rng.choice(_PLACES[profile]),
        "hour": rng.choice(("21", "22", "23")),
        "return_hour": rng.randint(1, 11),
        "cash": rng.choice((40, 60, 80, 120, 200)),
        "days": rng.randint(3, 20),
    }
    body = f"{rng.choice(chosen.openings)} {rng.choice(chosen.details)}"
    closing = rng.choice(chosen.closings)
    if closing:
        body += "\n" + closing
    return (
        rng.choice(chosen.titles).format(**values),
        body.format(**values),
        rng.choice(chosen.outcomes).format(**values),
    )
