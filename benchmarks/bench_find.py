"""Words per second of spaCy's blank English tokenizer and of graphkit's find stage.

    .venv/bin/python benchmarks/bench_find.py [--corpus /work/shared/corpus/pages] [--runs 3]

For the seeds (``seeds/``) and, if it exists, a folder of page text (``--corpus``):
reads and segments the documents once, then times, best of ``--runs``:

1. ``spacy.blank("en").make_doc`` over every document's text: the tokenizer alone;
2. the pipeline of :func:`graphkit.extract.make_pipeline` (tokenizer + the three
   components) over the same texts, once per text: one pass of the find stage;
3. :func:`graphkit.extract.link_evidence` alone (what linking weighs beside the mentions:
   regular expressions over the text, no spaCy);
4. :func:`graphkit.extract.extract` as it is (gazetteer, two passes of the pipeline,
   :func:`graphkit.extract.link_evidence`).

and the share of (4) spent in the tokenizer (two tokenisations per document).

Words are whitespace-separated tokens of ``Document.text``. The figures in
docs/architecture.md ("spaCy: what it is used for, and why") come from this script.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402

from graphkit.documents import read_paths  # noqa: E402
from graphkit.extract import extract, link_evidence, make_pipeline, unwrap  # noqa: E402
from graphkit.segment import segment  # noqa: E402
from graphkit.segment.text import plain  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(folder: Path, runs: int) -> None:
    docs, _problems = read_paths([folder])
    meetings = [rec for d in docs for rec in segment(d)]
    texts = [unwrap(plain(d.text)) for d in docs]
    words = sum(len(d.text.split()) for d in docs)
    blank = spacy.blank("en")
    piped = make_pipeline()
    for nlp in (blank, piped):
        nlp.max_length = max([nlp.max_length, *(len(t) + 1 for t in texts)])

    def tokenise() -> None:
        for t in texts:
            blank.make_doc(t)

    def one_pass() -> None:
        for t in texts:
            piped(t)

    def find() -> None:
        extract(docs, meetings)

    mentions = extract(docs, meetings)  # link_evidence is timed given these mentions

    def weigh() -> None:
        link_evidence(docs, meetings, mentions)

    print(f"{folder}: {len(docs)} documents, {words:,} words")
    seconds: dict[str, float] = {}
    for label, work in (
        ("blank spaCy tokenizer alone", tokenise),
        ("tokenizer + graphkit components, one pass", one_pass),
        ("link_evidence alone (no spaCy)", weigh),
        ("graphkit find stage (extract), as it is", find),
    ):
        seconds[label] = took = _best(runs, work)
        print(f"  {label:<44} {took:8.3f} s  {words / took:>12,.0f} words/s")
    share = 2 * seconds["blank spaCy tokenizer alone"] / seconds[label]
    print(f"  tokenizer's share of the find stage (two tokenisations): {share:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus/pages"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    measure(ROOT / "seeds", args.runs)
    if args.corpus.is_dir():
        measure(args.corpus, args.runs)


if __name__ == "__main__":
    main()
