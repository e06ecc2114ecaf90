"""Held-out sentences for the thirteenth naming-customs leak hunt: written before any rule was
changed for them, and not used to tune rules. Each pairs a sentence with the part of it that
must not be left once the sentence is published (anonymised and near names stripped) with
REGISTER as the review's people. Every name here is made up; the sentences are data, not a
test."""

from app.publishing.register import RegisterEntry

REGISTER = [
    RegisterEntry("Tereza Dvořáková", "Child T"),
    RegisterEntry("Tomáš Dvořák", "Father"),
    RegisterEntry("Zuzana Kováčová", "Mother"),
    RegisterEntry("Jānis Ozoliņš", "Mother's partner"),
    RegisterEntry("Shmuel Weissberg", "the GP"),
    RegisterEntry("Liu Xiaoming", "Police Officer 1", variants=("Kevin",)),
    RegisterEntry("Guðrún Ólafsdóttir", "Social Worker 1"),
    RegisterEntry("Sanne de Vries", "Team Manager"),
    RegisterEntry("Blessing Tendai Mutasa", "Foster carer"),
    RegisterEntry("Nikola Jovanović", "the interpreter"),
    RegisterEntry("Mikko Korhonen", "Neighbour"),
    RegisterEntry("Rebecca Hartley-Mensah", "Maternal grandmother"),
    RegisterEntry("Lakshmi Venkatesan", "the health visitor"),
    RegisterEntry("Seán Ó Briain", "Neighbour 2"),
]

SENTENCES = [
    ("Tereza's drawing was kept.", "Tereza"),
    ("Mluvila jsem s Terezou včera.", "Terezou"),
    ("'Terezko, come here,' her mother said.", "Terezko"),
    ("Pan Dvořák nepřišel.", "Dvořák"),
    ("Mr Dvorak was not at home.", "Dvorak"),
    ("The Dvořáks' flat was cold.", "Dvořáks"),
    ("Zuzka cried at the door.", "Zuzka"),
    ("Mrs Kovacova signed the plan.", "Kovacova"),
    ("Jānim bija slikti.", "Jānim"),
    ("Mr Ozolins attended.", "Ozolins"),
    ("Dr Shmuly Weissberg wrote.", "Shmuly"),
    ("Dr Weisberg replied by letter.", "Weisberg"),
    ("PC Liú Xiǎomíng attended.", "Xiǎomíng"),
    ("Kevin Liu rang the school.", "Kevin"),
    ("PC LIU took the statement.", "LIU"),
    ("Gudrun said the child was thin.", "Gudrun"),
    ("Ms Olafsdottir visited.", "Olafsdottir"),
    ("Mevrouw De Vries signed it off.", "Vries"),
    ("Mrs Mutasa took her in.", "Mutasa"),
    ("Tendai said she was fine.", "Tendai"),
    ("Mr Jovanovic interpreted.", "Jovanovic"),
    ("Mikon auto oli pihalla.", "Mikon"),
    ("Mrs Hartley came to the meeting.", "Hartley"),
    ("Nana Becky rang.", "Becky"),
    ("L. Venkatesan, health visitor, wrote the note.", "Venkatesan"),
    ("Lakshmi V. visited.", "Lakshmi"),
    ("His daughter Ms Ní Bhriain rang.", "Bhriain"),
    ("See file tereza_dvorakova_notes.pdf for detail.", "dvorakova"),
    ("#JusticeForTereza trended.", "Tereza"),
    ("TEREZA DVOŘÁKOVÁ", "DVOŘÁKOVÁ"),
]
