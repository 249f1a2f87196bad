"""JSON-LD compaction against graphkit's own context, fast.

pyld implements the whole JSON-LD 1.1 compaction algorithm and takes seconds per
ten thousand statements. graphkit's context (graphkit/data/context.jsonld) uses
only a small part of it: prefixes, simple terms, and terms with a type mapping
(``@id``, ``@vocab`` or a datatype); no ``@vocab``, ``@base``, containers or
language mappings. For such a context the algorithm reduces to the rules below,
applied to the expanded, flattened form pyoxigraph writes. A test checks that the
result is identical to pyld's on real graphs; :func:`supported` refuses any
context that uses more, and the caller then falls back to pyld.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Compactor", "supported"]

_GEN_DELIMS = tuple(":/?#[]@")


def supported(context: dict[str, Any]) -> bool:
    """Whether :class:`Compactor` handles ``context`` exactly.

    >>> supported({"ex": "https://ex.org/", "name": {"@id": "ex:name", "@type": "@id"}})
    True
    >>> supported({"@vocab": "https://ex.org/"}), supported({"n": {"@container": "@set"}})
    (False, False)
    """
    for term, value in context.items():
        if term.startswith("@") or ":" in term:
            return False
        if isinstance(value, dict) and not set(value) <= {"@id", "@type"}:
            return False
        if not isinstance(value, (str, dict)):
            return False
    return True


class Compactor:
    """Compacts expanded JSON-LD node objects against one context (see module doc)."""

    def __init__(self, context: dict[str, Any]) -> None:
        raw = {
            t: (v, None) if isinstance(v, str) else (v["@id"], v.get("@type"))
            for t, v in context.items()
        }
        prefixes = {t: iri for t, (iri, typ) in raw.items() if typ is None and "://" in iri}

        def expand(value: str) -> str:
            head, sep, tail = value.partition(":")
            if sep and not tail.startswith("//") and head in prefixes:
                return prefixes[head] + tail
            return value

        self.terms: dict[str, tuple[str, str | None]] = {
            t: (expand(iri), expand(typ) if typ and not typ.startswith("@") else typ)
            for t, (iri, typ) in raw.items()
        }
        # a term can prefix compact IRIs when its IRI ends with a gen-delim character
        self.prefixes = sorted(
            (t, iri)
            for t, (iri, typ) in self.terms.items()
            if typ is None and iri.endswith(_GEN_DELIMS)
        )
        # inverse context: IRI -> type map and language map; shortest, then least, term wins
        self.inverse: dict[str, dict[str, dict[str, str]]] = {}
        for term in sorted(self.terms, key=lambda t: (len(t), t)):
            iri, typ = self.terms[term]
            entry = self.inverse.setdefault(iri, {"type": {}, "language": {}})
            if typ is not None:
                entry["type"].setdefault(typ, term)
            else:
                entry["language"].setdefault("@none", term)
                entry["type"].setdefault("@none", term)
        self._iri_cache: dict[tuple[str, bool], str] = {}

    def iri(self, iri: str, *, vocab: bool) -> str:
        """IRI compaction: a term (vocab only), else the shortest compact IRI, else as is."""
        key = (iri, vocab)
        hit = self._iri_cache.get(key)
        if hit is not None:
            return hit
        result = None
        if vocab and iri in self.inverse:
            result = self.inverse[iri]["language"].get("@none")
        if result is None:
            candidates = []
            for term, prefix in self.prefixes:
                if iri.startswith(prefix) and len(iri) > len(prefix):
                    candidate = f"{term}:{iri[len(prefix) :]}"
                    if candidate not in self.terms:
                        candidates.append(candidate)
            result = min(candidates, key=lambda c: (len(c), c)) if candidates else iri
        self._iri_cache[key] = result
        return result

    def _term(self, prop: str, value: dict[str, Any]) -> tuple[str, str | None]:
        """The key to write ``value`` of ``prop`` under, and that key's type mapping."""
        entry = self.inverse.get(prop)
        if entry is not None:
            if "@id" in value:
                compacted = self.iri(value["@id"], vocab=True)
                own = compacted in self.terms and self.terms[compacted][0] == value["@id"]
                order = ["@vocab", "@id", "@none"] if own else ["@id", "@vocab", "@none"]
                found = next((entry["type"][p] for p in order if p in entry["type"]), None)
            elif "@type" in value:
                found = next(
                    (entry["type"][p] for p in (value["@type"], "@none") if p in entry["type"]),
                    None,
                )
            else:
                found = entry["language"].get("@none")
            if found is not None:
                return found, self.terms[found][1]
        return self.iri(prop, vocab=True), None

    def _value(self, value: dict[str, Any], typ: str | None) -> Any:
        if "@id" in value:
            if typ == "@id":
                return self.iri(value["@id"], vocab=False)
            if typ == "@vocab":
                return self.iri(value["@id"], vocab=True)
            return {"@id": self.iri(value["@id"], vocab=False)}
        if "@type" in value:
            if typ == value["@type"]:
                return value["@value"]
            return {"@type": self.iri(value["@type"], vocab=True), "@value": value["@value"]}
        if "@language" in value:
            return {"@language": value["@language"], "@value": value["@value"]}
        return value["@value"]

    def node(self, node: dict[str, Any]) -> dict[str, Any]:
        """One expanded node object (or named graph object), compacted."""
        out: dict[str, Any] = {}
        for key in sorted(node):
            values = node[key]
            if key == "@id":
                out["@id"] = self.iri(values, vocab=False)
            elif key == "@type":
                types = [self.iri(t, vocab=True) for t in values]
                out["@type"] = types[0] if len(types) == 1 else types
            elif key == "@graph":
                out["@graph"] = [self.node(n) for n in values]
            else:
                for value in values:
                    name, typ = self._term(key, value)
                    out.setdefault(name, []).append(self._value(value, typ))
        for key, value in out.items():
            if isinstance(value, list) and len(value) == 1 and key not in ("@graph", "@type"):
                out[key] = value[0]
        return out
