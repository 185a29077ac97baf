"""Rule packs as data: the names the rest of the program uses, gathered from the modules that do
the work.

    ruleset      the data: Rule, Pack, Context, RuleSet, RuleError, the rule vocabulary
    schema       one rule's YAML mapping checked and turned into a Rule
    categories   categories declared by the packs (pack.yaml), their labels
    packs        where the packs are, which version wins, what pack.yaml declares
    contextfile  a pack's context.yaml
    settings     a clinic's settings.yaml (rules off, other severities)
    sources      reading YAML and word lists as RuleErrors
    loader       pack folders read into validated rules
    compiler     load_rules: the rules compiled into one matcher (or taken from the cache)
    rulecache    the compiled rule set kept between runs, and its digest

Rules, packs and their keys are documented in rules/README.md.
"""
from __future__ import annotations

from editor.compliance.categories import (
                                          CATEGORY_KEYS,
                                          CONTRACT_CATEGORIES,
                                          OTHER_CATEGORIES,
                                          SCORED_CATEGORIES,
                                          Category,
)
from editor.compliance.compiler import compile_rules, load_rules
from editor.compliance.contextfile import CONTEXT_KEYS
from editor.compliance.packs import PACK_KEYS, builtin_lexicon_dir, pack_dirs, pack_version
from editor.compliance.rulecache import code_signature as _code_signature
from editor.compliance.ruleset import (
                                          ALL_SCOPES,
                                          CALL,
                                          DEFAULT_SCOPE,
                                          EXCEPTION,
                                          KINDS,
                                          MYTH,
                                          NOT_MYTH,
                                          OTHERS,
                                          PROFILE,
                                          REQUIRES,
                                          SCOPE_GROUPS,
                                          SELF,
                                          SEVERITIES,
                                          TRIGGER,
                                          UNLESS,
                                          WITHIN,
                                          Condition,
                                          Context,
                                          Example,
                                          Pack,
                                          Rule,
                                          RuleError,
                                          RuleSet,
)
from editor.compliance.schema import COND_KEYS, EXAMPLE_KEYS, FILE_KEYS, MAX_REPLACEMENT, RULE_KEYS
from editor.compliance.settings import SETTINGS_KEYS, Settings

__all__ = [
    "ALL_SCOPES", "CALL", "CATEGORY_KEYS", "COND_KEYS", "CONTEXT_KEYS", "CONTRACT_CATEGORIES",
    "DEFAULT_SCOPE", "EXAMPLE_KEYS", "EXCEPTION", "FILE_KEYS", "KINDS", "MAX_REPLACEMENT", "MYTH",
    "NOT_MYTH", "OTHERS", "OTHER_CATEGORIES", "PACK_KEYS", "PROFILE", "REQUIRES", "RULE_KEYS",
    "SCOPE_GROUPS",
    "SCORED_CATEGORIES", "SELF", "SETTINGS_KEYS", "SEVERITIES", "TRIGGER", "UNLESS", "WITHIN",
    "Category", "Condition", "Context", "Example", "Pack", "Rule", "RuleError", "RuleSet",
    "Settings", "_code_signature", "builtin_lexicon_dir", "compile_rules", "load_rules",
    "pack_dirs", "pack_version",
]
