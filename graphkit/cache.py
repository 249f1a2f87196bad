"""The per-document result cache: what :func:`graphkit.perdocument.process_document`
made of a file, kept so a rebuild redoes only the documents that changed.

An entry is keyed by the file's content digest and name, graphkit's version, a digest
of graphkit's own code and word lists, and the limits it was read within: change any
of them and the entry is not used. Entries are pickles in the user's cache folder
(``platformdirs.user_cache_dir("graphkit")``, or ``GRAPHKIT_CACHE_DIR``), each written
to a temporary file and renamed into place, so a reader never sees half of one. A
corrupt or unreadable entry is ignored and written again; the folder can be deleted at
any time (the next build is a full one). Pickles run code when loaded: the folder is
made readable by its owner only, and must not be one others can write to.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .perdocument import DocumentResult, DocumentTask

__all__ = ["ResultCache", "cache_dir", "code_digest", "tree_digest"]

_FORMAT = "v1"  # the layout of the folder and of an entry


def cache_dir() -> Path:
    """Where the cache lives: ``$GRAPHKIT_CACHE_DIR``, else the user's cache folder."""
    given = os.environ.get("GRAPHKIT_CACHE_DIR")
    if given:
        return Path(given)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("graphkit"))


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of every file of the installed graphkit package: its code, its word
    lists and data. A change to any of them makes every entry a miss."""
    return tree_digest(Path(__file__).resolve().parent)


def tree_digest(root: Path) -> str:
    """A digest of the names and contents of the files under ``root`` (not the compiled
    ``__pycache__``)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("graphkit")
    except PackageNotFoundError:  # run from a source tree: the code digest still tells
        return "unknown"


class ResultCache:
    """Per-document results on disk. ``stats`` counts hits, misses, entries written and
    corrupt entries met."""

    def __init__(self, folder: str | Path | None = None, *, code: str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else cache_dir()
        self.salt = f"graphkit {_version()} {code or code_digest()} {_FORMAT}"
        self.stats: Counter[str] = Counter()

    def key(self, task: DocumentTask) -> str | None:
        """The entry's name; ``None`` for a task that is not cached (no digest)."""
        if task.digest is None:
            return None
        found = task.found
        parts = (self.salt, task.digest, found.source, found.renamed, repr(task.limits))
        return hashlib.sha256(repr(parts).encode("utf-8", "backslashreplace")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / _FORMAT / key[:2] / f"{key}.pickle"

    def get(self, task: DocumentTask) -> DocumentResult | None:
        """The stored result of ``task``, or ``None``: not stored, or unreadable."""
        key = self.key(task)
        if key is None:
            return None
        try:
            with open(self._path(key), "rb") as fh:
                stored_key, result = pickle.load(fh)
        except FileNotFoundError:
            self.stats["misses"] += 1
            return None
        except Exception:  # truncated, garbage, or made by other code: written anew
            self.stats["corrupt"] += 1
            self.stats["misses"] += 1
            return None
        if stored_key != key or not isinstance(result, DocumentResult):
            self.stats["corrupt"] += 1
            self.stats["misses"] += 1
            return None
        self.stats["hits"] += 1
        return result

    def put(self, task: DocumentTask, result: DocumentResult) -> None:
        """Store ``result`` for ``task``: not one a time limit decided, nor one read from
        other bytes than were digested; a cache that cannot be written is passed over,
        never fails the build."""
        key = self.key(task)
        if key is None or not result.cacheable:
            return
        if result.document is not None and result.document.sha256 != task.digest:
            return  # the file changed between its digest and its reading
        path = self._path(key)
        try:
            for folder in (self.folder, self.folder / _FORMAT, path.parent):
                folder.mkdir(exist_ok=True, mode=0o700, parents=folder is self.folder)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump((key, result), fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except Exception:  # a full disk, a read-only folder, a result that does not pickle
            self.stats["unwritable"] += 1
            return
        self.stats["written"] += 1
