"""Where the store lives by default, and who the user is (for the audit trail).

Nothing sensitive is kept here: only a store path and a display name.
"""

import getpass
import json
import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from db.location import is_server_url

APP_NAME = "ReviewDesk"
STORE_ENV = "REVIEWDESK_DB"
USER_ENV = "REVIEWDESK_USER"
CONFIG_ENV = "REVIEWDESK_CONFIG_DIR"


def default_store_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "reviewdesk.db"


def resolve_store_path(explicit: str | os.PathLike | None = None) -> Path | str:
    """``--db`` first, then ``REVIEWDESK_DB``, then the per-user data directory.

    A shared store's ``postgresql://`` address comes back as it was given (a string).
    """
    given = explicit or os.environ.get(STORE_ENV)
    if given:
        return given if is_server_url(given) else Path(given).expanduser()
    return default_store_path()


def config_folder() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or user_config_dir(APP_NAME, appauthor=False))


def _config_file() -> Path:
    return config_folder() / "profile.json"


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - some sandboxes have no login name
        return "unknown user"


def chosen_name() -> str | None:
    """The name the person chose for the audit trail: REVIEWDESK_USER, or the saved profile."""
    env = os.environ.get(USER_ENV, "").strip()
    if env:
        return env
    try:
        saved = json.loads(_config_file().read_text(encoding="utf-8")).get("display_name", "")
        if isinstance(saved, str) and saved.strip():
            return saved.strip()
    except (OSError, ValueError, AttributeError):
        pass
    return None


def display_name() -> str:
    """The name recorded in the audit trail: REVIEWDESK_USER, the saved profile, the OS user."""
    return chosen_name() or _os_user()


def actor_for(store, given: str | None = None) -> str:
    """The name recorded in ``store``'s audit trail. On a shared store it always carries the
    database login that made the change ("Sam Author (sam.author)"; the login alone when no
    name was chosen), since anyone may type any name but only the server vouches for a login."""
    name = (given or "").strip() or chosen_name()
    login = getattr(store, "login", None)
    if not login:
        return name or _os_user()
    name = name.removesuffix(f" ({login})") if name else name  # as the window shows it
    if not name or name == login:
        return login
    return f"{name} ({login})"


def save_display_name(name: str) -> None:
    path = _config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"display_name": name.strip()}), encoding="utf-8")


LOCK_WAIT_ENV = "REVIEWDESK_LOCK_WAIT"
DEFAULT_LOCK_WAIT_S = 30.0


def lock_wait() -> float:
    """Seconds a command waits for a store file another ReviewDesk has open (someone else's
    import, say) before giving up: REVIEWDESK_LOCK_WAIT, 30 unless set."""
    try:
        return max(0.0, float(os.environ.get(LOCK_WAIT_ENV, DEFAULT_LOCK_WAIT_S)))
    except ValueError:
        return DEFAULT_LOCK_WAIT_S
