"""Comments stay on their passage when the text changes, and are orphaned when it is deleted."""
from editor.review.anchor import locate, make_quote

TEXT = ("Le tabac diminue l'oxygénation des tissus. Il est recommandé d'arrêter au moins six "
        "semaines avant l'intervention. Parlez-en à votre médecin traitant.\n")


def quote_of(passage, text=TEXT):
    s = text.index(passage)
    return make_quote(text, s, s + len(passage)), s


def test_exact_after_text_inserted_before():
    q, s = quote_of("six semaines")
    new = "Bonjour 👋\n\n" + TEXT
    a = locate(new, q, s)
    assert a.state == "exact" and new[a.start:a.end] == "six semaines"


def test_repeated_passage_uses_the_context():
    text = "Avant : six semaines. " + TEXT
    q, s = quote_of("six semaines", text)          # the first occurrence, with its context
    q2 = make_quote(text, text.index("six semaines", s + 1),
                    text.index("six semaines", s + 1) + 12)
    moved = "Note. " + text
    assert locate(moved, q, s).start == moved.index("six semaines")
    assert locate(moved, q2, s + 40).start == moved.index("six semaines", moved.index("six") + 1)


def test_fuzzy_when_the_passage_is_reworded_a_little():
    q, s = quote_of("d'arrêter au moins six semaines avant l'intervention")
    new = TEXT.replace("au moins six semaines", "au moins huit semaines")
    a = locate(new, q, s)
    assert a.state == "fuzzy"
    assert "huit semaines" in new[a.start:a.end]
    assert new[a.start:a.end].startswith("d'arrêter")


def test_fuzzy_slide_when_the_context_changed_too():
    q, s = quote_of("recommandé d'arrêter au moins six semaines")
    new = ("Tabac : c'est recommandé d'arrêter au moins 6 semaines, idéalement plus. "
           "Parlez-en.\n")
    a = locate(new, q, s)
    assert a.state == "fuzzy" and "recommandé d'arrêter" in new[a.start:a.end]


def test_orphaned_when_the_passage_is_deleted():
    q, s = quote_of("Il est recommandé d'arrêter au moins six semaines avant l'intervention. ")
    new = TEXT.replace("Il est recommandé d'arrêter au moins six semaines avant l'intervention. ",
                       "")
    assert locate(new, q, s).orphaned
    assert locate("", q, s).orphaned


def test_fuzzy_search_is_bounded_to_a_window():
    q, s = quote_of("recommandé d'arrêter au moins six semaines")
    far = "x " * 5000 + "recommandé d'arrêter au moins 6 semaines"
    assert locate(far, q, s).orphaned           # similar text far away is not this passage
