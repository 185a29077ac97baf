"""The window's actions, menus and tool bar (French labels, standard shortcuts), kept out of the
window."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

SK = QKeySequence.StandardKey


def _file_and_edit_actions(w) -> list[tuple]:
    """(name, label, shortcut(s), slot) of the File and Edit menus' actions."""
    e = w.editor
    return [
        ("new", QCoreApplication.translate("actions", "&Nouvelle publication…"), SK.New,
         w.new_post),
        ("open", QCoreApplication.translate("actions", "&Ouvrir une publication…"), SK.Open,
         w.open_file_dialog),
        ("open_workspace", QCoreApplication.translate("actions", "Ouvrir un &espace de travail…"),
         "Ctrl+Shift+O", w.open_folder_dialog),
        ("save", QCoreApplication.translate("actions", "&Enregistrer"), SK.Save, w.save),
        ("save_as", QCoreApplication.translate("actions", "Enregistrer &sous…"), SK.SaveAs,
         w.save_as),
        ("rename", QCoreApplication.translate("actions", "&Renommer…"), "F2", w.rename),
        ("export", QCoreApplication.translate("actions", "E&xporter…"), "Ctrl+E", w.export_post),
        ("copy_network", QCoreApplication.translate("actions", "Copier pour le &réseau affiché"),
         "Ctrl+Shift+C", w.copy_for_network),
        ("quit", QCoreApplication.translate("actions", "&Quitter"), SK.Quit, w.close),
        ("undo", QCoreApplication.translate("actions", "&Annuler"), SK.Undo, e.undo),
        ("redo", QCoreApplication.translate("actions", "&Rétablir"), SK.Redo, e.redo),
        ("cut", QCoreApplication.translate("actions", "Co&uper"), SK.Cut, e.cut),
        ("copy", QCoreApplication.translate("actions", "&Copier"), SK.Copy, e.copy),
        ("paste", QCoreApplication.translate("actions", "C&oller"), SK.Paste, e.paste),
        ("select_all", QCoreApplication.translate("actions", "Tout &sélectionner"), SK.SelectAll,
         e.selectAll),
        ("find", QCoreApplication.translate("actions", "&Rechercher…"), SK.Find,
         lambda: w.find_bar.open_bar(False)),
        ("replace", QCoreApplication.translate("actions", "Rem&placer…"), SK.Replace,
         lambda: w.find_bar.open_bar(True)),
        ("find_next", QCoreApplication.translate("actions", "Occurrence &suivante"), SK.FindNext,
         lambda: w.find_bar.find_next()),
        ("find_previous", QCoreApplication.translate("actions", "Occurrence &précédente"),
         SK.FindPrevious, lambda: w.find_bar.find_previous()),
    ]


def _view_and_review_actions(w) -> list[tuple]:
    """(name, label, shortcut(s), slot) of the View, Review and Help menus' actions."""
    return [
        ("check_now", QCoreApplication.translate("actions", "&Vérifier maintenant"), "F7",
         w.check_now),
        ("zoom_in", QCoreApplication.translate("actions", "Zoom &avant"), SK.ZoomIn,
         lambda: w.zoom(1)),
        ("zoom_out", QCoreApplication.translate("actions", "Zoom a&rrière"), SK.ZoomOut,
         lambda: w.zoom(-1)),
        ("zoom_reset", QCoreApplication.translate("actions", "Taille &normale"), "Ctrl+0",
         lambda: w.zoom(0)),
        # F8 walks through the findings (next problem), as in other editors: the preview moves
        ("toggle_preview", QCoreApplication.translate("actions", "&Aperçu"), "Ctrl+Shift+P",
         w.toggle_preview),
        ("show_image_outlines", QCoreApplication.translate(
            "actions", "Montrer ce que Tact a vu dans les &images"), "Ctrl+Shift+I",
         lambda: w.show_image_outlines(w.actions["show_image_outlines"].isChecked())),
        # The review, from the keyboard (Ctrl+Alt: free on AZERTY, whose AltGr+A/R/S/P type nothing)
        ("next_finding", QCoreApplication.translate("actions", "Signalement &suivant"), "F8",
         lambda: w.step_finding(True)),
        ("previous_finding", QCoreApplication.translate("actions", "Signalement &précédent"),
         "Shift+F8", lambda: w.step_finding(False)),
        ("accept_finding", QCoreApplication.translate("actions", "&Accepter le signalement…"),
         "Ctrl+Alt+A", w.accept_current),
        ("send_back_finding", QCoreApplication.translate("actions", "&Renvoyer à l’auteur…"),
         "Ctrl+Alt+R", w.send_back_current),
        ("submit", QCoreApplication.translate("actions", "&Soumettre à relecture"), "Ctrl+Alt+S",
         lambda: w.review_panel.submit()),
        ("approve", QCoreApplication.translate("actions", "A&pprouver"), "Ctrl+Alt+P",
         lambda: w.review_panel.approve()),
        ("network_preview", QCoreApplication.translate("actions", "Aperçu par &réseau"),
         "Ctrl+Shift+R", w.toggle_network_preview),
        ("profile", QCoreApplication.translate("actions", "Changer de &profil…"), None,
         w.edit_profile),
        ("open_log", QCoreApplication.translate("actions", "Ouvrir le &journal des événements"),
         None, w.open_log),
        ("about", QCoreApplication.translate("actions", "À &propos de Tact"), None, w.about),
    ]


def build_actions(w) -> dict[str, QAction]:
    """Actions bound to the window's slots; ``w`` is the MainWindow."""
    e = w.editor
    spec = _file_and_edit_actions(w) + _view_and_review_actions(w)
    actions: dict[str, QAction] = {}
    for name, label, shortcut, slot in spec:
        a = QAction(label, w)
        a.setObjectName(f"action_{name}")
        if isinstance(shortcut, SK):
            a.setShortcuts(shortcut)
        elif shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _=False, s=slot: s())
        actions[name] = a
    actions["toggle_preview"].setCheckable(True)
    actions["toggle_preview"].setChecked(True)
    actions["show_image_outlines"].setCheckable(True)
    actions["show_image_outlines"].setToolTip(QCoreApplication.translate(
        "actions", "Entoure dans l’aperçu les panneaux d’un montage, les visages et le texte que "
                   "l’analyse des images a repérés."))
    actions["network_preview"].setCheckable(True)
    actions["undo"].setEnabled(False)
    actions["redo"].setEnabled(False)
    e.undoAvailable.connect(actions["undo"].setEnabled)
    e.redoAvailable.connect(actions["redo"].setEnabled)
    return actions


def build_menus(w, a: dict[str, QAction]) -> None:
    mb = w.menuBar()
    file_menu = mb.addMenu(QCoreApplication.translate("actions", "&Fichier"))
    for n in ("new", "open", "open_workspace"):
        file_menu.addAction(a[n])
    w.recent_menu = file_menu.addMenu(QCoreApplication.translate("actions", "Espaces &récents"))
    w.recent_menu.setObjectName("recentMenu")
    file_menu.addSeparator()
    for n in ("save", "save_as", "rename"):
        file_menu.addAction(a[n])
    file_menu.addSeparator()
    for n in ("export", "copy_network"):
        file_menu.addAction(a[n])
    w.copy_menu = file_menu.addMenu(QCoreApplication.translate("actions", "Copier &pour…"))
    w.copy_menu.setObjectName("copyMenu")
    w.copy_menu.aboutToShow.connect(lambda: w.network_panel.fill_copy_menu(w.copy_menu))
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    edit = mb.addMenu(QCoreApplication.translate("actions", "&Édition"))
    for n in ("undo", "redo", None, "cut", "copy", "paste", "select_all", None, "find", "replace",
              "find_next", "find_previous", None, "check_now"):
        edit.addSeparator() if n is None else edit.addAction(a[n])
    view = mb.addMenu(QCoreApplication.translate("actions", "&Affichage"))
    for n in ("zoom_in", "zoom_out", "zoom_reset", None, "toggle_preview", "show_image_outlines"):
        view.addSeparator() if n is None else view.addAction(a[n])
    view.addAction(w.workspace_dock.toggleViewAction())
    view.addAction(w.findings_dock.toggleViewAction())
    view.addAction(w.review_dock.toggleViewAction())
    view.addAction(a["network_preview"])
    review = mb.addMenu(QCoreApplication.translate("actions", "&Relecture"))
    review.setObjectName("reviewMenu")
    w.review_menu = review
    for n in ("next_finding", "previous_finding", None, "accept_finding", "send_back_finding",
              None, "submit", "approve", None, "profile"):
        review.addSeparator() if n is None else review.addAction(a[n])
    help_menu = mb.addMenu(QCoreApplication.translate("actions", "&Aide"))
    w.help_menu = help_menu
    help_menu.addAction(a["open_log"])
    help_menu.addSeparator()
    help_menu.addAction(a["about"])


# The tool bar: what the surgeon and the assistant do every day, with short labels.
TOOLBAR = (
    ("submit", QT_TRANSLATE_NOOP("actions", "Soumettre"),
     QT_TRANSLATE_NOOP("actions", "Soumettre la publication à la relecture")),
    ("approve", QT_TRANSLATE_NOOP("actions", "Approuver"),
     QT_TRANSLATE_NOOP("actions", "Approuver la publication relue")),
    ("network_preview", QT_TRANSLATE_NOOP("actions", "Aperçu par réseau"),
     QT_TRANSLATE_NOOP("actions",
                       "Voir la publication telle qu’elle paraîtra sur chaque réseau")),
    ("export", QT_TRANSLATE_NOOP("actions", "Exporter"),
     QT_TRANSLATE_NOOP("actions", "Exporter la publication pour ses réseaux")),
)


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def build_toolbar(w, a: dict[str, QAction], profile_button: QWidget) -> QToolBar:
    """Soumettre · Approuver · Aperçu par réseau · Exporter, then who is acting (always shown:
    the bar can be neither hidden nor moved)."""
    bar = QToolBar(QCoreApplication.translate("actions", "Publication"), w)
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for i, (name, label, tip) in enumerate(TOOLBAR):
        action = a[name]
        action.setIconText(QCoreApplication.translate("actions", label))
        keys = shortcut_text(action)
        action.setToolTip(f"{QCoreApplication.translate('actions', tip)} ({keys})" if keys
                          else QCoreApplication.translate("actions", tip))
        if i:
            bar.addSeparator()
        bar.addAction(action)
        bar.widgetForAction(action).setObjectName(f"toolbar_{name}")
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addWidget(profile_button)
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
