"""Records written as data rather than as a sheet: a JSON download (a list of objects, perhaps
inside an object holding the export's own details) and an XML export (an element repeated once
a record, its values in attributes or child elements, as a report server's "XML file with
report data" writes them). Each record is a row; its fields, nested ones named with their
parent's name before them, are the columns."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.chronology.file_guard import ImportRefused

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|_+|-+")
_MAX_COLUMNS = 200
# Read whole into memory (a parsed tree takes many times the file's size): bounded well under
# the memory an import may take.
MAX_RECORD_BYTES = 25 * 1024 * 1024


def _too_large(path: Path, what: str) -> None:
    if path.stat().st_size > MAX_RECORD_BYTES:
        raise ImportRefused(
            f"{path.name} is {what} file too large to read ({path.stat().st_size // 2**20} MB; "
            f"up to {MAX_RECORD_BYTES // 2**20} MB is read). Ask the agency for the chronology "
            "in smaller files, or as an Excel workbook (.xlsx) or a CSV file."
        )


def _heading(key: str) -> str:
    """ "noteDateTime" -> "note Date Time", "CONTACT_DATE" -> "CONTACT DATE"."""
    return " ".join(_CAMEL.sub(" ", key).split())


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _flatten(record: dict, prefix: str, out: dict[str, str]) -> None:
    for key, value in record.items():
        name = f"{prefix} {_heading(str(key))}".strip()
        if isinstance(value, dict):
            _flatten(value, name, out)
        elif isinstance(value, list):
            parts = []
            for item in value:
                if isinstance(item, dict):
                    parts.append(", ".join(_scalar(v) for v in item.values() if _scalar(v)))
                else:
                    parts.append(_scalar(item))
            out[name] = "; ".join(p for p in parts if p)
        else:
            out[name] = _scalar(value)


def _record_lists(data: Any, path: str = "") -> list[tuple[str, list[dict]]]:
    """Every list of objects in the data, with where it sits."""
    found: list[tuple[str, list[dict]]] = []
    if isinstance(data, list):
        if data and sum(isinstance(item, dict) for item in data) >= 0.8 * len(data):
            found.append((path, [item for item in data if isinstance(item, dict)]))
        for item in data[:50]:
            if isinstance(item, dict | list):
                found += _record_lists(item, path)
    elif isinstance(data, dict):
        keyed = _keyed_by_date(data) or _keyed_by_id(data)
        if keyed:
            found.append((path, keyed))
            return found
        for key, value in data.items():
            if isinstance(value, dict | list):
                found += _record_lists(value, f"{path}.{key}" if path else str(key))
    return found


_DATE_KEY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


def _keyed_by_date(data: dict) -> list[dict]:
    """Records under keys that are their dates ({"2016-03-14": [{...}, ...], ...}): each
    record with its key as its "date" field; [] when the object is not so written."""
    if len(data) < 2 or not all(_DATE_KEY.fullmatch(str(k).strip()) for k in data):
        return []
    records = []
    for key, value in data.items():
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(item, dict) for item in items):
            return []
        name = "date" if not any("date" in item for item in items) else "date (key)"
        records += [{name: key, **item} for item in items]
    return records


def _keyed_by_id(data: dict) -> list[dict]:
    """Records under keys that are their ids ({"N-7700": {...}, "N-7701": {...}}): three or
    more objects sharing at least two of their fields, each with its key as its "id" field;
    [] when the object is not so written."""
    values = list(data.values())
    if len(values) < 3 or not all(isinstance(v, dict) for v in values):
        return []
    shared = set(values[0]).intersection(*values[1:])
    if len(shared) < 2:
        return []
    name = "id" if not any("id" in v for v in values) else "key"
    return [{name: key, **value} for key, value in data.items()]


def _table(records: list[dict[str, str]], shown: str) -> list[list[Any]]:
    headings: dict[str, None] = {}
    for record in records:
        headings.update(dict.fromkeys(record))
    if len(headings) > _MAX_COLUMNS:
        raise ImportRefused(
            f"{shown} holds records with more than {_MAX_COLUMNS} fields. Ask the agency for "
            "the chronology as an Excel workbook (.xlsx) or a CSV file."
        )
    # a field empty in every record (an author null where others give an object) is no column
    names = [n for n in headings if any(record.get(n) for record in records)]
    return [names, *([record.get(n, "") for n in names] for record in records)]


def looks_like_json(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return start in (b"{", b"[")


def _json_lines(text: str) -> list[dict] | None:
    """JSON Lines (a log's or a data tool's export): every line that is not blank an object;
    None when the text is not so written."""
    records = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if not isinstance(record, dict):
            return None
        records.append(record)
    return records if len(records) >= 2 else None


def read_json_records(path: Path) -> tuple[list[list[Any]], list[str]] | None:
    """(rows, notes) of a JSON file's records, or None when the file is not JSON (a CSV whose
    first value starts with a bracket)."""
    _too_large(path, "a JSON")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = _json_lines(text)
        if data is None:
            return None
    lists = _record_lists(data)
    if not lists:
        raise ImportRefused(
            f"{path.name} is a JSON file with no list of records in it. Ask the agency for the "
            "chronology as an Excel workbook (.xlsx) or a CSV file."
        )
    where, chosen = max(lists, key=lambda found: len(found[1]))
    chosen, system = _without_system_messages(chosen)
    records = _flat_records(chosen, _flatten)
    rows = _table(records, path.name)
    named = f"the list \u201c{where}\u201d" if where else "its list"
    note = (
        f"Read as JSON: {named} of {len(records)} records, one a row (rows are counted from 2); "
        "their fields are the columns, a field inside another named after both."
    )
    outside = [k for k in data if k != where.split(".")[0]] if isinstance(data, dict) else []
    if outside:
        note += f" Left out: the file's own details ({', '.join(map(str, outside[:6]))})."
    notes = [note]
    if system:
        shown = "; ".join(f"'{_longest_text(r)[:60]}'" for r in system[:5])
        notes.append(
            f"Left out: {len(system)} message(s) the chat service wrote itself (someone joining "
            f"or leaving, a topic set), not entries: {shown}."
        )
    return rows, notes


# A chat service's own messages in its export, told by a kind field that ordinary messages
# leave out or set otherwise: "subtype": "channel_join" (someone joining), "messageType":
# "systemEventMessage".
_SYSTEM_KINDS = ("subtype", "messageType", "message_type")
_SYSTEM_KIND = re.compile(r"join|leave|left|topic|purpose|renamed?|archive|system", re.I)


def _longest_text(record: dict) -> str:
    return max(
        (v for v in record.values() if isinstance(v, str)),
        key=lambda v: (len(v.split()), len(v)),
        default="",
    )


def _without_system_messages(records: list) -> tuple[list, list]:
    """(the records, the chat service's own messages among them)."""
    if len(records) < 3 or not isinstance(records[0], dict):
        return records, []
    system = [
        r
        for r in records
        if isinstance(r, dict)
        and any(isinstance(r.get(k), str) and _SYSTEM_KIND.search(r[k]) for k in _SYSTEM_KINDS)
    ]
    if not system or 2 * len(system) >= len(records):
        return records, []
    return [r for r in records if not any(r is x for x in system)], system


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def looks_like_xml(head: bytes) -> bool:
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return body.startswith(b"<?xml") or re.match(rb"<[A-Za-z_][\w.:-]*[\s>/]", body) is not None


def read_xml_records(path: Path) -> tuple[list[list[Any]], list[str]] | None:
    """(rows, notes) of an XML file's records: the element whose children of one name repeat
    the most; each such child a row of its attributes and its child elements' text. None when
    the file is not XML."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    _too_large(path, "an XML")
    try:
        root = fromstring(path.read_bytes())
    except (DefusedXmlException, SyntaxError, ValueError):
        return None
    best: list = []
    for parent in root.iter():
        counts: dict[str, list] = {}
        for child in parent:
            counts.setdefault(child.tag, []).append(child)
        for children in counts.values():
            if len(children) > len(best):
                best = children
    if len(best) < 2:
        raise ImportRefused(
            f"{path.name} is an XML file with no repeated records in it. Ask the agency for "
            "the chronology as an Excel workbook (.xlsx) or a CSV file."
        )
    grouped = _grouped_records(best)
    records = _flat_records(grouped[1] if grouped else best, _xml_fields)
    if grouped:
        records = [{**group, **record} for group, record in zip(grouped[0], records, strict=True)]
    rows = _table(records, path.name)
    tag = _local((grouped[1] if grouped else best)[0].tag)
    note = (
        f"Read as XML: the {len(records)} \u201c{tag}\u201d records, one a row "
        "(rows are counted from 2); their attributes and elements are the columns."
    )
    if grouped:
        note += (
            f" They are grouped in \u201c{_local(best[0].tag)}\u201d elements: each record "
            "takes its group's values (such as its date) as columns too."
        )
    return rows, [note]


def _flat_records(items, flatten) -> list[dict[str, str]]:
    """Each record (a JSON object, an XML element) as one level of named values."""
    records = []
    for item in items:
        flat: dict[str, str] = {}
        flatten(item, "", flat)
        records.append(flat)
    return records


def _grouped_records(groups) -> tuple[list[dict[str, str]], list] | None:
    """Records grouped under repeated elements (a <Day date=".."> holding that day's
    <Contact> elements): (each record's group values, the records), when every group holds
    records of one name and there are more records than groups; else None."""
    inner = []
    for group in groups:
        tags: dict[str, list] = {}
        for child in group:
            if len(child) or child.attrib:
                tags.setdefault(child.tag, []).append(child)
        if len(tags) != 1:
            return None
        inner.append(next(iter(tags.items())))
    if len({tag for tag, _members in inner}) != 1:
        return None
    if sum(len(members) for _tag, members in inner) <= len(groups):
        return None
    values, records = [], []
    for group, (tag, members) in zip(groups, inner, strict=True):
        own: dict[str, str] = {}
        for key, value in group.attrib.items():
            if "}" not in key:
                own[_heading(key)] = value
        for child in group:
            if child.tag != tag and not len(child) and (child.text or "").strip():
                own[_heading(_local(child.tag))] = child.text.strip()
        values += [own] * len(members)
        records += members
    return values, records


_NAMING = ("Name", "name", "FieldName", "fieldName", "Key", "key", "Field", "field")
_SHOWN = ("FormattedValue", "formattedValue", "DisplayValue", "Text", "Value", "value")


def _named_fields(children) -> dict[str, str] | None:
    """Sibling elements of one name told apart by an attribute naming each (a report's
    <Field Name="NoteDate1"> ... </Field>): that name -> the value shown (a FormattedValue or
    Value child, else the element's text); None when they are not so named."""
    if len(children) < 2:
        return None
    attribute = next((a for a in _NAMING if all(c.get(a) for c in children)), None)
    if attribute is None or len({c.get(attribute) for c in children}) < len(children):
        return None
    names = [c.get(attribute) for c in children]
    # a report tool numbers its field objects ("Author1"): the number is no part of the name
    bare = [re.sub(r"(?<=[A-Za-z])\d+$", "", n) for n in names]
    if len(set(bare)) == len(bare):
        names = bare
    found = {}
    for name, child in zip(names, children, strict=True):
        parts = {_local(g.tag): g for g in child}
        shown = next((parts[k] for k in _SHOWN if k in parts), None)
        value = "".join(shown.itertext()) if shown is not None else "".join(child.itertext())
        found[_heading(name)] = value.strip()
    return found


def _xml_fields(element, prefix: str, out: dict[str, str]) -> None:
    for key, value in element.attrib.items():
        if "}" in key:  # xsi:type, xml:lang and the like: the file's, not the record's
            continue
        out[f"{prefix} {_heading(key)}".strip()] = value
    by_tag: dict[str, list] = {}
    for child in element:
        by_tag.setdefault(child.tag, []).append(child)
    for tag, children in by_tag.items():
        named = _named_fields(children)
        if named is not None:
            out.update(named)
            by_tag[tag] = []
    for child in (c for children in by_tag.values() for c in children):
        name = f"{prefix} {_heading(_local(child.tag))}".strip()
        if len(child) or child.attrib:
            _xml_fields(child, name, out)
            text = (child.text or "").strip()
            if text:
                out[name] = text
        else:
            value = (child.text or "").strip()
            out[name] = f"{out[name]}; {value}" if out.get(name) and value else value


# --- a calendar (iCalendar, .ics) ---------------------------------------------------------------


def looks_like_calendar(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper() == b"BEGIN:VCALENDAR"


_ICS_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$")
# Windows' names for the UK's zone, as Outlook writes them in TZID.
_UK_ZONES = {"gmt standard time", "europe/london", "greenwich mean time", "gmt summer time"}
# The event's fields as Outlook's own CSV export heads them.
_ICS_COLUMNS = (("SUMMARY", "Subject"), ("ORGANIZER", "Meeting Organizer"),
                ("ATTENDEE", "Required Attendees"), ("LOCATION", "Location"),
                ("CATEGORIES", "Categories"), ("DESCRIPTION", "Description"))  # fmt: skip


def _ics_lines(text: str) -> list[tuple[str, dict[str, str], str]]:
    """(name, parameters, value) of each content line, folded lines joined."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    lines = []
    for line in unfolded.splitlines():
        head, colon, value = line.partition(":")
        while colon and head.count('"') % 2:  # a colon inside a quoted parameter
            more, colon, value = value.partition(":")
            head += ":" + more
        if not colon:
            continue
        name, *params = head.split(";")
        parameters = {}
        for param in params:
            key, _eq, val = param.partition("=")
            parameters[key.upper()] = val.strip('"')
        lines.append((name.upper(), parameters, value))
    return lines


def _ics_text(value: str) -> str:
    return re.sub(r"\\([nN,;\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _ics_moment(value: str, parameters: dict[str, str]) -> str:
    """A DTSTART/DTEND as the clock in the UK showed it: UTC ("Z") and other named zones
    turned to UK time, a day without a time as the day."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    found = _ICS_STAMP.match(value.strip())
    if found is None:
        return value
    year, month, day, hour, minute, second, utc = found.groups()
    if hour is None:
        return f"{day}/{month}/{year}"
    moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    zone = parameters.get("TZID", "")
    uk = ZoneInfo("Europe/London")
    if utc:
        moment = moment.replace(tzinfo=UTC).astimezone(uk)
    elif zone and zone.lower() not in _UK_ZONES:
        try:
            moment = moment.replace(tzinfo=ZoneInfo(zone)).astimezone(uk)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a zone named in Windows' words: taken as written
    return f"{moment:%d/%m/%Y %H:%M}"


def read_calendar(path: Path) -> tuple[list[list[Any]], list[str]]:
    """(rows, notes) of a calendar saved as iCalendar (.ics): each event (VEVENT) a row, its
    start and end as UK clock times, its subject, organiser, attendees, place and
    description as Outlook's CSV export heads them."""
    _too_large(path, "a calendar")
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    records, event, depth = [], None, 0
    for name, parameters, value in _ics_lines(text):
        if name == "BEGIN":
            depth += 1
            if value.upper() == "VEVENT":
                event = {}
            continue
        if name == "END":
            depth -= 1
            if value.upper() == "VEVENT" and event is not None:
                records.append(event)
                event = None
            continue
        if event is None:
            continue
        if name in ("DTSTART", "DTEND"):
            event[name] = _ics_moment(value, parameters)
        elif name in ("ORGANIZER", "ATTENDEE"):
            who = parameters.get("CN") or re.sub(r"(?i)^mailto:", "", value)
            event[name] = f"{event[name]}; {who}" if event.get(name) else who
        elif name in dict(_ICS_COLUMNS):
            event[name] = _ics_text(value).strip()
    if not records:
        raise ImportRefused(
            f"{path.name} is a calendar with no appointments in it. Ask the agency for the "
            "chronology as an Excel workbook (.xlsx) or a CSV file."
        )
    table = [
        {"Start": r.get("DTSTART", ""), "End": r.get("DTEND", ""),
         **{heading: r.get(name, "") for name, heading in _ICS_COLUMNS}}
        for r in records
    ]  # fmt: skip
    note = (
        f"Read as a calendar (iCalendar): its {len(records)} appointments, one a row (rows are "
        "counted from 2); times in UTC are shown as the clock in the UK read."
    )
    return _table(table, path.name), [note]
