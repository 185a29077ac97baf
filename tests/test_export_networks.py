"""Network profiles are data: every limit lives in resources/networks/*.yaml."""
import pytest

from editor.export.networks import NetworkError, load_networks, parse_profile


def test_every_target_network_has_a_profile():
    nets = load_networks()
    assert {"instagram", "facebook", "linkedin", "x", "threads", "youtube"} <= set(nets)
    assert nets["x"].text_limit == 280 and nets["x"].counting == "weighted"
    assert nets["x"].url_length == 23 and nets["x"].thread
    assert nets["threads"].text_limit == 500 and nets["threads"].counting == "utf8-bytes"
    assert nets["threads"].hashtag_limit == 1
    assert nets["instagram"].text_limit == 2200 and not nets["instagram"].links_clickable
    assert nets["instagram"].hashtag_limit == 5 and nets["instagram"].fold_chars == 125
    assert nets["youtube"].counting == "utf8-bytes" and "<" in nets["youtube"].forbidden_chars
    assert nets["linkedin"].text_limit == 3000


def test_a_limit_that_changes_is_a_data_edit(tmp_path):
    for name in ("x",):
        (tmp_path / f"{name}.yaml").write_text(
            "label: X\ntext_limit: 25000\ncounting: weighted\nurl_length: 23\n", encoding="utf-8")
    nets = load_networks(tmp_path)
    assert nets["x"].text_limit == 25000


@pytest.mark.parametrize("body, expected", [
    ("label: X\ncounting: weighted\n", "'text_limit' is required"),
    ("text_limit: 280\ncounting: bytes\n", "'counting' must be one of"),
    ("text_limit: -3\ncounting: utf16\n", "'text_limit' must be a whole number"),
    ("text_limit: 280\ncounting: utf16\nlimite: 3\n", "unknown key 'limite'"),
    ("text_limit: [280\n", "invalid YAML"),
    ("- a\n- b\n", "must be a mapping"),
    ("text_limit: 280\ncounting: utf16\nthread: {enabled: true, numbering: '{i}'}\n",
     "must contain {i} and {n}"),
])
def test_broken_profile_is_reported_with_file_and_line(tmp_path, body, expected):
    f = tmp_path / "x.yaml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(NetworkError) as exc:
        load_networks(tmp_path)
    assert expected in str(exc.value)
    assert str(exc.value).startswith(str(f))


def test_line_number_of_a_bad_value():
    with pytest.raises(NetworkError) as exc:
        parse_profile("x", "label: X\ntext_limit: 280\ncounting: nope\n", "x.yaml")
    assert exc.value.line == 3
    assert str(exc.value).startswith("x.yaml:3: ")
