"""Reading the dictionary sources, only when the cache has to be rebuilt: pyspellchecker's French
list (words and frequencies), the word list of Dicollecte
(``resources/lexicon/dicollecte-fr.txt.gz``: every inflected form of the Grammalecte / Hunspell
« toutes variantes » dictionary, classical and 1990 spellings, built by
``scripts/build_wordlist.py``) and the ``resources/lexicon/*.txt`` files (see
:mod:`editor.spelling.sources`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from editor.spelling.keys import key
from editor.spelling.sources import lexicon_files, wordlist_files

LEXICON_FREQUENCY = 1000   # weight of a lexicon word in suggestions (pyspellchecker: 50 .. 16e6)

_ABBREVIATION = re.compile(r"^[^\W\d_]+\.$")
_DIGIT = re.compile(r"\d")


def read_pyspellchecker() -> dict[str, int]:
    """pyspellchecker's French words and frequencies, under their keys."""
    import gzip
    import json
    import pkgutil

    try:
        raw = pkgutil.get_data("spellchecker", "resources/fr.json.gz")
    except (ImportError, OSError):
        raw = None
    if raw:
        words = json.loads(gzip.decompress(raw).decode("utf-8"))
    else:  # pragma: no cover - unusual installs
        from spellchecker import SpellChecker

        words = dict(SpellChecker(language="fr").word_frequency.dictionary)
    out: dict[str, int] = {}
    for w, f in words.items():
        if not w.isalpha():
            if " " in w or _DIGIT.search(w) or ("." in w and not _ABBREVIATION.match(w)):
                continue   # kept: abbreviations as "etc.", read only when a dot follows the word
        if w.isascii() and w.islower() and "`" not in w:
            k = w
        else:
            k = key(unicodedata.normalize("NFC", w))
        out[k] = max(f, out.get(k, 0))
    return out


def read_wordlist(path: Path) -> list[str]:
    """The words of a compressed word list (one a line, ``#`` comments), or [] if unreadable."""
    import gzip
    import zlib

    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError):
        return []          # damaged or half-written: the next start rebuilds with it
    return [w for w in text.split("\n") if w and not w.startswith("#")]


@dataclass
class Entry:
    display: str     # as written in the lexicon (light view): "œdème", "Saint-Étienne"
    proper: bool     # contains a capital: proper noun, brand or acronym


def parse_lexicon(text: str) -> list[Entry]:
    """Entries of one lexicon file: every word and hyphenated compound of every line.

    ``infirmier de bloc`` gives three words; ``patte-d'oie`` gives the compound and ``patte``,
    ``oie``; ``Aix-en-Provence`` gives the compound and its parts. ``#`` starts a comment.
    """
    from editor.spelling.groups import groups
    from editor.text.fold import light
    from editor.text.tokens import tokenize

    out: list[Entry] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        toks = tokenize(light(unicodedata.normalize("NFC", line))[0])
        for g in groups(toks):
            names = [toks.surface[p] for p in g.parts]
            if len(g.parts) > 1:
                names.append(toks.text[toks.start[g.first]:toks.end[g.last]])
            for w in names:
                if len(w) > 1 or len(g.parts) > 1:
                    out.append(Entry(w, not w.islower()))
    return out


@dataclass
class Vocabulary:
    """Everything the caches are built from."""
    common: dict[str, int] = field(default_factory=dict)    # key -> frequency
    proper: dict[str, str] = field(default_factory=dict)    # key -> display ("paris" -> "Paris")
    display: dict[str, str] = field(default_factory=dict)   # key -> display when it differs (œdème)
    rare: set[str] = field(default_factory=set)             # keys only the word lists know


def collect(resources: Path) -> Vocabulary:
    voc = Vocabulary(common=read_pyspellchecker())
    common, proper, display = voc.common, voc.proper, voc.display
    rare: set[str] = set()
    names: dict[str, str] = {}
    for p in wordlist_files(resources):
        for w in read_wordlist(p):
            if w.isascii() and w.islower() and "`" not in w:
                k = w                                     # most words: already their key
            else:
                w = unicodedata.normalize("NFC", w)
                k = key(w)
            if not w.islower():
                names.setdefault(k, w)            # Allemagne, ADN, Xi'an: as written
            else:
                if k not in common:
                    rare.add(k)
                if w != k:
                    display.setdefault(k, w)      # cœur, œdème (key: coeur, oedème)
    for p in lexicon_files(resources):
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue   # a file being written right now: the next start rebuilds with it
        for e in parse_lexicon(text):
            k = key(e.display)
            if e.proper:
                voc.proper.setdefault(k, e.display)
            else:
                voc.common[k] = max(voc.common.get(k, 0), LEXICON_FREQUENCY)
                if e.display != k:
                    voc.display.setdefault(k, e.display)
    for k, w in names.items():
        proper.setdefault(k, w)           # the lexicons' spelling first (iPhone)
    voc.rare = {k for k in rare if k not in common}   # a lexicon word is a common one
    return voc
