"""Header metadata cases the seeds do not cover."""

from __future__ import annotations

from policygraph.ingest.extract import extract_text

# A 地区 is governed by a 行政公署, the province's agency: its office issues for the prefecture, like a 人民政府办公室.
PREFECTURE_BY_COMMISSIONER = """阿克苏地区行政公署办公室文件

阿署办发〔2023〕77号

阿克苏地区行政公署办公室关于印发阿克苏地区深化医药卫生体制改革2023年重点工作任务的通知

各县（市）人民政府，行署各部门：
《阿克苏地区深化医药卫生体制改革2023年重点工作任务》已经行政公署同意，现印发给你们，请认真贯彻执行。

阿克苏地区行政公署办公室
2023年6月8日

一、推广三明医改经验
（一）深化医疗服务价格改革。（地区医保局负责）
"""


def test_a_prefecture_governed_by_a_commissioners_office_is_prefectural() -> None:
    record = extract_text(PREFECTURE_BY_COMMISSIONER, "阿署办发.txt", "0" * 64)
    assert record.issuer == "阿克苏地区行政公署办公室"
    assert record.level == "prefectural"
    assert record.region == "新疆维吾尔自治区阿克苏地区"
