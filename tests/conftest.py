"""Shared helpers: run the real CLI, find the shared dev corpus (optional)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
# A GitHub workflow command as the Actions runner parses it: property values hold no raw
# "," or ":", nothing holds a raw CR or LF, and "%" only starts an escape.
_ESCAPED = r"(?:[^%\r\n]|%25|%0D|%0A|%3A|%2C)"
_PROPERTY = rf"[a-z]+=(?:(?![,:]){_ESCAPED})+"
GITHUB_ANNOTATION = re.compile(
    rf"^::(error|warning|notice)(?: {_PROPERTY}(?:,{_PROPERTY})*)?::{_ESCAPED}*$"
)
CORPUS = Path(os.environ.get("SKILLCHECK_DEV_CORPUS", REPO.parent / "shared" / "corpus" / "dev"))
# The suite never reads or fills the user's own result cache.
os.environ["SKILLCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="skillcheck-test-cache-")


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m skillcheck ARGS`` as a user would, capturing its output."""
    full_env = {**os.environ, "COLUMNS": "80", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "skillcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=300,
    )


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "gold.json").is_file():
        pytest.skip("the shared dev corpus (../shared/corpus/dev) is not beside this checkout")
    return CORPUS
