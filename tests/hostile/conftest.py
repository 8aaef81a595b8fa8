"""The hostile files, generated once per session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.cases import Case, build_all


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Case]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, {case.name: case for case in build_all(folder)}
