"""What the compiled dictionary depends on, checked at every start in well under a millisecond.

:func:`sources_key` hashes the format of the cache, pyspellchecker's version (read from its files,
without importing it: 20 ms) and the names and content of the ``resources/lexicon/*.txt`` files.
"""
from __future__ import annotations

from pathlib import Path

from editor.spelling.keys import blake2b

FORMAT = 7                 # bump when the way entries are read or stored changes


def lexicon_files(resources: Path) -> list[Path]:
    """The bundled word lists, plus the word lists of the bundled rule packs (brand names and
    cue words that the rules know are words, not misspellings)."""
    folder = resources / "lexicon"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    rules = resources.parent / "rules"
    if rules.is_dir():
        files.extend(sorted(rules.glob("*/lexicons/*.txt")))
    return files


def wordlist_files(resources: Path) -> list[Path]:
    """The bundled compressed word lists (``dicollecte-fr.txt.gz``: see
    ``scripts/build_wordlist.py``): one word form a line, ``#`` comment lines."""
    folder = resources / "lexicon"
    return sorted(folder.glob("*.txt.gz")) if folder.is_dir() else []


def gzip_fingerprint(path: Path) -> bytes:
    """Size of a gzip file and its trailer (CRC-32 and length of the content)."""
    with open(path, "rb") as f:
        size = f.seek(0, 2)
        f.seek(max(0, size - 8))
        return size.to_bytes(8, "little") + f.read(8)


def pyspell_signature() -> str:
    """pyspellchecker's version and the size of its French list, found on ``sys.path`` without
    importing it (an import costs 20 ms)."""
    from editor.paths import package_file, package_version

    words = package_file("spellchecker", "resources/fr.json.gz")
    if words is not None:
        # Without a version: a frozen application (modules in an archive, data files beside).
        version = package_version("spellchecker", "info.py") or "bundled"
        return f"{version}:{words.stat().st_size}"
    try:
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
    for p in wordlist_files(resources):
        try:
            h.update(f"{p.name}\0".encode() + gzip_fingerprint(p))
        except OSError:
            continue
    return h.hexdigest()
