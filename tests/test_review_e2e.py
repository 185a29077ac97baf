"""`tact check` and `tact review` as real programs with the built-in rules: waivers end to end."""
import json

POST = "Tarif d'hiver : -25 % sur le lifting.\n"


def check(tact, path, env):
    proc = tact("check", "--format", "json", "--no-spelling", path, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    [f] = json.loads(proc.stdout)["files"]
    return proc, f["findings"]


def test_accepted_errors_are_waived_and_a_corrupt_review_file_does_not_stop_check(tmp_path, tact):
    env = {"TACT_CONFIG_DIR": str(tmp_path / "config")}
    post = tmp_path / "tarif.md"
    post.write_text(POST, encoding="utf-8")
    proc, items = check(tact, post, env)
    errors = [x for x in items if x["severity"] == "error"]
    assert proc.returncode == 1 and errors

    for x in errors:
        proc = tact("review", "accept", post, "--finding", x["id"], "--kind", "faux-positif",
                    "--reason", "Tarif conventionné, pas une promotion", "--by", "Julie Moreau",
                    "--no-spelling", env=env)
        assert proc.returncode == 0, proc.stderr
    proc, items = check(tact, post, env)
    assert proc.returncode == 0, proc.stderr
    assert all(x.get("waived") is True for x in items if x["severity"] == "error")

    journal = tmp_path / "tarif.review.jsonl"
    journal.write_bytes(journal.read_bytes().replace(b'"type"', b'"type', 1))
    proc, items = check(tact, post, env)
    assert proc.returncode == 1                                  # nothing waived any more
    assert f"{journal}: review file is corrupt" in proc.stderr
    assert not any(x.get("waived") for x in items)
