"""What a rule pack becomes once read: rules, packs, context cues, and the compiled rule set.

Plain data, built by :mod:`editor.compliance.compiler`, run by :mod:`editor.compliance.engine`
and kept between runs by :mod:`editor.compliance.rulecache`. The vocabulary of a rule (severities,
kinds, ``within`` spans, scopes) is here too: the defaults of these classes are made of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor.compliance.matcher import Matcher, trie_words
from editor.document.projection import MEDIA_SCOPES, PROSE_SCOPES

SEVERITIES = ("error", "warning", "info")
KINDS = ("existence", "conditional", "occurrence")
WITHIN = ("clause", "sentence", "block", "post")
# A condition may also look at the match's sentence and the one right after it, in the same
# paragraph (« … ? Écrivez-moi. », « Résultat garanti. Sous réserve d'examen. »).
CONDITION_WITHIN = WITHIN + ("next",)
ALL_SCOPES = PROSE_SCOPES + MEDIA_SCOPES + ("hashtag",)
SCOPE_GROUPS = {"prose": PROSE_SCOPES, "media": MEDIA_SCOPES, "all": ALL_SCOPES}
DEFAULT_SCOPE = frozenset(PROSE_SCOPES + ("alt", "hashtag"))

# --- roles of pattern groups in the matcher ---------------------------------------------------
TRIGGER, EXCEPTION, REQUIRES, UNLESS, MYTH, SELF, NOT_MYTH, CALL, PROFILE, OTHERS = range(10)


class RuleError(Exception):
    """A problem in a rule file, with its place."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        super().__init__(self.where() + ": " + message)

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass
class Condition:
    patterns: list[str]
    within: str = "sentence"
    scope: frozenset = DEFAULT_SCOPE
    # ``requires`` holds when every group holds; a group holds when one of its conditions does
    # (a plain condition is a group of its own, an ``any:`` list is one group of several).
    group: int = 0


@dataclass
class Example:
    text: str
    span: tuple[int, int] | None = None   # the [marked] part, in ``text`` without the brackets


@dataclass
class Rule:
    id: str
    pack: str
    category: str
    severity: str
    message: str
    reference: str
    patterns: list[str]
    kind: str = "existence"
    explanation: str = ""
    suggestion: str | None = None  # advice shown to the user, never inserted in the text
    replacement: str | None = None  # a true drop-in for the matched text ("" deletes it)
    link: str | None = None
    scope: frozenset = DEFAULT_SCOPE
    exceptions: list[str] = field(default_factory=list)
    requires: list[Condition] = field(default_factory=list)
    unless: list[Condition] = field(default_factory=list)
    negation: str = "suppress"     # suppress | ignore
    myth: str = "suppress"         # suppress | ignore
    subject: str = "any"           # any | self
    otherwise: str = "off"         # severity when subject is not self: off | info | warning
    quoted: str = "any"            # any | inside | outside
    question: str = "keep"         # keep | suppress  (a trigger in a question)
    max: int = 0                   # occurrence: matches allowed within ``within``
    within: str = "post"
    enabled: bool = True
    flag_examples: list[Example] = field(default_factory=list)
    ok_examples: list[Example] = field(default_factory=list)
    file: str = ""
    line: int = 0


@dataclass
class Pack:
    name: str
    version: str
    title: str = ""
    description: str = ""
    path: str = ""


@dataclass
class Context:
    negators: set = field(default_factory=set)      # folded single tokens
    adjacent: set = field(default_factory=set)      # negators only right before the trigger
    particles: set = field(default_factory=set)     # ne, n'
    negative_triggers: set = field(default_factory=set)  # negative words that begin triggers
    window: int = 6
    myth: list[str] = field(default_factory=list)
    self_cues: list[str] = field(default_factory=list)
    not_myth: list[str] = field(default_factory=list)   # look like a refutation, are a claim
    calls: list[str] = field(default_factory=list)   # a call to act (« Réservez ! », « C'est ici »)
    # the author's title opening a line, no article (« Chirurgien esthétique à Nice | … »)
    profile: list[str] = field(default_factory=list)
    # praise addressed to someone else (« Hommage au Pr Durand », « Bravo à l'association… »)
    others: list[str] = field(default_factory=list)
    fillers: set = field(default_factory=set)        # words the matcher steps over in a phrase
    filler_signs: set = field(default_factory=set)   # decorative signs it steps over too


@dataclass
class RuleSet:
    rules: list[Rule]
    packs: list[Pack]
    context: Context
    matcher: Matcher
    groups: list[tuple[int, int, int]]   # ident -> (role, rule index or -1, condition index)
    errors: list[RuleError] = field(default_factory=list)
    # id -> :class:`editor.compliance.categories.Category`, as the packs declare them
    categories: dict = field(default_factory=dict)
    # (vocabulary, rule words, typo targets) of :meth:`vocabularies`, computed once and kept
    # with the cache
    words: tuple[frozenset, frozenset, frozenset] | None = None
    # (role, rule index, condition index) of a condition -> the key of the identical condition
    # of an earlier rule, whose matches it shares (see :meth:`condition_key`)
    aliases: dict[tuple[int, int, int], tuple[int, int, int]] = field(default_factory=dict)
    # the clinic's settings (rule id -> {"enabled", "severity"}), already applied to ``rules``;
    # kept for the rules that are not in the rule files: the image rules (compliance/images.py)
    overrides: dict[str, dict] = field(default_factory=dict)
    # the packs' image rules (:class:`editor.compliance.images.ImageRules`, from their
    # images.yaml), read with the packs and kept with the cache: a check never parses YAML
    images: object = None

    def condition_key(self, role: int, rule_index: int, condition: int) -> tuple[int, int, int]:
        """The group key under which a rule's condition is matched: its own, or that of the
        first rule with the same condition (same patterns, reach and scope)."""
        key = (role, rule_index, condition)
        return self.aliases.get(key, key)

    def vocabularies(self) -> tuple[frozenset, frozenset, frozenset]:
        """The words the rules know: the main trie's and the shared hashtag groups' (what a
        run-together hashtag such as #resultatgaranti is split into), then with the word lists'
        too (what evasive spellings « p r o m o », « gr4tuit », « grattuit » are read back to),
        then the names of the lists of names (lists used as ``{@…:cap}``: first names, towns)
        that are no word of the patterns, after which a capitalised word is a surname, not a
        typo (« Harold Gillies » is not « Gilles »). Walking the tries takes a tenth of a
        second: done once, stored in the compiled cache."""
        if self.words is None:
            m = self.matcher
            vocabulary = frozenset(trie_words(
                [m.root] + [n for name, n in m.lexicons.items() if name.startswith("#")]))
            rule_words = frozenset(vocabulary | trie_words(
                [n for name, n in m.lexicons.items() if not name.startswith("#")]))
            # only the names (« harold », « pierre »), not the words of a town's name the
            # patterns use as words (« le » of « Le Mans », « rose »)
            names = frozenset(trie_words(
                [n for name, n in m.lexicons.items() if name.endswith(":cap")])) - vocabulary
            self.words = (vocabulary, rule_words, names)
        return self.words

    @property
    def version(self) -> str:
        return "+".join(f"{p.name}@{p.version}" for p in self.packs) or "none"

    def rule(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None
