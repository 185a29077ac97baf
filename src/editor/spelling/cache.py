"""The compiled dictionary in the user's cache folder: built once, loaded in well under 1 ms.

Two files per dictionary version, both named after :func:`editor.spelling.lexicon.sources_key`
(pyspellchecker's version and the lexicon files' content), written atomically:

* ``fr-<key>.words``: what checking needs, four :class:`HashedSet` digest arrays (common words:
  pyspellchecker's and the lexicons'; proper nouns; accent-free forms; rare words, those only the
  Dicollecte list knows). About 5 MB, read in one call and used in place (memoryview).
* ``fr-<key>.suggest``: what suggestions need: the frequencies of the known words (an array in
  the order of their digests), a bit filter that rules out most candidate strings before their
  digest is looked up, the accented words and proper nouns by accent-free form (a
  :class:`FoldIndex`: digests, offsets and one UTF-8 block, no string until a lookup finds one),
  the display forms (Paris, œdème). Loaded on the first suggestion (a few milliseconds).

Measured alternatives for the word set (``benchmarks/spelling_bench.py``): a text file split into a
set, a marshalled frozenset and a pickled frozenset all cost 24-35 ms for 140,000 words (about
100 ms for the 460,000 of today's list), because every word becomes a Python string; the digest
arrays cost about a millisecond. The accent-free index was a marshalled dict: 130 ms to load once
the Dicollecte list came in, hence the :class:`FoldIndex`.
"""
from __future__ import annotations

import marshal
import os
import sys
from array import array
from itertools import accumulate
from pathlib import Path
from zlib import crc32

from editor.fileio import write_atomic
from editor.spelling.keys import HashedSet, digest, fold_key
from editor.spelling.keys import blake2b as _blake2b
from editor.spelling.sources import sources_key

MAGIC = "tact-spelling-fr"
BLOOM_BITS = 1 << 23        # 1 MB: about 5 % of non-words pass it (460,000 words)
PROPER_FREQUENCY = 200     # weight of a proper noun in suggestions (pyspellchecker: 50 .. 16e6)
RARE_FREQUENCY = 20        # weight of a rare word (only in the Dicollecte list): offered last
SUBDIR = "spelling"


class WordSets:
    """What checking needs (plain class: a dataclass costs a millisecond of start-up)."""
    __slots__ = ("common", "proper", "folds", "rare")

    def __init__(self, common: HashedSet, proper: HashedSet, folds: HashedSet,
                 rare: HashedSet) -> None:
        self.common = common    # keys of known words and compounds (bases of regular derivations)
        self.proper = proper    # keys of proper nouns, brands, acronyms (capitalised in lexicons)
        self.folds = folds      # accent-free forms that differ from their word (etat, oedeme)
        self.rare = rare        # keys of the words only the Dicollecte list knows: accepted as
                                # written, never the base of a derivation (re- + commende)


def _digests(strings) -> list[int]:
    """:func:`editor.spelling.keys.digest` of many strings (inlined: a build digests 700,000)."""
    b2 = _blake2b
    frm = int.from_bytes
    return [frm(b2(s.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
            for s in strings]


class FoldIndex:
    """Accent-free form -> the keys written with accents (and the proper nouns) that have it,
    read in place: the sorted digests of the forms, the offsets of their entries in one UTF-8
    block (keys separated by tabs). Loading it creates three objects, not 400,000 strings."""
    __slots__ = ("_keys", "_offsets", "_blob")

    def __init__(self, keys: HashedSet, offsets: array, blob: bytes) -> None:
        self._keys = keys
        self._offsets = offsets       # len(keys) + 1 offsets into blob
        self._blob = blob

    @classmethod
    def of(cls, entries: dict[str, list[str]], digests: dict[str, int] | None = None
           ) -> "FoldIndex":
        forms = list(entries)
        digs = [digests[f] for f in forms] if digests is not None else _digests(forms)
        order = sorted(range(len(forms)), key=digs.__getitem__)
        keys = HashedSet(array("Q", [digs[i] for i in order]))
        parts = [ks[0].encode("utf-8", "surrogatepass") if len(ks) == 1 else
                 "\t".join(sorted(set(ks))).encode("utf-8", "surrogatepass")
                 for ks in (entries[forms[i]] for i in order)]
        offsets = array("I", [0])
        offsets.extend(accumulate(map(len, parts)))
        return cls(keys, offsets, b"".join(parts))

    def get(self, f: str, default=()) -> tuple[str, ...] | tuple:
        i = self._keys.index(f)
        if i < 0:
            return default
        a = self._offsets
        return tuple(self._blob[a[i]:a[i + 1]].decode("utf-8", "surrogatepass").split("\t"))

    def __len__(self) -> int:
        return len(self._keys)

    def tobytes(self) -> tuple[bytes, bytes, bytes]:
        return self._keys.tobytes(), self._offsets.tobytes(), self._blob


class SuggestData:
    """What suggestions need, beside the :class:`WordSets`."""
    __slots__ = ("sets", "freqs", "bloom", "by_fold", "display")

    def __init__(self, sets: WordSets, freqs: array, bloom: bytes,
                 by_fold: FoldIndex, display: dict[str, str]) -> None:
        self.sets = sets
        self.freqs = freqs        # frequency of each known word, in the order of sets.common
        self.bloom = bloom        # CRC-32 bit filter of the known words: rules most candidates out
        self.by_fold = by_fold    # accent-free form -> accented words and all proper nouns
        self.display = display    # key -> form to show (Paris, œdème)

    def is_word(self, k: str) -> bool:
        """``k`` is a known word (about 0.3 µs for most non-words, 1.5 µs otherwise)."""
        h = crc32(k.encode("utf-8", "surrogatepass")) & (BLOOM_BITS - 1)
        return bool(self.bloom[h >> 3] & (1 << (h & 7))) and (
            k in self.sets.common or k in self.sets.rare)

    def freq(self, k: str) -> int:
        """Frequency of a known word, PROPER_FREQUENCY for a proper noun only, RARE_FREQUENCY
        for a rare word, 0 if unknown."""
        i = self.sets.common.index(k)
        if i >= 0:
            return self.freqs[i]
        if k in self.sets.proper:
            return PROPER_FREQUENCY
        return RARE_FREQUENCY if k in self.sets.rare else 0


def _paths(cache_dir: Path, skey: str) -> tuple[Path, Path]:
    d = cache_dir / SUBDIR
    return d / f"fr-{skey}.words", d / f"fr-{skey}.suggest"


def _encode(voc, skey: str) -> tuple[bytes, bytes]:
    """Both cache files from a :class:`editor.spelling.lexicon.Vocabulary` (1.5 s of CPU for
    the 460,000 known words: one digest, one CRC and at most one fold per word; with reading the
    sources, a first start builds the cache in about 2.5 s)."""
    common = voc.common
    proper = voc.proper
    rare = voc.rare
    by_fold: dict[str, list[str]] = {}
    for group in (common, proper, rare):
        for k in group:
            if not k.isascii():
                f = fold_key(k)
                if f != k:
                    by_fold.setdefault(f, []).append(k)
    fold_digests = dict(zip(by_fold, _digests(by_fold)))
    folds = HashedSet(array("Q", sorted(fold_digests.values())))
    for k in proper:
        if k.isascii():         # ascii proper nouns: found by suggestions through the same index
            if k not in by_fold:
                fold_digests[k] = digest(k)
            by_fold.setdefault(k, []).append(k)
    keys = list(common)
    values = list(common.values())
    top = 2**32 - 1
    if values and max(values) > top:
        values = [min(v, top) for v in values]
    digs = _digests(keys)
    order = sorted(range(len(keys)), key=digs.__getitem__)
    digests = array("Q", [digs[i] for i in order])
    freqs = array("I", [values[i] for i in order])
    bloom = bytearray(BLOOM_BITS // 8)
    mask = BLOOM_BITS - 1
    for group in (keys, rare):
        for k in group:
            h = crc32(k.encode("utf-8", "surrogatepass")) & mask
            bloom[h >> 3] |= 1 << (h & 7)
    words = _pack_words(skey, digests.tobytes(), HashedSet.of(proper).tobytes(), folds.tobytes(),
                        array("Q", sorted(_digests(rare))).tobytes())
    display = dict(voc.display)
    display.update(proper)
    suggest = marshal.dumps((MAGIC, skey, sys.byteorder, freqs.tobytes(), bytes(bloom),
                             *FoldIndex.of(by_fold, fold_digests).tobytes(), display))
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
        if magic != MAGIC or k != skey or order != sys.byteorder or len(sizes) != 4:
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
        magic, k, order, freqs, bloom, fkeys, foffsets, fblob, display = marshal.loads(data)
        if magic != MAGIC or k != skey or order != sys.byteorder:
            return None
        a = array("I")
        a.frombytes(freqs)
        offsets = array("I")
        offsets.frombytes(foffsets)
        index = FoldIndex(HashedSet.frombytes(fkeys), offsets, fblob)
        if (len(a) != len(sets.common) or len(bloom) != BLOOM_BITS // 8
                or len(offsets) != len(index) + 1 or offsets[-1] != len(fblob)):
            return None
        return SuggestData(sets, a, bloom, index, display)
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
            assert sets is not None, "a fresh build always decodes"
        return sets

    def load_suggest(self, sets: WordSets) -> SuggestData:
        """The suggestion data matching ``sets`` (from :meth:`load_words`)."""
        data = self._suggest_blob or _read(self.suggest_path)
        sd = _decode_suggest(data, self.key, sets) if data else None
        if sd is None:
            words, suggest = self._build()
            fresh = _decode_words(words, self.key)
            assert fresh is not None, "a fresh build always decodes"
            sd = _decode_suggest(suggest, self.key, fresh)
            assert sd is not None, "a fresh build always decodes"
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
