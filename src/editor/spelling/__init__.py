"""French spell checking for Tact: pyspellchecker's dictionary, the Dicollecte word list
(``resources/lexicon/dicollecte-fr.txt.gz``, every form of the Grammalecte / Hunspell dictionary,
classical and 1990 spellings), the surgeon's lexicons (``resources/lexicon/*.txt``) and the user's
own dictionary, compiled once into a cache that loads in about a millisecond.

>>> from editor.spelling import default_speller
>>> speller = default_speller()
>>> speller.unknown(toks)          # [(ts, te, suggestions), ...] over editor.text.tokens.Tokens
>>> speller.suggest("chirugie")    # ['chirurgie', ...]
>>> speller.add_word("Tactique")   # « Ajouter au dictionnaire »
"""
from editor.spelling.checker import Speller, default_speller
from editor.spelling.userdict import UserDictionaryError

__all__ = ["Speller", "UserDictionaryError", "default_speller"]
