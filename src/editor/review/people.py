"""Who took part in one version of a post's text (its digest): wrote it, reviewed it, approved it.

Pure functions over a replayed :class:`~editor.review.state.ReviewState`. A version is identified
by the SHA-256 of the text (:func:`editor.review.dag.text_digest`); an entry names the version it
was written on in ``text_sha256``. Entries written before decisions and comments carried that
field name no version: they make nobody a reviewer of any version.

- **authors**: submitted that text, or saved it while it was under review (« enregistré »);
- **reviewers**: decided on a finding, commented, asked for changes, signed or approved while
  looking at that very text, and did not write it;
- **approvers**: signed the approval of that text in the current round.

The two-person rule (:mod:`editor.review.session`) and the export report use them: a version is
approved in two-person mode only once someone other than the approver has seen it, and the report
names who reviewed and who approved the version exported, never people who saw an older one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.review.state import ReviewState

AUTHOR_KINDS = ("submit", "saved")
REVIEW_KINDS = ("accept", "send-back", "comment", "request-changes", "sign", "approve")


def same_person(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _unique(people: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, role) pairs in first-seen order, one per person (names compared loosely)."""
    out: list[tuple[str, str]] = []
    for name, role in people:
        if name.strip() and not any(same_person(name, n) for n, _ in out):
            out.append((name, role))
    return out


def who(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name


@dataclass
class VersionPeople:
    sha256: str
    authors: list[tuple[str, str]] = field(default_factory=list)     # (name, role)
    reviewers: list[tuple[str, str]] = field(default_factory=list)
    approvers: list[tuple[str, str]] = field(default_factory=list)
    seen: list[tuple[str, str]] = field(default_factory=list)        # anyone who acted on it
    reviewed_at: str = ""      # the latest review action on this version
    approved_at: str = ""      # the latest signature on this version

    def others(self, name: str) -> list[tuple[str, str]]:
        """Everyone but ``name`` who acted on this version."""
        return [p for p in self.seen if not same_person(p[0], name)]

    def is_author(self, name: str) -> bool:
        return any(same_person(n, name) for n, _ in self.authors)


def version_people(st: ReviewState, sha256: str) -> VersionPeople:
    vp = VersionPeople(sha256)
    on = [s for s in st.seen if s.sha256 == sha256]
    vp.seen = _unique([(s.by, s.role) for s in on])
    vp.authors = _unique([(s.by, s.role) for s in on if s.kind in AUTHOR_KINDS])
    reviews = [s for s in on if s.kind in REVIEW_KINDS and not vp.is_author(s.by)]
    vp.reviewers = _unique([(s.by, s.role) for s in reviews])
    vp.reviewed_at = max((s.at for s in reviews), default="")
    sigs = [s for s in st.signatures if s.text_sha256 == sha256]
    vp.approvers = _unique([(s.by, s.role) for s in sigs])
    vp.approved_at = max((s.at for s in sigs), default="")
    return vp


def participants(st: ReviewState) -> list[tuple[str, str]]:
    """Everyone who ever acted in this review, in order of first appearance."""
    return _unique([(s.by, s.role) for s in st.seen]
                   + [(d.by, d.role) for d in st.decision_log]
                   + [(c.by, c.role) for c in st.comments.values()])


# -- French elision of « de » before a person's name --------------------------------------------
_VOWELS = set("aeiouyàâäéèêëîïôöùûüÿæœ")
_MASCULINE_TITLES = ("dr", "docteur", "pr", "professeur")     # « le Dr Martin » → « du Dr Martin »
_FEMININE_TITLES = ("dre", "docteure", "pre", "professeure")  # « la Dre Martin » → « de la Dre… »


def _elides(name: str) -> bool:
    """Does French elide « de » before ``name`` (a vowel, a mute h, « Y » before a consonant)?"""
    low = name.casefold()
    if not low or low[0] not in _VOWELS and low[0] != "h":
        return False
    if low[0] == "y":                  # « d’Yves », but « de Yann » (a y before a vowel)
        return len(low) > 1 and low[1] not in _VOWELS
    return True                        # names' h are taken as mute: « d’Hélène », « d’Hugo »


def de_name(name: str) -> str:
    """« de » and the person's ``name`` as French writes them: « d’Inès Dubois », « de Claire
    Martin », « du Dr Martin », « de la Dre Martin ». A title written with its article stays as
    is after « de » (« de la … »)."""
    name = " ".join(str(name).split())
    first = re.split(r"[\s.]", name, maxsplit=1)[0].casefold()
    if first in _MASCULINE_TITLES:
        return f"du {name}"
    if first in _FEMININE_TITLES:
        return f"de la {name}"
    return f"d’{name}" if _elides(name) else f"de {name}"


def que_name(name: str) -> str:
    """« que » and ``name``, elided the same way: « qu’Inès Dubois », « que Claire Martin »."""
    name = " ".join(str(name).split())
    return f"qu’{name}" if _elides(name) else f"que {name}"
