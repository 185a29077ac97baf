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

The vision package is imported only when a post has images and image checks are on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from editor.compliance.findings import Finding
from editor.text.fold import fold_word

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImageRule:
    id: str
    category: str
    severity: str
    message: str
    reference: str
    suggestion: str
    explanation: str


_BA_REF = "CSP art. R.4127-19-1 ; R.4127-4 ; guide de l’Ordre (2020)"
RULES = {r.id: r for r in (
    ImageRule("image.missing", "platform", "warning",
              "Image introuvable : le fichier n'existe pas à l'emplacement indiqué.",
              "Vérification de la publication",
              "Corriger le chemin de l'image ou l'ajouter au dossier de la publication.",
              "Une image absente ne peut être ni vérifiée ni exportée."),
    ImageRule("before-after.image-composite", "before-after", "error",
              "Montage avant/après détecté dans l'image.",
              _BA_REF,
              "Retirer le montage ; expliquer l'intervention par un schéma ou un texte.",
              "L'image juxtapose plusieurs photos d'un même sujet (côte à côte, l'une sous "
              "l'autre ou en grille) : c'est la présentation avant/après que l'Ordre assimile à "
              "une publicité. Les panneaux détectés sont entourés dans l'aperçu."),
    ImageRule("before-after.image-dates", "before-after", "error",
              "Deux photos prises à plusieurs mois d'intervalle sont placées côte à côte.",
              _BA_REF,
              "Ne publier qu'une image, sans comparaison dans le temps.",
              "Les dates de prise de vue enregistrées dans les fichiers sont éloignées de "
              "plusieurs mois : côte à côte, ces photos se lisent comme un avant/après."),
    ImageRule("patient-identity.image-face", "patient-identity", "warning",
              "Visage reconnaissable : accord écrit du patient et floutage ?",
              "CSP art. R.4127-4 ; R.4127-73 ; C. civ. art. 9 ; RGPD art. 9",
              "Flouter le visage, ou joindre au dossier l'accord écrit et spécifique de la "
              "personne (réseaux, durée, retrait) puis accepter ce signalement en le précisant.",
              "Un visage visible rend la personne reconnaissable : sa photo est une donnée de "
              "santé couverte par le secret médical. La décision prise sur ce signalement suit "
              "l'image (son contenu), même si elle change de place dans la publication."),
    ImageRule("patient-identity.image-gps", "patient-identity", "info",
              "La photo contient une position GPS ; elle est retirée de la copie exportée.",
              "RGPD art. 5 (minimisation)",
              "Rien à faire pour l'export ; ne partagez pas le fichier original tel quel.",
              "Les métadonnées de la photo indiquent où elle a été prise. L'export de Tact "
              "reconstruit l'image à partir de ses seuls pixels : la position n'y figure plus."),
    ImageRule("retouched-image.image-software", "retouched-image", "warning",
              "Image modifiée avec un logiciel de retouche : signalez-le si le corps ou le "
              "visage a été retouché.",
              "C. santé publ. art. L.2133-2 ; décret n° 2017-738",
              "Ajouter la mention « Photographie retouchée », ou publier la photo d'origine.",
              "Le fichier indique le logiciel qui l'a enregistré. Une photo dont l'apparence "
              "corporelle a été modifiée doit porter la mention « photographie retouchée »."),
)}


def rule(rule_id: str) -> ImageRule | None:
    return RULES.get(rule_id)


def finding(rule_id: str, start: int, end: int, key: str, **extra) -> Finding:
    r = RULES[rule_id]
    f = Finding(r.id, r.category, r.severity, r.message, r.reference, start, end,
                suggestion=r.suggestion, key=key)
    f.extra.update(extra)
    return f


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
    out: list[Finding] = []
    files: dict[int, Path] = {}
    for i, img in enumerate(an.projection.images):
        if local_target(img.target) is None:
            continue
        path = resolve(img.target, base_dir)
        if path is None:
            out.append(finding("image.missing", img.target_start, img.target_end,
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
            out.append(finding("before-after.image-composite", *span, key=key,
                               image=_image_info(img.target, report, report.panels)))
        if report.faces:
            n = len(report.faces)
            f = finding("patient-identity.image-face", *span, key=key,
                        image=_image_info(img.target, report, report.faces))
            if n > 1:
                f.message = (f"{n} visages reconnaissables : accord écrit des personnes "
                             f"et floutage ?")
            out.append(f)
        if report.edited and report.software:
            f = finding("retouched-image.image-software", *span, key=key,
                        image=_image_info(img.target, report, []))
            f.message = (f"Image modifiée avec {report.software} : signalez-le si le corps ou "
                         "le visage a été retouché.")
            out.append(f)
        if report.has_gps:
            out.append(finding("patient-identity.image-gps", *span, key=key,
                               image=_image_info(img.target, report, [])))
        if report.lines:
            out.extend(_text_findings(engine, img, report, key))
    out.extend(_date_pairs(an, by_index))
    return out


def replace_reminders(findings: list[Finding]) -> list[Finding]:
    """A visible face replaces the generic consent reminder on that image."""
    faces = {(f.start, f.end) for f in findings if f.rule == "patient-identity.image-face"}
    if not faces:
        return findings
    return [f for f in findings
            if not (f.rule == "consent.patient-photo" and (f.start, f.end) in faces)]


def _text_findings(engine, img, report, key: str) -> list[Finding]:
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
                    f"Texte dans l'image «\u00a0{words}\u00a0»\u202f: {f.message}", f.reference,
                    img.start, img.end, suggestion=f.suggestion,
                    key=f"{key}:{fold_word(words)}")
        g.extra["image"] = _image_info(img.target, report, _boxes_of(report, words))
        out.append(g)
    return out


def _date_pairs(an, reports: dict) -> list[Finding]:
    """Consecutive images of one block whose shooting dates are months apart."""
    out = []
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
        f = finding("before-after.image-dates", ia.start, ib.end,
                    key=f"image:{ra.sha256}:{rb.sha256}",
                    image={"path": ib.target, "sha256": rb.sha256, "boxes": [],
                           "text": "", "paired_with": ia.target})
        f.message = (f"Deux photos prises à {round(months)}\u00a0mois d'intervalle sont placées "
                     "côte à côte.")
        out.append(f)
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
