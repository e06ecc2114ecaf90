"""The foreign keys the shared store keeps with triggers checking once per statement.

On PostgreSQL, migration 0014 replaces these four foreign keys (every imported chronology row
carries them) by statement-level triggers doing the same checks over all of a statement's
rows at once, with the same constraint names in their refusals; SQLite keeps them as foreign
keys. The models declare them for both engines.
"""

SERVER_CHECKED_REFERENCES = frozenset(
    {
        "fk_chronology_entry_review_id_review",
        "fk_chronology_entry_agency_id_agency",
        "fk_chronology_entry_import_id_chronology_import",
        "fk_chronology_search_entry_id_chronology_entry",
    }
)

# The triggers keeping them (migration 0014): on each referring table, and on each parent.
# (Since migration 0016 the search rows are a view of the entries: nothing refers to an entry
# there but the entries' own tables, which keep their foreign keys.)
_REFERRING = ("reviewdesk_refs_insert", "reviewdesk_refs_update")
_PARENT = ("reviewdesk_cascade", "reviewdesk_key_kept", "reviewdesk_not_emptied")
REFERENCE_TRIGGERS = {
    "chronology_entry": _REFERRING,
    "review": _PARENT,
    "agency": _PARENT,
    "chronology_import": _PARENT,
}


def tables_without_reference_checks(conn) -> list[str]:
    """Tables of the shared store missing a trigger that keeps these references."""
    from sqlalchemy import text

    present = {
        (table, trigger)
        for table, trigger in conn.execute(
            text("SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal")
        )
    }
    return [
        table
        for table, triggers in REFERENCE_TRIGGERS.items()
        if any((table, trigger) not in present for trigger in triggers)
    ]
