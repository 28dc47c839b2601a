"""Reader for PETRARCH validation/unit-test records (XML-ish; read with regular expressions).

A record is a ``<Sentence id=".." date="YYYYMMDD" ...>`` tag (self-closed or not) followed, up to the next
``<Sentence``, by ``<EventCoding sourcecode=".." targetcode=".." eventcode=".."/>`` codings and a
``<Text>...</Text>``. ``<EventCoding noevents="True"/>`` means the sentence has no event;
``<EventCoding error="..."/>`` marks a record the coder should reject: it is skipped (counted).
Comments (and codings inside them) and everything before the first ``<Sentence`` are ignored. Codings
whose event code is not in the CAMEO codebook (the unit tests' made-up verb codes) are dropped and
counted; a record left with no scorable coding, or with no coding at all, or with an empty ``<Text>``, is
skipped (counted).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ...events import cameo
from ..gold import GoldEvent, GoldSentence, GoldSet
from ._common import bad, line_of, parse_date, read_text

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
_CODE = re.compile(r"^[0-9]{2,4}[A-Z]?$")


def _blank_comments(text: str) -> str:
    """Comments replaced by spaces of the same length (keeps offsets, hence line numbers)."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def read_petr(path: Path) -> GoldSet:
    raw = read_text(path)
    text = _blank_comments(raw)
    starts = list(_SENTENCE.finditer(text))
    out: list[GoldSentence] = []
    skipped = skipped_events = 0
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        body = text[m.end() : end]
        attrs = dict(_ATTR.findall(m.group(1)))
        rid = attrs.get("id") or f"line{line_of(text, m.start())}"
        where = f"{path}:{line_of(text, m.start())} ({rid})"
        t = _TEXT.search(body)
        if t is None:
            raise bad("record has no <Text>", where)
        if not t.group(1).strip():  # an empty <Text> (one real record): nothing to code
            skipped += 1
            continue
        sentence = " ".join(html.unescape(t.group(1)).split())
        events: list[GoldEvent] = []
        no_events = error = False
        codings = _CODING.findall(body)
        if not codings:  # no gold coding at all (e.g. commented out): not scorable
            skipped += 1
            continue
        for c in codings:
            a = dict(_ATTR.findall(c))
            if a.get("noevents", "").lower() == "true":
                no_events = True
                continue
            if "error" in a:
                error = True
                continue
            code = a.get("eventcode", "").strip()
            if not _CODE.match(code):
                raise bad(f"<EventCoding> has no valid eventcode ({code!r})", where)
            if not cameo.is_code(code):
                skipped_events += 1
                continue
            ev = GoldEvent(
                cameo=code,
                root=cameo.root_of(code),
                sources=tuple(x for x in [a.get("sourcecode", "").strip().upper()] if x),
                targets=tuple(x for x in [a.get("targetcode", "").strip().upper()] if x),
            )
            if ev not in events:
                events.append(ev)
        if error or (not events and not no_events):
            skipped += 1
            continue
        out.append(
            GoldSentence(id=rid, text=sentence, origin=where, date=parse_date(attrs.get("date"), where), events=events)
        )
    return GoldSet(str(path), "petr", "cameo", out, skipped=skipped, skipped_events=skipped_events)
