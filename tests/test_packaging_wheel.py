"""An installed wheel (not only an editable checkout) finds its rules and resources."""
import subprocess
import sys
import zipfile

from project_paths import ROOT


def test_wheel_carries_rules_and_resources_and_checks(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path / "dist"), str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    [wheel] = (tmp_path / "dist").glob("tact-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "editor/_data/rules/fr-csp/pack.yaml" in names
    assert "editor/_data/resources/lexicon/medical-fr.txt" in names
    assert any(n.startswith("editor/_data/resources/samples/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    post = tmp_path / "p.md"
    post.write_text("Black Friday : -25 % sur le lifting !\n", encoding="utf-8")
    code = ("import sys; sys.path.insert(0, %r); import editor, editor.paths as p; "
            "assert str(p.rules_dir()).startswith(%r), p.rules_dir(); "
            "from editor.cli import main; sys.exit(main(['check', %r]))"
            % (str(site), str(site), str(post)))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert "pricing.discount" in run.stdout
