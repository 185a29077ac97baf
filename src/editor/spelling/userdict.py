"""The user's own dictionary (« Ajouter au dictionnaire »): ``dictionary.txt`` in the data folder.

UTF-8, one word per line, ``#`` comment lines kept. Every change re-reads the file first (another
Tact window or the command line may have added words meanwhile), then writes it atomically: a
crash leaves the old or the new list, never a part. A file that is not valid UTF-8 or holds binary
data raises :class:`UserDictionaryError` and is never overwritten.
"""
from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

from editor.fileio import write_atomic
from editor.spelling.keys import key
from editor.text.fold import light

FILE_NAME = "dictionary.txt"
MAX_WORD = 100


class UserDictionaryError(Exception):
    """The user dictionary cannot be read or written."""


def clean_word(word: str) -> str:
    """The word as it will be stored, or ``ValueError`` when it is not one word."""
    if not isinstance(word, str):
        raise ValueError("un mot est attendu")
    w = light(unicodedata.normalize("NFC", word))[0].strip()
    if not w:
        raise ValueError("mot vide")
    if len(w) > MAX_WORD:
        raise ValueError(f"mot trop long (plus de {MAX_WORD} caractères)")
    if any(c.isspace() for c in w) or w.startswith("#") or not any(c.isalpha() for c in w) \
            or any(unicodedata.category(c)[0] == "C" for c in w):
        raise ValueError(f"« {w} » n'est pas un mot seul")
    return w


class UserDictionary:
    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._lock = threading.Lock()
        self._words: list[str] = []

    def load(self) -> list[str]:
        """Read the file (missing: empty); raise :class:`UserDictionaryError` if it is damaged."""
        with self._lock:
            self._words = [w for w in self._read() if not w.startswith("#")]
            return list(self._words)

    @property
    def words(self) -> list[str]:
        return list(self._words)

    def add(self, word: str) -> bool:
        """Add ``word`` (False if a word with the same key is already there)."""
        w = clean_word(word)
        with self._lock:
            lines = self._read()
            if any(key(x) == key(w) for x in lines if not x.startswith("#")):
                self._words = [x for x in lines if not x.startswith("#")]
                return False
            lines.append(w)
            self._write(lines)
            self._words = [x for x in lines if not x.startswith("#")]
            return True

    def remove(self, word: str) -> bool:
        """Remove every entry with the same key as ``word`` (False if there was none)."""
        k = key(light(unicodedata.normalize("NFC", word))[0].strip())
        with self._lock:
            lines = self._read()
            kept = [x for x in lines if x.startswith("#") or key(x) != k]
            if len(kept) == len(lines):
                self._words = [x for x in lines if not x.startswith("#")]
                return False
            self._write(kept)
            self._words = [x for x in kept if not x.startswith("#")]
            return True

    def _read(self) -> list[str]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as e:
            raise UserDictionaryError(
                f"Dictionnaire personnel illisible ({self.path}) : {e}") from e
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise UserDictionaryError(
                f"Dictionnaire personnel endommagé ({self.path}) : ce n'est pas du texte UTF-8 "
                f"(octet {e.start}). Le fichier n'a pas été modifié ; corrigez-le ou "
                f"déplacez-le pour repartir d'un dictionnaire vide.") from e
        if "\x00" in text:
            raise UserDictionaryError(
                f"Dictionnaire personnel endommagé ({self.path}) : il contient des données "
                f"binaires. Le fichier n'a pas été modifié ; corrigez-le ou déplacez-le pour "
                f"repartir d'un dictionnaire vide.")
        out: list[str] = []
        for line in text.splitlines():
            line = unicodedata.normalize("NFC", line).strip()
            if line:
                out.append(line if line.startswith("#") else light(line)[0])
        return out

    def _write(self, lines: list[str]) -> None:
        try:
            write_atomic(self.path, ("\n".join(lines) + "\n").encode("utf-8"))
        except OSError as e:
            raise UserDictionaryError(
                f"Impossible d'enregistrer le dictionnaire personnel ({self.path}) : {e}") from e
