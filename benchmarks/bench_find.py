"""Words per second of graphkit's find stage, of its parts, and of spaCy's tokenizer.

    .venv/bin/python benchmarks/bench_find.py [--corpus CORPUS/pages] [--runs 3]
    .venv/bin/python benchmarks/bench_find.py --large   # also one text of the corpus, ~1 MB

For the seeds (``seeds/``) and, if it exists, a folder of page text (``--corpus``):
reads and segments the documents once, then times, best of ``--runs``:

1. ``spacy.blank("en").tokenizer`` over every document's text, if spaCy is installed:
   what one tokenisation per document would add to the stage, which reads texts without
   spaCy (docs/architecture.md says why);
2. the map, :func:`graphkit.find.find_in_document` over every document;
3. the reduce, :meth:`graphkit.find.Gazetteer.from_findings`;
4. :func:`graphkit.find.resolve` over every document (the gazetteer's automata built
   once, as the stage does);
5. :func:`graphkit.find.link_evidence` alone (what linking weighs beside the mentions);
6. :func:`graphkit.find.extract`, the whole stage;

and what share of (6) one tokenisation per document would be. With ``--large``, the corpus texts joined
into one document of about 1 MB (repeated until it is) are timed through the whole stage
at half and full size: near-linear cost keeps the words/s about the same.

Words are whitespace-separated tokens of ``Document.text``. The figures in
docs/architecture.md ("The find stage, and why it no longer uses spaCy") come from
this script.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.documents import read_paths  # noqa: E402
from graphkit.find import (  # noqa: E402
    Gazetteer,
    extract,
    find_in_document,
    link_evidence,
    resolve,
    unwrap,
)
from graphkit.model import Document, MeetingRecord  # noqa: E402
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


def _records(
    docs: Sequence[Document], meetings: Sequence[MeetingRecord]
) -> list[list[MeetingRecord]]:
    return [[m for m in meetings if m.source == d.source] for d in docs]


def measure(folder: Path, runs: int) -> None:
    docs, _problems = read_paths([folder])
    meetings = [rec for d in docs for rec in segment(d)]
    records = _records(docs, meetings)
    pairs = list(zip(docs, records, strict=True))
    texts = [unwrap(plain(d.text)) for d in docs]
    words = sum(len(d.text.split()) for d in docs)
    findings = [find_in_document(d, r) for d, r in zip(docs, records, strict=True)]
    gaz = Gazetteer.from_findings(findings)
    mentions = extract(docs, meetings)  # link_evidence is timed given these mentions

    def resolve_all() -> None:
        for d, f in zip(docs, findings, strict=True):
            resolve(d, f, gaz)

    print(f"{folder}: {len(docs)} documents, {words:,} words")
    seconds: dict[str, float] = {}
    steps: list[tuple[str, Callable[[], object]]] = []
    try:
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        steps.append(("blank spaCy tokenizer alone", lambda: [tokenizer(t) for t in texts]))
    except ImportError:
        print("  (spaCy is not installed: no tokenizer figure)")
    for label, work in (
        *steps,
        ("map: find_in_document", lambda: [find_in_document(*a) for a in pairs]),
        ("reduce: Gazetteer.from_findings", lambda: Gazetteer.from_findings(findings)),
        ("resolve", resolve_all),
        ("link_evidence alone", lambda: link_evidence(docs, meetings, mentions)),
        ("graphkit find stage (extract)", lambda: extract(docs, meetings)),
    ):
        seconds[label] = took = _best(runs, work)
        print(f"  {label:<36} {took:8.3f} s  {words / took:>12,.0f} words/s")
    if steps:
        share = seconds["blank spaCy tokenizer alone"] / seconds[label]
        print(f"  one tokenisation per document, as a share of the stage: {share:.0%}")


def measure_large(folder: Path, runs: int) -> None:
    """The whole stage on one large document, at half and full size."""
    docs, _problems = read_paths([folder])
    joined = "\n\n".join(d.text for d in docs)
    while len(joined) < 1_000_000:
        joined += "\n\n" + joined
    for size in (len(joined) // 2, len(joined)):
        doc = Document("large.txt", joined[:size], "0" * 64, "minutes")
        words = len(doc.text.split())
        took = _best(runs, lambda doc=doc: extract([doc], []))
        print(
            f"one document of {size:,} characters, {words:,} words: "
            f"{took:8.3f} s  {words / took:>12,.0f} words/s"
        )


def _corpus_default(part: str) -> Path | None:
    """The real-records corpus (not part of the repository) where GRAPHKIT_CORPUS points."""
    root = os.environ.get("GRAPHKIT_CORPUS")
    return Path(root) / part if root else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=_corpus_default("pages"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="also one ~1 MB document")
    args = parser.parse_args()
    measure(ROOT / "seeds", args.runs)
    if args.corpus is None or not args.corpus.is_dir():
        where = f" at {args.corpus}" if args.corpus else ""
        print(f"no real-records corpus{where}: give --corpus or set GRAPHKIT_CORPUS")
    else:
        measure(args.corpus, args.runs)
        if args.large:
            measure_large(args.corpus, args.runs)


if __name__ == "__main__":
    main()
