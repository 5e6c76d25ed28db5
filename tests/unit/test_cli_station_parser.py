"""A bench start (no command named) parses with the station's own parser, which imports
none of the commands' modules; anything else gets the whole parser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from main import _parser, _parser_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("argv", [[], ["--db", "x.db"], ["--db", "demo", "--station", "s1"],
                                  ["--lang", "zh_CN", "--db", "a.db"], ["--db=report"]])
def test_a_station_start_reads_as_the_whole_parser_reads_it(argv):
    station = _parser_for(argv)
    assert station._subparsers is None
    assert station.parse_args(argv) == _parser().parse_args(argv)


@pytest.mark.parametrize("argv", [["demo"], ["--help"], ["--db", "a.db", "people", "list"],
                                  ["--lang", "xx"], ["--db"], ["--nonsense"]])
def test_a_command_help_or_mistake_gets_the_whole_parser(argv):
    assert _parser_for(argv)._subparsers is not None


def test_a_mistake_is_said_once_by_the_whole_parser():
    done = subprocess.run([sys.executable, "main.py", "--lang", "xx"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PACKDESK_LANGUAGE": "en"})
    assert done.returncode == 2
    assert done.stderr.count("error:") == 1 and "xx is not a language" in done.stderr


def test_the_station_parser_imports_no_command_module():
    probe = ("import sys, main; main._parser_for(['--db', 'x.db']).parse_args(['--db', 'x.db']);"
             " print(sorted(m for m in ('sync.cli', 'printing.report_cli', 'scanners.cli')"
             " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
