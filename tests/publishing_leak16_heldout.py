"""Held-out sentences for the sixteenth leak hunt: written before any rule was changed for
them, and not used to tune rules. Each pairs a sentence with the part of it that must not be
left once the sentence is published (anonymised and near names stripped) with REGISTER as the
review's people. Every name here is made up; the sentences are data, not a test."""

from app.publishing.register import RegisterEntry

REGISTER = [
    RegisterEntry("Yaroslava Bondarenko", "Child Y"),
    RegisterEntry("Svitlana Melnyk-Harris", "Mother"),
    RegisterEntry("Muhammad Arif Qureshi", "Father"),
    RegisterEntry("Ffion Haf Llewelyn", "Class Teacher"),
    RegisterEntry("Pàdraig MacIomhair", "Youth Worker"),
    RegisterEntry("Siobhán Ní Chonaill", "Social Worker 1"),
    RegisterEntry("Erzsébet Kardos", "the interpreter"),
    RegisterEntry("Ketevan Japaridze", "Neighbour"),
    RegisterEntry("Aroha Te Whiti", "Police Officer 1"),
    RegisterEntry("Wambui Njoroge", "Foster carer"),
    RegisterEntry("Carmen Rodríguez Ortega", "Probation Officer"),
    RegisterEntry("Grace Page", "Team Manager"),
    RegisterEntry("Hunter Bell", "Neighbour 2"),
]

SENTENCES = [
    ("Yaroslava’s nursery rang.", "Yaroslava"),
    ("The Bondarenkos’ flat was damp.", "Bondarenkos"),
    ("Slava cried at the door.", "Slava"),
    ("Jaroslawa Bondarenko was weighed.", "Jaroslawa"),
    ("Iaroslava Bondarenko was seen.", "Iaroslava"),
    ("Mrs Melnyk rang.", "Melnyk"),
    ("Ms Harris signed the plan.", "Harris"),
    ("Svetlana Melnik attended.", "Svetlana"),
    ("Sveta said she was tired.", "Sveta"),
    ("Muhammed Qureshi came.", "Muhammed"),
    ("Mohd Arif attended.", "Mohd"),
    ("Mr Qureishi left early.", "Qureishi"),
    ("M.A. Qureshi signed.", "M.A."),
    ("MAQ signed the minutes.", "MAQ"),
    ("Athro Llewelyn said so.", "Llewelyn"),
    ("Mrs Llywelyn rang.", "Llywelyn"),
    ("'A Phàdraig, come here,' she said.", "Phàdraig"),
    ("Phadraig went home.", "Phadraig"),
    ("Mr MacIomhair rang.", "MacIomhair"),
    ("Shiobhán wrote the plan.", "Shiobhán"),
    ("Ms Ní Chonaill’s report came.", "Chonaill"),
    ("Erzsi néni translated.", "Erzsi"),
    ("Erzsike helped.", "Erzsike"),
    ("Kardos Erzsébet signed.", "Kardos"),
    ("Keti helped with the shopping.", "Keti"),
    ("Ketino rang.", "Ketino"),
    ("Aroha’s report was late.", "Aroha"),
    ("PC Te Whiti took a statement.", "Whiti"),
    ("Wambui said he was fine.", "Wambui"),
    ("Mrs Njoroge looked after him.", "Njoroge"),
    ("Carmen Rodríguez signed.", "Rodríguez"),
    ("Sra. Ortega attended.", "Ortega"),
    ("Carmencita rang.", "Carmencita"),
    ("Page said she would chair it.", "Page"),
    ("Hunter rang the school.", "Hunter"),
    ("svitlana.melnyk@mail.example wrote.", "melnyk"),
    ("Bondar-\nenko was seen.", "Bondar"),
    ("Y.B. was seen at home.", "Y.B."),
    ("YB was seen at home.", "YB"),
    ("Grace's note said no.", "Grace"),
]

# Ordinary prose that shares words with REGISTER's names: none of it is a person.
ORDINARY = (
    "Page 4 of the plan was blank. Grace period ends on Friday. Hunter wellies were by the "
    "door. The bell rang at noon. Frank discussion followed. Young children need care."
)
