"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, a socket there.

Started once per test run when a test first asks for it, stopped at the end. Each test gets a
fresh database, copied from a template already upgraded to the current schema (or an empty
one, for the migration tests). When the PostgreSQL programs are missing the tests that need
them are skipped, unless REVIEWDESK_REQUIRE_POSTGRES is set (CI sets it): then they fail.
"""

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REQUIRE_ENV = "REVIEWDESK_REQUIRE_POSTGRES"
SERVER_USER = "postgres"  # the server refuses to run as root; under root it runs as this user
PORT = 5432  # only names the socket file: the server listens on no network address


def find_binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


@dataclass
class TestServer:
    folder: Path
    bin: Path
    run_as: list[str]
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    _template: str | None = None
    _free: list[str] = field(default_factory=list)

    def url(self, database: str, user: str = SERVER_USER) -> str:
        return f"postgresql://{user}@/{database}?host={self.folder}&port={PORT}"

    def admin(self, sql: str, database: str = "postgres") -> list[tuple]:
        import psycopg

        with psycopg.connect(
            dbname=database, user=SERVER_USER, host=str(self.folder), port=PORT, autocommit=True
        ) as conn:
            cursor = conn.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def new_database(self, *, empty: bool = False) -> str:
        """A fresh database's name: empty, or at the current schema."""
        if not empty and self._free:
            return self._free.pop()
        name = f"t{next(self._counter)}"
        template = "template0" if empty else self.template()
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def give_back(self, name: str) -> None:
        """Empty a database at the current schema for the next test (faster than a new one)."""
        from db.base import Base

        self.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )
        from db.migrate import head_revision

        at = self.admin("SELECT version_num FROM alembic_version", database=name)
        if at != [(head_revision(),)]:  # the test changed the schema: not worth keeping
            self.admin(f'DROP DATABASE "{name}"')
            return
        emptied = [f'DELETE FROM "{t.name}"' for t in reversed(Base.metadata.sorted_tables)]
        restarted = (
            "DO $$ DECLARE s record; BEGIN FOR s IN SELECT sequencename FROM pg_sequences "
            "WHERE schemaname = 'public' LOOP EXECUTE format('ALTER SEQUENCE %I RESTART', "
            "s.sequencename); END LOOP; END $$"
        )
        # Triggers off (the trail's own would record the emptying).
        quiet = "SET session_replication_role = replica"
        self.admin(";".join([quiet, *emptied, restarted]), database=name)
        self._free.append(name)

    def template(self) -> str:
        if self._template is None:
            from db.store import open_store

            self.admin('CREATE DATABASE "current_schema" TEMPLATE template0')
            open_store(self.url("current_schema")).close()
            self._template = "current_schema"
        return self._template

    def ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), *args],
            check=True,
            capture_output=True,
        )


def start_server(*, durable: bool = False) -> TestServer:
    """A throwaway server; ``durable``: with PostgreSQL's own defaults (every commit flushed
    to disk), as a partnership's server runs, for benchmarks. Tests run without flushing."""
    binaries = find_binaries()
    if binaries is None:
        message = (
            "PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql): "
            "install Debian's 'postgresql' package to run the shared-store tests"
        )
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    folder = Path(tempfile.mkdtemp(prefix="rdpg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam(SERVER_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", SERVER_USER, "--"]
    server = TestServer(folder, binaries, run_as)
    subprocess.run(
        [
            *run_as,
            str(binaries / "initdb"),
            "-D",
            str(folder / "data"),
            "-U",
            SERVER_USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-k {folder} -p {PORT} -c listen_addresses='' -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    server.ctl("-o", options, "-l", str(folder / "server.log"), "-w", "start")
    return server


def stop_server(server: TestServer) -> None:
    try:
        server.ctl("-m", "immediate", "stop")
    finally:
        shutil.rmtree(server.folder, ignore_errors=True)
