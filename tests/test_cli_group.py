from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from research_tool.cli import cli


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Interview studies" in result.output


def test_help_does_not_import_spacy() -> None:
    code = (
        "import sys; from research_tool.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spacy imported by --help'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
