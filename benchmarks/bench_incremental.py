"""A rebuild after one document is added, against the clean build: what the result cache
saves.

    .venv/bin/python benchmarks/bench_incremental.py [--docs 300] [--jobs 1]

Generates ``--docs`` documents and one more (``benchmarks/generate.py``, seed 1), then, in
a temporary cache folder: a clean build of the ``--docs`` (``graphkit build``, cache
filled), and a rebuild after the extra document is copied in (every other document from
the cache). Prints both times, the rebuild's share of the clean build, the stage
timings of each, and whether the rebuild's graph is byte-identical to a clean build of
the same folder without the cache.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from graphkit.build import build, write_outputs  # noqa: E402
from graphkit.result import BuildResult  # noqa: E402


def _timed_build(folder: Path, out: Path, jobs: int, cache: bool) -> tuple[float, BuildResult]:
    started = time.perf_counter()
    result = build([folder], jobs=jobs, cache=cache)
    write_outputs(result, out, view=True, jobs=jobs)
    return time.perf_counter() - started, result


def _stages(result: BuildResult) -> str:
    return ", ".join(f"{k} {v:.1f}" for k, v in result.timings.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="graphkit-incremental-") as tmp:
        root = Path(tmp)
        os.environ["GRAPHKIT_CACHE_DIR"] = str(root / "cache")
        generate(args.docs + 1, root / "all", seed=1)
        folder = root / "in"
        folder.mkdir()
        files = sorted(p for p in (root / "all").iterdir() if not p.name.startswith("."))
        for p in files[:-1]:
            shutil.copy(p, folder / p.name)
        clean, first = _timed_build(folder, root / "out1", args.jobs, cache=True)
        shutil.copy(files[-1], folder / files[-1].name)
        again, second = _timed_build(folder, root / "out2", args.jobs, cache=True)
        _, fresh = _timed_build(folder, root / "out3", args.jobs, cache=False)
        same = all(
            filecmp.cmp(root / "out2" / name, root / "out3" / name, shallow=False)
            for name in ("graph.trig", "graph.ttl", "summary.json")
        )
        print(f"{args.docs} documents, --jobs {args.jobs}, views written")
        print(f"  clean build        {clean:6.1f} s  ({_stages(first)})")
        print(f"  +1 document, cache {again:6.1f} s  ({_stages(second)})")
        print(f"  share              {again / clean:6.2f} of the clean build")
        print(f"  cache              {second.cache_stats}")
        print(f"  byte-identical to a clean build without the cache: {same}")
        del fresh


if __name__ == "__main__":
    main()
