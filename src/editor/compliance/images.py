"""Findings about the images of a post: their files, what their pixels show, their metadata.

For every image reference of a post (``![alt](target)``) the engine asks here:

* is the file there, inside the post's folder? (``image.missing``);
* what did :class:`editor.vision.analysis.ImageAnalyser` see in it? A before/after montage
  (``before-after.image-composite``, error), a face (``patient-identity.image-face``, warning, in
  place of the generic consent reminder ``consent.patient-photo`` on that image), text burned into
  the picture — read back through the same rules as the post's text, each rule keeping its id,
  category and severity, the message saying the words were found in the image —, an editing
  application named in the metadata (``retouched-image.image-software``), a GPS position
  (``patient-identity.image-gps``, info: the export removes it);
* two photos placed side by side whose shooting dates are months apart
  (``before-after.image-dates``).

Every such finding spans the image reference in the Markdown and keys its id on the image's
content (SHA-256), never on its position: moving or inserting another photo does not hand a
decision taken on one image to another. ``extra["image"]`` carries what the report's ``image``
object holds (path as written, hash, boxes to outline, recognised text).

What these findings say (message, category, severity, legal basis, advice, explanation) is pack
data: ``rules/<pack>/images.yaml``, checked when the packs are loaded and merged pack after pack
(:func:`read_image_rules`; rules/README.md, « Image rules »).

The vision package is imported only when a post has images and image checks are on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from editor.compliance.findings import Finding
from editor.compliance.ruleset import RuleError
from editor.text.fold import fold_word

log = logging.getLogger(__name__)


# --- the image rules: their texts are pack data (rules/<pack>/images.yaml) ---------------------
IMAGE_RULES_FILE = "images.yaml"
IMAGE_FILE_KEYS = {"rules", "text_message", "description"}
IMAGE_RULE_KEYS = {"id", "category", "severity", "message", "detail", "reference", "suggestion",
                   "explanation"}
_REQUIRED = ("category", "severity", "message", "reference")
# The image rules the analysis reports, and the fields its ``detail`` message may use
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "image.missing": (),
    "before-after.image-composite": (),
    "before-after.image-dates": ("months",),
    "patient-identity.image-face": ("count",),
    "patient-identity.image-gps": (),
    "retouched-image.image-software": ("software",),
}
TEXT_PLACEHOLDERS = ("words", "message")     # of ``text_message``


@dataclass(frozen=True)
class ImageRule:
    id: str
    category: str
    severity: str
    message: str
    reference: str
    suggestion: str = ""
    explanation: str = ""
    detail: str = ""        # the message with what the analysis knows more ({count}, ...)
    # where its texts come from: (pack folder, keys its images.yaml gives), pack after pack
    layers: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def detailed(self, **fields) -> str:
        """The ``detail`` message filled in with ``fields`` (``message`` when there is none)."""
        return self.detail.format(**fields) if self.detail else self.message


@dataclass(frozen=True)
class ImageRules:
    """The image rules of the loaded packs, merged, and the message of a text finding."""
    rules: dict[str, ImageRule]
    text_message: str


def _q(text) -> str:
    return f"«\u00a0{text}\u00a0»"


def _template(value: str, allowed: tuple[str, ...], path, line, what: str) -> None:
    """Reject a message whose ``{fields}`` are not among ``allowed``, or whose braces are
    broken."""
    import string

    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(value)
                  if name is not None]
    except ValueError:
        raise RuleError(path, line, f"{what}\u00a0: accolade mal fermée (écrire {{{{ et }}}} "
                                    "pour une accolade seule)") from None
    for name, spec, conv in fields:
        if name not in allowed or spec or conv:
            known = ", ".join("{" + a + "}" for a in allowed) or "aucun"
            raise RuleError(path, line, f"{what}\u00a0: champ inconnu {_q('{' + name + '}')} "
                                        f"(champs possibles\u00a0: {known})")


def _image_entry(item, path, categories, defined: dict) -> tuple[str, dict]:
    """The id and the keys of one entry of an images.yaml ``rules`` list, checked."""
    from editor.compliance.ruleset import SEVERITIES
    from editor.compliance.schema import is_mapping

    if not is_mapping(item):
        raise RuleError(path, None, "chaque règle d'image est une table (id, category, severity, "
                                    "message, reference…)")
    rid = item.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise RuleError(path, item.line, "une règle d'image doit avoir un identifiant («\u00a0id"
                                         "\u00a0»)")
    rid = rid.strip()
    if rid not in PLACEHOLDERS:
        raise RuleError(path, item.lines.get("id", item.line),
                        f"règle d'image inconnue {_q(rid)}\u00a0: l'analyse des images produit "
                        f"seulement {', '.join(PLACEHOLDERS)}")
    unknown = sorted(set(item) - IMAGE_RULE_KEYS, key=str)
    if unknown:
        raise RuleError(path, item.lines.get(unknown[0], item.line),
                        f"clé inconnue {_q(unknown[0])} dans la règle d'image {_q(rid)} (clés "
                        f"possibles\u00a0: {', '.join(sorted(IMAGE_RULE_KEYS))})")
    values = {}
    for key in sorted(set(item) - {"id"}):
        v, line = item[key], item.lines.get(key, item.line)
        if not isinstance(v, str) or not v.strip():
            raise RuleError(path, line, f"{_q(key)} de la règle d'image {_q(rid)} doit être un "
                                        "texte non vide")
        values[key] = v.strip()
    for key in _REQUIRED:
        if key not in values and rid not in defined:
            raise RuleError(path, item.line, f"la règle d'image {_q(rid)} n'a pas de {_q(key)}")
    line = item.lines.get
    if "severity" in values and values["severity"] not in SEVERITIES:
        raise RuleError(path, line("severity"), f"gravité {_q(values['severity'])} de la règle "
                                                f"d'image {_q(rid)}\u00a0: error, warning ou info")
    if "category" in values and categories is not None and values["category"] not in categories:
        raise RuleError(path, line("category"),
                        f"catégorie inconnue {_q(values['category'])} dans la règle d'image "
                        f"{_q(rid)}\u00a0: elle doit être déclarée dans le pack.yaml d'un paquet "
                        "chargé")
    if "detail" in values:
        if not PLACEHOLDERS[rid]:
            raise RuleError(path, line("detail"), f"la règle d'image {_q(rid)} n'a pas de message "
                                                  f"détaillé ({_q('detail')})")
        _template(values["detail"], PLACEHOLDERS[rid], path, line("detail"),
                  f"{_q('detail')} de la règle d'image {_q(rid)}")
    return rid, values


def _read_images_file(path: Path, merged: dict, categories, errors: list,
                      layers: dict | None = None) -> str | None:
    """Merge the rules of one images.yaml into ``merged`` (id -> keys; a broken entry is reported
    and skipped, the earlier packs' definition stays); ``layers``: id -> [(pack folder, keys
    given)], added to. Returns its ``text_message``, if any."""
    from editor.compliance.sources import read_mapping

    data = read_mapping(path, errors, "un fichier images.yaml est une table avec une liste "
                                      f"{_q('rules')}")
    if data is None:
        return None
    unknown = sorted(set(data) - IMAGE_FILE_KEYS, key=str)
    if unknown:
        errors.append(RuleError(path, data.lines.get(unknown[0]),
                                f"clé inconnue {_q(unknown[0])} dans images.yaml (clés "
                                f"possibles\u00a0: {', '.join(sorted(IMAGE_FILE_KEYS))})"))
        return None
    text_message = None
    if "text_message" in data:
        v = data["text_message"]
        try:
            if not isinstance(v, str) or not v.strip():
                raise RuleError(path, data.lines.get("text_message"),
                                f"{_q('text_message')} doit être un texte non vide")
            _template(v, TEXT_PLACEHOLDERS, path, data.lines.get("text_message"),
                      _q("text_message"))
            text_message = v
        except RuleError as e:
            errors.append(e)
    items = data.get("rules", [])
    if not isinstance(items, list):
        errors.append(RuleError(path, data.lines.get("rules"),
                                f"{_q('rules')} doit être une liste de règles d'image"))
        return text_message
    seen: dict[str, int] = {}
    for item in items:
        try:
            rid, values = _image_entry(item, path, categories, merged)
            if rid in seen:
                raise RuleError(path, item.line, f"règle d'image {_q(rid)} déjà définie dans ce "
                                                 f"fichier, ligne {seen[rid]}")
            seen[rid] = item.line
            merged.setdefault(rid, {}).update(values)
            if layers is not None:
                layers.setdefault(rid, []).append((str(path.parent), tuple(sorted(values))))
        except RuleError as e:
            errors.append(e)
    return text_message


def _layers(dirs) -> list[Path]:
    """The pack folders whose images.yaml count, in order: the built-in packs first (the image
    rules are always complete, even when a downloaded pack replaces a built-in one), then the
    other packs of ``dirs`` (a later one redefines what an earlier one says)."""
    from editor.compliance.packs import builtin_pack_dirs

    builtin = builtin_pack_dirs()
    seen = {p.resolve() for p in builtin}
    return builtin + [Path(d) for d in dirs if Path(d).resolve() not in seen]


def read_image_rules(dirs, categories=None) -> tuple[ImageRules, list[RuleError]]:
    """The image rules of the packs ``dirs`` (see :func:`_layers`) and the problems found;
    ``categories``: the category ids the packs declare (None: not checked)."""
    errors: list[RuleError] = []
    merged: dict[str, dict] = {}
    text_message = None
    layers: dict[str, list] = {}
    files = [d / IMAGE_RULES_FILE for d in _layers(dirs) if (d / IMAGE_RULES_FILE).is_file()]
    for f in files:
        text_message = _read_images_file(f, merged, categories, errors, layers) or text_message
    where = files[0] if files else Path(IMAGE_RULES_FILE)
    rules = {}
    for rid in PLACEHOLDERS:
        keys = merged.get(rid, {})
        missing = [k for k in _REQUIRED if k not in keys]
        if missing:
            errors.append(RuleError(where, None, f"la règle d'image {_q(rid)} n'est définie par "
                                                 f"aucun paquet chargé ({_q(missing[0])} manque)"))
            keys = {**_undefined(rid, where), **keys}
        rules[rid] = ImageRule(rid, **keys, layers=tuple(layers.get(rid, ())))
    if text_message is None:
        errors.append(RuleError(where, None, f"{_q('text_message')} n'est défini par aucun "
                                             "paquet chargé"))
    return ImageRules(rules, text_message or "{message}"), errors


def _undefined(rid: str, where) -> dict:
    """What a finding of an image rule that no pack defines says (the file was reported broken):
    the finding is still made, blocking, so that a broken file never hides a montage."""
    from editor.compliance.categories import CONTRACT_CATEGORIES

    prefix = rid.split(".", 1)[0]
    return {"category": prefix if prefix in CONTRACT_CATEGORIES else "platform",
            "severity": "error", "reference": str(where),
            "message": f"Règle d'image {_q(rid)} sans message\u00a0: {where} est incomplet."}

_TABLES: dict[tuple, ImageRules] = {}     # by the stat of the files and the categories
_last: ImageRules | None = None


def image_rules(dirs=None, categories=None) -> ImageRules:
    """The image rules of the packs ``dirs`` (default: the built-in and downloaded packs), read
    again only when one of their images.yaml files changed. Problems are logged: ``tact check``
    and ``tact rules test`` report them when the packs are loaded."""
    from editor.compliance.packs import pack_dirs

    global _last
    dirs = [Path(d) for d in (pack_dirs() if dirs is None else dirs)]
    key: list[tuple[str, int | None, int | None]] = []
    for d in _layers(dirs):
        try:
            st = (d / IMAGE_RULES_FILE).stat()
            key.append((str(d), st.st_mtime_ns, st.st_size))
        except OSError:
            key.append((str(d), None, None))
    key_t = (tuple(key), tuple(sorted(categories)) if categories is not None else None)
    table = _TABLES.get(key_t)
    if table is None:
        table, errors = read_image_rules(dirs, categories)
        for e in errors:
            log.error("image rules: %s", e)
        _TABLES[key_t] = table
    _last = table
    return table


def rule(rule_id: str) -> ImageRule | None:
    """The image rule ``rule_id`` as the last check read it (else as the installed packs say)."""
    table = _last if _last is not None else image_rules()
    return table.rules.get(rule_id)


def __getattr__(name: str):
    if name == "RULES":     # the image rules of the installed packs, id -> ImageRule
        return (_last if _last is not None else image_rules()).rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def ruleset_image_rules(ruleset) -> ImageRules:
    """The image rules of a rule set's packs (built-in first, then the later packs' changes): those
    read with its packs (:attr:`RuleSet.images`), else read now from its packs' folders."""
    global _last
    table = getattr(ruleset, "images", None)
    if table is None:
        dirs = [Path(p.path) for p in getattr(ruleset, "packs", None) or [] if p.path]
        return image_rules(dirs, getattr(ruleset, "categories", None) or None)
    _last = table
    return table


def explain(ruleset, rule_id: str) -> str | None:
    """What ``tact rules explain`` says of image rule ``rule_id`` with the packs of ``ruleset``
    (a clinic pack's changes included, and which pack made them), in French; None when there is
    no such image rule."""
    r = ruleset_image_rules(ruleset).rules.get(rule_id)
    if r is None:
        return None
    names = {}
    for p in getattr(ruleset, "packs", None) or []:
        if p.path:
            names[str(Path(p.path).resolve())] = p.name
    layers = [(names.get(str(Path(d).resolve()), Path(d).name), keys) for d, keys in r.layers]
    origin = f"paquet {layers[0][0]}" if layers else "aucun paquet"
    lines = [f"{r.id} — {r.category}, {r.severity} (analyse des images, {origin})"]
    for name, keys in layers[1:]:
        lines.append(f"Texte modifié par le paquet {_q(name)}\u00a0: {', '.join(keys)}.")
    lines.append(f"\n{r.message}")
    if r.detail:
        lines.append(f"Message détaillé\u00a0: {r.detail}")
    if r.explanation:
        lines.append(f"\n{r.explanation}")
    lines.append(f"\nFondement\u00a0: {r.reference}")
    if r.suggestion:
        lines.append(f"Conseil\u00a0: {r.suggestion}")
    return "\n".join(lines)


class _Table:
    """The image rules of an engine's packs, read when a first finding needs them, with the
    clinic's settings (``settings.yaml``: a rule switched off, another severity) applied as they
    are to the text rules."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self._rules: ImageRules | None = None
        ruleset = getattr(engine, "rules", None)
        self.overrides: dict = getattr(ruleset, "overrides", None) or {}

    @property
    def rules(self) -> ImageRules:
        if self._rules is None:
            self._rules = ruleset_image_rules(getattr(self.engine, "rules", None))
        return self._rules

    def finding(self, rule_id: str, start: int, end: int, key: str,
                detail: dict | None = None, **extra) -> Finding | None:
        """A finding of image rule ``rule_id`` (None when the settings switch it off);
        ``detail``: the fields of its ``detail`` message (None: its plain ``message``)."""
        from editor.compliance.settings import overridden_severity

        r = self.rules.rules[rule_id]
        severity = overridden_severity(self.overrides, rule_id, r.severity)
        if severity is None:
            return None
        message = r.detailed(**detail) if detail is not None else r.message
        f = Finding(r.id, r.category, severity, message, r.reference, start, end,
                    suggestion=r.suggestion or None, key=key)
        f.extra.update(extra)
        return f


def _add(out: list[Finding], finding: Finding | None) -> None:
    if finding is not None:
        out.append(finding)


def local_target(target: str) -> str | None:
    """The file part of an image target, None for remote and inline images."""
    from editor.vision.opening import is_remote

    t = target.strip()
    if not t or is_remote(t):
        return None
    return t.split("#", 1)[0].split("?", 1)[0]


def resolve(target: str, base_dir: Path) -> Path | None:
    """The image file inside ``base_dir`` the target names, None when missing or outside."""
    from urllib.parse import unquote

    path = local_target(target)
    if path is None:
        return None
    try:
        base = Path(base_dir).resolve()
        real = (base / unquote(path)).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if real != base and base not in real.parents:
        return None
    return real if real.is_file() else None


def _image_info(target: str, report, boxes, text: str | None = None) -> dict:
    return {"path": target, "sha256": report.sha256, "boxes": [list(b) for b in boxes],
            "text": report.text if text is None else text,
            "size": [report.width, report.height]}     # of the upright image the boxes are in


def _boxes_of(report, words: str) -> list:
    """Boxes of the recognised lines holding ``words`` (all lines when none does alone)."""
    wanted = [fold_word(w) for w in words.split()]
    got = [box for text, box in report.lines
           if all(w in {fold_word(x) for x in text.split()} for w in wanted)]
    return got or [box for _, box in report.lines]


def _months(a: str | None, b: str | None) -> float | None:
    if not a or not b:
        return None
    try:
        return abs((datetime.fromisoformat(a) - datetime.fromisoformat(b)).days) / 30.44
    except ValueError:
        return None


IMAGE_PLACEHOLDER = "image.jpg"
MONTHS_APART = 1.0       # photos side by side taken this far apart read as a before/after


def image_findings(engine, an, base_dir: Path | None, analyser) -> list[Finding]:
    """The findings about the images of the analysed post ``an`` (see the module docstring);
    ``analyser`` is an :class:`ImageAnalyser` or None (files only)."""
    if base_dir is None:
        return []
    table = _Table(engine)
    out: list[Finding] = []
    files: dict[int, Path] = {}
    for i, img in enumerate(an.projection.images):
        if local_target(img.target) is None:
            continue
        path = resolve(img.target, base_dir)
        if path is None:
            _add(out, table.finding("image.missing", img.target_start, img.target_end,
                                    key=img.target))
        else:
            files[i] = path
    if analyser is None or not files:
        return out
    reports = analyser.analyse_many(list(files.values()))
    by_index = {}
    for i, path in files.items():
        img = an.projection.images[i]
        report = reports[path]
        by_index[i] = report
        if report.problem or not report.sha256:
            continue
        key = f"image:{report.sha256}"
        span = (img.start, img.end)
        if report.composite:
            _add(out, table.finding("before-after.image-composite", *span, key=key,
                                    image=_image_info(img.target, report, report.panels)))
        if report.faces:
            n = len(report.faces)
            _add(out, table.finding("patient-identity.image-face", *span, key=key,
                                    detail={"count": n} if n > 1 else None,
                                    image=_image_info(img.target, report, report.faces)))
        if report.edited and report.software:
            _add(out, table.finding("retouched-image.image-software", *span, key=key,
                                    detail={"software": report.software},
                                    image=_image_info(img.target, report, [])))
        if report.has_gps:
            _add(out, table.finding("patient-identity.image-gps", *span, key=key,
                                    image=_image_info(img.target, report, [])))
        if report.lines:
            out.extend(_text_findings(engine, table, img, report, key))
    out.extend(_date_pairs(table, an, by_index))
    return out


def replace_reminders(findings: list[Finding]) -> list[Finding]:
    """A visible face replaces the generic consent reminder on that image."""
    faces = {(f.start, f.end) for f in findings if f.rule == "patient-identity.image-face"}
    if not faces:
        return findings
    return [f for f in findings
            if not (f.rule == "consent.patient-photo" and (f.start, f.end) in faces)]


def _text_findings(engine, table: "_Table", img, report, key: str) -> list[Finding]:
    """The post's rules run on the text recognised in the image. The text is read as written
    beside a picture (a mark for the image follows it), so that a delay burned into a photo
    (« J+30 », « 3 mois après ») is judged as a caption of that photo would be."""
    text = report.text
    sub = engine.analyse(f"{text}\n\n![]({IMAGE_PLACEHOLDER})")
    out = []
    for f in engine.match(sub):
        if f.severity not in ("warning", "error"):
            continue
        # a finding on the image itself (the rules' reading of a photo with that caption)
        # quotes the whole recognised text
        span = text[f.start:min(f.end, len(text))] if f.start < len(text) else text
        words = " ".join(span.split())
        g = Finding(f.rule, f.category, f.severity,
                    table.rules.text_message.format(words=words, message=f.message),
                    f.reference, img.start, img.end, suggestion=f.suggestion,
                    key=f"{key}:{fold_word(words)}")
        g.extra["image"] = _image_info(img.target, report, _boxes_of(report, words))
        out.append(g)
    return out


def _date_pairs(table: "_Table", an, reports: dict) -> list[Finding]:
    """Consecutive images of one block whose shooting dates are months apart."""
    out: list[Finding] = []
    images = an.projection.images
    order = sorted(reports)
    for a, b in zip(order, order[1:]):
        ia, ib = images[a], images[b]
        if ia.block != ib.block:
            continue
        ra, rb = reports[a], reports[b]
        months = _months(ra.taken, rb.taken)
        if months is None or months < MONTHS_APART:
            continue
        _add(out, table.finding("before-after.image-dates", ia.start, ib.end,
                                key=f"image:{ra.sha256}:{rb.sha256}",
                                detail={"months": round(months)},
                                image={"path": ib.target, "sha256": rb.sha256, "boxes": [],
                                "text": "", "paired_with": ia.target}))
    return out


def outline_boxes(findings, base_dir: Path | None) -> dict:
    """What the preview draws over each image: file -> (upright size, [(kind, box)]), kind
    "panel" (a montage's panels), "face" or "text" (lines whose words a rule flagged)."""
    out: dict[Path, tuple[tuple[int, int], list]] = {}
    if base_dir is None:
        return out
    for f in findings:
        image = f.extra.get("image") if f.extra else None
        if not image or not image.get("boxes"):
            continue
        path = resolve(image["path"], base_dir)
        if path is None:
            continue
        kind = ("panel" if f.rule == "before-after.image-composite" else
                "face" if f.rule == "patient-identity.image-face" else "text")
        size = tuple(image.get("size") or (0, 0))
        got = out.setdefault(path, (size, []))
        for box in image["boxes"]:
            item = (kind, tuple(box))
            if item not in got[1]:
                got[1].append(item)
    return out
