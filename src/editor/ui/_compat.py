"""Work around a reference-counting defect of PySide6 6.12 on Python 3.11.

Measured here (PySide6 6.12.0, CPython 3.11.7): every call of a Qt method that returns ``void``
(``setText``, ``setVisible``, ``setUnderlineStyle``...) gives back ``None`` without the reference it
owes, so ``None``'s reference count falls by one per call. A window that runs long enough, or an
interpreter shutting down, then dies with "Fatal Python error: none_dealloc: deallocating None".
Python 3.12 made ``None`` immortal (PEP 683), which hides the defect there.

The workaround detects the leak (a few void calls on a QObject) and, if present, gives ``None`` a
reserve of references so large it can never reach zero — what Python 3.12 does for every
interpreter. Nothing happens where the defect is absent.
"""
from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
applied = False


def leaks_none() -> bool:
    from PySide6.QtCore import QObject

    o = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        o.setObjectName("x")
    return sys.getrefcount(None) < before - 32


def protect_none() -> bool:
    """Apply the workaround when needed; returns whether it was applied."""
    global applied
    if applied or sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return applied
    if leaks_none():
        ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
        applied = True
    return applied
