"""The release check: what must be fixed (or knowingly waived) before a document is published.

It reads the document exactly as it would be published (final, for publication) but before
anonymisation, and blocks on: any name or detail from the people register; anything shaped
like a personal identifier; a capitalised name next to a relationship word ("her partner
Dean"), a title ("Dr Okafor", "PC 4471 Hughes") or a role ("the social worker, Amy") that is
not in the register; template guidance still in a section; sections left
empty; findings the panel has not agreed; recommendations from IMRs not accepted. Each hit
says where it is (section and paragraph). A hit can be waived with a reason, which goes into
the audit trail; a waiver of a name covers that name throughout its section.
"""

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from sqlalchemy import select

from app.context import AppContext
from app.errors import NotFoundError, ValidationError
from app.publishing.anonymise import (
    ABBREVIATIONS,
    HONORIFICS,
    NAME_REMOVED,
    Anonymiser,
    StoreAnonymiser,
    plain,
)
from app.publishing.near_names import NearName, near_names
from app.publishing.people import list_people, other_registers
from app.publishing.spans import OTHER_TITLES
from app.wording import plural
from db.models import AuditEvent
from db.publishing_models import ReleaseWaiver
from reports.review_document_data import Bullets, Callout, Note, Paragraphs, Subheading, Table

REASONS = {
    "name": "A name from the people register",
    "identifier": "A personal identifier",
    "unregistered": "A name next to a relationship word, title or role, not in the register",
    "near_name": "A name spelled like one in the register",
    "guidance": "Template guidance still in the text",
    "empty": "A section left empty",
    "finding": "A finding not agreed by the panel",
    "imr_recommendation": "A recommendation from an IMR the panel has not accepted",
}
RELATIONS = (
    "mother|mum|father|dad|partner|boyfriend|girlfriend|husband|wife|ex-partner|stepfather|"
    "step-father|stepmother|step-mother|brother|sister|half-brother|half-sister|sibling|son|"
    "daughter|uncle|aunt|auntie|grandmother|grandfather|grandma|grandad|nan|nanna|cousin|"
    "friend|neighbour|carer|lodger|child|baby|niece|nephew"
)


def _letters(upper: bool) -> str:
    """The Latin letters of one case, with accents (Latin-1 to Latin Extended Additional), and
    the letters of the IPA block some alphabets write names with (Azerbaijani "ə" of
    "Elşən", Akan and Ewe "ɛ", "ɔ", "ɖ")."""
    codes = [*range(0xC0, 0x2B0), *range(0x1E00, 0x1F00)]
    return "".join(chr(c) for c in codes if (chr(c).isupper() if upper else chr(c).islower()))


_UP = "A-Z" + _letters(True)
_LO = "a-z" + _letters(False) + "'’\u0300-\u036f"
# One word of a name: "Amy", "O'Brien", "McKenzie", "Okonkwo-Reyes", "Zoë", "Łukasz",
# "Adébáyọ̀", "Nguyễn"; after the particles that may begin it ("van der Merwe", "de la Fuente",
# "Ó Ceallaigh"); or a name a case system writes in capitals ("DARREN KEMP").
_WORD = rf"[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?)*"
NAME_PARTICLES = "van|von|de|der|den|la|le|du|da|di|dos|das|ap|ab|bin|ibn|al|el|Ó|Ní|Nic|Mac|Uí"
_ONE = rf"(?:(?:{NAME_PARTICLES})\s+){{0,2}}{_WORD}"
_CAPS = rf"[{_UP}]{{2,}}(?:['’\-][{_UP}]{{2,}})*"
_NAME = rf"(?:{_CAPS}\s+{_CAPS}(?![{_LO}])|{_ONE}(?:\s+{_ONE})?)"
# Words that begin a name without being one ("Baby Wiśniewska": a newborn by the family name).
# Words of respect written before a name ("Kak Hawre": Kurdish for an elder brother).
_PARTICLE_WORDS = frozenset(NAME_PARTICLES.split("|")) | {
    "Baby",
    "Kak",
    "Kaka",
    "Mamosta",
    "Agha",
    "Aga",
}
# Words of respect written after a name, not a name ("Emine Hanım", "Sunita Didi"): with a
# registered name before them, nothing is left to ask about.
_HONORIFICS = HONORIFICS
_RELATION_NAME = re.compile(rf"\b(?:{RELATIONS})(?:'s)?,?\s+(?P<name>{_NAME})")
TITLES = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Nurse|Sister|Matron|PC|PCSO|DC|DS|DI|DCI|Sgt|Sergeant|"
    "Inspector|Constable|Cllr|Councillor|Prof|Professor|Rev|Reverend|Judge|HHJ|"
    # Titles in other languages ("Pan Lewandowski", "Frau Weber", "Señora Ruiz")
    "Pan|Pani|Herr|Frau|Señor|Señora|Senhor|Senhora|Signora|Monsieur|Madame|Bayan|Sayed|"
    "Sheikh|Alhaji|Alhaja|Paní|Khun|Reb|Seu|Dona|Domnul|Doamna|Kuya|Chị|Ông"
)
ROLES = (
    "social worker|health visitor|midwife|GP|doctor|teacher|head ?teacher|SENCO|DSL|"
    "team manager|manager|practitioner|worker|officer|nurse|paediatrician|consultant|"
    "therapist|psychologist|psychiatrist|counsellor|advocate|key worker|support worker|"
    "youth worker|probation officer|solicitor|chair|guardian"
)
_TITLE_NAME = re.compile(rf"\b(?:{TITLES})\.?\s+(?:\d+\s+)?(?P<name>{_NAME})")
_POSSESSIVE = re.compile(r"['’]s$")
_ROLE_NAME = re.compile(rf"\b(?i:{ROLES}),?\s+(?P<name>{_NAME})")


# The words each of the three begins with, looked for first (the patterns above, tried at every
# place in a long text, take most of the release check's time; these find the few places to
# try them at). The roles are looked for in the text in lower case, as they are matched.
def _words_first(words: str, then: str) -> re.Pattern:
    """``words`` ("mother|mum|...", "head ?teacher" for both spellings) as one pattern branching
    letter by letter, which the regular expression engine tries far faster than a list of
    alternatives; followed by ``then`` (looked ahead to, not taken)."""
    spelled = [w for word in words.split("|") for w in _spellings(word)]
    if not all(re.fullmatch(r"[\w' -]+", w) for w in spelled):
        return re.compile(f"(?:{words})(?={then})")  # not plain words: as they are written
    tree: dict = {}
    for word in spelled:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return re.compile(_branches(tree) + f"(?={then})")


def _spellings(word: str) -> list[str]:
    """'head ?teacher' -> ['head teacher', 'headteacher']; a plain word as it is."""
    if " ?" not in word:
        return [word]
    first, _, rest = word.partition(" ?")
    return [f"{first} {tail}" for tail in _spellings(rest)] + [
        first + tail for tail in _spellings(rest)
    ]


def _branches(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(letter) + _branches(rest) for letter, rest in node.items() if letter]
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


_RELATION_WORDS = _words_first(RELATIONS, r"(?:'s)?,?\s")
_TITLE_WORDS = _words_first(TITLES, r"\.?\s")
_ROLE_WORDS = _words_first(ROLES.lower(), r",?\s")


def _found(pattern: re.Pattern, words: re.Pattern, text: str, lowered: bool = False):
    """What ``pattern.finditer(text)`` finds, tried only where ``words`` (the words every match
    starts with) stand."""
    looked_in = text.lower() if lowered else text
    if len(looked_in) != len(text):  # a letter whose lower case is two ("İ"): look everywhere
        yield from pattern.finditer(text)
        return
    at = 0
    while (word := words.search(looked_in, at)) is not None:
        m = pattern.match(text, word.start())
        if m is None:
            at = word.start() + 1
            continue
        yield m
        at = m.end()


# Capitalised words that follow a relationship word, title or role without being a name.
_NOT_NAMES = frozenset(
    """A An And As At But By For From He Her His I If In It Its On Or Our She So That The Their
    They This To Was We Were Who With Child Adult Mother Father Services Social Care Police
    Health School Team Court Protection Plan Review Panel Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September
    October November December Primary Secondary Unit Ward Centre Hospital Practice Surgery
    Service Trust Board Partnership Department Hub Office Station Practitioner Worker Manager
    Officer Visitor Nurse Consultant Lead Designated Named Safeguarding Family Early Help
    Children Adults Mental Youth Duty Assessment Support Specialist Senior Locum Independent
    Then When Where Had Has Have Did Does Not No One Two""".split()
) | frozenset(TITLES.split("|"))

# Words that make what follows a role or title an organisation or a job, not a person:
# "chair, Marchshire Safeguarding Adults Board", "Consultant Clinical Psychologist".
_NOT_PERSON_WORDS = (
    _NOT_NAMES
    | frozenset(
        """Clinical Psychologist Psychiatrist Paediatrician Therapist Counsellor Midwife Adviser
    Advisor Director Coordinator Co-ordinator Commissioner Council Authority County Borough
    Agency Group Network Foundation Charity Project Academy College University Clinic
    Association Committee Commission Housing Probation Education Prison Event Ref Reference
    Date Time Entry Note Notes Type Source Outcome Action Summary Details""".split()
    )
    | frozenset(
        # What a job title names after its comma: "Service Manager, Quality Assurance"; "Chair,
        # Learning and Improvement Subgroup"; "Head of Service, Children in Care".
        """Quality Assurance Audit Learning Improvement Development Performance Standards
    Operations Operational Governance Commissioning Strategy Strategic Policy Business
    Resources Finance Legal Training Workforce Community Communities Public Integrated Area
    Locality Regional Nursing Medical Provider Placement Placements Fostering Adoption Leaving
    Residential Looked Corporate Parenting Emergency Urgent Acute Intelligence Referral
    Referrals Contact Front Door Exploitation Missing Domestic Abuse Violence Substance Misuse
    Drugs Alcohol Homelessness Tenancy Neighbourhood Neighbourhoods Safety Subgroup Sub-group
    Forum Programme Disability Disabilities Needs Inclusion Attendance Welfare Wellbeing
    Well-being Partnerships Reviews Investigations Deputy Assistant Principal Interim
    Acting""".split()
    )
)


@dataclass(frozen=True)
class Hit:
    reason: str  # a key of REASONS
    where: str  # "Section 4 Summary of the case, paragraph 4.2"
    text: str  # what was found
    detail: str = ""  # "in the register as Child L", "will be replaced by [postcode removed]"
    key: str = ""  # what a waiver records
    waived: str = ""  # the reason it was waived ("" when not)
    section: str = ""  # the heading of the section it is in, to go and fix it ("" if none)

    @property
    def id(self) -> str:
        """A short handle for the command line."""
        return hashlib.sha1(self.key.encode()).hexdigest()[:8]

    @property
    def label(self) -> str:
        return REASONS[self.reason]


@dataclass(frozen=True)
class HitGroup:
    """One thing found, with every place it occurs: the same name in one section (or the
    same empty section) is one thing, fixed or waived once, wherever it is repeated (a
    registered place named in every row of a chronology appendix is one thing, not 900)."""

    hits: tuple[Hit, ...]

    @property
    def first(self) -> Hit:
        return self.hits[0]

    # What a group says of itself is what its first hit says (its hits share their key).
    _SHARED = frozenset({"id", "reason", "label", "text", "detail", "waived", "section"})

    def __getattr__(self, name: str):
        if name in HitGroup._SHARED:
            return getattr(self.first, name)
        raise AttributeError(name)

    @property
    def places(self) -> list[str]:
        """Where it is, each place once, in the document's order."""
        return list(dict.fromkeys(h.where for h in self.hits))

    @property
    def where(self) -> str:
        """The first place, and how many more: "Appendix D …, table row 3, and 899 more"."""
        places = self.places
        if len(places) == 1:
            return places[0]
        return f"{places[0]}, and {len(places) - 1:,} more"


@dataclass(frozen=True)
class CheckResult:
    kind: str
    hits: tuple[Hit, ...] = field(default=())

    @property
    def blocking(self) -> list[Hit]:
        """Every place something blocks (see ``blocking_groups`` for the things)."""
        return [h for h in self.hits if not h.waived]

    @cached_property
    def groups(self) -> list[HitGroup]:
        """The hits as things found, each with its places, in the order first found."""
        grouped: dict[str, list[Hit]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.key or f"{hit.reason}|{hit.where}|{hit.text}", []).append(hit)
        return [HitGroup(tuple(hits)) for hits in grouped.values()]

    @property
    def blocking_groups(self) -> list[HitGroup]:
        return [g for g in self.groups if not g.waived]

    @property
    def clear(self) -> bool:
        return not self.blocking

    def summary(self) -> str:
        """What blocks, in words: "15 things must be fixed or waived (in 918 places)"."""
        groups = self.blocking_groups
        things, places = len(groups), sum(len(g.places) for g in groups)
        if not things:
            return "Clear: nothing blocks publication."
        where = f" (in {places:,} places)" if places > things else ""
        return (
            f"{plural(things, 'thing')}{where} must be fixed or waived before this document "
            "can be made final."
        )


def check_publication(ctx: AppContext, review_id: int, kind: str) -> CheckResult:
    """Run the release check on a document (overview, summary or brief) as it would be issued."""
    from app.documents import DOCUMENT_KINDS, build_document, ensure_report, find_report, get_report

    if kind not in DOCUMENT_KINDS:
        raise ValidationError(f"'{kind}' is not a document the release check reads.")
    report_id = find_report(ctx, review_id, kind)
    if report_id is None:
        report_id = ensure_report(ctx, review_id, kind)
    report = get_report(ctx, report_id)
    doc = build_document(ctx, report_id, final=True, audience="publication")
    from app.publishing.pipeline import kept_words

    register = list_people(ctx, review_id)
    anonymiser = StoreAnonymiser(
        register, other_registers(ctx, [review_id]), keep=kept_words(ctx, review_id)
    )
    hits: list[Hit] = []
    labels = _section_labels(doc.sections)
    places = [(where, text, "cover") for where, text in
              (("Cover, title", doc.title), ("Cover, subject", doc.subject))]  # fmt: skip
    for section, label in zip(doc.sections, labels, strict=True):
        places += [(where, text, section.title) for where, text in _places(section, label)]
    near = near_names(register, (text for _w, text, _s in places), anonymiser.find)
    for where, text, section in places:
        hits += _text_hits(text, where, section, anonymiser)
        hits += _near_hits(text, where, section, near)
    for section, label in zip(doc.sections, labels, strict=True):
        for where, before, after in _line_seams(section, label):
            joined = f"{before}\n{after}"
            hits += _unregistered_hits(joined, where, section.title, anonymiser, len(before))
    included = [s for s in report.sections if s.included]
    by_title = dict(zip([s.title for s in doc.sections], labels, strict=True))
    for s in included:
        label = by_title.get(s.title, s.title)
        if not s.generated and s.written != s.text and s.text.strip():
            hits.append(
                Hit(
                    "guidance",
                    label,
                    _short(s.guidance),
                    key=f"guidance|{s.title}",
                    section=s.title,
                )
            )
        if s.guidance_only:
            hits.append(
                Hit("empty", label, "", "nothing written yet", f"empty|{s.title}", section=s.title)
            )
    for section, label in zip(doc.sections, labels, strict=True):
        if any(s.title == section.title and s.generated for s in included) and all(
            isinstance(b, Note) for b in section.blocks
        ):
            note = section.blocks[0].text if section.blocks else ""
            hits.append(
                Hit("empty", label, "", note, f"empty|{section.title}", section=section.title)
            )
    hits += _process_hits(ctx, review_id, included)
    return CheckResult(kind, tuple(_with_waivers(ctx, review_id, kind, hits)))


def _text_hits(
    text: str, where: str, section: str, anonymiser: Anonymiser | StoreAnonymiser
) -> list[Hit]:
    hits = []
    for found in anonymiser.find(text):
        reason = "name" if found.what in ("name", "initials") else "identifier"
        kind = "" if reason == "name" else f"{found.what}; "
        detail = f"{kind}would print as {found.replacement}"
        key = f"{reason}|{section}|{found.text.casefold()}"
        hits.append(Hit(reason, where, found.text, detail, key, section=section))
    return hits + _unregistered_hits(text, where, section, anonymiser)


def _near_hits(text: str, where: str, section: str, near: list[NearName]) -> list[Hit]:
    hits = []
    for name in near:
        if name.written in text and re.search(rf"\b{re.escape(name.written)}\b", text):
            detail = (
                f"{name.how} in the register ({name.descriptor}): if it is the same person "
                "add this spelling to their other names, else waive it"
            )
            key = f"near_name|{section}|{name.written.casefold()}"
            hits.append(Hit("near_name", where, name.written, detail, key, section=section))
    return hits


def _unregistered_hits(
    text: str,
    where: str,
    section: str,
    anonymiser: Anonymiser | StoreAnonymiser,
    seam: int | None = None,
) -> list[Hit]:
    """Names after a relationship word, title or role that the register does not hold; with
    ``seam``, only those whose word ends before it and whose name starts after it (a name on
    the line after its role: each line is printed as a paragraph of its own)."""
    hits = []
    for m in _unregistered_matches(text, anonymiser, seam):
        key = f"unregistered|{section}|{m.group('name').casefold()}"
        hits.append(
            Hit("unregistered", where, m.group(0), "add them to the register", key, section=section)
        )
    return hits


def _unregistered_matches(
    text: str, anonymiser: Anonymiser | StoreAnonymiser, seam: int | None = None
):
    """The matches (group "name") of names no register holds, next to a relationship word,
    title or role."""
    matches = [
        *_found(_RELATION_NAME, _RELATION_WORDS, text),
        *_found(_TITLE_NAME, _TITLE_WORDS, text),
    ]
    matches += _found(_ROLE_NAME, _ROLE_WORDS, text, lowered=True)
    seen: set[str] = set()
    for m in matches:
        name = m.group("name")
        if name in seen or (seam is not None and not m.start() < seam <= m.start("name")):
            continue
        seen.add(name)
        first = next((w for w in name.split() if w not in _PARTICLE_WORDS), name.split()[0])
        if first.isupper() and len(first) > 1:
            if first.capitalize() in _NOT_NAMES or first in ABBREVIATIONS:
                continue
        if first in _NOT_NAMES or _registered(name, anonymiser):
            continue
        if any(_POSSESSIVE.sub("", w) in _NOT_PERSON_WORDS for w in name.split()):
            continue
        if len(_POSSESSIVE.sub("", first)) == 1:  # "Mr D's", "Child K's": a pseudonym's letter
            continue
        if "\n" in text[m.start() : m.start("name")] and text[m.end("name") :].startswith(":"):
            continue  # "…seen by the midwife" and, on the next line, the label "Case Note:"
        yield m


def remove_unregistered_names(text: str, anonymiser) -> str:
    """``text`` with every name the release check would block as unregistered (after a
    relationship word, title or role) printed as "[name removed]", a possessive kept. For the
    documents drawn from several reviews, which have no release check of their own."""
    spans = sorted(
        {(m.start("name"), m.end("name")) for m in _unregistered_matches(text, anonymiser)}
    )
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue
        name = text[start:end]
        tail = _POSSESSIVE.search(name)
        out += [text[at:start], NAME_REMOVED + (tail.group(0) if tail else "")]
        at = end
    return "".join(out) + text[at:]


def _registered(name: str, anonymiser: Anonymiser | StoreAnonymiser) -> bool:
    """True when every word of ``name`` is a registered name: "Łukasz Nowak" is someone else
    when only "Łukasz" is in the register, and "Nowak" would be published."""
    # (Read as the anonymiser reads it: "Ọ" typed as "O" and a mark is one letter.)
    name = plain(name)
    covered = [f for f in anonymiser.find(name) if f.what in ("name", "initials")]
    # Each side of a hyphen ("Mrs Eze-Olajide": two registered names); a title in the run
    # ("Seu João", "Kuya Bong") is none.
    for word in re.finditer(r"[^\s\-]+", name):
        bare = _POSSESSIVE.sub("", word.group(0))
        if word.group(0) in _PARTICLE_WORDS or bare in _HONORIFICS or bare in OTHER_TITLES:
            continue
        end = word.start() + len(_POSSESSIVE.sub("", word.group(0)).rstrip("'’"))
        if not any(f.start <= word.start() and end <= f.end for f in covered):
            return False
    return True


def _process_hits(ctx: AppContext, review_id: int, included) -> list[Hit]:
    from app.actions import list_recommendations
    from app.findings import list_findings
    from app.reviews import get_review

    hits: list[Hit] = []
    sources = {s.source for s in included}
    if sources & {"findings", "learning_points", "good_practice"}:
        for f in list_findings(ctx, review_id):
            if f.status != "agreed":
                where = f"{f.kind_label} {f.number}: {f.title}"
                hits.append(
                    Hit(
                        "finding",
                        where,
                        f.title,
                        f"status: {f.status.replace('_', ' ')}; left out of the final document",
                        key=f"finding|{f.id}",
                    )
                )
    if "imr_recommendations" in sources:
        imrs = get_review(ctx, review_id).imrs
        status = {i.agency: i.status_label for i in imrs}
        accepted = {i.agency for i in imrs if i.status == "accepted"}
        for r in list_recommendations(ctx, review_id):
            if r.level == "single_agency" and r.agency not in accepted:
                hits.append(
                    Hit(
                        "imr_recommendation",
                        f"Recommendation {r.number} ({r.agency})",
                        _short(r.text),
                        f"the IMR is {status.get(r.agency, 'not accepted').lower()}; left out",
                        key=f"imr_recommendation|{r.id}",
                    )
                )
    return hits


def _with_waivers(ctx: AppContext, review_id: int, kind: str, hits: list[Hit]) -> list[Hit]:
    with ctx.session() as session:
        waived = dict(
            session.execute(
                select(ReleaseWaiver.key, ReleaseWaiver.reason).where(
                    ReleaseWaiver.review_id == review_id, ReleaseWaiver.kind == kind
                )
            ).all()
        )
    return [replace(h, waived=waived.get(h.key[:400], "")) for h in hits]


def waive(ctx: AppContext, review_id: int, kind: str, hit_id: str, reason: str) -> Hit:
    """Accept a hit knowingly; the reason goes into the audit trail."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Say why this can be published as it is (the reason is recorded).")
    result = check_publication(ctx, review_id, kind)
    hit = next((h for h in result.hits if h.id == hit_id.strip().lower()), None)
    if hit is None:
        raise NotFoundError(f"The release check has no finding '{hit_id}' (run it again).")
    with ctx.session() as session:
        session.add(
            ReleaseWaiver(
                review_id=review_id,
                kind=kind,
                key=hit.key[:400],
                reason=reason,
                waived_by=ctx.actor or "",
            )
        )
        session.add(
            AuditEvent(
                actor=ctx.actor or "unknown",
                review_id=review_id,
                action="waive",
                entity="release_check",
                label=f"Release check ({kind}): {hit.label} at {hit.where}"[:300],
                field="reason",
                new_value=reason,
            )
        )
    return hit


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section_labels(sections) -> list[str]:
    labels, number, letter = [], 0, 0
    for s in sections:
        if s.appendix:
            labels.append(f"Appendix {chr(ord('A') + letter)} {s.title}")
            letter += 1
        else:
            number += 1
            labels.append(f"Section {number} {s.title}")
    return labels


def _line_seams(section, label: str):
    """(where, line, next line) for each line break inside a paragraph's text."""
    for block in section.blocks:
        texts = block.texts if isinstance(block, Paragraphs | Callout) else ()
        for text in texts:
            lines = [line for line in text.split("\n") if line.strip()]
            for before, after in zip(lines, lines[1:], strict=False):
                yield f"{label}, the line '{_short(after, 40)}'", before, after


def _places(section, label: str):
    """(where, text) for every piece of text in a section, numbered as the writer numbers."""
    number = label.split()[1] if label.startswith("Section") else ""
    paragraph = 0
    yield f"{label}, heading", section.title
    for block in section.blocks:
        if isinstance(block, Paragraphs):
            for text in block.texts:
                for line in text.split("\n"):
                    if not line.strip():
                        continue
                    if block.numbered and number:
                        paragraph += 1
                        yield f"{label}, paragraph {number}.{paragraph}", line
                    else:
                        yield label, line
        elif isinstance(block, Subheading):
            yield f"{label}, heading '{_short(block.text, 50)}'", block.text
        elif isinstance(block, Bullets):
            for i, item in enumerate(block.items, start=1):
                yield f"{label}, list item {i}", item
            for i, lead in enumerate(block.lead, start=1):
                yield f"{label}, list item {i}", lead
        elif isinstance(block, Callout):
            yield f"{label}, box", block.title
            for text in block.texts:
                yield f"{label}, box", text
        elif isinstance(block, Note):
            yield label, block.text
        elif isinstance(block, Table):
            for i, row in enumerate(block.rows, start=1):
                for cell in row:
                    yield f"{label}, table row {i}", cell
