"""The transforms every export goes through, whoever asks for it; none can be skipped.

1. Private notes are left out (any field named as private is emptied, whatever the model).
2. The document's marking is applied (its audience decides it, not the review).
3. For publication, every piece of text is anonymised by the one Anonymiser.

Models are frozen dataclasses (reports.*); the walk rebuilds only what changes.
"""

import re
from collections.abc import Iterable
from dataclasses import fields, is_dataclass, replace
from typing import Any

from app.publishing.anonymise import (
    NAME_REMOVED,
    TAG_REMOVED,
    USER_REMOVED,
    Anonymiser,
    StoreAnonymiser,
)
from app.publishing.register import RegisterEntry

PRIVATE_FIELDS = frozenset({"private_notes"})
# Fields that name the document itself, not anyone in it, or hold no words at all (the
# timeline's marks, ticks and colours: walking 50,000 marks would cost more than the text).
# The review's reference is typed by someone and may hold a family's name: it is read like any
# text (the anonymiser keeps the reference itself whole).
KEPT_FIELDS = frozenset(
    {"kind", "audience", "protective_marking", "precision", "language"}
    | {"markers", "silences", "ticks", "colours", "category"}
)


def remove_unregistered_names(text: str, anonymiser: Anonymiser | StoreAnonymiser) -> str:
    from app.publishing.release_check import remove_unregistered_names as remove

    return remove(text, anonymiser)


def protect(
    document: Any,
    *,
    marking: str | None,
    anonymiser: Anonymiser | StoreAnonymiser | None,
    unregistered_out: bool = False,
    register: Iterable[RegisterEntry] = (),
) -> Any:
    """``document`` as it may leave the store: private notes out, marked, anonymised.

    ``marking``: the marking for publication; None keeps the one the review gave it.
    ``unregistered_out``: names no register holds, after a relationship word, title or role,
    and names spelled like someone's in ``register`` ("Sharron" for the registered "Sharon":
    what the release check blocks), print as "[name removed]": for a document that has not
    been through the release check.
    """
    if marking is not None:
        document = replace(document, protective_marking=marking)
    if anonymiser is None:
        return _walk(document, None)
    done: dict[str, str] = {}  # agency names, dates, types repeat thousands of times
    near = _near_pattern(document, register, anonymiser) if unregistered_out else None
    rejoined = _broken_across(document, anonymiser)

    def text(value: str) -> str:
        result = done.get(value)
        if result is None:
            plain = rejoined.get(value, value)
            if unregistered_out:
                plain = remove_unregistered_names(plain, anonymiser)
                if near is not None and near.search(plain):
                    plain = near.sub(lambda m: _near_removed(m, anonymiser), plain)
            result = done[value] = anonymiser.apply(plain)
        return result

    return _walk(document, text)


# The first part of a word broken with a hyphen at the end of a piece of text ("... Kova-"),
# and the rest of it at the start of the next ("lenko cried"): a line of a glossary or a list
# made a row or an item of its own.
_BROKEN_END = re.compile(r"(?<![\w-])([^\W\d_]{2,})-[ \t]*$")
_BROKEN_REST = re.compile(r"[ \t]*([^\W\d_]{2,})(?![\w-])")


def _broken_across(document: Any, anonymiser) -> dict[str, str]:
    """A name broken with a hyphen across two pieces of text that follow each other ("Kova-"
    ending a glossary row, "lenko cried" beginning the next): each piece as it is to be
    anonymised, the first with the whole name, the second without its rest. Empty when no
    piece ends with a hyphen after a word."""
    order: list[str] = []
    _walk(document, lambda value: order.append(value) or value)
    out: dict[str, str] = {}
    for first, then in zip(order, order[1:], strict=False):
        if not first.rstrip(" \t").endswith("-") or not (end := _BROKEN_END.search(first)):
            continue
        if not (rest := _BROKEN_REST.match(then)):
            continue
        whole = end[1] + rest[1]
        if any(h.start == 0 and h.end >= len(whole) for h in anonymiser.find(whole)):
            out[first] = first[: end.start()] + whole
            out[then] = then[rest.end() :].lstrip(" \t")
    return out


def _near_pattern(document: Any, register: Iterable[RegisterEntry], anonymiser):
    """The names the document spells like a registered person's, as one pattern (None when
    there are none)."""
    register = list(register)
    if not register:
        return None
    from app.publishing.near_names import near_names

    seen: dict[str, str] = {}  # every text the walk below anonymises, once
    _walk(document, lambda value: seen.setdefault(value, value))
    found = near_names(register, seen, anonymiser.find)
    if not found:
        return None
    names = sorted((n.written for n in found), key=len, reverse=True)
    # With the rest of a hyphened name it is part of ("Abdi-Rahman" where "Abdi" is asked).
    return re.compile(
        r"(?:(?<![\w-])[^\W\d_]+-|(?<![\w@#.])[@#](?=\w))?\b(?:"
        + "|".join(map(re.escape, names))
        + r")\b(?:-[^\W\d_]+(?![\w-]))?"
    )


def _near_removed(m: re.Match, anonymiser=None) -> str:
    """A name spelled like a registered one, removed; kept where it names a street, a shop or
    a service ("Becky Street"). A hyphened name it is part of goes whole, unless the register
    finds the whole of it ("Abdi-Rahman" of Abdirahman: the anonymiser prints who it is)."""
    from app.publishing.near_names import names_a_place

    if m.group(0)[:1] in "@#":
        # A user name or a tag with a name spelled like a registered one: it goes whole.
        return USER_REMOVED if m.group(0)[0] == "@" else TAG_REMOVED
    if names_a_place(m.string, m.end()):
        return m.group(0)
    if "-" in m.group(0) and anonymiser is not None:
        hits = anonymiser.find(m.group(0))
        if any(h.start == 0 and h.end >= len(m.group(0)) for h in hits):
            return m.group(0)
    return NAME_REMOVED


def texts(value: Any, path: tuple = ()):
    """Every piece of text in a model with where it sits (for checks and tests)."""
    if isinstance(value, str):
        yield path, value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            if not f.name.startswith("_"):
                yield from texts(getattr(value, f.name), (*path, f.name))
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from texts(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(key, (*path, "key"))
            yield from texts(item, (*path, key))


def _walk(value: Any, text) -> Any:
    if isinstance(value, str):
        return text(value) if text is not None else value
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            if not f.init or f.name.startswith("_") or f.name in KEPT_FIELDS:
                continue
            old = getattr(value, f.name)
            if f.name in PRIVATE_FIELDS:
                new = type(old)() if old else old
            else:
                new = _walk(old, text)
            if new is not old:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
    if isinstance(value, tuple | list):
        items = [_walk(item, text) for item in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        return {_walk(k, text): _walk(v, text) for k, v in value.items()}
    return value
