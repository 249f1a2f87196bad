"""Stage 1: read files into :class:`~graphkit.model.Document` objects.

Readers are chosen by file suffix from a registry; text is sanitised once here
(NFC, no C0 controls, undecodable bytes replaced visibly) so every later stage
and every serialiser sees clean text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DocumentError
from .model import Document

if TYPE_CHECKING:
    from bs4 import Tag

__all__ = [
    "READERS",
    "classify",
    "guess_council",
    "read_paths",
    "reader",
    "sanitise",
    "url_of",
]

Reader = Callable[[bytes, str], str]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a function ``(raw bytes, source name) -> text`` for file suffixes."""

    def register(fn: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = fn
        return fn

    return register


@reader(".txt", ".md", ".text")
def _read_text(raw: bytes, source: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            # visible replacement characters beat a silent guess
            return raw.decode("utf-8", errors="replace")


@reader(".html", ".htm", ".xhtml")
def _read_html(raw: bytes, source: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "lxml")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = []
    done: set[int] = set()
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "pre"]):
        if id(el) in done or el.find(["p", "li", "td", "th", "h1", "h2", "h3", "h4"]):
            continue  # a container: its children are emitted on their own
        row = _table_row(el)
        if row is not None:
            done.update(id(c) for c in row)
            # one line per row, cells separated by tabs; an empty cell keeps its column
            blocks.append("\t".join(" ".join(c.get_text(" ", strip=True).split()) for c in row))
            continue
        text = el.get_text(" ", strip=True)
        if text:
            blocks.append(("- " if el.name == "li" else "") + text)
    if not blocks:
        return soup.get_text("\n")
    return "\n\n".join(blocks)


def _table_row(cell: Tag) -> list[Tag] | None:
    """The cells of a table row of plain cells ("Councillor A Rahim", "Chair", "Present"),
    when ``cell`` is its first; None for any other element or a row holding blocks."""
    if cell.name not in ("td", "th") or cell.parent is None or cell.parent.name != "tr":
        return None
    cells = cell.parent.find_all(["td", "th"], recursive=False)
    if len(cells) < 2 or cells[0] is not cell:
        return None
    if any(c.find(["p", "li", "div", "table", "h1", "h2", "h3", "h4"]) for c in cells):
        return None
    return cells


@reader(".pdf")
def _read_pdf(raw: bytes, source: str) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pdf = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in pdf.pages]
    except (PdfReadError, ValueError, KeyError) as err:
        raise DocumentError(source, f"not a readable PDF ({err})") from err
    text = "\n\n".join(pages)
    if not text.strip():
        raise DocumentError(source, "the PDF has no text layer (scanned?); OCR it first")
    return text


@reader(".xml")
def _read_xml(raw: bytes, source: str) -> str:
    """A ModernGov web-service response as readable text (other XML is refused, by name)."""
    from .layouts.webservice import render

    return render(raw, source)


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def sanitise(text: str) -> str:
    """NFC-normalise, drop control characters, make lone surrogates visible.

    >>> sanitise("Cafe\\u0301\\x07 \\ud800!\\r\\n")
    'Café \\ufffd!\\n'
    """
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def classify(text: str, suffix: str = ".txt") -> str:
    """The kind of council document ``text`` is, from its wording.

    >>> classify("Briefing note\\n\\nTo: Cabinet\\n\\nSubject: Budget")
    'briefing_note'
    >>> classify("Minutes of the Meeting of the Planning Committee held on 1 May 2024\\nPresent:")
    'minutes'
    >>> classify("Agenda\\n\\n3. Minutes of the meeting held on 4 March 2025 (Pages 1 - 6)")
    'agenda'
    """
    head = text[:3000]
    low = text.lower()
    if (
        suffix in (".html", ".htm")
        or re.match(r"\s*agenda and minutes\b", low)
        or ("view the full minutes text" in low)
    ):
        return "web_page"
    has_minutes = bool(re.search(r"minutes of (?:the )?meeting", low))
    # an agenda pack holds minutes themselves, not just an item to approve them
    minutes_inside = bool(re.search(r"^[ \t*#]*minutes of (?:the |a )?meeting\b", low, re.M))
    has_agenda = bool(
        re.search(r"^\s*time and date\s*$", low, re.M)
        or re.search(r"\(pages? \d+", low)
        or re.search(r"^\s*agenda\s*$", head.lower(), re.M)
    )
    if has_agenda and (minutes_inside or "briefing note" in low or "work programme" in low):
        return "agenda_pack"
    if has_agenda:
        return "agenda"
    if re.search(r"^\s*(?:briefing note|report)\b", head, re.I | re.M) or (
        re.search(r"^\s*to:\s", head, re.I | re.M)
        and re.search(r"^\s*subject:\s", head, re.I | re.M)
    ):
        return "briefing_note"
    if has_minutes or re.search(r"^\s*present\s*:", head, re.I | re.M):
        return "minutes"
    if re.search(r"work programme", head[:400], re.I):
        return "work_programme"
    return "minutes"


def _title(text: str) -> str | None:
    for line in text.splitlines():
        line = re.sub(r"[*#_]+", "", line).strip()
        if line:
            return line[:200]
    return None


_URL_LINE = re.compile(r"\A\s*URL:[ \t]*(?P<url>https?://\S+)")
_CANONICAL = re.compile(
    rb"""<(?:link[^>]+rel=["']canonical["'][^>]+href|meta[^>]+property=["']og:url["'][^>]+content)"""
    rb"""=["'](?P<url>https?://[^"'\s]+)""",
    re.I,
)


def url_of(raw: bytes, text: str) -> str | None:
    """Where a document was published: the ``URL:`` first line of a saved page's text, or
    an HTML page's canonical link.

    >>> url_of(b"", "URL: https://democracy.kent.gov.uk/ieListDocuments.aspx?MId=1\\n\\nAgenda")
    'https://democracy.kent.gov.uk/ieListDocuments.aspx?MId=1'
    >>> url_of(b'<link rel="canonical" href="https://x.gov.uk/a?CId=1&amp;MId=2">', "")
    'https://x.gov.uk/a?CId=1&MId=2'
    """
    m = _URL_LINE.match(text)
    if m:
        return m.group("url")
    c = _CANONICAL.search(raw[:20000])
    if c is None:
        return None
    import html

    return html.unescape(c.group("url").decode("ascii", "replace"))  # "&amp;" in an attribute


def read_document(path: Path, source: str) -> Document:
    """Read one file; raises :class:`DocumentError` naming it on any failure."""
    read = READERS.get(path.suffix.lower())
    if read is None:
        raise DocumentError(
            source,
            f"unsupported file type {path.suffix or '(none)'}; "
            f"graphkit reads {', '.join(sorted(READERS))}",
        )
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DocumentError(source, f"cannot be read ({err.strerror or err})") from err
    if not raw.strip():
        raise DocumentError(source, "the file is empty")
    text = sanitise(read(raw, source))
    if not text.strip():
        raise DocumentError(source, "no text could be extracted")
    return Document(
        source=source,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        kind=classify(text, path.suffix.lower()),
        title=_title(text),
        url=url_of(raw, text),
    )


def _expand(paths: Sequence[str | Path]) -> Iterable[tuple[Path, str]]:
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith("."):
                    yield f, f.relative_to(p).as_posix()
        else:
            yield p, p.name


def read_paths(
    paths: Sequence[str | Path], *, progress: Callable[[str], None] | None = None
) -> tuple[list[Document], list[DocumentError]]:
    """Read every file under ``paths`` (folders recursively, in sorted order).

    Returns the documents read and a :class:`DocumentError` for each file that
    could not be; one bad file never stops the others.
    """
    docs: list[Document] = []
    problems: list[DocumentError] = []
    seen: set[str] = set()
    for given in paths:
        if not Path(given).exists():
            problems.append(DocumentError(str(given), "no such file or folder"))
    for path, source in _expand([p for p in paths if Path(p).exists()]):
        if path.is_dir() or source in seen:
            continue
        seen.add(source)
        try:
            docs.append(read_document(path, source))
            if progress:
                progress(f"read {source}")
        except DocumentError as err:
            problems.append(err)
    return docs, problems


_COUNCIL = re.compile(
    r"\b((?:[A-Z][a-z]+[ -])*[A-Z][a-z]+) "
    r"(City|County|Borough|District|Metropolitan Borough|Metropolitan District|Town|Parish)"
    r" Council\b"
)


def guess_council(docs: Sequence[Document]) -> str:
    """The council most of the documents are from, named as they write it.

    >>> from graphkit.model import Document
    >>> d = Document("a", "Leeds City Council and Coventry City Council. Coventry City Council", "0", "minutes")
    >>> guess_council([d])
    'Coventry City Council'
    """
    counts: Counter[str] = Counter()
    for doc in docs:
        for m in _COUNCIL.finditer(doc.text):
            counts[f"{m.group(1)} {m.group(2)} Council"] += 1
    if not counts:  # "NORTHSHIRE COUNTY COUNCIL" in a letterhead
        for doc in docs:
            for m in _COUNCIL.finditer(doc.text.title()):
                counts[f"{m.group(1)} {m.group(2)} Council"] += 1
    if counts:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    domains: Counter[str] = Counter()
    for doc in docs:
        domains.update(re.findall(r"@([a-z-]+)\.gov\.uk", doc.text.lower()))
    if domains:
        name = sorted(domains.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        return f"{name.replace('-', ' ').title()} Council"
    return "Unknown Council"
