"""« Expliquer » on a finding of the statistical second opinion (no rule behind it)."""


def test_explain_a_model_finding_shows_why(window, monkeypatch):
    from editor.compliance.findings import Finding
    from editor.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs.RuleDialog, "exec", lambda self: shown.append(self) or 0)
    f = Finding("model.sponsored", "sponsored", "warning",
                "Formulation proche de publications signalées", "CSP art. R.4127-19", 0, 10,
                key="x")
    f.extra["explanation"] = ("Aucune règle ne relève cette phrase, mais le modèle statistique "
                              "la rapproche de l’exemple signalé «\u00a0Code promo\u00a0»\u202f: "
                              "à relire.")
    window.explain(f)
    text = shown[0].view.toPlainText()
    assert "Formulation proche de publications signalées" in text
    assert "Code promo" in text and "CSP art. R.4127-19" in text
