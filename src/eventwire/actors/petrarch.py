"""Convert PETRARCH / Phoenix / TABARI actor and agent dictionaries into eventwire's YAML format.

Actor files (``Phoenix.Countries.actors.txt`` style)::

    NAME_OF_ACTOR_  [CODE]                 one line, undated
    +SYNONYM_                              synonyms of the entry above
    NAME_ # comment
        [CODE 320101-331108]               dated codes (YYMMDD or YYYYMMDD, "A - B" with spaces too)
        [CODE <911226]  [CODE >990816]     before / after a date
        [CODE]                             the code outside every range

become entries of the ``persons.yaml`` schema (``names``, ``periods`` with from/to/country/sectors,
``default``). Agent files (``Phoenix.agents.txt`` style)::

    !PERSON! = MAN, MEN, WOMAN             macros, expanded
    TERM_WORDS {PLURAL_FORMS} [~GOVMIL]    suffix agents; [IGO~] prefix agents

become ``roles`` of the ``sectors.yaml`` schema. Codes eventwire does not know as roles are dropped and
listed in a comment on the entry. Every line that cannot be read is reported with file and line.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import error
from .codes import INTERNATIONAL, ROLE_CODES

_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^\s*(![A-Z_]+!)\s*=\s*(.+)$")


@dataclass
class Problem:
    line: int
    message: str


@dataclass
class Converted:
    """The converted entries and the problems met (file:line messages)."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    i = line.find("#")
    return line[:i] if i >= 0 else line


def _name(raw: str) -> str:
    s = raw.strip().replace("_", " ")
    return re.sub(r"\s+", " ", s).strip()


def _display(name: str) -> str:
    """PETRARCH writes names in capitals: "KOFI ANNAN" → "Kofi Annan"; short acronyms stay ("UN", "U.N.")."""
    if not name.isupper() or (" " not in name and len(name.replace(".", "")) <= 4):
        return name
    small = {"OF", "THE", "AND", "FOR", "DE", "AL", "BIN", "VON", "VAN"}
    words = name.split(" ")
    return " ".join(
        w.lower() if (i and w in small) else w if len(w.replace(".", "")) <= 1 else w[:1] + w[1:].lower()
        for i, w in enumerate(words)
    )


def _date(s: str) -> _dt.date:
    s = s.strip()
    if len(s) not in (6, 8) or not s.isdigit():
        raise ValueError(f"bad date {s!r}")
    if len(s) == 6:  # YYMMDD: TABARI's two-digit years, 1930-2029
        yy = int(s[:2])
        s = f"{1900 + yy if yy >= 30 else 2000 + yy}{s[2:]}"
    if len(s) != 8 or not s.isdigit():
        raise ValueError(f"bad date {s!r}")
    return _dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))


def split_code(code: str) -> tuple[str | None, list[str], list[str]]:
    """A CAMEO code → (country or international code, role sectors, other three-letter codes)."""
    code = code.strip().upper()
    if not code or code.startswith("---"):
        rest = code[3:] if code else ""
        country = None
    else:
        country, rest = code[:3], code[3:]
    parts = [rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3]
    return country, [p for p in parts if p in ROLE_CODES], [p for p in parts if p not in ROLE_CODES]


def _period(block: str) -> dict[str, Any]:
    """'AFGGOV 331108-730717' → {from, to, country, sectors}."""
    parts = block.strip().split(None, 1)
    if not parts:
        raise ValueError("empty code")
    code, when = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    country, sectors, other = split_code(code)
    out: dict[str, Any] = {"from": None, "to": None, "country": country or "---", "sectors": sectors + other}
    if when:
        w = when.replace(" ", "")
        if w.startswith("<"):
            out["to"] = _date(w[1:]) - _dt.timedelta(days=1)
        elif w.startswith(">"):
            out["from"] = _date(w[1:])
        elif "-" in w:
            a, b = w.split("-", 1)
            out["from"], out["to"] = _date(a), _date(b)
        else:
            raise ValueError(f"bad date restriction {when!r}")
    return out


def convert_actors(lines: Iterable[str], source: str) -> Converted:
    """PETRARCH actor dictionary lines → persons.yaml entries (dated codes kept as periods)."""
    res = Converted()
    cur: dict[str, Any] | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None:
            if cur["periods"] or cur.get("default"):
                res.entries.append(cur)
            else:
                res.problems.append(f"{source}:{cur['__line__']}: entry {cur['names'][0]!r} has no code")
            cur = None

    for n, raw in enumerate(lines, 1):
        line = _strip_comment(raw.rstrip("\n"))
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if cur is None:
                res.problems.append(f"{source}:{n}: synonym {stripped!r} without an entry")
                continue
            blocks = _CODE_BLOCK.findall(stripped)
            name = _display(_name(_CODE_BLOCK.sub("", stripped[1:])))
            if name:
                cur["names"].append(name)
            for b in blocks:
                _add_block(cur, b, source, n, res)
            continue
        if line[:1].isspace() or stripped.startswith("["):
            if cur is None:
                res.problems.append(f"{source}:{n}: code {stripped!r} without an entry")
                continue
            for b in _CODE_BLOCK.findall(stripped):
                _add_block(cur, b, source, n, res)
            continue
        close()
        name = _display(_name(_CODE_BLOCK.sub("", stripped)))
        if not name:
            res.problems.append(f"{source}:{n}: no name in {stripped!r}")
            continue
        cur = {"names": [name], "periods": [], "__line__": n}
        for b in _CODE_BLOCK.findall(stripped):
            _add_block(cur, b, source, n, res)
    close()
    for e in res.entries:
        e.pop("__line__", None)
        e["names"] = list(dict.fromkeys(e["names"]))
        if not e["periods"]:
            del e["periods"]
    return res


def _add_block(cur: dict[str, Any], block: str, source: str, n: int, res: Converted) -> None:
    try:
        p = _period(block)
    except ValueError as e:
        res.problems.append(f"{source}:{n}: {e}")
        return
    if p["from"] is None and p["to"] is None:
        cur["default"] = {"country": p["country"], "sectors": p["sectors"]}
    else:
        cur["periods"].append(p)


def convert_agents(lines: Iterable[str], source: str) -> Converted:
    """PETRARCH agent dictionary lines → sectors.yaml ``roles`` entries."""
    res = Converted()
    macros: dict[str, list[str]] = {}
    for n, raw in enumerate(lines, 1):
        line = _strip_comment(raw.rstrip("\n")).strip()
        if not line:
            continue
        m = _MACRO.match(line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        blocks = _CODE_BLOCK.findall(line)
        if not blocks:
            res.problems.append(f"{source}:{n}: no [code] in {line!r}")
            continue
        head = _CODE_BLOCK.sub("", line)
        plurals: list[str] = []
        pm = re.search(r"\{([^}]*)\}", head)
        if pm:
            plurals = [w for w in pm.group(1).split() if w]
            head = head[: pm.start()] + head[pm.end() :]
        code = blocks[0].strip()
        sectors: list[str] = []
        fallback = None
        dropped: list[str] = []
        if code.startswith("~"):
            body = code[1:]
            parts = [body[i : i + 3] for i in range(0, len(body), 3)]
        elif code.endswith("~"):
            body = code[:-1]
            parts = [body[i : i + 3] for i in range(0, len(body), 3)]
            if parts and parts[0] in INTERNATIONAL:
                fallback = parts.pop(0)
        else:
            res.problems.append(f"{source}:{n}: agent code {code!r} is neither ~XXX nor XXX~")
            continue
        for p in parts:
            (sectors if p in ROLE_CODES else dropped).append(p)
        terms = _expand(_name(head), macros) + [t for w in plurals for t in _expand(_name(w), macros)]
        terms = list(dict.fromkeys(t.lower() for t in terms if t))
        if not terms:
            res.problems.append(f"{source}:{n}: no term in {line!r}")
            continue
        entry: dict[str, Any] = {"terms": terms, "sectors": sectors}
        if fallback:
            entry["fallback"] = fallback
        if dropped:
            entry["__dropped__"] = dropped
        res.entries.append(entry)
    return res


def _expand(term: str, macros: dict[str, list[str]], used: frozenset[str] = frozenset()) -> list[str]:
    # each macro is expanded once per term: a macro whose values name it again ("!G! = !G!S") stays as written
    for k, vals in macros.items():
        if k in term and k not in used:
            return [t for v in vals for t in _expand(term.replace(k, v), macros, used | {k})]
    return [term]


def to_yaml(conv: Converted, kind: str, source: str) -> str:
    """The converted entries as an eventwire YAML file (persons.yaml or sectors.yaml schema)."""
    head = [
        f"# Imported from {source} by `eventwire dictionaries import-petrarch --kind {kind}`.",
        "# PETRARCH/TABARI dictionaries are MIT-licensed (Open Event Data Alliance); keep the notice.",
    ]
    body: list[str] = []
    if kind == "actors":
        head.append("# Schema: persons.yaml (names, periods with from/to/country/sectors, default).")
        for e in conv.entries:
            body.append(
                yaml.safe_dump([e], sort_keys=False, allow_unicode=True, default_flow_style=None, width=120).rstrip()
            )
    elif kind == "agents":
        head.append("# Schema: sectors.yaml (roles: terms, sectors, fallback).")
        body.append("roles:")
        for e in conv.entries:
            dropped = e.pop("__dropped__", None)
            text = yaml.safe_dump(
                [e], sort_keys=False, allow_unicode=True, default_flow_style=True, width=10_000
            ).strip()
            line = "  - " + text[1:-1].strip()
            if dropped:
                line += f"  # codes without an eventwire role: {' '.join(dropped)}"
            body.append(line)
    else:
        raise error("E305", kind=kind)
    return "\n".join(head + body) + "\n"


def convert_file(path: str, kind: str) -> tuple[str, list[str]]:
    """Read a PETRARCH dictionary file and return (eventwire YAML, problems)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
    except OSError as e:
        raise error("E301", where=path, what=path, reason=e) from e
    if kind == "actors":
        conv = convert_actors(lines, path)
    elif kind == "agents":
        conv = convert_agents(lines, path)
    else:
        raise error("E305", kind=kind)
    return to_yaml(conv, kind, path), conv.problems
