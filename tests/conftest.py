"""Shared fixtures: the seeds build is made once per session and reused."""

from __future__ import annotations

import gc
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = (
    ROOT / "tests" / "data" / "gold" / "seeds.json"
)  # the reference annotation of the seeds, kept in the repository
DATA = Path(__file__).resolve().parent / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need_tool(name: str, why: str) -> str:
    """Path of an external tool; skip locally when missing, fail under CI=true."""
    path = shutil.which(name)
    if path:
        return path
    if IN_CI:
        pytest.fail(f"{name} is required under CI ({why}); .ci/run must install it")
    pytest.skip(f"{name} not installed ({why})")


@pytest.fixture(scope="session", autouse=True)
def _session_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The result cache of the builds the session's fixtures make (and of any
    subprocess a test starts) in a temporary folder, never the user's own."""
    folder = tmp_path_factory.getbasetemp() / "graphkit-cache-session"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GRAPHKIT_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    """``graphkit.cli.main`` turns the cyclic collector off for a build (the process is
    the build's); a test that calls it in this process gets it back afterwards."""
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def cache_dir(
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """Each test's result cache: a fresh folder of its own (made when first written),
    outside ``tmp_path`` so a build of ``tmp_path`` never reads it as input."""
    name = "".join(c if c.isalnum() else "-" for c in request.node.name)[:60]
    folder = tmp_path_factory.getbasetemp() / "graphkit-cache" / f"{name}-{id(request.node):x}"
    monkeypatch.setenv("GRAPHKIT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict:
    if not GOLD.exists():
        if IN_CI:
            pytest.fail(f"gold annotation missing at {GOLD}")
        pytest.skip(f"gold annotation not found at {GOLD}")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_result():
    """The BuildResult for seeds/ (built once)."""
    import graphkit

    return graphkit.build(SEEDS)


@pytest.fixture(scope="session")
def seeds_build(seeds_result, tmp_path_factory) -> Path:
    """A folder holding the seeds build's outputs in every format, plus the view."""
    import graphkit

    out = tmp_path_factory.mktemp("seeds-build")
    graphkit.write_outputs(
        seeds_result,
        out,
        formats=("turtle", "nt", "nquads", "trig", "json-ld", "xml"),
        view=True,
        with_ontology=True,
    )
    return out


@pytest.fixture(scope="session")
def seeds_dataset(seeds_result):
    return seeds_result.dataset


FOLLOWUPS = DATA / "followups"  # invented minutes and a work programme: every follow-up status


@pytest.fixture(scope="session")
def followups_build(tmp_path_factory) -> Path:
    """A build folder (graph.trig) of tests/data/followups/, built once."""
    import graphkit

    out = tmp_path_factory.mktemp("followups-build")
    graphkit.write_outputs(graphkit.build(FOLLOWUPS), out, formats=("trig",), view=True)
    return out


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A Virtuoso server on free local ports with a temporary database; stopped at the end."""
    from support import virtuoso_available, virtuoso_server

    if not virtuoso_available():
        if IN_CI:
            pytest.fail("virtuoso-opensource is required under CI; .ci/run must install it")
        pytest.skip("Virtuoso not installed (Debian virtuoso-opensource)")
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as base:
        yield base


VIRTUOSO_DEFAULT_GRAPH = "https://w3id.org/graphkit/id/graph/default"


@pytest.fixture(scope="session")
def virtuoso_seeds(virtuoso, seeds_build):
    """The Virtuoso server with the seeds graph pushed by ``graphkit push``: the run."""
    import subprocess
    import sys

    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "graphkit",
            "push",
            str(seeds_build / "graph.trig"),
            "--endpoint",
            f"{virtuoso}/sparql-graph-crud-auth",
            "--graph",
            VIRTUOSO_DEFAULT_GRAPH,
            "--user",
            "dba",
            "--password",
            "dba",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright, shared by the browser tests."""
    from support import CHROMIUM_ARGS

    path = need_tool("chromium", "browser tests of the HTML pages")
    if not IN_CI:  # under CI the test extra installs Playwright; a missing one must fail
        pytest.importorskip("playwright", reason="pip install playwright (the test extra)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
