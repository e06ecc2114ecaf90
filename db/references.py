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
