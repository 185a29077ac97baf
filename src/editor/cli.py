"""The ``tact`` command. ``check``, ``rules`` and ``review`` never import Qt."""
from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
from pathlib import Path
from typing import NoReturn

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one clear line, as the contract asks."""

    def error(self, message: str) -> NoReturn:  # pragma: no cover - exercised through main()
        self.exit(2, f"tact: {message}\n")


def _add_check(sub) -> None:
    c = sub.add_parser("check", help="vérifier des publications (Markdown)")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--target", action="append", default=[], metavar="NETWORK")
    c.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
    c.add_argument("--settings", type=Path, metavar="FILE")
    c.add_argument("--no-spelling", action="store_true")
    c.add_argument("--no-images", action="store_true",
                   help="ne pas analyser le contenu des images (montages, visages, texte)")


def _add_rules(sub) -> None:
    r = sub.add_parser("rules", help="lister, expliquer et tester les règles")
    r.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
    rs = r.add_subparsers(dest="action")
    rs.add_parser("list")
    rs.add_parser("packs", help="paquets de règles utilisés : version et dossier")
    e = rs.add_parser("explain")
    e.add_argument("rule_id")
    t = rs.add_parser("test")
    t.add_argument("--verbose", "-v", action="store_true",
                   help="lister les motifs qu'aucun exemple n'exerce")


def _add_review(sub) -> None:
    from editor.review.cli import add_parser

    add_parser(sub)


def _add_export(sub) -> None:
    from editor.export.cli import add_parser

    add_parser(sub)


def _add_open(sub) -> None:
    o = sub.add_parser("open", help="ouvrir l'éditeur")
    o.add_argument("path", nargs="?")


# Each command's parser, in the order of the help.
COMMANDS = {"check": _add_check, "rules": _add_rules, "review": _add_review,
            "export": _add_export, "open": _add_open}


def _build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command`` alone: a command's arguments are parsed
    the same, and ``tact check`` does not build the thirty parsers of the others (a twentieth
    of its start-up)."""
    p = _Parser(prog="tact",
                description="Tact : rédaction et vérification de publications médicales.")
    sub = p.add_subparsers(dest="command")
    for name, add in COMMANDS.items():
        if command in (None, name):
            add(sub)
    return p


def _print_errors(errors) -> None:
    for path, message in errors:
        print(f"{path}: {message}", file=sys.stderr)


def cmd_check(args) -> int:
    # Modules and the engine (a hundred thousand objects) live as long as the command: the cycle
    # collector would walk them again and again while they load, and at exit (a sixth of a
    # one-post check). It is paused while they load, and they are kept out of its sight.
    gc.disable()
    try:
        from editor.compliance.service import make_engine
        from editor.workflow import check_posts

        engine, rule_errors = make_engine(args.rules, args.settings,
                                          spelling=not args.no_spelling, images=not args.no_images)
    finally:
        gc.freeze()
        gc.enable()
    analyser = getattr(engine, "image_analyser", None)
    if analyser is not None:      # one check, then the program ends: no Tesseract kept waiting
        analyser.keep_ocr_ready = False
    if args.target:
        known: set[str] = set()
        try:
            from editor.export.networks import NetworkError, load_networks
        except ImportError:
            pass
        else:
            try:
                known = set(load_networks())
            except NetworkError as e:
                print(f"{e.where()}: {e.message}", file=sys.stderr)
                return 2
        bad = [t for t in args.target if t not in known]
        if bad:
            print(f"tact: unknown network {bad[0]!r}"
                  + (f" (known: {', '.join(sorted(known))})" if known else ""), file=sys.stderr)
            return 2
    checked = check_posts(engine, args.paths, args.target or ())   # platform findings too
    report = checked.report
    errors = [(e.where(), e.message) for e in rule_errors] + report.errors
    report.errors = errors
    if args.format == "json":
        json.dump(checked.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for f, accepted in checked.reviewed():
            for x in f.findings:
                flag = " (accepté)" if x.id in accepted else ""
                print(f"{f.path}:{x.line}:{x.column}: {x.severity} {x.category} {x.rule} "
                      f"{x.message}{flag}")
    _print_errors(errors)
    _print_errors(report.warnings)
    if errors:
        return 2
    return 1 if checked.blocking() else 0


def _explain_model(rule_id: str) -> int:
    """``tact rules explain model.<category>``: what the statistical second opinion reports."""
    from editor.compliance.model import SecondOpinion

    model = SecondOpinion.load()
    category = rule_id.split(".", 1)[1]
    text = model.describe(category) if model is not None else ""
    if not text:
        print(f"tact: unknown rule {rule_id!r}", file=sys.stderr)
        return 2
    from editor.compliance.engine import Engine

    print(f"{rule_id} — {category}, {Engine.SECOND_OPINION_SEVERITY} (second avis statistique)")
    print(f"\n{text}")
    return 0


def _pack_origins(packs):
    """Each pack with where it comes from: the program, the user's data folder (an update or a
    pack added later) or a ``--rules`` folder."""
    from editor.paths import rules_dir, user_data_dir

    def origin(path: Path) -> str:
        for base, label in ((rules_dir(), "intégré"), (user_data_dir() / "rules", "utilisateur")):
            try:
                path.resolve().relative_to(base.resolve())
                return label
            except ValueError:
                continue
        return "--rules"

    return [(p, origin(Path(p.path))) for p in packs]


def cmd_rules(args) -> int:
    from editor.compliance.rules import load_rules

    ruleset = load_rules(args.rules)
    _print_errors([(e.where(), e.message) for e in ruleset.errors])
    action = args.action or "list"
    if action == "list":
        print(f"Paquets de règles : {ruleset.version}")
        for rule in sorted(ruleset.rules, key=lambda x: x.id):
            print(f"{rule.id:45} {rule.severity:8} {rule.category:18} {rule.pack}")
        return 2 if ruleset.errors else 0
    if action == "packs":
        for pack, origin in _pack_origins(ruleset.packs):
            print(f"{pack.name:20} {pack.version:14} {origin:12} {pack.path}")
        return 2 if ruleset.errors else 0
    if action == "explain":
        return _explain_rule(ruleset, args.rule_id)
    if action == "test":
        return _test_rules(ruleset, verbose=getattr(args, "verbose", False))
    return 2


def _explain_rule(ruleset, rule_id: str) -> int:
    """``tact rules explain RULE``: a pack's rule, an image rule or the statistical model's."""
    r = ruleset.rule(rule_id)
    if r is None and rule_id.startswith("model."):
        return _explain_model(rule_id)
    if r is None:
        from editor.compliance.images import explain as explain_image_rule

        text = explain_image_rule(ruleset, rule_id)     # with the --rules packs' changes
        if text is not None:
            print(text)
            return 0
    if r is None:
        print(f"tact: unknown rule {rule_id!r}", file=sys.stderr)
        return 2
    print(f"{r.id} — {r.category}, {r.severity} (paquet {r.pack})")
    print(f"\n{r.message}")
    if r.explanation:
        print(f"\n{r.explanation}")
    print(f"\nFondement\u00a0: {r.reference}")
    if r.link:
        print(f"Pour en savoir plus\u00a0: {r.link}")
    if r.suggestion:
        print(f"Conseil\u00a0: {r.suggestion}")
    if r.replacement is not None:
        print(f"Remplacement proposé\u00a0: «\u00a0{r.replacement}\u00a0»" if r.replacement
              else "Remplacement proposé\u00a0: supprimer le passage")
    print("\nExemples signalés :")
    for ex in r.flag_examples:
        print(f"  ✗ {ex.text}")
    print("Exemples acceptés :")
    for ex in r.ok_examples:
        print(f"  ✓ {ex.text}")
    return 0


def _test_rules(ruleset, verbose: bool) -> int:
    """``tact rules test``: every rule's examples, and every trigger pattern exercised by one of
    its rule's flag examples."""
    from editor.compliance.coverage import format_report, pattern_coverage
    from editor.compliance.examples import run_examples

    failures, total = run_examples(ruleset)
    for f in failures:
        print(f)
    coverage = pattern_coverage(ruleset)
    for line in format_report(coverage, verbose=verbose):
        print(line)
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or ruleset.errors or not coverage.complete() else 0


def cmd_review_verify(args) -> int:
    """``tact review verify PATH``: the post's review journal on its own and against the heads
    recorded by its workspace's exports. Run here, above both: the review package never reads the
    export archive. Exit 0 intact, 1 broken history, 2 unreadable post or journal."""
    from editor.review.cli import complain, open_session, read_post, say
    from editor.workflow import audit_journal

    if read_post(args.path) is None:
        return 2
    s = open_session(args.path)
    if s.journal.fatal:
        return 2
    found = audit_journal(s.path, s.journal, Path(args.path))
    problems = found.problems
    if not problems and not s.journal.entries:
        say(f"{args.path} : aucun historique de relecture.")
        return 0
    if not problems:
        checked = (f", conforme aux {found.exports} export(s) enregistré(s)" if found.exports
                   else "")
        say(f"{s.path} : historique intact ({len(s.journal.entries)} entrées{checked}).")
        return 0
    for p in problems:
        complain(s.path, f"entrée {p.line} : {p.french}" if p.line else p.french)
    first = next((p.line for p in problems if p.line), None)
    start = f" à partir de l'entrée {first}" if first else ""
    complain(s.path, f"historique rompu{start} : le fichier a été modifié en dehors de Tact")
    return 1


def cmd_open(args) -> int:
    try:
        from editor.ui.app import run
    except ImportError as exc:
        print(f"tact: the editor cannot start ({exc}); install the 'gui' extra", file=sys.stderr)
        return 2
    return run(args.path)


def _dispatch(argv: list[str]) -> int:
    if not argv:
        return cmd_open(argparse.Namespace(path=None))
    args = _build_parser(argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
    if args.command == "check":
        return cmd_check(args)
    if args.command == "rules":
        return cmd_rules(args)
    if args.command == "review" and args.action == "verify":
        return cmd_review_verify(args)
    if args.command == "review":
        from editor.review.cli import run as run_review

        return run_review(args)
    if args.command == "open":
        return cmd_open(args)
    if args.command == "export":
        from editor.export.cli import run as cmd_export

        return cmd_export(args)
    return 2


def _internal_error(exc: BaseException) -> int:
    """An exception nobody expected: the traceback goes to the log, one line to stderr, exit 2
    (exit 1 means « findings », never a crash)."""
    log.critical("internal error in tact %s", " ".join(sys.argv[1:]), exc_info=exc)
    from editor.logs import configured_file

    where = configured_file()
    detail = f"details in {where}" if where and where.is_file() else \
        "no log file could be written"
    text = f"{type(exc).__name__}: {exc}".splitlines()[0] if str(exc) else type(exc).__name__
    print(f"tact: internal error: {text[:300]} ({detail})", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from editor.logs import configure

    configure(logging.WARNING)
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence, logged and reported
        return _internal_error(exc)
