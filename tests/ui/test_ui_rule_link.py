"""A rule's « en savoir plus » page: shown in « Expliquer », opened in the browser (web only)."""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QUrl

from editor.compliance.findings import Finding


def _rule(link):
    return SimpleNamespace(message="Un résultat ne peut pas être promis.", explanation="",
                           reference="CSP art. R.4127-19-1", suggestion="", replacement=None,
                           link=link, flag_examples=[], ok_examples=[])


def _finding():
    return Finding("test.guaranteed", "misleading-claim", "error",
                   "Un résultat ne peut pas être promis.", "CSP art. R.4127-19-1", 0, 7)


def test_the_explanation_links_to_the_rules_page_and_opens_it_in_the_browser(qtbot, monkeypatch):
    from editor.ui import dialogs

    opened = []
    monkeypatch.setattr(dialogs.QDesktopServices, "openUrl", lambda url: opened.append(url))
    dlg = dialogs.RuleDialog(_finding(), _rule("https://www.conseil-national.medecin.fr/"))
    qtbot.addWidget(dlg)
    shown = dlg.view.toPlainText().replace("\u00a0", " ")     # Qt gives no-break spaces as spaces
    assert "Pour en savoir plus : https://www.conseil-national.medecin.fr/" in shown
    dlg.view.anchorClicked.emit(QUrl("https://www.conseil-national.medecin.fr/"))
    assert [u.toString() for u in opened] == ["https://www.conseil-national.medecin.fr/"]


def test_a_link_that_is_not_a_web_page_is_neither_shown_nor_opened(qtbot, monkeypatch):
    from editor.ui import dialogs

    opened = []
    monkeypatch.setattr(dialogs.QDesktopServices, "openUrl", lambda url: opened.append(url))
    dlg = dialogs.RuleDialog(_finding(), _rule("file:///etc/passwd"))
    qtbot.addWidget(dlg)
    assert "Pour en savoir plus" not in dlg.view.toPlainText()
    dlg.view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
