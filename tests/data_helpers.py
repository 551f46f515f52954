"""Helpers for the tests of the data files: edit a copy, load it, read the messages."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from macros.content.source import DataError


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[occurrence - 1]


def errors_for(tmp_path: Path, text: str, load: Callable, name: str) -> list[str]:
    """The messages `load(path, name=name)` refuses `text` with, written to a file named as `name`."""
    path = tmp_path / Path(name).name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(path, name=name)
    return caught.value.messages
