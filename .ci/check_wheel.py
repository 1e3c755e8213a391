"""Check a built wheel: `policygraph` is its only top-level package, and every file of the package's folders is in it.

Usage: python .ci/check_wheel.py WHEEL
The package's folders are policygraph/ and the top-level folders it links to (graph/, ingest/, api/, cypher/,
visualize/, analysis/, seeds/): each tracked file there must be in the wheel under policygraph/, data files included.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINKED = ("graph", "ingest", "api", "cypher", "visualize", "analysis", "seeds")


def expected_files() -> set[str]:
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "policygraph", *LINKED], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    links = {f"policygraph/{name}" for name in LINKED}
    return {path if path.startswith("policygraph/") else f"policygraph/{path}" for path in tracked if path} - links


def main(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {name.split("/", 1)[0] for name in names if not name.split("/", 1)[0].endswith(".dist-info")}
    problems = []
    if tops != {"policygraph"}:
        problems.append(f"top-level entries other than policygraph/: {sorted(tops - {'policygraph'})}")
    top_level = next((n for n in names if n.endswith(".dist-info/top_level.txt")), None)
    if top_level is not None and zipfile.ZipFile(wheel).read(top_level).decode().split() != ["policygraph"]:
        problems.append(f"{top_level} names more than policygraph")
    missing = sorted(expected_files() - names)
    if missing:
        problems.append(f"{len(missing)} files of the package are not in the wheel: {', '.join(missing[:10])}")
    if problems:
        raise SystemExit(f"{wheel.name}: " + "; ".join(problems))
    print(f"{wheel.name}: one top-level package (policygraph), {len(names)} files, every package file present")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
