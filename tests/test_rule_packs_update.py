"""Rule packs updated without a new build: packs in the user's data folder are loaded, an update
of a built-in pack replaces it, and `tact rules packs` shows which version of each pack is in
use."""
import json
import shutil
import textwrap

from editor.paths import rules_dir

CLINIC_RULE = """\
category: superlative
reference: "Règle de la clinique"
rules:
  - id: clinic.licorne
    severity: error
    message: "Mot interdit par la clinique."
    patterns: [licorne]
    examples:
      flag: ["Une [licorne] ici."]
      ok: ["Un cheval ici."]
"""


def _user_rules(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("TACT_DATA_DIR", str(data))
    monkeypatch.setenv("TACT_CACHE_DIR", str(tmp_path / "cache"))
    (data / "rules").mkdir(parents=True)
    return data / "rules"


def _post(tmp_path):
    p = tmp_path / "posts" / "a.md"
    p.parent.mkdir()
    p.write_text("---\ntitle: Test\n---\nUne licorne dans le cabinet.\n", encoding="utf-8")
    return p


def test_a_pack_copied_into_the_data_folder_is_listed_and_applies(tact, tmp_path, monkeypatch):
    user = _user_rules(tmp_path, monkeypatch)
    clinic = user / "clinique"
    clinic.mkdir()
    (clinic / "pack.yaml").write_text('name: clinique\nversion: "3.1"\n', encoding="utf-8")
    (clinic / "local.yaml").write_text(textwrap.dedent(CLINIC_RULE), encoding="utf-8")
    env = {"TACT_DATA_DIR": str(user.parent), "TACT_CACHE_DIR": str(tmp_path / "cache")}

    r = tact("rules", "packs", env=env)
    assert r.returncode == 0, r.stderr
    lines = {line.split()[0]: line.split() for line in r.stdout.splitlines()}
    assert lines["fr-csp"][2] == "intégré"
    assert lines["clinique"][1:3] == ["3.1", "utilisateur"]
    assert lines["clinique"][-1] == str(clinic)

    r = tact("check", "--format", "json", "--no-spelling", _post(tmp_path), env=env)
    report = json.loads(r.stdout)
    assert "clinique@3.1" in report["rules_version"]
    found = [f for f in report["files"][0]["findings"] if f["rule"] == "clinic.licorne"]
    assert found and found[0]["text"] == "licorne" and r.returncode == 1


def _copy_builtin(user, version):
    target = user / "fr-csp"
    shutil.copytree(rules_dir() / "fr-csp", target)
    text = (target / "pack.yaml").read_text(encoding="utf-8")
    lines = [f'version: "{version}"' if ln.startswith("version:") else ln
             for ln in text.splitlines()]
    (target / "pack.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_an_update_of_the_builtin_pack_replaces_it(tmp_path, monkeypatch):
    from editor.compliance.rules import load_rules, pack_dirs

    user = _user_rules(tmp_path, monkeypatch)
    update = _copy_builtin(user, "2999.1.0")
    assert update in pack_dirs() and rules_dir() / "fr-csp" not in pack_dirs()
    ruleset = load_rules(use_cache=False)
    assert not ruleset.errors, ruleset.errors[:3]       # no "rule id already defined"
    assert ruleset.version == "fr-csp@2999.1.0"


def test_an_older_update_does_not_shadow_a_newer_build(tmp_path, monkeypatch):
    from editor.compliance.rules import pack_dirs

    user = _user_rules(tmp_path, monkeypatch)
    _copy_builtin(user, "2001.1.0")
    assert rules_dir() / "fr-csp" in pack_dirs()
    assert user / "fr-csp" not in pack_dirs()
