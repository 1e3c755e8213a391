"""The hostile corpus, generated: files that must be refused with a clear reason, and hostile files that must load.

Every refusal the reader knows (REFUSALS in tests/support/bad_files.py: empty, binary, zip-bomb DOCX, truncated and
bomb PDF, legacy Office …) is reused as is; added here are the cases that only show end to end: a real 50 MB text,
mixed encodings, deep HTML, a very long line, a hostile file name, and notices that load although their text is
hostile (Cypher and HTML in the title and agency names, control characters, truncated UTF-8, 10,000 tasks).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.support.bad_files import REFUSALS
from tests.support.paths import SEEDS
from tests.support.synthetic import cn_number

SEED_000 = SEEDS / "000_2021_甘肃省临夏州_临州办发〔2021〕76号.txt"
SEED_003 = SEEDS / "003_2022_山西省_晋政办发〔2022〕83号.txt"
SEED_004 = SEEDS / "004_2024_广东省_粤办函〔2024〕267号.txt"

CYPHER = "'}) DETACH DELETE n //"
HTML = "<script>alert(1)</script>"
HOSTILE_TITLE = f"{CYPHER}{HTML}深化医药卫生体制改革近期重点工作任务"
HOSTILE_AGENCY = "'}] DETACH DELETE n //<img src=x onerror=alert`1`>局"  # no ")" : that would close the attribution
TEN_THOUSAND = 10_000


@dataclass(frozen=True)
class Bad:
    """A file that must be refused: `reason` starts the one-line message."""

    name: str
    make: Callable[[Path], object]
    reason: str


@dataclass(frozen=True)
class Good:
    """A hostile file that must load: its key, and its tasks and lead edges (None: whatever is left of it)."""

    name: str
    make: Callable[[Path], object]
    key: str
    tasks: int | None
    leads: int | None


def seed_variant(seed: Path, old_no: str, new_no: str) -> str:
    """A seed under another 文号, so that it is a notice of its own beside the seed."""
    text = seed.read_text(encoding="utf-8")
    assert text.count(old_no) == 1, old_no
    return text.replace(old_no, new_no)


def hostile_notice() -> str:
    """A short 广东 notice (seed 004's header) whose title and one agency are Cypher and HTML."""
    return (
        "粤办函〔2024〕901号\n各地级以上市人民政府,省政府各部门:\n"
        "《广东省深化医药卫生体制改革近期重点工作任务》已经省人民政府同意,现印发给你们,请认真组织实施。\n"
        f"省政府办公厅\n2024年8月21日\n{HOSTILE_TITLE}\n一、重点任务\n"
        f"(一)推进家庭医生签约服务。({HOSTILE_AGENCY}负责,省财政厅配合)\n"
        "(二)推进紧密型县域医共体建设。(省卫生健康委负责)\n"
    )


def script_page() -> str:
    """The same notice as a web page, with a script that looks like a query and the title written as entities."""
    title = HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    lines = hostile_notice().replace("901号", "902号").splitlines()
    body = "\n".join(f"<p>{line.replace('<', '&lt;').replace('>', '&gt;')}</p>" for line in lines)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        "<script>fetch('/cypher', {method: 'POST', body: \"MATCH (n) DETACH DELETE n\"})</script></head>"
        f"<body><div class='article'>{body}</div></body></html>"
    )


def control_characters() -> str:
    """Seed 003 under another 文号 with NUL, BEL, ESC, DEL, C1, form feeds and vertical tabs inside its text."""
    text = seed_variant(SEED_003, "晋政办发〔2022〕83号", "晋政办发〔2022〕901号")
    for old, new in (("加强", "加\x00强"), ("推进", "推\x07进"), ("医保", "医\x1b[0m保"), ("完善", "完\x7f善\x85")):
        text = text.replace(old, new, 2)
    return text.replace("\n\n", "\n\x0c\n", 3).replace("。", "。\x0b", 2)


def truncated_utf8(path: Path) -> None:
    """Seed 000 under another 文号, cut inside a three-byte character two thirds of the way through."""
    data = seed_variant(SEED_000, "临州办发〔2021〕76号", "临州办发〔2021〕901号").encode("utf-8")
    cut = len(data) * 2 // 3
    while data[cut] & 0xC0 != 0x80:  # move onto a continuation byte: the character before it is cut
        cut += 1
    path.write_bytes(data[:cut])


def mixed_encodings(path: Path) -> None:
    """Half a notice in UTF-8, the other half in GBK: no one encoding reads it."""
    text = seed_variant(SEED_004, "粤办函〔2024〕267号", "粤办函〔2024〕903号")
    half = len(text) // 2
    path.write_bytes(text[:half].encode("utf-8") + text[half:].encode("gbk", errors="replace"))


def ten_thousand_tasks() -> str:
    """100 sections (一)…(一百) of 100 tasks 1.…100., each with one lead and one cooperating agency."""
    lines = [
        "临州办发〔2023〕901号", "临夏回族自治州人民政府办公室",
        "关于印发临夏州深化医药卫生体制改革2023年重点工作任务的通知", "各县(市)人民政府,州政府各部门:",
        "现将《临夏州深化医药卫生体制改革2023年重点工作任务》印发给你们,请认真贯彻落实。",
        "临夏回族自治州人民政府办公室", "2023年3月1日", "临夏州深化医药卫生体制改革2023年重点工作任务",
    ]  # fmt: skip
    for section in range(1, 101):
        lines.append(f"({'一百' if section == 100 else cn_number(section)})第{section}方面工作")
        lines.extend(
            f"{n}.推进第{section}-{n}项改革,落实家庭医生签约服务。(州卫生健康委负责,州财政局配合)"
            for n in range(1, 101)
        )
    return "\n".join(lines) + "\n"


def fifty_mb(path: Path) -> None:
    """A real 50 MB text (the seeds over and over), not a sparse file: refused by its size before it is read."""
    block = "".join(seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt"))).encode("utf-8")
    with path.open("wb") as out:
        while out.tell() < 50 * 2**20:
            out.write(block)
        out.truncate(50 * 2**20)


def deep_html(path: Path) -> None:
    """100,000 nested <div>s around a line of text: read without overflowing the stack, then no notice in it."""
    depth = 100_000
    path.write_text(
        f"<html><body>{'<div>' * depth}深化医药卫生体制改革{'</div>' * depth}</body></html>", encoding="utf-8"
    )


def long_line(path: Path) -> None:
    """One 8 MB line of Chinese (2.8 million characters): over the extractor's 1 million (ingest/readers.py)."""
    path.write_text("深化医药卫生体制改革" * (8 * 2**20 // 30), encoding="utf-8")


def write(text: str) -> Callable[[Path], object]:
    return lambda path: path.write_text(text, encoding="utf-8")


GOOD: list[Good] = [
    Good("cypher-title.txt", write(hostile_notice()), "粤办函〔2024〕901号", 2, 2),
    Good("script-page.html", write(script_page()), "粤办函〔2024〕902号", 2, 2),
    Good("control-chars.txt", write(control_characters()), "晋政办发〔2022〕901号", 20, 20),
    Good("truncated-utf8.txt", truncated_utf8, "临州办发〔2021〕901号", None, None),
    Good("ten-thousand-tasks.txt", write(ten_thousand_tasks()), "临州办发〔2023〕901号", TEN_THOUSAND, TEN_THOUSAND),
]
BAD: list[Bad] = [
    *(Bad(name, make, reason) for name, make, reason in REFUSALS),
    Bad("fifty-mb.txt", fifty_mb, "file too large (50.0 MB; the limit is 25 MB)"),
    Bad("mixed-encodings.txt", mixed_encodings, "mixed or unknown text encoding"),
    Bad("deep.html", deep_html, "no notice found: neither a title nor numbered tasks"),
    Bad("long-line.txt", long_line, "text too long (2,796,200 characters; the limit is 1,000,000)"),
    Bad("[red]evil\nname.txt", lambda path: path.write_bytes(b"\x7fELF" + bytes(100)), "binary file, not a document"),
]


def build(root: Path) -> tuple[Path, list[Path]]:
    """The corpus in root/corpus (seeds included); also the paths a folder search skips (.xls, .bin …), which are
    named on the command line as an analyst would."""
    corpus = root / "corpus"
    (corpus / "seeds").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, corpus / "seeds" / seed.name)
    for entry in [*GOOD, *BAD]:
        entry.make(corpus / entry.name)
    named = sorted(
        p
        for p in corpus.iterdir()
        if p.is_file() and p.suffix.lower() not in {".txt", ".html", ".htm", ".docx", ".pdf"}
    )
    return corpus, named
