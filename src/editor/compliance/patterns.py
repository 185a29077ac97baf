"""The rule pattern language: token sequences, compiled without any backtracking regex.

A pattern is read with the same tokenizer and folding as the posts, so it matches case- and
accent-insensitively, whatever the apostrophes, spaces or Unicode "bold" letters::

    résultat (garanti~|assuré~)      words; ( | ) alternatives; ~ adds feminine/plural forms
    offre (limitée|flash)?           ? makes the previous item optional
    remis* {num} %                   * matches any word starting so; {num} a number
    avant _{0,2} après               _ any one token, _{m,n} between m and n tokens
    {@procedures}                    any entry of the lexicon file ``procedures.txt``
    {@prenoms-fr:cap}                an entry written with a capital (Rose, not rose)
                                     (matched through the lexicon's own trie, never expanded)
    code {upper} {num}               « NEZ20 » is the word NEZ then the number 20

Classes: {num} {word} {hashtag} {mention} {url} {email} {punct} {emoji} {cap} (a capitalised
word) {upper} (a word in capitals) {code} {image} (where an image stands). ``\\`` escapes a special character (``\\(``, ``\\?``).

A pattern expands into linear sequences of atoms; all the sequences of all the rules go into one
token trie (:mod:`editor.compliance.matcher`), so matching is one left-to-right pass whose cost
does not depend on what a rule says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from editor.compliance.morphology import family, inflect  # noqa: F401  (inflect: public)
from editor.text.fold import fold_word, light
from editor.text.tokens import tokenize

MAX_EXPANSIONS = 20_000
GROUP_INLINE = 4   # groups with more alternatives than this become shared sub-tries
MAX_GAP = 8

KIND_CLASSES = {"num", "word", "hashtag", "mention", "url", "email", "punct", "elision"}
PRED_CLASSES = {"cap", "upper", "code", "emoji", "image"}


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says why."""


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
                raise PatternError(f"{{@{name}}}: a word list cannot be used here")
            base = name[:-4] if name.endswith(":cap") else name
            if base not in self.lexicons or base.startswith("#"):
                raise PatternError(f"unknown lexicon {base!r}")
            # A lexicon is matched by its own sub-trie (see matcher): no expansion here, so a
            # pattern using several big word lists stays small.
            return [(Atom("lex", name),)]
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
    atoms = [Atom("lit", n) for n in toks.norm]
    if suffix == "*":
        if len(toks.norm) != 1 or len(toks.norm[0]) < 3:
            raise PatternError(f"prefix {text}* needs one word of at least 3 letters")
        atoms[-1] = Atom("pre", toks.norm[0])
    elif suffix == "~":
        if len(toks.norm) != 1 and not (len(toks.norm) == 2 and toks.kind[0] == "elision"):
            raise PatternError(f"{text}~: ~ applies to one word")
        return tuple(atoms[:-1]) + (("~", toks.surface[-1].lower()),)  # expanded by the caller
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
    return list(dict.fromkeys(fold_word(f) for f in family(word)))


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


def compile_lexicon(lines: list[str], lexicons: dict | None = None) -> list[tuple[Atom, ...]]:
    """Each non-empty, non-comment line of a lexicon is a pattern (without {@...} references);
    the lexicon is their union."""
    out: list[tuple[Atom, ...]] = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                out.extend(compile_pattern(line, lexicons, allow_named=False))
            except PatternError as e:
                raise PatternError(f"line {number}: {e}") from None
    return list(dict.fromkeys(out))
