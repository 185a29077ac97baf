"""The one URL detector: what the tokenizer, the network counters and the editor's colouring call
a link.

A URL is one of:

- ``http://`` or ``https://`` (any case) followed by a host that starts with a letter or digit;
- ``www.`` (any case) followed by the same;
- a bare domain ending in a known top-level domain (``TLDS``) written in lower case or in
  capitals (``ameli.fr``, ``AMELI.FR``, ``has-sante.fr/jcms/...``, ``clinique-esthétique.fr``), as
  X and the other networks link them. A capitalised ending is left out so that a sentence run into
  the next one without a space (« garanti.Me contacter ») stays words for the rules.

Labels and paths may hold any letter (internationalised domains are links). Never a link:
an e-mail address or its domain (``dr@clinique.fr``), a ``mailto:`` (an e-mail, not a web page),
a ``#hashtag.fr`` or ``@mention.fr``, a URL glued after a letter (``voirhttps://``).

Where the URL ends:

- at a space, a backtick or one of ``< > « » ‹ › " “ ” „ [ ]``;
- trailing punctuation is left out: ``. , ; : ! ? ' ’ … * _ ~`` (the same characters inside
  the URL stay: ``exemple.fr/a_b``); Markdown emphasis markers around a URL are not part of it;
- a ``(...)`` group of the URL stays (``wiki/Lifting_(chirurgie)``); any other ``)`` ends it, so
  ``(voir www.ordre.fr)`` gives ``www.ordre.fr``.

Matching is linear in the text: every alternative is possessive or bounded, no part of the text is
scanned more than a bounded number of times, and a long run of URL characters keeps no regex
backtracking mark per character.

``URL_PATTERN`` is the pattern source with no capturing group, to embed in a larger alternation
(``(?P<url>...)``: ``lastgroup`` stays the caller's name); it behaves the same with or without
``re.IGNORECASE``. ``URL_RE`` is it compiled; :func:`url_spans` lists the spans.
"""
from __future__ import annotations

import re

# Known top-level domains for links written without ``http://`` or ``www.``.
TLDS = ("fr", "com", "org", "net", "eu", "be", "ch", "lu", "mc", "re", "ca", "io", "info", "co",
        "uk", "de", "es", "it", "pt", "nl", "edu", "gov", "int", "ai", "science", "health",
        "sante", "bio", "paris", "bzh", "alsace", "corsica", "swiss", "ly", "me", "tv", "app",
        "dev", "online", "site", "clinic", "care", "link", "news", "blog", "page", "shop",
        "store", "xyz")

_STOP = r"\s<>«»‹›\"“”„\[\]`"       # end a URL wherever they stand
_TRAIL = r".,;:!?'’…*_~"              # part of a URL only when more of it follows
_PART = "[^" + _STOP + "()]"          # any character of a URL but a parenthesis
_PLAIN = "[^" + _STOP + "()" + _TRAIL + "]"
_GROUP = r"\(" + _PART + r"{0,200}+\)"   # a (...) of the URL itself
_BODY = ("(?:" + _PLAIN + "++"
         "|[" + _TRAIL + "]++(?=" + _PLAIN + "|" + _GROUP + ")"
         "|" + _GROUP + ")*+")
_HOST_START = r"(?=[^\W_])"
# Lower case or all capitals (``AMELI.FR``), never mixed; ``(?-i:...)`` keeps it so inside a
# pattern compiled with re.IGNORECASE.
_TLD = "(?-i:" + "|".join(sorted((*TLDS, *(t.upper() for t in TLDS)), key=len, reverse=True)) + ")"

# ``(?=[hHwW])`` first: at most token starts (the tokenizer embeds this pattern) one character
# check, not a lookbehind, rules the scheme out.
URL_PATTERN = (
    r"(?=[hHwW])(?<![^\W_]|[@#$])(?i:https?://|www\.)" + _HOST_START + _BODY
    + r"|(?<![^\W_]|[@#$.\-/+])(?:[^\W_][\w-]{0,62}+\.){1,20}" + _TLD + r"(?![\w@\-])"
    + r"(?:/" + _BODY + ")?"
)
URL_RE = re.compile(URL_PATTERN)


def url_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every URL in ``text``, in order, trailing punctuation left out."""
    return [m.span() for m in URL_RE.finditer(text)]

