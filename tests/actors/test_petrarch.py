"""``eventwire dictionaries import-petrarch`` on our own small fixtures in PETRARCH format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from click.testing import CliRunner

from eventwire.actors import ActorCoder
from eventwire.actors.petrarch import convert_file, split_code
from eventwire.cli.main import cli

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "actors"


def test_split_code() -> None:
    assert split_code("AFGGOVMIL") == ("AFG", ["GOV", "MIL"], [])
    assert split_code("IGOUNOKID") == ("IGO", [], ["UNO", "KID"])
    assert split_code("---GOV") == (None, ["GOV"], [])


def test_actors_with_date_ranges() -> None:
    text, problems = convert_file(str(FIX / "petrarch_sample.actors.txt"), "actors")
    data = yaml.safe_load(text)
    by_name = {e["names"][0]: e for e in data}
    assert by_name["Valdoria"]["names"] == ["Valdoria", "Valdorian", "Republic of Valdoria"]
    assert by_name["Valdoria"]["default"] == {"country": "VLD", "sectors": []}
    assert by_name["Valdorian Army"]["default"]["sectors"] == ["MIL"]
    k = by_name["Marta Kovelska"]
    assert k["names"] == ["Marta Kovelska", "President Kovelska"]
    assert k["periods"][0] == {
        "from": dt.date(1995, 1, 1),
        "to": dt.date(2001, 6, 14),
        "country": "VLD",
        "sectors": ["OPP"],
    }
    assert k["periods"][1]["sectors"] == ["GOV"] and k["periods"][1]["to"] == dt.date(2009, 12, 31)
    assert k["default"] == {"country": "VLD", "sectors": ["ELI"]}
    o = by_name["Otto Brandis"]["periods"]
    assert o[0]["from"] is None and o[0]["to"] == dt.date(2004, 12, 31)
    assert o[1]["from"] == dt.date(2005, 1, 1) and o[1]["sectors"] == ["GOV", "MIL"]
    assert "Broken Entry" not in by_name
    assert any(":25:" in p and "bad date" in p for p in problems)


def test_agents_with_macros_and_plurals() -> None:
    text, problems = convert_file(str(FIX / "petrarch_sample.agents.txt"), "agents")
    roles = yaml.safe_load(text)["roles"]
    terms = {t: r for r in roles for t in r["terms"]}
    assert terms["harbour master"]["sectors"] == ["GOV"]
    assert terms["city warden"]["sectors"] == ["COP"]
    assert terms["coastal troopers"]["sectors"] == ["MIL"]
    assert terms["beekeeper"]["sectors"] == ["AGR"]
    assert terms["peace monitor"] == {"terms": ["peace monitor"], "sectors": [], "fallback": "IGO"}
    assert "codes without an eventwire role: BEE" in text
    assert any("NO_CODE_HERE" in p for p in problems)


def test_cli_writes_loadable_files(tmp_path, coder) -> None:
    runner = CliRunner()
    out_a, out_g = tmp_path / "actors.yaml", tmp_path / "agents.yaml"
    r = runner.invoke(
        cli,
        [
            "dictionaries",
            "import-petrarch",
            str(FIX / "petrarch_sample.actors.txt"),
            "--kind",
            "actors",
            "-o",
            str(out_a),
        ],
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        cli,
        [
            "dictionaries",
            "import-petrarch",
            str(FIX / "petrarch_sample.agents.txt"),
            "--kind",
            "agents",
            "-o",
            str(out_g),
        ],
    )
    assert r.exit_code == 0, r.output
    # the converted files load as user dictionaries and code by story date
    from eventwire.story import Story

    ac = ActorCoder(extra=[out_a, out_g])
    text = "President Kovelska met the harbour master."
    doc = coder.nlp(text)
    ms = ac.code(doc, Story(id="t", text=text, date=dt.date(2003, 5, 1)))
    assert "VLDGOV" in [m.code for m in ms]
    ms = ac.code(doc, Story(id="t", text=text, date=dt.date(1997, 5, 1)))
    assert "VLDOPP" in [m.code for m in ms]


def test_cli_bad_kind() -> None:
    r = CliRunner().invoke(
        cli, ["dictionaries", "import-petrarch", str(FIX / "petrarch_sample.agents.txt"), "--kind", "verbs"]
    )
    assert r.exit_code == 2
