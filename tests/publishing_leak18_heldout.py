"""Held-out sentences for the eighteenth leak hunt: written before the case's rules and before
any of them was run, and not used to tune rules. Each pairs a sentence with the part of it
that must not be left once the sentence is published (anonymised and near names stripped)
with REGISTER as the review's people. Every name here is made up; the sentences are data, not
a test."""

from app.publishing.register import RegisterEntry

REGISTER = [
    RegisterEntry("Aysel Quliyeva", "Child Q"),
    RegisterEntry("Nurlan Həsənov", "Mother's partner"),
    RegisterEntry("Stoyan Petkov", "Father"),
    RegisterEntry("Radostina Petkova", "Paternal grandmother"),
    RegisterEntry("Binu Thomas", "Social Worker 1"),
    RegisterEntry("Shiny Joseph", "School Nurse"),
    RegisterEntry("Wong Ka-yan", "Police Officer 1"),
    RegisterEntry("Lam Chi-keung", "Police Officer 2"),
    RegisterEntry("Ġużeppi Vella", "Class Teacher"),
    RegisterEntry("Rita Ħabela", "Neighbour"),
    RegisterEntry("Wambui Njoroge", "the GP"),
    RegisterEntry("Shahnaz Begum", "Mother"),
    RegisterEntry("Abdul Malik Miah", "Maternal grandfather"),
    RegisterEntry("Sydney Ashby", "Team Manager"),
    RegisterEntry("Paris Holt", "Youth Worker"),
]

SENTENCES = [
    ("Aysel Guliyeva was seen.", "Guliyeva"),
    ("GULIYEVA A. attended.", "GULIYEVA"),
    ("Ayselin atası gəldi.", "Ayselin"),
    ("Nurlan Hasanov rang.", "Hasanov"),
    ("Mr Hasanov was out.", "Hasanov"),
    ("Stoyancho came late.", "Stoyancho"),
    ("She told Stoyanka.", "Stoyanka"),
    ("Baba Radka cooked.", "Radka"),
    ("Radi said no.", "Radi"),
    ("Binumon visited.", "Binumon"),
    ("Binu Chettan wrote.", "Binu"),
    ("Shinymol weighed him.", "Shinymol"),
    ("Shiny Chechi phoned.", "Shiny"),
    ("Sister Shiny saw her.", "Shiny"),
    ("WONG Ka-yan attended.", "Ka-yan"),
    ("Yan-yan took notes.", "Yan-yan"),
    ("Siu Yan came.", "Yan"),
    ("Keung-jai was there.", "Keung"),
    ("Ah Keung left.", "Keung"),
    ("Lam CK signed.", "Lam CK"),
    ("Guzeppi Vella taught her.", "Guzeppi"),
    ("Ġużi rang.", "Ġużi"),
    ("Ms Habela heard it.", "Habela"),
    ("Rita Habela called.", "Habela"),
    ("Dr Wambo examined her.", "Wambo"),
    ("Wambui wa Njoroge wrote.", "Wambui"),
    ("Mrs Begum agreed.", "Begum"),
    ("Shahnaz Bibi agreed.", "Shahnaz"),
    ("Abdulmalik Miah came.", "Abdulmalik"),
    ("Md. Malik attended.", "Malik"),
    ("Miahs shop was shut.", "Miahs"),
    ("Sydney signed it off.", "Sydney"),
    ("Ms Ashby agreed.", "Ashby"),
    ("Paris ran the group.", "Paris"),
    ("She told Paris.", "Paris"),
    ("shiny.joseph@nhs.example was copied in.", "shiny.joseph"),
    ("@binu_thomas posted.", "binu_thomas"),
    ("Pet-\nkov was seen.", "Pet"),
    ("Petkovs car was outside.", "Petkovs"),
    ("S.P. signed.", "S.P."),
]

# Ordinary prose that shares words with REGISTER's names: none of it is a person.
ORDINARY = (
    "The family moved to Sydney in 2019. They went to Paris for the weekend. The floor was "
    "shiny. Paris Council wrote. Sydney Harbour was busy."
)
