"""Long runs of one kind of text, at two sizes: is the build's cost linear in them?

    .venv/bin/python benchmarks/bench_runs.py [--words 2000 8000] [SHAPE ...]

A regular expression that tries a long run of words from each of its words (a run of
capitalised words joined by hyphens, a line with no space in it) costs the square of the
run's length; real records hold such runs (a flattened table, a list of names joined by
slashes). For each shape, one document of ``--words`` words of it is built (``graphkit
build``, one process, no cache, no outputs) at each size; the script prints the seconds
and the ratio of the last size's time to the first's, with the ratio of the sizes beside
it: linear cost gives about the size ratio (4 for 2,000 and 8,000 words), quadratic its
square (16). Each shape is a line of invented words; nothing is read from elsewhere.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.build import build  # noqa: E402

_NAMES = ("Alpha", "Beta", "Gamma", "Delta", "Smith", "Jones")
_WORDS = (*_NAMES, "Council", "Board", "Committee", "Programme", "Fund", "Cllr", "Mr", "The")
_HEAD = "Minutes of the Council\n\n"


def _shapes(rng: random.Random) -> dict[str, Callable[[int], str]]:
    def names(n: int, sep: str = " ") -> str:
        return sep.join(rng.choice(_NAMES) for _ in range(n))

    def words(n: int, sep: str = " ") -> str:
        return sep.join(rng.choice(_WORDS) for _ in range(n))

    return {
        "capitalised": lambda n: names(n),
        "hyphens": lambda n: names(n, "-"),
        "slashes": lambda n: names(n, "/"),
        "commas": lambda n: names(n, ", "),
        "ands": lambda n: words(n, " and "),
        "tabs": lambda n: names(n, "\t"),
        "mixed": lambda n: words(n),
        "councillors": lambda n: " ".join(f"Cllr {rng.choice(_NAMES)}" for _ in range(n // 2)),
        "initials": lambda n: " ".join(
            f"{rng.choice('ABCDE')}. {rng.choice(_NAMES)}" for _ in range(n // 2)
        ),
        "possessives": lambda n: " ".join(f"{rng.choice(_NAMES)}'s" for _ in range(n)),
        "programmes": lambda n: " ".join(f"{rng.choice(_NAMES)} Programme" for _ in range(n // 2)),
        "capitals": lambda n: names(n).upper(),
        "one-word": lambda n: "A" + "a" * (6 * n),
        "dots": lambda n: "Item " + "." * (6 * n) + " 12",
        "numbers": lambda n: " ".join(str(rng.randint(1, 99)) for _ in range(n)),
    }


def _seconds(text: str) -> float:
    with tempfile.TemporaryDirectory(prefix="graphkit-runs-") as folder:
        (Path(folder) / "run.txt").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        build([folder], jobs=1, cache=False)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--words", type=int, nargs=2, default=(2000, 8000), metavar=("FEW", "MANY"))
    parser.add_argument("shapes", nargs="*", help="shapes to run (default: every one)")
    args = parser.parse_args()
    shapes = _shapes(random.Random(1))
    unknown = sorted(set(args.shapes) - set(shapes))
    if unknown:
        parser.error(f"unknown shape(s) {', '.join(unknown)}; one of {', '.join(shapes)}")
    few, many = args.words
    print(f"| shape | {few:,} words (s) | {many:,} words (s) | ratio (sizes: {many / few:.0f}) |")
    print("|---|--:|--:|--:|")
    for name in args.shapes or shapes:
        small = _seconds(_HEAD + shapes[name](few) + "\n")
        large = _seconds(_HEAD + shapes[name](many) + "\n")
        print(
            f"| {name} | {small:.2f} | {large:.2f} | {large / max(small, 0.01):.1f} |", flush=True
        )


if __name__ == "__main__":
    main()
