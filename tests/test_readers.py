"""The readers on real files written into tmp_path: every encoding and format of the seeds reads back to the same
text, and every kind of bad input gets a clear InputError, naming the file, in bounded time. No mocks."""

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.core.errors import InputError
from policygraph.ingest.readers import MAX_BYTES, SourceText, read_bytes, read_document
from tests.support.bad_files import REFUSALS, pdf_with_content
from tests.support.documents import encodable, html_page, page_lines, pdf_bytes, seed_text, traditional, wrap
from tests.support.paths import SEED_FILES, SEED_IDS

TIME_LIMIT = 3.0  # seconds: every refusal is a size or header check, never a full parse

# Page chrome put around a notice; none of these strings may come out of the reader.
CHROME = ["网站首页", "政务公开", "当前位置", "相关文件", "分享到", "版权所有", "主办单位", "var tracker", "color:red"]


# --- makers: real documents, written the way other programs write them -----------------------------------------


def write_docx(path: Path, paragraphs: list[str], rows: list[list[str]], after: list[str]) -> None:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(rows, table.rows, strict=True):
        for text, cell in zip(cells, row.cells, strict=True):
            cell.text = text
    for paragraph in after:
        document.add_paragraph(paragraph)
    document.save(str(path))


def no_space(text: str) -> str:
    return "".join(text.split())


# --- text in every encoding -------------------------------------------------------------------------------------

# (label, codec used to write, the text written for a seed, the encoding the reader should report)
ENCODINGS: list[tuple[str, str, Callable[[str], str], str]] = [
    ("utf-8", "utf-8", lambda text: text, "utf-8"),
    ("utf-8-bom", "utf-8-sig", lambda text: text, "utf-8-sig"),
    ("utf-16-bom", "utf-16", lambda text: text, "utf-16"),
    ("gb18030", "gb18030", lambda text: text, "gb18030"),
    ("gbk", "gbk", lambda text: encodable(text, "gbk"), "gb18030"),
    ("big5", "big5", traditional, "cp950"),
    ("cp950", "cp950", lambda text: traditional(text, "cp950"), "cp950"),
]


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
@pytest.mark.parametrize(("label", "codec", "prepare", "reported"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_seed_reads_back_in_every_encoding(
    tmp_path: Path, seed: Path, label: str, codec: str, prepare: Callable[[str], str], reported: str
) -> None:
    text = prepare(seed_text(seed))
    path = tmp_path / f"{seed.stem}.{label}.txt"
    path.write_bytes(text.encode(codec))

    result = read_document(path)

    assert result.text == text
    assert (result.format, result.encoding) == ("text", reported)
    assert result.source == str(path)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def snippets(text: str, length: int) -> list[str]:
    """Short pieces with some Chinese in them, from all over the text: the case that fools detectors."""
    pieces = (text[start : start + length] for start in range(0, len(text) - length, 97))
    return [piece for piece in pieces if sum(not char.isascii() for char in piece) >= length // 2]


def misread(length: int) -> tuple[int, int]:
    """How many of the seeds' snippets of `length` characters, written in GB18030 and in Big5, read back wrong."""
    wrong = total = 0
    for seed in SEED_FILES:
        for piece in snippets(seed_text(seed), length):
            for codec, text in (("gb18030", piece), ("cp950", traditional(piece))):
                total += 1
                wrong += read_bytes(text.encode(codec), "snippet.txt").text != text
    return wrong, total


@pytest.mark.parametrize("length", [6, 10, 20, 60])
def test_short_chinese_texts_are_not_mistaken_for_the_other_encoding(length: int) -> None:
    # charset-normalizer alone misreads 40-80% of these at 6-10 characters and ~9% at 20.
    assert misread(length) == (0, misread(length)[1])


def test_four_character_texts_are_nearly_always_read_right() -> None:
    # Four characters are 8 bytes, and some Big5 words are also four common GB characters (善結算模 → 到挡衡家):
    # no statistics can tell those apart. Ties go to GB18030; the measured error is ~1% (4 of 578).
    wrong, total = misread(4)
    assert wrong <= total * 0.03


def test_a_stray_bad_byte_is_tolerated_not_fatal() -> None:
    data = bytearray(seed_text(SEED_FILES[0]).encode("gb18030"))
    data[5000] = 0xFF  # 0xFF is never valid in GB18030
    result = read_bytes(bytes(data), "damaged.txt")
    assert result.encoding == "gb18030"
    assert 1 <= result.text.count("\ufffd") <= 2  # the bad byte, and its pair's trail byte if that was orphaned
    assert "临州办发〔2021〕76号" in result.text


def test_read_bytes_and_read_document_agree(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(seed_text(SEED_FILES[1]).encode("gbk"))
    from_disk, uploaded = read_document(path), read_bytes(path.read_bytes(), "upload.txt")
    assert (from_disk.text, from_disk.sha256, from_disk.encoding) == (uploaded.text, uploaded.sha256, uploaded.encoding)
    assert uploaded.source == "upload.txt"


def test_a_notice_that_mentions_a_tag_is_still_plain_text() -> None:
    result = read_bytes("关于<p>标签的说明\n第二行".encode(), "notice.txt")
    assert (result.format, result.text) == ("text", "关于<p>标签的说明\n第二行")


# --- HTML --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
@pytest.mark.parametrize(("charset", "codec"), [("utf-8", "utf-8"), ("gb2312", "gb18030")])
def test_html_page_gives_the_notice_and_none_of_the_chrome(
    tmp_path: Path, seed: Path, charset: str, codec: str
) -> None:
    lines = page_lines(seed_text(seed))
    path = tmp_path / f"{seed.stem}.html"
    path.write_bytes(html_page(lines, charset).encode(codec))

    result = read_document(path)

    assert result.format == "html"
    assert result.text.splitlines() == lines
    for chrome in CHROME:
        assert chrome not in result.text or chrome in seed_text(seed)  # seed 002 was itself scraped with its 当前位置


def test_html_is_recognised_by_content_whatever_the_name() -> None:
    page = html_page(["第一段。", "第二段。"]).encode()
    result = read_bytes(page, "export.xls")  # Chinese sites often serve HTML under a spreadsheet's name
    assert (result.format, result.text) == ("html", "第一段。\n第二段。")


def test_html_page_declaring_gb2312_but_written_in_utf8() -> None:
    result = read_bytes(html_page(["关于印发通知的通知"], "gb2312").encode("utf-8"), "page.htm")
    assert (result.text, result.encoding) == ("关于印发通知的通知", "utf-8")


def test_html_article_header_and_tables_are_kept() -> None:
    page = """<html><body><header><nav>首页</nav></header>
    <article><header><h1>关于印发<br>重点工作任务的通知</h1></header>
    <table><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr>
    <tr><td>1</td><td><p>推广三明医改经验。</p><p>加强组织领导。</p></td><td>州卫健委</td></tr>
    <tr><td></td><td>无序号任务</td><td>州医保局</td></tr></table>
    <footer>临夏回族自治州人民政府办公室 2021年10月27日</footer></article>
    <footer>版权所有</footer></body></html>"""
    result = read_bytes(page.encode(), "page.html")
    assert result.text.splitlines() == [
        "关于印发",
        "重点工作任务的通知",
        "序号\t任务\t牵头单位",
        "1\t推广三明医改经验。 加强组织领导。\t州卫健委",
        "\t无序号任务\t州医保局",
        "临夏回族自治州人民政府办公室 2021年10月27日",
    ]


# --- DOCX --------------------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_rows_in_order(tmp_path: Path) -> None:
    lines = page_lines(seed_text(SEED_FILES[0]))
    rows = [
        ["序号", "工作任务", "牵头单位", "配合单位"],
        ["1", "推广三明市医改经验", "州卫健委", "州医保局、州财政局"],
        ["2", "加强组织领导", "州医改办", ""],
    ]
    path = tmp_path / "notice.docx"
    write_docx(path, lines[:10], rows, lines[10:20])

    result = read_document(path)

    assert (result.format, result.encoding) == ("docx", None)
    assert result.text.splitlines() == [*lines[:10], *("\t".join(row) for row in rows), *lines[10:20]]


def test_docx_merged_cells_are_read_once_per_row(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并的任务"
    table.cell(0, 2).text = "州卫健委"
    for column, text in enumerate(["1", "任务二", "州医保局"]):
        table.cell(1, column).text = text
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read_document(path).text.splitlines() == ["合并的任务\t州卫健委", "1\t任务二\t州医保局"]


# --- PDF ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_pdf_text_layer_gives_the_lines_back(tmp_path: Path, seed: Path) -> None:
    lines = seed_text(seed).splitlines()[:40]
    path = tmp_path / f"{seed.stem}.pdf"
    path.write_bytes(pdf_bytes(lines))

    result = read_document(path)

    assert (result.format, result.encoding) == ("pdf", None)
    assert no_space(result.text) == no_space("".join(lines))  # pypdf decides the spaces and line breaks


# --- refusals (tests/support/bad_files.py) ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "reason"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_bad_input_is_refused_clearly_and_quickly(
    tmp_path: Path, name: str, make: Callable[[Path], object], reason: str
) -> None:
    path = tmp_path / name
    make(path)

    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_document(path)
    elapsed = time.perf_counter() - started

    assert elapsed < TIME_LIMIT
    assert caught.value.source == str(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert caught.value.reason.startswith(reason)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_document(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_an_oversized_upload_is_refused_before_decoding() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"upload\.txt: file too large"):
        read_bytes(b"a" * (MAX_BYTES + 1), "upload.txt")
    assert time.perf_counter() - started < TIME_LIMIT


def test_hand_written_pdf_reads() -> None:
    # The bomb's own PDF writer makes files pypdf reads: the refusal above is about size, not a malformed file.
    text = read_bytes(pdf_with_content(b"BT /F1 12 Tf 10 10 Td (Health reform tasks for 2021) Tj ET\n"), "a.pdf").text
    assert text == "Health reform tasks for 2021"


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=500).map(lambda text: text.encode("gb18030"))))
def test_any_bytes_give_text_or_an_input_error(data: bytes) -> None:
    try:
        result = read_bytes(data, "fuzz.bin")
    except InputError as error:
        assert error.source == "fuzz.bin" and error.reason
    else:
        assert result.text.strip()


def test_wrapping_keeps_numbers_whole_and_punctuation_off_line_starts() -> None:
    assert wrap("  一二三四五，六七", 5) == ["一二三四", "五，六七"]
    assert wrap("一二三2021年", 5) == ["一二三", "2021年"]
    assert wrap("一二三四（五六", 5) == ["一二三四", "（五六"]


def test_source_text_is_immutable() -> None:
    result = read_bytes("通知".encode(), "a.txt")
    assert isinstance(result, SourceText)
    with pytest.raises(AttributeError):
        result.text = "changed"  # type: ignore[misc]
