"""Held-out sentences for the naming-customs leak hunt: written before any rule was changed for
them, and not used to tune rules. Each pairs a sentence with the part of it that must not be
left once the sentence is published (anonymised and near names stripped) with REGISTER as the
review's people. Every name here is made up; the sentences are data, not a test."""

from app.publishing.register import RegisterEntry

REGISTER = [
    RegisterEntry("Bethan Llinos Morgan", "Child B"),
    RegisterEntry("Iestyn ab Owain", "Father"),
    RegisterEntry("Ekaterina Smirnova", "Mother"),
    RegisterEntry("Oleksandr Kovalenko", "Mother's partner"),
    RegisterEntry("Konstantinos Papadopoulos", "the GP"),
    RegisterEntry("Tigist Haile Mariam", "the health visitor"),
    RegisterEntry("Seán Mac Giolla Phádraig", "Neighbour"),
    RegisterEntry("Mhairi MacKenzie", "Class Teacher"),
    RegisterEntry("Francesco Russo", "the interpreter"),
    RegisterEntry("Yui Tanaka", "Social Worker 1"),
    RegisterEntry("Park Min-jun", "Team Manager"),
    RegisterEntry("Grace Young", "Foster carer"),
    RegisterEntry("Layla bint Hamad Al-Qahtani", "Police Officer 1"),
]

SENTENCES = [
    ("Aeth y nyrs i Fethan ddoe.", "Fethan"),
    ("Rhoddodd y llyfr i Linos.", "Linos"),
    ("Siaradodd Mr ab Owain â'r ysgol.", "Owain"),
    ("Beth cried when the car left.", "Beth"),
    ("Katya cried in the car.", "Katya"),
    ("Mr Smirnov attended the meeting.", "Smirnov"),
    ("Sashko was drunk again.", "Sashko"),
    ("Mr Kovalenka's car was outside.", "Kovalenka"),
    ("Dr Papadopoulou wrote to the school.", "Papadopoulou"),
    ("Kostas saw the baby on Monday.", "Kostas"),
    ("Dr P. replied the next day.", "Dr P."),
    ("Ms Hailemariam visited the home.", "Hailemariam"),
    ("W/ro Tigist weighed the baby.", "Tigist"),
    ("'A Sheáin, come in,' his wife said.", "Sheáin"),
    ("Mr Mac Giolla was at the door.", "Giolla"),
    ("Mrs McKenzie taught her reading.", "McKenzie"),
    ("Miss Mackenzie's class went out.", "Mackenzie"),
    ("Checco interpreted at the visit.", "Checco"),
    ("Tanaka-sensei wrote the referral.", "Tanaka"),
    ("Yui-chan was fine, said the nurse.", "Yui"),
    ("Minjun Park attended the strategy meeting.", "Minjun"),
    ("Mr Min-Jun Park chaired it.", "Min-Jun"),
    ("'Nanny Grace hits me,' she said.", "Grace"),
    ("The Youngs' house was cold.", "Youngs"),
    ("PC Alqahtani rang the school.", "Alqahtani"),
    ("PC Layla bint Hamad attended.", "Hamad"),
    ("Her e-mail kat.smirnova@mail.ru was used.", "smirnova"),
    ("Messages from katya_s92 were seen.", "katya"),
    ("'Uncle Sasha hurt me,' she said.", "Sasha"),
    ("Ms Smirnowa did not attend.", "Smirnowa"),
]
