"""``graphkit.build``: the whole flow, documents → segment → extract → link → graph.

Each stage is a plain function in its own module; this one only wires them, as a map
and a reduce (docs/scaling.md). The map (:func:`map_documents`) reads and lays out each
document on its own, in parallel and through the result cache; the reduce
(:func:`_reduce`) needs them all at once: dating meetings across pages, telling each
document's council, then finding, linking and the graph per council.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

from . import councils, find
from . import documents as documents_stage
from . import graph as graph_stage
from . import link as link_stage
from .cache import ResultCache
from .documents import Limits
from .errors import DocumentError, OutputError
from .executors import Beside, run_map
from .find import DocumentFindings
from .model import Document, MeetingRecord, Mention
from .perdocument import DocumentResult, DocumentTask, process_document
from .quads import Quads, no_gc
from .result import BuildResult
from .serialise import MANIFEST
from .vocab import DEFAULT_BASE

__all__ = [
    "BESIDE_MAX_QUADS",
    "BuildResult",
    "Limits",
    "build",
    "map_documents",
    "write_outputs",
]

Progress = Callable[[str], None]


def build(
    paths: Sequence[str | Path] | str | Path,
    *,
    base: str = DEFAULT_BASE,
    council: str | None = None,
    aliases: str | Path | None = None,
    progress: Progress | None = None,
    limits: Limits | None = None,
    jobs: int | None = None,
    executor: str = "process",
    scheduler: str | None = None,
    cache: bool = True,
) -> BuildResult:
    """Read documents under ``paths`` and build the graph.

    Each document's council is read from the document (its web address, its own
    words) unless ``council`` is given; documents of different councils are
    linked apart, so two councillors of one surname in two councils stay two
    people. Unreadable documents are reported in ``BuildResult.problems``; the
    rest of the build completes. Each document is read and laid out within ``limits``
    (:class:`~graphkit.documents.Limits`: bytes, characters, pages, seconds).

    Documents are read and laid out by ``jobs`` worker processes (default: every core),
    or on Dask with ``executor="dask"`` (the scheduler at ``scheduler``, else a local
    cluster); what was made of a document before is taken from the result cache unless
    ``cache`` is false (:mod:`graphkit.cache`). The graph is the same either way.
    """
    say = progress or (lambda _msg: None)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    limits = limits or Limits()
    store = ResultCache() if cache else None
    started = time.perf_counter()
    results = map_documents(
        paths,
        limits=limits,
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        cache=store,
        progress=say,
    )
    timings = dict.fromkeys(("map", "resolve", "link", "graph"), 0.0)
    timings["map"] = time.perf_counter() - started
    # the reduce makes millions of small objects that live until the build ends, and the
    # cyclic collector would walk the whole heap again and again as they grow (a third
    # of the graph stage at 1,000 documents, more as the corpus grows); it makes few
    # cycles, and they are collected when the collector is back on
    with no_gc():
        result = _reduce(
            results,
            base=base,
            council=council,
            aliases=aliases,
            limits=limits,
            say=say,
            timings=timings,
        )
    result.cache_stats = dict(store.stats) if store is not None else {}
    return result


def map_documents(
    paths: Sequence[str | Path],
    *,
    limits: Limits,
    jobs: int | None = None,
    executor: str = "process",
    scheduler: str | None = None,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
) -> list[DocumentResult]:
    """What :func:`~graphkit.perdocument.process_document` makes of each file under
    ``paths``, in their order: from ``cache`` where it holds the file as it is now, else
    made by :func:`~graphkit.executors.run_map` (and stored in ``cache``). A file that is
    not to be read at all has a result of its problem alone."""
    say = progress or (lambda _msg: None)
    tasks = [
        DocumentTask(
            f, documents_stage.file_digest(f, limits) if cache is not None else None, limits
        )
        for f in documents_stage.list_paths(paths)
    ]
    results: dict[int, DocumentResult] = {}
    for i, task in enumerate(tasks):
        if task.found.problem is not None:
            results[i] = DocumentResult(task.source, None, None, (task.found.problem,))
        elif cache is not None and (hit := cache.get(task)) is not None:
            results[i] = hit
    if cache is not None and cache.stats["hits"]:
        say(f"{cache.stats['hits']} document(s) unchanged since they were last read (cache)")
    todo = [i for i in range(len(tasks)) if i not in results]
    made = run_map(
        process_document,
        [tasks[i] for i in todo],
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        progress=lambda done, total: say(f"read {done}/{total} documents"),
        failed=DocumentResult.failed,
    )
    for i, result in zip(todo, made, strict=True):
        results[i] = result
        if cache is not None:
            cache.put(tasks[i], result)
    return [results[i] for i in range(len(tasks))]


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    """Add the seconds the block takes to ``timings[stage]``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started


def _reduce(
    results: Sequence[DocumentResult],
    *,
    base: str,
    council: str | None,
    aliases: str | Path | None,
    limits: Limits,
    say: Progress,
    timings: dict[str, float],
) -> BuildResult:
    """The documents' results joined into one build: meetings dated across pages, each
    document's council, then finding, linking and the graph per council, and their union."""
    problems = [p for r in results for p in r.read_problems]
    problems += [p for r in results for p in r.layout_problems]
    problems += [p for r in results for p in r.find_problems]
    kept = [r for r in results if r.document is not None and r.layout is not None]
    docs = [r.document for r in kept if r.document is not None]
    laid = [r.layout for r in kept if r.layout is not None]
    say(f"read {len(docs)} document(s)")
    meetings, undated = join_by_platform_id([rec for lay in laid for rec in lay.records])
    say(f"found {len(meetings)} meeting record(s)")
    council_of = _councils(docs, council)
    parts = []
    quads = graph_stage.QuadSet()  # every council's graph is added to these, none copied
    for name in sorted(set(council_of.values())):
        group = [d for d in docs if council_of[d.source] == name]
        sources = {d.source for d in group}
        recs = [m for m in meetings if m.source in sources]
        found = {r.source: r.findings for r in kept if r.source in sources and r.findings}
        parts.append(
            _council_part(name, group, recs, base, aliases, limits, problems, timings, found, quads)
        )
    quads.seal()  # the default graph too, now that every council has added to it
    say("graph built")
    return BuildResult(
        quads=quads,
        documents=docs,
        meetings=meetings,
        mentions=[m for ms, _ in parts for m in ms],
        linked=link_stage.Linked.joined([lk for _, lk in parts]),
        problems=problems,
        council="; ".join(sorted(set(council_of.values()))),
        layouts={lay.source: lay.layout for lay in laid},
        councils=council_of,
        undated=undated,
        timings=timings,
    )


def _council_part(
    name: str,
    group: list[Document],
    recs: list[MeetingRecord],
    base: str,
    aliases: str | Path | None,
    limits: Limits,
    problems: list[DocumentError],
    timings: dict[str, float],
    found: Mapping[str, DocumentFindings],
    quads: graph_stage.QuadSet,
) -> tuple[list[Mention], link_stage.Linked]:
    """One council's documents found in, linked and added to ``quads``."""
    with _timed(timings, "resolve"):
        # the map found in each document; the gazetteer of them all, then each one's
        # mentions, within the per-document time limit (one over it loses its mentions)
        mentions = find.extract(group, recs, timeout=limits.timeout, problems=problems, found=found)
    with _timed(timings, "link"):
        linked = link_stage.link(group, recs, mentions, aliases=aliases, council=name)
    with _timed(timings, "graph"):
        graph_stage.to_quads(group, recs, linked, base=base, council=name, into=quads)
        # the council's documents' graphs are complete: kept compactly, their memory
        # reused by the next council's and by the writers (an add would unseal one);
        # every council adds to the default graph
        quads.seal(default=False)
    return mentions, linked


def _councils(docs: Sequence[Document], given: str | None) -> dict[str, str]:
    """Each document's council: ``given``, else what the document shows (web address,
    letterhead), else the council the documents name most. Names of one place are one
    council, called by its fullest name ("Kent County Council" over "Kent Council"),
    but for a town or parish council, which is another council than its place's
    district ("Stroud Town Council", "Stroud District Council")."""
    if given:
        return {d.source: given for d in docs}
    shown = {d.source: councils.council_of(d) for d in docs}
    # a document that does not show its council is of the council the others show, when
    # they show one; among several councils' documents it is of none that can be told
    several = len({councils.council_identity(n) for n in shown.values() if n}) > 1
    # the council the documents name most is read (from every document's whole text) only
    # when some document does not show its own
    fallback = "Unknown Council" if several or all(shown.values()) else councils.most_named(docs)
    named = {src: name or fallback for src, name in shown.items()}
    by_council: dict[str, Counter[str]] = defaultdict(Counter)
    for name in named.values():
        by_council[councils.council_identity(name)][name] += 1

    def best(names: Counter[str]) -> str:
        return sorted(names, key=lambda n: (not councils.councils_in_text(n), -names[n], n))[0]

    chosen = {key: best(names) for key, names in by_council.items()}
    return {src: chosen[councils.council_identity(n)] for src, n in named.items()}


def join_by_platform_id(
    records: Sequence[MeetingRecord],
) -> tuple[list[MeetingRecord], list[str]]:
    """Date the records of a meeting some page leaves undated from another page of the
    same meeting (the same ``platform_id``); also its committee where missing.

    Returns the records and the platform ids (or sources) of meetings still undated.
    """
    dated: dict[str, MeetingRecord] = {}
    for r in records:
        if r.platform_id and r.date is not None and r.platform_id not in dated:
            dated[r.platform_id] = r
    out: list[MeetingRecord] = []
    undated: list[str] = []
    for r in records:
        known = dated.get(r.platform_id) if r.platform_id and r.date is None else None
        if known is not None:
            r = replace(r, date=known.date, committee=r.committee or known.committee)
        elif r.date is None:
            undated.append(r.platform_id or r.source)
        out.append(r)
    return out, sorted(set(undated))


def write_outputs(
    result: BuildResult,
    out: str | Path,
    *,
    formats: Iterable[str] = ("turtle", "trig"),
    view: bool = True,
    with_ontology: bool = False,
    progress: Progress | None = None,
    jobs: int | None = None,
) -> list[Path]:
    """Write the graph in each format, the HTML view and the summary into ``out``.

    The two HTML pages, and the quad formats (TriG), are written by two more processes
    while this one writes the rest, when ``jobs`` (default: every core) is more than 1
    (:class:`~graphkit.executors.Beside`) and the graph holds at most
    :data:`BESIDE_MAX_QUADS` quads, else here; the files are the same either way.

    ``void.ttl`` beside them describes the graph (VoID) and the build (PROV); it
    holds the build time, so it is kept out of the graph files, which stay
    byte-identical across runs.

    The whole set is written into a temporary folder beside ``out`` and swapped in
    at the end in one step, so a build killed at any point leaves the previous set
    whole (docs/security.md). Files in ``out`` that graphkit did not write (it lists
    what it wrote, with each file's size, in ``.graphkit-manifest.json``) are carried
    over; temporary folders a killed build left are removed first. The seconds it takes are
    ``result.timings["write"]``.
    """
    from . import serialise

    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    out = _output_folder(Path(out))
    _recover(out)
    staging = Path(
        tempfile.mkdtemp(prefix=f"{_temp_prefix(out)}new-{os.getpid()}-", dir=out.parent)
    )
    try:
        os.chmod(staging, _folder_mode(out))
        names = _write_set(result, staging, formats, view, with_ontology, say, jobs)
        written = sorted({p.name for p in names})
        sizes = {name: (staging / name).stat().st_size for name in written}
        manifest = {"written_by": "graphkit", "files": written, "sizes": sizes}
        serialise.atomic_write(staging / MANIFEST, json.dumps(manifest, indent=2).encode() + b"\n")
        _carry_over(out, staging, written)
        _sync(staging)
        _swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for name in written:
        say(f"wrote {out / name}")
    result.timings["write"] = time.perf_counter() - started
    return [out / p.name for p in names]


def _output_folder(out: Path) -> Path:
    """The folder to replace: where a symlink ``out`` points, checked to be a folder (or
    nothing yet), its parent made."""
    if out.is_symlink():  # swap the folder it points to, not the link
        out = out.resolve()
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file, not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


#: The most quads a graph may hold for its views and its quad formats to be written in
#: forked processes beside the rest (with ``jobs`` above 1). A forked process that reads
#: every triple makes Python's reference counts write to each page of the graph it
#: reads, so the pages are copied, and the processes hold the graph twice (10,000
#: generated documents, 8.9 million quads: 4.05 GB together, where one process writing
#: it all peaks at 2.64 GB in about the same time). A bigger graph is written in this
#: process alone, the views last.
BESIDE_MAX_QUADS = 1_000_000


def _write_set(
    result: BuildResult,
    folder: Path,
    formats: Iterable[str],
    view: bool,
    with_ontology: bool,
    say: Progress,
    jobs: int | None,
) -> list[Path]:
    """Every output file written into ``folder``: the graph in each format, the
    ontology, the VoID description, the views and the summary.

    The graph is read once, into a snapshot of its quads that every writer shares. With
    ``jobs`` above 1, two forked processes (:class:`~graphkit.executors.Beside`) work
    beside this one: one makes the views from the same snapshot, the other writes the
    quad formats (:func:`_write_graph`); a graph too big to hold twice
    (:data:`BESIDE_MAX_QUADS`) is written in this process alone. The cyclic
    collector is paused meanwhile: the writers make millions of small objects that live
    until the end, and it would walk the whole heap again and again as they grow (it
    took about half the write stage)."""
    from . import serialise, stats

    names = serialise.check_formats(formats)
    with no_gc():
        quads = result.quads.snapshot()
        beside = jobs if len(quads.rows) <= BESIDE_MAX_QUADS else 1
        views = Beside(
            partial(_write_views, quads, folder),
            jobs=beside if view else 1,
            lost=_lost(say, "the views"),
        )
        with views:
            files, summary = _write_graph(result, quads, folder, names, with_ontology, beside, say)
            files.extend(stats.write_summary(summary, result.documents, result.linked, folder))
            if view:
                pages, warnings = views.result()
                files.extend(pages)
                for warning in warnings:
                    say(warning)
    return files


def _write_graph(
    result: BuildResult,
    quads: Quads,
    folder: Path,
    names: list[str],
    with_ontology: bool,
    jobs: int | None,
    say: Progress,
) -> tuple[list[Path], dict[str, object]]:
    """The graph files in the formats ``names``, the ontology and VoID written into
    ``folder``, and the build's summary, all from the quads prepared once. With ``jobs``
    above 1 the quad formats (TriG, N-Quads, JSON-LD) are written by a forked process
    while this one writes the union's formats and VoID. Nothing prepared is kept once
    this returns (the views may be made next, in this process)."""
    from . import serialise
    from . import void as void_mod

    # the quads as pyoxigraph terms, sorted, with keys the statistics count by
    prepared = serialise.Prepared(quads)
    by_quads = [f for f in names if serialise.FORMATS[f].quads]
    graph_files = Beside(
        partial(serialise.write_formats, prepared, folder, formats=by_quads),
        jobs=jobs if by_quads and len(by_quads) < len(names) else 1,
        lost=_lost(say, "the graph's quads"),
    )
    with graph_files:
        serialise.write_formats(prepared, folder, formats=[f for f in names if f not in by_quads])
        extra = [serialise.write_ontology(folder)] if with_ontology else []
        extra.append(void_mod.write_void(result, folder, quads=prepared))
        summary = result.summary(quads=prepared)
        graph_files.result()
    return [folder / serialise.FORMATS[f].filename for f in names] + extra, summary


def _lost(say: Progress, what: str) -> Callable[[int], None]:
    """What to say when the forked process writing ``what`` dies unanswered."""
    return lambda code: say(
        f"the process writing {what} ended with exit code {code} (a negative code is the "
        "signal that stopped it); writing them in this one"
    )


def _write_views(quads: Quads, folder: Path) -> tuple[list[Path], list[str]]:
    """The view and the network page of ``quads`` written into ``folder``, and the
    warnings they gave (said by the process that asked for them)."""
    from . import view as view_mod

    warnings: list[str] = []
    pages = [
        view_mod.write_view(quads, folder / "view.html", on_warning=warnings.append),
        view_mod.write_network(quads, folder / "network.html", on_warning=warnings.append),
    ]
    return pages, warnings


# -- kill-safe output ---------------------------------------------------------------------
# what graphkit writes, for a folder an older graphkit wrote without a manifest
_OURS = re.compile(
    r"graph\.\w+|(?:view|network)\.html|summary\.(?:md|json)|void\.ttl|ontology\.ttl"
)


def _temp_prefix(out: Path) -> str:
    """Temporary folders of ``out`` are hidden beside it and named after it.

    >>> _temp_prefix(Path("/srv/build"))
    '.build.graphkit-'
    """
    return f".{out.name}.graphkit-"


def _folder_mode(out: Path) -> int:
    """The new folder's permissions: those of the folder it replaces, else the umask's
    (mkdtemp makes 0700, and outputs are for sharing)."""
    if out.is_dir():
        return stat.S_IMODE(out.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _owner_gone(name: str, prefix: str) -> bool:
    """Whether the build that made the temporary folder ``name`` has ended.

    >>> _owner_gone(".b.graphkit-new-999999999-x1", ".b.graphkit-")
    True
    >>> _owner_gone(f".b.graphkit-new-{os.getpid()}-x1", ".b.graphkit-")
    False
    """
    m = re.fullmatch(r"(?:new|old)-(\d+)-.*", name[len(prefix) :])
    if m is None:
        return False  # not one of ours
    pid = int(m.group(1))
    if os.name != "posix":  # os.kill(pid, 0) is not a harmless probe on Windows
        return pid != os.getpid()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    except OverflowError:  # not a process id at all
        return True
    return False


def _recover(out: Path) -> None:
    """Undo what a killed build left beside ``out``: put back a previous set it had
    moved aside (the fallback swap), then remove its temporary folders."""
    prefix = _temp_prefix(out)
    stale = sorted(
        p
        for p in out.parent.iterdir()
        if p.name.startswith(prefix)
        and p.is_dir()
        and not p.is_symlink()
        and _owner_gone(p.name, prefix)
    )
    for p in stale:
        if p.name[len(prefix) :].startswith("old-") and not out.exists():
            os.rename(p, out)  # killed between the two renames: the old set is the good one
    for p in stale:
        if p.exists():
            shutil.rmtree(p, ignore_errors=True)


def _carry_over(out: Path, staging: Path, written: Sequence[str]) -> None:
    """Hard-link into ``staging`` what the user keeps in ``out``: everything graphkit did
    not write there. Links, not moves, so a kill at any point loses nothing."""
    if not out.is_dir():
        return
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        ours = set(manifest["files"]) | {MANIFEST}
    except (OSError, ValueError, KeyError, TypeError):
        ours = {p.name for p in out.iterdir() if _OURS.fullmatch(p.name)} | {MANIFEST}
    for entry in sorted(out.iterdir()):
        if entry.name in ours or entry.name in written:
            continue
        if entry.name.startswith(".") and _OURS.fullmatch(entry.name[1:-9]):
            continue  # atomic_write's temporary (".graph.ttl.abcd1234"), left by an older graphkit
        target = staging / entry.name
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(entry), str(target))


def _link_or_copy(src: str, dst: str) -> str:
    if os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    try:
        os.link(src, dst)
    except OSError:  # a file system without hard links
        shutil.copy2(src, dst)
    return dst


def _sync(folder: Path) -> None:
    """Flush the new files to disk before they replace the old ones, so a power cut
    right after the swap does not leave empty files in place of good ones."""
    for path in folder.iterdir():
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False
    where the system or file system cannot, so the caller falls back."""
    if not sys.platform.startswith("linux") or os.environ.get("GRAPHKIT_NO_RENAME_EXCHANGE"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # glibc before 2.28, or another libc
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EPERM):
        return False  # the file system does not support it
    raise OSError(err, os.strerror(err), str(b))


def _swap_in(staging: Path, out: Path) -> None:
    """Put ``staging`` in place of ``out``; the old set ends up removed."""
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old set
        return
    # two renames: a kill between them leaves no ``out``, and _recover puts the old one back
    # named after the staging folder, and made by the rename itself: no moment where an
    # empty folder of ours exists beside a complete ``out``
    prefix = _temp_prefix(out)
    aside = out.parent / staging.name.replace(f"{prefix}new-", f"{prefix}old-", 1)
    os.rename(out, aside)
    os.rename(staging, out)
    shutil.rmtree(aside, ignore_errors=True)
