"""Accuracy on the public sample and on the project's own labelled corpus (figures printed)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus_scoring import score  # noqa: E402

from editor.compliance.service import make_engine  # noqa: E402


def main() -> None:
    engine, _ = make_engine(spelling=True)
    for name, path in (("public", ROOT.parent / "shared" / "eval" / "public.yaml"),
                       ("own", ROOT / "tests" / "corpus" / "posts.yaml"),
                       ("blind", ROOT / "tests" / "blind" / "posts.yaml"),
                       ("blind2", ROOT / "tests" / "blind2" / "posts.yaml"),
                       ("blind3", ROOT / "tests" / "blind3" / "posts.yaml")):
        if not path.is_file():
            print(f"{name}: not available")
            continue
        s = score(path, engine)
        if "-v" in sys.argv:
            print("\n".join(s.lines))
        print(f"{name:7} {s.summary()}   (targets: recall ≥ 0.95, precision ≥ 0.95, all clean)")


if __name__ == "__main__":
    main()
