"""The `orgdesigner` program as a user starts it: a few runs in a fresh process. The commands'
behaviour is tested in process (test_cli*.py); the window's start in the window tests."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLES
from orgdesigner import cli
from orgdesigner.cli import COMMANDS
from orgdesigner.cli.export import PAPER_SIZES
from orgdesigner.pdf.paper import PaperSize

PROPOSED = SAMPLES / "cambridge-2022-proposed.orgd"


def orgdesigner(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orgdesigner", *args], capture_output=True, text=True, timeout=120)


def test_the_command_names_are_the_subcommands_own():
    """main() tells a command from a FILE by these names without importing the commands."""
    assert COMMANDS == tuple(module.NAME for module in cli.subcommands())


def test_check_runs_from_the_entry_point():
    result = orgdesigner("check", str(PROPOSED))
    assert result.returncode == 0, result.stderr
    assert "Findings" in result.stdout


def test_help_lists_the_commands_and_the_window():
    result = orgdesigner("--help")
    assert result.returncode == 0 and result.stderr == ""
    assert all(f"    {command}" in result.stdout for command in COMMANDS)
    assert "opens the designer window" in result.stdout and "[--screenshot OUT.png]" in result.stdout


def test_a_bad_file_exits_2_with_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.orgd"
    bad.write_text("{broken")
    result = orgdesigner("check", str(bad))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"orgdesigner: {bad}: not valid JSON") and "Traceback" not in result.stderr


def test_check_and_help_load_no_qt_reportlab_or_openpyxl():
    heavy = ("PySide6", "reportlab", "openpyxl")
    for args in (["check", str(PROPOSED)], ["--help"]):
        code = (f"import sys; from orgdesigner.main import main; code = main({args!r}); "
                f"print('LOADED', [m for m in {heavy!r} if m in sys.modules], code)")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert result.stdout.splitlines()[-1] == "LOADED [] 0", (args, result.stdout[-300:], result.stderr)


def test_opening_the_window_loads_no_pdf_spreadsheet_or_slide_library(tmp_path):
    """They are for exports; the window imports them when one is made, not to open (issue 14)."""
    heavy = ("reportlab", "openpyxl", "pypdfium2", "pptx")
    code = (f"import sys; from orgdesigner.main import main; code = main([{str(PROPOSED)!r}, '--screenshot', "
            f"{str(tmp_path / 'shot.png')!r}]); print('LOADED', [m for m in {heavy!r} if m in sys.modules], code)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.splitlines()[-1] == "LOADED [] 0", (result.stdout[-300:], result.stderr[-500:])
    assert (tmp_path / "shot.png").stat().st_size > 0


def test_the_paper_sizes_offered_are_the_pdf_packages():
    assert PAPER_SIZES == tuple(size.value for size in PaperSize)


def test_the_command_line_never_imports_the_window():
    """Not even lazily: `ui` sits above the command line, and only orgdesigner.main reaches both."""
    for source in Path(cli.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = "orgdesigner.cli".rsplit(".", node.level - 1)[0] if node.level else ""
                module = ".".join(part for part in (base, node.module) if part)
                names = [module] + [f"{module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")
                assert top[0] != "PySide6" and top[:2] != ["orgdesigner", "ui"], f"{source.name} imports {name}"
