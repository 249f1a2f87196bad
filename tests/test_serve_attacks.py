"""Hostile clients against a real ``graphkit serve`` process on 127.0.0.1 (issue #12).

Every loop here is bounded and every address is loopback.
"""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT
from support import free_port

TIMEOUT = 3.0
IDLE = 2
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _graph(folder: Path) -> Path:
    """A small graph, big enough that a four-way cross join runs for minutes."""
    lines = [
        f'<https://example.org/s{i}> <https://example.org/p> "{i}" <https://example.org/g> .'
        for i in range(300)
    ]
    path = folder / "graph.nq"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _start(graph: Path, *extra: str) -> tuple[subprocess.Popen[str], str, int]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "graphkit", "serve", str(graph), "--port", str(port),
         "--timeout", str(TIMEOUT), "--idle-timeout", str(IDLE), "-q", *extra],
        cwd=ROOT, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=5)
            return proc, url, port
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"graphkit serve did not start: {proc.stderr and proc.stderr.read()}")
            time.sleep(0.2)


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return _graph(tmp_path_factory.mktemp("attacks"))


@pytest.fixture(scope="module")
def server(graph):
    proc, url, port = _start(graph)
    yield url, port
    _stop(proc)


def get(url, query, headers=None, timeout=30.0):
    full = url + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(full, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def get_from(source: str, port: int, query: str, headers=None, timeout=30.0):
    """GET a query from the loopback address ``source`` (127.0.0.2, ...: another client)."""
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    try:
        path = "/sparql?" + urllib.parse.urlencode({"query": query})
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def raw(port: int, data: bytes, *, wait: float = 10.0) -> bytes:
    """Send bytes as they are; return what comes back before the server closes or ``wait``."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


# -- SSRF -------------------------------------------------------------------------------
def test_service_is_refused_and_nothing_is_fetched(server):
    url, _ = server
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(2.0)
    target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    try:
        for query in (
            f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"select * where {{ ?x ?y ?z OPTIONAL {{ service   silent <{target}> {{ ?s ?p ?o }} }} }}",
        ):
            status, _, body = get(url, query)
            assert status == 400 and b"SERVICE" in body and b"--allow-federation" in body
        with pytest.raises(TimeoutError):
            listener.accept()  # the server never called out
    finally:
        listener.close()


def test_the_word_service_in_a_string_is_not_federation(server):
    url, _ = server
    status, _, body = get(url, 'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/>" }')
    assert status == 200, body


def test_federation_can_be_allowed(graph):
    proc, url, _ = _start(graph, "--allow-federation")
    try:
        status, _, body = get(
            url, "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }"
        )
        assert status == 200, body  # SILENT: the failed call is not an error
    finally:
        _stop(proc)


# -- cross-origin reads and DNS rebinding ------------------------------------------------------
def test_no_cors_header_by_default(server):
    url, port = server
    status, headers, _ = get(url, "ASK {}", {"Origin": "https://evil.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    answer = raw(
        port,
        f"OPTIONS /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Origin: https://evil.example\r\nConnection: close\r\n\r\n".encode(),
    )
    assert answer.startswith(b"HTTP/1.1 204") and b"access-control" not in answer.lower()


def test_cors_names_one_origin_when_asked(graph):
    proc, url, _ = _start(graph, "--cors", "http://localhost:8080")
    try:
        status, headers, _ = get(url, "ASK {}")
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "http://localhost:8080"
    finally:
        _stop(proc)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", ""])
def test_other_host_headers_are_refused(server, host):
    url, port = server
    line = f"Host: {host.format(port=port)}\r\n" if host else ""
    query = urllib.parse.quote("ASK {}")
    answer = raw(
        port, f"GET /sparql?query={query} HTTP/1.1\r\n{line}Connection: close\r\n\r\n".encode()
    )
    assert answer.split(b"\r\n", 1)[0] in (
        b"HTTP/1.1 421 Misdirected Request",
        b"HTTP/1.1 400 Bad Request",
    )


def test_own_names_are_answered(server):
    url, port = server
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        query = urllib.parse.quote("ASK {}")
        answer = raw(
            port,
            f"GET /sparql?query={query} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode(),
        )
        assert answer.startswith(b"HTTP/1.1 200"), host


# -- starvation and crashes ---------------------------------------------------------------
def test_deeply_nested_query_gets_a_clear_400(server):
    url, _ = server
    for n in (50_000, 5_000, 100):
        query = "SELECT * WHERE { FILTER(" + "(" * n + "1" + ")" * n + ") }"
        full = urllib.request.Request(
            url,
            data=query.encode(),
            method="POST",
            headers={"Content-Type": "application/sparql-query"},
        )
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(full, timeout=30)
        body = info.value.read()
        assert info.value.code == 400 and (b"nests brackets" in body or b"characters long" in body)
    status, _, body = get(url, "ASK { ?s ?p ?o }")  # no worker was harmed
    assert status == 200 and json.loads(body)["boolean"] is True


def test_others_are_answered_while_a_slow_query_runs(server):
    url, port = server
    slow: dict[str, object] = {}
    # from another address: one client's own queries wait their turn (--per-client)
    thread = threading.Thread(target=lambda: slow.update(answer=get_from("127.0.0.4", port, SLOW)))
    started = time.monotonic()
    thread.start()
    time.sleep(0.5)
    for _ in range(5):
        t0 = time.monotonic()
        status, _, _ = get(url, "ASK { ?s ?p ?o }", timeout=10)
        assert status == 200 and time.monotonic() - t0 < 2.0
    thread.join(TIMEOUT + 20)
    assert slow["answer"][0] == 503 and b"timeout" in slow["answer"][2]
    assert time.monotonic() - started < TIMEOUT + 10


def test_one_client_cannot_starve_another(graph):
    proc, _, port = _start(graph, "--workers", "2")  # the old default: two slow queries took both
    try:
        slow: list[tuple[int, dict, bytes]] = []
        hogs = [
            threading.Thread(target=lambda: slow.append(get_from("127.0.0.2", port, SLOW)))
            for _ in range(2)
        ]
        started = time.monotonic()
        for t in hogs:
            t.start()
        time.sleep(0.5)
        for _ in range(3):  # another client is answered at once, every time
            t0 = time.monotonic()
            status, _, body = get_from("127.0.0.3", port, "ASK { ?s ?p ?o }", timeout=10)
            assert status == 200 and json.loads(body)["boolean"] is True
            assert time.monotonic() - t0 < 1.0
        # the first client's third query at once is refused, with when to come back
        status, headers, body = get_from("127.0.0.2", port, "ASK {}", timeout=10)
        assert status == 429 and int(headers["Retry-After"]) >= 1 and b"too many" in body
        for t in hogs:
            t.join(2 * TIMEOUT + 20)
        # the first ran past the timeout, the second waited its turn and did too; the
        # killed workers were replaced, so the server still answers
        assert sorted(s for s, _, _ in slow) == [503, 503]
        assert time.monotonic() - started < 2 * TIMEOUT + 20
        status, _, _ = get_from("127.0.0.2", port, "ASK {}", timeout=10)
        assert status == 200
    finally:
        _stop(proc)


def test_a_trusted_header_tells_clients_apart(graph):
    proc, _, port = _start(graph, "--trust-client-header", "X-Client")
    try:
        hog = threading.Thread(target=lambda: get_from("127.0.0.1", port, SLOW, {"X-Client": "a"}))
        hog.start()
        time.sleep(0.5)
        t0 = time.monotonic()  # same address, another client by the header
        status, _, _ = get_from("127.0.0.1", port, "ASK {}", {"X-Client": "b"}, timeout=10)
        assert status == 200 and time.monotonic() - t0 < 1.0
        hog.join(TIMEOUT + 20)
    finally:
        _stop(proc)


# -- HTTP hygiene -----------------------------------------------------------------------------
@pytest.mark.parametrize("length", ["abc", "-5", "1e3", "99999999999999999999"])
def test_bad_content_length_is_a_400(server, length):
    _, port = server
    answer = raw(
        port,
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/sparql-query\r\n"
        f"Content-Length: {length}\r\n\r\nASK {{}}".encode(),
    )
    assert answer.split(b" ", 2)[1] in (b"400", b"413"), answer[:200]


def test_idle_connections_are_closed(server):
    _, port = server
    with socket.create_connection(("127.0.0.1", port), timeout=IDLE + 30) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /spa")  # half a request, then silence
        data = sock.recv(1024)  # returns b"" (or an error page) when the server gives up
        took = time.monotonic() - started
    assert took < IDLE + 30 and (data == b"" or data.startswith(b"HTTP/1.1 4"))


def test_twenty_concurrent_clients_are_served_quickly(server):
    _, port = server
    times: list[float] = []

    def one(n: int) -> None:  # twenty clients, twenty loopback addresses
        t0 = time.monotonic()
        status, _, _ = get_from(f"127.0.1.{n}", port, "ASK {}", timeout=10)
        assert status == 200
        times.append(time.monotonic() - t0)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(1, 21)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(times) == 20 and max(times) < 1.0


def test_updates_stay_refused(server):
    url, _ = server
    status, _, _ = get(url, "INSERT DATA { <https://e.org/x> <https://e.org/p> 1 }")
    assert status == 400
    status, _, body = get(url, "ASK { <https://e.org/x> ?p ?o }")
    assert json.loads(body)["boolean"] is False
