"""Undo the spellings people use to slip a word past a filter, before the rules read the tokens.

« p r o m o », « g.r.a.t.u.i.t », « B-o-t-o-x »     letter-spaced, dotted or dashed: one word
« gr4tuit », « pr0m0 », « gr@tuit »               digits or @ for letters
« gra-⏎tuit »                                     a word hyphen-split across a line
« a💕vis », « s🍒ins », « c!catrice »              an emoji put into a word or for one letter
« superrrr », « gratuiiiit »                      repeated letters
« grattuit », « garnati »                         one-letter typos of a rule's word (≥ 6 letters)

Look-alike letters from other scripts (a Cyrillic « а » in « garаnti ») are folded by
:func:`editor.text.fold.fold_word` itself.

A rewritten token keeps the source span of what it covers (the finding underlines the whole
« p r o m o »), so offsets stay exact. Nothing is rewritten unless the result is a word the rules
know (``rule_word``); a typo is only corrected when the written word is not itself a French word
(``known_word``, the spelling dictionary), so real words are never bent into rule words.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from editor.text.tokens import ELIDED, Tokens, is_pictograph

SEPARATORS = {".", "-", "_", "*", "\u00b7", "/", "|", "+", "•"}
# Signs written for letters, with the letters each may stand for (« 1 » is an « i » in « gr1s »,
# an « l » in « Mirac1e »).
LEET_LETTERS = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
                "€": "e"}
LEET = str.maketrans({k: v[0] for k, v in LEET_LETTERS.items()})
LEET_READINGS_MAX = 8   # readings tried for one written word (each ambiguous sign doubles them)
TYPO_MIN = 6
_RUN = re.compile(r"(\w)\1{2,}")
# Signs written in place of a letter inside a word, with the letter they usually stand for.
STAND_INS = {"!": "i", "|": "l", "*": ""}


class TypoIndex:
    """Finds a word of at least :data:`TYPO_MIN` letters again from a one-letter typo.

    The written word's variants at edit distance 1 (a letter deleted, replaced, inserted, or two
    neighbours swapped: about 55 per letter over the folded alphabet) are looked up in the word
    set. Nothing is built beforehand, not even a set of the words that qualify (an engine is made
    from fifteen thousand words, at every ``tact check``): a variant found in the word set is
    kept if it qualifies. A written word is looked at once (memo): only words that are neither a
    rule's word nor a French word get here, a few per post.
    """

    ALPHABET = "abcdefghijklmnopqrstuvwxyz"
    MEMO_MAX = 50_000

    def __init__(self, words) -> None:
        self._words = frozenset(words)     # the same object when given a frozenset
        # Of all the words: a longer written word finds no variant long enough to qualify.
        self._longest = max(map(len, self._words), default=0)
        self._memo: dict[str, str | None] = {}

    def __len__(self) -> int:
        return sum(1 for w in self._words if _indexed(w))

    def nearest(self, word: str) -> str | None:
        """The indexed word at edit distance 1 of ``word``, or None. When several are, the
        longest wins (a dropped letter is a more common slip than an added one: « resultt » is
        « resultat » rather than « result »), then one whose replaced letter is a neighbour on
        the keyboard (« deciler » is « defiler », not « decaler »), then the first in
        alphabetical order."""
        if len(word) < TYPO_MIN - 1 or len(word) > self._longest + 1 or not _lettered(word):
            return None
        memo = self._memo
        if word in memo:
            return memo[word]
        words = self._words
        found = [v for v in _edits(word, self.ALPHABET)
                 if v in words and v != word and _indexed(v)]
        got = min(found, key=lambda v: (-len(v), not _neighbour_slip(word, v), v)) \
            if found else None
        if len(memo) > self.MEMO_MAX:
            memo.clear()
        memo[word] = got
        return got


def _indexed(word: str) -> bool:
    """Whether a word of the rules can be found again from a typo: long enough, lettered."""
    return len(word) >= TYPO_MIN and _lettered(word)


def _lettered(word: str) -> bool:
    """Letters only, or letters around an apostrophe (« aujourd'hui »)."""
    return word.replace("'", "").isalpha() and not word.startswith("'") \
        and not word.endswith("'")


_AZERTY = ("azertyuiop", "qsdfghjklm", "wxcvbn")
def _keyboard_neighbours(rows: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each letter's neighbours on the keyboard: the keys around it on its row and the rows
    above and below."""
    out = {}
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            out[ch] = frozenset(other[k] for rr, other in enumerate(rows) if abs(rr - r) <= 1
                                for k in range(c - 1, c + 2) if 0 <= k < len(other)) - {ch}
    return out


_NEIGHBOURS = _keyboard_neighbours(_AZERTY)


def _neighbour_slip(written: str, word: str) -> bool:
    """Whether ``written`` is ``word`` with one letter replaced by a key next to it (AZERTY)."""
    if len(written) != len(word):
        return False
    diff = [(a, b) for a, b in zip(written, word) if a != b]
    return len(diff) == 1 and diff[0][0] in _NEIGHBOURS.get(diff[0][1], ())


def _edits(word: str, alphabet: str):
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if b:
            yield a + b[1:]
            if len(b) > 1:
                yield a + b[1] + b[0] + b[2:]
            for c in alphabet:
                if c != b[0]:
                    yield a + c + b[1:]
        for c in alphabet:
            yield a + c + b


def collapse_repeats(word: str, rule_word: Callable[[str], bool]) -> str | None:
    """``superrrr`` -> ``super``: a run of three or more equal letters becomes one (or two, when
    only that gives a rule word); None when nothing gives a rule word."""
    if not _RUN.search(word):
        return None
    one = _RUN.sub(r"\1", word)
    if rule_word(one):
        return one
    two = _RUN.sub(r"\1\1", word)
    if rule_word(two):
        return two
    return None


class _Builder:
    """The rewritten token list, filled token by token (a copy only once something changes)."""

    def __init__(self, toks: Tokens) -> None:
        self.src = toks
        self.out = Tokens(toks.text)
        # Sentence breaks the tokenizer saw inside a word read back (« IS💕APS » : an emoji
        # before a capital): the sentences after it are renumbered down by as many.
        self.joined = 0

    def keep(self, i: int) -> None:
        s, o = self.src, self.out
        o.surface.append(s.surface[i])
        o.norm.append(s.norm[i])
        o.kind.append(s.kind[i])
        o.start.append(s.start[i])
        o.end.append(s.end[i])
        o.sentence.append(s.sentence[i] - self.joined)
        o.quote.append(s.quote[i])

    def merged(self, i: int, j: int, word: str, surface: str | None = None) -> None:
        """Tokens ``i..j`` (inclusive) read as the one word ``word``. One token keeps its
        surface, so the spell checker still reports the typo; several become ``surface`` when
        the caller knows it (the letters as written, accents kept), else the word. An elision
        the digits kept apart (« d'4n4t0m13 », « n’3x1st3 ») is joined again."""
        s, o = self.src, self.out
        self._elide(i)
        if i == j:
            o.surface.append(s.surface[i])
        elif surface is not None:
            o.surface.append(surface)
        else:
            o.surface.append(word if not s.surface[i][:1].isupper() else word.capitalize())
        o.norm.append(word)
        o.kind.append("word")
        o.start.append(s.start[i])
        o.end.append(s.end[j])
        o.sentence.append(s.sentence[i] - self.joined)
        o.quote.append(s.quote[i])
        self.joined += s.sentence[j] - s.sentence[i]

    def _elide(self, i: int) -> None:
        """« d » and « ' » written against the word read back from token ``i`` become the
        elision « d' » they are (the tokenizer only elides before a letter)."""
        s, o = self.src, self.out
        if (len(o.norm) < 2 or o.norm[-1] != "'" or o.kind[-2] != "word"
                or o.norm[-2] not in ELIDED or o.end[-2] != o.start[-1]
                or o.end[-1] != s.start[i]):
            return
        o.surface[-2] += o.surface[-1]
        o.norm[-2] += "'"
        o.kind[-2] = "elision"
        o.end[-2] = o.end[-1]
        for col in (o.surface, o.norm, o.kind, o.start, o.end, o.sentence, o.quote):
            col.pop()


def _spaced_run(toks: Tokens, i: int) -> int:
    """End (exclusive) of a run of single letters from ``i`` spelled « p r o m o » or
    « g.r.a.t.u.i.t » (one separator, always the same), or ``i`` when there is none."""
    norm, kind, start, end, text = toks.norm, toks.kind, toks.start, toks.end, toks.text
    n = len(norm)

    def letter(k: int) -> bool:
        return k < n and kind[k] == "word" and len(norm[k]) == 1

    if not letter(i):
        return i
    sep = None
    if i + 2 < n and norm[i + 1] in SEPARATORS and letter(i + 2) and end[i] == start[i + 1]:
        sep = norm[i + 1]
    j = i + 1
    count = 1
    while True:
        if sep is None:
            if letter(j) and text[end[j - 1]:start[j]] == " ":
                j += 1
                count += 1
                continue
            break
        if (j + 1 < n and norm[j] == sep and letter(j + 1) and end[j - 1] == start[j]
                and end[j] == start[j + 1]):
            j += 2
            count += 1
            continue
        break
    return j if count >= 3 else i


def _touching_run(toks: Tokens, i: int) -> int:
    """End of a run of tokens written without a space that mixes letters with digits or « @ »
    (« gr4tuit », « pr0m0 », « gr@tuit »), or ``i``."""
    kind, start, end, surface = toks.kind, toks.start, toks.end, toks.surface
    n = len(kind)
    j = i
    letters = digits = False
    while j < n and (j == i or start[j] == end[j - 1]):
        k = kind[j]
        if k == "word":
            letters = True
        elif k == "num" and surface[j].isdigit():
            digits = True
        elif k == "mention" or surface[j] in ("@", "$", "€"):
            digits = True
        else:
            break
        j += 1
    return j if letters and digits and j - i >= 2 else i


def _inset_sign(toks: Tokens, i: int) -> bool:
    """Whether tokens ``i, i+1, i+2`` are a word, an emoji or a stand-in sign and a word, written
    without a space (« a💕vis », « c!catrice »)."""
    kind, start, end, surface = toks.kind, toks.start, toks.end, toks.surface
    return (i + 2 < len(kind) and kind[i] == "word" and kind[i + 1] == "punct"
            and kind[i + 2] == "word" and end[i] == start[i + 1] and end[i + 1] == start[i + 2]
            and (surface[i + 1] in STAND_INS or is_pictograph(surface[i + 1])))


def _read_inset(toks: Tokens, i: int, rule_word: Callable[[str], bool],
                known_word: Callable[[str], bool] | None) -> tuple[str, str] | None:
    """The word hidden by a sign inside it, and its surface: the sign dropped (« a💕vis »),
    or read as the letter it stands for (« c!catrice »), or, for an emoji in place of a letter,
    the letter that makes a rule's word (« s🍒ins »), else the only one that makes a French
    word (« tomba🍒te »). Each reading must be a rule's word or a French word, and a rule's
    word wins over a French word."""
    norm, surface = toks.norm, toks.surface
    left, sign, right = norm[i], surface[i + 1], norm[i + 2]

    def known(written: str) -> bool:
        return known_word is not None and known_word(written)

    dropped = surface[i] + surface[i + 2]
    letter = STAND_INS.get(sign)
    written = surface[i] + (letter or "") + surface[i + 2]
    # A rule's word first, then a French word: « ISA🍒S » is the rules' « ISAPS », not « Isas ».
    if rule_word(left + right):
        return left + right, dropped
    if letter:
        if rule_word(left + letter + right):
            return left + letter + right, written
    else:
        for c in TypoIndex.ALPHABET:
            if rule_word(left + c + right):
                return left + c + right, surface[i] + c + surface[i + 2]
    if known(dropped):
        return left + right, dropped
    if letter:
        return (left + letter + right, written) if known(written) else None
    french = [c for c in TypoIndex.ALPHABET if known(surface[i] + c + surface[i + 2])]
    if len(french) == 1:
        return left + french[0] + right, surface[i] + french[0] + surface[i + 2]
    return None


Reading = tuple[int, str, "str | None"]    # (last token covered, word, surface as written)


def _spaced_reading(toks: Tokens, i: int, rule_word: Callable[[str], bool]) -> Reading | None:
    """« p r o m o », « g.r.a.t.u.i.t »: the longest run of the letters from ``i`` that spells a
    rule's word (in « R é s u l t a t à J+30 » the « à » after the word is a word of its own)."""
    j = _spaced_run(toks, i)
    if j == i:
        return None
    norm, kind = toks.norm, toks.kind
    letters = [x for x in range(i, j) if kind[x] == "word"]
    for cut in range(len(letters), 2, -1):
        word = "".join(norm[x] for x in letters[:cut])
        if rule_word(word):
            return letters[cut - 1], word, "".join(toks.surface[x] for x in letters[:cut])
    return None


def leet_readings(written: str) -> list[str]:
    """The words ``written`` may spell with its digits and signs read as letters, the most
    common reading first (« mirac1e » -> miracie, miracle); at most :data:`LEET_READINGS_MAX`."""
    out = [""]
    for ch in written:
        letters = LEET_LETTERS.get(ch, ch)
        out = [o + c for o in out for c in letters][:LEET_READINGS_MAX]
    return out


def inner_digit(written: str) -> bool:
    """Whether a digit stands between two letters of ``written`` (« r3sultat », « Mirac1e »,
    not « botox2024 », « J30 »): then the digit is a letter, not a number."""
    return any(ch.isdigit() and written[k - 1].isalpha() and written[k + 1].isalpha()
               for k, ch in enumerate(written[1:-1], 1))


def _touching_reading(toks: Tokens, i: int, rule_word: Callable[[str], bool],
                      known_word: Callable[[str], bool] | None = None) -> Reading | None:
    """« gr4tuit », « pr0m0 », « gr@tuit », « Mirac1e »: the digits and signs read as letters
    give a rule's word; or, when a digit stands between two letters, a French word: the run is
    then one word and no part of it is read on its own (« Mirac » of « Mirac1e » is no brand)."""
    j = _touching_run(toks, i)
    if j == i:
        return None
    written = "".join(toks.surface[i:j])
    # the folded and the written readings, in the same order (accents kept for the dictionary)
    readings = [(w, s) for w, s in zip(leet_readings("".join(toks.norm[i:j])),
                                       leet_readings(written.lower())) if w.isalpha()]
    for word, _ in readings:
        if rule_word(word):
            return j - 1, word, None
    if known_word is None or not inner_digit(written):
        return None
    for word, surface in readings:
        if len(word) >= 4 and known_word(surface):
            return j - 1, word, None
    return None


def _glued_to_digit(toks: Tokens, i: int) -> bool:
    """Whether word ``i`` is written against a digit that has a letter on its other side
    (« Mirac » in « Mirac1x »): it is part of a longer word, not one to read back on its own
    (« Morphus8 » is still a word and a number)."""
    kind, start, end = toks.kind, toks.start, toks.end
    n = len(kind)

    def glued(a: int, b: int) -> bool:
        return 0 <= a and b < n and end[a] == start[b]

    return (i > 1 and kind[i - 1] == "num" and glued(i - 1, i) and kind[i - 2] == "word"
            and glued(i - 2, i - 1)) or (
        i + 2 < n and kind[i + 1] == "num" and glued(i, i + 1) and kind[i + 2] == "word"
        and glued(i + 1, i + 2))


def _surname(toks: Tokens, i: int, name_word: Callable[[str], bool] | None) -> bool:
    """Whether word ``i`` is capitalised right after a capitalised first name (« Harold
    Gillies »): a surname, not a typo of a rule's word."""
    surface = toks.surface
    return (name_word is not None and i > 0 and surface[i][:1].isupper()
            and toks.kind[i - 1] == "word" and surface[i - 1][:1].isupper()
            and name_word(toks.norm[i - 1]))


def _one_word_reading(toks: Tokens, i: int, rule_word: Callable[[str], bool],
                      known_word: Callable[[str], bool] | None,
                      typos: TypoIndex | None,
                      name_word: Callable[[str], bool] | None = None) -> Reading | None:
    """« superrrr », and a one-letter typo of a rule's word that is not itself a French word,
    nor a surname, nor part of a word a digit runs through."""
    w = toks.norm[i]
    read = collapse_repeats(w, rule_word)
    if read is None and typos is not None and len(w) >= TYPO_MIN - 1 and not rule_word(w) \
            and known_word is not None and not _glued_to_digit(toks, i) \
            and not _surname(toks, i, name_word) and not known_word(toks.surface[i]):
        read = typos.nearest(w)
    return None if read is None else (i, read, None)


def _reading(toks: Tokens, i: int, rule_word: Callable[[str], bool],
             known_word: Callable[[str], bool] | None, typos: TypoIndex | None,
             name_word: Callable[[str], bool] | None = None) -> Reading | None:
    """The word an evasive spelling starting at token ``i`` hides, or None. The cheap tests on
    neighbouring tokens come first: most tokens are plain words."""
    norm, kind, start, end = toks.norm, toks.kind, toks.start, toks.end
    k = kind[i]
    n = len(norm)
    got: Reading | None = None
    if k == "word" and len(norm[i]) == 1:
        got = _spaced_reading(toks, i, rule_word)
    if (got is None and k in ("word", "num", "mention") and i + 1 < n
            and start[i + 1] == end[i] and kind[i + 1] in ("word", "num", "mention")):
        got = _touching_reading(toks, i, rule_word, known_word)
    if got is not None or k != "word":
        return got
    if (i + 2 < n and norm[i + 1] == "-" and kind[i + 2] == "word" and end[i] == start[i + 1]
            and "\n" in toks.text[end[i + 1]:start[i + 2]]):
        word = norm[i] + norm[i + 2]                      # « gra-⏎tuit »
        if rule_word(word) or (known_word is not None and known_word(word)):
            return i + 2, word, None
    if i + 2 < n and end[i] == start[i + 1] and kind[i + 1] == "punct" and _inset_sign(toks, i):
        inset = _read_inset(toks, i, rule_word, known_word)
        if inset is not None:
            return i + 2, inset[0], inset[1]
    if len(norm[i]) >= 3:
        return _one_word_reading(toks, i, rule_word, known_word, typos, name_word)
    return None


def unmask(toks: Tokens, rule_word: Callable[[str], bool],
           known_word: Callable[[str], bool] | None = None,
           typos: TypoIndex | None = None,
           name_word: Callable[[str], bool] | None = None) -> Tokens:
    """``toks`` with evasive spellings read as the words they hide (the same object when there
    are none). ``name_word`` tells the first names of the rules' lists of names: a capitalised
    word after one is a surname, never read as a typo."""
    n = len(toks.norm)
    b: _Builder | None = None
    i = 0
    while i < n:
        got = _reading(toks, i, rule_word, known_word, typos, name_word)
        if got is not None:
            if b is None:
                b = _Builder(toks)
                for x in range(i):
                    b.keep(x)
            last, word, surface = got
            b.merged(i, last, word, surface)
            i = last + 1
            continue
        if b is not None:
            b.keep(i)
        i += 1
    return toks if b is None else b.out
