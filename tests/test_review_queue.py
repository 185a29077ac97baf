"""The reviewer's « À relire » list, without Qt: which posts wait, by title, who sent them and
when (in local calendar days), and how many problems are still open in each."""
from datetime import datetime, timedelta, timezone

import pytest
from review_support import make_engine

from editor.review.model import SOLO
from editor.review.queue import post_title, waiting_posts, when
from editor.review.session import ReviewSession

OFFER = "---\ntitle: Offre de printemps\n---\nOffre : -25 % sur le lifting, un effet miracle.\n"
PLAIN = "# Rhinoplastie : ce qu'il faut savoir\n\nLa consultation dure une heure.\n"
AUTHOR, ASSISTANT = "Dr Claire Martin", "Inès Dubois"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return make_engine(tmp_path_factory.mktemp("pack"))


def _post(folder, name, text):
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_only_posts_sent_for_review_are_listed_by_title_with_who_sent_them(tmp_path, engine):
    offer = _post(tmp_path, "2026-12-05-offre.md", OFFER)
    rhino = _post(tmp_path, "rhino.md", PLAIN)
    _post(tmp_path, "brouillon.md", "# Un brouillon\n\nPas encore soumis.\n")
    assert ReviewSession(offer).submit(OFFER, AUTHOR, "chirurgienne").ok
    assert ReviewSession(rhino).submit(PLAIN, AUTHOR).ok
    posts, errors = waiting_posts([str(tmp_path)], engine.check)
    assert errors == []
    by_title = {p.title: p for p in posts}
    # the front matter's title, else the first heading; never the file name; no draft
    assert set(by_title) == {"Offre de printemps", "Rhinoplastie : ce qu'il faut savoir"}
    offer_post = by_title["Offre de printemps"]
    assert (offer_post.sent_by, offer_post.sent_role) == (AUTHOR, "chirurgienne")
    assert offer_post.action == "submit" and offer_post.sent_at.endswith("Z")
    # one error (the discount) and one warning (miracle) open; nothing open in the other
    assert (offer_post.errors, offer_post.warnings, offer_post.open_items) == (1, 1, 2)
    assert by_title["Rhinoplastie : ce qu'il faut savoir"].open_items == 0
    # waiting for the assistant, not for the author who sent them
    assert offer_post.sent_by_someone_else(ASSISTANT)
    assert not offer_post.sent_by_someone_else("dr claire  martin")


def test_without_a_check_the_open_problems_are_unknown(tmp_path):
    offer = _post(tmp_path, "offre.md", OFFER)
    assert ReviewSession(offer).submit(OFFER, AUTHOR).ok
    [p], _ = waiting_posts([str(tmp_path)])
    assert p.open_items is None and p.errors is None


def test_accepted_problems_and_open_comments(tmp_path, engine):
    offer = _post(tmp_path, "offre.md", OFFER)
    s = ReviewSession(offer)
    assert s.submit(OFFER, AUTHOR).ok
    discount = next(f for f in engine.check(OFFER).findings if f.rule == "test.discount")
    assert s.accept(OFFER, discount, "autre", "Offre retirée du site, texte d'archive.",
                    ASSISTANT).ok
    start = OFFER.index("miracle")
    assert s.add_comment(OFFER, start, start + 7, "À reformuler ?", ASSISTANT).ok
    [p], _ = waiting_posts([str(tmp_path)], engine.check)
    assert (p.errors, p.warnings) == (0, 1)         # the accepted discount is not open
    assert p.open_comments == 1


def test_posts_sent_back_approved_or_withdrawn_do_not_wait(tmp_path, engine):
    a = _post(tmp_path, "a.md", PLAIN)
    b = _post(tmp_path, "b.md", PLAIN)
    assert ReviewSession(a).submit(PLAIN, AUTHOR).ok
    assert ReviewSession(a).request_changes(PLAIN, ASSISTANT, comment="Titre à revoir").ok
    assert ReviewSession(b).submit(PLAIN, AUTHOR).ok
    assert ReviewSession(b).approve(PLAIN, [], AUTHOR, mode=SOLO).ok
    assert waiting_posts([str(tmp_path)])[0] == []
    # an approved text edited since waits again: « modifié après approbation »
    b.write_text(PLAIN + "\nUne phrase ajoutée.\n", encoding="utf-8")
    [p], _ = waiting_posts([str(tmp_path)])
    assert p.path == b and p.action == "edited" and p.sent_at


def test_most_recently_sent_first(tmp_path, monkeypatch):
    from editor.review import journal

    a = _post(tmp_path, "a.md", "# Premier\n\nTexte.\n")
    b = _post(tmp_path, "b.md", "# Second\n\nTexte.\n")
    c = _post(tmp_path, "c.md", "# Troisième\n\nTexte.\n")
    for p, at in ((b, "2026-12-01T09:00:00Z"), (a, "2026-12-04T17:12:00Z"),
                  (c, "2026-11-20T08:00:00Z")):
        monkeypatch.setattr(journal, "now", lambda at=at: at)
        assert ReviewSession(p).submit(p.read_text("utf-8"), AUTHOR).ok
    posts, _ = waiting_posts([str(tmp_path)])
    assert [p.title for p in posts] == ["Premier", "Second", "Troisième"]
    assert posts[0].sent_at == "2026-12-04T17:12:00Z"


def test_a_damaged_review_file_lists_the_post_with_its_problem(tmp_path):
    from editor.review import journal_path

    p = _post(tmp_path, "a.md", PLAIN)
    assert ReviewSession(p).submit(PLAIN, AUTHOR).ok
    with journal_path(p).open("ab") as f:
        f.write(b"{not json\n")
    [w], errors = waiting_posts([str(tmp_path)])
    assert errors == [] and w.path == p and w.sent_by == AUTHOR
    assert w.review_damaged and not w.check_failed and "corrompu" in w.error


def test_title_falls_back_to_the_heading_then_the_file_name(tmp_path):
    p = tmp_path / "2026-12-05-sans-titre.md"
    assert post_title(p, "---\ntitle: Mon titre\n---\n# Autre\n") == "Mon titre"
    assert post_title(p, "---\nnetworks: [x]\n---\n\n# Le titre du corps #\n") == \
        "Le titre du corps"
    assert post_title(p, "Pas de titre ici.\n") == "2026-12-05-sans-titre"
    assert post_title(p, "---\ntitle: [\n---\nTexte\n") == "2026-12-05-sans-titre"


# -- « hier à 18 h 12 »: calendar days in the local time zone ---------------------------------
PARIS_WINTER = timezone(timedelta(hours=1))


def test_when_counts_calendar_days_in_local_time():
    now = datetime(2026, 12, 6, 9, 30, tzinfo=PARIS_WINTER)
    # sent at 17:12 UTC yesterday: 18:12 in Paris, « hier »
    w = when("2026-12-05T17:12:00Z", now)
    assert (w.local.hour, w.local.minute, w.days, w.kind) == (18, 12, 1, "yesterday")
    # 23:30 UTC on the 5th is already the 6th in Paris: « aujourd’hui »
    assert when("2026-12-05T23:30:00Z", now).kind == "today"
    assert when("2026-12-02T08:00:00Z", now).kind == "week"          # a weekday is enough
    assert when("2026-11-03T10:40:00Z", now).kind == "year"          # day and month
    assert when("2025-11-03T10:40:00Z", now).kind == "older"         # with the year
    assert when("2026-12-08T10:00:00Z", now).kind == "older"         # another machine's clock
    assert when("", now) is None and when("hier", now) is None
