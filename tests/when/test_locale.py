"""Dates never depend on the process locale: a program that sets a German locale gets the same events."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = r"""
import json, locale, sys
if sys.argv[1] != "C":
    locale.setlocale(locale.LC_ALL, sys.argv[1])
import calendar
import eventwire
stories = [
    ("Police arrested five protesters in Tbilisi on Monday.", "2024-03-14"),
    ("Armenia's foreign minister met his Georgian counterpart on Sept. 3 in Yerevan.", "2024-09-10"),
    ("Azerbaijan's president visited Ankara last Friday, his office said on Sunday.", "2024-05-06"),
]
out = [eventwire.code_text(t, date=d) for t, d in stories]
print(json.dumps({"month": calendar.month_name[1], "records": out}, sort_keys=True))
"""


def _german_locale_env(tmp: Path) -> dict[str, str] | None:
    """An environment in which ``de_DE.UTF-8`` exists: the system's, or one built with localedef."""
    env = dict(os.environ)
    probe = [sys.executable, "-c", "import locale; locale.setlocale(locale.LC_ALL, 'de_DE.UTF-8')"]
    if subprocess.run(probe, env=env, capture_output=True).returncode == 0:
        return env
    localedef = shutil.which("localedef")
    if localedef is None:
        return None
    made = subprocess.run([localedef, "-i", "de_DE", "-f", "UTF-8", str(tmp / "de_DE.UTF-8")], capture_output=True)
    if made.returncode not in (0, 1):  # 1: warnings only
        return None
    env["LOCPATH"] = str(tmp)
    return env if subprocess.run(probe, env=env, capture_output=True).returncode == 0 else None


def _run(loc: str, env: dict[str, str]) -> dict[str, object]:
    res = subprocess.run([sys.executable, "-c", SCRIPT, loc], env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    return dict(json.loads(res.stdout.splitlines()[-1]))


def test_german_locale_gives_the_same_events_and_dates(tmp_path: Path) -> None:
    env = _german_locale_env(tmp_path)
    if env is None:
        pytest.skip("no de_DE.UTF-8 locale and localedef cannot build one (apt-get install locales)")
    german = _run("de_DE.UTF-8", env)
    plain = _run("C", env)
    assert german["month"] == "Januar"  # the locale really is German in that process
    assert plain["month"] == "January"
    assert german["records"] == plain["records"]
    dates = [r["date"] for story in plain["records"] for r in story]  # type: ignore[union-attr]
    assert "2024-03-11" in dates and "2024-09-03" in dates  # Monday before the 14th; Sept. 3
