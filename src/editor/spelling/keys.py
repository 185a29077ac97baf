"""How words are compared: lookup keys, accent-free folds and the compact hashed word sets.

* :func:`key`: lower case, ``œ`` -> ``oe``, ``æ`` -> ``ae``, every apostrophe ``'`` (pyspellchecker
  spells ``oedème``). Every dictionary entry is stored under its key.
* :func:`fold`: the key without accents (``État`` -> ``etat``), for capitals written without their
  accent and for suggestions that differ only by diacritics.
* :class:`HashedSet`: a frozen set of words kept as a sorted array of 64-bit BLAKE2b digests. It
  loads from bytes in a fraction of a millisecond (no string object per word), where a ``set`` of
  the 140,000 French words costs about 25 ms to rebuild however it is stored.
"""
from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left

try:
    from _blake2 import blake2b  # without hashlib's OpenSSL start-up (2 ms)
except ImportError:  # pragma: no cover
    from hashlib import blake2b

_KEY_TABLE = str.maketrans({"œ": "oe", "æ": "ae", "\u2019": "'", "\u2018": "'", "\u02bc": "'",
                            "\u2032": "'", "\u00b4": "'", "`": "'"})


def key(word: str) -> str:
    """Lookup key of a word: ``Œdème`` -> ``oedème``, ``aujourd’hui`` -> ``aujourd'hui``."""
    return word.lower().translate(_KEY_TABLE)


class _Unaccented(dict):
    """Code point -> the character without its diacritics (``é`` -> ``e``), filled on first use:
    ``str.translate`` with it is ten times faster than a normalisation per word."""

    def __missing__(self, code: int) -> str:
        out = "".join(c for c in unicodedata.normalize("NFD", chr(code))
                      if not unicodedata.combining(c))
        self[code] = out
        return out


_UNACCENTED = _Unaccented()


def fold(word: str) -> str:
    """Key without accents: ``État`` -> ``etat``, ``Œdème`` -> ``oedeme``."""
    k = key(word)
    if k.isascii():
        return k
    return k.translate(_UNACCENTED)


def fold_key(k: str) -> str:
    """:func:`fold` of a string that is already a key."""
    return k if k.isascii() else k.translate(_UNACCENTED)


def digest(word: str) -> int:
    return int.from_bytes(blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little")


class HashedSet:
    """Membership of strings through a sorted ``array('Q')`` of their 64-bit digests.

    A false "known" needs a 64-bit collision: about one chance in 10^14 per unknown word for a
    dictionary of 150,000 entries.
    """

    __slots__ = ("_a", "_n")

    def __init__(self, digests) -> None:   # array('Q') or memoryview cast to 'Q'
        self._a = digests
        self._n = len(digests)

    @classmethod
    def of(cls, words) -> "HashedSet":
        return cls(array("Q", sorted({digest(w) for w in words})))

    @classmethod
    def frombytes(cls, data: bytes) -> "HashedSet":
        a = array("Q")
        a.frombytes(data)
        return cls(a)

    def tobytes(self) -> bytes:
        return bytes(self._a)

    def __len__(self) -> int:
        return self._n

    def __contains__(self, word: str) -> bool:
        h = digest(word)
        a = self._a
        i = bisect_left(a, h)
        return i < self._n and a[i] == h

    def index(self, word: str) -> int:
        """Position of ``word`` in the digest order (for arrays aligned with it), or -1."""
        h = digest(word)
        a = self._a
        i = bisect_left(a, h)
        return i if i < self._n and a[i] == h else -1
