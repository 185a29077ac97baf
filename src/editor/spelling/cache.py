"""The compiled dictionary in the user's cache folder: built once, loaded in well under 1 ms.

Two files per dictionary version, both named after :func:`editor.spelling.lexicon.sources_key`
(pyspellchecker's version and the lexicon files' content), written atomically:

* ``fr-<key>.words``: what checking needs, three :class:`HashedSet` digest arrays (known words,
  proper nouns, accent-free forms). About 1.5 MB, read in one call and used in place (memoryview).
* ``fr-<key>.suggest``: what suggestions need: the frequencies of the known words (an array in
  the order of their digests), a bit filter that rules out most candidate strings before their
  digest is looked up, the accented words and proper nouns by accent-free form, the display forms
  (Paris, œdème). Loaded on the first suggestion (about 10 ms: no string per plain word).

Measured alternatives for the word set (``benchmarks/spelling_load.py``): a text file split into a
set, a marshalled frozenset and a pickled frozenset all cost 24-35 ms for 140,000 words, because
every word becomes a Python string; the digest arrays cost about 0.3 ms.
"""
from __future__ import annotations

import marshal
import os
import sys
from array import array
from pathlib import Path
from zlib import crc32

from editor.spelling.keys import HashedSet, digest, fold
from editor.spelling.sources import sources_key
from editor.fileio import write_atomic

MAGIC = "tact-spelling-fr"
BLOOM_BITS = 1 << 21        # 256 KB: about 6 % of non-words pass it
PROPER_FREQUENCY = 200     # weight of a proper noun in suggestions (pyspellchecker: 50 .. 16 million)
SUBDIR = "spelling"


class WordSets:
    """What checking needs (plain class: a dataclass costs a millisecond of start-up)."""
    __slots__ = ("common", "proper", "folds")

    def __init__(self, common: HashedSet, proper: HashedSet, folds: HashedSet) -> None:
        self.common = common    # keys of known words and compounds
        self.proper = proper    # keys of proper nouns, brands and acronyms (capitalised in lexicons)
        self.folds = folds      # accent-free forms that differ from their word (etat, oedeme)


class SuggestData:
    """What suggestions need, beside the :class:`WordSets`."""
    __slots__ = ("sets", "freqs", "bloom", "by_fold", "display")

    def __init__(self, sets: WordSets, freqs: array, bloom: bytes,
                 by_fold: dict[str, tuple[str, ...]], display: dict[str, str]) -> None:
        self.sets = sets
        self.freqs = freqs        # frequency of each known word, in the order of sets.common
        self.bloom = bloom        # CRC-32 bit filter of the known words: rules most candidates out
        self.by_fold = by_fold    # accent-free form -> accented words and all proper nouns
        self.display = display    # key -> form to show (Paris, œdème)

    def is_word(self, k: str) -> bool:
        """``k`` is a known word (about 0.3 µs for most non-words, 1.5 µs otherwise)."""
        h = crc32(k.encode("utf-8", "surrogatepass")) & (BLOOM_BITS - 1)
        return bool(self.bloom[h >> 3] & (1 << (h & 7))) and k in self.sets.common

    def freq(self, k: str) -> int:
        """Frequency of a known word, PROPER_FREQUENCY for a proper noun only, 0 if unknown."""
        i = self.sets.common.index(k)
        if i >= 0:
            return self.freqs[i]
        return PROPER_FREQUENCY if k in self.sets.proper else 0


def _paths(cache_dir: Path, skey: str) -> tuple[Path, Path]:
    d = cache_dir / SUBDIR
    return d / f"fr-{skey}.words", d / f"fr-{skey}.suggest"


def _encode(voc, skey: str) -> tuple[bytes, bytes]:
    common = voc.common
    proper = voc.proper
    by_fold: dict[str, list[str]] = {}
    for k in (*common, *proper):
        f = fold(k)
        if f != k:
            by_fold.setdefault(f, []).append(k)
    folds = HashedSet.of(by_fold)
    for k in proper:
        if fold(k) == k:        # ascii proper nouns: found by suggestions through the same index
            by_fold.setdefault(k, []).append(k)
    ordered = sorted((digest(k), k) for k in common)
    digests = array("Q", (d for d, _ in ordered))
    freqs = array("I", (min(common[k], 2**32 - 1) for _, k in ordered))
    bloom = bytearray(BLOOM_BITS // 8)
    for k in common:
        h = crc32(k.encode("utf-8", "surrogatepass")) & (BLOOM_BITS - 1)
        bloom[h >> 3] |= 1 << (h & 7)
    words = _pack_words(skey, digests.tobytes(), HashedSet.of(proper).tobytes(), folds.tobytes())
    display = dict(voc.display)
    display.update(proper)
    suggest = marshal.dumps((MAGIC, skey, sys.byteorder, freqs.tobytes(), bytes(bloom),
                             {f: tuple(sorted(set(ks))) for f, ks in by_fold.items()}, display))
    return words, suggest


def _pack_words(skey: str, *arrays: bytes) -> bytes:
    """Header (its length on 8 bytes, then marshal) padded to 8 bytes, then the raw arrays: read
    back without copying them (:func:`_decode_words`)."""
    header = marshal.dumps((MAGIC, skey, sys.byteorder, [len(a) for a in arrays]))
    head = len(header).to_bytes(8, "little") + header
    head += b"\0" * (-len(head) % 8)
    return b"".join((head, *arrays))


def _decode_words(data: bytes, skey: str) -> WordSets | None:
    try:
        hl = int.from_bytes(data[:8], "little")
        magic, k, order, sizes = marshal.loads(data[8:8 + hl])
        if magic != MAGIC or k != skey or order != sys.byteorder or len(sizes) != 3:
            return None
        pos = 8 + hl + (-(8 + hl) % 8)
        if pos + sum(sizes) != len(data):
            return None
        view = memoryview(data)
        sets = []
        for n in sizes:
            sets.append(HashedSet(view[pos:pos + n].cast("Q")))
            pos += n
        return WordSets(*sets)
    except (ValueError, EOFError, TypeError):
        return None


def _decode_suggest(data: bytes, skey: str, sets: WordSets) -> SuggestData | None:
    try:
        magic, k, order, freqs, bloom, by_fold, display = marshal.loads(data)
        if magic != MAGIC or k != skey or order != sys.byteorder:
            return None
        a = array("I")
        a.frombytes(freqs)
        if len(a) != len(sets.common) or len(bloom) != BLOOM_BITS // 8:
            return None
        return SuggestData(sets, a, bloom, by_fold, display)
    except (ValueError, EOFError, TypeError):
        return None


def _read(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


class DictionaryCache:
    """Finds, builds and loads the compiled dictionary for one resources folder."""

    def __init__(self, resources: Path, cache_dir: Path) -> None:
        self.resources = resources
        self.cache_dir = cache_dir
        self.key = sources_key(resources)
        self.words_path, self.suggest_path = _paths(cache_dir, self.key)
        self.built = False          # True when this process had to build the cache
        self.write_error: str = ""  # why the cache could not be saved (then it lives in memory)
        self._suggest_blob: bytes | None = None

    def load_words(self) -> WordSets:
        data = _read(self.words_path)
        sets = _decode_words(data, self.key) if data else None
        if sets is None:
            sets = _decode_words(self.build(), self.key)
        return sets

    def load_suggest(self, sets: WordSets) -> SuggestData:
        """The suggestion data matching ``sets`` (from :meth:`load_words`)."""
        data = self._suggest_blob or _read(self.suggest_path)
        sd = _decode_suggest(data, self.key, sets) if data else None
        if sd is None:
            words, suggest = self._build()
            sd = _decode_suggest(suggest, self.key, _decode_words(words, self.key))
        self._suggest_blob = None
        return sd

    def build(self) -> bytes:
        """Read every source, write both files, return the ``.words`` data."""
        return self._build()[0]

    def _build(self) -> tuple[bytes, bytes]:
        from editor.spelling.lexicon import collect

        words, suggest = _encode(collect(self.resources), self.key)
        self.built = True
        self._suggest_blob = suggest
        if sources_key(self.resources) != self.key:
            # A lexicon changed while it was read (another program is writing it): use this
            # build now, save nothing; the next start builds from the finished file.
            self.write_error = "lexicon files changed during the build"
            return words, suggest
        try:
            write_atomic(self.suggest_path, suggest)
            write_atomic(self.words_path, words)
        except OSError as e:   # read-only or full disk: keep working from memory
            self.write_error = str(e)
        else:
            self._suggest_blob = None
            self._remove_stale()
        return words, suggest

    def _remove_stale(self, age: float = 600.0) -> None:
        """Delete the files of other dictionary versions written more than ``age`` seconds ago."""
        import time

        keep = {self.words_path.name, self.suggest_path.name}
        limit = time.time() - age
        for p in self.words_path.parent.glob("fr-*"):
            try:
                if p.name not in keep and p.stat().st_mtime < limit:
                    os.unlink(p)
            except OSError:
                pass
