"""One-pass matching of every pattern of every rule: a trie over tokens.

All the atom sequences (:mod:`editor.compliance.patterns`) of all the rules share one trie. A scan
walks the tokens once; at each token it follows the trie edges from the states still alive. Equal
prefixes are stored once, so a rule set repeated ten times costs the same scan. Gaps are bounded
(``_{0,8}`` at most), so the number of live states, and the time per token, is bounded whatever
the rules say: the scan is linear in the length of the text.
"""
from __future__ import annotations

import unicodedata

from editor.compliance.patterns import Atom


def _is_emoji(surface: str) -> bool:
    return len(surface) == 1 and (unicodedata.category(surface) == "So" or ord(surface) >= 0x1F000)


def _is_code(surface: str) -> bool:
    return (len(surface) >= 4 and surface.isalnum() and surface.upper() == surface
            and any(c.isalpha() for c in surface))


PREDICATES = {
    "cap": lambda s, k: k == "word" and s[:1].isupper(),
    "upper": lambda s, k: k == "word" and len(s) >= 2 and s.isupper(),
    "code": lambda s, k: k in ("word", "num") and _is_code(s),
    "emoji": lambda s, k: k == "punct" and _is_emoji(s),
    "image": lambda s, k: s == "\ue000",
}


class Node:
    __slots__ = ("lit", "pre", "kind", "pred", "any", "out")

    def __init__(self) -> None:
        self.lit: dict[str, Node] = {}
        self.pre: list[tuple[str, Node]] = []
        self.kind: dict[str, Node] = {}
        self.pred: list[tuple[str, Node]] = []
        self.any: Node | None = None
        self.out: list[int] = []

    def child(self, atom: Atom) -> "Node":
        op, arg = atom.op, atom.arg
        if op == "lit":
            return self.lit.setdefault(arg, Node())
        if op == "kind":
            return self.kind.setdefault(arg, Node())
        if op == "any":
            if self.any is None:
                self.any = Node()
            return self.any
        table = self.pre if op == "pre" else self.pred
        for key, node in table:
            if key == arg:
                return node
        node = Node()
        table.append((arg, node))
        return node

    def has_children(self) -> bool:
        return bool(self.lit or self.pre or self.kind or self.pred or self.any)


class Matcher:
    """The trie of all patterns; ``out`` values are the ids given to :meth:`add`."""

    def __init__(self) -> None:
        self.root = Node()
        self._pre_index: dict[str, list[tuple[str, Node]]] | None = None

    def add(self, sequences, ident: int) -> None:
        for seq in sequences:
            node = self.root
            for atom in seq:
                node = node.child(atom)
            if ident not in node.out:
                node.out.append(ident)
        self._pre_index = None

    def _index(self) -> dict[str, list[tuple[str, Node]]]:
        if self._pre_index is None:
            idx: dict[str, list[tuple[str, Node]]] = {}
            for prefix, node in self.root.pre:
                idx.setdefault(prefix[:3], []).append((prefix, node))
            self._pre_index = idx
        return self._pre_index

    def scan(self, norm: list[str], kind: list[str], surface: list[str], lo: int, hi: int,
             hits: list[tuple[int, int, int]]) -> None:
        """Append ``(ident, start, end)`` token spans of every match in ``[lo, hi)`` to ``hits``."""
        root = self.root
        rlit, rkind, rpred = root.lit, root.kind, root.pred
        rpre = self._index()
        preds = PREDICATES
        active: list[tuple[Node, int]] = []
        for i in range(lo, hi):
            n = norm[i]
            k = kind[i]
            nxt: list[tuple[Node, int]] = []
            if active:
                for node, s in active:
                    x = node.lit.get(n)
                    if x is not None:
                        _enter(x, s, i, nxt, hits)
                    if node.kind:
                        x = node.kind.get(k)
                        if x is not None:
                            _enter(x, s, i, nxt, hits)
                    for prefix, x in node.pre:
                        if n.startswith(prefix):
                            _enter(x, s, i, nxt, hits)
                    for name, x in node.pred:
                        if preds[name](surface[i], k):
                            _enter(x, s, i, nxt, hits)
                    if node.any is not None:
                        _enter(node.any, s, i, nxt, hits)
            x = rlit.get(n)
            if x is not None:
                _enter(x, i, i, nxt, hits)
            x = rkind.get(k)
            if x is not None:
                _enter(x, i, i, nxt, hits)
            if rpre:
                cands = rpre.get(n[:3])
                if cands:
                    for prefix, x in cands:
                        if n.startswith(prefix):
                            _enter(x, i, i, nxt, hits)
            for name, x in rpred:
                if preds[name](surface[i], k):
                    _enter(x, i, i, nxt, hits)
            active = nxt


def _enter(node: Node, start: int, i: int, nxt: list, hits: list) -> None:
    if node.out:
        for ident in node.out:
            hits.append((ident, start, i + 1))
    if node.lit or node.pre or node.kind or node.pred or node.any is not None:
        nxt.append((node, start))
