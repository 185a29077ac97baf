"""Hostile YAML: one small post (or rule file, settings, profile, network profile) must never
stop the program (issue 11, severe item 3).

A 330-byte « billion laughs » front matter used to grow past 2 GB when its title was shown; a
5,000-deep ``title: [[[…]]]`` raised RecursionError in the workspace scan on the GUI thread at every
start; a 5,000-digit integer raised ValueError (Python's int-string conversion limit) in
``tact check``. Every YAML is now read by :mod:`editor.yamlsafe`: aliases refused (or, in rule
packs, their expansion counted), depth, size and numbers capped, problems reported per file.

Hostile inputs run in a subprocess with a timeout and an address-space limit (``RLIMIT_AS``), so a
regression fails the test instead of freezing or swapping the machine.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor.review.model import DRAFT

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120
MEMORY = 1536 * 1024 * 1024    # the bomb used to need more than 2 GB


def _bomb_yaml(title_alias: bool = True) -> str:
    lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    if title_alias:
        lines.append("title: *i")
    return "\n".join(lines) + "\n"


def front(yaml_text: str, body: str = "# Corps\n\nLe texte de la publication.\n") -> str:
    return f"---\n{yaml_text}---\n{body}"


BOMB = front(_bomb_yaml())
DEEP = front("title: " + "[" * 5000 + "]" * 5000 + "\n")
DEEP_MAP = front("title: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n")
BIG_INT = front("title: " + "9" * 5000 + "\nstatus: brouillon\n")
HUGE_NUMBERS = front("n: 1e9999\nm: 1.0e+9999\ntitle: Nombres\n")
BIG_HEX = front("title: 0x" + "f" * 5000 + "\n")
BIG_BASE60 = front("title: " + ":".join(["59"] * 3000) + "\n")
PYTHON_TAG = front("title: !!python/object/apply:os.system ['touch pwned']\n")
WRONG_TYPES = front("title: [a, [b, c]]\nstatus: {x: 1}\nnetworks: [instagram, [x]]\n")
HEADINGS = "# " + "# " * 20000 + "x\n"    # the title fallback's regex used to backtrack
OK = front("title: Bien\nstatus: brouillon\nnetworks: [instagram, x]\n")


def limit_memory():   # preexec_fn: runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_python(code: str, *args, env=None, timeout=TIMEOUT) -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=e,
                          preexec_fn=limit_memory, cwd=ROOT)


def bounded_front_matter(text: str) -> dict:
    """``parse_front_matter`` and ``FrontMatter.title`` in a bounded child; what they gave."""
    r = run_python("""
        import json, sys
        from editor.document.post import parse_front_matter
        fm = parse_front_matter(open(sys.argv[1], encoding="utf-8").read())
        print(json.dumps({"title": fm.title, "error": fm.error, "error_fr": fm.error_fr,
                          "data": {str(k): str(v) for k, v in fm.data.items()}}))
    """, _write(text))
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


def _write(text: str) -> Path:
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="tact-yaml-"))
    p = d / "post.md"
    p.write_text(text, encoding="utf-8")
    return p


# -- the loader -------------------------------------------------------------------------------

def test_aliases_are_refused_with_a_clear_message():
    from editor.yamlsafe import YamlError, load

    with pytest.raises(YamlError) as e:
        load(_bomb_yaml())
    assert e.value.message.startswith("YAML aliases are not allowed") and e.value.line == 1
    assert e.value.french() == "ligne 1\u202f: alias YAML non autorisé"
    with pytest.raises(YamlError, match="YAML aliases are not allowed"):
        load("a: *x")


def test_nesting_depth_is_capped_before_anything_recursive():
    from editor.yamlsafe import MAX_DEPTH, YamlError, load

    ok = "t: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert load(ok)["t"] is not None
    for text in ("t: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH,
                 "t: " + "[" * 100_000 + "]" * 100_000,
                 "t: " + "{a: " * 5000 + "1" + "}" * 5000,
                 "".join("  " * i + "a:\n" for i in range(60)) + "  " * 60 + "b"):
        with pytest.raises(YamlError, match="nested too deeply"):
            load(text, max_bytes=10**6)


def test_size_is_capped():
    from editor.yamlsafe import YamlError, load

    with pytest.raises(YamlError, match="too large"):
        load("a: " + "x" * 2000, max_bytes=1000)


def test_rule_packs_may_share_lists_but_an_alias_bomb_is_counted():
    from editor.yamlsafe import YamlError, load

    data = load("a: &p [x, {y: 1}]\nb: *p\n", aliases=True)
    assert data == {"a": ["x", {"y": 1}], "b": ["x", {"y": 1}]}
    assert data["b"] is not data["a"] and data.lines == {"a": 1, "b": 2}
    with pytest.raises(YamlError, match="once aliases are expanded"):
        load(_bomb_yaml(), aliases=True)
    with pytest.raises(YamlError, match="recursive YAML alias"):
        load("a: &a [1, *a]", aliases=True)
    with pytest.raises(YamlError, match="nested too deeply"):   # depth counts the alias' own
        load("a: &a " + "[" * 30 + "]" * 30 + "\nb: " + "[" * 30 + "*a" + "]" * 30, aliases=True)


def test_numbers_beyond_reason_are_refused_not_raised():
    from editor.yamlsafe import YamlError, load

    assert load("n: 1e9999\nm: 1.0e+9999\n") == {"n": "1e9999", "m": float("inf")}
    for text in ("n: " + "9" * 5000, "n: 0x" + "f" * 5000, "n: " + ":".join(["59"] * 3000),
                 "n: !!int " + "1" * 5000):
        with pytest.raises(YamlError, match="number too large"):
            load(text)


def test_only_plain_values_are_built():
    from editor.yamlsafe import YamlError, load

    for text, msg in (("a: !!python/object/apply:os.system [id]", "unsupported YAML tag"),
                      ("a: !!set {x, y}", "unsupported YAML tag"),
                      ("a: !!binary aGVsbG8=", "unsupported YAML tag"),
                      ("<<: {a: 1}", "merge keys"),
                      ("? [a]\n: b", "a key must be a plain value"),
                      ("a: 1\na: 2", "duplicate key"),
                      ("a: 1\n---\nb: 2", "single YAML document"),
                      ("a: !!timestamp nope", "invalid value")):
        with pytest.raises(YamlError, match=msg):
            load(text)


def test_the_bundled_rule_packs_load_unchanged():
    """Same values and lines as before (anchors shared between rules still work)."""
    from editor.compliance.rules import load_rules

    rs = load_rules(use_cache=False)
    assert not rs.errors, rs.errors
    assert any(r.id == "dignity.sexualised-patient-shown" for r in rs.rules)


# -- front matter -------------------------------------------------------------------------------

@pytest.mark.parametrize("name,text,expected", [
    ("bomb", BOMB, "YAML aliases are not allowed"),
    ("deep", DEEP, "nested too deeply"),
    ("deep-mapping", DEEP_MAP, "nested too deeply"),
    ("big-int", BIG_INT, "number too large"),
    ("big-hex", BIG_HEX, "number too large"),
    ("big-base60", BIG_BASE60, "number too large"),
    ("python-tag", PYTHON_TAG, "unsupported YAML tag"),
])
def test_hostile_front_matter_is_a_problem_of_the_post(name, text, expected):
    got = bounded_front_matter(text)
    assert expected in got["error"] and got["error"].startswith("front matter, line 2")
    assert got["error_fr"].startswith("en-tête, ligne")
    assert got["title"] is None and got["data"] == {}


def test_huge_float_and_e_notation_do_not_raise():
    got = bounded_front_matter(HUGE_NUMBERS)
    assert got["error"] is None and got["title"] == "Nombres"


def test_front_matter_values_of_the_wrong_kind_are_reported_never_printed():
    got = bounded_front_matter(WRONG_TYPES)
    assert got["title"] is None and set(got["data"]) <= {"status"}    # an unread key, kept
    for key in ("title", "networks"):     # « status » is not read: the review state is
        assert f"'{key}' must be" in got["error"]
    assert "«\u00a0title\u00a0» doit être un texte" in got["error_fr"]
    from editor.document.post import parse_front_matter

    fm = parse_front_matter(front("title: 12\nnetworks: [instagram, 3]\nstatus: prêt\n"))
    assert (fm.title, fm.data["networks"], fm.data["status"], fm.error) == \
        ("12", ["instagram", "3"], "prêt", None)


def test_front_matter_size_is_capped():
    from editor.document.post import FRONT_MATTER_MAX_BYTES, parse_front_matter

    fm = parse_front_matter(front("title: " + "x" * (FRONT_MATTER_MAX_BYTES + 10) + "\n"))
    assert "too large" in fm.error and fm.title is None


def test_check_command_reads_hostile_posts(tmp_path):
    """``tact check`` on each hostile post: no traceback, the body is still checked."""
    for i, text in enumerate((BOMB, DEEP, BIG_INT, BIG_HEX, HUGE_NUMBERS, WRONG_TYPES)):
        (tmp_path / f"p{i}.md").write_text(text, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "editor", "check", "--format", "json",
                        "--no-spelling", str(tmp_path)],
                       capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=limit_memory,
                       cwd=ROOT)
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr, r.stderr[-2000:]
    report = json.loads(r.stdout)
    assert len(report["files"]) == 6 and not report["errors"]


# -- the workspace and the window -----------------------------------------------------------------

HOSTILE_WORKSPACE = {
    "a-bombe.md": BOMB,           # sorts first: the window opens it at start
    "b-profond.md": DEEP,
    "c-grand-entier.md": BIG_INT,
    "d-types.md": WRONG_TYPES,
    "e-titres.md": HEADINGS,
    "f-bien.md": OK,
}


def _workspace(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in HOSTILE_WORKSPACE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_post_info_is_bounded_and_never_raises(tmp_path):
    ws = _workspace(tmp_path / "ws")
    r = run_python("""
        import json, sys
        from pathlib import Path
        from editor.ui.workspace import scan_workspace
        infos = scan_workspace(Path(sys.argv[1]))
        print(json.dumps({i.path.name: [i.title, i.state, i.error] for i in infos}))
    """, ws, env={"QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout)
    assert "alias YAML non autorisé" in got["a-bombe.md"][2]
    assert "trop imbriqué" in got["b-profond.md"][2]
    assert "nombre trop long" in got["c-grand-entier.md"][2]
    assert "title" in got["d-types.md"][2] and got["d-types.md"][0] == "Corps"
    title = got["e-titres.md"][0]   # the heading, as before, cut for the list
    assert title.startswith("# # ") and len(title) <= 200 and got["e-titres.md"][2] is None
    assert got["f-bien.md"] == ["Bien", DRAFT, None]     # the review state, not « status: »


def test_the_editor_starts_on_a_hostile_workspace(tmp_path):
    """The real program (``tact open``), last workspace holding the hostile posts: it starts,
    shows its window and quits by itself; nothing is raised."""
    ws = _workspace(tmp_path / "ws")
    env = {f"TACT_{k}_DIR": str(tmp_path / k.lower()) for k in ("DATA", "CACHE", "CONFIG", "STATE")}
    env.update(QT_QPA_PLATFORM="offscreen", TACT_QUIT_AFTER_SHOW_MS="3000")
    e = dict(os.environ)
    e.update(env)
    r = subprocess.run([sys.executable, "-m", "editor", "open", str(ws)], capture_output=True,
                       text=True, timeout=TIMEOUT, env=e, preexec_fn=limit_memory, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    assert not re.search(r"Traceback|MemoryError|RecursionError", r.stderr), r.stderr[-2000:]


def test_workspace_list_through_the_gui(tmp_path):
    """The pytest-qt test below, run in a bounded child (it would exhaust memory before the fix)."""
    r = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                        f"{__file__}::test_gui_inner_hostile_workspace", "-x"],
                       capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=limit_memory,
                       cwd=ROOT, env=dict(os.environ, TACT_YAML_GUI_INNER=str(tmp_path),
                                          QT_QPA_PLATFORM="offscreen"))
    assert r.returncode == 0 and "1 passed" in r.stdout, (r.stdout + r.stderr)[-3000:]


@pytest.mark.skipif(not os.environ.get("TACT_YAML_GUI_INNER"),
                    reason="run by test_workspace_list_through_the_gui in a bounded child")
def test_gui_inner_hostile_workspace(qtbot):
    from editor.compliance.engine import Engine
    from editor.compliance.rules import load_rules
    from editor.ui.main_window import MainWindow

    base = Path(os.environ["TACT_YAML_GUI_INNER"])
    ws = _workspace(base / "ws")
    engine = Engine(load_rules(dirs=[ROOT / "tests" / "ui" / "rules_pack"], use_cache=False))
    w = MainWindow(engine=engine, synchronous=False, spelling=False)
    qtbot.addWidget(w)
    w.show()
    assert w.open_workspace(ws)
    panel = w.workspace_panel
    assert len(panel.infos) == len(HOSTILE_WORKSPACE)      # listed at once, by file name
    assert w.session.path.name == "a-bombe.md"              # the bomb opened in the editor

    def scanned():
        return all(i.counts or i.error for i in panel.infos.values())

    qtbot.waitUntil(scanned, timeout=60_000)
    by_name = {Path(k).name: i for k, i in panel.infos.items()}
    assert "alias YAML non autorisé" in by_name["a-bombe.md"].error
    assert "trop imbriqué" in by_name["b-profond.md"].error
    assert "nombre trop long" in by_name["c-grand-entier.md"].error
    ok = by_name["f-bien.md"]
    assert (ok.title, ok.state, ok.error) == ("Bien", DRAFT, None) and ok.counts
    tree = panel.tree
    rows = {tree.topLevelItem(i).data(0, 0x0100 + 2): tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())}
    assert len(rows) == len(HOSTILE_WORKSPACE)
    bomb_row = rows[str(ws.resolve() / "a-bombe.md")]
    assert "alias YAML non autorisé" in bomb_row.toolTip(0)
    # The bomb post is open and editable; the window answers.
    assert "&a" in w.editor.toPlainText()
    w.editor.document().setModified(False)


# -- rule files, settings, profile, network profiles ------------------------------------------

GOOD_RULES = """\
category: pricing
reference: "CSP art. R.4127-19"
rules:
  - id: pricing.test-offer
    severity: error
    message: "Offre interdite."
    patterns: [offre spéciale~]
    examples:
      flag: ["Une [offre spéciale] ce mois-ci."]
      ok: ["Aucune offre."]
"""


def test_hostile_rule_files_are_reported_and_other_packs_still_load(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "r.yaml").write_text(GOOD_RULES, encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "bomb.yaml").write_text(_bomb_yaml(title_alias=False) + "rules: *i\n",
                                   encoding="utf-8")
    (bad / "deep.yaml").write_text("rules: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    (bad / "big.yaml").write_text("category: pricing\nn: " + "9" * 5000 + "\n", encoding="utf-8")
    (bad / "context.yaml").write_text("negators: [pas]\nwindow: [1]\n", encoding="utf-8")
    os.mkfifo(bad / "pipe.yaml")
    r = run_python("""
        import json, sys
        from pathlib import Path
        from editor.compliance.rules import load_rules
        rs = load_rules(dirs=[Path(sys.argv[1]), Path(sys.argv[2])], use_cache=False)
        print(json.dumps({"rules": [r.id for r in rs.rules],
                          "errors": [[Path(e.path).name, e.line, e.message] for e in rs.errors]}))
    """, good, bad)
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout)
    assert "pricing.test-offer" in got["rules"]
    errors = {name: (line, msg) for name, line, msg in got["errors"]}
    assert errors["bomb.yaml"][0] == 6 and "once aliases are expanded" in errors["bomb.yaml"][1]
    assert errors["deep.yaml"][0] == 1 and "nested too deeply" in errors["deep.yaml"][1]
    assert errors["big.yaml"][0] == 2 and "number too large" in errors["big.yaml"][1]
    assert errors["context.yaml"][0] == 2 and "window" in errors["context.yaml"][1]
    assert "not a regular file" in errors["pipe.yaml"][1]


def test_hostile_settings_are_reported_and_the_engine_still_starts(tmp_path):
    s = tmp_path / "settings.yaml"
    s.write_text("rules:\n  a: &a [1, 2]\n  b: *a\n", encoding="utf-8")
    from editor.compliance.rules import RuleError, Settings

    s.write_text("rules: [pricing.discount]\n", encoding="utf-8")
    with pytest.raises(RuleError, match="'rules' must be a mapping"):
        Settings.load(s)
    s.write_text(_bomb_yaml(title_alias=False) + "rules: *i\n", encoding="utf-8")
    r = run_python("""
        import sys
        from pathlib import Path
        from editor.compliance.service import make_engine
        engine, errors = make_engine(settings_file=Path(sys.argv[1]), spelling=False)
        print([e.where() for e in errors], len(engine.check("Une offre.").findings) >= 0)
    """, s)
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"{s}:6" in r.stdout and "True" in r.stdout


def test_hostile_reviewer_profile_is_refused(tmp_path):
    from editor.review.profile import load_profile

    p = tmp_path / "reviewer.yaml"
    p.write_text("name: &n Julie\nrole: *n\n", encoding="utf-8")
    profile, error = load_profile(p)
    assert profile is None and "alias YAML non autorisé" in error
    p.write_text("name: [" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    profile, error = load_profile(p)
    assert profile is None and "trop imbriqué" in error
    p.write_text("name: [Julie]\n", encoding="utf-8")
    profile, error = load_profile(p)
    assert profile is None and "name" in error
    p.write_text("name: Julie\nrole: 12\nmode: solo\n", encoding="utf-8")
    profile, error = load_profile(p)
    assert error is None and (profile.name, profile.role, profile.mode) == ("Julie", "12", "solo")


def test_hostile_network_profile_is_refused(tmp_path):
    from editor.export.networks import NetworkError, load_networks, parse_profile

    with pytest.raises(NetworkError, match="YAML aliases are not allowed"):
        parse_profile("x", "label: &l X\ntext_limit: 280\ncounting: weighted\nbullet: *l\n")
    with pytest.raises(NetworkError, match="unknown key"):
        parse_profile("x", "1: a\nb: 2\ntext_limit: 280\ncounting: weighted\n")
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(NetworkError, match="not a regular file"):
        load_networks(tmp_path)
