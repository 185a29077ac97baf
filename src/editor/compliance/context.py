"""Context tests that separate a claim from the same words used to inform.

Each test looks at the tokens of one unit (a segment of the projection) around a match:

* negation: a negator before the match in the same clause (« aucune chirurgie n'est sans
  risque », « ce contenu n'est pas sponsorisé »), or ``ne``/``n'`` just after it (« une chirurgie
  « sans cicatrice » n'existe pas »). A trigger that is itself negative (« sans risque », « aucune
  complication ») needs a full negator, because « il n'y a aucun risque » is still a claim.
  « ne … que » before the match restricts, it does not deny: « je ne pratique que des
  techniques garanties » claims guaranteed techniques, so a particle answered by « que » (no
  negator between them) is not a negation. After the match, with « être », it still
  suppresses: « la simulation n'est qu'un support de discussion » belittles the claim; with
  another verb it restricts what follows (« le meilleur chirurgien de Lyon n'opère que le
  nez » claims the title). « n'importe qui/quoi/où/quel » means « any »: no negation;
* question: the sentence, or the quotation holding the match, asks a question; a question the
  next sentence denies (« Un résultat garanti ? Non. ») makes no claim; one the next sentence
  answers with a call to act (« Envie d'un résultat garanti ? Réservez ! ») makes it;
* quotation: the match stands inside « » or "";
* clauses: the part of a sentence between two clause breaks (, ; : ( ) …), the reach of a
  refutation cue or of the author as subject.
"""
from __future__ import annotations

from array import array

from editor.text.tokens import Tokens, is_pictograph

CLAUSE_BREAKS = {",", ";", ":", "(", ")", "\u2026", "!", "?", "."}
# A comma before one of these words raises the same predicate a degree, it opens no clause of
# its own: « elles laissent croire qu'un résultat est reproductible, voire garanti ».
CONTINUING = {"voire"}


def breaks_clause(toks: Tokens, i: int) -> bool:
    """Whether token ``i`` ends a clause. A « … » standing apart (spaces on both sides) and
    followed by a word in lower case is a pause inside the phrase, not a break (« aucune
    chirurgie n'est … sans cicatrice »); suspension points written against the word before
    them close what precedes (« Pas de douleur… garanti ! » is two claims)."""
    norm = toks.norm
    if norm[i] not in CLAUSE_BREAKS:
        return False
    if norm[i] == "," and i + 1 < len(norm) and norm[i + 1] in CONTINUING \
            and toks.sentence[i + 1] == toks.sentence[i]:
        return False    # « reproductible, voire garanti »: one predicate, raised a degree
    if norm[i] != "\u2026" or i == 0 or i + 1 >= len(norm) or toks.start[i] == toks.end[i - 1]:
        return True
    nxt = toks.surface[i + 1]
    return not (toks.kind[i + 1] in ("word", "elision") and nxt[:1].islower()
                and toks.sentence[i + 1] == toks.sentence[i])


RESTRICTIVE = {"que", "qu'"}     # « ne … que »: only, not « not »
# Verbs that take « ne » alone as a full negation in written French (« on ne peut affirmer que
# le résultat est garanti », « je ne saurais dire que… »): their « que » is not « ne … que »,
# unless it follows them at once (« on ne peut que constater »).
_LITERARY_NEGATION = {
    "peut", "peux", "pouvons", "pouvez", "peuvent", "pourrait", "pourrais", "pourrions",
    "pourriez", "pourraient", "pourra", "pourrai", "pourrons", "pourrez", "pourront", "puis",
    "sait", "sais", "savons", "savez", "savent", "saurait", "saurais", "saurions", "sauriez",
    "sauraient", "ose", "oses", "osons", "osez", "osent", "oserait", "oserais", "cesse",
    "cesses", "cessons", "cessez", "cessent"}
_CLITICS = {"se", "s'", "me", "m'", "te", "t'", "nous", "vous", "lui", "leur", "le", "la", "les",
            "l'", "y", "en"}


def _restricts(norm: list, particle: int, que: int) -> bool:
    """Whether the particle at ``particle`` and the « que » at ``que`` (after it, in the same
    clause, no negator between them) make « ne … que »."""
    j = particle + 1
    while j < que and norm[j] in _CLITICS:
        j += 1
    return not (j < que - 1 and norm[j] in _LITERARY_NEGATION)


# « être » after « ne » and before « que »: « la simulation n'est qu'un support » belittles the
# claim before it; any other verb restricts (« le meilleur chirurgien n'opère que le nez » still
# claims to be the best).
_COPULA = {"est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "soit",
           "soient", "fut", "reste", "restent"}


def _any_word(norm: list, particle: int) -> bool:
    """« n'importe (qui|quoi|où|quel…) » means « any »: its « n' » negates nothing."""
    return particle + 1 < len(norm) and norm[particle + 1] == "importe"


def _restricts_after(norm: list, particle: int) -> bool:
    """Whether the particle at ``particle``, after a match, opens « ne <verb> que » with a verb
    other than « être »: it restricts what follows, it does not deny the match."""
    j = particle + 1
    while j < len(norm) and norm[j] in _CLITICS:
        j += 1
    return j + 1 < len(norm) and norm[j] not in _COPULA and norm[j + 1] in RESTRICTIVE


# « pas » is also a noun (« le premier pas », « franchir le pas », « à deux pas », « pas à pas »):
# after one of these words it negates nothing.
_PAS_NOUN_BEFORE = {"le", "un", "ce", "du", "au", "premier", "premiers", "petit", "petits",
                    "grand", "grands", "dernier", "bon", "faux", "mon", "ton", "son", "nos",
                    "vos", "ses", "mes", "tes", "leurs", "deux", "quelques", "meme"}
# « Pas de panique, … »: the idiom denies the noun it governs, not the claim that follows.
_PAS_IDIOM_NOUNS = {"panique", "souci", "soucis", "stress", "inquietude", "inquietudes",
                    "probleme", "problemes", "affolement", "quoi"}


def _noun_or_idiom_pas(norm: list, i: int, ts: int) -> bool:
    """Whether the « pas » at ``i`` (before a match starting at ``ts``) is the noun or the idiom
    « pas de panique »: then it does not negate the match."""
    if i and norm[i - 1] in _PAS_NOUN_BEFORE:
        return True
    if i + 2 < len(norm) and norm[i + 1] == "a" and norm[i + 2] == "pas":
        return True     # « pas à pas »
    if i >= 2 and norm[i - 1] == "a" and norm[i - 2] == "pas":
        return True
    return (i + 2 < ts and norm[i + 1] in ("de", "d'") and norm[i + 2] in _PAS_IDIOM_NOUNS)


PARTITIVE = {"de", "d'"}
LIST_ITEMS = 4      # items of a « de » list a negation reaches across
# « ne manquez pas de … », « n'hésitez pas de … »: a call, not a denial of what follows.
_CALL_BEFORE_PAS = {"manquez", "manquer", "ratez", "rater", "oubliez", "oublier", "hesitez",
                    "hesiter", "tardez", "tarder"}


def _governs_list(norm: list, i: int) -> bool:
    """Whether the negator at ``i`` governs a list of « de » items after it: « ne fera pas de
    « Black Friday », de -30 % ou de promo », « jamais de remise, de forfait… »."""
    if i + 1 >= len(norm) or norm[i + 1] not in PARTITIVE:
        return False
    return not (i and norm[i - 1] in _CALL_BEFORE_PAS)


def _filler(toks: Tokens, i: int, fillers: frozenset | set) -> bool:
    """Whether token ``i`` is one the matcher steps over (a filler word or sign, an emoji, a
    quotation mark): it does not count in the negation's reach."""
    n = toks.norm[i]
    if toks.kind[i] == "word":
        return n in fillers
    return toks.kind[i] == "punct" and (n in fillers or n in ("«", "»", '"')
                                        or is_pictograph(toks.surface[i]))


def negated(toks: Tokens, ts: int, te: int, negators: set, particles: set,
            negative_triggers: set, window: int, adjacent: frozenset | set = frozenset(),
            fillers: frozenset | set = frozenset()) -> bool:
    """Whether the match ``ts:te`` is negated (see the module's description). Fillers (words and
    signs the matcher steps over, emoji) do not count in the window: « plus visible 😍 qu'on ne
    l'espère » is still « plus visible qu'on ne l'espère »."""
    norm, sentence = toks.norm, toks.sentence
    sent = sentence[ts]
    negative_initial = norm[ts] in negative_triggers
    own = set(norm[ts:te])
    i = ts - 1
    steps = 0
    que = -1      # the « que » nearest before the match, in its clause
    items = 0     # list items crossed: « pas de A, de B ou de C »
    while i >= 0 and steps < window and sentence[i] == sent:
        n = norm[i]
        if n in CLAUSE_BREAKS and breaks_clause(toks, i):
            if n == "," and not negative_initial and items < LIST_ITEMS \
                    and i + 1 < len(norm) and norm[i + 1] in PARTITIVE:
                items += 1      # an item of a list the negation may govern
                steps = 0
                i -= 1
                continue
            break
        if n in negators and not (negative_initial and n in own) and not (
                n == "pas" and _noun_or_idiom_pas(norm, i, ts)) and not (
                items and not _governs_list(norm, i)):
            return True
        if steps == 0 and n in adjacent and not negative_initial:
            return True   # « sans garantie de résultat », not « sans douleur à -20 % »
        if n in particles and not negative_initial and not items and not (
                que > i and _restricts(norm, i, que)) and not _any_word(norm, i):
            return True
        if n in RESTRICTIVE and que < 0:
            que = i
        if not _filler(toks, i, fillers):
            steps += 1
        i -= 1
    # ne / n' right after the match: « ... » n'existe pas, aucune complication n'est anodine.
    j = te
    steps = 0
    while j < len(norm) and steps < 3 and sentence[j] == sent:
        n = norm[j]
        if n in particles and not _any_word(norm, j) and not _restricts_after(norm, j):
            return True
        if n in CLAUSE_BREAKS and breaks_clause(toks, j):
            break
        if not _filler(toks, j, fillers):
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


# Verbs by which someone takes a quotation as their own description: « le Dr X se présente
# volontiers comme « expert en rhinoplastie » », « elle revendique une approche « unique » ».
_ADOPTING_REFLEXIVE = {"presente", "presentent", "definit", "definissent", "decrit", "decrivent",
                       "qualifie", "qualifient", "surnomme", "surnomment", "revendique",
                       "revendiquent"}
_ADOPTING = {"revendique", "revendiquent", "revendiquait"}
_ADOPT_REACH = 4     # words between the verb and the opening quotation mark


def adopted(toks: Tokens, ts: int) -> bool:
    """Whether the quotation holding token ``ts`` is introduced as its speaker's own description
    of themselves (:data:`_ADOPTING_REFLEXIVE` after « se », or « revendique »): a claim that
    the quotation marks do not distance."""
    norm, quote, sentence = toks.norm, toks.quote, toks.sentence
    q = quote[ts]
    i = ts
    while i > 0 and quote[i - 1] == q:
        i -= 1
    i -= 1      # the opening mark
    steps = 0
    k = i - 1
    while k >= 0 and steps <= _ADOPT_REACH and sentence[k] == sentence[ts] \
            and quote[k] == -1 and norm[k] not in CLAUSE_BREAKS:
        n = norm[k]
        if n in _ADOPTING or (n in _ADOPTING_REFLEXIVE and k and norm[k - 1] in ("se", "s'")):
            return True
        steps += 1
        k -= 1
    return False


def clauses(toks: Tokens) -> array:
    """Clause number of each token: it grows at every clause break and every new sentence
    (built once per token list, kept in ``toks.derived``)."""
    n = len(toks.norm)
    got = toks.derived.get("clauses")
    if got is None or len(got) != n:
        got = array("i", bytes(4 * n))
        norm, sentence = toks.norm, toks.sentence
        c = 0
        for i in range(n):
            if i and (sentence[i] != sentence[i - 1] or (
                    norm[i - 1] in CLAUSE_BREAKS and breaks_clause(toks, i - 1))):
                c += 1
            got[i] = c
        toks.derived["clauses"] = got
    return got


def sentence_starts(toks: Tokens) -> array:
    """For each token, the index of the first token of its sentence."""
    n = len(toks.norm)
    got = toks.derived.get("sentence_starts")
    if got is None or len(got) != n:
        got = array("i", bytes(4 * n))
        sentence = toks.sentence
        first = 0
        for i in range(n):
            if i and sentence[i] != sentence[i - 1]:
                first = i
            got[i] = first
        toks.derived["sentence_starts"] = got
    return got


RESUMPTIVE = {"ca", "cela", "c'", "ce", "ceci", "tout", "qui"}
SUBJECT_PRONOUNS = {"je", "j'", "nous"}   # the author as subject, wherever in the sentence
POSSESSIVES = {"mon", "ma", "mes", "notre", "nos", "me", "m'", "moi", "ici"}
SUBJECT_REACH = 3     # tokens from the start of a sentence where a cue is its subject


def refutes(toks: Tokens, cue: tuple[int, int], ts: int, te: int, author_in_clause: bool,
            published: bool = False) -> bool:
    """Whether the refutation cue at token span ``cue`` covers the match ``ts:te`` of the same
    sentence (the caller checks quotations, which a cue anywhere in the block covers).

    A cue covers the claim it denies or warns against, not its whole sentence:
    * in the same clause (« méfiez-vous des promesses de résultat garanti »);
    * before the match, as the sentence's heading (« Idée reçue : … », « Mythe n° 3 : … »,
      « Prudence, … »): the rest of the sentence, unless the match's clause has the author as
      subject (« Attention aux prix ailleurs : chez nous, -30 % ») or a contrast comes between
      them (« …, ça n'existe pas, mais le résultat est garanti »);
    * after the match, in a clause that takes it up again (« Un résultat garanti ? Ça
      n'existe pas. », « …, c'est faux »); when the match is something one publishes (a
      patient's message, a review, a photo: ``published``), also a cue that points back at
      it: an object pronoun inside it or a possessive or demonstrative right after it (« …
      pour me remercier ; je ne publierai pas son message », « … je ne le partagerai pas »).
      « Nos résultats sont exceptionnels. Je ne les montre pas » still claims.
    Appending « …, attention aux prix ailleurs ! » to a claim no longer hides it.
    """
    cl = clauses(toks)
    cs, ce = cue
    if cl[cs] == cl[ts] or cl[ce - 1] == cl[te - 1]:
        return True
    if ce <= ts:
        return _heads(toks, cs, ce, ts) and not author_in_clause
    if cs >= te:
        # The cue's clause starts with a word taking the claim up again.
        return _clause_head(toks, cs) in RESUMPTIVE or (published and _points_back(toks, cs, ce))
    return False


_OBJECT_CLITICS = {"le", "la", "les", "l'"}
_BEFORE_CLITIC = {"ne", "n'", "ni"}   # particles, and « ni … ni les mettre »
_BACK_DETERMINERS = {"son", "sa", "ses", "leur", "leurs", "ce", "cette", "ces", "cet"}
_BACK_SUBJECTS = {"elles", "ils", "elle", "il", "celles-ci", "ceux-ci", "celles", "ceux"}


def _points_back(toks: Tokens, cs: int, ce: int) -> bool:
    """Whether the cue ``cs:ce`` names what came before it: « ne le publierai pas » (an object
    pronoun after the particle or a « ni »: « je ne peux ni y répondre ni les mettre en
    avant »), « ne publierai pas son message », « … jamais ces avis » (a possessive or
    demonstrative inside the cue: context.yaml lists the things one refuses to publish; « je ne
    publierai pas leurs noms » names something else), « Elles ne sont jamais publiées » (a
    pronoun or a demonstrative as the subject of a passive refusal)."""
    norm = toks.norm
    if norm[cs] in _BACK_SUBJECTS or norm[cs] in _BACK_DETERMINERS:
        return True     # « Elles ne sont jamais publiées », « Ces photos ne sont pas … »
    return any((norm[k] in _OBJECT_CLITICS and norm[k - 1] in _BEFORE_CLITIC)
               or norm[k] in _BACK_DETERMINERS for k in range(cs + 1, ce))


# Words that open a claim of its own after a refuted one: « …, ça n'existe pas, mais … »
CONTRASTS = {"mais", "pourtant", "cependant", "toutefois", "neanmoins", "or", "contrairement"}
CONTRAST_PAIRS = {("en", "revanche"), ("par", "contre"), ("alors", "que"), ("tandis", "que"),
                  ("sauf", "que"), ("alors", "qu'"), ("tandis", "qu'"), ("sauf", "qu'")}
_PARTICLES = {"ne", "n'"}


def _heads(toks: Tokens, cs: int, ce: int, ts: int) -> bool:
    """Whether the cue ``cs:ce`` heads what follows it up to the match at ``ts``: at the head
    of the sentence, or closed by « : » or « , » (a label: « Idée reçue : … »); a cue that
    takes up what precedes it (« …, ça n'existe pas, », « … n'existe pas, ») heads nothing.
    A contrast between them (« mais », « en revanche ») starts a claim of its own."""
    norm = toks.norm
    at_head = cs - sentence_starts(toks)[cs] < SUBJECT_REACH
    label = norm[ce - 1] == ":" or (ce < len(norm) and norm[ce] in (":", ","))
    if not (at_head or label):
        return False
    if not at_head and (norm[cs] in _PARTICLES or _clause_head(toks, cs) in RESUMPTIVE):
        return False
    return not any(norm[k] in CONTRASTS or (
        k + 1 < ts and (norm[k], norm[k + 1]) in CONTRAST_PAIRS) for k in range(ce, ts))


def _clause_head(toks: Tokens, i: int) -> str:
    """The first word of the clause of token ``i``."""
    return toks.norm[_clause_start(toks, i)]


def _clause_start(toks: Tokens, i: int) -> int:
    """The first token of the clause of token ``i``."""
    cl = clauses(toks)
    j = i
    while j > 0 and cl[j - 1] == cl[i]:
        j -= 1
    return j


def answers_question(toks: Tokens, cs: int) -> bool:
    """Whether the cue at ``cs`` opens a sentence that answers the question just before it
    (« … ? C'est faux. », « … ? Ça n'existe pas. »)."""
    first = sentence_starts(toks)[cs]
    if first == 0 or toks.norm[first - 1] != "?":
        return False
    cl = clauses(toks)
    return cl[cs] == cl[first] and toks.norm[first] in RESUMPTIVE


REFUSAL_REACH = 2    # sentences before a refusal that names again what it refuses


def refuses_previous(toks: Tokens, cs: int, ce: int) -> bool:
    """Whether the cue ``cs:ce`` opens a sentence (or a clause of it) that refuses what the one
    before it quotes, naming it again (« Une patiente m'a écrit pour me remercier. Je ne
    publierai pas son message. », « … Je ne les affiche pas. »)."""
    first = sentence_starts(toks)[cs]
    if first == 0:
        return False
    # at the head of its sentence or of a clause of it (« … Google : nous ne les reproduisons
    # pas ici »)
    head = max(first, _clause_start(toks, cs))
    return cs - head < SUBJECT_REACH and _points_back(toks, cs, ce)


_VERDICT_ENDS = {".", "!", "\u2026"}


def verdict_opens(toks: Tokens, cs: int, ce: int) -> bool:
    """Whether the refutation cue ``cs:ce`` is a verdict opening its unit, a sentence of its own
    (« C'est faux. », « Faux ! », « Archi-faux. »): it answers the quotation just before it,
    in the previous paragraph. A warning that opens a paragraph (« Attention aux promesses … »)
    is not a verdict."""
    n = len(toks.norm)
    if cs != 0 or toks.sentence[ce - 1] != 0:
        return False
    return ce >= n or toks.sentence[ce] != 0 or toks.norm[ce] in _VERDICT_ENDS \
        or toks.norm[ce - 1] in _VERDICT_ENDS


CALL_REACH = 3     # tokens from the start of the answer where a call to act opens it


def answers_question_with_call(toks: Tokens, cs: int) -> bool:
    """Whether the call to act at ``cs`` opens the sentence right after a question: « Envie d'un
    résultat garanti ? Réservez ! », « Le meilleur lifting de Lyon ? C'est ici. » The question
    then asserts what it asks (the answer is « yes, here »); a question answered with
    information (« … ? Tout dépend de votre peau. ») still asks."""
    first = sentence_starts(toks)[cs]
    return first > 0 and toks.norm[first - 1] == "?" and cs - first < CALL_REACH


DENIAL_REACH = 4     # words of a short answer that denies (« Non. », « Absolument pas. »)


# « même silhouette ? Pas vraiment » grants a difference, it does not deny the question
_HEDGES = {"vraiment", "tout", "exactement", "trop", "forcement", "tellement", "franchement"}


# « Ventre qui pendouille ? Pas une fatalité ! »: the ad's answer, it denies no claim
_DENIED_NOUNS = {"fatalite", "obligation"}


def _idiom_negator(norm: list, k: int) -> bool:
    """« pas de souci », « aucun problème », « pas à pas »: the negator denies its own noun;
    « pas vraiment », « pas tout à fait » hedge, they do not deny; « pas une fatalité » says
    something can be done, it denies nothing asked."""
    if norm[k] == "pas" and _noun_or_idiom_pas(norm, k, len(norm)):
        return True
    nxt = norm[k + 1] if k + 1 < len(norm) else ""
    if nxt in ("une", "un", "d'une", "d'un") and k + 2 < len(norm) \
            and norm[k + 2] in _DENIED_NOUNS:
        return True
    return nxt in _PAS_IDIOM_NOUNS or nxt in _HEDGES


def denied_questions(toks: Tokens, negators: set,
                     particles: frozenset | set = frozenset()) -> frozenset:
    """Sentence numbers of the questions that the next sentence denies: « Un résultat garanti ?
    Non. », « … ? Impossible chez un médecin. », « … ? Absolument pas. », « … ? Non, aucun
    chirurgien ne peut le promettre. » A claim asked and denied at once is not made.

    The answer's first clause must hold a negator (« pas de souci », « aucun problème » deny
    nothing), and the answer must be short (:data:`DENIAL_REACH` words), or open with a negator
    other than « non », or hold a second negation: « … ? Non, juste un ventre mou » corrects the
    question, it does not deny it. A question the next sentence does not deny (« Envie d'un
    résultat garanti ? Réservez ! ») is left to the rules."""
    got = toks.derived.get("denied_questions")
    if got is not None:
        return got
    norm, sentence = toks.norm, toks.sentence
    n = len(norm)
    out = set()
    for i in range(n - 1):
        if norm[i] != "?":
            continue
        j = _after_closing_quotes(toks, i)
        if j < n and sentence[j] != sentence[i] and denies(toks, j, negators, particles):
            out.add(sentence[i])
    got = frozenset(out)
    toks.derived["denied_questions"] = got
    return got


_CLOSING = {"»", '"'}


def _after_closing_quotes(toks: Tokens, i: int) -> int:
    """The token after ``i`` and the closing quotation marks of its sentence right after it:
    « … pour le Black Friday ? » ends the question at the « »."""
    norm, sentence = toks.norm, toks.sentence
    j = i + 1
    while j < len(norm) and norm[j] in _CLOSING and sentence[j] == sentence[i]:
        j += 1
    return j


def denies(toks: Tokens, j: int, negators: set, particles: frozenset | set = frozenset()) -> bool:
    """Whether the sentence starting at token ``j`` denies the question before it (see
    :func:`denied_questions`)."""
    norm, kind, sentence = toks.norm, toks.kind, toks.sentence
    n = len(norm)
    words, first = [], []
    in_first = True
    k = j
    while k < n and sentence[k] == sentence[j]:
        if norm[k] in CLAUSE_BREAKS and breaks_clause(toks, k):
            in_first = False
        elif kind[k] in ("word", "elision"):
            words.append(k)
            if in_first:
                first.append(k)
        k += 1
    denying = [k for k in first if norm[k] in negators and not _idiom_negator(norm, k)]
    if not denying:
        return False
    negations = sum(norm[k] in negators or norm[k] in particles for k in words)
    return len(words) <= DENIAL_REACH or negations > 1 or (
        denying[0] == first[0] and norm[first[0]] != "non")


def last_question(toks: Tokens) -> int:
    """The sentence number of the question that ends the unit (closing quotes, emoji and spaces
    after the « ? » aside), or -1."""
    norm, kind = toks.norm, toks.kind
    i = len(norm) - 1
    while i >= 0 and (norm[i] in _CLOSING or (kind[i] == "punct"
                                                and is_pictograph(toks.surface[i]))):
        i -= 1
    return toks.sentence[i] if i >= 0 and norm[i] == "?" else -1


def author_subject(toks: Tokens, cue_start: int, cue_end: int, ts: int, te: int = -1) -> bool:
    """Whether a self-reference cue at ``cue_start`` makes the author the subject of the match
    ``ts:te`` (same sentence): in the match's own clause, a subject pronoun anywhere in the
    sentence (« Chirurgienne experte en …, je suis »), any cue at the head of the sentence
    (« Notre équipe, de l'avis de tous, la meilleure »), or a name opening the clause right
    after the match, in apposition (« Le meilleur chirurgien de Lyon, le Dr Martin vous
    reçoit »). « nos patientes » or « ici » in another clause do not make the author the
    subject."""
    cl = clauses(toks)
    if cl[cue_start] == cl[ts] or toks.norm[cue_start] in SUBJECT_PRONOUNS:
        return True
    if cue_end - cue_start == 1 and toks.norm[cue_start] in POSSESSIVES:
        return False    # « Nos patientes, … » : the author is not the subject
    if te > ts and _apposed(toks, cue_start, te):
        return True
    return cue_start - sentence_starts(toks)[cue_start] < SUBJECT_REACH


_APPOSITION_ARTICLES = {"le", "la", "l'"}


def opens_sentence(toks: Tokens, i: int) -> bool:
    """Whether token ``i`` is the first word of its sentence (emoji and signs before it
    aside): « ✨ Chirurgien esthétique à Nice », not « Le Chirurgien »."""
    kind = toks.kind
    return all(kind[k] not in ("word", "elision", "num")
               for k in range(sentence_starts(toks)[i], i))


def _apposed(toks: Tokens, cue_start: int, te: int) -> bool:
    """Whether the cue at ``cue_start`` opens (after an article at most) the clause right after
    the one the match ``…:te`` ends in."""
    cl = clauses(toks)
    if cl[cue_start] != cl[te - 1] + 1:
        return False
    first = cue_start
    while first > 0 and cl[first - 1] == cl[cue_start]:
        first -= 1
    return first == cue_start or (
        first + 1 == cue_start and toks.norm[first] in _APPOSITION_ARTICLES)
