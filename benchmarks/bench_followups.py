"""Time the follow-up stage (requests to answers, work programmes to minutes) against the
whole graph stage, on the seeds and, if given, another folder.

    .venv/bin/python benchmarks/bench_followups.py [--paths CORPUS] [--runs 3]

Builds once per folder (read, lay out, find, link), then times, best of ``--runs``, per
council: ``graph.to_dataset`` as it is, and ``graph.followups.add_followups`` alone on a
fresh builder. Prints seconds and the follow-up stage's share of the graph stage.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import graphkit  # noqa: E402
from graphkit.graph import to_dataset  # noqa: E402
from graphkit.graph.builder import Builder  # noqa: E402
from graphkit.graph.followups import add_followups  # noqa: E402
from graphkit.iris import Iris  # noqa: E402
from graphkit.vocab import DEFAULT_BASE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _best(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def bench(path: Path, runs: int) -> None:
    result = graphkit.build(path)
    docs, meetings, linked = result.documents, result.meetings, result.linked
    council = result.council.split("; ")[0] if "; " not in result.council else "Unknown Council"

    def graph_stage() -> None:
        to_dataset(docs, meetings, linked, council=council)

    def followups_only() -> None:
        add_followups(
            Builder(docs, linked, Iris(DEFAULT_BASE), council, meetings), docs, meetings, linked
        )

    g, f = _best(graph_stage, runs), _best(followups_only, runs)
    print(f"{path}: graph stage {g:.3f} s, follow-ups {f:.3f} s ({100 * f / g:.0f} % of it)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--paths", type=Path, nargs="*", default=[])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    for path in [ROOT / "seeds", *args.paths]:
        bench(path, args.runs)


if __name__ == "__main__":
    main()
