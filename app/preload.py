"""Loading the database layer on a thread of its own while the window's toolkit loads.

The two mostly wait on different things (Qt's libraries, SQLAlchemy's modules), so on a
machine with two cores or more the window shows its reviews sooner. Importing is safe from
two threads: whoever needs a module the thread is still loading waits for it.
"""

import threading

MODULES = (
    "db.store",
    "app.reviews",
    "app.config",
    "app.edits",
    "app.imrs",
    "app.items",
    "app.chronology.entries",
    "app.backups",
)


def start_loading_database_layer() -> threading.Thread:
    def load() -> None:
        for name in MODULES:
            try:
                __import__(name)
            except Exception:  # noqa: BLE001 - the window imports it again and reports it
                return

    thread = threading.Thread(target=load, name="load-database-layer", daemon=True)
    thread.start()
    return thread
