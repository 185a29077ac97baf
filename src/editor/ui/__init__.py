"""The desktop editor (Qt). The only package that imports QtWidgets; nothing imports it back.

PySide6 is kept below 6.12 (pyproject.toml): 6.12.0 on Python 3.11 drops a reference to ``None``
on every call of a Qt method returning ``void`` (the interpreter then aborts with « none_dealloc »).
Raise the bound once a PySide6 release fixes it (PYSIDE bug tracker: « refcount None void return »).
"""
