"""Deterministic, readable data IRIs. Never minted from raw text without slugging."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from .vocab import DEFAULT_BASE

__all__ = ["Iris", "slug"]


def slug(text: str) -> str:
    """Lower-case ASCII slug.

    >>> slug("Education and Children's Services Scrutiny Board (2)")
    'education-and-childrens-services-scrutiny-board-2'
    >>> slug("Holiday Activities & Food  Programme")
    'holiday-activities-and-food-programme'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.replace("&", " and ").lower()
    text = re.sub(r"['\u2019`]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


class Iris:
    """Mints every data IRI from a base, so ``--base`` replaces it everywhere."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^[a-z][a-z0-9+.-]*://\S+[/#]$", base):
            from .errors import ConfigError

            raise ConfigError(
                f"--base {base!r} is not an absolute IRI ending in '/' or '#'; "
                f"for example {DEFAULT_BASE}"
            )
        self.base = base
        # a graph names the same nodes again and again, and rdflib checks every IRI it
        # makes: each is made once (while remembered), and the writers then find the
        # very object they look for
        self._u = lru_cache(maxsize=1 << 16)(self._mint)
        self._documents: dict[str, URIRef] = {}

    def _mint(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def council(self, council: str) -> URIRef:
        return self._u(f"council/{council}")

    def committee(self, council: str, committee: str) -> URIRef:
        return self._u(f"committee/{council}/{slug(committee)}")

    def meeting(self, council: str, committee: str, date_iso: str) -> URIRef:
        return self._u(f"meeting/{council}/{slug(committee)}/{date_iso}")

    def undated_meeting(self, council: str, ident: str) -> URIRef:
        return self._u(f"meeting/{council}/undated/{ident}")

    def item(self, meeting: URIRef, number: str | None, position: int) -> URIRef:
        return URIRef(f"{meeting}/item/{slug(number) if number else f'p{position}'}")

    def person(self, council: str, key: str) -> URIRef:
        return self._u(f"person/{council}/{key}")

    def programme(self, council: str, key: str) -> URIRef:
        return self._u(f"programme/{council}/{key}")

    def scheme(self, council: str) -> URIRef:
        return self._u(f"scheme/{council}/programmes")

    def organisation(self, key: str) -> URIRef:
        return self._u(f"organisation/{key}")

    def role(self, label: str) -> URIRef:
        return self._u(f"role/{slug(label)}")

    def membership(self, council: str, person: str, role: str, org: str) -> URIRef:
        return self._u(f"membership/{council}/{person}/{slug(role)}/{slug(org)}")

    def document(self, source: str) -> URIRef:
        node = self._documents.get(source)
        if node is None:
            node = self._documents[source] = self._mint("document/" + quote(source, safe="/._-~"))
        return node

    def build_activity(self, stamp: str) -> URIRef:
        return self._u(f"build/{stamp}")
