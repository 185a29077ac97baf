"""The first run's welcome page: where the posts will live.

Shown in the middle of the window while no workspace was ever opened (the editor's state file,
:mod:`editor.uistate`, remembers the last one). Three ways in: create a workspace in
« Documents/Tact », open a folder that already holds posts, or try the sample posts (a copy kept
apart, in which no new post is ever written).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.ui.richtext import plain_tooltip

MAX_WIDTH = 620         # a column that reads well, centred on wide screens


class WelcomePage(QWidget):
    createRequested = Signal()          # « Créer mon espace de travail »
    openRequested = Signal()            # « Ouvrir un dossier… »
    samplesRequested = Signal()         # « Essayer avec les exemples »

    def __init__(self, workspace: Path, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.heading = QLabel(self.tr("Bienvenue dans Tact"))
        self.heading.setObjectName("welcomeHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel(self.tr(
            "Tact relit vos publications avant qu’elles partent sur les réseaux\u00a0: il "
            "signale ce que le code de déontologie médicale ne permet pas et garde la trace de "
            "la relecture. Choisissez d’abord où ranger vos publications."))
        self.intro.setObjectName("welcomeIntro")
        self.intro.setWordWrap(True)
        self.create_b = QCommandLinkButton(
            self.tr("Créer mon espace de travail"),
            self.tr("Un dossier «\u00a0{name}\u00a0» dans vos documents, pour vos "
                    "publications et leur relecture.").format(name=workspace.name))
        self.create_b.setObjectName("welcomeCreate")
        self.create_b.setToolTip(plain_tooltip(workspace))
        self.open_b = QCommandLinkButton(
            self.tr("Ouvrir un dossier…"),
            self.tr("Un dossier qui contient déjà vos publications (fichiers .md)."))
        self.open_b.setObjectName("welcomeOpen")
        self.samples_b = QCommandLinkButton(
            self.tr("Essayer avec les exemples"),
            self.tr("Quelques publications d’exemple, pour voir ce que Tact signale. Elles "
                    "restent à part\u00a0: vos nouvelles publications n’y sont jamais "
                    "enregistrées."))
        self.samples_b.setObjectName("welcomeSamples")
        self.create_b.clicked.connect(self.createRequested.emit)
        self.open_b.clicked.connect(self.openRequested.emit)
        self.samples_b.clicked.connect(self.samplesRequested.emit)
        self.workspace = workspace

        column = QWidget()
        column.setMaximumWidth(MAX_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(10)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addSpacing(8)
        for b in (self.create_b, self.open_b, self.samples_b):
            inner.addWidget(b)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)     # as wide as it may be (MAX_WIDTH), centred
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 24, 24, 24)
        lay.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)

    def focus_first(self) -> None:
        self.create_b.setFocus()
