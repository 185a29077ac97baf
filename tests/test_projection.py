"""The prose projection: what is checked, and exact offsets back into the file."""
from editor.document.projection import IMAGE_MARK, project


def spans(source):
    proj = project(source)
    out = []
    for seg in proj.segments:
        text = seg.text.replace(IMAGE_MARK, "")
        out.append((seg.scope, " ".join(text.split())))
    return out


def test_scopes_of_a_post():
    src = ("---\ntitle: Lifting du visage\nstatus: brouillon\n---\n# Titre **gras**\n\n"
           "Un paragraphe avec [un lien](https://exemple.fr/garanti) et `code garanti`.\n\n"
           "- premier point\n- second point\n\n> une citation\n\n"
           "![avant l'intervention](images/lea_avant.jpg)\n")
    got = spans(src)
    assert ("title", "Lifting du visage") in got
    assert ("heading", "Titre gras") in got
    assert ("paragraph", "Un paragraphe avec un lien et .") in got
    assert ("list", "premier point") in got and ("list", "second point") in got
    assert ("quote", "une citation") in got
    assert ("alt", "avant l'intervention") in got
    assert ("image-name", "lea_avant") in got


def test_code_urls_and_html_attributes_are_not_prose():
    src = ('```\nrésultat garanti\n```\n\nTexte <span title="résultat garanti">visible</span> '
           "https://garanti.fr <!-- caché garanti -->\n")
    text = " ".join(seg.text for seg in project(src).segments)
    assert "visible" in text
    assert "résultat garanti" not in text
    assert "caché" not in text


def test_unclosed_fence_and_deep_nesting_do_not_break():
    src = ">" * 5000 + " profond\n\n" + "[" * 100000 + "\n\n```\nnon fermé"
    proj = project(src)
    assert any("profond" in s.text for s in proj.segments)


def test_offsets_survive_emoji_crlf_entities_and_front_matter():
    src = "---\r\ntitle: x\r\n---\r\n😀😀 **Résultat** &amp; garanti\r\n\r\n- 🎁 item\r\n"
    for seg in project(src).segments:
        for i, ch in enumerate(seg.text):
            s, e = seg.map.start(i), seg.map.end(i)
            if ch == "&":
                assert src[s:e] == "&amp;"
            elif ch not in ("\n", " ", IMAGE_MARK):
                assert src[s:e] == ch, (seg.text, i)


def test_setext_heading_and_table():
    got = spans("Titre souligné\n==============\n\n"
                "| acte | prix |\n|---|---|\n| lifting | 100 € |\n")
    assert ("heading", "Titre souligné") in got
    assert ("table", "| lifting | 100 € |") in got or any(s == "table" for s, _ in got)


def test_images_are_recorded_with_their_targets():
    src = "Voici ![A](a.jpg) et ![B](<dossier/b c.png> \"titre\")\n"
    proj = project(src)
    assert [i.target for i in proj.images] == ["a.jpg", "dossier/b c.png"]
    for img in proj.images:
        assert src[img.target_start:img.target_end] == img.target
