"""Rule packs as data: loading, validation (file:line), and compilation into one rule set.

A pack is a folder::

    rules/<pack>/pack.yaml        name, version, title, description
    rules/<pack>/context.yaml     negators, refutation cues, self-reference cues (optional)
    rules/<pack>/<topic>.yaml     rules (a mapping with optional file defaults and ``rules:``)
    rules/<pack>/lexicons/*.txt   word lists usable in patterns as {@name}

The bundled ``resources/lexicon/*.txt`` lists are usable by every pack as well.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from editor.compliance.matcher import Matcher
from editor.compliance.patterns import PatternError, compile_lexicon, compile_pattern
from editor.document.projection import MEDIA_SCOPES, PROSE_SCOPES

SEVERITIES = ("error", "warning", "info")
SCORED_CATEGORIES = ("before-after", "superlative", "misleading-claim", "pricing", "testimonial",
                     "rating", "comparison", "incentive", "medicine-brand", "patient-identity",
                     "title", "sponsored", "solicitation", "dignity")
OTHER_CATEGORIES = ("reflection-period", "retouched-image", "links-of-interest", "consent",
                    "evidence", "minors", "spelling", "platform")
CATEGORIES = SCORED_CATEGORIES + OTHER_CATEGORIES
KINDS = ("existence", "conditional", "occurrence")
WITHIN = ("clause", "sentence", "block", "post")
ALL_SCOPES = PROSE_SCOPES + MEDIA_SCOPES + ("hashtag",)
SCOPE_GROUPS = {"prose": PROSE_SCOPES, "media": MEDIA_SCOPES, "all": ALL_SCOPES}
DEFAULT_SCOPE = frozenset(PROSE_SCOPES + ("alt", "hashtag"))

RULE_KEYS = {"id", "kind", "category", "severity", "message", "explanation", "reference",
             "suggestion", "replacement", "link", "scope", "patterns", "exceptions", "requires",
             "unless", "negation", "myth", "subject", "otherwise", "quoted", "question", "max",
             "within", "enabled", "examples"}
FILE_KEYS = {"category", "reference", "scope", "severity", "rules", "description"}
COND_KEYS = {"patterns", "within", "scope"}
PACK_KEYS = {"name", "version", "title", "description", "language"}
CONTEXT_KEYS = {"negators", "adjacent_negators", "particles", "negative_triggers", "window", "myth",
                "self", "fillers", "filler_signs", "not_myth"}


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
    negative_triggers: set = field(default_factory=set)  # words that make a trigger negative-initial
    window: int = 6
    myth: list[str] = field(default_factory=list)
    self_cues: list[str] = field(default_factory=list)
    not_myth: list[str] = field(default_factory=list)   # look like a refutation, are a claim
    fillers: set = field(default_factory=set)        # words the matcher steps over in a phrase
    filler_signs: set = field(default_factory=set)   # decorative signs it steps over too


# --- roles of pattern groups in the matcher ---------------------------------------------------
TRIGGER, EXCEPTION, REQUIRES, UNLESS, MYTH, SELF, NOT_MYTH = range(7)


@dataclass
class RuleSet:
    rules: list[Rule]
    packs: list[Pack]
    context: Context
    matcher: Matcher
    groups: list[tuple[int, int, int]]   # ident -> (role, rule index or -1, condition index)
    errors: list[RuleError] = field(default_factory=list)

    @property
    def version(self) -> str:
        return "+".join(f"{p.name}@{p.version}" for p in self.packs) or "none"

    def rule(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None


# --- loading ---------------------------------------------------------------------------------

_MARKER = re.compile(r"(?<!!)\[([^\[\]\n]*)\](?!\()")


def _known_keys(d, allowed, path, where: str = "") -> None:
    """Reject a mapping with a key outside ``allowed``, naming the key and its line."""
    unknown = set(d) - set(allowed)
    if unknown:
        k = sorted(unknown, key=str)[0]   # keys may be numbers, dates…
        raise RuleError(path, d.lines.get(k), f"unknown key {k!r}{where}")


def _parse_example(text: str) -> Example:
    """``[...]`` marks the expected span; Markdown images and links ``![a](b)`` ``[a](b)`` are
    not markers."""
    m = _MARKER.search(text)
    if m:
        clean = text[:m.start()] + m.group(1) + text[m.end():]
        return Example(clean, (m.start(), m.start() + len(m.group(1))))
    return Example(text)


def _str(d, key, path, required=False, default=None):
    if key not in d:
        if required:
            raise RuleError(path, getattr(d, "line", None), f"missing key {key!r}")
        return default
    v = d[key]
    if not isinstance(v, str) or not v.strip():
        raise RuleError(path, d.lines.get(key), f"{key!r} must be a non-empty text")
    return v.strip()


MAX_REPLACEMENT = 200   # characters: a drop-in is a word or a short phrase, not advice


def _replacement(d, path) -> str | None:
    """The rule's drop-in replacement: a text on one line, possibly empty (delete the passage)."""
    if "replacement" not in d:
        return None
    v = d["replacement"]
    line = d.lines.get("replacement", d.line)
    if not isinstance(v, str):
        raise RuleError(path, line, "'replacement' must be a text (\"\" to delete the passage)")
    if "\n" in v or "\r" in v:
        raise RuleError(path, line, "'replacement' must fit on one line")
    if len(v) > MAX_REPLACEMENT:
        raise RuleError(path, line, f"'replacement' is {len(v)} characters long (at most "
                                    f"{MAX_REPLACEMENT}): advice belongs in 'suggestion'")
    return v


def _choice(d, key, path, choices, default):
    v = d.get(key, default)
    if isinstance(v, bool) and key in ("negation", "myth"):
        v = "suppress" if v else "ignore"
    if v not in choices:
        raise RuleError(path, d.lines.get(key, d.line),
                        f"{key!r} must be one of {', '.join(map(str, choices))} (got {v!r})")
    return v


def _patterns(d, key, path) -> list[str]:
    v = d.get(key, [])
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(p, str) and p.strip() for p in v):
        raise RuleError(path, d.lines.get(key, d.line), f"{key!r} must be a list of patterns")
    return list(v)


def _scope(value, path, line) -> frozenset:
    if value is None:
        return DEFAULT_SCOPE
    if isinstance(value, str):
        value = [value]
    out: set[str] = set()
    for s in value:
        if s in SCOPE_GROUPS:
            out.update(SCOPE_GROUPS[s])
        elif s in ALL_SCOPES:
            out.add(s)
        else:
            raise RuleError(path, line, f"unknown scope {s!r} (known: "
                            f"{', '.join(list(SCOPE_GROUPS) + list(ALL_SCOPES))})")
    return frozenset(out)


def _condition(v, path, line, default_scope) -> list[Condition]:
    items = v if isinstance(v, list) else [v]
    out = []
    for item in items:
        if not isinstance(item, dict):
            raise RuleError(path, line, "a condition is a mapping with 'patterns' and 'within'")
        _known_keys(item, COND_KEYS, path, " in condition")
        pats = _patterns(item, "patterns", path)
        if not pats:
            raise RuleError(path, item.line, "a condition needs patterns")
        within = _choice(item, "within", path, WITHIN, "sentence")
        scope = _scope(item.get("scope"), path, item.lines.get("scope")) \
            if "scope" in item else default_scope
        out.append(Condition(pats, within, scope))
    return out


def _rule(d, defaults: dict, pack: str, path: Path) -> Rule:
    if not isinstance(d, dict):
        raise RuleError(path, None, "each entry of 'rules' must be a mapping")
    _known_keys(d, RULE_KEYS, path, f" in rule {d.get('id', '?')!r}")
    rid = _str(d, "id", path, required=True)
    import re
    if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", rid):
        raise RuleError(path, d.lines.get("id"), f"rule id {rid!r} must look like 'category.name'")
    category = d.get("category", defaults.get("category"))
    if category not in CATEGORIES:
        raise RuleError(path, d.lines.get("category", d.line),
                        f"unknown category {category!r} in rule {rid!r}")
    severity = d.get("severity", defaults.get("severity"))
    if severity not in SEVERITIES:
        raise RuleError(path, d.lines.get("severity", d.line),
                        f"severity of {rid!r} must be error, warning or info")
    reference = d.get("reference", defaults.get("reference"))
    if not isinstance(reference, str) or not reference.strip():
        raise RuleError(path, d.line, f"rule {rid!r} has no legal 'reference'")
    scope = _scope(d.get("scope", defaults.get("scope")), path, d.lines.get("scope", d.line))
    kind = _choice(d, "kind", path, KINDS, "existence")
    rule = Rule(
        id=rid, pack=pack, category=category, severity=severity,
        message=_str(d, "message", path, required=True), reference=reference.strip(),
        patterns=_patterns(d, "patterns", path), kind=kind,
        explanation=_str(d, "explanation", path, default="") or "",
        suggestion=_str(d, "suggestion", path), replacement=_replacement(d, path),
        link=_str(d, "link", path), scope=scope,
        exceptions=_patterns(d, "exceptions", path),
        requires=_condition(d["requires"], path, d.lines["requires"], scope) if "requires" in d else [],
        unless=_condition(d["unless"], path, d.lines["unless"], scope) if "unless" in d else [],
        negation=_choice(d, "negation", path, ("suppress", "ignore"), "suppress"),
        myth=_choice(d, "myth", path, ("suppress", "ignore"), "suppress"),
        subject=_choice(d, "subject", path, ("any", "self"), "any"),
        otherwise=_choice(d, "otherwise", path, ("off", "info", "warning"), "off"),
        quoted=_choice(d, "quoted", path, ("any", "inside", "outside"), "any"),
        question=_choice(d, "question", path, ("keep", "suppress"), "keep"),
        within=_choice(d, "within", path, WITHIN, "post"),
        enabled=bool(d.get("enabled", True)), file=str(path), line=d.line)
    if not rule.patterns:
        raise RuleError(path, d.line, f"rule {rid!r} has no 'patterns'")
    if kind == "conditional" and not (rule.requires or rule.unless):
        raise RuleError(path, d.line, f"conditional rule {rid!r} needs 'requires' or 'unless'")
    if kind == "occurrence":
        mx = d.get("max")
        if not isinstance(mx, int) or isinstance(mx, bool) or mx < 0:
            raise RuleError(path, d.lines.get("max", d.line), f"occurrence rule {rid!r} needs 'max' ≥ 0")
        rule.max = mx
    ex = d.get("examples")
    if not isinstance(ex, dict) or set(ex) - {"flag", "ok"}:
        raise RuleError(path, d.lines.get("examples", d.line),
                        f"rule {rid!r} needs 'examples' with 'flag' and 'ok' lists")
    for key, target in (("flag", rule.flag_examples), ("ok", rule.ok_examples)):
        items = ex.get(key) or []
        if not isinstance(items, list) or not items or not all(isinstance(x, str) for x in items):
            raise RuleError(path, ex.lines.get(key, ex.line),
                            f"rule {rid!r} needs at least one '{key}' example (a list of texts)")
        target.extend(_parse_example(x) for x in items)
    return rule


def _read_yaml(path: Path):
    """A rule file or the settings, through the program's one bounded YAML reader.

    Anchors and aliases are accepted (packs share pattern lists) with the expanded size capped;
    nesting, size and numbers are capped too: every problem is a :class:`RuleError` at file:line.
    """
    from editor import yamlsafe  # PyYAML only when rules are (re)compiled

    try:
        text = yamlsafe.read_text(path)
    except yamlsafe.YamlError as exc:   # not a regular file, too large, not UTF-8
        raise RuleError(path, None, exc.message) from None
    except OSError as exc:
        raise RuleError(path, None, f"cannot be read ({exc.strerror or exc})") from None
    try:
        return yamlsafe.load(text, aliases=True)
    except yamlsafe.YamlError as exc:
        raise RuleError(path, exc.line, exc.message) from None


def _read_lexicon(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, None, f"cannot be read as UTF-8 text ({exc})") from None


@dataclass
class Settings:
    """A clinic's adjustments: rules switched off or given another severity."""
    overrides: dict[str, dict] = field(default_factory=dict)
    path: str = ""

    @classmethod
    def load(cls, path: Path) -> "Settings":
        data = _read_yaml(path) or {}
        if not isinstance(data, dict):
            raise RuleError(path, None, "settings must be a mapping")
        _known_keys(data, {"rules", "packs", "profile", "review"}, path, " in settings")
        overrides: dict[str, dict] = {}
        if not isinstance(data.get("rules") or {}, dict):
            raise RuleError(path, data.lines.get("rules"), "'rules' must be a mapping of rule ids")
        for rid, v in (data.get("rules") or {}).items():
            line = data["rules"].lines.get(rid)
            if v in ("off", False):
                overrides[rid] = {"enabled": False}
            elif v in ("on", True):
                overrides[rid] = {"enabled": True}
            elif v in SEVERITIES:
                overrides[rid] = {"severity": v}
            elif isinstance(v, dict) and not set(v) - {"severity", "enabled"} \
                    and v.get("severity", "error") in SEVERITIES:
                overrides[rid] = dict(v)
            else:
                raise RuleError(path, line, f"rule {rid!r}: use off, on, error, warning or info")
        return cls(overrides, str(path))


def builtin_lexicon_dir() -> Path:
    from editor.paths import resources_dir

    return resources_dir() / "lexicon"


_PACK_VERSION = re.compile(r"""^version\s*:\s*["']?([^"'#\s]+)""", re.M)


def pack_version(folder: Path) -> str:
    """The ``version`` of a pack folder's ``pack.yaml`` (read without parsing YAML), else "0"."""
    try:
        m = _PACK_VERSION.search((folder / "pack.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return "0"
    return m.group(1) if m else "0"


def _version_key(version: str) -> tuple:
    return tuple((0, int(x), "") if x.isdigit() else (1, 0, x) for x in re.split(r"[.\-+]", version))


def pack_dirs(extra: list[Path] | None = None) -> list[Path]:
    """The built-in packs, then the user's downloaded packs, then the ``--rules`` folders. A pack in
    the user's data folder with the name of a built-in one replaces it when its version is the same
    or newer (rule packs are updated without a new build; a newer build wins over an old update)."""
    from editor.paths import rules_dir, user_data_dir

    dirs: list[Path] = []
    for base in (rules_dir(), user_data_dir() / "rules"):
        if base.is_dir():
            for p in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
                same = next((i for i, d in enumerate(dirs) if d.name == p.name), None)
                if same is None:
                    dirs.append(p)
                elif _version_key(pack_version(p)) >= _version_key(pack_version(dirs[same])):
                    dirs[same] = p      # an update of a built-in pack, downloaded later
    for d in extra or []:
        d = Path(d)
        if (d / "pack.yaml").is_file() or any(d.glob("*.yaml")):
            dirs.append(d)
        elif d.is_dir():
            dirs.extend(sorted(p for p in d.iterdir() if p.is_dir()))
        else:
            dirs.append(d)  # reported as missing by load_rules
    return dirs


def _source_digest(dirs: list[Path], settings: Settings | None) -> str:
    h = hashlib.sha256()
    from editor import __version__

    h.update(__version__.encode())
    lex = builtin_lexicon_dir()
    files = sorted(lex.glob("*.txt")) if lex.is_dir() else []
    for d in dirs:
        if d.is_dir():
            files.extend(sorted(d.rglob("*.yaml")))
            files.extend(sorted(d.rglob("*.txt")))
    for f in files:
        try:
            h.update(str(f).encode())
            h.update(f.read_bytes())
        except OSError:
            h.update(b"?")
    if settings:
        h.update(repr(sorted(settings.overrides.items())).encode())
    import editor.compliance.matcher as mmod
    import editor.compliance.morphology as fmod
    import editor.compliance.patterns as pmod

    h.update(_code_signature((pmod.__file__, mmod.__file__, fmod.__file__, __file__)))
    h.update(fmod.lexicon_version().encode())
    return h.hexdigest()[:32]


def _code_signature(files) -> bytes:
    """The compiler's source, so a code change invalidates cached rule sets. A frozen application
    has no ``.py`` files: its executable (which carries the code archive) stands for them."""
    try:
        return b"".join(Path(f).read_bytes() for f in files)
    except OSError:
        import sys

        try:
            st = Path(sys.executable).stat()
        except OSError:
            return b"?"
        return f"{sys.executable}:{st.st_size}:{st.st_mtime_ns}".encode()


def load_rules(extra: list[Path] | None = None, settings: Settings | None = None,
               use_cache: bool = True, dirs: list[Path] | None = None) -> RuleSet:
    """Load, validate and compile every pack. Problems are collected in ``RuleSet.errors``;
    the rules that loaded are still usable."""
    dirs = pack_dirs(extra) if dirs is None else dirs
    cache_file = None
    if use_cache:
        from editor.compliance import rulecache
        from editor.paths import user_cache_dir

        cache_file = rulecache.cache_path(user_cache_dir(), _source_digest(dirs, settings))
        cached = rulecache.load(cache_file, RuleSet)
        if cached is not None:
            return cached
    ruleset = _compile(dirs, settings)
    if cache_file is not None and not ruleset.errors:
        rulecache.store(cache_file, ruleset)
    return ruleset


def _compile(dirs: list[Path], settings: Settings | None) -> RuleSet:
    errors: list[RuleError] = []
    packs: list[Pack] = []
    rules: list[Rule] = []
    context = Context()
    lex_sources: dict[str, tuple[Path, list[str]]] = {}
    lexdir = builtin_lexicon_dir()
    if lexdir.is_dir():
        for f in sorted(lexdir.glob("*.txt")):
            try:
                lex_sources[f.stem] = (f, _read_lexicon(f))
            except RuleError as e:
                errors.append(e)
    rule_files: list[tuple[str, Path]] = []
    for d in dirs:
        if not d.is_dir():
            errors.append(RuleError(d, None, "rule pack folder not found"))
            continue
        meta = {"name": d.name, "version": "0"}
        pack_file = d / "pack.yaml"
        if pack_file.is_file():
            try:
                data = _read_yaml(pack_file) or {}
                if not isinstance(data, dict):
                    raise RuleError(pack_file, None, "pack.yaml must be a mapping")
                _known_keys(data, PACK_KEYS, pack_file)
                meta.update({k: str(v) for k, v in data.items()})
            except RuleError as e:
                errors.append(e)
        packs.append(Pack(meta["name"], meta["version"], meta.get("title", ""),
                          meta.get("description", ""), str(d)))
        for f in sorted((d / "lexicons").glob("*.txt")) if (d / "lexicons").is_dir() else []:
            try:
                lex_sources[f.stem] = (f, _read_lexicon(f))
            except RuleError as e:
                errors.append(e)
        ctx_file = d / "context.yaml"
        if ctx_file.is_file():
            try:
                _merge_context(context, ctx_file)
            except RuleError as e:
                errors.append(e)
        for f in sorted(d.glob("*.yaml")):
            if f.name not in ("pack.yaml", "context.yaml"):
                rule_files.append((meta["name"], f))

    # Lexicons (a lexicon may not refer to another one): each becomes a trie of its own.
    lexicons = {}
    for name, (path, lines) in lex_sources.items():
        try:
            lexicons[name] = compile_lexicon(lines, lexicons)
        except PatternError as e:
            errors.append(RuleError(path, None, f"lexicon {name!r}: {e}"))

    seen: dict[str, Rule] = {}
    for pack, f in rule_files:
        try:
            data = _read_yaml(f)
        except RuleError as e:
            errors.append(e)
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            errors.append(RuleError(f, None, "a rule file is a mapping with a 'rules' list"))
            continue
        try:
            _known_keys(data, FILE_KEYS, f)
        except RuleError as e:
            errors.append(e)
            continue
        items = data.get("rules")
        if not isinstance(items, list):
            errors.append(RuleError(f, data.line, "missing 'rules' list"))
            continue
        for i, item in enumerate(items):
            try:
                r = _rule(item, data, pack, f)
                if r.id in seen:
                    raise RuleError(f, r.line, f"rule id {r.id!r} already defined in "
                                    f"{seen[r.id].file}:{seen[r.id].line}")
                seen[r.id] = r
                rules.append(r)
            except RuleError as e:
                errors.append(e)

    if settings:
        for r in rules:
            o = settings.overrides.get(r.id)
            if o:
                r.enabled = o.get("enabled", r.enabled)
                r.severity = o.get("severity", r.severity)

    matcher = Matcher()
    groups: list[tuple[int, int, int]] = []

    def compiled(patterns: list[str], where: str, line: int | None, what: str):
        seqs = []
        for p in patterns:
            try:
                seqs.append(compile_pattern(p, lexicons))
            except PatternError as e:
                raise RuleError(where, line, f"invalid pattern {p!r} in {what}: {e}") from None
        return [s for group in seqs for s in group]

    kept: list[Rule] = []
    for r in rules:
        if not r.enabled:
            continue
        ri = len(kept)
        try:
            plan = [(TRIGGER, 0, compiled(r.patterns, r.file, r.line, f"rule {r.id!r}"))]
            if r.exceptions:
                plan.append((EXCEPTION, 0, compiled(r.exceptions, r.file, r.line,
                                                    f"exceptions of {r.id!r}")))
            for ci, c in enumerate(r.requires):
                plan.append((REQUIRES, ci, compiled(c.patterns, r.file, r.line,
                                                    f"requires of {r.id!r}")))
            for ci, c in enumerate(r.unless):
                plan.append((UNLESS, ci, compiled(c.patterns, r.file, r.line,
                                                  f"unless of {r.id!r}")))
        except RuleError as e:
            errors.append(e)
            continue
        for role, ci, seqs in plan:
            _add_lexicons(matcher, seqs, lexicons)
            matcher.add(seqs, len(groups))
            groups.append((role, ri, ci))
        kept.append(r)
    for role, cues, what in ((MYTH, context.myth, "myth cues"), (SELF, context.self_cues, "self cues"),
                             (NOT_MYTH, context.not_myth, "not_myth cues")):
        if cues:
            try:
                seqs = compiled(cues, "context.yaml", None, what)
                _add_lexicons(matcher, seqs, lexicons)
                matcher.add(seqs, len(groups))
                groups.append((role, -1, 0))
            except RuleError as e:
                errors.append(e)
    matcher.set_fillers(context.fillers, context.filler_signs)
    matcher.freeze()
    return RuleSet(kept, packs, context, matcher, groups, errors)


def _add_lexicons(matcher: Matcher, seqs, lexicons) -> None:
    """Add the word lists (and shared groups) that ``seqs`` use, inner ones first."""
    for seq in seqs:
        for atom in seq:
            if atom.op == "lex" and atom.arg not in matcher.lexicons:
                base = atom.arg[:-4] if atom.arg.endswith(":cap") else atom.arg
                _add_lexicons(matcher, lexicons[base], lexicons)
                matcher.add_lexicon(atom.arg, lexicons[base])


def _merge_context(ctx: Context, path: Path) -> None:
    from editor.text.fold import fold_text

    data = _read_yaml(path) or {}
    if not isinstance(data, dict):
        raise RuleError(path, None, "context.yaml must be a mapping")
    _known_keys(data, CONTEXT_KEYS, path)
    for key, target in (("negators", ctx.negators), ("adjacent_negators", ctx.adjacent),
                        ("particles", ctx.particles),
                        ("negative_triggers", ctx.negative_triggers),
                        ("fillers", ctx.fillers), ("filler_signs", ctx.filler_signs)):
        for w in _words(data, key, path):
            target.add(fold_text(w))
    if "window" in data:
        w = data["window"]
        if isinstance(w, bool) or not isinstance(w, int) or not 0 <= w <= 1000:
            raise RuleError(path, data.lines.get("window"), "'window' must be a whole number")
        ctx.window = w
    ctx.myth.extend(_words(data, "myth", path))
    ctx.self_cues.extend(_words(data, "self", path))
    ctx.not_myth.extend(_words(data, "not_myth", path))


def _words(data, key: str, path: Path) -> list[str]:
    """A list of plain values (words, numbers) of a context file, as texts."""
    items = data.get(key) or []
    if not isinstance(items, list) or not all(
            isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in items):
        raise RuleError(path, data.lines.get(key), f"{key!r} must be a list of words")
    return [str(x) for x in items]
