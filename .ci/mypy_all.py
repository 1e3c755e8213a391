"""Run mypy (strict, settings in pyproject.toml) and prove it checked every module of the package.

A wrong mypy path or package mapping makes mypy check a fraction of the files and still say "Success": this
compares mypy's own line-count report with every .py file under policygraph/ (following its folder links).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_modules() -> set[str]:
    modules = set()
    for folder, _, files in os.walk(ROOT / "policygraph", followlinks=True):  # into policygraph/graph -> ../graph …
        for name in files:
            if name.endswith(".py"):
                parts = (Path(folder) / name).relative_to(ROOT).with_suffix("").parts
                modules.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


def checked_modules(report: Path) -> set[str]:
    lines = (report / "linecount.txt").read_text(encoding="utf-8").splitlines()
    return {line.split()[-1] for line in lines if line.split()[-1] != "total"}


def main() -> int:
    with tempfile.TemporaryDirectory() as report:
        status = subprocess.run([sys.executable, "-m", "mypy", "--linecount-report", report], cwd=ROOT).returncode
        missing = sorted(package_modules() - checked_modules(Path(report)))
    expected = len(package_modules())
    if missing:
        print(f"mypy skipped {len(missing)} of {expected} modules: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"mypy checked all {expected} modules of the package")
    return status


if __name__ == "__main__":
    sys.exit(main())
