"""graphkit.executors and the build's map on them: a process pool, a Dask local cluster
and an incremental rebuild each give output byte-identical to a clean build in one
process."""

from __future__ import annotations

import importlib
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from invented import write_minutes

import graphkit
from graphkit import executors
from graphkit.cli import cli
from graphkit.errors import ConfigError, OutputError
from graphkit.perdocument import DocumentResult, DocumentTask, process_document

build_module = importlib.import_module("graphkit.build")  # the module, not graphkit.build()
DOCUMENTS = 12  # over MIN_TASKS_FOR_POOL, so the pool is really used
assert DOCUMENTS >= executors.MIN_TASKS_FOR_POOL


def _square(x: int) -> int:
    return x * x


def _raise_on_3(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x * x


def _die_on_3(x: int) -> int:
    if x == 3:
        os._exit(1)  # the worker process dies, as on a segfault or an out-of-memory kill
    return x * x


def _failed(task: int, err: BaseException) -> int:
    return -task


class _CountingPool(executors.ProcessPoolExecutor):
    made = 0

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        type(self).made += 1
        super().__init__(*args, **kwargs)


@pytest.fixture
def counting_pool(monkeypatch: pytest.MonkeyPatch) -> type[_CountingPool]:
    _CountingPool.made = 0
    monkeypatch.setattr(executors, "ProcessPoolExecutor", _CountingPool)
    return _CountingPool


@pytest.fixture
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """void.ttl's build time fixed, so every output file can be compared byte for byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _cli_build(docs: Path, out: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["build", str(docs), "--out", str(out), "-q", *args])
    assert result.exit_code == 0, result.output


@pytest.fixture
def clean_build(tmp_path: Path, fixed_time: None) -> tuple[Path, dict[str, bytes]]:
    """Invented documents and the outputs of a clean single-process build of them."""
    docs = tmp_path / "docs"
    write_minutes(docs, DOCUMENTS)
    _cli_build(docs, tmp_path / "clean", "--jobs", "1", "--no-cache")
    return docs, _outputs(tmp_path / "clean")


# -- run_map ----------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_map_keeps_the_order_of_the_tasks(jobs: int, counting_pool) -> None:
    assert executors.run_map(_square, list(range(20)), jobs=jobs) == [x * x for x in range(20)]
    assert counting_pool.made == (1 if jobs == 2 else 0)


def test_few_tasks_run_in_this_process(counting_pool) -> None:
    tasks = list(range(executors.MIN_TASKS_FOR_POOL - 1))
    assert executors.run_map(_square, tasks, jobs=2) == [x * x for x in tasks]
    assert counting_pool.made == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_task_costs_only_itself(jobs: int) -> None:
    got = executors.run_map(_raise_on_3, list(range(10)), jobs=jobs, failed=_failed)
    assert got == [0, 1, 4, -3, 16, 25, 36, 49, 64, 81]
    with pytest.raises(ValueError, match="three"):
        executors.run_map(_raise_on_3, list(range(10)), jobs=jobs)


def test_a_worker_that_dies_costs_only_its_task(counting_pool) -> None:
    got = executors.run_map(_die_on_3, list(range(12)), jobs=2, failed=_failed)
    assert got == [-3 if x == 3 else x * x for x in range(12)]
    assert counting_pool.made >= 2  # the broken pool was replaced


def test_progress_is_told_every_tenth_and_at_the_end() -> None:
    told: list[tuple[int, int]] = []
    executors.run_map(_square, list(range(25)), jobs=1, progress=lambda d, t: told.append((d, t)))
    assert told == [(d, 25) for d in (2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 25)]


def test_an_unknown_executor_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown executor 'threads'"):
        executors.run_map(_square, [1], executor="threads")


def test_available_cores_is_at_least_one() -> None:
    assert executors.available_cores() >= 1


# -- the build on each executor ---------------------------------------------------------------


def test_jobs_2_is_byte_identical_to_one_process(clean_build, tmp_path: Path, counting_pool):
    docs, clean = clean_build
    _cli_build(docs, tmp_path / "pool", "--jobs", "2", "--no-cache")
    assert counting_pool.made == 1
    assert _outputs(tmp_path / "pool") == clean


@pytest.mark.usefixtures("forking")  # (defined below, with Beside's own tests)
@pytest.mark.parametrize("most", [None, 0])
def test_the_views_and_the_quad_formats_are_written_beside_only_for_a_graph_small_enough(
    clean_build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, most: int | None
) -> None:
    """With --jobs 2 the views, and the quad formats (TriG), are written in forked
    processes while the graph fits under BESIDE_MAX_QUADS, else in the build's own
    process; the bytes are the same."""
    docs, clean = clean_build
    if most is not None:
        monkeypatch.setattr(build_module, "BESIDE_MAX_QUADS", most)
    log = tmp_path / "written-in"  # a file: a forked process's lists are its own

    def spy(name, real):  # type: ignore[no-untyped-def]
        def called(*args, **kwargs):  # type: ignore[no-untyped-def]
            formats = ",".join(kwargs.get("formats", ()))
            with log.open("a") as f:
                f.write(f"{name}{formats} {os.getpid()}\n")
            return real(*args, **kwargs)

        return called

    monkeypatch.setattr(build_module, "_write_views", spy("views", build_module._write_views))
    serialise = importlib.import_module("graphkit.serialise")
    monkeypatch.setattr(serialise, "write_formats", spy("formats:", serialise.write_formats))
    _cli_build(docs, tmp_path / "out", "--jobs", "2", "--no-cache")
    where = dict(line.split() for line in log.read_text().splitlines())
    assert set(where) == {"views", "formats:turtle", "formats:trig"}
    here = {what for what, pid in where.items() if int(pid) == os.getpid()}
    assert here == (
        {"views", "formats:turtle", "formats:trig"} if most == 0 else {"formats:turtle"}
    )
    assert _outputs(tmp_path / "out") == clean


def test_a_crashed_worker_names_its_file_and_the_build_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    write_minutes(docs, DOCUMENTS)
    monkeypatch.setattr(build_module, "process_document", _crash_on_minutes_004)
    result = graphkit.build(docs, jobs=2, cache=False)
    assert [p.source for p in result.problems] == ["minutes-004.md"]
    assert "its worker failed (BrokenProcessPool" in str(result.problems[0])
    assert len(result.documents) == DOCUMENTS - 1


def _crash_on_minutes_004(task: DocumentTask) -> DocumentResult:
    if task.source == "minutes-004.md":
        os._exit(1)
    return process_document(task)


def test_dask_local_cluster_is_byte_identical_to_one_process(clean_build, tmp_path: Path):
    distributed = pytest.importorskip("dask.distributed", reason="pip install graphkit[dask]")
    docs, clean = clean_build
    # workers as threads of this process: quick to start, and the threads' time limit is used
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        out = tmp_path / "dask"
        _cli_build(
            docs, out, "--executor", "dask", "--scheduler", cluster.scheduler_address, "--no-cache"
        )
    assert _outputs(out) == clean


def test_incremental_rebuild_redoes_only_the_new_document(
    clean_build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_dir: Path
) -> None:
    docs, _ = clean_build
    first = graphkit.build(docs, jobs=2)
    assert first.cache_stats == {"misses": DOCUMENTS, "written": DOCUMENTS}
    (new,) = write_minutes(docs, 1, start=DOCUMENTS)
    processed: list[str] = []

    def spy(task: DocumentTask) -> DocumentResult:
        processed.append(task.source)
        return process_document(task)

    monkeypatch.setattr(build_module, "process_document", spy)
    _cli_build(docs, tmp_path / "incremental", "--jobs", "2")
    assert processed == [new.name]
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    _cli_build(docs, tmp_path / "clean-again", "--jobs", "1", "--no-cache")
    assert _outputs(tmp_path / "incremental") == _outputs(tmp_path / "clean-again")
    assert cache_dir.is_dir()


@pytest.mark.slow
def test_dask_without_a_scheduler_starts_a_local_cluster_of_processes() -> None:
    pytest.importorskip("dask.distributed", reason="pip install graphkit[dask]")
    got = executors.run_map(_raise_on_3, list(range(6)), executor="dask", jobs=2, failed=_failed)
    assert got == [0, 1, 4, -3, 16, 25]


def test_a_build_all_from_the_cache_starts_no_workers(tmp_path: Path, counting_pool) -> None:
    docs = tmp_path / "docs"
    write_minutes(docs, DOCUMENTS)
    first = graphkit.build(docs, jobs=2)
    assert counting_pool.made == 1
    # no scheduler is there to be reached, and none needs to be
    again = graphkit.build(docs, executor="dask", scheduler="tcp://127.0.0.1:9")
    assert again.cache_stats == {"hits": DOCUMENTS}
    assert counting_pool.made == 1
    assert len(again.dataset) == len(first.dataset)


class _BreaksWhileSubmitting:
    """A pool whose second submit finds it broken: a worker died while the tasks were
    still being handed out (a race a loaded machine makes likely)."""

    def __init__(self, max_workers: int) -> None:
        self.submitted = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn, task):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        self.submitted += 1
        if self.submitted > 1:
            raise BrokenProcessPool("a child process terminated abruptly")
        done: Future = Future()
        done.set_result(fn(task))
        return done


def test_a_pool_broken_while_tasks_are_handed_out_loses_none(monkeypatch) -> None:
    monkeypatch.setattr(executors, "ProcessPoolExecutor", _BreaksWhileSubmitting)
    failed = []
    got = executors._in_pool(
        abs, [-1, -2, -3, -4], 2, lambda: None, lambda task, err: failed.append(task)
    )
    assert got == [1, 2, 3, 4] and failed == []


# -- Beside: one piece of work in a second process ---------------------------------------------
@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Beside forks, though this test process may run threads other tests left (Dask's):
    idle, they hold no lock the work here needs."""
    if not sys.platform.startswith("linux"):
        pytest.skip("Beside forks only on Linux")
    monkeypatch.setattr(executors, "_can_fork", lambda: True)


needs_fork = pytest.mark.usefixtures("forking")


@needs_fork
def test_beside_runs_in_another_process_and_returns_its_result() -> None:
    with executors.Beside(os.getpid, jobs=2) as other:
        here = os.getpid()
    assert other.result() != here
    assert other.result() == other.result()  # asked twice, run once


@needs_fork
def test_beside_with_one_job_runs_here() -> None:
    with executors.Beside(os.getpid, jobs=1) as other:
        pass
    assert other.result() == os.getpid()


def test_beside_runs_here_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()  # a second thread: forking would copy only this one
    try:
        with executors.Beside(os.getpid, jobs=2) as other:
            pass
        assert other.result() == os.getpid()
    finally:
        stop.set()
        thread.join()


def _raise() -> None:
    raise OutputError("no room on the disk for view.html")


@needs_fork
def test_beside_raises_the_error_of_the_other_process_here() -> None:
    with executors.Beside(_raise, jobs=2) as other:
        pass
    with pytest.raises(OutputError, match="no room on the disk for view.html"):
        other.result()


@needs_fork
def test_beside_runs_again_here_when_the_other_process_dies() -> None:
    parent = os.getpid()

    def die_unless_here() -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return os.getpid()

    lost: list[int] = []
    with executors.Beside(die_unless_here, jobs=2, lost=lost.append) as other:
        pass
    assert other.result() == parent
    assert lost == [-signal.SIGKILL]


@needs_fork
def test_beside_runs_here_when_no_process_can_be_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing.process

    def refuse(self) -> None:  # type: ignore[no-untyped-def]
        raise OSError(11, "Resource temporarily unavailable")  # fork's EAGAIN

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    with executors.Beside(os.getpid, jobs=2) as other:
        pass
    assert other.result() == os.getpid()


def _beside_pids() -> tuple[int, int]:
    with executors.Beside(os.getpid, jobs=2) as other:
        pass
    return other.result(), os.getpid()


@needs_fork
def test_beside_in_a_daemonic_worker_runs_there() -> None:
    """A pool's workers are daemonic and may start no process: the work is done in the
    worker, not failed."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        ran_in, worker = pool.apply(_beside_pids)
    assert ran_in == worker != os.getpid()


@needs_fork
def test_beside_says_when_a_result_does_not_pickle() -> None:
    with executors.Beside(lambda: threading.Lock(), jobs=2) as other:
        pass
    with pytest.raises(RuntimeError, match="did not pickle"):
        other.result()


@needs_fork
def test_leaving_beside_by_an_error_stops_the_other_process(tmp_path: Path) -> None:
    started = tmp_path / "pid"

    def wait_long() -> None:
        started.write_text(str(os.getpid()))
        time.sleep(600)

    with pytest.raises(KeyError), executors.Beside(wait_long, jobs=2):
        deadline = time.monotonic() + 60
        while not (started.exists() and started.read_text()) and time.monotonic() < deadline:
            time.sleep(0.01)
        raise KeyError("the writer of the graph files failed")
    with pytest.raises(ProcessLookupError):  # stopped and reaped, not left running
        os.kill(int(started.read_text()), 0)


def _before_write_view(monkeypatch: pytest.MonkeyPatch, before) -> None:  # type: ignore[no-untyped-def]
    """``before(on_warning)`` run by ``graphkit.view.write_view`` before it writes."""
    from graphkit import view

    real = view.write_view

    def write_view(quads, path, *, on_warning):  # type: ignore[no-untyped-def]
        before(on_warning)
        return real(quads, path, on_warning=on_warning)

    monkeypatch.setattr(view, "write_view", write_view)


@needs_fork
def test_the_views_are_written_beside_and_their_warnings_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    made_in: list[str] = []
    _before_write_view(
        monkeypatch,
        lambda say: say(f"made in the {'same' if os.getpid() == parent else 'other'} process"),
    )
    docs = tmp_path / "docs"
    write_minutes(docs, 3)
    result = graphkit.build(docs, jobs=1, cache=False)
    for jobs in (1, 2):
        said: list[str] = []
        graphkit.write_outputs(result, tmp_path / f"out{jobs}", jobs=jobs, progress=said.append)
        made_in += [s for s in said if s.startswith("made in")]
        assert (tmp_path / f"out{jobs}" / "view.html").exists()
        assert (tmp_path / f"out{jobs}" / "network.html").exists()
    assert made_in == ["made in the same process", "made in the other process"]
    for name in ("view.html", "network.html", "graph.trig", "summary.json"):
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()


@needs_fork
def test_views_whose_process_dies_are_written_here_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()

    def die_unless_here(say: object) -> None:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would

    _before_write_view(monkeypatch, die_unless_here)
    docs = tmp_path / "docs"
    write_minutes(docs, 2)
    said: list[str] = []
    result = graphkit.build(docs, jobs=1, cache=False)
    graphkit.write_outputs(result, tmp_path / "out", jobs=2, progress=said.append)
    assert (tmp_path / "out" / "view.html").stat().st_size > 0
    assert (tmp_path / "out" / "network.html").stat().st_size > 0
    assert any("ended with exit code -9" in s and "writing them in this one" in s for s in said)
