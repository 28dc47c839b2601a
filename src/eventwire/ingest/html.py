"""HTML pages: the main text is extracted with trafilatura; title, date and URL come from its metadata.

trafilatura is imported on first use (it is slow to import), and a page whose main text cannot be found
is a ``Reject``. The page's bytes go to trafilatura as they are, so it reads the page's own charset.
"""

from __future__ import annotations

import warnings
from typing import Any

from ..errors import InputError, error
from ..story import Story
from .dates import DateHint, parse_date_value
from .decode import check_binary
from .text import build_story

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _extract(data: bytes) -> Any:
    try:
        import trafilatura
    except ImportError as e:  # e.g. lxml without lxml_html_clean
        raise error("E118", reason=e) from e
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False, date_extraction_params=_DATE_PARAMS
        )


def read_html(data: bytes, origin: str) -> Story:
    """One HTML page → ``Story``; raises ``InputError`` when the page has no main text."""
    check_binary(data[:8192], origin)
    try:
        doc = _extract(data)
    except InputError as e:
        e.where = origin
        raise
    except Exception as e:  # noqa: BLE001 - third-party parser errors become a coded reject
        raise error("E117", where=origin, detail=f"cannot parse the HTML page: {type(e).__name__}: {e}") from e
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise error("E117", where=origin, detail="no main text found in the HTML page")
    title = (getattr(doc, "title", None) or "").strip() or None
    if title:  # the page's headline is usually repeated as the first line of the main text
        first, sep, rest = text.partition("\n")
        if sep and first.strip() == title:
            text = rest
    try:
        hint = parse_date_value(getattr(doc, "date", None))
    except InputError:
        hint = DateHint()
    meta: dict[str, Any] = {"extracted_by": "trafilatura"}
    if getattr(doc, "sitename", None):
        meta["site"] = doc.sitename
    return build_story(
        text,
        origin_file=origin,
        date_hint=hint,
        title=title,
        url=getattr(doc, "url", None),
        language=getattr(doc, "language", None),
        meta=meta,
    )
