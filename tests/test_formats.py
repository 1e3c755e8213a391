"""A notice is the same notice whatever it was saved as: GB18030, traditional characters in Big5, a web page with
its chrome, a Word file or a PDF must all give the record the plain UTF-8 seed gives. Plus a property test: the
extractor never raises, whatever text it is handed."""

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policygraph.ingest.readers import read_document
from tests.support.documents import html_page, page_lines, pdf_bytes, seed_text, traditional
from tests.support.paths import SEED_FILES, SEED_IDS

if (
    importlib.util.find_spec("policygraph.ingest.extract") is None
):  # only absence skips: a broken extractor must fail here
    pytest.skip("extractor not built yet", allow_module_level=True)

from policygraph.ingest.extract import extract_text  # after the skip, on purpose

# Fields that name the file or point into its bytes: they differ between formats by design.
UNCOMPARED = frozenset({"source", "sha256", "span", "spans"})


def comparable(value: Any) -> Any:
    """A record's JSON without the fields that legitimately depend on the file it came from."""
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items() if key not in UNCOMPARED}
    if isinstance(value, list):
        return [comparable(item) for item in value]
    return value


def write_docx(path: Path, text: str) -> None:
    document = docx.Document()
    for line in page_lines(text):
        document.add_paragraph(line)
    document.save(str(path))


def big5(text: str) -> bytes:
    # cp950 is the Big5 that Windows writes (it has ～, which seed 000 uses in "1～2家").
    return traditional(text, "cp950").encode("cp950")


# How each format is written from the seed's text.
WRITERS: dict[str, tuple[str, Callable[[Path, str], object]]] = {
    "gb18030": (".txt", lambda path, text: path.write_bytes(text.encode("gb18030"))),
    "big5": (".txt", lambda path, text: path.write_bytes(big5(text))),
    "html": (".html", lambda path, text: path.write_bytes(html_page(page_lines(text), "gb2312").encode("gb18030"))),
    "docx": (".docx", write_docx),
    "pdf": (".pdf", lambda path, text: path.write_bytes(pdf_bytes(text.splitlines()))),
}


# Known gaps, each with its cause; the test still runs and reports XPASS once it is fixed.
KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {
    ("pdf", "002"): (
        "the PDF layout wraps a line early after a 。 inside task 13, and the short line reads as a paragraph end: "
        "the task's text keeps one line break the plain seed does not have"
    ),
}


def record_of(path: Path) -> Any:
    source = read_document(path)
    return comparable(extract_text(source.text, str(path), source.sha256).to_json())


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
@pytest.mark.parametrize("form", list(WRITERS))
def test_every_format_gives_the_plain_seeds_record(
    tmp_path: Path, seed: Path, form: str, request: pytest.FixtureRequest
) -> None:
    if (form, seed.name[:3]) in KNOWN_DIFFERENCES:  # the test still runs; strict, so a fix fails it until removed here
        request.applymarker(pytest.mark.xfail(reason=KNOWN_DIFFERENCES[(form, seed.name[:3])], strict=True))
    suffix, write = WRITERS[form]
    path = tmp_path / f"{seed.stem}{suffix}"
    write(path, seed_text(seed))

    assert record_of(path) == record_of(seed)


# --- the extractor never raises ----------------------------------------------------------------------------------

FRAGMENTS = [
    "一、", "二、", "（一）", "(二)", "（十二）", "1.", "12．", "①", "第一条", "\n", "\n\n", " ", "\u3000", "。", "；",
    "，", "、", "：", ":", "（", "）", "(", ")", "〔", "〕", "[", "]", "《", "》", "“", "”",
    "牵头单位：", "配合单位：", "责任单位:", "负责", "配合", "参与", "分别负责", "等按职责分工负责", "等",
    "省卫生健康委", "州医保局", "县财政局", "自治区党委组织部", "编办", "各市人民政府", "市、县人民政府",
    "国办发〔2021〕20号", "晋政办发〔2022〕83号", "〔2021〕", "号", "关于印发", "的通知", "深化医药卫生体制改革",
    "2021年重点工作任务", "2024年10月27日", "二〇二一年", "以下均需市、县人民政府负责,不再列出", "根据", "按照",
    "医疗", "医保", "医药", "临夏回族自治州人民政府办公室", "西藏自治区", "發展改革委", "衛生健康委",
]  # fmt: skip

notice_like = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), notice_like, st.tuples(notice_like, st.text(max_size=20)).map("".join)))
def test_extract_text_never_raises(text: str) -> None:
    record = extract_text(text, "fuzz.txt")
    assert isinstance(record.to_json(), dict)
