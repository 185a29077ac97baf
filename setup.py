"""Build hook: ship the top-level ``rules/`` and ``resources/`` folders inside the package.

They live at the top of the repository (the clinic edits them there), and an installed wheel finds
them as ``editor/_data/rules`` and ``editor/_data/resources`` (see ``editor.paths``).
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "editor" / "_data"
        for name in ("rules", "resources"):
            source = ROOT / name
            if source.is_dir():
                shutil.rmtree(target / name, ignore_errors=True)
                shutil.copytree(source, target / name,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithData})
