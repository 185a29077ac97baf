"""The French-aware tokenizer shared by the rules and the spell checker.

It reads the *light* view (see :mod:`editor.text.fold`) and yields words, elisions (``l'``,
``qu'``, ``jusqu'``...), numbers, hashtags, @mentions, URLs, e-mail addresses and single
punctuation or symbol characters (emoji included). A hyphen is its own token, so ``rendez-vous``
is ``rendez - vous`` for the rules; the spell checker re-joins compounds. Each token also gets the
sentence it belongs to (split on ``. ! ? …`` and line breaks, not after ``Dr.``) and, when it
stands inside « », "..." quotes, the number of that quotation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.text.fold import fold_word

WORD, ELISION, NUM, HASHTAG, MENTION, URL, EMAIL, PUNCT = (
    "word", "elision", "num", "hashtag", "mention", "url", "email", "punct")

_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]']"
    r"|(?<![\w@.])(?:[A-Za-z0-9-]+\.)+(?:fr|com|org|net|eu|io|be|ch|info|gouv)"
    r"(?:/[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]'])?(?![\w@]))"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<mention>@[\w.]*\w)"
    r"|(?P<hashtag>#\w+)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<elision>(?i:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=[^\W\d_]))"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)"
    r"|(?P<punct>[^\w\s])"
)

_SENTENCE_END = {".", "!", "?", "\u2026"}
_ABBREVIATIONS = {"dr", "drs", "pr", "m", "mme", "mmes", "mlle", "st", "ste", "cf", "ex",
                  "etc", "env", "vs", "p", "n", "no", "art", "al", "min", "h", "av", "bd"}
_OPEN_QUOTES = {"«"}
_CLOSE_QUOTES = {"»"}
_TRAILING = {"»", '"', ")", "]", "!", "?", ".", "\u2026"}  # stay in the sentence they close


@dataclass(slots=True)
class Tokens:
    """Tokens of one text, as parallel lists (fast to build and to scan)."""
    text: str
    surface: list[str] = field(default_factory=list)   # as written (light view)
    norm: list[str] = field(default_factory=list)      # folded: case and accents removed
    kind: list[str] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)  # local sentence number
    quote: list[int] = field(default_factory=list)     # quotation number, or -1

    def __len__(self) -> int:
        return len(self.norm)


def tokenize(text: str) -> Tokens:
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
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        k = m.lastgroup
        tok = m.group()
        newline = s > last_end and "\n" in text[last_end:s]
        if newline or (pending_break and tok not in _TRAILING):
            if norm:
                sent += 1
            pending_break = False
            if newline and "\n\n" in text[last_end:s]:
                quote_id, straight_open = -1, False
        n = fold_word(tok)
        q = quote_id
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
            elif tok in _SENTENCE_END and not (tok == "." and (prev_norm in _ABBREVIATIONS or (
                    len(prev_norm) == 1 and prev_norm.isalpha()))):
                pending_break = True
        surface.append(tok)
        norm.append(n)
        kind.append(k)
        start.append(s)
        end.append(e)
        sentence.append(sent)
        quote.append(q)
        last_end = e
        prev_norm = n
    return toks


def words(text: str):
    """Yield ``(start, end, surface, kind)`` of every token, for light uses (spelling)."""
    for m in _TOKEN.finditer(text):
        yield m.start(), m.end(), m.group(), m.lastgroup
