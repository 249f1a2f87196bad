"""Helpers shared by the tests and benchmarks that start real programs."""

from __future__ import annotations

import importlib.util
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

# Headless Chromium as root on a machine with no network: without the background-networking
# flags it keeps trying (and failing) to reach Google's hosts.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def benchmark_script(name: str) -> ModuleType:
    """The script ``benchmarks/<name>.py`` loaded as a module (the folder is no package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
_DB_FILES = ("DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def virtuoso_ini(template: str, folder: Path, sql_port: int, http_port: int) -> str:
    """Debian's virtuoso.ini with the database in ``folder`` and both ports changed."""
    section = ""
    lines = []
    for line in template.splitlines():
        if m := re.match(r"\s*\[(.+)\]", line):
            section = m.group(1)
        key = re.match(r"\s*(\w+)\s*=\s*(.*)", line)
        if key and not line.lstrip().startswith(";"):
            name, value = key.groups()
            if name in _DB_FILES:
                line = f"{name} = {folder / Path(value.split(';')[0].strip()).name}"
            elif name == "ServerPort" and section == "Parameters":
                line = f"ServerPort = {sql_port}"
            elif name == "ServerPort" and section == "HTTPServer":
                line = f"ServerPort = {http_port}"
            elif name == "DefaultHost":
                line = f"DefaultHost = localhost:{http_port}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def virtuoso_available() -> bool:
    return shutil.which("virtuoso-t") is not None and VIRTUOSO_INI.exists()


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[str]:
    """Start Virtuoso with a database in ``folder``; yield its base URL; stop it after."""
    exe = shutil.which("virtuoso-t")
    if exe is None:
        raise RuntimeError("virtuoso-t not found")
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(virtuoso_ini(VIRTUOSO_INI.read_text(), folder, free_port(), http_port))
    with (folder / "stdout.log").open("wb") as log:
        proc = subprocess.Popen(
            [exe, "-c", str(ini), "+foreground"], cwd=folder, stdout=log, stderr=subprocess.STDOUT
        )
        base = f"http://127.0.0.1:{http_port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=5)
                    break
                except (urllib.error.URLError, ConnectionError, OSError) as err:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        tail = (folder / "stdout.log").read_text()[-2000:]
                        raise RuntimeError(f"Virtuoso did not start:\n{tail}") from err
                    time.sleep(0.5)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
