"""One-pass matching of every pattern of every rule: a trie over tokens.

All the atom sequences (:mod:`editor.compliance.patterns`) of all the rules share one trie. A scan
walks the tokens once; at each token it follows the trie edges from the states still alive. Equal
prefixes are stored once, so a rule set repeated ten times costs the same scan. Gaps are bounded
(``_{0,8}`` at most), so the number of live states, and the time per token, is bounded whatever
the rules say: the scan is linear in the length of the text.

Fillers: words and signs that do not change what a phrase says (« vraiment », « très », an emoji,
« … ») are stepped over between two tokens of a pattern, so « un résultat vraiment garanti ✨ »
is « un résultat garanti ». The class is declared once, in the pack's context (``fillers``,
``filler_signs``; emoji always count, and so does the dot of an abbreviation, « Av. / Ap. »);
a match steps over at most :data:`MAX_FILLERS` of them, which keeps the number of live states,
and the scan, linear.

Accent homographs (:data:`editor.compliance.patterns.ACCENT_HOMOGRAPHS`): when a pattern spells
one with its accent (``sûr~``), a token folded to « sur » is looked up by its own spelling
(« sur » or « sûr »), so ``sûr~`` does not match the preposition; in a paragraph written without
any accent, or for a letter written in capitals (« SUR »), every spelling it may stand for is
looked up. Homographs no pattern spells with an accent fold as every other word.
"""
from __future__ import annotations

import re
import unicodedata
from sys import intern
from types import MappingProxyType

from editor.compliance.patterns import ACCENT_HOMOGRAPHS, Atom, builtin_lexicon
from editor.text.tokens import ABBREVIATIONS


def _is_emoji(surface: str) -> bool:
    return len(surface) == 1 and (unicodedata.category(surface) == "So" or ord(surface) >= 0x1F000)


def _is_code(surface: str) -> bool:
    return (len(surface) >= 4 and surface.isalnum() and surface.upper() == surface
            and any(c.isalpha() for c in surface))


# Grammatical words that a capital does not make a name: « labellisé Par L'ARS Pour La
# chirurgie » (a title written in Title Case) names no brand. Articles and « de » stay out: they
# begin names (« Dr Le Gall », « De Gaulle »).
_NOT_NAMES = frozenset((
    "par", "pour", "sur", "sous", "avec", "chez", "sans", "dans", "vers", "entre", "contre",
    "depuis", "pendant", "et", "ou", "mais", "donc", "car", "ni", "que", "qui", "dont", "quand",
    "comme", "si", "en", "au", "aux", "à", "un", "une", "les", "des", "ce", "cet", "cette", "ces",
    "son", "sa", "ses", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos",
    "leur", "leurs", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "se", "ne",
    "pas", "plus", "est", "sont", "a", "ont", "être", "avoir", "très", "tout", "tous", "toute",
    "toutes"))


def _cap(surface: str, kind: str) -> bool:
    """A word written with a capital that may be a name (not a grammatical word)."""
    return kind == "word" and surface[:1].isupper() and surface.lower() not in _NOT_NAMES


PREDICATES = {
    "cap": _cap,
    "upper": lambda s, k: k == "word" and len(s) >= 2 and s.isupper(),
    "code": lambda s, k: k in ("word", "num") and _is_code(s),
    "emoji": lambda s, k: k == "punct" and _is_emoji(s),
    "image": lambda s, k: s == "\ue000",
}


_EMPTY_MAP: MappingProxyType = MappingProxyType({})
MAX_FILLERS = 4     # fillers one match may step over

# accented spelling -> its folded form, for the spellings that differ from it (« sûr » -> « sur »)
_ACCENTED_SPELLINGS = {w: f for f, ws in ACCENT_HOMOGRAPHS.items() for w in ws if w != f}
_ACCENTED = re.compile("[àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ]", re.IGNORECASE)


def _compatible(surface: str, spelling: str) -> bool:
    """Whether ``surface`` may be ``spelling`` written as it is: letter by letter the same in
    lower case, or a capital without accent standing for an accented letter (« SUR », « A »)."""
    low = surface.casefold()
    if len(low) != len(spelling) or len(surface) != len(spelling):
        return low == spelling
    for c, w, s in zip(surface, low, spelling):
        if w != s and not (c.isupper() and c.isascii()
                           and unicodedata.normalize("NFD", s)[0] == w):
            return False
    return True


def _accent_keys(norm: list[str], surface: list[str], lo: int, hi: int,
                 folds: set[str]) -> dict[int, tuple]:
    """For each token of ``[lo, hi)`` folded to one of the accent homographs ``folds``, the
    spellings it is looked up as (see the module's description)."""
    accented = any(not s.isascii() and _ACCENTED.search(s) for s in surface[lo:hi])
    keys: dict[int, tuple] = {}
    for i in range(lo, hi):
        if norm[i] not in folds:
            continue
        spellings = ACCENT_HOMOGRAPHS[norm[i]]
        s = unicodedata.normalize("NFC", surface[i])
        if accented:
            got = tuple(w for w in spellings if _compatible(s, w))
            keys[i] = got or tuple(spellings)     # a spelling the table does not know: any
        else:
            keys[i] = tuple(spellings)
    return keys


class Node:
    __slots__ = ("lit", "pre", "kind", "pred", "any", "lex", "out", "plain", "edges")

    def __init__(self) -> None:
        self.lit: dict[str, Node] = {}
        self.pre: list[tuple[str, Node]] = []
        self.kind: dict[str, Node] = {}
        self.pred: list[tuple[str, Node]] = []
        self.any: Node | None = None
        self.lex: list[tuple[str, Node]] = []   # word list to match, then continue at Node
        self.out: list[int] = []
        # Derived, for the scan's fast path: only literal edges (most nodes), any edge at all.
        self.plain = True
        self.edges = False

    def _flags(self) -> tuple[bool, bool]:
        """``plain`` and ``edges`` as the tables now stand."""
        plain = not (self.kind or self.pre or self.pred or self.any is not None or self.lex)
        return plain, bool(self.lit) or not plain

    def _derive(self) -> None:
        self.plain, self.edges = self._flags()

    # Compact pickling (the compiled rule set is cached on disk): empty tables are not stored,
    # and come back as shared read-only empties (a compiled trie is never extended again). The
    # derived flags are stored too: a ``tact check`` loads seventeen thousand nodes, and
    # deriving them again would be a sixth of the loading.
    def __getstate__(self):
        return (self.lit or None, self.pre or None, self.kind or None, self.pred or None,
                self.any, self.lex or None, self.out or None, *self._flags())

    def __setstate__(self, state):
        lit, pre, kind, pred, self.any, lex, out, self.plain, self.edges = state
        self.lit = lit if lit is not None else _EMPTY_MAP
        self.kind = kind if kind is not None else _EMPTY_MAP
        self.pre = pre or ()
        self.pred = pred or ()
        self.lex = lex or ()
        self.out = out or ()

    def child(self, atom: Atom) -> "Node":
        op, arg = atom.op, atom.arg
        self.edges = True
        if op == "lit":     # one string per word: stored once in the compiled cache
            return self.lit.setdefault(intern(arg), Node())
        self.plain = False
        if op == "kind":
            return self.kind.setdefault(arg, Node())
        if op == "any":
            if self.any is None:
                self.any = Node()
            return self.any
        table = {"pre": self.pre, "pred": self.pred, "lex": self.lex}[op]
        for key, node in table:
            if key == arg:
                return node
        node = Node()
        table.append((arg, node))
        return node


def _advance(node: Node, n: str, k: str, surface: str, lexicons: dict, stack: tuple,
             keys: tuple | None, start: int, i: int, nxt: list, hits: list, skipped: int) -> None:
    """Follow every edge of ``node`` that token ``i`` (folded ``n``, kind ``k``) takes, and
    :func:`_arrive` where each leads. Entering a word list pushes the node to continue at once
    the entry is complete. ``keys``: the spellings an accent homograph is looked up as, instead
    of ``n``. (Calls, not a generator: this runs for every live state at every token.)"""
    if keys is None:
        x = node.lit.get(n)
        if x is not None:
            _arrive(x, start, i, stack, nxt, hits, skipped)
    else:
        for key in keys:
            x = node.lit.get(key)
            if x is not None:
                _arrive(x, start, i, stack, nxt, hits, skipped)
    if node.kind:
        x = node.kind.get(k)
        if x is not None:
            _arrive(x, start, i, stack, nxt, hits, skipped)
    for prefix, x in node.pre:
        if n.startswith(prefix):
            _arrive(x, start, i, stack, nxt, hits, skipped)
    for name, x in node.pred:
        if PREDICATES[name](surface, k):
            _arrive(x, start, i, stack, nxt, hits, skipped)
    if node.any is not None:
        _arrive(node.any, start, i, stack, nxt, hits, skipped)
    for name, cont in node.lex:
        if name.endswith(":cap") and not surface[:1].isupper():
            continue
        sub = lexicons[name]
        if sub.plain and keys is None:     # most word lists: literal entries only
            x = sub.lit.get(n)
            if x is not None:
                _arrive(x, start, i, stack + (cont,), nxt, hits, skipped)
        else:
            _advance(sub, n, k, surface, lexicons, stack + (cont,), keys, start, i, nxt, hits,
                     skipped)


class _Opened:
    """What one token starts at the root of the trie, computed once per distinct token
    (:meth:`Matcher._opened`): the patterns it matches alone (``idents``) and the states it
    opens, advanced together at the next token. Most of them die there, so their literal edges
    are merged into one table (``lit``: word -> [(node, stack)]) and the word lists they enter
    are listed flat (``lex``: (entries' first words, stack, capital needed)); only the states
    with other edges (``rest``) are advanced one by one."""

    __slots__ = ("idents", "lit", "lex", "rest", "edges")

    def __init__(self, idents: list[int], states: list[tuple[Node, tuple]], lexicons: dict):
        self.idents = tuple(idents)
        self.lit: dict[str, list[tuple[Node, tuple]]] = {}
        self.lex: list[tuple[dict, tuple, bool]] = []
        self.rest: list[tuple[Node, tuple]] = []
        lit = self.lit
        for node, stack in states:
            if not node.plain:      # most states have literal edges only: no word list to read
                subs = [(lexicons[name], cont, name.endswith(":cap")) for name, cont in node.lex]
                if node.kind or node.pre or node.pred or node.any is not None or not all(
                        sub.plain for sub, _, _ in subs):
                    self.rest.append((node, stack))
                    continue
                self.lex.extend((sub.lit, stack + (cont,), cap) for sub, cont, cap in subs)
            for word, x in node.lit.items():
                got = lit.get(word)
                if got is None:
                    lit[word] = [(x, stack)]
                else:
                    got.append((x, stack))
        self.edges = bool(self.lit or self.lex or self.rest)

    def advance(self, n: str, k: str, surface: str, keys: tuple | None, lexicons: dict,
                start: int, i: int, nxt: list, hits: list, skipped: int) -> None:
        """What :func:`_advance` does for each of the states, token ``i`` read."""
        for key in (n,) if keys is None else keys:
            for x, stack in self.lit.get(key, ()):
                _arrive(x, start, i, stack, nxt, hits, skipped)
            for table, stack, cap in self.lex:
                if cap and not surface[:1].isupper():
                    continue
                hit = table.get(key)
                if hit is not None:
                    _arrive(hit, start, i, stack, nxt, hits, skipped)
        for node, stack in self.rest:
            _advance(node, n, k, surface, lexicons, stack, keys, start, i, nxt, hits, skipped)


class Matcher:
    """The trie of all patterns; ``out`` values are the ids given to :meth:`add`.

    A word list used as ``{@name}`` is stored once, as a trie of its own (``lexicons``); a pattern
    edge to it says where to continue once an entry of the list has been matched. States are
    ``(node, start, resume)``: ``resume`` is None in the main trie, or the main-trie node to
    continue at when the lexicon entry being matched ends.
    """

    def __init__(self) -> None:
        self.root = Node()
        self.lexicons: dict[str, Node] = {}
        self._pre_index: dict[str, list[tuple[str, Node]]] | None = None
        self._opened_by: dict[tuple, _Opened] = {}   # see _opened; not pickled
        self.fillers: frozenset[str] = frozenset()
        self.filler_signs: frozenset[str] = frozenset()
        # Accent homographs some pattern spells with its accent (« sur » when a pattern says
        # « sûr »): only their tokens are looked up by spelling; the others fold as usual.
        self.accent_folds: set[str] = set()

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_opened_by"] = {}        # per distinct token read: rebuilt as texts are read
        return state

    def prepare(self) -> None:
        """Build the first-step index now: it is then kept with the compiled rule set, and a
        ``tact check`` does not spend a third of its matching on building it."""
        self._dispatch()

    def set_fillers(self, words, signs) -> None:
        """Folded words and single signs that a match may step over between two of its tokens."""
        self.fillers = frozenset(words)
        self.filler_signs = frozenset(signs)

    def _atom(self, atom: Atom) -> None:
        """Book-keeping for an atom added to the trie: word lists it needs, accents it keeps."""
        if atom.op == "lex":
            self._known(atom.arg)
        elif atom.op == "lit" and atom.arg in _ACCENTED_SPELLINGS:
            self.accent_folds.add(_ACCENTED_SPELLINGS[atom.arg])

    def _known(self, name: str) -> None:
        """Check that the word list ``name`` was added; a built-in one (the numbers in words
        of {num}) is added the first time a pattern uses it."""
        if name not in self.lexicons:
            builtin = builtin_lexicon(name)
            if builtin is None:
                raise KeyError(f"lexicon {name!r} was not added")
            self.add_lexicon(name, builtin)

    def add(self, sequences, ident: int) -> None:
        for seq in sequences:
            node = self.root
            for atom in seq:
                self._atom(atom)
                node = node.child(atom)
            if ident not in node.out:
                node.out.append(ident)
        self._forget()

    def add_lexicon(self, name: str, sequences) -> None:
        root = self.lexicons.setdefault(name, Node())
        for seq in sequences:
            node = root
            for atom in seq:
                self._atom(atom)
                node = node.child(atom)
            if not node.out:
                node.out.append(0)

    def freeze(self) -> None:
        """Merge identical sub-tries (a DAWG): equal endings of patterns, and the leaves of word
        lists, are stored once. Done once the rule set is complete; matching is unchanged."""
        canon: dict[tuple, Node] = {}
        done: dict[int, Node] = {}

        def visit(node: Node) -> Node:
            got = done.get(id(node))
            if got is not None:
                return got
            node.lit = {k: visit(v) for k, v in node.lit.items()}
            node.kind = {k: visit(v) for k, v in node.kind.items()}
            node.pre = [(k, visit(v)) for k, v in node.pre]
            node.pred = [(k, visit(v)) for k, v in node.pred]
            node.lex = [(k, visit(v)) for k, v in node.lex]
            if node.any is not None:
                node.any = visit(node.any)
            node._derive()
            sig = (tuple(sorted((k, id(v)) for k, v in node.lit.items())),
                   tuple(sorted((k, id(v)) for k, v in node.kind.items())),
                   tuple((k, id(v)) for k, v in node.pre), tuple((k, id(v)) for k, v in node.pred),
                   tuple((k, id(v)) for k, v in node.lex), id(node.any) if node.any else None,
                   tuple(node.out))
            same = canon.setdefault(sig, node)
            done[id(node)] = same
            return same

        import sys

        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 10_000))
        try:
            self.root = visit(self.root)
            self.lexicons = {k: visit(v) for k, v in self.lexicons.items()}
        finally:
            sys.setrecursionlimit(limit)
        self._forget()

    def _forget(self) -> None:
        """Drop what is derived from the trie (it changed)."""
        self._pre_index = None
        self._opened_by = {}

    def _dispatch(self):
        """Every first step from the root, including into word lists that start a pattern,
        indexed by what the token must be: the per-token cost at the root is a few dictionary
        look-ups, however many patterns start with a group or a word list."""
        if self._pre_index is not None:
            return self._pre_index
        lit: dict[str, list] = {}
        kind: dict[str, list] = {}
        pre: dict[str, list] = {}
        pred: list = []
        seen: set[tuple[int, tuple, bool]] = set()

        def collect(node: Node, stack: tuple, cap: bool) -> None:
            key = (id(node), tuple(id(x) for x in stack), cap)
            if key in seen:
                return
            seen.add(key)
            for k, x in node.lit.items():
                lit.setdefault(k, []).append((x, stack, cap))
            for k, x in node.kind.items():
                kind.setdefault(k, []).append((x, stack, cap))
            for prefix, x in node.pre:
                pre.setdefault(prefix[:3], []).append((prefix, x, stack, cap))
            for name, x in node.pred:
                pred.append((name, x, stack, cap))
            if node.any is not None:
                pred.append(("any", node.any, stack, cap))
            for name, cont in node.lex:
                collect(self.lexicons[name], stack + (cont,), cap or name.endswith(":cap"))

        collect(self.root, (), False)
        # Predicates grouped by name: each is tested once per token, whatever uses it.
        by_name: dict[str, list] = {}
        for name, x, stack, cap in pred:
            by_name.setdefault(name, []).append((x, stack, cap))
        self._pre_index = (lit, kind, pre, list(by_name.items()))
        return self._pre_index

    OPENED_MAX = 100_000    # distinct tokens whose _Opened is kept

    def _opened(self, key: tuple) -> _Opened:
        """What token ``key`` = (folded, kind, surface, accent spellings or None) starts at the
        root (every first step of :meth:`_dispatch` it takes, followed as :func:`_arrive`
        would), kept for the next time the same token is read."""
        n, k, surface, keys = key
        dlit, dkind, dpre, dpred = self._dispatch()
        upper = surface[:1].isupper()
        first = [(x, st) for key_n in ((n,) if keys is None else keys)
                 for x, st, cap in dlit.get(key_n, ()) if not cap or upper]
        first.extend((x, st) for x, st, cap in dkind.get(k, ()) if not cap or upper)
        first.extend((x, st) for prefix, x, st, cap in dpre.get(n[:3], ())
                     if n.startswith(prefix) and (not cap or upper))
        for name, entries in dpred:
            if name == "any" or PREDICATES[name](surface, k):
                first.extend((x, st) for x, st, cap in entries if not cap or upper)
        states: list = []
        hits: list = []
        for x, st in first:
            _arrive(x, 0, 0, st, states, hits, 0)
        got = _Opened([ident for ident, _, _ in hits],
                      [(node, stack) for node, _, stack, _ in states], self.lexicons)
        if len(self._opened_by) >= self.OPENED_MAX:
            self._opened_by.clear()
        self._opened_by[key] = got
        return got

    def scan(self, norm: list[str], kind: list[str], surface: list[str], lo: int, hi: int,
             hits: list[tuple[int, int, int]]) -> None:
        """Append ``(ident, start, end)`` token spans of every match in ``[lo, hi)`` to ``hits``."""
        lexicons = self.lexicons
        opened_by = self._opened_by
        fillers, signs = self.fillers, self.filler_signs
        # Tokens folded to an accent homograph are looked up by their spelling (rare: a dict).
        folds = self.accent_folds
        accent = None
        if folds and not folds.isdisjoint(norm if lo == 0 and hi == len(norm) else norm[lo:hi]):
            accent = _accent_keys(norm, surface, lo, hi, folds)
        keys = None
        # A state is (node, start token, word-list stack, fillers stepped over so far); the
        # states a token opened at the root stay together, as (_Opened, start, fillers).
        active: list[tuple[Node, int, tuple, int]] = []
        opened: list[tuple[_Opened, int, int]] = []
        for i in range(lo, hi):
            n = norm[i]
            k = kind[i]
            s_i = surface[i]
            if accent:
                keys = accent.get(i)
            # The dot of an abbreviation (« Av. / Ap. », « Dr. ») says nothing either, nor
            # the comma of a repeated filler (« très, très vite »).
            filler = (n in fillers) if k == "word" else (
                k == "punct" and (n in signs or _is_emoji(s_i) or (
                    n == "." and i > lo and norm[i - 1] in ABBREVIATIONS) or (
                    n == "," and lo < i < hi - 1 and norm[i - 1] in fillers
                    and norm[i + 1] == norm[i - 1])))
            nxt: list[tuple[Node, int, tuple, int]] = []
            for node, s, stack, skipped in active:
                if node.plain and keys is None:     # fast path: literal edges only
                    x = node.lit.get(n)
                    if x is not None:
                        _arrive(x, s, i, stack, nxt, hits, skipped)
                else:
                    _advance(node, n, k, s_i, lexicons, stack, keys, s, i, nxt, hits, skipped)
                if filler and skipped < MAX_FILLERS:
                    nxt.append((node, s, stack, skipped + 1))
            still: list[tuple[_Opened, int, int]] = []
            for group, s, skipped in opened:
                group.advance(n, k, s_i, keys, lexicons, s, i, nxt, hits, skipped)
                if filler and skipped < MAX_FILLERS:
                    still.append((group, s, skipped + 1))
            key = (n, k, s_i, keys)
            group = opened_by.get(key) or self._opened(key)
            for ident in group.idents:
                hits.append((ident, i, i + 1))
            if group.edges:
                still.append((group, i, 0))
            active = nxt
            opened = still


def _arrive(node: Node, start: int, i: int, stack: tuple, nxt: list, hits: list,
            skipped: int) -> None:
    """Token ``i`` led to ``node``. In a word list (``stack`` not empty) an entry's end resumes
    the enclosing pattern at ``stack[-1]``; in the main trie, outputs are matches."""
    if node.out:
        if stack:
            _arrive(stack[-1], start, i, stack[:-1], nxt, hits, skipped)
        else:
            for ident in node.out:
                hits.append((ident, start, i + 1))
    if node.edges:
        nxt.append((node, start, stack, skipped))


def trie_words(roots) -> set[str]:
    """The alphabetic literal tokens (two letters or more, an apostrophe inside allowed:
    « aujourd'hui ») reachable from ``roots``."""
    words: set[str] = set()
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        words.update(k for k in node.lit if len(k) >= 2 and k[0].isalpha()
                     and k[-1].isalpha() and k.replace("'", "").isalpha())
        stack.extend(node.lit.values())
        stack.extend(n for _, n in node.pre)
        stack.extend(node.kind.values())
        stack.extend(n for _, n in node.pred)
        stack.extend(n for _, n in node.lex)
        if node.any is not None:
            stack.append(node.any)
    return words
