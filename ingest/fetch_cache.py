"""The fetcher's on-disk cache: what a URL gave, kept by the URL as typed, so that a re-ingest reads it again
without the network (and gives the same notice, with the same retrieval date). `--refresh` fetches again.

Two files per URL under the cache folder, named by the SHA-256 of the URL: `<hash>.json` (the URL, where the
document really came from, its content type and when it was retrieved) and `<hash>.bin` (the document's bytes).
Both are written to a temporary name and renamed, body first: a killed run never leaves half an entry that reads
as whole.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Fetched:
    """One URL's document as downloaded: the page itself, or the attachment a landing page led to."""

    url: str  # as the user gave it: the notice's `source`
    document_url: str  # where the bytes came from (after redirects; the attachment's URL for a landing page)
    content_type: str | None
    retrieved: str  # when, ISO 8601 in UTC (2026-12-06T15:20:04Z)
    data: bytes
    private: bool = False  # some hop went to a non-global address (allowed then): not served to a caller who is not


def _name(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def read(folder: Path, url: str) -> Fetched | None:
    """The cached document of `url`, or None when there is none (or it cannot be read whole)."""
    name = _name(url)
    try:
        meta = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        data = (folder / f"{name}.bin").read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("url") != url:
        return None
    return Fetched(url, str(meta["document_url"]), meta.get("content_type"), str(meta["retrieved"]), data,
                   bool(meta.get("private", False)))  # fmt: skip


def write(folder: Path, fetched: Fetched) -> None:
    """Keep `fetched` for its URL, replacing what was there."""
    folder.mkdir(parents=True, exist_ok=True)
    name = _name(fetched.url)
    meta = {key: value for key, value in asdict(fetched).items() if key != "data"}
    _replace(folder / f"{name}.bin", fetched.data)
    _replace(folder / f"{name}.json", json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
