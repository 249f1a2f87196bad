"""Helpers shared by the stage tests (tests/test_<stage>.py)."""

from __future__ import annotations

from pathlib import Path

from graphkit.model import Document, Mention

STAGES = Path(__file__).resolve().parent / "data" / "stages"


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF whose text layer holds ``lines`` (ASCII, no parentheses)."""
    shown = " ".join(f"({line}) Tj T*" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td 14 TL {shown} ET" if lines else ""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def offsets_of(text: str, forms: list[str], sep: str = " ; ") -> list[tuple[str, int, int]]:
    """(form, start, end) of each form in ``sep.join(forms)``."""
    out, pos = [], 0
    for form in forms:
        out.append((form, pos, pos + len(form)))
        pos += len(form) + len(sep)
    assert sep.join(forms) == text
    return out


# -- the find stage -----------------------------------------------------------------------------
def mentions(*texts: str, segmented: bool = False) -> list[Mention]:
    """What the find stage finds in ``texts`` (documents d0.txt, d1.txt, ...), each
    mention checked to point at its words."""
    from graphkit.find import extract
    from graphkit.segment import segment

    docs = [Document(f"d{k}.txt", t, "0", "minutes") for k, t in enumerate(texts)]
    meetings = [r for d in docs for r in segment(d)] if segmented else []
    found = extract(docs, meetings)
    by_source = {d.source: d for d in docs}
    for m in found:  # every mention points at its words
        assert by_source[m.source].text[m.start : m.end] == m.text
    return found


def of(found: list[Mention], label: str) -> list[str]:
    """The texts of the mentions of ``label``, in order."""
    return [m.text for m in found if m.label == label]


def page_mentions(text: str, name: str = "t.txt") -> list[Mention]:
    """What the find stage finds in one document ``name`` holding ``text``."""
    from graphkit.find import extract

    return extract([Document(name, text, "0" * 64, "minutes")], [])


def found(text: str, label: str) -> list[str]:
    """The texts of the mentions of ``label`` in one document holding ``text``."""
    return of(page_mentions(text), label)
