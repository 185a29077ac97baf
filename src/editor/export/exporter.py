"""The export of approved posts: the gate, then one folder per post, written all or nothing.

``export_posts`` checks every post (review decisions applied by ``check_paths``), refuses while any
``error`` finding is neither fixed nor accepted, refuses when an image is missing or outside the
post's folder, and otherwise builds every post's folder in a temporary folder inside ``--out``
before moving it into place: nothing partial is ever left. Each export is appended to the
workspace's archive (``.tact/exports.jsonl``).

Folder of a post (``<out>/<post file name>/``)::

    instagram.txt, x.txt, ...            the text for each network (UTF-8; a thread's parts are
                                         separated by a line « ----- »)
    images/<network>/image-01.jpg ...    clean copies (upright, no metadata, resized)
    images/<network>/textes-alternatifs.txt
    rapport-conformite.json, rapport-conformite.pdf
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from editor.export import report as rep
from editor.export.archive import append_record, find_workspace, now_iso, sha256_text
from editor.export.convert import ConvertOptions
from editor.export.images import ImageProblem, export_image, resolve_image
from editor.export.networks import load_networks
from editor.export.platform import platform_findings
from editor.export.preview import preview

REPORT_NAME = "rapport-conformite"
THREAD_SEPARATOR = "\n\n-----\n\n"


@dataclass
class Problem:
    """Why a post cannot be exported: ``message`` in English (CLI), ``french`` for the GUI."""
    path: str
    message: str
    french: str
    finding: object | None = None     # the blocking Finding, for a gate refusal


@dataclass
class NetworkExport:
    network: str
    file: Path
    text: str
    sha256: str
    parts: int


@dataclass
class PostExport:
    path: str
    folder: Path
    networks: dict[str, NetworkExport] = field(default_factory=dict)
    images: list[Path] = field(default_factory=list)
    report_json: Path | None = None
    report_pdf: Path | None = None
    report: dict = field(default_factory=dict)


@dataclass
class ExportResult:
    refused: list[Problem] = field(default_factory=list)    # gate: unresolved error findings
    problems: list[Problem] = field(default_factory=list)   # files, images, usage
    posts: list[PostExport] = field(default_factory=list)
    archive: Path | None = None
    notes: list[Problem] = field(default_factory=list)      # informative, export done

    @property
    def ok(self) -> bool:
        return not self.refused and not self.problems

    @property
    def exit_code(self) -> int:
        """0 exported; 1 the gate refused; 2 a file, image or usage problem."""
        return 2 if self.problems else 1 if self.refused else 0


def blocking_findings(findings) -> list:
    """``error`` findings neither fixed nor accepted (``waived``): they block the export."""
    return [f for f in findings if f.severity == "error" and not f.waived]


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "publication"


def review_info(post_path: Path, text: str, findings) -> tuple[dict, dict[str, dict]]:
    """Who reviewed and approved the post, and when; and each finding's decision, by finding id.

    Read through ``editor.review.session.ReviewSession`` (the post's ``.review.jsonl``).
    """
    info = {"state": None, "reviewed_by": None, "reviewed_at": None, "approved_by": None,
            "approved_at": None, "signatures": [], "note": None}
    try:
        from editor.review.model import REASON_LABELS, STATE_LABELS
        from editor.review.session import ReviewSession
    except ImportError:
        info["note"] = ("Relecture non disponible dans cette version : relecteur, approbateur "
                        "et dates non renseignés.")
        return info, {}
    try:
        session = ReviewSession(post_path)
        ov = session.overview(text, list(findings))
    except Exception as exc:   # the record must still be written; say why it is empty
        info["note"] = f"Informations de relecture illisibles ({exc})."
        return info, {}
    if ov.error:
        info["note"] = ov.error
    info["state"] = STATE_LABELS.get(ov.state, ov.state)
    reviewers: list[tuple[str, str]] = []
    for t in session.state.transitions:
        if t.action == "approve":
            info["approved_by"] = f"{t.by} ({t.role})" if t.role else t.by
            info["approved_at"] = t.at
        elif t.action == "request-changes":
            reviewers.append((t.at, f"{t.by} ({t.role})" if t.role else t.by))
    decisions: dict[str, dict] = {}
    for fs in ov.findings:
        d = fs.decision
        if d is None:
            continue
        who = f"{d.by} ({d.role})" if d.role else d.by
        reviewers.append((d.at, who))
        reason = d.reason
        if d.action == "accept" and d.kind:
            reason = f"{REASON_LABELS.get(d.kind, d.kind)} : {d.reason}"
        decisions[fs.finding.id] = {"decision": {"accepted": "accepted", "sent-back": "sent-back"}
                                    .get(fs.status, "open"),
                                    "reason": reason, "decided_by": who, "decided_at": d.at}
    for sig in ov.signatures:
        info["signatures"].append({"by": sig.by, "role": sig.role, "at": sig.at,
                                   "meaning": sig.meaning})
    if reviewers:
        reviewers.sort()
        names = list(dict.fromkeys(w for _, w in reviewers))
        info["reviewed_by"] = ", ".join(names)
        info["reviewed_at"] = reviewers[-1][0]
    if not getattr(session.journal, "exists", True):
        info["note"] = info["note"] or "Aucune relecture enregistrée pour cette publication."
    return info, decisions


def mark_exported(post_path: Path, text: str, targets: list[str]) -> str | None:
    """Record the « exporté » step in the post's review, when it is approved and a reviewer
    profile is set; return a French note when that could not be done (None when done or moot)."""
    try:
        from editor.review.model import APPROVED
        from editor.review.profile import load_profile
        from editor.review.session import ReviewSession
    except ImportError:
        return None
    session = ReviewSession(post_path)
    if session.error or session.effective_state(text) != APPROVED:
        return None
    profile, err = load_profile()
    if profile is None:
        return err or "Profil de relecteur absent : l’export n’est pas noté dans la relecture."
    out = session.mark_exported(text, profile.name, profile.role,
                                comment="exporté pour " + ", ".join(targets))
    return None if out.ok else out.message


def _write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def _build_post(shown: str, post_path: Path, analysis, findings, targets, nets, folder: Path,
                rules_version: str, options: ConvertOptions | None, pdf: bool,
                when: str) -> PostExport:
    folder.mkdir(parents=True)
    source = analysis.source
    fm = analysis.projection.front_matter
    pe = PostExport(shown, folder)
    networks_json = {}
    for name in targets:
        profile = nets[name]
        pv = preview(source, profile, options)
        text = pv.clipboard_text
        f = folder / f"{name}.txt"
        _write_text(f, text)
        ne = NetworkExport(name, f, text, sha256_text(text), len(pv.parts))
        pe.networks[name] = ne
        images_json = []
        if profile.image_max and pv.attachments:
            img_dir = folder / "images" / name
            img_dir.mkdir(parents=True)
            alt_lines = []
            for k, att in enumerate(pv.attachments, 1):
                src = resolve_image(att.target, post_path.parent)
                out = export_image(src.path, img_dir, f"image-{k:02d}", profile)
                pe.images.append(out)
                rel = out.relative_to(folder).as_posix()
                images_json.append({"file": rel, "alt": att.alt, "source": att.target,
                                    "sha256": hashlib.sha256(out.read_bytes()).hexdigest()})
                alt_lines.append(f"{out.name} : {att.alt or '(pas de texte alternatif)'}")
            _write_text(img_dir / "textes-alternatifs.txt", "\n".join(alt_lines) + "\n")
        networks_json[name] = {
            "label": profile.label, "file": f.name, "sha256": ne.sha256, "text": text,
            "count": pv.count, "limit": pv.limit, "counting": profile.counting,
            "parts": len(pv.parts), "images": images_json,
            "notes": [n.message for n in pv.notes]}
    review, decisions = review_info(post_path, source, findings)
    from importlib.metadata import PackageNotFoundError, version
    try:
        tool = f"tact {version('tact')}"
    except PackageNotFoundError:
        tool = "tact"
    report = {
        "version": 1,
        "generated_at": when,
        "tool": tool,
        "post": {"path": shown, "title": fm.title, "status": fm.data.get("status"),
                 "sha256": sha256_text(source), "text": source},
        "rules_version": rules_version,
        "targets": list(targets),
        "networks": networks_json,
        "findings": [rep.finding_record(x, decisions.get(x.id)) for x in findings],
        "review": review,
    }
    pe.report = report
    pe.report_json = folder / f"{REPORT_NAME}.json"
    rep.write_json(pe.report_json, report)
    if pdf:
        pe.report_pdf = folder / f"{REPORT_NAME}.pdf"
        rep.write_pdf(pe.report_pdf, report)
    return pe


def export_posts(paths: list[str], targets: list[str], out: Path | str, engine=None, *,
                 options: ConvertOptions | None = None, pdf: bool = True,
                 workspace: Path | None = None) -> ExportResult:
    """Export the posts of ``paths`` (files or folders) for ``targets`` into ``out``.

    Nothing is written unless every post passes the gate and every image can be exported.
    """
    from editor.compliance.service import check_paths, make_engine

    result = ExportResult()
    nets = load_networks()
    targets = list(dict.fromkeys(targets))
    unknown = [t for t in targets if t not in nets]
    if not targets or unknown:
        msg = (f"unknown network {unknown[0]!r} (known: {', '.join(sorted(nets))})" if unknown
               else "no --target network given")
        result.problems.append(Problem("tact", msg, "Réseau inconnu ou absent."))
        return result
    if engine is None:
        engine, rule_errors = make_engine()
        for e in rule_errors:
            result.problems.append(Problem(e.where(), e.message, e.message))
        if result.problems:
            return result
    report = check_paths(engine, [str(p) for p in paths])
    for p, m in report.errors:
        result.problems.append(Problem(p, m, m))
    for p, m in getattr(report, "warnings", []):   # e.g. a review file with a broken history
        result.notes.append(Problem(p, f"warning: {m}", m))
    posts = []
    for fr in report.files:
        an = fr.analysis
        findings = platform_findings(an, targets)
        for f in blocking_findings(findings):
            result.refused.append(Problem(
                fr.path, f"{f.line}:{f.column}: error {f.category} {f.rule} {f.message}",
                f"Ligne {f.line} : {f.message}", f))
        post_path = Path(fr.path)
        for img in an.projection.images:
            try:
                resolve_image(img.target, post_path.parent)
            except ImageProblem as e:
                result.problems.append(Problem(fr.path, e.message, e.french))
        posts.append((fr.path, post_path, an, findings))
    if not result.ok or not posts:
        return result
    out = Path(out)
    created_out = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tact-export-", dir=out))
    except OSError as exc:
        result.problems.append(Problem(str(out), f"cannot create the output folder ({exc.strerror})",
                                       f"Impossible de créer le dossier de sortie ({exc})."))
        return result
    when = now_iso()
    built: list[tuple[PostExport, str]] = []
    names: set[str] = set()
    try:
        for shown, post_path, an, findings in posts:
            name = slug(post_path.stem)
            k = 2
            while name in names:
                name, k = f"{slug(post_path.stem)}-{k}", k + 1
            names.add(name)
            pe = _build_post(shown, post_path, an, findings, targets, nets, staging / name,
                             report.rules_version, options, pdf, when)
            built.append((pe, name))
        # Everything is built: move each post's folder into place (an older export is replaced).
        for pe, name in built:
            final = out / name
            old = None
            if final.exists():
                old = Path(tempfile.mkdtemp(prefix=".tact-old-", dir=out))
                os.replace(final, old / name)
            os.replace(pe.folder, final)
            pe.folder = final
            for ne in pe.networks.values():
                ne.file = final / ne.file.name
            pe.images = [final / p.relative_to(staging / name) for p in pe.images]
            pe.report_json = final / pe.report_json.name
            if pe.report_pdf:
                pe.report_pdf = final / pe.report_pdf.name
            if old:
                shutil.rmtree(old, ignore_errors=True)
            result.posts.append(pe)
    except ImageProblem as e:
        result.problems.append(Problem(shown, e.message, e.french))
    except OSError as exc:
        result.problems.append(Problem(str(out), f"cannot write the export ({exc})",
                                       f"Impossible d’écrire l’export ({exc})."))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if not result.ok:
        if created_out:
            try:
                out.rmdir()   # only when empty: nothing partial is left
            except OSError:
                pass
        return result
    # The archive: one record per post.
    for pe in result.posts:
        post_path = Path(pe.path)
        ws = workspace or find_workspace(post_path)
        rec = {"kind": "export", "time": when, "post": pe.path,
               "post_sha256": pe.report["post"]["sha256"], "approved_text": pe.report["post"]["text"],
               "rules_version": pe.report["rules_version"], "folder": str(pe.folder.resolve()),
               "networks": {n: {"text": ne.text, "sha256": ne.sha256, "parts": ne.parts,
                                "file": ne.file.name} for n, ne in pe.networks.items()},
               "accepted_findings": [f["id"] for f in pe.report["findings"]
                                     if f["decision"] == "accepted"],
               "review": pe.report["review"]}
        result.archive = append_record(ws, rec)
        note = mark_exported(post_path, pe.report["post"]["text"], list(pe.networks))
        if note:
            result.notes.append(Problem(pe.path, note, note))
    return result
