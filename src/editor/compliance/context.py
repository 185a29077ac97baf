"""Context tests that separate a claim from the same words used to inform.

Each test looks at the tokens of one unit (a segment of the projection) around a match:

* negation: a negator before the match in the same clause (« aucune chirurgie n'est sans
  risque », « ce contenu n'est pas sponsorisé »), or ``ne``/``n'`` just after it (« une chirurgie
  « sans cicatrice » n'existe pas »). A trigger that is itself negative (« sans risque », « aucune
  complication ») needs a full negator, because « il n'y a aucun risque » is still a claim;
* question: the sentence, or the quotation holding the match, asks a question;
* quotation: the match stands inside « » or "".
"""
from __future__ import annotations

from array import array

from editor.text.tokens import Tokens

CLAUSE_BREAKS = {",", ";", ":", "(", ")", "\u2026", "!", "?", "."}


def negated(toks: Tokens, ts: int, te: int, negators: set, particles: set,
            negative_triggers: set, window: int, adjacent: frozenset | set = frozenset()) -> bool:
    norm, sentence, quote = toks.norm, toks.sentence, toks.quote
    sent = sentence[ts]
    negative_initial = norm[ts] in negative_triggers
    own = set(norm[ts:te])
    i = ts - 1
    steps = 0
    while i >= 0 and steps < window and sentence[i] == sent:
        n = norm[i]
        if n in CLAUSE_BREAKS:
            break
        if n in negators and not (negative_initial and n in own):
            return True
        if steps == 0 and n in adjacent and not negative_initial:
            return True   # « sans garantie de résultat », not « sans douleur à -20 % »
        if n in particles and not negative_initial:
            return True
        if n not in ("«", "»", '"'):
            steps += 1
        i -= 1
    # ne / n' right after the match: « ... » n'existe pas, aucune complication n'est anodine.
    j = te
    steps = 0
    while j < len(norm) and steps < 3 and sentence[j] == sent:
        n = norm[j]
        if n in particles:
            return True
        if n in CLAUSE_BREAKS and n not in ("«", "»", '"'):
            break
        if n not in ("«", "»", '"'):
            steps += 1
        j += 1
    return False


def _next_question(toks: Tokens) -> array:
    """For each token index, the index of the first ``?`` at or after it (``len`` if none).

    Built once per token list (a backward pass) and kept in ``toks.derived``, so each question
    test costs O(1) instead of a rescan of the rest of the sentence (40,000 « garanti » in one
    sentence took 47 s).
    """
    n = len(toks.norm)
    nxt = toks.derived.get("next_question")
    if nxt is None or len(nxt) != n + 1:
        nxt = array("i", bytes(4 * (n + 1)))
        norm = toks.norm
        j = n
        nxt[n] = n
        for i in range(n - 1, -1, -1):
            if norm[i] == "?":
                j = i
            nxt[i] = j
        toks.derived["next_question"] = nxt
    return nxt


def in_question(toks: Tokens, ts: int, te: int) -> bool:
    """The match's sentence (from the match on) or its quotation ends in a question mark."""
    # Sentence numbers never decrease along the tokens: the first ``?`` from ``te`` on asks the
    # question exactly when it is still in the match's sentence (« … » : vraiment ?).
    nxt = _next_question(toks)
    j = nxt[min(te, len(nxt) - 1)]
    return j < len(toks.norm) and toks.sentence[j] == toks.sentence[ts]


def quoted(toks: Tokens, ts: int) -> bool:
    return toks.quote[ts] != -1
