"""Compiling the packs into one rule set: every pattern of every rule in one token matcher.

:func:`load_rules` is the entry point: the compiled set from the cache when the sources are
unchanged (:mod:`editor.compliance.rulecache`), else read (:mod:`editor.compliance.loader`) and
compiled here. Each pattern group added to the matcher gets an identifier; ``RuleSet.groups``
tells the engine, for each one, its role (trigger, exception, condition, context cue), its rule
and its condition.
"""
from __future__ import annotations

from pathlib import Path

from editor.compliance import categories as cats
from editor.compliance import rulecache
from editor.compliance.loader import Loaded, read_packs, read_rules
from editor.compliance.matcher import Matcher
from editor.compliance.packs import builtin_pack_dirs, fallback_dirs, pack_dirs
from editor.compliance.patterns import PatternError, compile_lexicons, compile_pattern
from editor.compliance.ruleset import (
    CALL,
    EXCEPTION,
    MYTH,
    NOT_MYTH,
    OTHERS,
    PROFILE,
    REQUIRES,
    SELF,
    TRIGGER,
    UNLESS,
    Context,
    Rule,
    RuleError,
    RuleSet,
)
from editor.compliance.settings import Settings


def load_rules(extra: list[Path] | None = None, settings: Settings | None = None,
               use_cache: bool = True, dirs: list[Path] | None = None) -> RuleSet:
    """Load, validate and compile every pack. Problems are collected in ``RuleSet.errors``;
    the rules that loaded are still usable."""
    dirs = pack_dirs(extra) if dirs is None else dirs
    cache_file = None
    if use_cache:
        from editor.paths import user_cache_dir

        digest = rulecache.source_digest(dirs, settings, _other_sources(dirs))
        cache_file = rulecache.cache_path(user_cache_dir(), digest)
        cached = rulecache.load(cache_file, RuleSet)
        if cached is not None:
            cats.remember(cached.categories)
            return cached
    ruleset = compile_rules(dirs, settings)
    cats.remember(ruleset.categories)
    if cache_file is not None and not ruleset.errors:
        ruleset.vocabularies()          # kept in the cache: every engine needs them
        ruleset.matcher.prepare()       # and every scan
        rulecache.store(cache_file, ruleset)
    return ruleset


def _other_sources(dirs: list[Path]) -> list[Path]:
    """The files outside ``dirs`` that compiling reads: the pack.yaml of the built-in packs whose
    categories are used all the same, the images.yaml of the built-in packs (their image rules
    come first, even when a downloaded pack replaces one of them)."""
    from editor.compliance.images import IMAGE_RULES_FILE

    return [d / "pack.yaml" for d in fallback_dirs(dirs)] + \
        [d / IMAGE_RULES_FILE for d in builtin_pack_dirs() if d not in dirs]


def compile_rules(dirs: list[Path], settings: Settings | None) -> RuleSet:
    """The rule set of the packs in ``dirs``, never from the cache."""
    loaded = read_packs(dirs)
    lexicons = _compile_lexicons(loaded)
    read_rules(loaded, settings)
    builder = _MatcherBuilder(lexicons)
    kept = builder.add_rules(loaded.rules, loaded.errors)
    builder.add_cues(loaded.context, loaded.errors)
    matcher = builder.finish(loaded.context)
    return RuleSet(kept, loaded.packs, loaded.context, matcher, builder.groups, loaded.errors,
                   loaded.categories, aliases=builder.aliases,
                   overrides=dict(settings.overrides) if settings else {},
                   images=loaded.images)


def _compile_lexicons(loaded: Loaded) -> dict:
    """Each word list as a trie of its own (a line ``{@name}`` includes another list)."""
    lexicons, errors = compile_lexicons(loaded.lexicons)
    loaded.errors.extend(RuleError(e.path, e.line, f"lexicon {e.name!r}: {e}") for e in errors)
    return lexicons


class _MatcherBuilder:
    """The one matcher of a rule set, with the role of each pattern group added to it."""

    def __init__(self, lexicons: dict) -> None:
        self.lexicons = lexicons
        self.matcher = Matcher()
        self.groups: list[tuple[int, int, int]] = []
        # Conditions several rules share (same patterns, reach and scope) are matched once:
        # (role, patterns, within, scope) -> the first rule's group key; later rules' keys alias it.
        self.shared: dict[tuple, tuple[int, int, int]] = {}
        self.aliases: dict[tuple[int, int, int], tuple[int, int, int]] = {}

    def compiled(self, patterns: list[str], where: str, line: int | None, what: str):
        seqs = []
        for p in patterns:
            try:
                seqs.append(compile_pattern(p, self.lexicons))
            except PatternError as e:
                raise RuleError(where, line, f"invalid pattern {p!r} in {what}: {e}") from None
        return [s for group in seqs for s in group]

    def _add(self, role: int, rule_index: int, condition: int, seqs) -> None:
        _add_lexicons(self.matcher, seqs, self.lexicons)
        self.matcher.add(seqs, len(self.groups))
        self.groups.append((role, rule_index, condition))

    def _plan(self, r: Rule) -> list[tuple[int, int, list]]:
        """The compiled pattern groups of a rule: triggers, exceptions, conditions."""
        plan = [(TRIGGER, 0, self.compiled(r.patterns, r.file, r.line, f"rule {r.id!r}"))]
        if r.exceptions:
            plan.append((EXCEPTION, 0, self.compiled(r.exceptions, r.file, r.line,
                                                     f"exceptions of {r.id!r}")))
        for ci, c in enumerate(r.requires):
            plan.append((REQUIRES, ci, self.compiled(c.patterns, r.file, r.line,
                                                     f"requires of {r.id!r}")))
        for ci, c in enumerate(r.unless):
            plan.append((UNLESS, ci, self.compiled(c.patterns, r.file, r.line,
                                                   f"unless of {r.id!r}")))
        return plan

    def add_rules(self, rules: list[Rule], errors: list[RuleError]) -> list[Rule]:
        """Add the enabled rules whose patterns all compile; returns them (a rule's index in
        this list is the one in ``groups``)."""
        kept: list[Rule] = []
        for r in rules:
            if not r.enabled:
                continue
            try:
                plan = self._plan(r)
            except RuleError as e:
                errors.append(e)
                continue
            for role, ci, seqs in plan:
                if role in (REQUIRES, UNLESS):
                    cond = (r.requires if role == REQUIRES else r.unless)[ci]
                    same = (role, tuple(cond.patterns), cond.within, cond.scope)
                    first = self.shared.setdefault(same, (role, len(kept), ci))
                    if first != (role, len(kept), ci):
                        self.aliases[(role, len(kept), ci)] = first
                        continue
                self._add(role, len(kept), ci, seqs)
            kept.append(r)
        return kept

    def add_cues(self, context: Context, errors: list[RuleError]) -> None:
        """The context's refutation, self-reference, not-a-refutation, call-to-act, profile and
        praise-of-others cues."""
        for role, cues, what in ((MYTH, context.myth, "myth cues"),
                                 (SELF, context.self_cues, "self cues"),
                                 (NOT_MYTH, context.not_myth, "not_myth cues"),
                                 (CALL, context.calls, "calls"),
                                 (PROFILE, context.profile, "profile cues"),
                                 (OTHERS, context.others, "others cues")):
            # One broken cue is reported and costs only itself: losing every refutation cue
            # for one typo would turn each refuted myth into an alarm.
            seqs = []
            for cue in cues:
                try:
                    seqs += self.compiled([cue], "context.yaml", None, what)
                except RuleError as e:
                    errors.append(e)
            if seqs:
                self._add(role, -1, 0, seqs)

    def finish(self, context: Context) -> Matcher:
        self.matcher.set_fillers(context.fillers, context.filler_signs)
        self.matcher.freeze()
        return self.matcher


def _add_lexicons(matcher: Matcher, seqs, lexicons) -> None:
    """Add the word lists (and shared groups) that ``seqs`` use, inner ones first."""
    for seq in seqs:
        for atom in seq:
            if atom.op == "lex" and atom.arg not in matcher.lexicons:
                base = atom.arg[:-4] if atom.arg.endswith(":cap") else atom.arg
                _add_lexicons(matcher, lexicons[base], lexicons)
                matcher.add_lexicon(atom.arg, lexicons[base])
