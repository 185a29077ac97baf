"""Word families for the ``~`` suffix of patterns: the forms a French word takes.

``garanti~`` must match garantie, garantis, garanties, and the verb it comes from (garantit,
garantissons); ``beau~`` must match belle and beaux; ``frais~`` must not match « fraise ». Suffix
rules alone cannot do that, so the family is read from a maintained French lexicon: the
form-to-lemma dictionary of `simplemma <https://github.com/adbar/simplemma>`_ (≈ 250,000 French
forms, 160 KB compressed). The regular gender and number suffixes (:func:`inflect`) are kept for
words the lexicon does not know, and a suffix form is dropped when the lexicon says it is another
word (« fraise » is the lemma of a noun of its own).

The lexicon is read only when rules are compiled (the compiled rule set, families expanded, is
cached on disk), so checking a post never loads it. Without simplemma the families fall back to
the suffix rules.
"""
from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)

_VERB_ENDINGS = ("er", "ir", "re", "oir")


def inflect(word: str) -> list[str]:
    """Masculine/feminine, singular/plural forms of an adjective, participle or noun, by suffix."""
    w = word
    forms = {w}
    if w.endswith("eau"):
        forms |= {w + "x", w[:-3] + "elle", w[:-3] + "elles"}
    elif w.endswith("eu"):
        forms |= {w + "x"}
    elif w.endswith("eux"):
        forms |= {w[:-1] + "se", w[:-1] + "ses"}
    elif w.endswith("aux") and len(w) >= 4:
        forms |= {w[:-1] + "sse", w[:-1] + "sses"}   # faux -> fausse, roux -> rousse
    elif w.endswith("if"):
        forms |= {w + "s", w[:-1] + "ve", w[:-1] + "ves"}
    elif w.endswith("al"):
        forms |= {w[:-1] + "ux", w + "e", w + "es", w + "s"}
    elif w.endswith(("el", "ien", "on")) and not w.endswith("ion"):
        last = w[-1]
        forms |= {w + "s", w + last + "e", w + last + "es"}
    elif w.endswith("er"):
        forms |= {w + "s", w[:-2] + "ere", w[:-2] + "eres", w[:-2] + "ère", w[:-2] + "ères"}
    elif w.endswith("e") and not w.endswith("é"):
        forms |= {w + "s"}
    elif w.endswith(("s", "x", "z")):
        forms |= {w + "e", w + "es"}
    else:
        forms |= {w + "s", w + "e", w + "es"}
    return sorted(forms)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, list[str]]] | None:
    """(form -> lemma, lemma -> forms) of French, or None when simplemma is not installed."""
    try:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        lemma_of = dict(DefaultDictionaryFactory().get_dictionary("fr").items())
    except (ImportError, OSError, ValueError, EOFError) as e:
        # simplemma is a dependency; without it (or its French data) the suffixes still work.
        log.warning("French lexicon unavailable, word families limited to regular suffixes: %s", e)
        return None
    forms_of: dict[str, list[str]] = {}
    for form, lemma in lemma_of.items():
        forms_of.setdefault(lemma, []).append(form)
    return lemma_of, forms_of


def lexicon_version() -> str:
    """The lexicon's version, part of the compiled rule cache's key (its data makes families).
    Read from simplemma's files: importing it, or asking :mod:`importlib.metadata`, would cost
    every ``tact check`` several times what the check itself does."""
    from editor.paths import package_version

    return "simplemma " + (package_version("simplemma", "__metadata__.py") or "?")


def _is_verb(lemma: str, forms_of: dict) -> bool:
    """A verb: an infinitive ending, and the conjugated forms to show for it (« ventre » and
    « titre » end in -re but have two forms each)."""
    return lemma.endswith(_VERB_ENDINGS) and len(forms_of.get(lemma, ())) >= 10


def _same_word(word: str, lemma: str, forms_of: dict) -> bool:
    """The lexicon's lemma of ``word`` is trusted when it visibly is the same word (« belle » ->
    « beau », « meilleure » -> « meilleur »); a few of its entries are not (« mou » -> « moi »)."""
    if lemma[:3] == word[:3]:
        return True
    return lemma[:2] == word[:2] and len(forms_of.get(lemma, ())) <= 8


# Regular endings of a first-group verb (-er), added to the stem when the lexicon knows the verb
# but only a few of its forms (« galber »: « galbait » alone, so « galbe », « galbé » were lost).
_FIRST_GROUP = ("er", "e", "es", "ent", "ons", "ez", "ais", "ait", "ions", "iez", "aient",
                "erai", "eras", "era", "erons", "erez", "eront", "erais", "erait", "erions",
                "eriez", "eraient", "a", "èrent", "é", "ée", "és", "ées", "ant")
_CONJUGATED = ("ait", "aient", "ant", "a", "èrent", "erait", "eront", "ons", "ez")
# the imperfect or conditional a verb's kin is recognised by (« galbait », « changeait »)
_IMPERFECT = ("ait", "eait", "erait")
_WELL_KNOWN = 25    # a verb the lexicon gives this many forms is conjugated by the lexicon itself


def _conjugated(lemma: str, forms_of: dict, endings: tuple[str, ...] = _CONJUGATED) -> bool:
    """Whether the lexicon conjugates ``lemma`` as a first-group verb: one of its forms is the
    stem and one of ``endings`` (« galbait »), so a noun in -er (« dossier », « laser ») is not
    one."""
    stem = lemma[:-2]
    return lemma.endswith("er") and len(stem) >= 3 and any(
        f != lemma and f.startswith(stem) and f[len(stem):] in endings
        for f in forms_of.get(lemma, ()))


def _sparse_first_group(lemma: str, forms_of: dict) -> bool:
    """A first-group verb the lexicon conjugates but lists only in part."""
    return _conjugated(lemma, forms_of) and len(forms_of.get(lemma, ())) < _WELL_KNOWN


def _regular_forms(lemma: str, lemma_of: dict, forms_of: dict) -> set[str]:
    """The regular conjugation of a sparsely known first-group verb, minus the forms the lexicon
    gives to an unrelated word; a noun or adjective of the same stem (« galbe », « galbé »)
    is the verb's own form."""
    stem = lemma[:-2]
    out = set()
    for ending in _FIRST_GROUP:
        form = stem + ending
        other = lemma_of.get(form)
        if other is None or other == lemma or other.startswith(stem):
            out.add(form)
    return out


def _stem_kin(word: str, lemma_of: dict, forms_of: dict) -> set[str]:
    """The lemmas that are forms of a first-group verb the lexicon lists on their own: its past
    participle and the noun sharing its stem (``galber`` -> « galbé », « galbe »; the lexicon
    gives « galbée » to « galbé » and « galbe » to a noun, and only two forms to « galber »).
    Only for a verb (the lexicon conjugates it: « galbait ») whose participle it knows, so
    « premier » or the noun « usager » (« usagé ») bring nothing."""
    if not _conjugated(word, forms_of, _IMPERFECT):
        return set()
    stem = word[:-2]
    participle = stem + "é"
    if lemma_of.get(participle) not in (participle, word):
        return set()
    return {participle} | {w for w in (stem + "e",) if w in forms_of}


def _is_form(text: str) -> bool:
    return text.isalpha()


def family(word: str) -> list[str]:
    """Every form of ``word`` (lower case, accents as written): the word, its regular gender and
    number forms, and the forms the lexicon gives its lemma.

    A verb brings its conjugation and its participles with their feminine and plural
    (``garantir~``: garantit, garantissons, garanti, garanties). A participle or a noun keeps to
    its own forms (``remboursé~`` is not « rembourse », ``offre~`` not « offrons »), so a rule
    written on a participle does not start matching the present tense.
    """
    word = word.lower()
    seed = inflect(word)
    lex = _lexicon()
    if lex is None:
        return seed
    lemma_of, forms_of = lex
    lemmas: set[str] = set()
    if word in forms_of:
        lemmas.add(word)
    own = lemma_of.get(word)
    if (own is not None and own != word and not _is_verb(own, forms_of)
            and _same_word(word, own, forms_of)):
        lemmas.add(own)
    lemmas |= _stem_kin(word, lemma_of, forms_of)
    out = {word}
    for lemma in list(lemmas):
        out.add(lemma)
        out.update(forms_of.get(lemma, ()))
        if _is_verb(lemma, forms_of):
            stem = lemma[:-2]
            for participle in (stem + "é", stem + "i"):
                if participle in forms_of or participle in out:
                    out.update(inflect(participle))
        if _sparse_first_group(lemma, forms_of):
            out.update(_regular_forms(lemma, lemma_of, forms_of))
    confirmed = set(out)
    # Suffix guesses that may be another word: « frais » + e is « fraise », « cadeau » is not
    # « cadelle ». The regular ones stand unless the lexicon already knows the word's feminine
    # (« fraîche ») and gives the guess to a word of its own; the irregular ones need the
    # lexicon's word, or a homograph of a verb form (« fausse »).
    knows_feminine = any(f.endswith(("e", "es")) and f != word for f in confirmed)
    regular = set()
    if word.endswith(("s", "x", "z")) and knows_feminine:
        regular = {f for f in seed if f != word and f.startswith(word)}
    irregular = set()
    if word.endswith("eau"):
        irregular |= {word[:-3] + "elle", word[:-3] + "elles"}
    if word.endswith("aux"):
        irregular |= {word[:-1] + "sse", word[:-1] + "sses"}
    for form in seed:
        if form not in confirmed and form in regular | irregular:
            other = lemma_of.get(form)
            verb_form = other is not None and _is_verb(other, forms_of)
            if form in irregular and not verb_form:
                continue
            if form in regular and other is not None and other not in lemmas and not verb_form:
                continue
        out.add(form)
    return sorted({f.lower() for f in out if _is_form(f)})
