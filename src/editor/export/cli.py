"""``tact export PATH --target NETWORK... [--out DIR]``.

Exit status: 0 exported; 1 the gate refused (an ``error`` finding neither fixed nor accepted);
2 usage or file problems (unknown network, missing post, image missing or outside the post's
folder, broken rule or profile file, an output folder the export did not create). Nothing is
written unless the status is 0.

Each post gets ``<out>/<slug>/``; an existing folder there is replaced only when an earlier export
of the same post created it (its ``.tact-export.json`` marker says so): a user's folder is never
touched, and posts whose names give the same slug each get their own folder.
"""
from __future__ import annotations

import sys
from pathlib import Path


def add_parser(subparsers) -> None:
    e = subparsers.add_parser("export",
                              help="exporter des publications approuvées pour les réseaux")
    e.add_argument("paths", nargs="+", metavar="PATH", help="publication (.md) ou dossier")
    e.add_argument("--target", action="append", default=[], metavar="NETWORK", required=True,
                   help="réseau : instagram, facebook, linkedin, x, threads, youtube (répétable)")
    e.add_argument("--out", type=Path, default=Path("export"), metavar="DIR",
                   help="dossier de sortie (défaut : ./export), un sous-dossier par publication")
    e.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
    e.add_argument("--settings", type=Path, metavar="FILE")
    e.add_argument("--no-spelling", action="store_true")
    e.add_argument("--no-pdf", action="store_true", help="ne pas écrire le rapport PDF")
    e.add_argument("--pseudo-bold", action="store_true",
                   help="gras Unicode pour **gras** (lettres accentuées et lecteurs d'écran : "
                        "non pris en charge)")
    e.add_argument("--nbsp", choices=("keep", "nbsp", "space"),
                   help="espace fine insécable U+202F : garder, insécable, espace simple")


def run(args) -> int:
    from editor.export.convert import ConvertOptions
    from editor.export.networks import NetworkError, load_networks

    try:
        nets = load_networks()
    except NetworkError as e:
        print(f"{e.where()}: {e.message}", file=sys.stderr)
        return 2
    bad = [t for t in args.target if t not in nets]
    if bad:
        print(f"tact: unknown network {bad[0]!r} (known: {', '.join(sorted(nets))})",
              file=sys.stderr)
        return 2
    from editor.compliance.service import make_engine
    from editor.export.exporter import export_posts

    engine, rule_errors = make_engine(args.rules, args.settings, spelling=not args.no_spelling)
    if rule_errors:
        for err in rule_errors:
            print(f"{err.where()}: {err.message}", file=sys.stderr)
        return 2
    options = ConvertOptions(pseudo_bold=args.pseudo_bold, nbsp=args.nbsp)
    if args.pseudo_bold:
        print("tact: warning: pseudo-bold letters have no accented forms and screen readers do "
              "not read them", file=sys.stderr)
    result = export_posts(args.paths, args.target, args.out, engine, options=options,
                          pdf=not args.no_pdf)
    for p in result.problems:
        print(f"{p.path}: {p.message}", file=sys.stderr)
    if result.refused and not result.problems:
        by_post: dict[str, list] = {}
        for p in result.refused:
            by_post.setdefault(p.path, []).append(p)
        for path, items in by_post.items():
            gate = [p for p in items if p.finding is not None]
            if gate:
                print(f"{path}: export refused: {len(gate)} problem(s) with an error neither "
                      "fixed nor accepted", file=sys.stderr)
            for p in items:
                # a gate item names its place; a review refusal is a sentence of its own
                print(f"{path}:{p.message}" if p.finding is not None else f"{path}: {p.message}",
                      file=sys.stderr)
    for p in result.notes:
        print(f"{p.path}: {p.message}", file=sys.stderr)
    if result.ok:
        for pe in result.posts:
            print(f"{pe.path} -> {pe.folder}")
            for name, ne in pe.networks.items():
                parts = f", fil de {ne.parts} parties" if ne.parts > 1 else ""
                print(f"  {ne.file.name}  sha256 {ne.sha256[:16]}…{parts}")
            if pe.images:
                print(f"  {len(pe.images)} image(s) nettoyée(s)")
    return result.exit_code
