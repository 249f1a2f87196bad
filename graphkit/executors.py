"""Run the build's map (one function over many documents) in this process, in a pool of
worker processes, or on a Dask cluster. The results come back in the order of the tasks,
whichever finished first; a worker that dies costs its own task, not the others.

:class:`Beside` runs one more piece of work (the write stage's views) in a second
process while this one goes on with the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Generic, TypeVar, cast

from .errors import ConfigError

__all__ = ["EXECUTORS", "MIN_TASKS_FOR_POOL", "Beside", "available_cores", "run_map"]

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]  # (done, total)
Failed = Callable[[Any, BaseException], Any]  # (task, what went wrong) -> its result

EXECUTORS = ("process", "dask")
#: fewer tasks than this run in this process: starting workers would cost more
MIN_TASKS_FOR_POOL = 8


def available_cores() -> int:
    """The processors this process may run on (not all the machine has, in a container)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_map(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    *,
    jobs: int | None = None,
    executor: str = "process",
    scheduler: str | None = None,
    progress: Progress | None = None,
    failed: Callable[[T, BaseException], R] | None = None,
) -> list[R]:
    """``[fn(t) for t in tasks]``, in parallel.

    In this process when ``jobs`` is 1 or there are fewer than
    :data:`MIN_TASKS_FOR_POOL` tasks; else in a :class:`ProcessPoolExecutor` of ``jobs``
    workers (default: every core this process may use), or on Dask with
    ``executor="dask"``: the scheduler at ``scheduler``, or a local cluster of ``jobs``
    worker processes. ``fn`` and the tasks must pickle, and on a cluster the workers
    must have graphkit installed and see the same files.

    A task whose worker fails (an exception, a process killed) becomes
    ``failed(task, error)``; without ``failed`` the error is raised. ``progress`` is
    called with (done, total) every tenth of the way, at most every 100 tasks, and at
    the end.
    """
    if executor not in EXECUTORS:
        raise ConfigError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    if not tasks:  # every document from the cache: no workers to start
        return []
    jobs = jobs or available_cores()
    tick = _ticker(len(tasks), progress)
    if executor == "dask":
        return _on_dask(fn, tasks, jobs, scheduler, tick, failed)
    if jobs == 1 or len(tasks) < MIN_TASKS_FOR_POOL:
        return [_call(fn, t, failed, tick) for t in tasks]
    return _in_pool(fn, tasks, jobs, tick, failed)


def _ticker(total: int, progress: Progress | None) -> Callable[[], None]:
    step = max(1, min(100, round(total / 10)))
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and (done % step == 0 or done == total):
            progress(done, total)

    return tick


def _call(
    fn: Callable[[T], R],
    task: T,
    failed: Callable[[T, BaseException], R] | None,
    tick: Callable[[], None],
) -> R:
    try:
        result = fn(task)
    except Exception as err:
        if failed is None:
            raise
        result = failed(task, err)
    tick()
    return result


def _in_pool(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    jobs: int,
    tick: Callable[[], None],
    failed: Callable[[T, BaseException], R] | None,
) -> list[R]:
    """Rounds of a process pool over the tasks not done yet. A worker that dies breaks
    the pool and every task still in it; those are run again in a new pool, and when a
    round finishes none of them, one at a time until the one that kills its worker is
    found (it alone becomes ``failed``)."""
    results: dict[int, R] = {}
    todo = list(range(len(tasks)))
    while todo:
        crash = _round(fn, tasks, todo, jobs, results, tick, failed)
        left = [i for i in todo if i not in results]
        if crash is not None and len(left) == len(todo):  # no progress: find the culprit
            for i in left:
                crash = _round(fn, tasks, [i], 1, results, tick, failed)
                if crash is not None:
                    results[i] = _fail(tasks[i], crash, failed)
                    tick()
                    break
            left = [i for i in todo if i not in results]
        todo = left
    return [results[i] for i in range(len(tasks))]


def _round(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    todo: Sequence[int],
    jobs: int,
    results: dict[int, R],
    tick: Callable[[], None],
    failed: Callable[[T, BaseException], R] | None,
) -> BrokenProcessPool | None:
    """One pool over ``todo``, into ``results``; the error if a worker died."""
    crash: BrokenProcessPool | None = None
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
        index: dict[Future[R], int] = {}
        for i in todo:
            try:
                index[pool.submit(fn, tasks[i])] = i
            except BrokenProcessPool as err:
                # a worker died while tasks were still being handed out: the rest wait
                # for the next round, as the tasks the broken pool held do
                crash = err
                break
        for fut in as_completed(index):
            i = index[fut]
            try:
                results[i] = fut.result()
            except BrokenProcessPool as err:
                crash = err
                continue
            except Exception as err:
                results[i] = _fail(tasks[i], err, failed)
            tick()
    return crash


def _fail(task: T, err: BaseException, failed: Callable[[T, BaseException], R] | None) -> R:
    if failed is None:
        raise err
    return failed(task, err)


def _on_dask(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    jobs: int,
    scheduler: str | None,
    tick: Callable[[], None],
    failed: Callable[[T, BaseException], R] | None,
) -> list[R]:
    """The tasks on Dask: the scheduler at ``scheduler``, else a local cluster of ``jobs``
    single-threaded worker processes, started and stopped here."""
    import importlib

    try:  # untyped: held as Any
        distributed: Any = importlib.import_module("dask.distributed")
    except ImportError as err:
        raise ConfigError(
            "--executor dask needs dask.distributed: pip install 'graphkit[dask]'"
        ) from err
    cluster = None
    if scheduler:
        client = distributed.Client(scheduler)
    else:
        cluster = distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
    try:
        futures = client.map(fn, list(tasks), pure=False)
        index = {fut.key: i for i, fut in enumerate(futures)}
        results: dict[int, R] = {}
        for fut in distributed.as_completed(futures):
            i = index[fut.key]
            try:
                results[i] = fut.result()
            except Exception as err:  # the task raised, or its worker was lost (KilledWorker)
                results[i] = _fail(tasks[i], err, failed)
            tick()
        return [results[i] for i in range(len(tasks))]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- one piece of work beside this process ---------------------------------------------------
class Beside(Generic[R]):
    """``fn()`` in a forked process while this one goes on; :meth:`result` waits for it.

    >>> with Beside(lambda: 6 * 7, jobs=2) as other:
    ...     mine = 1
    >>> other.result() + mine
    43

    The forked process sees this one's memory as it was at the start (copied only where
    either writes), so ``fn`` needs nothing sent to it; its result, or the error it
    raised, comes back pickled and is returned, or raised, by :meth:`result`.

    ``fn`` runs here instead, when :meth:`result` is called: when ``jobs`` is 1, where
    processes are not forked (only on Linux are they here), while other threads run in
    this process (a fork copies only the calling thread: a lock another one held would
    stay held in the copy), and when the fork fails (a process limit, no memory, or
    this is a daemonic worker, which may start none). If the forked process dies
    without an answer (killed, out of memory), ``lost`` is told its exit code (minus
    the signal that ended it) and ``fn`` is run again here. Leaving the ``with`` block
    waits for the forked process; leaving it by an error stops it.
    """

    def __init__(
        self,
        fn: Callable[[], R],
        *,
        jobs: int | None = None,
        lost: Callable[[int], None] | None = None,
    ) -> None:
        self._fn = fn
        self._lost = lost  # told the exit code of a forked process that died unanswered
        self._forked = (jobs or available_cores()) > 1 and _can_fork()
        self._proc: Any = None
        self._conn: Any = None
        self._answer: tuple[bool, Any] | None = None

    def __enter__(self) -> Beside[R]:
        if self._forked:
            ctx = multiprocessing.get_context("fork")
            self._conn, sending = ctx.Pipe(duplex=False)
            # what this process has buffered would be written twice, by the copy too
            sys.stdout.flush()
            sys.stderr.flush()
            proc: Any = ctx.Process(target=_answer, args=(self._fn, sending), daemon=True)
            try:
                proc.start()
            except (OSError, AssertionError):  # no fork to be had (process limit, memory),
                self._conn.close()  # or this is a daemonic process, which may have none:
                proc = None  # the work is done here
            sending.close()  # the copy holds the only sending end: its death ends the pipe
            self._proc = proc
        return self

    def result(self) -> R:
        """What ``fn()`` returned (its error raised here)."""
        if self._answer is None and self._proc is not None:
            self._answer = self._wait()
        if self._answer is None:  # not forked, or the fork died: here
            self._answer = (True, self._fn())
        ok, value = self._answer
        if not ok:
            raise cast(BaseException, value)
        return cast(R, value)

    def _wait(self) -> tuple[bool, Any] | None:
        proc, self._proc = self._proc, None
        answer: tuple[bool, Any] | None = None
        try:
            answer = self._conn.recv()
        except EOFError:  # it died without answering
            pass
        finally:
            self._conn.close()
            proc.join()
        if answer is None and self._lost is not None:
            self._lost(proc.exitcode)
        return answer

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._proc is None:
            return
        if kind is None:  # left with the result not yet asked for: wait for it
            self._answer = self._wait()
            return
        self._proc.terminate()  # left by an error: its work is not wanted
        self._proc.join()
        self._conn.close()
        self._proc = None


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _answer(fn: Callable[[], Any], conn: Any) -> None:
    """In the forked process: ``fn()``'s result, or its error, sent back."""
    try:
        answer: tuple[bool, Any] = (True, fn())
    except BaseException as err:  # noqa: BLE001 - every error goes back to be raised there
        answer = (False, err)
    try:
        conn.send(answer)
    except Exception as err:  # a result or error that does not pickle
        what = "".join(traceback.format_exception(answer[1])) if not answer[0] else "its result"
        conn.send((False, RuntimeError(f"{what}\ndid not pickle: {err}")))
    finally:
        conn.close()
