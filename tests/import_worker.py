"""One person importing an agency's return, as a separate process: started by the
concurrency tests, so that two imports really run at once (no shared interpreter or pool).

    python -m tests.import_worker STORE REVIEW_ID AGENCY FILE READY GO RESULT [LOCK_WAIT]

Writes READY, waits for GO to exist, opens the store (waiting up to LOCK_WAIT seconds for a
store file another process holds), imports, and writes RESULT as JSON:
when the import started and finished (wall clock), how many rows it wrote, or the message a
person would have seen.
"""

import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    location, review_id, agency, source, ready, go, result = argv[:7]
    os.environ.setdefault("REVIEWDESK_UNENCRYPTED", "1")
    from app.chronology.importer import import_chronology
    from app.context import AppContext
    from app.errors import UserError
    from db.store import StoreError, open_store

    wait = float(argv[7]) if len(argv) > 7 else 0.0
    answer: dict = {}
    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.005)
    answer["started"] = time.time()
    try:
        with open_store(location, wait=wait) as store:
            ctx = AppContext(store, f"Importer of {agency}")
            answer["imported"] = import_chronology(ctx, int(review_id), agency, source).imported
    except (UserError, StoreError) as exc:
        answer["refused"] = str(exc)
    answer["finished"] = time.time()
    Path(result).write_text(json.dumps(answer), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
