"""Held-out sentences for the fourteenth naming-customs leak hunt: written before any rule was
changed for them, and not used to tune rules. Each pairs a sentence with the part of it that
must not be left once the sentence is published (anonymised and near names stripped) with
REGISTER as the review's people. Every name here is made up; the sentences are data, not a
test."""

from app.publishing.register import RegisterEntry

REGISTER = [
    RegisterEntry("Olúwaṣeun Adéyẹmí", "Child O"),
    RegisterEntry("Ngozi Okafor", "Mother"),
    RegisterEntry("Abdirahman Hassan Nuur", "Father"),
    RegisterEntry("Mekdes Alemu", "Sibling 1"),
    RegisterEntry("Gulalai Stanikzai", "the GP"),
    RegisterEntry("Dîlan Barzanî", "the health visitor"),
    RegisterEntry("R. Priya", "Police Officer 1"),
    RegisterEntry("Nguyễn Văn Minh", "Social Worker 1"),
    RegisterEntry("Lee Ji-hoon", "Team Manager"),
    RegisterEntry("Maria Lourdes Bautista", "Foster carer", variants=("Lulu",)),
    RegisterEntry("Ana Carolina Ferreira da Costa", "Neighbour"),
    RegisterEntry("Horváthné Kiss Ildikó", "the interpreter"),
    RegisterEntry("Eleftheria Nikolaidou", "Probation Officer"),
    RegisterEntry("Mihai Bălănescu", "Youth Worker"),
    RegisterEntry("Jolán Balogh", "Maternal grandmother"),
    RegisterEntry("Nia ferch Huw", "Class Teacher"),
]

SENTENCES = [
    ("Seun was quiet at school.", "Seun"),
    ("OLÚWAṢẸ̀UN'S BEDROOM WAS COLD.", "OLÚWAṢẸ̀UN"),
    ("Oluwaseun Adeyemi was seen.", "Adeyemi"),
    ("Mama Seun answered the door.", "Seun"),
    ("Mrs Okafor-Adeyemi rang the GP.", "Okafor"),
    ("Cabdiraxmaan Xasan Nuur was at home.", "Cabdiraxmaan"),
    ("Mr Nur refused to speak.", "Nur"),
    ("Meqdes told her teacher.", "Meqdes"),
    ("Dr Stanekzai saw the baby.", "Stanekzai"),
    ("Dr Gulalay Stanikzai wrote to the school.", "Gulalay"),
    ("Dilan Barzani visited on Monday.", "Barzani"),
    ("PC Priya R. took the statement.", "Priya"),
    ("Anh Minh explained the plan.", "Minh"),
    ("NGUYEN Van Minh attended the strategy meeting.", "NGUYEN"),
    ("Ji-hoon-ssi called back.", "Ji-hoon"),
    ("Mr Yi Jihoon chaired.", "Jihoon"),
    ("Ate Lulu brought her clothes.", "Lulu"),
    ("Mrs Bautista drove her to school.", "Bautista"),
    ("Dona Ana said the child cried.", "Ana"),
    ("Carolzinha saw the bruise.", "Carolzinha"),
    ("Sra. Ferreira da Costa called.", "Ferreira"),
    ("Horváth Ferencné interpreted.", "Horváth"),
    ("Ildi néni translated the letter.", "Ildi"),
    ("Ms Nikolaidis attended.", "Nikolaidis"),
    ("Mihai's note was brief.", "Mihai"),
    ("Raportul lui Bălănescu era scurt.", "Bălănescu"),
    ("Domnul Balanescului i-a scris.", "Balanescului"),
    ("Jolán néni came to the house.", "Jolán"),
    ("Mrs Baloghné spoke for the family.", "Baloghné"),
    ("Nia verch Huw wrote the report.", "Huw"),
]
