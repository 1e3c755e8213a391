"""How fast the readers turn each format into text: MB/s of file read, on the seeds saved in every format.

    python -m bench.bench_readers [--seconds 1.0]

Each row writes the five seeds in one format to a temporary folder and reads them with `read_document` until at
least --seconds have passed; MB/s is file bytes per second (1 MB = 2**20 bytes, as in the size limit). The "×N"
rows read one large file made of the seeds repeated, as long as a reader accepts (MAX_CHARS characters).
"""

import argparse
import html
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
from opencc import OpenCC

from policygraph.ingest.readers import MAX_CHARS, read_document
from tests.support.documents import pdf_bytes

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
CHROME = '<div class="header"><ul class="nav"><li>网站首页</li><li>政务公开</li></ul></div>'


def big5(text: str) -> bytes:
    traditional: str = OpenCC("s2tw").convert(text)
    return traditional.encode("cp950", errors="replace")  # the few characters Big5 lacks do not matter for speed


def html_page(text: str) -> bytes:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = f'<!DOCTYPE html><html><head><meta charset="gb2312"><script>var a=1;</script></head><body>{CHROME}'
    return f'{page}<div class="article">{body}</div><div id="footer">版权所有</div></body></html>'.encode("gb18030")


def docx_file(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_file(text: str) -> bytes:
    return pdf_bytes(text.splitlines())  # the tests' PDF writer: a real text layer, lines wrapped as a layout would


FORMATS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "text utf-8": (".txt", lambda text: text.encode("utf-8")),
    "text gb18030": (".txt", lambda text: text.encode("gb18030")),
    "text big5": (".txt", big5),
    "html gb2312": (".html", html_page),
    "docx": (".docx", docx_file),
    "pdf": (".pdf", pdf_file),
}
LARGE = ("text gb18030", "text big5", "html gb2312")


def measure(paths: list[Path], seconds: float) -> tuple[float, float]:
    """(MB/s, milliseconds per file) reading `paths` over and over for at least `seconds`."""
    size = sum(path.stat().st_size for path in paths)
    rounds, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds or rounds == 0:
        for path in paths:
            read_document(path)
        rounds += 1
    return size * rounds / elapsed / 2**20, elapsed / (rounds * len(paths)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0)
    seconds = parser.parse_args().seconds
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    print(f"{'format':<22}{'files':>6}{'MB':>9}{'MB/s':>9}{'ms/file':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, write) in FORMATS.items():
            paths = [Path(folder) / f"{name.replace(' ', '-')}-{i}{suffix}" for i in range(len(texts))]
            for path, text in zip(paths, texts, strict=True):
                path.write_bytes(write(text))
            report(name, paths, seconds)
        whole = "\n".join(texts)
        times = MAX_CHARS // len(whole)  # the readers refuse a longer text, whatever its size in bytes
        for name in LARGE:
            suffix, write = FORMATS[name]
            path = Path(folder) / f"large{suffix}"
            # Text bytes repeat as they are (OpenCC would be slow over megabytes); a page repeats its body.
            path.write_bytes(write(whole * times) if name.startswith("html") else write(whole) * times)
            report(f"{name} ×{times}", [path], seconds)


def report(name: str, paths: list[Path], seconds: float) -> None:
    size = sum(path.stat().st_size for path in paths) / 2**20
    rate, per_file = measure(paths, seconds)
    print(f"{name:<22}{len(paths):>6}{size:>9.2f}{rate:>9.1f}{per_file:>10.1f}")


if __name__ == "__main__":
    main()
