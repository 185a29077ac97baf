"""Dictionary sources: pyspellchecker's French dictionary and the ``resources/lexicon/*.txt`` files.

Nothing here runs on a normal start: :func:`sources_key` (a few stat calls and one hash of the small
lexicon files) tells whether the cached word sets are still valid, and :func:`collect` reads every
source only when the cache has to be rebuilt.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path

from editor.spelling.keys import key

FORMAT = 1                 # bump when the way entries are read or stored changes
LEXICON_FREQUENCY = 1000   # weight of a lexicon word in suggestions (pyspellchecker: 50 .. 16 million)
PROPER_FREQUENCY = 200

_VERSION = re.compile(r"""__version__\s*=\s*["']([^"']+)["']""")


def lexicon_files(resources: Path) -> list[Path]:
    folder = resources / "lexicon"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def pyspell_signature() -> str:
    """pyspellchecker's version and the size of its French list, read without importing it (20 ms)."""
    try:
        spec = importlib.util.find_spec("spellchecker")
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return "pyspellchecker-missing"
    for folder in spec.submodule_search_locations or ():
        base = Path(folder)
        try:
            version = _VERSION.search((base / "info.py").read_text(encoding="utf-8")).group(1)
            return f"{version}:{(base / 'resources' / 'fr.json.gz').stat().st_size}"
        except (OSError, AttributeError):
            continue
    try:  # frozen application: no files beside the modules
        from spellchecker.info import __version__
        return __version__
    except ImportError:
        return "pyspellchecker-missing"


def sources_key(resources: Path) -> str:
    """Hash of everything the cached word sets depend on."""
    h = blake2b(digest_size=12)
    h.update(f"format {FORMAT}\npyspellchecker {pyspell_signature()}\n".encode())
    for p in lexicon_files(resources):
        try:
            data = p.read_bytes()
        except OSError:
            continue
        h.update(f"{p.name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


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
        if "." in w or " " in w or any(c.isdigit() for c in w):
            continue   # abbreviations with their dot, never one token here
        k = key(unicodedata.normalize("NFC", w))
        out[k] = max(f, out.get(k, 0))
    return out


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
    proper: dict[str, str] = field(default_factory=dict)    # key -> display form ("paris" -> "Paris")
    display: dict[str, str] = field(default_factory=dict)   # key -> display when it differs (œdème)


def collect(resources: Path) -> Vocabulary:
    voc = Vocabulary(common=read_pyspellchecker())
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
    return voc
