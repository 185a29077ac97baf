"""The French spell checker: which tokens are misspelled, and what to propose instead.

Reading rules (see :mod:`editor.spelling.groups` for compounds):

* only ``word`` tokens: elisions, numbers, hashtags, mentions, URLs, e-mails are never checked;
* a hyphenated compound is looked up whole, then part by part; a wrong part is reported alone;
* skipped: one-letter words, ALL-CAPS words of at most 6 letters (acronyms: HAS, ANSM), words with
  digits, capitalised words inside a sentence (proper nouns);
* a capitalised word that opens a sentence is looked up in lower case, and accepted as well when it
  is a proper noun of the lexicons or when it equals a known word but for its accents (``Etat``);
* lookups ignore case, ``œ``/``oe``, ``æ``/``ae`` and the kind of apostrophe;
* known words: pyspellchecker's list, the lexicons, the user's dictionary (and the regular
  plurals, feminines, prefixed words and verb forms of those, see :mod:`editor.spelling.morph`),
  and every form of the Dicollecte list (``dicollecte-fr.txt.gz``: classical and 1990 spellings),
  the words only that list knows being taken as written, never as the base of a derivation.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from editor.spelling.cache import DictionaryCache
from editor.spelling.groups import groups
from editor.spelling.keys import fold, key
from editor.spelling.morph import bases, stems, verb_forms
from editor.spelling.userdict import UserDictionary, UserDictionaryError, clean_word
from editor.text.tokens import Tokens

ACRONYM_MAX = 6
INLINE_SUGGESTIONS = 5     # suggestions computed by unknown() for each misspelled word
INLINE_BUDGET = 0.02       # seconds of new suggestion searches per unknown() call (index load
                           # excluded): about 30 words; past it, [] and the caller asks suggest()
_MEMO_MAX = 100_000
PARAGRAPHS_MAX = 20_000    # paragraphs whose unknown words are remembered


class Speller:
    """Spell checker over pyspellchecker's French words, the Dicollecte word list, the lexicons and
    the user dictionary.

    ``data_dir``, ``cache_dir`` and ``resources`` default to :mod:`editor.paths` (which honours
    ``TACT_DATA_DIR`` and ``TACT_CACHE_DIR``); tests pass their own folders.
    """

    def __init__(self, data_dir: Path | None = None, cache_dir: Path | None = None,
                 resources: Path | None = None, inline_suggestions: bool = True) -> None:
        from editor import paths

        t0 = time.perf_counter()
        self.data_dir = Path(data_dir) if data_dir is not None else paths.user_data_dir()
        self.cache_dir = Path(cache_dir) if cache_dir is not None else paths.user_cache_dir()
        self.resources = Path(resources) if resources is not None else paths.resources_dir()
        self.inline_suggestions = inline_suggestions
        self._cache = DictionaryCache(self.resources, self.cache_dir)
        self._sets = sets = self._cache.load_words()
        self._common, self._proper, self._folds = sets.common, sets.proper, sets.folds
        self._rare = sets.rare
        self._lock = threading.Lock()
        self._suggester = None
        self._memo: dict[str, bool] = {}
        self._paragraphs: dict[str, tuple] = {}   # paragraph text -> its unknown words
        self._suggested: dict[str, tuple[str, ...]] = {}
        self._user = UserDictionary(self.data_dir)
        self.user_error = ""     # why the user dictionary could not be read (then it is empty)
        self._user_keys: set[str] = set()
        self._user_folds: set[str] = set()
        try:
            self._set_user_words(self._user.load())
        except UserDictionaryError as e:
            self.user_error = str(e)
        self.load_seconds = time.perf_counter() - t0
        self.cache_built = self._cache.built

    # -- lookups -------------------------------------------------------------------------------
    def _known_key(self, k: str) -> bool:
        r = self._memo.get(k)
        if r is None:
            r = (k in self._rare or self._listed(k) or any(self._listed(b) for b in stems(k))
                 or any(self._listed(i) and self._listed(p) for i, p in verb_forms(k)))
            if len(self._memo) > _MEMO_MAX:
                self._memo.clear()
            self._memo[k] = r
        return r

    def _listed(self, k: str) -> bool:
        """In a common word list (not the rare words: a derivation from them is too often a
        typo, ``recommende`` <- re + ``commende``), as is or as a regular plural or feminine."""
        return k in self._user_keys or k in self._common or any(
            b in self._user_keys or b in self._common for b in bases(k))

    def _known_capitalised(self, word: str, k: str) -> bool:
        """A word with capitals, once its plain lower-case key is unknown."""
        if k in self._proper:
            return True
        if not word[0].isupper():
            return False            # iPhone: only as written in a lexicon
        f = fold(k)
        return f in self._folds or f in self._user_folds or self._known_key(f)

    def is_known(self, word: str, at_start: bool = True) -> bool:
        """Whether ``word`` (one word or compound, light view) is accepted, by the rules above."""
        if len(word) < 2 or any(c.isdigit() for c in word):
            return True
        first = word[0]
        if first.isupper():
            if len(word) <= ACRONYM_MAX and word.isupper():
                return True
            if not at_start:
                return True
        k = key(word)
        if self._known_key(k):
            return True
        if word.islower():
            return False
        return self._known_capitalised(word, k)

    def _compound_known(self, text: str) -> bool:
        k = key(text)
        if self._known_key(k):
            return True
        return not text.islower() and self._known_capitalised(text, k)

    # -- checking ------------------------------------------------------------------------------
    def unknown(self, toks: Tokens) -> list[tuple[int, int, list[str]]]:
        """Token ranges ``[ts, te)`` of the misspelled words of ``toks``, with suggestions.

        Remembered per paragraph text (until the user dictionary changes), so that a re-check after
        an edit looks up only the paragraph that changed; a result whose suggestions were cut by
        the time budget is not remembered."""
        got = self._paragraphs.get(toks.text)
        if got is not None:
            return [(ts, te, list(sug)) for ts, te, sug in got]
        deadline: list = [None, False]
        out = self._unknown(toks, deadline)
        if not deadline[1]:
            if len(self._paragraphs) >= PARAGRAPHS_MAX:
                self._paragraphs.clear()
            self._paragraphs[toks.text] = tuple((ts, te, tuple(sug)) for ts, te, sug in out)
        return out

    def _unknown(self, toks: Tokens, deadline: list) -> list[tuple[int, int, list[str]]]:
        out: list[tuple[int, int, list[str]]] = []
        surf = toks.surface
        for g in groups(toks):
            if g.first == g.last:
                w = surf[g.first]
                if not self.is_known(w, g.at_start) and not (
                        g.at_start and self._starts_name(toks, g.first)) and not (
                        self._abbreviation(toks, g.first)):
                    out.append((g.first, g.first + 1, self._inline(w, deadline)))
                continue
            text = toks.text[toks.start[g.first]:toks.end[g.last]]
            if g.elision >= 0 and self._compound_known(surf[g.elision] + text):
                continue        # c'est-à-dire
            if self._compound_known(text):
                continue
            for p in g.parts:
                w = surf[p]
                if not self.is_known(w, g.at_start and p == g.first):
                    out.append((p, p + 1, self._inline(w, deadline)))
        return out

    def _abbreviation(self, toks: Tokens, i: int) -> bool:
        """``etc.``, ``cf.``, ``env.``: a known abbreviation when its dot follows."""
        j = i + 1
        return (j < len(toks.kind) and toks.surface[j] == "." and toks.start[j] == toks.end[i]
                and (key(toks.surface[i]) + "." in self._common
                     or key(toks.surface[i]) + "." in self._rare))

    def _starts_name(self, toks: Tokens, i: int) -> bool:
        """``Black Friday``, ``Saint Laurent``: a capitalised first word followed by a capitalised
        word that is no common word is read as the start of a name, not checked."""
        j = i + 1
        if j >= len(toks.kind) or toks.kind[j] != "word" or toks.start[j] != toks.end[i] + 1:
            return False
        nxt = toks.surface[j]
        return (toks.surface[i][0].isupper() and nxt[0].isupper() and len(nxt) > 1
                and toks.text[toks.end[i]] == " " and not self._known_key(key(nxt)))

    def _inline(self, word: str, deadline: list) -> list[str]:
        """Suggestions computed along with the check (0.5 ms a word), remembered so that checking
        the same text again costs nothing, within a time budget per call so that a text full of
        unknown words (a quotation in English) stays fast: past it the list is empty and the
        caller may call :meth:`suggest`. The first call loads the suggestion index (10-30 ms)."""
        if not self.inline_suggestions:
            return []
        found = self._suggested.get(word)
        if found is None:
            if deadline[0] is None:
                self.suggester()
                deadline[0] = time.perf_counter() + INLINE_BUDGET
            elif time.perf_counter() > deadline[0]:
                deadline[1] = True      # cut by the budget: the caller must not remember this
                return []
            found = tuple(self.suggest(word, INLINE_SUGGESTIONS))
            if len(self._suggested) > 10_000:
                self._suggested.clear()
            self._suggested[word] = found
        return list(found)

    # -- suggestions ---------------------------------------------------------------------------
    def suggester(self):
        """The suggestion index, loaded on first use (about 30 ms)."""
        if self._suggester is None:
            with self._lock:
                if self._suggester is None:
                    from editor.spelling.suggest import Suggester

                    s = Suggester(self._cache.load_suggest(self._sets))
                    s.set_user_words(self._user.words)
                    self._suggester = s
        return self._suggester

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` corrections, accent-only differences first, in the input's case."""
        return self.suggester().suggest(word, limit)

    # -- user dictionary -----------------------------------------------------------------------
    def _set_user_words(self, words: list[str]) -> None:
        keys: set[str] = set()
        for w in words:
            k = key(w)
            keys.add(k)
            if "-" in k:
                keys.update(p for p in k.split("-") if p)
        self._user_keys = keys
        self._user_folds = {fold(k) for k in keys}
        self._memo.clear()
        self._paragraphs.clear()
        self._suggested.clear()
        if self._suggester is not None:
            self._suggester.set_user_words(words)

    def add_word(self, word: str) -> str:
        """Add ``word`` to the user dictionary (saved at once); return it as stored.

        ``ValueError`` if it is not a single word, :class:`UserDictionaryError` if the file is
        damaged or cannot be written (it is then left as it was).
        """
        w = clean_word(word)
        self._user.add(w)
        self.user_error = ""
        self._set_user_words(self._user.words)
        return w

    def remove_word(self, word: str) -> bool:
        removed = self._user.remove(word)
        self.user_error = ""
        self._set_user_words(self._user.words)
        return removed

    def user_words(self) -> list[str]:
        return sorted(self._user.words, key=lambda w: (fold(w), w))

    @property
    def user_dictionary_path(self) -> Path:
        return self._user.path


_default: Speller | None = None
_default_lock = threading.Lock()


def default_speller() -> Speller:
    """The process-wide speller, created on the first call."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Speller()
    return _default
