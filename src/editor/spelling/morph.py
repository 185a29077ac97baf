"""Regular French inflections that the word lists leave out.

pyspellchecker's French list comes from word frequencies: it lacks many regular plurals (it knows
``chirurgie`` and ``glycémie`` but not ``chirurgies``, ``glycémies``), and the lexicons list
singular professions. :func:`bases` gives the forms a word may regularly be inflected from; the
checker accepts the word when one of them is known. Only safe patterns: the plural ``-s`` after
endings of nouns and adjectives (``-e``, ``-é``, ``-ion``, ``-eur``, ``-ien``, ``-ant``...; never
after ``-s``, ``-x``, ``-z``, ``-ait``, ``-er``, ``-ou``, ``-ail``, whose plurals are irregular or
which are verb forms), ``-al`` -> ``-aux``, ``-eau`` -> ``-eaux``, and the feminine ``-ée`` of a
past participle. :func:`stems` does the same for productive prefixes (``re-``, ``ré-``, ``micro-``,
``post-``...) that the lists know only with some words.

:func:`verb_forms` reads a word as a simple form of a regular first-group verb: the list lacks
some forms (``hydratez``) and the lexicons give only a few (``liker``, ``liké``: ``likez``).
"""
from __future__ import annotations

_PLURAL_AFTER = ("e", "é", "ion", "eur", "at", "if", "ien", "ain", "el", "ier", "ant", "ent",
                 "oir", "ard", "ot", "ic")
# Productive prefixes written solid (rectifications of 1990: antiâge, autogreffe, microcanule).
_PREFIXES = ("anti", "auto", "contre", "extra", "hyper", "hypo", "infra", "inter", "intra",
             "micro", "mini", "multi", "néo", "péri", "poly", "post", "pré", "pseudo", "rétro",
             "semi", "sous", "super", "supra", "sur", "trans", "ultra")
_VOWELS = set("aàâäeéèêëiîïoôöuùûüyœæh")


def bases(k: str) -> list[str]:
    """Forms ``k`` (a lookup key) may be a regular plural or feminine of."""
    out: list[str] = []
    n = len(k)
    if n < 4:
        return out
    last = k[-1]
    if last == "s":
        b = k[:-1]
        if b.endswith(_PLURAL_AFTER):
            out.append(b)
            if b.endswith("ée") and n > 5:
                out.append(b[:-1])          # opérées <- opéré
        out.extend(_masculine(b))           # invasives <- invasif
    elif last == "x":
        if k.endswith("aux") and n > 5:
            out.append(k[:-3] + "al")        # latéraux <- latéral
        elif k.endswith("eaux"):
            out.append(k[:-1])               # lambeaux <- lambeau
    elif k.endswith("ée") and n > 4:
        out.append(k[:-1])                   # opérée <- opéré
    elif last == "e":
        out.extend(_masculine(k))
    return out


_FEMININE = (("ive", "if"), ("euse", "eux"), ("elle", "el"), ("ienne", "ien"), ("ale", "al"),
             ("ante", "ant"), ("ente", "ent"), ("ère", "er"), ("ète", "et"))


def _masculine(k: str) -> list[str]:
    """The masculine a regular feminine adjective or noun comes from (pulpeuse <- pulpeux)."""
    if len(k) < 5:
        return []
    return [k[: -len(fem)] + masc for fem, masc in _FEMININE if k.endswith(fem)]


def stems(k: str) -> list[str]:
    """Words ``k`` may be built from with a prefix: ``repositionner`` <- ``positionner``,
    ``réinjecter`` <- ``injecter``, ``microcanule`` <- ``canule``. ``re`` + ``s`` is excluded:
    ``resource``, ``resentir`` are the classic misspellings of ``ressource``, ``ressentir``."""
    out: list[str] = []
    if len(k) < 6:
        return out
    if k.startswith("re") and k[2] not in _VOWELS and k[2] not in "s-'":
        out.append(k[2:])
    elif k.startswith("ré") and k[2] in _VOWELS:
        out.append(k[2:])
    for p in _PREFIXES:
        if k.startswith(p):
            rest = k[len(p):]
            if len(rest) >= 4 and rest[0].isalpha():
                out.append(rest)
    return out


# Endings of the simple forms of a first-group verb. Those after which the stem may take a grave
# accent or a doubled consonant (lever: lève, lèverai; appeler: appelle) are "mute".
_MUTE = ("e", "es", "ent", "erai", "eras", "era", "erons", "erez", "eront", "erais", "erait",
         "erions", "eriez", "eraient")
_SOUNDED = ("ons", "ez", "ais", "ait", "ions", "iez", "aient", "ai", "as", "a", "âmes", "âtes",
            "èrent", "asse", "asses", "ât", "assions", "assiez", "assent", "ant", "é", "ée", "és",
            "ées")
_ENDINGS = sorted(set(_MUTE + _SOUNDED), key=len, reverse=True)
_IRREGULAR_ER = {"aller", "envoyer", "renvoyer"}
_CONSONANTS = set("bcdfghjklmnpqrstvwxzç")


def verb_forms(k: str) -> list[tuple[str, str]]:
    """``(infinitive, past participle)`` of the first-group verbs ``k`` may be a form of
    (``hydratez`` -> ``hydrater``, ``hydraté``). The checker accepts ``k`` when both are known:
    the participle shows that the ``-er`` word is a verb (``premier`` is not). Mute endings are not
    read after a stem whose last vowel is ``e`` or ``é`` (``achete`` must stay ``achète``) nor
    after ``y`` (``emploie``)."""
    out: list[tuple[str, str]] = []
    if len(k) < 4:
        return out
    for e in _ENDINGS:
        if not k.endswith(e):
            continue
        stem = k[:-len(e)]
        if len(stem) < 2:
            continue
        if e in _MUTE and (stem[-1] == "y" or _closed_e(stem)):
            continue
        if e[0] in "aâo":
            if stem.endswith("ç"):
                stem = stem[:-1] + "c"
            elif stem.endswith("ge"):
                stem = stem[:-1]
            elif stem[-1] in "gc":
                continue        # mangea, plaça: never manga, placa
        inf = stem + "er"
        if inf not in _IRREGULAR_ER:
            out.append((inf, stem + "é"))
    return out


def _closed_e(stem: str) -> bool:
    """Stem ending in e/é + one consonant (lev, céd, appel) or + consonant and r/l (sevr)."""
    if len(stem) >= 2 and stem[-1] in _CONSONANTS and stem[-2] in "eé":
        return True
    return (len(stem) >= 3 and stem[-1] in "rl" and stem[-2] in _CONSONANTS
            and stem[-3] in "eé")
