"""Vocabulary of the review: workflow states, permitted transitions, reasons for accepting a
finding.

Identifiers (stored in the review journal) are ASCII; ``*_LABELS`` give the French text shown to
the user. Nothing here touches the disk.
"""
from __future__ import annotations

# Workflow states, in order, with their French labels.
DRAFT, REVIEW, CHANGES, APPROVED, EXPORTED = "draft", "review", "changes", "approved", "exported"
STATES = (DRAFT, REVIEW, CHANGES, APPROVED, EXPORTED)
STATE_LABELS = {
    DRAFT: "brouillon",
    REVIEW: "à relire",
    CHANGES: "modifications demandées",
    APPROVED: "approuvé",
    EXPORTED: "exporté",
}

# Actions a person takes on the workflow: action -> (permitted source states, target state).
# « approve » may record a first signature without changing the state (two-person mode), see
# ``session.ReviewSession.approve``. The automatic move back to « à relire » after an edit of an
# approved or exported text is the ``"edited"`` action; nobody invokes it by hand.
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "submit": ((DRAFT, CHANGES), REVIEW),
    "request-changes": ((REVIEW,), CHANGES),
    "approve": ((REVIEW,), APPROVED),
    "export": ((APPROVED,), EXPORTED),
    "withdraw": ((REVIEW, CHANGES, APPROVED), DRAFT),
    "edited": ((APPROVED, EXPORTED), REVIEW),
}
ACTION_LABELS = {
    "submit": "soumis pour relecture",
    "request-changes": "modifications demandées",
    "approve": "approuvé",
    "export": "exporté",
    "withdraw": "remis en brouillon",
    "edited": "modifié après approbation",
    "sign": "approbation signée (en attente d'une seconde approbation)",
    "saved": "modifié et enregistré pendant la relecture",
}

# What an approval means, recorded with every signature (an electronic sign-off states its meaning):
# the author's (who submitted or wrote a version of the post), or a reviewer's.
APPROVAL_MEANING = "j'approuve ce texte en tant qu'auteur"
REVIEW_MEANING = "j'ai relu ce texte et j'en approuve la publication"

# Reasons for accepting a finding without changing the text. A free-text explanation is mandatory.
FALSE_POSITIVE = "faux-positif"
REASON_KINDS = ("faux-positif", "information-sourcee", "mention-ailleurs", "autre")
REASON_LABELS = {
    "faux-positif": "faux positif",
    "information-sourcee": "information scientifique sourcée",
    "mention-ailleurs": "mention présente ailleurs",
    "autre": "autre",
}

# Review modes. Two-person mode: a version is approved only once someone other than the approver
# has seen that very text; whoever accepted a finding cannot be the only approver; open comments
# block the approval unless overridden with a reason (see editor.review.session).
SOLO, PAIR = "solo", "pair"
MODES = (SOLO, PAIR)
MODE_LABELS = {SOLO: "une personne", PAIR: "deux personnes"}


def typo(text: str) -> str:
    """French typography for messages: non-breaking space before : ; ! ? and inside « »."""
    for a, b in ((" :", "\u00a0:"), (" ;", "\u00a0;"), (" !", "\u00a0!"), (" ?", "\u00a0?"),
                 ("« ", "«\u00a0"), (" »", "\u00a0»")):
        text = text.replace(a, b)
    return text


def allowed_actions(state: str) -> list[str]:
    """Actions a person may take from ``state`` (the automatic ``edited`` excluded)."""
    return [a for a, (src, _) in TRANSITIONS.items() if state in src and a != "edited"]


class ReviewError(Exception):
    """The review file cannot be used (corrupt, locked, unwritable); the message is in French."""


class Refused(Exception):
    """The action is not permitted now; ``args[0]`` explains why in French, ``details`` lists items,
    ``kind`` names the reason for callers (``open-errors``, ``unseen-version``, ``open-comments``…).
    """

    def __init__(self, message: str, details: list[str] | None = None, kind: str = "") -> None:
        super().__init__(message)
        self.details = details or []
        self.kind = kind
