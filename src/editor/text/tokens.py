"""The French-aware tokenizer shared by the rules and the spell checker.

It reads the *light* view (see :mod:`editor.text.fold`) and yields words, elisions (``l'``,
``qu'``, ``jusqu'``...), numbers, hashtags, @mentions, URLs (as :mod:`editor.text.urls` finds
them), e-mail addresses and single punctuation or symbol characters (emoji included). A hyphen
is its own token, so ``rendez-vous`` is ``rendez - vous`` for the rules; the spell checker re-joins
compounds. Each token also gets the sentence it belongs to (split on ``. ! ? …`` and line breaks,
not after ``Dr.``, and after an emoji, or a run of them, followed by a capitalised word:
« Connais pas 😎 Zéro cicatrice » is two sentences, « un résultat 😍 naturel » and « Merci à ✨
Inès » one; a soft line break or « … » followed by a word in lower case goes on with the same
sentence, and so does a line ending on a word no sentence ends on, « de », « le », « Madame »)
and, when it
stands inside « », "..." quotes, the number of that quotation.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

from editor.text.fold import FOLDED, fold_word
from editor.text.urls import URL_PATTERN

WORD, ELISION, NUM, HASHTAG, MENTION, URL, EMAIL, PUNCT = (
    "word", "elision", "num", "hashtag", "mention", "url", "email", "punct")

# Every alternative costs a bounded amount of work wherever a match is tried, so tokenizing is
# linear in the text whatever it holds (80 KB of ``_a`` took 38 s with an unbounded e-mail local
# part, which rescanned the rest of the run from every position). Bounds follow the standards:
# a local part has at most 64 characters, a domain label at most 63; possessive quantifiers
# (``++``, ``{m,n}+``) give nothing back, as no shorter run could be followed by ``@`` or ``.``.
# Repeated groups are bounded too: the regex engine keeps a backtracking mark per repetition, and
# a 1 MB line of ``1.1.1.…`` or ``l'l'l'…`` took 150-190 MB as one token.
# Words elided before a vowel (« l' », « qu' », « jusqu' »…), folded.
ELIDED = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
_TOKEN = re.compile(
    r"(?P<url>" + URL_PATTERN + r")"
    r"|(?P<email>[\w.+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,10})"
    r"|(?P<mention>@[\w.]*\w)"
    r"|(?P<hashtag>#\w+)"
    r"|(?P<num>\d+(?:[.,]\d+){0,20})"
    r"|(?P<elision>(?i:" + "|".join(ELIDED) + r")'(?=[^\W\d_]))"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+){0,20})"
    r"|(?P<punct>[^\w\s])"
)

_SENTENCE_END = {".", "!", "?", "\u2026"}
_RUNS_ON = {WORD, ELISION, NUM}    # a line ending on one of these may go on on the next line
ABBREVIATIONS = {"dr", "drs", "pr", "m", "mme", "mmes", "mlle", "st", "ste", "cf", "ex",
                  "etc", "env", "vs", "p", "n", "no", "art", "al", "min", "h", "av", "bd",
                  "avt", "ap", "apr"}
_OPEN_QUOTES = {"«"}
_CLOSE_QUOTES = {"»"}
_TRAILING = {"»", '"', ")", "]", "!", "?", ".", "\u2026"}  # stay in the sentence they close
# Words after which no sentence ends: a line ending on one goes on on the next line whatever the
# case of the next word (« le meilleur chirurgien de⏎France n'existe pas »).
_NEVER_LAST = frozenset((
    "de", "du", "des", "le", "la", "les", "un", "une", "au", "aux", "a", "et", "ou", "en",
    "pour", "par", "sur", "avec", "dans", "chez", "sans", "vers", "entre", "son", "sa", "ses",
    "mon", "ma", "mes", "notre", "nos", "votre", "vos", "leur", "leurs", "ce", "cet", "cette",
    # a title goes on with the name it announces (« Madame⏎Dupont », « merci au Dr ✨ Petit »)
    "madame", "monsieur", "mademoiselle", "docteur", "dr", "professeur", "pr"))


def is_pictograph(sign: str) -> bool:
    """An emoji standing for a full stop when a capitalised word follows it: the pictographic
    blocks (😎 🤫 ✨ ❤ ⭐ ⏰ ✅ ➡), not the typographic symbols ``© ® ™ °`` (« Botox® Cosmetic »,
    « 37 °C ») that the matcher's ``{emoji}`` also accepts."""
    if len(sign) != 1:
        return False
    o = ord(sign)
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF or 0x2B00 <= o <= 0x2BFF or (
        0x2300 <= o <= 0x23FF) or o in (0x3030, 0x303D, 0x3297, 0x3299)


def _ints() -> array:
    return array("i")


@dataclass(slots=True)
class Tokens:
    """Tokens of one text, as parallel sequences (fast to build and to scan).

    Positions, sentence and quotation numbers are machine integers (``array('i')``: 4 bytes a
    token, not a 28-byte object each) and equal strings are shared, so a token costs about 40
    bytes whatever the text: a 50 MB line of punctuation no longer needs gigabytes.
    """
    text: str
    surface: list[str] = field(default_factory=list)   # as written (light view)
    norm: list[str] = field(default_factory=list)      # folded: case and accents removed
    kind: list[str] = field(default_factory=list)
    start: array = field(default_factory=_ints)
    end: array = field(default_factory=_ints)
    sentence: array = field(default_factory=_ints)     # local sentence number
    quote: array = field(default_factory=_ints)        # quotation number, or -1
    # Indexes derived from the tokens, computed once when first asked for (see
    # editor.compliance.context); keyed by name, dropped if the tokens grow.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.norm)


def tokenize(text: str) -> Tokens:
    """Split ``text`` into tokens (surface, normalised form, kind, offsets), numbering sentences
    and quotations as it goes.

    One long function on purpose: it is the engine's hot loop, run on every token of every check
    (each keystroke's re-check in the editor), and its sentence state (pending break, suspension,
    emoji run, quotation, the previous token) and the output columns live in local names. Split
    into helpers, each token would pay calls and attribute lookups on a state object; keep it
    whole and measure (``benchmarks/engine_bench.py``) before reshaping it.
    """
    toks = Tokens(text)
    surface, norm, kind, start, end, sentence, quote = (
        toks.surface, toks.norm, toks.kind, toks.start, toks.end, toks.sentence, toks.quote)
    sent = 0
    pending_break = False
    quote_id = -1       # current quotation number when inside one
    quotes_seen = 0
    straight_open = False
    last_end = 0
    prev_norm = ""
    prev_kind = ""
    suspension = False  # the last token is « … » or the last dot of « ... »
    content = False     # the sentence so far holds a token that is not an emoji
    after_emoji = False  # the previous tokens are emoji closing such a sentence
    last_content = ""   # the last token that is not an emoji
    glued = False       # the last token touches the one before it (« jama- »)
    shared: dict[str, str] = {}     # one string object per distinct token
    folded = FOLDED.get             # fold_word's cache, read without a call per token
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        k = m.lastgroup or ""     # every alternative of the pattern is a named group
        tok = m[0]
        tok = shared.setdefault(tok, tok)
        newline = s > last_end and "\n" in text[last_end:s]
        if tok[:1].islower() and (k == WORD or k == ELISION):
            # A phrase going on in lower case after « … » or a soft line break is the same
            # sentence: « Patiente … ravie », « je ne publie pas⏎de photos avant/après », and a
            # word hyphen-split across the line, « jama-⏎is ».
            if pending_break and suspension:
                pending_break = False
            if newline and not pending_break and (
                    prev_kind in _RUNS_ON or prev_norm in ",;" or (prev_norm == "-" and glued)) \
                    and "\n\n" not in text[last_end:s]:
                newline = False
        elif newline and (k == WORD or k == HASHTAG) and prev_norm in _NEVER_LAST \
                and not pending_break and "\n\n" not in text[last_end:s]:
            newline = False
        if newline or (pending_break and tok not in _TRAILING) or (
                after_emoji and (k == WORD or k == ELISION) and tok[:1].isupper()):
            if norm:
                sent += 1
            pending_break = False
            content = after_emoji = False
            if newline and "\n\n" in text[last_end:s]:
                quote_id, straight_open = -1, False
        n = folded(tok) or fold_word(tok)
        if n == tok:
            n = tok
        q = quote_id
        if k == PUNCT and is_pictograph(tok):
            # No sentence ends on « à », « de », « le »…: « Merci à ✨ Inès » is one sentence.
            after_emoji = after_emoji or (content and last_content not in _NEVER_LAST)
        else:
            content, after_emoji = True, False
            last_content = n
        if k == PUNCT:
            if tok in _OPEN_QUOTES:
                quotes_seen += 1
                quote_id = quotes_seen
                q = -1
            elif tok in _CLOSE_QUOTES:
                quote_id, q = -1, -1
            elif tok == '"':
                if straight_open:
                    quote_id, straight_open, q = -1, False, -1
                else:
                    quotes_seen += 1
                    quote_id, straight_open, q = quotes_seen, True, -1
            elif tok in _SENTENCE_END and not (tok == "." and (prev_norm in ABBREVIATIONS or (
                    len(prev_norm) == 1 and prev_norm.isalpha()))):
                pending_break = True
        surface.append(tok)
        norm.append(n)
        kind.append(k)
        start.append(s)
        end.append(e)
        sentence.append(sent)
        quote.append(q)
        glued = s == last_end
        last_end = e
        suspension = n == "\u2026" or (n == "." and prev_norm == ".")
        prev_norm = n
        prev_kind = k
    return toks


def words(text: str):
    """Yield ``(start, end, surface, kind)`` of every token, for light uses (spelling)."""
    for m in _TOKEN.finditer(text):
        yield m.start(), m.end(), m.group(), m.lastgroup
