"""Expand paths (files, folders, ``-``) and dispatch each file to its reader."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..story import Reject, Story
from .text import read_text_story


def read_paths(paths: Iterable[str]) -> Iterator[Story | Reject]:
    for p in paths:
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                yield read_text_story(f.read_text("utf-8"), origin=str(f))
            except InputError as e:
                yield Reject(origin=str(f), reason=e.message, code=e.code)
            except (OSError, UnicodeDecodeError) as e:
                yield Reject(origin=str(f), reason=f"cannot read: {e}", code="E101")
