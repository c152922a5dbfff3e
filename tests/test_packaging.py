"""Packaging: every data file the code reads is shipped in the wheel (pyproject's package-data).

A glob that matches nothing yet (web/templates/*, web/static/* before the web pages exist) is
harmless to setuptools; a data file that no glob matches would be missing from an install.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "veille"


def test_every_data_file_is_in_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["veille"]
    shipped = {path for pattern in globs for path in PACKAGE.glob(pattern) if path.is_file()}
    data = {
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert data, "no data files found: the package moved?"
    missing = sorted(str(path.relative_to(PACKAGE)) for path in data - shipped)
    assert not missing, f"not in pyproject's package-data, so not installed: {missing}"


def test_pyarrow_loads_only_where_parquet_is_written() -> None:
    import subprocess
    import sys

    code = "import sys, veille.cli, veille.store.exports; print('pyarrow' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
