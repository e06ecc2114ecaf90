"""Held-out sentences for the seventeenth leak hunt: written after the first rules of the hunt
and before the rest, and not used to tune rules. Each pairs a sentence with the part of it
that must not be left once the sentence is published (anonymised and near names stripped)
with REGISTER as the review's people. Every name here is made up; the sentences are data, not
a test."""

from app.publishing.register import RegisterEntry

REGISTER = [
    RegisterEntry("Yusuf Bouzid", "Child Y"),
    RegisterEntry("Khadidja Bouzid", "Mother"),
    RegisterEntry("Jayesh Mehta", "Mother's partner"),
    RegisterEntry("Bhavna Mehta", "Maternal aunt"),
    RegisterEntry("Aminu Garba Danjuma", "the GP"),
    RegisterEntry("Soran Karim", "the interpreter"),
    RegisterEntry("Nazanin Ahmadi", "Youth Worker"),
    RegisterEntry("Luwam Gebreyesus", "Foster carer"),
    RegisterEntry("Kwadwo Asamoah", "Police Officer 1"),
    RegisterEntry("Maria Eduarda Lima Barbosa", "Class Teacher"),
    RegisterEntry("Ramón Iglesias", "Probation Officer"),
    RegisterEntry("Natalia Orlova", "Neighbour"),
    RegisterEntry("Mariam Kapanadze", "the health visitor"),
    RegisterEntry("Ildikó Fekete", "Social Worker 1"),
    RegisterEntry("Rowan Kendal", "Team Manager"),
    RegisterEntry("Holly Banks", "Neighbour 2"),
]

SENTENCES = [
    ("Umm Yusuf rang the school.", "Yusuf"),
    ("Yusufs bag was left.", "Yusufs"),
    ("Khadija Bouzid attended.", "Khadija"),
    ("Mme Bouzid signed.", "Bouzid"),
    ("Khadidja’s phone was off.", "Khadidja"),
    ("Jayeshbhai came late.", "Jayeshbhai"),
    ("Jayesh-bhai said no.", "Jayesh"),
    ("Bhavnaben translated.", "Bhavnaben"),
    ("She told Bhavna-ben.", "Bhavna"),
    ("Mallam Aminu prescribed it.", "Aminu"),
    ("Dr Danjuma wrote.", "Danjuma"),
    ("Kak Soran interpreted.", "Soran"),
    ("Kaka Soran left early.", "Soran"),
    ("Nazanin xan ran the group.", "Nazanin"),
    ("Nazanin khan said so.", "Nazanin"),
    ("Wro. Luwam fostered him.", "Luwam"),
    ("Ms Gebre-Yesus rang.", "Gebre"),
    ("Kojo Asamoah took a statement.", "Kojo"),
    ("PC Asamuah attended.", "Asamuah"),
    ("Duda taught the class.", "Duda"),
    ("Sra. Barbosa rang.", "Barbosa"),
    ("Maria Eduarda wrote it.", "Eduarda"),
    ("Ramoncito was late.", "Ramoncito"),
    ("Natasha helped.", "Natasha"),
    ("She told Natashka.", "Natashka"),
    ("Natalya Orlova was there.", "Natalya"),
    ("Mako visited at home.", "Mako"),
    ("Ms Kapanadze weighed him.", "Kapanadze"),
    ("Ildikót hívtam.", "Ildikót"),
    ("Ildikónak írtam.", "Ildikónak"),
    ("Feketéék came.", "Feketéék"),
    ("Ildi néni helped.", "Ildi"),
    ("Rowan signed it off.", "Rowan"),
    ("Mr Kendal agreed.", "Kendal"),
    ("Holly’s report was late.", "Holly"),
    ("Banks said she heard shouting.", "Banks"),
    ("y.bouzid@mail.example was used.", "bouzid"),
    ("Meh-\nta was seen.", "Meh"),
    ("K.B. signed.", "K.B."),
    ("RK signed the minutes.", "RK"),
]

# Ordinary prose that shares words with REGISTER's names: none of it is a person.
ORDINARY = (
    "The family moved to Kendal in May. Kendal Station was busy. Holly wreaths were hung. "
    "Banks were shut on Monday. The rowan tree fell. A dale walk followed."
)
