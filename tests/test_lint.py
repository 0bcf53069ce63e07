"""The project's Python is clean under its linter (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import ROOT


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is installed by requirements-test.txt")
def test_ruff_finds_nothing():
    result = subprocess.run(["ruff", "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
