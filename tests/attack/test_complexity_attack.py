"""Super-linear paths (issue 11, severe item 4): every path linear or bounded.

Each hostile input runs in a subprocess with a generous timeout (the cases took from 38 s to
minutes before the fix, and about a second after) and, where memory matters, under
``RLIMIT_AS``. Speed itself is not asserted: the timeout is the bound. Run with ``-s`` to see the
timings each child prints (they fill the README table).

Before / after, measured on the 2-core test machine:

- X thread of 2,000 « 👏 » without spaces: 38 s -> 0.05 s; ``tact check --target x`` on a
  10 KB word: > 150 s -> 0.4 s;
- tokenizer, 80 KB of ``_a``: 38 s -> 0.2 s; 160 KB: 154 s -> 0.5 s;
- 40,000 « garanti » in one sentence: 47 s -> 0.9 s;
- preview of 8,000 ``[``: 12 s; 20,000: > 15 s -> 1 MB of ``[`` in 0.3 s (Qt lays it out in 0.1 s);
- conversion of a 5 MB line: 1,078 MB -> ~100 MB; tokenizer on 5 MB of ``!``: 595 -> 212 MB.
"""
from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import textwrap
import unicodedata
from array import array
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.compliance import context as ctx
from editor.export.counting import count
from editor.export.networks import load_networks
from editor.export.thread import split_thread
from editor.text.fold import light
from editor.text.tokens import Tokens, tokenize

NETS = load_networks()
ROOT = Path(__file__).resolve().parents[2]


def child(code: str, timeout: float, mem_mb: int | None = None, env: dict | None = None,
          args: tuple = ()) -> str:
    """Run ``code`` in a fresh interpreter, bounded in time (and address space); its stdout."""
    def limit() -> None:
        if mem_mb is not None:
            resource.setrlimit(resource.RLIMIT_AS, (mem_mb << 20, mem_mb << 20))

    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, preexec_fn=limit,
                          env={**os.environ, **(env or {})}, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    print(proc.stdout, end="")
    return proc.stdout


TIMER = """
import sys, time
from contextlib import contextmanager

@contextmanager
def timed(label):
    t = time.perf_counter()
    yield
    print(f"{label}: {time.perf_counter() - t:.2f} s")
"""


# --- X / Threads thread splitting ----------------------------------------------------------------

def test_thread_of_2000_clapping_emoji_is_split_at_once():
    child(TIMER + """
from editor.export.counting import count
from editor.export.networks import load_networks
from editor.export.thread import split_thread

x, threads = load_networks()["x"], load_networks()["threads"]
for label, text in [("2,000 emoji, no space", "👏" * 2000),
                    ("2,000 « 👏 »", "« 👏 » " * 2000),
                    ("20,000 emoji, no space", "👏" * 20000),
                    ("100 KB word", "a" * 100_000),
                    ("100 KB of 'a.' sentences", "a. " * 33_000)]:
    for net in (x, threads):
        with timed(f"split {label} for {net.name}"):
            parts = split_thread(text, net)
        assert all(count(p, net) <= net.text_limit for p in parts)
        assert "".join(p.rsplit("\\n\\n", 1)[0] for p in parts).replace(" ", "") \\
            == text.replace(" ", "")
""", timeout=60)


def test_check_target_x_on_a_10kb_word_does_not_stall(tmp_path):
    post = tmp_path / "mot.md"
    post.write_text("a" * 10_000 + "\n" + "👏" * 3000 + "\n", encoding="utf-8")
    child(TIMER + """
import subprocess
with timed("tact check --target x, 10 KB word + 3,000 emoji"):
    p = subprocess.run([sys.executable, "-m", "editor", "check", "--no-spelling", "--target", "x",
                        sys.argv[1]], capture_output=True, text=True)
assert p.returncode in (0, 1), p.stderr
assert "Traceback" not in p.stderr
""", timeout=60, args=(post,))


_ATOMS = st.sampled_from([
    "a", "mot", "chirurgie", "é", "e\u0301", "q\u0303", "字", "𝗯", "—", "-", "/", "(", ")",
    "👏", "👍🏽", "👩\u200d⚕️", "👨\u200d👩\u200d👧", "🇫🇷", "1️⃣",
    " ", " ", " ", "\n", "\n\n", ".", "!", "?", "…", "»", "«", "Dr.", "1.", "\u202f", "\u00a0",
    "https://exemple.fr/a_b", "site.fr", "www.x.com/(a)", "x@y.fr"])


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@example("aaaa\u202f👨\u200d👩\u200d👧", "threads", 24)   # a ZWJ family was cut in two
@given(st.lists(_ATOMS, max_size=500).map("".join), st.sampled_from(["x", "threads"]),
       st.sampled_from([None, 24, 40, 64]))
def test_thread_parts_are_within_the_limit_and_keep_every_word(text, net, limit):
    p = NETS[net]
    cap = limit or p.text_limit
    parts = split_thread(text, p, limit)
    if count(text, p) <= cap:
        assert parts == [text]
        return
    bodies = []
    for i, part in enumerate(parts, 1):
        assert count(part, p) <= cap, (part, count(part, p))
        suffix = "\n\n" + p.thread_numbering.format(i=i, n=len(parts))
        assert part.endswith(suffix)
        bodies.append(part[:-len(suffix)])
    expected = unicodedata.normalize("NFC", text) if p.counting == "weighted" else text
    # Nothing lost, nothing added, in order (cuts only remove the whitespace they fall on).
    assert "".join("".join(bodies).split()) == "".join(expected.split())
    # A word that fits in a part is never cut.
    budget = cap - count(parts[-1][len(bodies[-1]):], p)
    joined = "\n".join(bodies)
    # Words as the splitter sees them: no-break spaces (« mot\u202f: ») glue, they do not separate.
    for word in set(re.split(r"[^\S\u00a0\u202f]+", expected)) - {""}:
        if count(word, p) <= budget and "://" not in word and "." not in word:
            assert any(word in b for b in bodies), (word, joined)


# --- tokenizer -----------------------------------------------------------------------------------

def test_tokenizer_is_linear_on_what_made_it_backtrack():
    child(TIMER + """
from editor.text.tokens import tokenize
cases = {
    "_a": "_a", "-a (domain labels)": "-a", "a.b (e-mail local part)": "a.b",
    "dots after www.": None, "a@ then dots": None, "1é_": "1é_", "a?.": "a?.",
}
for label, unit in cases.items():
    if unit is None:
        text = ("www." + "." * 160_000) if "www" in label else ("a@" + "." * 160_000)
    else:
        text = unit * (160_000 // len(unit))
    with timed(f"tokenize 160 KB of {label}"):
        tokenize(text)
""", timeout=60)


@pytest.mark.parametrize("unit", ["!", "1.", "l'", "a'"])
def test_tokens_keep_a_small_constant_in_memory(unit):
    # 5 MB: 590-810 MB before (a Python int and a string per token; the regex engine's marks for
    # a run of repeated groups such as 1.1.1… or a'a'a'…), 31-216 MB now.
    child(TIMER + """
import resource
from editor.text.tokens import tokenize
unit = sys.argv[1]
with timed(f"tokenize 5 MB of {unit!r}"):
    toks = tokenize(unit * (5_000_000 // len(unit)))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
print(f"  {len(toks)} tokens, peak {peak} MB")
""", timeout=120, mem_mb=450, args=(unit,))


def test_emails_and_urls_are_still_tokens():
    t = tokenize(light("Écrire à jean.dupont+rdv@clinique-paris.fr ou voir www.has-sante.fr/a, "
                       "clinique.fr et https://exemple.fr/x_(y).")[0])
    kinds = dict(zip(t.surface, t.kind))
    assert kinds["jean.dupont+rdv@clinique-paris.fr"] == "email"
    assert kinds["www.has-sante.fr/a"] == "url" and kinds["clinique.fr"] == "url"
    assert isinstance(t.start, array) and t.start[0] == 0


# --- questions ------------------------------------------------------------------------------------

def test_question_context_is_computed_once_per_sentence():
    child(TIMER + """
from editor.compliance.service import make_engine
eng = make_engine(spelling=False)[0]
for label, text in [("40,000 « garanti » in one sentence", "garanti " * 40_000),
                    ("… and a question mark at the end", "garanti " * 40_000 + "?")]:
    with timed(label):
        an = eng.check(text)
    print(f"  {len(an.findings)} findings")
    assert len(an.findings) >= 40_000 * ("?" not in text)   # each one judged, none lost
""", timeout=60)


def _old_in_question(toks: Tokens, ts: int, te: int) -> bool:
    """The implementation before the fix (rescans the sentence), as the reference."""
    sent = toks.sentence[ts]
    j = te
    while j < len(toks.norm) and toks.sentence[j] == sent:
        if toks.norm[j] == "?":
            return True
        j += 1
    return False


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["garanti", " ", "?", "!", ".", "« ", " »", "\n", "Dr.", "sans",
                                 "risque", '"', "…"]), max_size=60).map("".join),
       st.data())
def test_question_index_answers_like_the_rescan(text, data):
    toks = tokenize(light(text)[0])
    if not len(toks):
        return
    for _ in range(5):
        ts = data.draw(st.integers(0, len(toks) - 1))
        te = data.draw(st.integers(ts + 1, len(toks)))
        assert ctx.in_question(toks, ts, te) == _old_in_question(toks, ts, te)


# --- preview, conversion, projection ------------------------------------------------------------

HOSTILE_MARKDOWN = """
MB = 1_000_000
CASES = {
    "[ x 1 MB": "[" * MB,
    "]( x 500 K": "](" * (MB // 2),
    "[a]( x 250 K": "[a](" * (MB // 4),
    "nested [a ... ](b)": "[a" * (MB // 6) + "](b)" * (MB // 6),
    "![ x 500 K": "![" * (MB // 2),
    "*a x 500 K": "*a" * (MB // 2),
    "`a x 500 K": "`a" * (MB // 2),
    "backslashes": "\\\\" * MB,
    "unclosed fences": "```x\\n" * (MB // 5),
    "# a lines": "# a\\n" * (MB // 4),
    "setext headings": "a\\n=\\n" * (MB // 4),
    "footnote definitions": "[^a]: b\\n" * (MB // 8),
    "1. 1. 1. (nested lists)": "1. " * (MB // 3),
    "> > > (nested quotes)": "> " * (MB // 2),
    "a <!-- x 160 K": "a <!--" * (MB // 6),
    "URL + ))))": "http://a.fr/" + ")" * MB,
    "real post x 400": None,
}
"""


def test_preview_render_is_bounded_whatever_the_markdown():
    child(TIMER + HOSTILE_MARKDOWN + """
from pathlib import Path
from editor.document.html import render
sample = Path("resources/samples/03-mythes-lipo.md").read_text(encoding="utf-8")
for label, text in CASES.items():
    text = text if text is not None else sample * 400
    with timed(f"preview of {label} ({len(text) >> 10} KB)"):
        page = render(text)
    assert page.endswith("</html>")
""", timeout=120)


def test_conversion_and_projection_are_linear_whatever_the_markdown():
    child(TIMER + HOSTILE_MARKDOWN + """
from pathlib import Path
from editor.document.projection import project
from editor.export.convert import convert
from editor.export.networks import load_networks
youtube = load_networks()["youtube"]
CASES["< x 1 MB (forbidden on YouTube)"] = "a<" * (MB // 2)
CASES["a.b.c (domain labels)"] = "a." * (MB // 2)
CASES["l'l'l'"] = "l'" * (MB // 2)
for label, text in CASES.items():
    if text is None:
        continue
    with timed(f"convert + project {label}"):
        conv = convert(text, youtube)
        project(text)
    assert len(conv.starts) == len(conv.text) == len(conv.ends)
    assert len(conv.notes) <= 500
""", timeout=180)


def test_conversion_memory_is_linear_with_a_small_constant(tmp_path):
    # A 5 MB line took 1,078 MB to convert (a Python list [char, start, end] per character).
    child(TIMER + """
import random, resource
from editor.export.convert import convert
from editor.export.networks import load_networks
random.seed(1)
words = "le lifting est une intervention chirurgicale sans risque et rapide".split()
text = " ".join(random.choice(words) for _ in range(700_000))
with timed(f"convert a {len(text) >> 20} MB line for Instagram"):
    conv = convert(text, load_networks()["instagram"])
print(f"  peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10} MB")
assert len(conv.text) == len(text)
""", timeout=120, mem_mb=700)


def test_check_of_a_long_line_stays_within_memory(tmp_path):
    post = tmp_path / "ligne.md"
    post.write_text("l'!" * 1_700_000 + "\n", encoding="utf-8")    # 5 MB, one token a character
    child(TIMER + """
import subprocess, resource
with timed("tact check on a 5 MB line of l'!l'!…"):
    p = subprocess.run([sys.executable, "-m", "editor", "check", "--no-spelling", sys.argv[1]],
                       capture_output=True, text=True)
assert p.returncode in (0, 1), p.stderr[-2000:]
print(f"  peak {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss >> 10} MB")
""", timeout=180, mem_mb=550, args=(post,))


def test_footnotes_become_numbers_and_notes_at_the_end():
    from editor.export.convert import convert

    src = ("Le lifting dure dix ans[^1]. Voir aussi[^note] et [^absent].\n\n"
           "Suite[^1].\n\n"
           "[^1]: Étude de 2019, *Plastic Surgery* vol. 3.\n"
           "[^note]: Selon la [HAS](https://has-sante.fr).\n"
           "    suite de la note.\n\n"
           "[^seule]: Jamais citée.\n")
    x = convert(src, NETS["x"])
    assert x.text.splitlines() == [
        "Le lifting dure dix ans[1]. Voir aussi[2] et [^absent].", "", "Suite[1].", "",
        "[1] Étude de 2019, Plastic Surgery vol. 3.",
        "[2] Selon la HAS\u00a0: https://has-sante.fr. suite de la note.",
        "[3] Jamais citée."]
    assert "#" not in x.text
    i = x.text.index("[1] Étude")
    s, e = x.source_span(i, i + 4)
    assert src[s:e] == "[^1]: "
    insta = convert(src, NETS["instagram"])
    assert "[2] Selon la HAS\u00a0: lien en bio. suite de la note." in insta.text


def test_footnote_links_stay_links_in_the_preview():
    from editor.document.html import render

    page = render("Texte[^1].\n\n[^1]: Note.\n")
    assert 'href="#fn:1"' in page and 'href="#fnref:1"' in page
    assert '<a name="fn:1"></a>' in page and 'href="#"' not in page


def test_a_hostile_block_is_previewed_in_full_and_only_a_huge_post_is_cut():
    # The preview no longer hands blocks to python-markdown (quadratic on ``[``): the one reader
    # is linear, so nothing is "simplified"; only what Qt would lay out too slowly is cut.
    from editor.document.html import MAX_CHARS, render

    sample = (ROOT / "resources" / "samples" / "03-mythes-lipo.md").read_text(encoding="utf-8")
    page = render(sample * 20)
    assert "Aperçu" not in page and page.count("#chirurgieplastique #information") == 20
    page = render("# Titre\n\nUn paragraphe *normal*.\n\n" + "[a" * 20_000 + "\n\nFin **ici**.\n")
    assert "<em>normal</em>" in page and "<strong>ici</strong>" in page
    assert "[a" * 20_000 in page.replace("\u200b", "") and "Aperçu" not in page
    page = render("Début.\n\n" + "mot " * MAX_CHARS + "\n\nFin introuvable.\n")
    assert "Aperçu limité au début du texte" in page and "Début." in page
    assert "Fin introuvable" not in page


def test_lines_of_brackets_and_stars_are_highlighted_at_once():
    # The editor's highlighter runs on the GUI thread at every edit of a line; its patterns
    # scanned to the end of the line from every ``[`` or ``**``: 76 s for these 226 KB (spaces
    # keep Qt's own layout fast), 0.07 s now.
    child(TIMER + """
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
from editor.ui.highlighter import MarkdownHighlighter
lines = ["[ " * 4000, "[a]( " * 1600, "**a " * 2000, "`a " * 2600, "[ " * 100_000,
         "*court* et **gras** [lien](https://exemple.fr)"]
edit = QPlainTextEdit()
MarkdownHighlighter(edit.document())
with timed(f"highlighting {sum(map(len, lines)) >> 10} KB of brackets and stars"):
    edit.setPlainText("\\n\\n".join(lines))
    app.processEvents()
assert len(edit.document().lastBlock().layout().formats()) >= 3   # normal lines still coloured
""", timeout=40, env={"QT_QPA_PLATFORM": "offscreen"})


def test_quitting_never_waits_for_a_long_preview(tmp_path):
    # Before: the preview of this post ran for minutes on a worker and quitting waited for it.
    post = tmp_path / "crochets.md"
    post.write_text("[a](" * 50_000 + "\n\n" + "[" * 200_000 + "\n", encoding="utf-8")
    child(TIMER + """
import subprocess, os
with timed("tact open on 400 KB of brackets, quit 1.5 s after the window shows"):
    p = subprocess.run([sys.executable, "-m", "editor", "open", sys.argv[1]],
                       capture_output=True, text=True)
assert p.returncode == 0, p.stderr[-2000:]
""", timeout=90, args=(post,), env={"QT_QPA_PLATFORM": "offscreen",
                                    "TACT_QUIT_AFTER_SHOW_MS": "1500"})
