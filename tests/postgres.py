"""A PostgreSQL server for the tests: the one `SAGTE_TEST_PG` names, or a throwaway
cluster started from the system's PostgreSQL (Debian's `postgresql` package).

The throwaway cluster lives in a temporary directory, listens on a free loopback
port, trusts local connections and runs without fsync; it is stopped and removed
when the test session ends. PostgreSQL refuses to run as root, so as root it runs
as the `postgres` user (or `nobody`). Each test gets a database of its own.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ENV = "SAGTE_TEST_PG"
UNAVAILABLE = f"PostgreSQL not available: install postgresql or set {ENV}"
# Debian keeps the server programs off PATH, in one directory per major version.
DEBIAN_BINS = "/usr/lib/postgresql/*/bin"
PROGRAMS = ("initdb", "pg_ctl", "postgres")


def find_bin() -> Path | None:
    """The directory with initdb, pg_ctl and postgres: on PATH, else Debian's newest."""
    on_path = shutil.which("pg_ctl")
    candidates = [Path(on_path).parent] if on_path else []
    candidates += sorted(
        (Path(p) for p in glob.glob(DEBIAN_BINS)),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for folder in candidates:
        if all((folder / name).exists() for name in PROGRAMS):
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A server the tests may create databases on (`url` is its maintenance database)."""

    def __init__(self, url: str, stop: list[str] | None = None, folder: str | None = None) -> None:
        self.url = url
        self._stop = stop
        self._folder = folder
        self._names = itertools.count(1)

    @classmethod
    def start(cls, bin_dir: Path) -> Server:
        """Start a throwaway cluster with the programs in `bin_dir`.

        Raises:
            RuntimeError: initdb or the server failed; the message has their output.
        """
        folder = tempfile.mkdtemp(prefix="sagte-pg-")
        try:
            return cls._start(bin_dir, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    @classmethod
    def _start(cls, bin_dir: Path, folder: str) -> Server:
        as_user: list[str] = []
        if os.geteuid() == 0:
            user = _unprivileged_user()
            entry = pwd.getpwnam(user)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
            as_user = ["runuser", "-u", user, "--"]
        data = os.path.join(folder, "data")
        port = _free_port()
        _run(
            [*as_user, str(bin_dir / "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
             "--no-locale", "--encoding=UTF8", "--no-sync"],
            folder,
            "initdb",
        )  # fmt: skip
        options = (
            f"-F -p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 "
            "-c full_page_writes=off -c synchronous_commit=off"
        )
        pg_ctl = [*as_user, str(bin_dir / "pg_ctl"), "-D", data]
        log = os.path.join(folder, "server.log")
        _run([*pg_ctl, "-l", log, "-o", options, "-w", "-t", "60", "start"], folder, "pg_ctl", log)
        return cls(
            f"postgresql://postgres@127.0.0.1:{port}/postgres",
            stop=[*pg_ctl, "-m", "immediate", "stop"],
            folder=folder,
        )

    def create_database(self) -> str:
        """A new, empty database; returns its URL."""
        import psycopg

        name = f"sagte_test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
        parts = urlsplit(self.url)
        return urlunsplit(parts._replace(path=f"/{name}"))

    def drop_database(self, url: str) -> None:
        """Drop a database made by `create_database`, closing what is still connected."""
        import psycopg

        name = urlsplit(url).path.lstrip("/")
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        if self._stop:
            subprocess.run(self._stop, capture_output=True, timeout=60, check=False)
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)


def _unprivileged_user() -> str:
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return user
    raise RuntimeError("running as root, and there is no postgres or nobody user to run as")


def _run(cmd: list[str], cwd: str, what: str, log: str | None = None) -> None:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()
        if log and os.path.exists(log):
            detail += "\n" + Path(log).read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{what} failed: {detail[-2000:]}")


def server() -> tuple[Server | None, str]:
    """The server to test on, or None and why there is none."""
    url = os.environ.get(ENV)
    if url:
        return Server(url), ""
    bin_dir = find_bin()
    if bin_dir is None:
        return None, UNAVAILABLE
    try:
        return Server.start(bin_dir), ""
    except (RuntimeError, OSError, subprocess.SubprocessError) as err:
        return None, f"{UNAVAILABLE} ({err})"
