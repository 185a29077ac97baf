"""Suggestions for an unknown word, fast enough for a context menu.

Candidates are searched in accent-free space: every word whose accent-free form equals the input's
(``anésthésie`` -> ``anesthésie``, ``Etat`` -> ``État``) comes first, then every word at one edit
(deletion, insertion, substitution or transposition of a letter, hyphen or apostrophe) from it,
whatever its accents (``chirugie`` -> ``chirurgie``, ``résultta`` -> ``résultat``). Each group is
sorted by frequency. There is no distance-2 search: on a 12-letter word it costs about a second.
"""
from __future__ import annotations

from editor.spelling.cache import SuggestData
from editor.spelling.keys import fold, key
from editor.text.fold import light

ALPHABET = "abcdefghijklmnopqrstuvwxyz-'"
USER_FREQUENCY = 1000
MAX_LENGTH = 40


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    for a, b in splits:
        if b:
            rest = b[1:]
            out.update(a + c + rest for c in ALPHABET)
        out.update(a + c + b for c in ALPHABET)
    out.discard(word)
    return out


def styled(word: str, model: str) -> str:
    """``word`` with the capitalisation of ``model`` (Chirugie -> Chirurgie, ETAT -> ÉTAT)."""
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if letters and letters[0].isupper() and word[:1].islower():
        return word[0].upper() + word[1:]
    return word


class Suggester:
    def __init__(self, data: SuggestData) -> None:
        self.data = data
        self.user: dict[str, str] = {}                     # key -> word as the user wrote it
        self.user_by_fold: dict[str, list[str]] = {}

    def set_user_words(self, words: list[str]) -> None:
        self.user = {key(w): w for w in words}
        self.user_by_fold = {}
        for k in self.user:
            self.user_by_fold.setdefault(fold(k), []).append(k)

    def _lookup(self, f: str) -> list[str]:
        """Known keys (words, proper nouns, user words) whose accent-free form is ``f``."""
        d = self.data
        out = list(d.by_fold.get(f, ()))
        if d.is_word(f):
            out.append(f)
        if f in self.user_by_fold:
            out.extend(self.user_by_fold[f])
        return out

    def _freq(self, k: str) -> int:
        return USER_FREQUENCY if k in self.user else self.data.freq(k)

    def _show(self, k: str) -> str:
        return self.user.get(k) or self.data.display.get(k, k)

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        w = light(word)[0].strip()
        if not w or len(w) > MAX_LENGTH or limit <= 0:
            return []
        out = self._rank(w, limit)
        if not out and "-" in w.strip("-"):
            # rendez-vou: fix the first unknown part of a compound
            parts = w.split("-")
            for i, p in enumerate(parts):
                if len(p) > 1 and not self._lookup(fold(p)):
                    return ["-".join(parts[:i] + [x] + parts[i + 1:])
                            for x in self._rank(p, limit)]
        return out

    def _rank(self, w: str, limit: int) -> list[str]:
        f = fold(w)
        seen: set[str] = set()
        ranked: list[str] = []
        for group in ((f,), edits1(f)):
            found: list[str] = []
            for c in group:
                for cand in self._lookup(c):
                    if cand not in seen:
                        seen.add(cand)
                        found.append(cand)
            found.sort(key=lambda c: (-self._freq(c), c))
            ranked.extend(found)
            if len(ranked) >= limit:
                break
        out: list[str] = []
        for cand in ranked:
            s = styled(self._show(cand), w)
            if s not in out and s != w:
                out.append(s)
                if len(out) == limit:
                    break
        return out
