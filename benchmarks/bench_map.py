"""Documents per second of the build's map (read, layout, find) with one and two workers, and
from the result cache.

    .venv/bin/python benchmarks/bench_map.py [--corpus CORPUS] [--runs 3]

For the seeds (``seeds/``) and, if it exists, the folder ``--corpus``: times
:func:`graphkit.build.map_documents` (list the files, read each, lay it out, find in it), best of
``--runs``, with ``jobs=1`` (in this process), ``jobs=2`` (a pool of two worker
processes; a folder of fewer than 8 files stays in this process) and from a warm
result cache (in a temporary folder; the user's cache is not touched). The reduce
(resolve, link, graph) and the writing are not timed here: ``BuildResult.timings`` holds
them, and benchmarks/run.py prints them per stage.

Words are whitespace-separated tokens of ``Document.text``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.build import map_documents  # noqa: E402
from graphkit.cache import ResultCache  # noqa: E402
from graphkit.documents import Limits  # noqa: E402
from graphkit.executors import available_cores  # noqa: E402
from graphkit.perdocument import DocumentResult  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _best(runs: int, work: Callable[[], list[DocumentResult]]) -> tuple[float, int, int]:
    """Best seconds of ``runs``, and the documents read and their words (of the last)."""
    times = []
    results: list[DocumentResult] = []
    for _ in range(runs):
        start = time.perf_counter()
        results = work()
        times.append(time.perf_counter() - start)
    docs = [r.document for r in results if r.document is not None]
    return min(times), len(docs), sum(len(d.text.split()) for d in docs)


def measure(folder: Path, runs: int) -> None:
    limits = Limits()
    print(f"{folder}  ({available_cores()} core(s) available)")
    print(
        f"  {'map':<16} {'documents':>9} {'words':>9} {'seconds':>8} {'docs/s':>8} {'words/s':>9}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-map-cache-") as cache_folder:
        warm = ResultCache(cache_folder)
        map_documents([folder], limits=limits, jobs=1, cache=warm)  # fill it
        cases: list[tuple[str, Callable[[], list[DocumentResult]]]] = [
            ("jobs 1", lambda: map_documents([folder], limits=limits, jobs=1)),
            ("jobs 2", lambda: map_documents([folder], limits=limits, jobs=2)),
            (
                "cached",
                lambda: map_documents([folder], limits=limits, cache=ResultCache(cache_folder)),
            ),
        ]
        for name, work in cases:
            seconds, docs, words = _best(runs, work)
            print(
                f"  {name:<16} {docs:>9} {words:>9} {seconds:>8.2f} "
                f"{docs / seconds:>8.1f} {words / seconds:>9,.0f}"
            )


def _corpus_default(part: str) -> Path | None:
    """The real-records corpus (not part of the repository) where GRAPHKIT_CORPUS points."""
    root = os.environ.get("GRAPHKIT_CORPUS")
    return Path(root) / part if root else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=_corpus_default(""))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    measure(ROOT / "seeds", args.runs)
    if args.corpus is None or not args.corpus.is_dir():
        where = f" at {args.corpus}" if args.corpus else ""
        print(f"no real-records corpus{where}: give --corpus or set GRAPHKIT_CORPUS")
    else:
        measure(args.corpus, args.runs)


if __name__ == "__main__":
    main()
