"""False spelling flags per 1,000 words, measured the way the product checks a post.

Used by tests/test_spelling.py, tests/test_corpus.py and benchmarks/spelling_bench.py. A "false
flag" is a spelling finding on a word that is not one of the case's deliberate typos
(``misspelled:`` in the corpus files); words are the word tokens the spell checker reads (hashtags
and image names excluded, as in ``Engine._spelling``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from editor.document.post import read_text
from editor.document.projection import project
from editor.text.fold import light
from editor.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]
REALTEXT = ROOT / "tests" / "spelling_realtext"
# Corpora whose educational posts (expect: []) are real-ish text; blind2 stays unseen.
CORPORA = {
    "own": ROOT / "tests" / "corpus" / "posts.yaml",
    "blind": ROOT / "tests" / "blind" / "posts.yaml",
    "blind3": ROOT / "tests" / "blind3" / "posts.yaml",
    "public": ROOT.parent / "shared" / "eval" / "public.yaml",
}


@dataclass
class Tally:
    words: int = 0
    flags: list[str] = field(default_factory=list)       # "file: word" of every false flag
    missed: list[str] = field(default_factory=list)      # "file: word" of every typo not found
    typos: int = 0

    @property
    def per_1000(self) -> float:
        return 1000 * len(self.flags) / max(1, self.words)

    def add(self, other: "Tally") -> None:
        self.words += other.words
        self.flags += other.flags
        self.missed += other.missed
        self.typos += other.typos

    def summary(self) -> str:
        return (f"{self.words} words, {len(self.flags)} false flags "
                f"({self.per_1000:.2f} per 1,000), typos found {self.typos - len(self.missed)}/"
                f"{self.typos}")


def words_read(text: str) -> int:
    n = 0
    for seg in project(text).segments:
        if seg.scope not in ("hashtag", "image-name"):
            n += sum(k == "word" for k in tokenize(light(seg.text)[0]).kind)
    return n


def check_text(engine, text: str, name: str, wanted=(), base_dir: Path | None = None) -> Tally:
    wanted = {w.lower() for w in wanted}
    found = [f.text for f in engine.check(text, base_dir=base_dir).findings
             if f.category == "spelling"]
    lower = {w.lower() for w in found}
    return Tally(words=words_read(text),
                 flags=[f"{name}: {w}" for w in found if w.lower() not in wanted],
                 missed=[f"{name}: {w}" for w in sorted(wanted - lower)],
                 typos=len(wanted))


def check_corpus(engine, corpus_yaml: Path, educational_only: bool = False) -> Tally:
    spec = yaml.safe_load(corpus_yaml.read_text(encoding="utf-8"))
    folder = corpus_yaml.with_suffix("")
    total = Tally()
    for name, case in spec["cases"].items():
        if educational_only and case["expect"]:
            continue
        path = folder / f"{name}.md"
        total.add(check_text(engine, read_text(path), name, case.get("misspelled", []),
                             path.parent))
    return total


def check_realtext(engine, folder: Path = REALTEXT) -> Tally:
    total = Tally()
    for path in sorted(folder.glob("*.md")):
        total.add(check_text(engine, read_text(path), path.name, (), path.parent))
    return total
