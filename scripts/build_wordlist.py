#!/usr/bin/env python3
"""Builds ``resources/lexicon/dicollecte-fr.txt.gz``, the French word list of the spell checker,
from the Hunspell dictionary of Dicollecte / Grammalecte (« toutes variantes »: classical spellings
and those of the 1990 rectifications, ``maîtrise`` and ``maitrise``, ``coût`` and ``cout``).

Run it when a new version of the dictionary comes out, then commit the list it writes::

    apt-get install hunspell-fr-comprehensive        # Debian, Ubuntu: /usr/share/hunspell/fr.*
    .venv/bin/python scripts/build_wordlist.py       # or: --aff PATH --dic PATH --out PATH

Any Hunspell copy of the « toutes variantes » dictionary will do (LibreOffice's extension
« dictionnaires-fr » ships it as ``fr-toutesvariantes.aff`` / ``.dic``). The product never needs
Hunspell: it reads the word list this script writes (see ``editor.spelling.lexicon``).

The dictionary stores stems with affix flags (``cout/S.()``: ``cout``, ``couts``); this script
expands them into every word form, the way Hunspell accepts them: suffixes and prefixes whose
condition matches, prefix + suffix when both allow it (cross product), continuation flags of an
affix, NEEDAFFIX (a stem that is no word by itself) and FORBIDDENWORD. Forms that begin with an
elided article or pronoun (``l'``, ``d'``, ``qu'``: Tact's tokenizer reads them apart) are left
out, as are the elisions themselves and forms with digits (Tact never checks those).

Licence of the data: MPL 2.0 (Dicollecte contributors); the list it writes stays under MPL 2.0,
see ``resources/lexicon/README.md``.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "lexicon" / "dicollecte-fr.txt.gz"
DEFAULT = Path("/usr/share/hunspell/fr")


class Affix:
    """One PFX or SFX rule: strip, add (with continuation flags), condition, cross product."""
    __slots__ = ("prefix", "strip", "add", "cont", "cond", "cross", "fullstrip")

    def __init__(self, prefix: bool, strip: str, add: str, cont: frozenset, cond: str,
                 cross: bool, fullstrip: bool) -> None:
        self.prefix = prefix
        self.fullstrip = fullstrip      # FULLSTRIP: the rule may strip the whole stem
        self.strip = strip
        self.add = add
        self.cont = cont
        self.cross = cross
        body = _condition(cond)
        self.cond = re.compile(("^" + body) if prefix else (body + "$")) if body else None

    def applies(self, word: str) -> bool:
        if self.prefix:
            if not word.startswith(self.strip):
                return False
        elif not word.endswith(self.strip):
            return False
        if len(self.strip) >= len(word) and not self.fullstrip:
            return False
        return self.cond is None or self.cond.search(word) is not None

    def apply(self, word: str) -> str:
        if self.prefix:
            return self.add + word[len(self.strip):]
        return (word[:len(word) - len(self.strip)] if self.strip else word) + self.add


def _condition(cond: str) -> str:
    """Hunspell condition (``[^aeiou]y``, ``.``) as a regular expression body."""
    if cond in (".", ""):
        return ""
    out = []
    i = 0
    while i < len(cond):
        c = cond[i]
        if c == "[":
            j = cond.index("]", i)
            inner = cond[i + 1:j]
            neg = inner.startswith("^")
            chars = inner[1:] if neg else inner
            out.append("[" + ("^" if neg else "") + re.escape(chars) + "]")
            i = j + 1
        elif c == ".":
            out.append(".")
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def _flags(s: str, mode: str) -> list[str]:
    if mode == "long":
        return [s[i:i + 2] for i in range(0, len(s) - 1, 2)]
    if mode == "num":
        return [f for f in s.split(",") if f]
    return list(s)


def read_aff(path: Path):
    """Flag type, special flags (NEEDAFFIX...), affix rules by flag, prefix or suffix by flag,
    the file's title line."""
    mode = "char"
    fullstrip = False
    special: dict[str, str] = {}
    affixes: dict[str, list[Affix]] = {}
    cross: dict[str, bool] = {}
    kinds: dict[str, bool] = {}          # flag -> is a prefix
    header = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# AFFIXES") and not header:
            header = raw.lstrip("# ").strip()
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith(("PFX", "SFX")) else raw
        parts = line.split()
        if not parts:
            continue
        tag = parts[0]
        if tag == "FLAG":
            mode = parts[1]
        elif tag == "FULLSTRIP":
            fullstrip = True
        elif tag in ("NEEDAFFIX", "FORBIDDENWORD", "CIRCUMFIX", "ONLYINCOMPOUND"):
            special[tag] = parts[1]
        elif tag in ("PFX", "SFX") and len(parts) >= 4:
            flag = parts[1]
            if flag not in kinds and parts[2] in "YN" and parts[3].isdigit() and len(parts) == 4:
                kinds[flag] = tag == "PFX"
                cross[flag] = parts[2] == "Y"
                affixes[flag] = []
                continue
            if len(parts) < 5:
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add, _, cont = parts[3].partition("/")
            add = "" if add == "0" else add
            affixes[flag].append(Affix(tag == "PFX", strip, add, frozenset(_flags(cont, mode)),
                                       parts[4], cross[flag], fullstrip))
    return mode, special, affixes, kinds, header


def read_dic(path: Path, mode: str):
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        if not line or line.startswith(("#", "\t")):
            continue
        entry = line.split("\t", 1)[0].split(" ", 1)[0]
        m = re.match(r"^((?:[^/\\]|\\.)+)(?:/(\S*))?$", entry)
        if not m:
            continue
        word = m.group(1).replace("\\/", "/")
        yield unicodedata.normalize("NFC", word), frozenset(_flags(m.group(2) or "", mode))


def expand(aff: Path, dic: Path) -> tuple[set[str], set[str], str]:
    """Every word form, the stems of the .dic file, the .aff file's title."""
    mode, special, affixes, kinds, header = read_aff(aff)
    need = special.get("NEEDAFFIX")
    forbidden = special.get("FORBIDDENWORD")
    words: set[str] = set()
    banned: set[str] = set()
    stems: set[str] = set()

    def elided(a: Affix) -> bool:
        return "'" in a.add or "’" in a.add

    def suffixed(base: str, flags: frozenset, depth: int = 0):
        """(form, continuation flags) for every suffix of ``flags`` that applies to ``base``."""
        for f in flags:
            if kinds.get(f) is False:
                for a in affixes[f]:
                    if a.applies(base):
                        form = a.apply(base)
                        yield form, a
                        if depth == 0:   # two-level suffixes: a suffix's continuation flags
                            for form2, a2 in suffixed(form, a.cont, 1):
                                yield form2, a2

    for word, flags in read_dic(dic, mode):
        stems.add(word)
        target = banned if forbidden and forbidden in flags else words
        if not (need and need in flags):
            target.add(word)
        for form, a in suffixed(word, flags):
            if not (need and need in a.cont):
                target.add(form)
        for f in flags:
            if kinds.get(f) is not True:
                continue
            for p in affixes[f]:
                if elided(p) or not p.applies(word):
                    continue
                pform = p.apply(word)
                if not (need and (need in flags or need in p.cont)):
                    target.add(pform)
                # continuation suffix flags of the prefix, and the cross product with the stem's
                # suffixes when both affixes allow it
                sflags = set(p.cont)
                if p.cross:
                    sflags.update(g for g in flags if kinds.get(g) is False
                                  and affixes[g] and affixes[g][0].cross)
                for g in sflags:
                    if kinds.get(g) is not False:
                        continue
                    for s in affixes[g]:
                        if s.applies(word):     # both affixes: NEEDAFFIX is satisfied
                            target.add(p.apply(s.apply(word)))
    return words - banned, stems, header


# Abbreviations that Hunspell lists without their dot (it reads the dot apart); Tact accepts them
# only written with it (« etc. », « cf. »), as French typography wants.
NEED_DOT = {"etc", "cf", "env", "av"}


def keep(w: str) -> bool:
    """Forms worth storing: no digit, no space, a letter, not only one character; an abbreviation
    only when it ends with its dot (``etc.``, ``cf.``)."""
    if len(w) < 2 or any(c.isdigit() for c in w) or " " in w or w.endswith(("'", "’")):
        return False
    if not any(c.isalpha() for c in w):
        return False
    if "." in w and not re.fullmatch(r"[^\W\d_]+\.", w):
        return False
    return True


def inverted(w: str, stems: set[str]) -> str:
    """``aimè``, ``cédè`` (1990 spellings of ``aimé``, ``cédé`` before an inverted ``je``:
    « aimè-je »; the only inflected forms ending in ``è``; stems such as ``koinè`` are words) are
    kept as the compounds ``aimè-je``, ``cédè-je``: alone they are no words, and a suggestion should
    never offer them."""
    if w.endswith("è") and w.islower() and w not in stems:
        return w + "-je"
    return w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--aff", type=Path, default=DEFAULT.with_suffix(".aff"))
    ap.add_argument("--dic", type=Path, default=DEFAULT.with_suffix(".dic"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--source", default="",
                    help="where the dictionary came from (written in the list's header)")
    args = ap.parse_args(argv)
    for p in (args.aff, args.dic):
        if not p.is_file():
            print(f"{p}: not found (apt-get install hunspell-fr-comprehensive, or pass --aff and "
                  f"--dic)", file=sys.stderr)
            return 2
    forms, stems, header = expand(args.aff, args.dic)
    if "TOUTES VARIANTES" not in header.upper():
        print(f"warning: {args.aff} is not the « toutes variantes » dictionary ({header!r}): "
              f"one of the two spellings of 1990 will be missing", file=sys.stderr)
    words = sorted({inverted(w, stems) for w in forms if keep(w) and w not in NEED_DOT}
                   | {w + "." for w in NEED_DOT if w in forms})
    source = args.source or _debian_source(args.dic)
    head = [f"# {header.replace('AFFIXES DU ', '') or 'Hunspell dictionary'}",
            f"# Source: {source}",
            "# Licence: MPL 2.0 (https://mozilla.org/MPL/2.0/), Dicollecte contributors",
            "# Expanded by scripts/build_wordlist.py: one word form a line, sorted.",
            f"# {len(words)} forms"]
    data = ("\n".join(head + words) + "\n").encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(gzip.compress(data, 9, mtime=0))
    print(f"{args.out}: {len(words)} forms, {len(data) / 1e6:.1f} MB of text, "
          f"{args.out.stat().st_size / 1e6:.2f} MB compressed")
    return 0


def _debian_source(dic: Path) -> str:
    """``hunspell-fr-comprehensive 1:7.0-1 (Debian)`` when the file belongs to that package."""
    import subprocess

    try:
        owner = subprocess.run(["dpkg-query", "-S", str(dic.resolve())], capture_output=True,
                               text=True, timeout=20).stdout.split(":", 1)[0].strip()
        if owner:
            version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", owner],
                                     capture_output=True, text=True, timeout=20).stdout.strip()
            return f"{owner} {version} (Debian), {dic.name}"
    except (OSError, subprocess.SubprocessError):
        pass
    return str(dic)


if __name__ == "__main__":
    sys.exit(main())
