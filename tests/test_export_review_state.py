"""The export and the review state: two-person mode exports only the approved text; otherwise an
unreviewed export says so in its report; the report names who reviewed and approved the version
exported, never someone who only saw an earlier one."""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import make_test_engine  # noqa: E402

from editor.export.exporter import export_posts  # noqa: E402
from editor.export.report import report_html  # noqa: E402
from editor.review.session import ReviewSession  # noqa: E402

V1 = "---\ntitle: Tabac\nstatus: approuvé\n---\n# Tabac et chirurgie\n\nArrêtez de fumer.\n"
V2 = V1 + "\nParlez-en à votre médecin.\n"


@pytest.fixture
def eng(tmp_path_factory):
    return make_test_engine(tmp_path_factory.mktemp("pack"))


@pytest.fixture
def post(tmp_path):
    p = tmp_path / "tabac.md"
    p.write_text(V1, encoding="utf-8")
    return p


def _profile(monkeypatch, tmp_path, mode):
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "reviewer.yaml").write_text(f"name: Inès Dubois\nrole: assistante\nmode: {mode}\n",
                                          encoding="utf-8")
    monkeypatch.setenv("TACT_CONFIG_DIR", str(config))


def _report(tmp_path):
    return json.loads((tmp_path / "export" / "tabac" / "rapport-conformite.json")
                      .read_text("utf-8"))


def test_two_person_mode_refuses_a_post_that_is_not_approved(post, eng, tmp_path, monkeypatch):
    _profile(monkeypatch, tmp_path, "pair")
    res = export_posts([str(post)], ["facebook"], tmp_path / "export", eng, pdf=False)
    assert res.exit_code == 1 and res.refused[0].finding is None
    assert "n’est pas approuvée (état «\u00a0brouillon\u00a0»)" in res.refused[0].french
    assert not (tmp_path / "export").exists()
    # The front matter's « status: approuvé » is not the status: only the review state counts.
    assert "status" not in json.dumps([p.french for p in res.refused])


def test_an_unreviewed_export_says_so_and_never_calls_the_text_approved(post, eng, tmp_path,
                                                                        monkeypatch):
    _profile(monkeypatch, tmp_path, "solo")
    res = export_posts([str(post)], ["facebook"], tmp_path / "export", eng, pdf=False)
    assert res.exit_code == 0, [p.message for p in res.refused + res.problems]
    report = _report(tmp_path)
    review = report["review"]
    assert review["approved"] is False and review["exported_without_review"] is True
    assert review["state"] == "brouillon" and review["approved_by"] is None
    assert review["note"].startswith("Exporté sans relecture")
    assert "status" not in report["post"]
    page = report_html(report)
    assert "exporté sans relecture" in page and "Texte exporté sans relecture" in page
    assert "approuvé" not in page.replace("n’a pas été approuvé", "")
    assert ReviewSession(post).effective_state(V1) == "draft"     # not marked « exporté »


def test_the_report_names_who_reviewed_and_approved_the_version_exported(post, eng, tmp_path,
                                                                         monkeypatch):
    _profile(monkeypatch, tmp_path, "pair")
    s = ReviewSession(post)
    assert s.submit(V1, "Dr Claire Martin", "chirurgienne").ok
    assert s.request_changes(V1, "Julie Moreau", "assistante", "Ajouter un conseil.").ok
    post.write_text(V2, encoding="utf-8")
    assert s.submit(V2, "Dr Claire Martin", "chirurgienne").ok
    refused = s.approve(V2, eng.check(V2).findings, "Dr Claire Martin", "chirurgienne")
    assert refused.reason == "unseen-version" and "Julie Moreau" in refused.message
    assert s.approve(V2, eng.check(V2).findings, "Inès Dubois", "assistante").ok
    res = export_posts([str(post)], ["facebook"], tmp_path / "export", eng, pdf=False)
    assert res.exit_code == 0, [p.message for p in res.refused + res.problems]
    review = _report(tmp_path)["review"]
    assert review["approved"] is True and review["exported_without_review"] is False
    assert review["reviewed_by"] == "Inès Dubois (assistante)"       # not Julie: she saw V1
    assert review["approved_by"] == "Inès Dubois (assistante)" and review["approved_at"]
    assert review["state"] == "approuvé" and review["note"] is None
    page = report_html(_report(tmp_path))
    assert "Texte approuvé" in page and "sans relecture" not in page
    assert ReviewSession(post).effective_state(V2) == "exported"
