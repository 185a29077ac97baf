"""Markdown → each network's plain text (networks.md §2.2)."""
import pytest

from editor.export.convert import ConvertOptions, convert
from editor.export.networks import load_networks

NETS = load_networks()
ALL = sorted(NETS)


def conv(md, net="facebook", **opts):
    return convert(md, NETS[net], ConvertOptions(**opts) if opts else None)


@pytest.mark.parametrize("net", ALL)
def test_no_heading_hash_is_ever_left(net):
    c = conv("# Titre du post\n\nTexte.\n\n## Deuxième partie\n\nSuite.\n\n### Trois ###\n", net)
    assert "#" not in c.text
    assert c.text.splitlines() == ["Titre du post", "", "Texte.", "", "Deuxième partie", "",
                                   "Suite.", "", "Trois"]


def test_setext_heading_and_hook_line():
    c = conv("Accroche du post\n================\nTexte.\n")
    assert c.text == "Accroche du post\n\nTexte."
    assert c.hook == "Accroche du post"


def test_headings_in_capitals_on_request():
    assert conv("# Le tabac\n\nTexte.", heading_style="caps").text == "LE TABAC\n\nTexte."


def test_hashtags_and_mentions_are_kept():
    c = conv("#chirurgie n'est pas un titre.\n\nMerci @cabinet_martin #santé_publique")
    assert c.text == "#chirurgie n'est pas un titre.\n\nMerci @cabinet_martin #santé_publique"


@pytest.mark.parametrize("net", ALL)
def test_emphasis_is_removed_by_default(net):
    c = conv("Un **résultat** *naturel*, __vraiment__ _discret_ et ~~barré~~, 5 * 3.", net)
    assert c.text == "Un résultat naturel, vraiment discret et barré, 5 * 3."


def test_underscores_inside_words_and_urls_are_kept():
    c = conv("Voir https://exemple.fr/mon_article_2 et #chirurgie_esthetique.")
    assert c.text == "Voir https://exemple.fr/mon_article_2 et #chirurgie_esthetique."


def test_pseudo_bold_only_on_request_with_a_warning():
    plain = conv("Un **résultat** durable.", "linkedin")
    assert plain.text == "Un résultat durable." and not plain.notes
    bold = conv("Un **résultat** durable.", "linkedin", pseudo_bold=True)
    assert bold.text == "Un 𝗿é𝘀𝘂𝗹𝘁𝗮𝘁 durable."      # no bold « é » exists
    assert [n.kind for n in bold.notes] == ["pseudo-bold"]
    assert "accentuées" in bold.notes[0].message and "lecteurs d’écran" in bold.notes[0].message


@pytest.mark.parametrize("net, bullet", [("instagram", "•"), ("linkedin", "•"), ("x", "–"),
                                         ("threads", "•"), ("facebook", "•"), ("youtube", "•")])
def test_lists_become_bullet_lines_nesting_flattened(net, bullet):
    c = conv("Conseils :\n\n- arrêter le tabac\n  - au moins 6 semaines\n* marcher\n+ dormir\n\n"
             "1. consulter\n2) réfléchir\n", net)
    assert c.text.splitlines() == ["Conseils :", "", f"{bullet} arrêter le tabac",
                                   f"{bullet} au moins 6 semaines", f"{bullet} marcher",
                                   f"{bullet} dormir", "", "1. consulter", "2. réfléchir"]


@pytest.mark.parametrize("net", ["facebook", "linkedin", "x", "threads", "youtube"])
def test_links_become_text_colon_url(net):
    c = conv("Prenez [rendez-vous en ligne](https://exemple.fr/rdv) ou voir <https://has.fr>.", net)
    assert c.text == "Prenez rendez-vous en ligne\u00a0: https://exemple.fr/rdv ou voir https://has.fr."
    assert [lk.url for lk in c.links] == ["https://exemple.fr/rdv", "https://has.fr"]


def test_instagram_links_become_lien_en_bio():
    c = conv("Prenez [rendez-vous](https://exemple.fr/rdv). Source : https://has.fr/x.",
             "instagram")
    assert c.text == "Prenez rendez-vous\u00a0: lien en bio. Source : lien en bio."
    assert "https" not in c.text and len(c.links) == 2


def test_reference_links_and_link_equal_to_its_url():
    c = conv("Lire [l'avis][has] et [has.fr](https://has.fr).\n\n[has]: https://has.fr/avis\n")
    assert c.text == "Lire l'avis\u00a0: https://has.fr/avis et https://has.fr."


@pytest.mark.parametrize("net", ALL)
def test_images_become_attachments_with_alt_text(net):
    c = conv("Schéma :\n\n![Coupe de la peau](images/peau.png \"titre\")\n\nFin.", net)
    assert c.text == "Schéma :\n\nFin."
    assert [(a.target, a.alt) for a in c.attachments] == [("images/peau.png", "Coupe de la peau")]


def test_blockquote_becomes_guillemets():
    c = conv("Une patiente demande :\n\n> Faut-il arrêter\n> de fumer ?\n\nOui.")
    assert c.text == "Une patiente demande :\n\n«\u00a0Faut-il arrêter\nde fumer ?\u00a0»\n\nOui."
    already = conv("> « Déjà entre guillemets »")
    assert already.text == "« Déjà entre guillemets »"


def test_code_tables_and_html_become_lines_with_a_warning():
    md = ("Texte.\n\n```\nligne de code\n```\n\n| Acte | Durée |\n|---|---|\n| Lifting | 3 h |\n\n"
          "<div>Bloc <b>HTML</b></div>\n\nUn `code` en ligne.")
    c = conv(md)
    assert c.text.splitlines() == ["Texte.", "", "ligne de code", "", "Acte – Durée",
                                   "Lifting – 3 h", "", "Bloc HTML", "", "Un code en ligne."]
    assert {n.kind for n in c.notes} == {"code", "table", "html"}


def test_author_line_breaks_are_kept_and_blank_lines_collapsed():
    c = conv("Première ligne\ndeuxième ligne  \ntroisième\\\n\n\n\nNouveau paragraphe.")
    assert c.text == "Première ligne\ndeuxième ligne\ntroisième\n\nNouveau paragraphe."


def test_front_matter_and_comments_are_left_out():
    c = conv("---\ntitle: Essai\nnetworks: [x]\n---\nTexte <!-- note interne --> visible.\n"
             "<!--\nbrouillon\n-->\n")
    assert c.text == "Texte visible."


def test_french_typography_is_kept_and_nnbsp_configurable():
    md = "Pourquoi\u202f? « Parce que »\u202f: c’est l’œdème…"
    assert conv(md, "linkedin").text == md                      # kept by default
    assert conv(md, "x").text == md.replace("\u202f", "\u00a0")   # X: NNBSP weighs 2, NBSP 1
    assert conv(md, "linkedin", nbsp="space").text == md.replace("\u202f", " ")


def test_text_is_nfc():
    assert conv("Cafe\u0301 cre\u0300me").text == "Café crème"


def test_youtube_drops_angle_brackets_with_a_note():
    c = conv("Température < 38 et > 36.", "youtube")
    assert c.text == "Température 38 et 36."
    assert any(n.kind == "forbidden-char" for n in c.notes)


def test_entities_and_escapes_are_decoded():
    assert conv("R&amp;D \\*pas d'emphase\\* 1&nbsp;000").text == "R&D *pas d'emphase* 1\u00a0000"


def test_every_character_maps_back_to_the_source():
    md = "---\ntitle: t\n---\n# Titre\n\nUn **mot** et [lien](https://a.fr).\n"
    c = conv(md)
    i = c.text.index("mot")
    s, e = c.source_span(i, i + 3)
    assert md[s:e] == "mot"
    i = c.text.index("https")
    s, e = c.source_span(i, i + len("https://a.fr"))
    assert md[s:e] == "https://a.fr"
