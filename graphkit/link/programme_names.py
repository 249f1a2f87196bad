"""How two names of one programme are told apart or matched: normal forms and near misses."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon

__all__ = ["acronym_of_key", "endings", "programme_key", "subsequence", "typo_pair"]

_DROP_HEADS = lexicon.generic_programme_heads()
# words an acronym does not spell
_SMALL = lexicon.minor_words()


def _singular(word: str) -> str:
    """
    >>> [_singular(w) for w in ("activities", "plans", "business", "focus", "bus")]
    ['activity', 'plan', 'business', 'focus', 'bus']
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 16)  # names repeat: a council's mentions of one programme
def programme_key(text: str, place: str = "") -> str:
    """The normal form two names of one programme share.

    >>> programme_key("Coventry Holiday Activities and Food (HAF) Programme", "coventry")
    'holiday activity and food'
    >>> programme_key("Holiday Activity and Food Programme")
    'holiday activity and food'
    >>> programme_key("Children & Young People's Plan") == programme_key("Children and Young People Plan")
    True
    """
    t = text.replace("’", "'").replace("&", " and ").lower()
    t = re.sub(r"\([^)]*\)", " ", t)
    t = re.sub(r"'s\b|s'(?=\s|$)|'", "", t)
    words = [_singular(w) for w in re.findall(r"[a-z0-9]+", t)]
    while words and (
        words[0] in ("the", "a", "an") or (place and words[0] in (place, place + "s"))
    ):
        words = words[1:]
    while len(words) > 1 and words[-1] in _DROP_HEADS:
        words = words[:-1]
    return " ".join(words)


def endings(key: str) -> list[str]:
    """What follows each space of a normal form: a name ``o`` ends with " " + ``k``
    exactly when ``k`` is one of ``endings(o)``.

    >>> endings("city strategic plan")
    ['strategic plan', 'plan']
    """
    return [key[i + 1 :] for i, ch in enumerate(key) if ch == " "]


def subsequence(short: list[str], long: list[str]) -> bool:
    """Whether ``short``'s words appear in ``long`` in the same order.

    >>> subsequence("ofsted action plan".split(), "child service ofsted area for development action plan".split())
    True
    >>> subsequence("plan action".split(), "action plan".split())
    False
    """
    it = iter(long)
    return all(w in it for w in short)


def acronym_of_key(key: str) -> str:
    """The acronym a normal form's main words spell.

    >>> acronym_of_key("holiday activity and food")
    'HAF'
    """
    return "".join(w[0] for w in key.split() if w not in _SMALL).upper()


def _edits(a: str, b: str) -> int:
    """Levenshtein distance, or 3 when the lengths alone differ by more than 2.

    >>> _edits("value", "valued"), _edits("hub", "club"), _edits("a", "abcd")
    (1, 2, 3)
    """
    if abs(len(a) - len(b)) > 2:
        return 3
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def typo_pair(a: str, b: str) -> bool:
    """One-word spelling slip, or one qualifier word inserted in a long name.

    >>> typo_pair("family value", "family valued"), typo_pair("youth hub", "youth club")
    (True, False)
    >>> typo_pair("child service area for development action plan",
    ...           "child service ofsted area for development action plan")
    True
    """
    wa, wb = a.split(), b.split()
    if abs(len(wa) - len(wb)) == 1 and min(len(wa), len(wb)) >= 5:
        short, long = sorted((wa, wb), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    if len(wa) != len(wb) or len(wa) < 2 or any(ch.isdigit() for ch in a + b):
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diff) != 1 or min(len(diff[0][0]), len(diff[0][1])) < 4:
        return False
    x, y = diff[0]
    # one slipped letter; or an inflection ("work"/"worker", "value"/"valued"), never two
    # different words of the same length ("Northside"/"Southside")
    return _edits(x, y) == 1 or (_edits(x, y) == 2 and (x.startswith(y) or y.startswith(x)))
