"""Which trigger patterns the rules' own examples exercise.

A rule's ``flag`` examples are its tests (:mod:`editor.compliance.examples`), but a rule with
several triggers passes them as soon as one trigger fires: the other triggers may be mistyped or
dead and nothing notices. Here every trigger pattern is compiled on its own, with an identifier of
its own, into one matcher; each flag example of the rule goes through the engine's own analysis
(projection, light folding, tokens, hashtags) and the pattern is *exercised* when it matches the
example in the rule's scope at a place the rule reports (any place for an ``occurrence`` rule,
whose first triggers are counted but not reported).

Only the public entry points are used (compile a pattern or a word list, build a matcher, the
engine's analysis, scan), so changes inside the matcher do not affect this report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor.compliance.engine import Engine
from editor.compliance.matcher import Matcher
from editor.compliance.patterns import PatternError, compile_lexicons, compile_pattern
from editor.compliance.rules import Rule, RuleSet, builtin_lexicon_dir


@dataclass
class RuleCoverage:
    rule: str
    file: str
    patterns: list[str]
    uncovered: list[str] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)   # (pattern, why)


@dataclass
class CoverageReport:
    rules: list[RuleCoverage] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(r.patterns) for r in self.rules)

    @property
    def covered(self) -> int:
        return self.total - len(self.uncovered())

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0

    def uncovered(self) -> list[tuple[str, str]]:
        """``(rule id, pattern)`` of every trigger no flag example exercises."""
        return [(r.rule, p) for r in self.rules for p in r.uncovered]

    def complete(self) -> bool:
        return not self.uncovered()


def _lexicons(ruleset: RuleSet) -> dict:
    """The word lists as the rule compiler sees them: the bundled ones, then each pack's own
    (a later list of the same name replaces an earlier one)."""
    sources: dict[str, Path] = {}
    folders = [builtin_lexicon_dir()] + [Path(p.path) / "lexicons" for p in ruleset.packs if p.path]
    for folder in folders:
        if folder.is_dir():
            for f in sorted(folder.glob("*.txt")):
                sources[f.stem] = f
    texts: dict = {}
    for name, f in sources.items():
        try:
            texts[name] = (f, f.read_text(encoding="utf-8").splitlines())
        except (OSError, UnicodeDecodeError):
            continue   # reported by the rule loader; patterns using it are reported invalid
    return compile_lexicons(texts)[0]   # errors: reported by the rule loader too


def _add_word_lists(matcher: Matcher, seqs, lexicons: dict) -> None:
    """Add the word lists and shared groups ``seqs`` refer to, inner ones first."""
    for seq in seqs:
        for atom in seq:
            if atom.op == "lex" and atom.arg not in matcher.lexicons:
                base = atom.arg[:-4] if atom.arg.endswith(":cap") else atom.arg
                _add_word_lists(matcher, lexicons[base], lexicons)
                matcher.add_lexicon(atom.arg, lexicons[base])


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def pattern_coverage(ruleset: RuleSet, engine: Engine | None = None,
                     rules: list[Rule] | None = None) -> CoverageReport:
    """For each rule (all the rule set's, or ``rules``), the trigger patterns none of its flag
    examples exercises."""
    engine = engine or Engine(ruleset, memo=False)
    rules = ruleset.rules if rules is None else rules
    lexicons = _lexicons(ruleset)
    matcher = Matcher()
    # The words and signs a match steps over, as the rule compiler configures the real matcher.
    matcher.set_fillers(ruleset.context.fillers, ruleset.context.filler_signs)
    owner: list[tuple[int, int]] = []          # ident -> (rule index, pattern index)
    report = CoverageReport()
    for ri, rule in enumerate(rules):
        rc = RuleCoverage(rule.id, rule.file, list(rule.patterns))
        report.rules.append(rc)
        for pi, src in enumerate(rule.patterns):
            try:
                seqs = compile_pattern(src, lexicons)
                _add_word_lists(matcher, seqs, lexicons)
            except (PatternError, KeyError) as e:
                rc.invalid.append((src, str(e)))
                continue
            matcher.add(seqs, len(owner))
            owner.append((ri, pi))

    exercised: set[tuple[int, int]] = set()
    for ri, rule in enumerate(rules):
        for ex in rule.flag_examples:
            an = engine.check(ex.text)
            reported = [(f.start, f.end) for f in an.findings if f.rule == rule.id]
            if not reported:
                continue
            for u in an.units:
                if u.scope not in rule.scope:
                    continue
                hits: list[tuple[int, int, int]] = []
                t = u.toks
                matcher.scan(t.norm, t.kind, t.surface, 0, len(t.norm), hits)
                for ident, ts, te in hits:
                    if owner[ident][0] != ri or owner[ident] in exercised:
                        continue
                    if rule.kind == "occurrence" or _overlaps(*u.span(ts, te), reported):
                        exercised.add(owner[ident])
    for ri, (rule, rc) in enumerate(zip(rules, report.rules)):
        rc.uncovered = [p for pi, p in enumerate(rule.patterns) if (ri, pi) not in exercised]
    return report


def format_report(report: CoverageReport, verbose: bool = False) -> list[str]:
    """The lines ``tact rules test`` prints: the figures, then the unexercised patterns when
    asked or when there are some."""
    pct = f"{report.percent:.1f}".removesuffix(".0").replace(".", ",")
    lines = [f"Couverture des motifs\u202f: {report.covered} / {report.total} motifs exercés "
             f"par un exemple ({pct}\u00a0%)"]
    missing = report.uncovered()
    if verbose or missing:
        invalid = {(rc.rule, p): why for rc in report.rules for p, why in rc.invalid}
        for rid, p in missing:
            why = invalid.get((rid, p))
            lines.append(f"  {rid}\u202f: {p}" + (f" (motif invalide\u202f: {why})" if why else ""))
    return lines
