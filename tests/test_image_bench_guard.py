"""The composite benchmark never rebuilds a held-out sample in place: a folder built for one
``--reseed`` given without it is refused (it used to be rebuilt as another sample, which
overwrote held-out images)."""
import importlib.util
import json
import sys

import pytest
from project_paths import ROOT

pytest.importorskip("PIL")


def _bench():
    spec = importlib.util.spec_from_file_location("image_bench", ROOT / "benchmarks" /
                                                  "image_bench.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["image_bench"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_a_set_built_for_another_reseed_is_refused_and_left_alone(tmp_path, capsys):
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps({"version": 0, "reseed": 33, "images": []}), encoding="utf-8")
    before = labels.read_bytes()
    with pytest.raises(SystemExit) as stop:
        _bench().main(["--set", str(tmp_path), "--split", "test"])
    assert stop.value.code == 2
    assert "--reseed 33" in capsys.readouterr().err
    assert labels.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.json"]
