"""Code points <-> UTF-16 at the widget boundary: emoji before a flagged word."""
from editor.text.utf16 import Utf16Map, utf16_len


def test_map_round_trip_with_emoji():
    text = "😀 é 👍🏽 le meilleur chirurgien 🌸"
    m = Utf16Map(text)
    assert m.length_u16 == utf16_len(text) == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        u = m.to_utf16(cp)
        assert u == len(text[:cp].encode("utf-16-le")) // 2
        assert m.to_cp(u) == cp
    # inside a surrogate pair: the character it belongs to
    assert m.to_cp(1) == 0


def test_ascii_is_identity():
    m = Utf16Map("plain text")
    assert [m.to_utf16(i) for i in range(5)] == list(range(5))


def test_underline_sits_on_the_flagged_word_after_emoji(window, ui_engine):
    text = "😀👍🏽 Le meilleur chirurgien 🌸 : -20 % !\nSuite 🎉 code promo."
    window.editor.setPlainText(text)
    window.check_now()
    marks = window.editor.marks
    got = sorted(m.cursor.selectedText() for m in marks)
    assert got == sorted(["Le meilleur chirurgien", "-20 %", "code promo"])
    sels = window.editor.extraSelections()
    assert sorted(s.cursor.selectedText() for s in sels) == got
