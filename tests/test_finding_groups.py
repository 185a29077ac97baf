"""One problem, one item: findings on overlapping passages share a ``group`` (CONTRACT: optional
key of the JSON report), spelling and network limits stay items of their own."""
import json

from project_paths import run_tact


def groups(engine, text):
    out: dict[str, list] = {}
    for f in engine.check(text).findings:
        out.setdefault(f.group, []).append(f)
    return out


def test_a_before_after_pair_is_one_item(engine):
    text = "Avant ![avant](avant.jpg) après ![apres](apres.jpg) J+30"
    got = groups(engine, text)
    assert len(got) == 1
    (items,) = got.values()
    assert len(items) >= 4 and {f.category for f in items} >= {"before-after"}


def test_separate_passages_are_separate_items(engine):
    text = "Résultat garanti à vie.\n\nPromo -30 % ce mois-ci."
    got = groups(engine, text)
    assert len(got) >= 2
    for name, items in got.items():
        assert name == items[0].id            # named by its first finding: stable


def test_spelling_is_its_own_item(full_engine):
    text = "Un résultat garanti sans cicatrisse."
    fs = full_engine.check(text).findings
    spelled = [f for f in fs if f.category == "spelling"]
    assert spelled and all(f.group == f.id for f in spelled)


def test_json_report_carries_groups(tmp_path):
    post = tmp_path / "p.md"
    post.write_text("Merci à Julie pour ce résultat garanti à vie !\n", encoding="utf-8")
    r = run_tact("check", "--format", "json", "--no-spelling", str(post))
    found = json.loads(r.stdout)["files"][0]["findings"]
    assert found and all(f["group"] for f in found)
    ids = {f["id"] for f in found}
    assert all(f["group"] in ids for f in found)
