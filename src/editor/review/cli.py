"""``tact review``: the review from the command line (automation, tests). Never imports Qt.

Exit status: 0 done; 1 refused (an approval with open errors, a transition not permitted now, a
broken history for ``verify``, a side with damaged lines for ``merge``), with the reasons; 2 usage
or file problem (unknown finding id, unreadable post, corrupt review file). Output for humans is
in French; problems go to stderr as ``path: message``.

``status`` lists problems (items, :mod:`editor.review.items`): each passage once with its group id,
then its findings (rule, message, id). ``accept``, ``send-back`` and ``revoke`` take ``--group ID``
(the decision covers every finding of that problem, written in one step) or ``--finding ID`` (one
finding, for scripts).

``verify`` checks the journal on its own (damaged lines, edited, moved or removed entries) and
against the heads recorded by the workspace's exports (``.tact/exports.jsonl``): a truncated or
rewritten journal fails. It is declared here but run by :mod:`editor.cli` (with
:func:`editor.workflow.audit_journal`): the export archive lies above this package.
``merge BASE OURS THEIRS`` is git's merge driver (:mod:`editor.review.gitmerge`); ``repair`` keeps
a damaged journal's bytes aside and makes it writable again (:mod:`editor.review.repair`).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

NB = "\u00a0"
SEVERITY_FR = {"error": "erreur", "warning": "avertissement", "info": "info"}
WORKFLOW = ("submit", "approve", "request-changes", "withdraw", "export")


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Declare ``tact review`` and its actions on ``subparsers``."""
    r = subparsers.add_parser("review", help="relecture : décisions, commentaires, approbation")
    rs = r.add_subparsers(dest="action", metavar="ACTION")
    _post_parser(rs, "status", "état, signalements ouverts, décisions, commentaires", True)
    _decision_parsers(rs)
    _comment_parsers(rs)
    _workflow_parsers(rs)
    h = _post_parser(rs, "history", "versions soumises, relues, approuvées ; différences")
    h.add_argument("--diff", nargs=2, type=int, metavar=("A", "B"))
    _post_parser(rs, "verify", "vérifier que l'historique n'a pas été modifié")
    rp = _post_parser(rs, "repair", "réparer un fichier de relecture endommagé (lignes illisibles "
                                    "mises de côté)")
    _who_arguments(rp)
    _workspace_parsers(rs)
    return r


def _post_parser(rs, name: str, help_: str, findings: bool = False) -> argparse.ArgumentParser:
    """An action on one post (``PATH``); ``findings``: it checks the post (rules, spelling)."""
    p = rs.add_parser(name, help=help_)
    p.add_argument("path", metavar="PATH")
    if findings:
        p.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
        p.add_argument("--no-spelling", action="store_true")
    return p


def _who_arguments(p) -> None:
    p.add_argument("--by", metavar="NAME", help="nom (par défaut : le profil de relecteur)")
    p.add_argument("--role", metavar="ROLE")


def _decision_parsers(rs) -> None:
    """``accept``, ``send-back`` and ``revoke``: on a problem (``--group``) or one finding."""
    from editor.review.model import REASON_KINDS

    def target(p):
        g = p.add_mutually_exclusive_group(required=True)
        g.add_argument("--group", metavar="ID",
                       help="un problème (groupe, voir tact review status) : la décision couvre "
                            "tous ses signalements")
        g.add_argument("--finding", metavar="ID", help="un seul signalement")

    a = _post_parser(rs, "accept", "accepter un problème ou un signalement avec une justification",
                     True)
    target(a)
    a.add_argument("--reason", required=True, metavar="TEXT")
    a.add_argument("--kind", choices=REASON_KINDS, default="autre")
    _who_arguments(a)
    b = _post_parser(rs, "send-back", "renvoyer un problème ou un signalement à l'auteur avec un "
                                      "commentaire", True)
    target(b)
    b.add_argument("--comment", required=True, metavar="TEXT")
    _who_arguments(b)
    w = _post_parser(rs, "revoke", "retirer la décision prise sur un problème ou un signalement",
                     True)
    target(w)
    w.add_argument("--comment", default="", metavar="TEXT")
    _who_arguments(w)


def _comment_parsers(rs) -> None:
    """``comment`` a passage; ``reply``, ``resolve``, ``reopen`` a comment."""
    c = _post_parser(rs, "comment", "commenter un passage")
    c.add_argument("--quote", required=True, metavar="TEXT")
    c.add_argument("--occurrence", type=int, metavar="N", help="laquelle, si le passage est répété")
    c.add_argument("--text", required=True, metavar="TEXT")
    _who_arguments(c)
    for name, help_ in (("reply", "répondre à un commentaire"),
                        ("resolve", "résoudre un commentaire"),
                        ("reopen", "rouvrir un commentaire")):
        x = _post_parser(rs, name, help_)
        x.add_argument("--comment", required=True, metavar="ID", dest="comment_id")
        if name == "reply":
            x.add_argument("--text", required=True, metavar="TEXT")
        _who_arguments(x)


def _workflow_parsers(rs) -> None:
    """The transitions of the post's state (:data:`WORKFLOW`)."""
    from editor.review.model import MODES

    helps = {"submit": "soumettre pour relecture", "approve": "approuver le texte",
             "request-changes": "demander des modifications",
             "withdraw": "remettre en brouillon", "export": "marquer comme exporté"}
    for name in WORKFLOW:
        x = _post_parser(rs, name, helps[name], findings=name == "approve")
        x.add_argument("--comment", default="", metavar="TEXT")
        if name == "approve":
            x.add_argument("--mode", choices=MODES, help="solo ou pair (par défaut : le profil)")
            x.add_argument("--override", default="", metavar="MOTIF",
                           help="approuver malgré des commentaires ouverts (mode deux "
                                "personnes) : pourquoi, noté dans l'historique")
        _who_arguments(x)


def _workspace_parsers(rs) -> None:
    """Actions beyond one post: ``merge`` (git's driver), ``false-positives``, ``queue``,
    ``profile``."""
    from editor.review.model import MODES

    m = rs.add_parser("merge", help="fusionner deux historiques (pilote de fusion git : "
                                    "tact review merge %%O %%A %%B)")
    m.add_argument("base", metavar="BASE", type=Path)
    m.add_argument("ours", metavar="OURS", type=Path)
    m.add_argument("theirs", metavar="THEIRS", type=Path)
    f = rs.add_parser("false-positives", help="rapport des faux positifs pour les règles")
    f.add_argument("paths", nargs="+", metavar="PATH")
    f.add_argument("--out", type=Path, metavar="FILE")
    f.add_argument("--format", choices=("csv", "yaml"), default=None)
    q = rs.add_parser("queue", help="publications à relire")
    q.add_argument("paths", nargs="+", metavar="PATH")
    pr = rs.add_parser("profile", help="afficher ou définir le profil de relecteur")
    pr.add_argument("--name")
    pr.add_argument("--role")
    pr.add_argument("--mode", choices=MODES)


# ---- helpers -------------------------------------------------------------------------------
def complain(path, message: str) -> None:
    from editor.review.model import typo

    print(f"{path}: {typo(message)}", file=sys.stderr)


def say(text: str = "") -> None:
    from editor.review.model import typo

    print(typo(text))


def read_post(path: str):
    from editor.document.post import PostError, read_text

    try:
        return read_text(path)
    except PostError as exc:
        complain(path, str(exc))
        return None


def _findings(args, text: str):
    """Findings of the current text, or None after printing rule errors."""
    from editor.compliance.service import make_engine

    engine, errors = make_engine(args.rules, None, spelling=not args.no_spelling)
    if errors:
        for e in errors:
            print(f"{e.where()}: {e.message}", file=sys.stderr)
        return None
    return engine.check(text, base_dir=Path(args.path).parent).findings


def _identity(args) -> tuple[str, str] | None:
    from editor.review.profile import load_profile
    from editor.review.session import same_person

    profile, error = load_profile()
    if error:
        complain("profil", error)
    by = (args.by or (profile.name if profile else "")).strip()
    if not by:
        print("tact: --by NAME est requis (ou définissez un profil : tact review profile --name …)",
              file=sys.stderr)
        return None
    role = args.role
    if role is None:
        role = profile.role if profile and same_person(profile.name, by) else ""
    return by, role


def _find(findings, ident: str):
    exact = [f for f in findings if f.id == ident]
    if exact:
        return exact[0]
    cands = [f for f in findings if len(ident) >= 4 and f.id.startswith(ident)]
    return cands[0] if len(cands) == 1 else None


def _find_group(findings, ident: str) -> list | None:
    """The findings of the group ``ident`` (a whole id, or an unambiguous prefix of 4+ chars)."""
    from editor.review.items import group_key

    groups: dict[str, list] = {}
    for f in findings:
        groups.setdefault(group_key(f), []).append(f)
    if ident in groups:
        return groups[ident]
    cands = [k for k in groups if len(ident) >= 4 and k.startswith(ident)]
    return groups[cands[0]] if len(cands) == 1 else None


def _finish(path, outcome) -> int:
    if outcome.ok:
        say(outcome.message)
        return 0
    complain(path, outcome.message)
    for d in outcome.details:
        print(f"  - {d}", file=sys.stderr)
    return outcome.code


def open_session(path: str):
    from editor.review.session import ReviewSession

    s = ReviewSession(path)
    for note in s.notes:
        complain(s.path, note)
    for french, _ in s.journal.notes:
        complain(s.path, french)
    if s.error:
        complain(path, s.error)
    return s


def _who(by: str, role: str) -> str:
    return f"{by}, {role}" if role else by


# ---- commands ------------------------------------------------------------------------------
def run(args) -> int:
    """Run ``tact review ACTION``; the exit status. ``verify`` is not run here but by
    :mod:`editor.cli`: it reads the export archive, which this package never imports."""
    action = args.action
    if action is None:
        print("tact: review: indiquez une action (status, accept, comment, submit, approve, …)",
              file=sys.stderr)
        return 2
    beyond_one_post = {"false-positives": _false_positives, "queue": _queue,
                       "profile": _profile, "merge": _merge}
    if action in beyond_one_post:
        return beyond_one_post[action](args)
    text = read_post(args.path)
    if text is None:
        return 2
    if action == "status":
        return _status(args, text)
    if action == "history":
        return _history(args)
    ident = _identity(args)
    if ident is None:
        return 2
    by, role = ident
    if action == "repair":
        return _repair(args, by, role)
    s = open_session(args.path)
    if s.error:
        return 2
    if action in ("accept", "send-back", "revoke"):
        return _decide(args, s, text, by, role)
    if action == "comment":
        return _comment(args, s, text, by, role)
    if action in ("reply", "resolve", "reopen"):
        cid = _comment_id(s, args.comment_id)
        if cid is None:
            complain(args.path, f"commentaire « {args.comment_id} » introuvable")
            return 2
        if action == "reply":
            return _finish(args.path, s.reply(cid, args.text, by, role))
        return _finish(args.path, getattr(s, action)(cid, by, role))
    if action == "approve":
        return _approve(args, s, text, by, role)
    method = {"submit": s.submit, "request-changes": s.request_changes, "withdraw": s.withdraw,
              "export": s.mark_exported}[action]
    return _finish(args.path, method(text, by, role, args.comment))


def _decide(args, s, text: str, by: str, role: str) -> int:
    """``accept``, ``send-back`` or ``revoke`` a problem (``--group``) or one finding."""
    action = args.action
    if action == "revoke" and args.finding:
        return _finish(args.path, s.withdraw_decision(text, args.finding, by, role, args.comment))
    findings = _findings(args, text)
    if findings is None:
        return 2
    if args.group:
        group = _find_group(findings, args.group)
        if group is None:
            complain(args.path, f"aucun problème actuel n'a l'identifiant « {args.group} » "
                                f"(voir tact review status)")
            return 2
    else:
        f = _find(findings, args.finding)
        if f is None:
            complain(args.path, f"aucun signalement actuel n'a l'identifiant « {args.finding} » "
                                f"(voir tact review status)")
            return 2
    if action == "revoke":   # by finding: done above; here by group
        assert group is not None
        return _finish(args.path, s.withdraw_item_decisions(text, [f.id for f in group], by,
                                                            role, args.comment))
    if action == "accept":
        if not args.reason.strip():
            complain(args.path, "une justification écrite (--reason) est obligatoire")
            return 2
        if args.group:
            # a decision already in force on one of them stays as it was
            st = s.overview(text, group)
            todo = [x.finding for x in st.findings if x.status != "accepted"] or group
            return _finish(args.path, s.accept_item(text, todo, args.kind, args.reason, by,
                                                    role))
        return _finish(args.path, s.accept(text, f, args.kind, args.reason, by, role))
    if args.group:
        st = s.overview(text, group)
        todo = [x.finding for x in st.findings if x.status == "open"] or group
        return _finish(args.path, s.send_back_item(text, todo, args.comment, by, role))
    return _finish(args.path, s.send_back(text, f, args.comment, by, role))


def _approve(args, s, text: str, by: str, role: str) -> int:
    from editor.review.model import PAIR
    from editor.review.profile import load_profile

    findings = _findings(args, text)
    if findings is None:
        return 2
    mode = args.mode
    if mode is None:
        profile, _ = load_profile()
        mode = profile.mode if profile else PAIR
    return _finish(args.path, s.approve(text, findings, by, role, mode, args.override))


def _comment_id(s, ident: str):
    if ident in s.state.comments:
        return ident
    c = [k for k in s.state.comments if len(ident) >= 4 and k.startswith(ident)]
    return c[0] if len(c) == 1 else None


def _comment(args, s, text: str, by: str, role: str) -> int:
    quote = args.quote
    spots, pos = [], text.find(quote) if quote else -1
    while pos >= 0:
        spots.append(pos)
        pos = text.find(quote, pos + 1)
    if not spots:
        complain(args.path, f"passage « {quote} » introuvable dans le texte")
        return 2
    if args.occurrence is not None:
        if not 1 <= args.occurrence <= len(spots):
            complain(args.path,
                 f"--occurrence {args.occurrence} : le passage apparaît {len(spots)} fois")
            return 2
        start = spots[args.occurrence - 1]
    elif len(spots) > 1:
        complain(args.path, f"le passage « {quote} » apparaît {len(spots)} fois : précisez "
                        f"--occurrence N ou citez un passage plus long")
        return 2
    else:
        start = spots[0]
    res = s.add_comment(text, start, start + len(quote), args.text, by, role)
    code = _finish(args.path, res)
    if res.ok:
        say(f"Identifiant du commentaire : {res.value}")
    return code


def _status(args, text: str) -> int:
    findings = _findings(args, text)
    if findings is None:
        return 2
    s = open_session(args.path)
    ov = s.overview(text, findings)
    say(args.path)
    _status_state(ov)
    _status_items(ov, text)
    _status_comments(ov, text)
    if ov.problems:
        n, msg = ov.problems[0]
        complain(s.path, f"historique rompu à l'entrée {n} : {msg} (tact review verify)")
    return 2 if ov.error else 0


def _status_state(ov) -> None:
    """The post's state, its last transition, the signatures and who reviewed this version."""
    from editor.review.model import ACTION_LABELS
    from editor.review.session import format_time

    line = f"État : {ov.state_label}"
    t = ov.last_transition
    if ov.edited_after_approval:
        line += " (texte modifié depuis l'approbation : l'approbation ne vaut plus)"
    elif t:
        line += (f" — {ACTION_LABELS.get(t.action, t.action)} par {_who(t.by, t.role)}, "
                 f"le {format_time(t.at)}")
    say(line)
    if t and t.comment and not ov.edited_after_approval:
        say(f"  « {t.comment} »")
    for sig in ov.signatures:
        say(f"Signature : {_who(sig.by, sig.role)}, le {format_time(sig.at)} — "
            f"« {sig.meaning} »")
        if sig.override:
            say(f"  approuvé malgré {len(sig.overridden)} commentaire(s) ouvert(s) : "
                f"« {sig.override} »")
    people = ov.people
    if people is not None and (people.reviewers or people.approvers):
        from editor.review.people import who

        if people.reviewers:
            say("Cette version relue par : "
                + ", ".join(who(n, r) for n, r in people.reviewers))
        if people.approvers:
            say("Cette version approuvée par : "
                + ", ".join(who(n, r) for n, r in people.approvers))


def _status_items(ov, text: str) -> None:
    """The open problems, the accepted ones, and the decisions that lapsed."""
    from editor.review.items import item_statuses
    from editor.review.model import REASON_LABELS
    from editor.review.session import format_time

    items = item_statuses(ov.findings, text)
    opened = [x for x in items if x.status != "accepted"]
    blocking = [x for x in opened if any(s.status != "accepted" and s.finding.severity == "error"
                                         for s in x.statuses)]
    say(f"Signalements ouverts : {len(opened)} (dont {len(blocking)} erreur(s) bloquante(s))")
    for x in opened:
        it, tag = x.item, ""
        if x.status == "sent-back":
            d = x.decision
            tag = f" — renvoyé à l'auteur par {d.by} : {d.reason}"
        elif x.accepted:
            tag = f" — {len(x.accepted)} signalement(s) sur {len(x.statuses)} déjà accepté(s)"
        _item_lines(it, x.statuses, tag)
    accepted = [x for x in items if x.status == "accepted"]
    if accepted:
        say(f"Signalements acceptés : {len(accepted)}")
        for x in accepted:
            d = x.decision
            _item_lines(x.item, x.statuses, f" — {REASON_LABELS.get(d.kind, d.kind)} : {d.reason} "
                                            f"({_who(d.by, d.role)}, le {format_time(d.at)})")
    if ov.lapsed:
        say(f"Décisions caduques (passage modifié, signalement disparu) : {len(ov.lapsed)}")
        for ds in ov.lapsed:
            d = ds.decision
            what = (f"accepté ({REASON_LABELS.get(d.kind, d.kind)})" if d.action == "accept"
                    else "renvoyé à l'auteur")
            say(f"  {d.rule} « {d.passage} » [{d.finding}] — {what} : {d.reason} "
                f"({_who(d.by, d.role)}, le {format_time(d.at)})")


def _status_comments(ov, text: str) -> None:
    """The comments: open, resolved, orphaned, each with its replies."""
    if not ov.comments:
        return
    n_open = sum(1 for c in ov.comments if not c.comment.resolved)
    n_orph = sum(1 for c in ov.comments if c.anchor.orphaned)
    say(f"Commentaires : {n_open} ouvert(s), {len(ov.comments) - n_open} résolu(s), "
        f"{n_orph} orphelin(s)")
    for cs in ov.comments:
        c, a = cs.comment, cs.anchor
        if a.orphaned:
            where = "orphelin : passage supprimé"
        else:
            where = f"ligne {text.count(chr(10), 0, a.start) + 1}"
            if a.state == "fuzzy":
                where += f", passage modifié : « {text[a.start:a.end]} »"
        state = "résolu" if c.resolved else "ouvert"
        say(f"  [{c.id}] {state}, {where} — « {c.quote.exact} » — {_who(c.by, c.role)} : "
            f"{c.text}")
        for r in c.replies:
            say(f"      ↳ {_who(r.by, r.role)} : {r.text}")


def _item_lines(it, statuses, tag: str) -> None:
    """One problem: its passage once, [its group id], then one line per finding (rule, message,
    [finding id]) — a decision on the group covers them all."""
    from editor.review.items import short_passage
    from editor.review.model import typo

    f = it.first
    # the passage is quoted as written (typo() would put a space before its « ! » or « : »)
    print(f"  {f.line}:{f.column} {SEVERITY_FR.get(it.severity, it.severity)} "
          f"«{NB}{short_passage(it.passage)}{NB}» [{it.group}]{typo(tag)}")
    for s in statuses:
        g = s.finding
        mark = " (accepté)" if s.status == "accepted" and len(statuses) > 1 else ""
        say(f"      - {g.rule} : {g.message} [{g.id}]{mark}")


def _repair(args, by: str, role: str) -> int:
    from editor.review import journal_path
    from editor.review.model import ReviewError
    from editor.review.repair import repair

    path = journal_path(args.path)
    try:
        done = repair(path, by, role)
    except ReviewError as exc:
        complain(path, str(exc))
        return 2
    for note in done.notes:
        complain(path, note)
    if not done.dropped:
        say(f"{path} : aucune ligne endommagée, rien à réparer.")
        return 0
    assert done.backup is not None   # written before any line is dropped
    say(f"{path} : {len(done.dropped)} ligne(s) endommagée(s) retirée(s) "
         f"({', '.join(str(d.line) for d in done.dropped)}) ; copie intégrale de l'ancien fichier "
         f"dans {done.backup.name}.")
    if done.lost:
        say(f"{len(done.lost)} entrée(s) perdue(s) : elles sont notées dans l'historique "
             f"(réparation par {by}).")
    return 0


def _merge(args) -> int:
    from editor.review.gitmerge import merge_files

    code, message = merge_files(args.base, args.ours, args.theirs)
    print(f"tact review merge: {message}", file=sys.stderr)
    return code


def _history(args) -> int:
    from editor.review.model import ACTION_LABELS, STATE_LABELS
    from editor.review.session import format_time

    s = open_session(args.path)
    if s.journal.fatal:
        return 2
    versions = s.history()
    if args.diff:
        a, b = args.diff
        try:
            diff = s.diff(a, b)
            sys.stdout.write(diff) if diff else say(f"Aucune différence entre les versions {a} "
                                                     f"et {b}.")
        except ValueError as exc:
            complain(args.path, str(exc))
            return 2
        return 0
    if not versions:
        say(f"{args.path} : aucune version enregistrée.")
    for v in versions:
        say(f"{v.number:3}  {format_time(v.at)}  {ACTION_LABELS.get(v.action, v.action)} par "
             f"{_who(v.by, v.role)} → {STATE_LABELS.get(v.state, v.state)}  [{v.sha256[:12]}]")
    return 2 if s.error else 0


def _false_positives(args) -> int:
    from editor.compliance.service import collect_posts
    from editor.review.report import false_positives, render, write_report

    files, errors = collect_posts(args.paths)
    rows, jerrors = false_positives(files)
    for p, m in errors + jerrors:
        complain(p, m)
    fmt = args.format or ("yaml" if args.out and args.out.suffix in (".yaml", ".yml") else "csv")
    if args.out:
        try:
            write_report(rows, args.out, fmt)
        except OSError as exc:
            complain(args.out, f"écriture impossible ({exc.strerror or exc})")
            return 2
        say(f"{len(rows)} faux positif(s) écrit(s) dans {args.out}")
    else:
        sys.stdout.write(render(rows, fmt))
    return 2 if errors or jerrors else 0


def _queue(args) -> int:
    from editor.review.queue import post_states
    from editor.review.session import format_time

    items, errors = post_states(args.paths)
    for p, m in errors:
        complain(p, m)
    waiting = [i for i in items if i.state == "review"]
    say(f"{len(waiting)} publication(s) à relire")
    for i in waiting:
        since = f" — {i.last_by}, le {format_time(i.last_at)}" if i.last_at else ""
        say(f"  {i.shown}{since}")
    return 2 if errors else 0


def _profile(args) -> int:
    from editor.review.model import MODE_LABELS, PAIR
    from editor.review.profile import Profile, load_profile, profile_path, save_profile

    profile, error = load_profile()
    if args.name is None and args.role is None and args.mode is None:
        if error:
            complain("profil", error)
            return 2
        if profile is None:
            say("Aucun profil de relecteur (tact review profile --name NOM --role RÔLE).")
            return 0
        say(f"{_who(profile.name, profile.role)} — mode {MODE_LABELS[profile.mode]}")
        return 0
    base = profile or Profile("", "", PAIR)
    new = Profile(args.name if args.name is not None else base.name,
                  args.role if args.role is not None else base.role,
                  args.mode or base.mode)
    err = save_profile(new)
    if err:
        complain(profile_path(), err)
        return 2
    say(f"Profil enregistré : {_who(new.name, new.role)} — mode {MODE_LABELS[new.mode]}")
    return 0
