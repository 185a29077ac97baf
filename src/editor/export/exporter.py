"""The export of approved posts: the gate, then one folder per post, written all or nothing.

``export_posts`` checks every post (review decisions applied as ``tact check`` does), refuses while
any ``error`` finding is neither fixed nor accepted (one refusal per problem, an item of findings on
the same passage: :func:`blocking_items`), refuses a post whose text is not the approved one unless
unreviewed exports are allowed (:func:`unreviewed_allowed`: never in two-person mode; the report
then says « exporté sans relecture »), refuses when an image is missing or outside the post's
folder, and otherwise builds every post's folder in a temporary folder inside ``--out`` before
moving them all into place (all or nothing: nothing partial is ever left). Each export is appended
to the workspace's archive (``.tact/exports.jsonl``).

Only folders the export created are ever replaced (``editor.export.folders``): each holds a marker
``.tact-export.json`` naming its post; a folder of the same name without it (the user's) makes the
export refuse, and posts whose names collide each get their own folder.

Privacy: the report and the archive carry what was exported and the approved body (no front
matter, no HTML comments: ``editor.export.approved``), with the SHA-256 of the whole source for
proof. Everything written is private (files 0600, new folders 0700).

Folder of a post (``<out>/<post file name>/``)::

    instagram.txt, x.txt, ...            the text for each network (UTF-8; a thread's parts are
                                         separated by a line « ----- »)
    images/<network>/image-01.jpg ...    clean copies (upright, no metadata, resized)
    images/<network>/textes-alternatifs.txt
    rapport-conformite.json, rapport-conformite.pdf
    .tact-export.json                    the marker: the post it comes from, the files written
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.export import folders
from editor.export import report as rep
from editor.export.approved import approved_text, comment_spans
from editor.export.archive import (
    APPROVED_FORMAT,
    append_record,
    archive_path,
    find_workspace,
    now_iso,
    read_archive,
    sha256_text,
)
from editor.export.convert import ConvertOptions
from editor.export.images import ImageProblem, export_image, open_image, resolve_image
from editor.export.networks import load_networks
from editor.export.platform import platform_findings
from editor.export.preview import author_name, preview
from editor.fileio import PRIVATE_DIR, PRIVATE_FILE, make_private_dir

if TYPE_CHECKING:
    from editor.compliance.service import CheckReport

log = logging.getLogger(__name__)

REPORT_NAME = "rapport-conformite"
DEFAULT_EXPORT_DIR = "exports"    # the editor's default output folder, in the workspace
THREAD_SEPARATOR = "\n\n-----\n\n"


@dataclass
class Problem:
    """Why a post cannot be exported: ``message`` in English (CLI), ``french`` for the GUI.

    A gate refusal is one problem (an item, :mod:`editor.review.items`): ``findings`` are its
    blocking findings, ``finding`` the first of them; ``french`` quotes the passage and says
    why in plain words (no rule id, no line number)."""
    path: str
    message: str
    french: str
    finding: object | None = None     # the (first) blocking Finding, for a gate refusal
    findings: list = field(default_factory=list)   # every blocking Finding of that item
    passage: str = ""                 # the item's passage, as written


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
    source: str = field(default="", repr=False)   # the whole source (never in report or archive)


@dataclass
class ExportResult:
    refused: list[Problem] = field(default_factory=list)    # gate: one per blocking item
    problems: list[Problem] = field(default_factory=list)   # files, images, usage
    posts: list[PostExport] = field(default_factory=list)
    archive: Path | None = None
    notes: list[Problem] = field(default_factory=list)      # informative, export done
    archive_error: Problem | None = None   # exported, but the archive could not be written

    @property
    def ok(self) -> bool:
        return not self.refused and not self.problems

    @property
    def exit_code(self) -> int:
        """0 exported; 1 the gate refused; 2 a file, image or usage problem."""
        return 2 if self.problems else 1 if self.refused else 0


def blocking_findings(findings, accepted: Set[str] = frozenset()) -> list:
    """``error`` findings neither fixed nor accepted (their id in ``accepted``, the review's
    :func:`~editor.review.waivers.review_acceptance`): they block the export."""
    return [f for f in findings if f.severity == "error" and f.id not in accepted]


def blocking_items(path: str, findings, source: str | None = None,
                   accepted: Set[str] = frozenset()) -> list[Problem]:
    """One gate refusal per problem (item) holding a blocking finding, in document order
    (``accepted``: ids of the findings accepted in the review, as for
    :func:`blocking_findings`)."""
    from editor.review.items import group_items, short_passage

    out = []
    for it in group_items(findings, source, accepted):
        block = it.blocking()
        if not block:
            continue
        f = block[0]
        rules = ", ".join(dict.fromkeys(g.rule for g in block))
        cats = ", ".join(dict.fromkeys(g.category for g in block))
        why = list(dict.fromkeys(g.message for g in block))
        passage = short_passage(it.passage)
        message = (f"{f.line}:{f.column}: error {cats} {rules} {' / '.join(why)}"
                   if len(block) == 1 else
                   f"{f.line}:{f.column}: error {cats} {rules} «{passage}»: {' / '.join(why)}")
        french = (f"«\u00a0{passage}\u00a0»\u00a0: "
                  + " ; ".join(m.rstrip(" .") for m in why) + ".")
        out.append(Problem(path, message, french, f, block, it.passage))
    return out


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "publication"


UNREVIEWED_NOTE = ("Exporté sans relecture\u202f: ce texte n’a pas été approuvé avant l’export "
                   "(état «\u00a0{state}\u00a0»).")


def review_info(post_path: Path, text: str, findings) -> tuple[dict, dict[str, dict]]:
    """Who reviewed and approved the version exported, and when; whether it was approved; and
    each finding's decision, by finding id.

    Read through ``editor.review.session.ReviewSession`` (the post's ``.review.jsonl``). Only
    people who acted on this very text are named (:mod:`editor.review.people`): an approval or a
    review of an earlier version does not count. A text that is not the approved one is
    « exporté sans relecture » (``approved`` false, ``exported_without_review`` true).
    """
    info: dict[str, Any] = {
        "state": None, "approved": False, "exported_without_review": True,
        "reviewed_by": None, "reviewed_at": None, "approved_by": None,
        "approved_at": None, "signatures": [], "note": None, "journal_head": []}
    try:
        from editor.review.model import REASON_LABELS, STATE_LABELS
        from editor.review.people import who
        from editor.review.session import ReviewSession
    except ImportError:
        info["note"] = ("Relecture non disponible dans cette version\u202f: exporté sans "
                        "relecture, relecteur, approbateur et dates non renseignés.")
        return info, {}
    try:
        session = ReviewSession(post_path, reconcile=False)
        ov = session.overview(text, list(findings))
        approved = session.approved_for_export(text)
    except Exception as exc:   # the record must still be written; say why it is empty
        log.exception("%s: review information unreadable", post_path)
        info["note"] = (f"Informations de relecture illisibles ({exc})\u202f: exporté sans "
                        "relecture.")
        return info, {}
    info["journal_head"] = session.heads    # `tact review verify` checks the journal against it
    info["state"] = STATE_LABELS.get(ov.state, ov.state)
    info["approved"] = approved
    info["exported_without_review"] = not approved
    people = ov.people
    if people is not None:
        if people.reviewers:
            info["reviewed_by"] = ", ".join(who(n, r) for n, r in people.reviewers)
            info["reviewed_at"] = people.reviewed_at
        if approved and people.approvers:
            info["approved_by"] = ", ".join(who(n, r) for n, r in people.approvers)
            info["approved_at"] = people.approved_at
    info["signatures"] = _signature_records(ov)
    notes = [ov.error] if ov.error else []
    if not approved:
        notes.append(UNREVIEWED_NOTE.format(state=info["state"]))
    if not getattr(session.journal, "exists", True):
        notes.append("Aucune relecture enregistrée pour cette publication.")
    info["note"] = " ".join(notes) or None
    return info, _decision_records(ov, REASON_LABELS, who)


def _decision_records(ov, reason_labels: dict[str, str], who) -> dict[str, dict]:
    """Each finding's decision for the report, by finding id (findings without one left out)."""
    decisions: dict[str, dict] = {}
    for fs in ov.findings:
        d = fs.decision
        if d is None:
            continue
        reason = d.reason
        if d.action == "accept" and d.kind:
            reason = f"{reason_labels.get(d.kind, d.kind)}\u202f: {d.reason}"
        decisions[fs.finding.id] = {"decision": {"accepted": "accepted", "sent-back": "sent-back"}
                                    .get(fs.status, "open"),
                                    "reason": reason, "decided_by": who(d.by, d.role),
                                    "decided_at": d.at}
    return decisions


def _signature_records(ov) -> list[dict[str, str | int]]:
    """The approvals signed on this text, for the report (an override says how many open
    comments it passed over)."""
    out = []
    for sig in ov.signatures:
        rec: dict[str, str | int] = {"by": sig.by, "role": sig.role, "at": sig.at,
                                     "meaning": sig.meaning}
        if sig.override:
            rec["override"] = sig.override
            rec["overridden_comments"] = len(sig.overridden)
        out.append(rec)
    return out


def unreviewed_allowed() -> bool:
    """May a text that is not the approved one be exported (recorded as « sans relecture »)?

    Never in two-person mode (the reviewer profile's ``mode: pair``); in solo mode, or with no
    profile, yes: the editor asks first, and the report says so.
    """
    try:
        from editor.review.model import PAIR
        from editor.review.profile import load_profile
    except ImportError:
        return True
    profile, error = load_profile()
    if error:
        log.warning("reviewer profile unreadable (%s): unreviewed exports allowed, reported", error)
    return profile is None or profile.mode != PAIR


def review_refusal(post_path: Path, text: str) -> Problem | None:
    """A Problem when the post's text is not the approved one (for a two-person export)."""
    from editor.review.model import STATE_LABELS
    from editor.review.session import ReviewSession

    session = ReviewSession(post_path, reconcile=False)
    if session.approved_for_export(text):
        return None
    state = STATE_LABELS.get(session.effective_state(text), "?")
    return Problem(str(post_path),
                   f"not approved (review state {state!r}): in two-person mode only the approved "
                   "text is exported",
                   f"La publication n’est pas approuvée (état «\u00a0{state}\u00a0»)\u202f: en "
                   "mode deux personnes, seul le texte approuvé peut être exporté. "
                   "Soumettez-la, puis faites-la approuver par l’autre personne.")


def review_gate(post_path: Path, workspace: Path | None,
                archives: dict[Path, list[dict]]) -> Problem | None:
    """Why the post's review history cannot be trusted, or None (no journal, or it verifies).

    The history must verify (no damaged line, no entry edited, moved or removed) and still hold
    every head the workspace's earlier exports recorded (no truncation, no rewrite). Otherwise the
    export is refused as a file problem (exit 2, like a corrupt review file): its decisions and
    the « approved » it would print in the report cannot be trusted. ``archives`` caches the
    archive of each workspace for one export.
    """
    from editor.review import journal_path
    from editor.review.recorded import audit

    journal = journal_path(post_path)
    ws = workspace or find_workspace(post_path)
    if ws not in archives:
        try:
            archives[ws] = read_archive(ws)
        except OSError as exc:   # the exports' record cannot be read: nothing to check against
            shown = exc.filename or ws
            return Problem(str(post_path),
                           f"the export archive {shown} cannot be read ({exc.strerror or exc}): "
                           "the review history cannot be checked against earlier exports",
                           f"Export refusé : le registre des exports {shown} est illisible "
                           f"({exc.strerror or exc}) ; l’historique de relecture ne peut pas être "
                           "vérifié.")
    problems = audit(journal, archives[ws], ws)
    if not problems:
        return None
    first = problems[0]
    where = f"line {first.line}" if first.line else "recorded by an earlier export"
    where_fr = f"ligne {first.line} : " if first.line else ""
    return Problem(str(post_path),
                   f"review history of {journal.name} does not verify ({where}; "
                   f"{len(problems)} problem(s)): its decisions cannot be trusted, export refused "
                   f"(run 'tact review verify {post_path}')",
                   f"Export refusé : l’historique de relecture {journal.name} a été modifié en "
                   f"dehors de Tact ({where_fr}{first.french}). Ses décisions ne valent pas "
                   f"(détails : tact review verify).")


def _journal_key(post_path: Path, workspace: Path) -> str:
    """The post's journal as the archive names it (see ``editor.review.recorded``)."""
    from editor.review import journal_path
    from editor.review.recorded import journal_key

    return journal_key(journal_path(post_path), workspace)


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


def default_export_folder(workspace: Path) -> Path:
    """The editor's dedicated output folder, ``<workspace>/exports`` (created private): never
    the post's own folder, whose files an export must not sit among."""
    return make_private_dir(Path(workspace) / DEFAULT_EXPORT_DIR)


def _write_text(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 PRIVATE_FILE)
    with open(fd, "w", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


@dataclass
class _Job:
    """What the posts of one export share."""

    targets: list[str]
    nets: dict
    rules_version: str
    options: ConvertOptions | None
    pdf: bool
    when: str = ""


def _build_post(job: _Job, post: _Gated, folder: Path, final: Path) -> PostExport:
    """Write one post's folder (``folder``, to be moved to ``final``): a text per network, its
    images, the report (JSON, PDF) and the marker."""
    shown, post_path, analysis, findings = post.shown, post.path, post.analysis, post.findings
    folder.mkdir(mode=PRIVATE_DIR)
    source = analysis.source
    fm = analysis.projection.front_matter
    pe = PostExport(shown, folder, source=source)
    networks_json = {name: _write_network(job, pe, name, post_path) for name in job.targets}
    review, decisions = review_info(post_path, source, findings)
    hidden = comment_spans(source)     # a finding's passage there is a note, not exported
    from importlib.metadata import PackageNotFoundError, version
    try:
        tool = f"tact {version('tact')}"
    except PackageNotFoundError:
        tool = "tact"
    report = {
        "version": 1,
        "generated_at": job.when,
        "tool": tool,
        # ``text``: the body exported (approved, unless ``review.exported_without_review``);
        # ``sha256``: of the whole source, for proof. The review state is the one status: the
        # front matter's ``status:`` is never read.
        "post": {"path": shown, "title": fm.title, "author": author_name(source),
                 "sha256": sha256_text(source), "text": approved_text(source),
                 "text_format": APPROVED_FORMAT},
        "rules_version": job.rules_version,
        "targets": list(job.targets),
        "networks": networks_json,
        "findings": [rep.finding_record(x, decisions.get(x.id), hidden, x.id in post.accepted)
                     for x in findings],
        "review": review,
    }
    pe.report = report
    pe.report_json = folder / f"{REPORT_NAME}.json"
    rep.write_json(pe.report_json, report)
    if job.pdf:
        pe.report_pdf = folder / f"{REPORT_NAME}.pdf"
        rep.write_pdf(pe.report_pdf, report)
    folders.write_marker(folder, post_path, job.when, final)
    return pe


def _write_network(job: _Job, pe: PostExport, name: str, post_path: Path) -> dict:
    """Write the text of ``pe`` for the network ``name`` and its images (with their alt texts)
    into ``pe.folder``; the network's entry of the report."""
    folder, source = pe.folder, pe.source
    profile = job.nets[name]
    pv = preview(source, profile, job.options)
    text = pv.clipboard_text
    f = folder / f"{name}.txt"
    _write_text(f, text)
    ne = NetworkExport(name, f, text, sha256_text(text), len(pv.parts))
    pe.networks[name] = ne
    images_json = []
    if profile.image_max and pv.attachments:
        img_dir = make_private_dir(folder / "images" / name)
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
    return {"label": profile.label, "file": f.name, "sha256": ne.sha256, "text": text,
            "count": pv.count, "limit": pv.limit, "counting": profile.counting,
            "parts": len(pv.parts), "images": images_json,
            "notes": [n.message for n in pv.notes]}


def _check_reviewed(engine, paths: list[str]) -> tuple[CheckReport, list[frozenset[str]]]:
    """Check the posts of ``paths`` as ``tact check`` does; with each checked file (in the order
    of ``report.files``), the ids of its findings accepted in its review."""
    from editor.compliance.service import check_paths
    from editor.review.waivers import review_acceptance

    accepted: list[frozenset[str]] = []

    def review(post: Path, analysis) -> list[tuple[str, str]]:
        ids, warnings = review_acceptance(post, analysis.findings)
        accepted.append(ids)
        return warnings

    return check_paths(engine, paths, after=review), accepted


def export_posts(paths: list[str], targets: list[str], out: Path | str, engine=None, *,
                 options: ConvertOptions | None = None, pdf: bool = True,
                 workspace: Path | None = None,
                 allow_unreviewed: bool | None = None) -> ExportResult:
    """Export the posts of ``paths`` (files or folders) for ``targets`` into ``out``.

    Nothing is written unless every post passes the gate and every image can be exported.
    ``allow_unreviewed``: may a post whose text is not the approved one be exported (its report
    then says « exporté sans relecture »)? None: :func:`unreviewed_allowed` (the profile's mode).
    """
    from editor.compliance.service import make_engine

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
    report, accepted = _check_reviewed(engine, [str(p) for p in paths])
    for p, m in report.errors:
        result.problems.append(Problem(p, m, m))
    for p, m in getattr(report, "warnings", []):   # e.g. a review file with a broken history
        result.notes.append(Problem(p, f"warning: {m}", m))
    archives: dict[Path, list[dict]] = {}
    if allow_unreviewed is None:
        allow_unreviewed = unreviewed_allowed()
    posts = [_gate(fr, ids, targets, allow_unreviewed, workspace, archives, result)
             for fr, ids in zip(report.files, accepted, strict=True)]
    if not result.ok or not posts:
        return result
    out = Path(out)
    created_out = not os.path.lexists(out)
    if not _make_output_folder(out, result):
        return result
    folders.sweep_leftovers(out)
    names = _folder_names(out, posts, result)
    job = _Job(targets, nets, report.rules_version, options, pdf, when=now_iso())
    if names is not None:
        _build_all(job, out, posts, names, result)
    if not result.ok:
        _remove_if_created(out, created_out)
        return result
    for pe in result.posts:                # the archive: one record per post
        _record_export(pe, workspace or find_workspace(Path(pe.path)), job.when, result)
    return result


@dataclass
class _Gated:
    """A checked post as the build needs it."""

    shown: str                  # its path as given
    path: Path
    analysis: Any
    findings: list              # the analysis' findings and the targets' platform findings
    accepted: frozenset[str]    # ids of the findings accepted in its review


def _gate(fr, accepted: frozenset[str], targets: list[str], allow_unreviewed: bool,
          workspace: Path | None, archives: dict[Path, list[dict]],
          result: ExportResult) -> _Gated:
    """Gate one checked post (``accepted``: ids of its findings accepted in its review): its
    blocking problems, an unapproved text (unless allowed), its images (readable, inside its
    folder) and its review history go to ``result``; the post as the build needs it."""
    an = fr.analysis
    findings = platform_findings(an, targets)
    result.refused.extend(blocking_items(fr.path, findings, an.source, accepted))
    post_path = Path(fr.path)
    if not allow_unreviewed:
        unapproved = review_refusal(post_path, an.source)
        if unapproved:
            unapproved.path = fr.path
            result.refused.append(unapproved)
    for img in an.projection.images:
        try:
            src = resolve_image(img.target, post_path.parent)
            with open_image(src.path):   # header only: format, extension, pixel count
                pass
        except ImageProblem as e:
            result.problems.append(Problem(fr.path, e.message, e.french))
    untrusted = review_gate(post_path, workspace, archives)
    if untrusted:
        untrusted.path = fr.path
        result.problems.append(untrusted)
    return _Gated(fr.path, post_path, an, findings, accepted)


def _make_output_folder(out: Path, result: ExportResult) -> bool:
    """Create ``out`` (private) if need be; False, with the problem noted, when it cannot be."""
    try:
        make_private_dir(out)
        if not out.is_dir():
            raise NotADirectoryError(20, "not a folder", str(out))
    except OSError as exc:
        result.problems.append(Problem(str(out), f"cannot create the output folder "
                                                 f"({exc.strerror or exc})",
                                       f"Impossible de créer le dossier de sortie ({exc})."))
        return False
    return True


def _folder_names(out: Path, posts: list[_Gated], result: ExportResult) -> list[str] | None:
    """Each post's folder name in ``out``: its own earlier export, else a free name; never a
    user's folder. None, with the problem noted, when one cannot be used."""
    names: list[str] = []
    try:
        for post in posts:
            post_path, an = post.path, post.analysis
            name = folders.choose_folder(out, post_path, slug(post_path.stem), set(names))
            protected = [post_path] + [post_path.parent / i.target for i in an.projection.images]
            folders.check_not_swapping(out / name, protected)
            names.append(name)
    except folders.FolderProblem as e:
        result.problems.append(Problem(str(e.path), e.message, e.french))
        return None
    return names


def _build_all(job: _Job, out: Path, posts: list[_Gated], names: list[str],
               result: ExportResult) -> None:
    """Build every post's folder in a staging folder inside ``out``, then move them all into
    place, all or nothing: the posts exported go to ``result.posts``, a failure to
    ``result.problems`` (and nothing is left in ``out``)."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=folders.STAGING_PREFIX, dir=out))
    except OSError as exc:
        result.problems.append(Problem(str(out), f"cannot write in the output folder "
                                                 f"({exc.strerror or exc})",
                                       f"Impossible d’écrire dans le dossier de sortie ({exc})."))
        return
    built: list[tuple[PostExport, str]] = []
    placement = folders.Placement(out)
    shown = ""
    try:
        for post, name in zip(posts, names):
            shown = post.shown
            built.append((_build_post(job, post, staging / name, out / name), name))
        # Everything is built: move the posts' folders into place, all or nothing.
        for pe, name in built:
            placement.place(pe.folder, out / name, Path(pe.path))
        placement.commit()
        for pe, name in built:
            _relocate(pe, staging / name, out / name)
            result.posts.append(pe)
    except ImageProblem as e:
        placement.rollback()
        result.problems.append(Problem(shown, e.message, e.french))
    except folders.FolderProblem as e:
        placement.rollback()
        result.problems.append(Problem(str(e.path), e.message, e.french))
    except OSError as exc:
        placement.rollback()
        result.problems.append(Problem(str(out), f"cannot write the export ({exc})",
                                       f"Impossible d’écrire l’export ({exc})."))
    except BaseException:
        placement.rollback()
        raise
    finally:
        shutil.rmtree(staging, onerror=lambda _f, p, exc: log.warning(
            "cannot remove the staging folder %s: %s", p, exc[1]))


def _record_export(pe: PostExport, ws: Path, when: str, result: ExportResult) -> None:
    """Append the export of ``pe`` to the archive of its workspace ``ws`` and note it in the
    post's review; what fails is a note (the export stands)."""
    post_path = Path(pe.path)
    rec = {"kind": "export", "time": when, "post": pe.path,
           "post_sha256": pe.report["post"]["sha256"],
           "approved_text": pe.report["post"]["text"],
           "approved_format": APPROVED_FORMAT,
           "rules_version": pe.report["rules_version"], "folder": str(pe.folder.resolve()),
           "networks": {n: {"text": ne.text, "sha256": ne.sha256, "parts": ne.parts,
                            "file": ne.file.name} for n, ne in pe.networks.items()},
           "accepted_findings": [f["id"] for f in pe.report["findings"]
                                 if f["decision"] == "accepted"],
           "review": pe.report["review"], "review_journal": _journal_key(post_path, ws)}
    try:
        result.archive = append_record(ws, rec)
    except OSError as exc:   # the export stands; the record could not be kept
        log.error("%s: export archive not written: %s", archive_path(ws), exc)
        result.archive_error = Problem(
            pe.path, f"warning: exported to {pe.folder}, but the export archive "
                     f"{archive_path(ws)} could not be written ({exc.strerror or exc})",
            f"Exporté dans «\u00a0{pe.folder}\u00a0», mais l’archive des exports "
            f"«\u00a0{archive_path(ws)}\u00a0» n’a pas pu être écrite "
            f"({exc.strerror or exc}).")
        result.notes.append(result.archive_error)
    try:
        note = mark_exported(post_path, pe.source, list(pe.networks))
    except OSError as exc:   # e.g. a read-only workspace: the export stands
        log.error("%s: the review could not record the export: %s", pe.path, exc)
        result.notes.append(Problem(
            pe.path, f"warning: the review could not record the export "
                     f"({exc.strerror or exc})",
            f"L’export n’a pas pu être noté dans la relecture ({exc.strerror or exc})."))
        note = None
    if note:
        result.notes.append(Problem(pe.path, note, note))


def _relocate(pe: PostExport, old: Path, new: Path) -> None:
    """Point ``pe``'s paths at its folder's final place."""
    pe.folder = new
    for ne in pe.networks.values():
        ne.file = new / ne.file.name
    pe.images = [new / p.relative_to(old) for p in pe.images]
    assert pe.report_json is not None   # every post's folder has its JSON report
    pe.report_json = new / pe.report_json.name
    if pe.report_pdf:
        pe.report_pdf = new / pe.report_pdf.name


def _remove_if_created(out: Path, created: bool) -> None:
    """Remove the output folder when this export created it and left it empty."""
    if not created:
        return
    try:
        out.rmdir()
    except OSError:
        pass   # not empty: something else was put there meanwhile; it stays
