"""Stage what the Dockerfile's COPY lines put into the image, without a Docker engine (none runs on CI).

Usage: python .ci/docker_context.py STAGE_DIR
Copies each COPY source from the build context, minus what .dockerignore excludes (matched by the docker SDK's own
`exclude_paths`, the code `docker build` clients use), to STAGE_DIR/<destination>, and prints the staged folder the
Dockerfile's `pip install` builds. CI then builds the wheel from that folder: a file the image would miss fails CI.
"""

from __future__ import annotations

import json
import shlex
import shutil
import sys
from pathlib import Path, PurePosixPath

from docker.utils.build import exclude_paths

ROOT = Path(__file__).resolve().parent.parent


def instructions(dockerfile: Path) -> list[tuple[str, list[str]]]:
    """(INSTRUCTION, arguments) per logical line: continuations joined, comments dropped, JSON arrays parsed."""
    joined = dockerfile.read_text(encoding="utf-8").replace("\\\n", " ")
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        rest = rest.strip()
        args = json.loads(rest) if rest.startswith("[") else shlex.split(rest)
        found.append((word.upper(), args))
    return found


def context_files() -> set[str]:
    ignore = ROOT / ".dockerignore"
    patterns = [
        p.strip() for p in ignore.read_text(encoding="utf-8").splitlines() if p.strip() and not p.startswith("#")
    ]
    return set(exclude_paths(str(ROOT), patterns))


def copy_entry(relative: str, target: Path) -> None:
    source = ROOT / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        target.symlink_to(source.readlink())  # policygraph/graph -> ../graph stays a link, as in the image
    elif source.is_file():
        shutil.copy2(source, target)


def stage_copy(sources: list[str], destination: PurePosixPath, files: set[str], stage: Path) -> None:
    """Docker's COPY: a folder's contents go into the destination; a file goes into it if it ends in '/'."""
    for source in sources:
        prefix = "" if source in (".", "./") else source.rstrip("/") + "/"
        chosen = sorted(f for f in files if f.startswith(prefix) or f == source.rstrip("/"))
        if not chosen:
            raise SystemExit(f"Dockerfile: COPY {source}: nothing in the build context (missing, or in .dockerignore)")
        for relative in chosen:
            inside = relative.removeprefix(prefix) if relative != source else PurePosixPath(relative).name
            copy_entry(relative, stage / destination.relative_to("/") / inside)


def main(stage: Path) -> None:
    files = context_files()
    workdir = PurePosixPath("/")
    install_target: PurePosixPath | None = None
    for word, args in instructions(ROOT / "Dockerfile"):
        if word == "WORKDIR":
            workdir = workdir / args[0]
        elif word == "COPY" and not any(a.startswith("--from") for a in args):
            paths = [a for a in args if not a.startswith("--")]
            stage_copy(paths[:-1], workdir / paths[-1], files, stage)
        elif word == "RUN" and "pip" in args and install_target is None:
            install_target = workdir / " ".join(args).split("pip install", 1)[1].split("&&")[0].split()[-1]
    if install_target is None:
        raise SystemExit("Dockerfile: no `RUN pip install …` line to check")
    print(stage / install_target.relative_to("/"))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
