"""The rule pattern language: token sequences, compiled without any backtracking regex.

A pattern is read with the same tokenizer and folding as the posts, so it matches case- and
accent-insensitively, whatever the apostrophes, spaces or Unicode "bold" letters::

    résultat (garanti~|assuré~)      words; ( | ) alternatives; ~ adds feminine/plural forms
    offre (limitée|flash)?           ? makes the previous item optional
    remis* {num} %                   * matches any word starting so; {num} a number, in
                                     digits or in words (vingt-cinq, deux cents; not un/une);
                                     {digits} a number in digits only
    avant _{0,2} après               _ any one token, _{m,n} between m and n tokens
    {@procedures}                    any entry of the lexicon file ``procedures.txt``
    {@prenoms-fr:cap}                an entry written with a capital (Rose, not rose)
                                     (matched through the lexicon's own trie, never expanded)
    code {upper} {num}               « NEZ20 » is the word NEZ then the number 20

Classes: {num} {digits} {word} {hashtag} {mention} {url} {email} {punct} {emoji} {cap} (a
capitalised word) {upper} (a word in capitals) {code} {image} (where an image stands). ``\\``
escapes a special character (``\\(``, ``\\?``).

A pattern expands into linear sequences of atoms; all the sequences of all the rules go into one
token trie (:mod:`editor.compliance.matcher`), so matching is one left-to-right pass whose cost
does not depend on what a rule says.

Accents are folded (``résultat`` matches « resultat »), except where an accent alone tells two
frequent words apart (:data:`ACCENT_HOMOGRAPHS`: ``sûr`` / « sur »): such a pattern word is keyed
by its accented spelling and the matcher compares it with the post's spelling, unless the post's
paragraph is written without any accent.

A word list (:func:`compile_lexicons`) may include another one with a line ``{@name}``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from editor.compliance.morphology import family, inflect  # noqa: F401  (inflect: public)
from editor.text.fold import fold_word, light
from editor.text.tokens import tokenize

MAX_EXPANSIONS = 20_000
GROUP_INLINE = 4   # groups with more alternatives than this become shared sub-tries
MAX_GAP = 8

KIND_CLASSES = {"num", "word", "hashtag", "mention", "url", "email", "punct", "elision"}
PRED_CLASSES = {"cap", "upper", "code", "emoji", "image"}


# Folded spellings where an accent alone separates a frequent word from another one: the
# spellings listed are told apart (a pattern ``sûr~`` does not match the preposition « sur »).
# The unaccented word of each pair is common, so its accented twin is rarely a typo of it; the
# pairs where a missing accent is a common typo (« a » for « à », « ou » for « où », « la »
# for « là », « sure » for « sûre ») keep folding, and so do the participles (« opéré »).
ACCENT_HOMOGRAPHS: dict[str, frozenset[str]] = {
    "sur": frozenset({"sur", "sûr"}),
    "mur": frozenset({"mur", "mûr"}),
    "du": frozenset({"du", "dû"}),
    "jeune": frozenset({"jeune", "jeûne"}),
    "jeunes": frozenset({"jeunes", "jeûnes"}),
    # « vos photos prises au cabinet » (taken) is not « prisées » (sought-after)
    "prise": frozenset({"prise", "prisé"}),
    "prises": frozenset({"prises", "prisés"}),
}


def pattern_key(surface: str, norm: str) -> str:
    """The trie key of a pattern word: its folded form, or, for a word of
    :data:`ACCENT_HOMOGRAPHS`, its own accented spelling in lower case."""
    spellings = ACCENT_HOMOGRAPHS.get(norm)
    if spellings is None:
        return norm
    low = unicodedata.normalize("NFC", surface).casefold()
    return low if low in spellings else norm


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says why (and, inside a word list, on
    which ``line`` and the ``reason`` without the line)."""

    line: int | None = None
    reason: str = ""


class LexiconError(PatternError):
    """A word list that cannot be compiled: which list (``name``, ``path``) and where
    (``line``, or None for the whole file)."""

    def __init__(self, name: str, path, line: int | None, message: str) -> None:
        super().__init__(message)
        self.name, self.path, self.line = name, path, line


@dataclass(frozen=True, slots=True)
class Atom:
    op: str      # "lit" | "pre" | "kind" | "pred" | "any"
    arg: str = ""


# --- lexing and parsing ----------------------------------------------------------------------

_LEX = re.compile(r"\\(.)|(\{[^{}]*\})|([()|?])|(\s+)|([^\s()|?{}\\]+)")


def _lex(src: str):
    out = []
    pos = 0
    while pos < len(src):
        m = _LEX.match(src, pos)
        if not m:
            raise PatternError(f"unexpected character {src[pos]!r} at position {pos + 1}")
        esc, brace, op, space, word = m.groups()
        if esc is not None:
            out.append(("word", esc, True))
        elif brace is not None:
            out.append(("brace", brace[1:-1].strip(), False))
        elif op is not None:
            out.append(("op", op, False))
        elif word is not None:
            out.append(("word", word, False))
        else:
            out.append(("space", " ", False))
        pos = m.end()
    # Join escaped characters to neighbouring word pieces with no space in between.
    merged: list[tuple[str, str, bool]] = []
    for tok in out:
        if tok[0] == "word" and merged and merged[-1][0] == "word":
            merged[-1] = ("word", merged[-1][1] + tok[1], merged[-1][2] or tok[2])
        else:
            merged.append(tok)
    return [t for t in merged if t[0] != "space"]


class _Parser:
    def __init__(self, src: str, lexicons: dict | None, allow_named: bool = True):
        self.toks = _lex(src)
        self.i = 0
        self.lexicons = lexicons
        self.allow_named = allow_named
        if lexicons is not None:
            self.groups = lexicons.setdefault("#groups", {})

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> list[tuple[Atom, ...]]:
        seqs = self.alternation()
        if self.peek() is not None:
            raise PatternError(f"unexpected {self.peek()[1]!r}")
        if any(not s for s in seqs):
            raise PatternError("the pattern can match nothing (empty alternative)")
        for s in seqs:
            if isinstance(s[0], Atom) and s[0].op == "any":
                raise PatternError("a pattern cannot start with _ (any token)")
        return seqs

    def alternation(self):
        seqs = self.sequence()
        while self.peek() == ("op", "|", False):
            self.i += 1
            seqs = seqs + self.sequence()
            _check_size(seqs)
        return seqs

    def sequence(self):
        seqs: list[tuple[Atom, ...]] = [()]
        while True:
            t = self.peek()
            if t is None or t[:2] in (("op", "|"), ("op", ")")):
                return seqs
            item = self.item()
            seqs = [a + b for a in seqs for b in item]
            _check_size(seqs)

    def item(self):
        t = self.peek()
        self.i += 1
        kind, val, escaped = t
        if kind == "op" and val == "(":
            alts = self.alternation()
            if self.peek() != ("op", ")", False):
                raise PatternError("missing )")
            self.i += 1
            if any(not a for a in alts) and self.peek() != ("op", "?", False):
                # « (laser|lasers?) » reads like a regular expression (an optional « s ») but
                # makes the whole group optional: say so rather than match too much.
                raise PatternError("an alternative of a group can match nothing, which makes "
                                   "the whole group optional: write « (a|b)? » if that is meant")
            alts = self.share(alts)
        elif kind == "op":
            raise PatternError(f"unexpected {val!r}")
        elif kind == "brace":
            alts = self.brace(val)
        elif val == "_" and not escaped:
            alts = [(Atom("any"),)]
            nxt = self.peek()
            if nxt and nxt[0] == "brace" and re.fullmatch(r"\d+\s*,\s*\d+", nxt[1]):
                self.i += 1
                lo, hi = (int(x) for x in nxt[1].split(","))
                if lo > hi or hi > MAX_GAP:
                    raise PatternError(f"gap _{{{nxt[1]}}} must be m ≤ n ≤ {MAX_GAP}")
                alts = [tuple(Atom("any") for _ in range(k)) for k in range(lo, hi + 1)]
        else:
            alts = [self.family_group(_literal(val, escaped))]
        if self.peek() == ("op", "?", False):
            self.i += 1
            alts = alts + [()]
        return alts

    def share(self, alts):
        """A group with many alternatives becomes a sub-trie of its own (an anonymous word list)
        instead of multiplying the sequences of the pattern around it."""
        optional = () in alts
        alts = [a for a in alts if a]
        if len(alts) <= GROUP_INLINE or self.lexicons is None:
            return alts + ([()] if optional else [])
        alts = _expand_inflections(alts)
        key = tuple(dict.fromkeys(alts))
        name = self.groups.get(key)
        if name is None:
            name = f"#{len(self.groups) + 1}:{_digest(key)}"
            self.groups[key] = name
            self.lexicons[name] = list(key)
        return [(Atom("lex", name),)] + ([()] if optional else [])

    def family_group(self, atoms: tuple) -> tuple:
        """``word~`` with many forms (a verb has about forty) becomes a shared sub-trie, like a
        large group, instead of multiplying the sequences of the pattern."""
        if not atoms or not isinstance(atoms[-1], tuple) or self.lexicons is None:
            return atoms
        forms = _forms(atoms[-1][1])
        if len(forms) <= GROUP_INLINE:
            return atoms
        key = tuple((Atom("lit", f),) for f in forms)
        name = self.groups.get(key)
        if name is None:
            name = f"#{len(self.groups) + 1}:{_digest(key)}"
            self.groups[key] = name
            self.lexicons[name] = list(key)
        return tuple(atoms[:-1]) + (Atom("lex", name),)

    def brace(self, val: str):
        if val.startswith("@"):
            name = val[1:]
            if not self.allow_named or self.lexicons is None:
                raise PatternError(f"{{@{name}}}: a word list cannot be used here (a word list "
                                   f"includes another one on a line of its own: {{@{name}}})")
            base = name[:-4] if name.endswith(":cap") else name
            if base not in self.lexicons or base.startswith("#"):
                raise PatternError(f"unknown lexicon {base!r}")
            # A lexicon is matched by its own sub-trie (see matcher): no expansion here, so a
            # pattern using several big word lists stays small.
            return [(Atom("lex", name),)]
        if val == "num":
            # Digits, or a number in words: a word list of its own, shared by every {num}.
            return [(Atom("kind", val),)] + _number_words(self.lexicons)
        if val == "digits":
            return [(Atom("kind", "num"),)]
        if val in KIND_CLASSES:
            return [(Atom("kind", val),)]
        if val in PRED_CLASSES:
            return [(Atom("pred", val),)]
        raise PatternError(f"unknown class {{{val}}}")


def _check_size(seqs) -> None:
    if len(seqs) > MAX_EXPANSIONS:
        raise PatternError(f"the pattern expands to more than {MAX_EXPANSIONS} sequences")


def _literal(text: str, escaped: bool) -> tuple[Atom, ...]:
    suffix = ""
    if not escaped and len(text) > 1 and text[-1] in "*~":
        text, suffix = text[:-1], text[-1]
    lt = light(text)[0]
    if len(lt) > 1 and lt.endswith("'") and lt[:-1].isalpha():
        # An elided word written alone (« l' », « n' », « qu' »): the elision token of posts.
        return (Atom("lit", fold_word(lt)),)
    toks = tokenize(lt)
    if not toks.norm:
        raise PatternError(f"{text!r} contains no token")
    atoms = [Atom("lit", pattern_key(w, n)) for w, n in zip(toks.surface, toks.norm)]
    if suffix == "*":
        if len(toks.norm) != 1 or len(toks.norm[0]) < 3:
            raise PatternError(f"prefix {text}* needs one word of at least 3 letters")
        atoms[-1] = Atom("pre", toks.norm[0])
    elif suffix == "~":
        if len(toks.norm) != 1 and not (len(toks.norm) == 2 and toks.kind[0] == "elision"):
            raise PatternError(f"{text}~: ~ applies to one word")
        head: tuple = tuple(atoms[:-1])
        return head + (("~", toks.surface[-1].lower()),)  # expanded by the caller
    return tuple(atoms)


def _expand_inflections(seqs):
    out = []
    for seq in seqs:
        variants: list[tuple[Atom, ...]] = [()]
        for a in seq:
            if isinstance(a, tuple) and a and a[0] == "~":
                variants = [v + (Atom("lit", f),) for v in variants for f in _forms(a[1])]
            else:
                variants = [v + (a,) for v in variants]
        out.extend(variants)
    _check_size(out)
    return out


def _forms(word: str) -> list[str]:
    """The folded forms of ``word~``: its whole family (see :mod:`morphology`)."""
    return list(dict.fromkeys(pattern_key(f, fold_word(f)) for f in family(word)))


# --- numbers in words ------------------------------------------------------------------------

NUMBER_LIST = "#num"          # the word list {num} adds besides digits
_BELOW_100 = "#num-below-100"
_UNITS = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")
_TEENS = (("dix",), ("onze",), ("douze",), ("treize",), ("quatorze",), ("quinze",), ("seize",),
          ("dix", "sept"), ("dix", "huit"), ("dix", "neuf"))
_TENS = ("vingt", "trente", "quarante", "cinquante", "soixante", "septante", "huitante",
         "octante", "nonante")


def _hyphenated(words: tuple[str, ...]):
    """``vingt cinq`` and ``vingt - cinq``: each joint with or without a hyphen."""
    variants: list[tuple[str, ...]] = [(words[0],)]
    for w in words[1:]:
        variants = [v + j + (w,) for v in variants for j in ((), ("-",))]
    return variants


def _number_sequences() -> tuple[list, list]:
    """The sequences of the two word lists behind {num}: the numbers from 2 to 99 in words
    (« un » and « une » alone are articles far more often than numbers, « zéro » says « none »:
    neither is a {num}), then every number built on them with « cent » and « mille »."""
    below: list[tuple[str, ...]] = [(u,) for u in _UNITS] + list(_TEENS)
    for t in _TENS:
        below += [(t,), (t, "et", "un"), (t, "et", "une")] + [(t, u) for u in _UNITS]
    below += [("soixante",) + x for x in _TEENS] + [("soixante", "et", "onze")]
    after_80 = [("un",), ("une",)] + [(u,) for u in _UNITS] + list(_TEENS)
    below += [("quatre", "vingts"), ("quatre", "vingt")] + [("quatre", "vingt") + x
                                                            for x in after_80]
    small = [tuple(Atom("lit", w) for w in v) for words in below for v in _hyphenated(words)]
    sub = Atom("lex", _BELOW_100)
    one = [(Atom("lit", "un"),), (Atom("lit", "une"),)]
    hundreds = [(Atom("lit", "cent"),)] + [
        (sub, Atom("lit", c)) for c in ("cent", "cents")] + [
        (sub, Atom("lit", "-"), Atom("lit", c)) for c in ("cent", "cents")]
    full = [(sub,), (Atom("lit", "mille"),), (sub, Atom("lit", "mille")),
            (sub, Atom("lit", "-"), Atom("lit", "mille"))]
    for h in hundreds:
        full.append(h)
        full += [h + tail for tail in [(sub,)] + one]
        full += [h + (Atom("lit", "-"),) + tail for tail in [(sub,)] + one]
    return small, list(dict.fromkeys(full))


_NUMBERS: tuple[list, list] | None = None


def builtin_lexicon(name: str) -> list[tuple[Atom, ...]] | None:
    """The sequences of a word list the pattern language itself provides (the numbers in words
    behind {num}), or None: a matcher adds them when a pattern refers to them."""
    global _NUMBERS
    if name not in (NUMBER_LIST, _BELOW_100):
        return None
    if _NUMBERS is None:
        _NUMBERS = _number_sequences()
    return _NUMBERS[1] if name == NUMBER_LIST else _NUMBERS[0]


def _number_words(lexicons: dict | None) -> list[tuple[Atom, ...]]:
    """The alternative of a number in words: the built-in word list (also recorded in
    ``lexicons`` when word lists are collected)."""
    if lexicons is not None:
        for name in (_BELOW_100, NUMBER_LIST):
            lexicons.setdefault(name, builtin_lexicon(name))
    return [(Atom("lex", NUMBER_LIST),)]


def _digest(key) -> str:
    import hashlib

    return hashlib.sha1(repr(key).encode()).hexdigest()[:10]


def compile_pattern(src: str, lexicons=None, allow_named: bool = True) -> list[tuple[Atom, ...]]:
    """Expand a pattern into its linear atom sequences (raises :class:`PatternError`).

    ``lexicons`` maps word-list names to their sequences; large groups of the pattern are added
    to it as anonymous lists (names starting with ``#``), to be matched as sub-tries."""
    if not isinstance(src, str) or not src.strip():
        raise PatternError("empty pattern")
    seqs = _Parser(src, lexicons, allow_named).parse()
    seqs = _expand_inflections(seqs)
    return list(dict.fromkeys(seqs))


_INCLUDE = re.compile(r"\{\s*@([^{}]*)\}")


def compile_lexicon(lines: list[str], lexicons: dict | None = None,
                    include=None) -> list[tuple[Atom, ...]]:
    """Each non-empty, non-comment line of a lexicon is a pattern (without {@...} references);
    the lexicon is their union. A line that is only ``{@name}`` adds the entries of the word
    list ``name``: ``include(name, line number)`` returns them (without ``include``, such a
    line is an error). A bad line raises :class:`PatternError` with its ``line``."""
    out: list[tuple[Atom, ...]] = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if line and not line.startswith("#"):
            m = _INCLUDE.fullmatch(line)
            if m and include is not None:
                out.extend(include(m.group(1).strip(), number))
                continue
            try:
                out.extend(compile_pattern(line, lexicons, allow_named=False))
            except PatternError as e:
                err = PatternError(f"line {number}: {e}")
                err.line, err.reason = number, str(e)
                raise err from None
    return list(dict.fromkeys(out))


def _file_name(path) -> str:
    name = getattr(path, "name", None)
    return name if name else str(path)


def compile_lexicons(sources: dict, lexicons: dict | None = None
                     ) -> tuple[dict, list[LexiconError]]:
    """Compile word lists that may include one another.

    ``sources`` maps each list's name to ``(path, lines)``. Returns the compiled lists (``name``
    -> sequences, with the anonymous groups they use) and one :class:`LexiconError` per list that
    could not be compiled: a bad line, an unknown included list, an inclusion cycle (each list of
    the cycle is reported, the files named in order), or the inclusion of a list that is itself
    broken. The other lists still compile."""
    build = _LexiconBuild(sources, {} if lexicons is None else lexicons)
    for name in sources:
        if name not in build.lexicons and name not in build.failed:
            build.build(name)
    return build.lexicons, build.errors


class _LexiconBuild:
    """The state of :func:`compile_lexicons`: lists compiled, lists that failed, the chain of
    lists being compiled (outermost first) and the inclusion cycles found."""

    def __init__(self, sources: dict, lexicons: dict) -> None:
        self.sources = sources
        self.lexicons = lexicons
        self.errors: list[LexiconError] = []
        self.failed: set[str] = set()
        self.in_cycle: dict[str, list[str]] = {}   # list -> the cycle it belongs to
        self.chain: list[str] = []

    def files(self, names: list[str]) -> str:
        return " → ".join(_file_name(self.sources[n][0]) for n in names)

    def build(self, name: str) -> None:
        """Compile the list ``name`` (and, first, the lists it includes)."""
        path, lines = self.sources[name]
        self.chain.append(name)

        def include(other: str, number: int):
            return self.include(name, other, number)

        try:
            self.lexicons[name] = compile_lexicon(lines, self.lexicons, include)
        except LexiconError as e:
            self.failed.add(name)
            self.errors.append(e)
        except PatternError as e:
            self.failed.add(name)
            self.errors.append(LexiconError(name, path, getattr(e, "line", None),
                                            getattr(e, "reason", str(e))))
        finally:
            self.chain.pop()

    def include(self, name: str, other: str, number: int):
        """The compiled list ``other``, included by line ``number`` of the list ``name``; raise
        :class:`LexiconError` when it cannot be (unknown, cyclic, broken)."""
        path = self.sources[name][0]

        def error(message: str) -> LexiconError:
            return LexiconError(name, path, number, f"{{@{other}}} : {message}")

        if other.endswith(":cap"):
            raise error("« :cap » ne s'emploie pas pour inclure une liste de mots")
        if other not in self.sources:
            raise error(f"liste de mots « {other} » introuvable (aucun fichier "
                        f"{other}.txt dans les dossiers lexicons)")
        if other in self.chain:
            for member in self.chain[self.chain.index(other):]:
                self.in_cycle[member] = self.chain[self.chain.index(other):]
        elif other not in self.lexicons and other not in self.failed:
            self.build(other)
        cycle = self.in_cycle.get(name)
        if cycle and other in cycle:     # the cycle, seen from this list
            k = cycle.index(name)
            raise error("inclusion circulaire de listes de mots "
                        f"({self.files(cycle[k:] + cycle[:k] + [name])})")
        if other in self.failed:
            raise error(f"la liste incluse {_file_name(self.sources[other][0])} contient une "
                        "erreur (signalée à part)")
        return self.lexicons[other]
