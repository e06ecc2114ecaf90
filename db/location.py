"""Whether a store's location is a file or a shared store's address (no imports: the
command line decides this before it loads anything heavy)."""

import re

SERVER_SCHEMES = ("postgresql", "postgres")
_LOOKS_LIKE_SERVER = re.compile(r"^\s*postgres(?:ql)?(?:\+\w+)?:", re.I)


def is_server_url(location) -> bool:
    """True for ``postgresql://…`` (or ``postgres://``, ``postgresql+psycopg://``) locations."""
    if not isinstance(location, str) or "://" not in location:
        return False
    scheme = location.split("://", 1)[0].lower()
    return scheme.split("+", 1)[0] in SERVER_SCHEMES


def mistyped_server_url(location) -> bool:
    """True for a location that starts like a server's address but is not one
    ("postgresql:/user@host/db", "postgres:host/db"): a store file must not be made under it."""
    text = str(location)
    return bool(_LOOKS_LIKE_SERVER.match(text)) and not is_server_url(text)


def without_password(location: str) -> str:
    """A shared store's address as it may be shown: any password in it left out."""
    return re.sub(r"://([^:@/]*):[^@/]*@", r"://\1@", location)


def same_server_store(a: str, b: str) -> bool:
    """Whether two locations as ``safe_location`` shows them are one store, whoever logs in
    (a chair may check in the copy an author took)."""

    def without_login(location: str) -> str:
        scheme, sep, rest = location.partition("://")
        return f"{scheme}{sep}{rest.split('@', 1)[-1]}" if sep else location

    return without_login(a) == without_login(b)


def server_address(host: str, port: int, database: str, login: str) -> str:
    """A shared store's address from its parts, as ``reviewdesk --db`` takes it. A host that is
    a folder (starting with /) is the server's local socket there."""
    from urllib.parse import quote

    host, database, login = host.strip(), database.strip(), login.strip()
    who = f"{quote(login, safe='')}@" if login else ""
    where = f"/{quote(database, safe='')}"
    if host.startswith("/"):
        return f"postgresql://{who}{where}?host={quote(host, safe='/')}&port={port}"
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    return f"postgresql://{who}{host}:{port}{where}"
