"""A synthetic corpus of 深化医药卫生体制改革重点工作任务 notices with a known structure, for benchmarks and checks.

    from tests.support.synthetic import generate
    for name, text, expected in generate(1000, seed=0): ...

Each notice is TEXT in the styles of the five seeds (seeds/) and of docs/extraction.md's style catalogue, not a
record, so that a benchmark runs the real extractor on it and can compare what comes out with what was put in
(`Expected`). The proportions are the weights below; docs/extraction.md ("The synthetic corpus") states them too.

- headers: a letterhead with 文号 (山西, 晋政办发〔2022〕83号), sometimes with the plan as its 附件; a 文号 line over
  the issuer and a title broken over two lines (临夏); a web page without 文号 or signed date (西藏); a plan title
  only (泗县); a 文号 and an abbreviated signature (广东); a law database's metadata block (文 号:…颁发日期:…, 索引号,
  发布日期); a gazette's bracket line under the title ((2019年5月6日 X政办发〔2019〕3号)); an abstract database's
  text run together after <正>; and, for a quarter of provincial notices, the province's health commission's own
  notice (X卫发, level provincial);
- a preamble citing, as its basis, the State Council's notice of its year (graph/data/national_notices.csv, by 文号
  when the registry has one, else by title); a prefecture's notice also cites its province's, a county's its
  prefecture's; some counties cite nothing (按照国家、省、市…部署, like 泗县);
- numbered structure: 一、 sections with （一） tasks, or （一） sections with 1. tasks (西藏);
- attributions: （牵头单位：X；配合单位：Y、Z）, (X负责,Y、Z配合), (X牵头,Y配合), (X、Y等按职责分工负责),
  (X、Y分别负责), (X、Y负责,A参与) — every 负责 unit leads unless the notice prints 排在第一位的为牵头部门 —,
  (X负责,2024年9月底前完成) and (X、Y共同负责,2024年底前完成), and none (广东); a notice mostly keeps one style;
- layouts: numbered paragraphs each with its attribution; section headings that carry the attribution of the tasks
  under them; a task table (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限);
- deadlines: in the bracket, in the table's 完成时限 column, or written in the task's text (2024年底前实现…);
- noise: anti-copy ASCII junk glued after lines (WATERMARK_SHARE of the notices);
- regions: every province, prefecture and county of ingest/divisions.py (港澳台 excepted), years 2015–2024;
- agencies: functions (卫健委, 医保局, 财政厅/局, 发展改革委, 人社厅/局, 市场监管局, 药监局 …) with the tier prefix
  that fits the notice (省, 自治区, 市, 州, 地区, 盟, 县, 区, 旗), written short or in full.

Natural keys stay unique: a (region, year) pair gets a notice without 文号 only the first time it is drawn, and every
文号 is drawn once. The main 文号 of a province's or prefecture's notice of a year is fixed on first use, so that the
notices below it cite the very 文号 the notice itself carries when it is in the corpus (else it stays a stub).
Deterministic for a given (n, seed).
"""

from __future__ import annotations

import calendar
import csv
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from policygraph.graph.lineage import NATIONAL_NOTICES  # the registry as the package ships it
from policygraph.ingest import divisions
from policygraph.ingest.divisions import Region

YEARS = tuple(range(2015, 2025))
EXCLUDED_PROVINCES = ("台湾省", "香港特别行政区", "澳门特别行政区")
TIER_WEIGHTS = {"provincial": 3, "prefectural": 17, "county": 80}  # per 100 notices
# Per 100 notices. The seeds' five headers, then the publication styles of docs/extraction.md's catalogue: a law
# database's metadata block (lawdb), a gazette's bracket line under the title (gazette), a provincial department's
# own notice (department), and an abstract database's run-together text (runon).
HEADER_WEIGHTS = {
    "letterhead": 22, "docno_first": 18, "web": 12, "plan_only": 8, "signature": 15,
    "lawdb": 9, "gazette": 8, "runon": 8,
}  # fmt: skip
DEPARTMENT_SHARE = 0.25  # provincial notices issued by the province's health commission (its level is provincial)
# Attribution styles: the seeds' five, then 牵头 + 配合, several units 负责 with 参与 (joint, all lead unless the notice
# prints a first-leads rule), and the national lists' bracket with a deadline.
STYLE_WEIGHTS = {
    "labelled": 18, "lead_coop": 14, "shared": 22, "respective": 7, "none": 11,
    "qiantou": 8, "joint": 10, "deadline": 10,
}  # fmt: skip
# How the tasks are laid out: numbered paragraphs each with its attribution, numbered paragraphs under section
# headings that carry the attribution, or a task table (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限).
LAYOUT_WEIGHTS = {"numbered": 84, "heading": 8, "table": 8}
WATERMARK_SHARE = 0.04  # notices whose lines carry anti-copy ASCII junk
TASK_CHARS = (300, 600)
_CN_DIGITS = "零一二三四五六七八九"


# --- what a notice is expected to yield ------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What was put into one notice: a check compares the extractor's record with it."""

    doc_no: str | None
    region: str  # full path, 山西省 / 甘肃省临夏回族自治州 / 安徽省宿州市泗县
    level: str  # provincial | prefectural | county
    year: int
    header: str  # which header style (HEADER_WEIGHTS)
    structure: str  # "cn/paren_cn" (一、 + （一）) or "paren_cn/arabic" (（一） + 1.)
    style: str  # the notice's main attribution style (STYLE_WEIGHTS)
    task_roles: tuple[tuple[int, int], ...]  # per task: (lead count, cooperating count)
    basis: tuple[str, ...]  # what the preamble cites as its basis: 文号, or 《title》 where the registry has none
    chars: int
    layout: str = "numbered"  # LAYOUT_WEIGHTS
    date: str | None = None  # the signed date, YYYY-MM-DD, where the header prints one
    deadlines: tuple[str | None, ...] = ()  # per task: the deadline's date, or None
    watermark: bool = False  # lines carry anti-copy junk

    @property
    def tasks(self) -> int:
        return len(self.task_roles)

    @property
    def leads(self) -> int:
        return sum(lead for lead, _ in self.task_roles)

    @property
    def cooperating(self) -> int:
        return sum(coop for _, coop in self.task_roles)


# --- agencies ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Function:
    """One organ function: how it is written at each tier (several spellings of the same organ)."""

    key: str
    provincial: tuple[str, ...]
    local: tuple[str, ...]  # prefectures, counties and the districts of municipalities
    lead_weight: int = 1


FUNCTIONS = (
    Function("health", ("卫健委", "卫生健康委"), ("卫健委", "卫生健康委", "卫健局"), 8),
    Function("insurance", ("医保局", "医疗保障局"), ("医保局", "医疗保障局"), 5),
    Function("finance", ("财政厅",), ("财政局",), 3),
    Function("reform", ("发展改革委", "发改委"), ("发展改革委", "发改委", "发改局"), 3),
    Function("hr", ("人社厅", "人力资源社会保障厅"), ("人社局", "人力资源社会保障局"), 2),
    Function("market", ("市场监管局",), ("市场监管局",), 1),
    Function("drugs", ("药监局",), ("市场监管局",), 1),
    Function("education", ("教育厅",), ("教育局", "教体局"), 1),
    Function("civil", ("民政厅",), ("民政局",), 1),
    Function("tcm", ("中医药局",), ("中医药局",), 1),
    Function("industry", ("工信厅",), ("工信局",), 1),
    Function("science", ("科技厅",), ("科技局",), 1),
    Function("office", ("医改办",), ("医改办",), 2),
    Function("assets", ("国资委",), ("国资委",), 1),
    Function("staffing", ("委编办",), ("委编办",), 1),
    Function("tax", ("税务局",), ("税务局",), 1),
    Function("rural", ("乡村振兴局",), ("乡村振兴局",), 1),
    Function("housing", ("住建厅",), ("住建局",), 1),
    Function("agriculture", ("农业农村厅",), ("农业农村局",), 1),
    Function("emergency", ("应急厅",), ("应急局",), 1),
)
# In a county the drug regulator is the 市场监管局: never both in one task.
_SAME_ORGAN_LOCAL = {"drugs": "market"}


def tier_prefix(region: Region) -> str:
    """The word that opens an agency's name in this region's notices: 省, 自治区, 市, 州, 地区, 盟, 县, 区, 旗."""
    for suffix, prefix in (
        ("自治区", "自治区"),
        ("自治州", "州"),
        ("自治县", "县"),
        ("自治旗", "旗"),
        ("地区", "地区"),
    ):
        if region.name.endswith(suffix):
            return prefix
    return region.name[-1]


# --- regions -----------------------------------------------------------------------------------------------------


@cache
def regions_by_level() -> dict[str, tuple[Region, ...]]:
    """Every province, prefecture and county, 港澳台 excepted."""
    found: dict[str, list[Region]] = {"provincial": [], "prefectural": [], "county": []}
    for region in divisions.all_regions():
        if region.level == "national":
            continue
        chain = [region, *divisions.parents(region)]
        if any(r.name in EXCLUDED_PROVINCES for r in chain):
            continue
        found[region.level].append(region)
    return {level: tuple(regions) for level, regions in found.items()}


@cache
def display_name(region: Region) -> str:
    """The name a notice gives its own region: its own name when that resolves to it, else with its parents."""
    ancestors = [r for r in divisions.parents(region) if r.level != "national"]
    name = region.name
    for parent in ancestors:
        if divisions.resolve(name) == region:
            return name
        name = parent.name + name
    return name


def province_of(region: Region) -> Region:
    return next(r for r in [region, *divisions.parents(region)] if r.level == "provincial")


def prefecture_of(region: Region) -> Region | None:
    return next((r for r in divisions.parents(region) if r.level == "prefectural"), None)


def is_municipality(province: Region) -> bool:
    return province.name in ("北京市", "天津市", "上海市", "重庆市")


@cache
def province_abbreviations() -> dict[str, str]:
    """Province code → its one-character abbreviation (the first one listed: 川 before 蜀)."""
    found: dict[str, str] = {}
    for char in "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新":
        province = divisions.province_of_abbreviation(char)
        if province is not None:
            found.setdefault(province.code, char)
    return found


# --- the national notices ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NationalNotice:
    year: int
    doc_no: str | None
    title: str


@cache
def national_notices() -> dict[int, NationalNotice]:
    with NATIONAL_NOTICES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        int(r["year"]): NationalNotice(int(r["year"]), r["doc_no"].strip() or None, r["title"].strip()) for r in rows
    }


# --- text banks --------------------------------------------------------------------------------------------------

SECTIONS = (
    "加快构建有序的就医和诊疗新格局",
    "深入推广三明医改经验",
    "推动公立医院高质量发展",
    "着力增强公共卫生服务能力",
    "推进医疗联合体建设",
    "深化医疗保障制度改革",
    "健全药品供应保障体系",
    "加强医药卫生综合监管",
    "推动中医药传承创新发展",
    "加强卫生健康人才队伍建设",
    "提升基层医疗卫生服务能力",
    "统筹推进相关重点改革",
)

TASK_TITLES = (
    "推进区域医疗中心建设", "增强县级医院服务能力", "提升基层医疗卫生服务水平", "持续推进分级诊疗和优化就医秩序",
    "推广三明医改经验", "开展药品耗材集中带量采购工作", "深化医疗服务价格改革", "深化公立医院薪酬制度改革",
    "健全现代医院管理制度", "加强公立医院党的建设", "推进紧密型县域医共体建设", "推进紧密型城市医疗集团建设",
    "深化医保支付方式改革", "健全重特大疾病医疗保险和救助制度", "完善多层次医疗保障体系", "加强医保基金监管",
    "改革完善疾病预防控制体系", "完善传染病监测预警系统", "做好家庭医生签约服务", "提升基本公共卫生服务质量",
    "深入开展爱国卫生运动", "推进健康城市建设", "加强短缺药品供应保障", "推动仿制药质量和疗效一致性评价",
    "规范医疗机构用药行为", "强化医疗卫生行业综合监管", "推进中医药传承创新发展", "加强乡村医生队伍建设",
    "推进医养结合", "完善长期护理保险制度", "推进“互联网+医疗健康”发展", "推进检查检验结果互认",
    "加强全民健康信息平台建设", "落实政府投入责任", "加强医学人才培养", "推动优质医疗资源扩容下沉",
    "提升妇幼健康服务能力", "加强精神卫生和心理健康服务", "推进职业病防治工作", "完善医疗纠纷预防和处理机制",
)  # fmt: skip

SENTENCES = (
    "坚持以人民健康为中心，推动医疗、医保、医药协同发展和治理",
    "加强统筹协调，定期研究解决改革中的重大问题，确保各项任务落地见效",
    "健全工作推进机制和督导评估机制，建立任务台账，实行清单化管理",
    "以{r}实际为基础，制定具体实施方案，明确时间表和路线图",
    "到{y}年底，二级以上公立医院全部参加绩效考核，考核结果与财政补助、医保支付挂钩",
    "全面落实医疗服务价格动态调整机制，重点提高诊查、护理、手术等体现技术劳务价值的医疗服务价格",
    "持续推进药品耗材集中带量采购，扩大采购品种范围，落实医保资金结余留用政策",
    "推行以按病种付费为主的多元复合式医保支付方式，有序推进DRG/DIP支付方式改革",
    "加快紧密型县域医共体建设，实行总额付费、加强监督考核、结余留用、合理超支分担",
    "推进家庭医生签约服务提质增效，重点人群签约服务覆盖率达到{p}%以上",
    "深入推广三明医改经验，加强医疗、医保、医药联动改革",
    "落实“两个允许”要求，合理确定公立医院薪酬水平和薪酬总量",
    "开展“优质服务基层行”活动，达到服务能力标准的机构比例提高到{p}%以上",
    "推进县级医院综合能力提升工程，力争县域内就诊率达到{p}%",
    "完善基层医疗卫生机构绩效工资政策，落实乡村医生待遇保障与激励政策",
    "改革完善疾病预防控制体系，优化疾病预防控制机构职能设置",
    "加强传染病监测预警和应急处置能力建设，健全重大疫情应急响应机制",
    "深入开展爱国卫生运动，推进卫生城镇创建，持续改善城乡人居环境",
    "加强医疗机构药品配备使用管理，做好国家谈判药品落地工作",
    "完善短缺药品监测预警和分级应对机制，保障临床必需药品供应",
    "建立健全医疗卫生行业综合监管制度，加强医保基金使用常态化监管",
    "严厉打击欺诈骗保行为，开展医保基金专项治理",
    "健全中医药服务体系，推动二级以上综合医院设立中医科室",
    "实施基层中医药服务能力提升工程，乡镇卫生院中医馆建设实现全覆盖",
    "加强全科医生培养，继续实施农村订单定向医学生免费培养",
    "落实住院医师规范化培训“两个同等对待”政策",
    "推进“互联网+医疗健康”发展，推动医疗卫生机构信息互通共享",
    "推进检查检验结果互认，减少不必要的重复检查",
    "到{y}年，电子健康档案建档率达到{p}%以上",
    "推进医养结合，支持有条件的医疗机构开展养老服务",
    "稳步推进长期护理保险制度试点，探索建立多元筹资机制",
    "完善重特大疾病医疗保险和救助制度，防范化解因病返贫致贫风险",
    "做好基本医保、大病保险、医疗救助一站式结算工作",
    "推进城市医疗集团网格化布局管理，形成分工协作的整合型医疗卫生服务体系",
    "建设{n}个专科联盟和远程医疗协作网，推动优质医疗资源扩容下沉",
    "按规定落实政府对公立医院的投入责任，逐步化解公立医院符合规定的长期债务",
    "健全现代医院管理制度，推动公立医院制定章程",
    "坚持和加强党对公立医院的全面领导，全面执行和落实党委领导下的院长负责制",
    "加强公立医院运营管理和成本控制，提高资源配置和使用效率",
    "推进妇幼保健机构标准化建设，降低孕产妇和婴儿死亡率",
    "加强严重精神障碍患者管理服务，规范管理率达到{p}%以上",
    "开展尘肺病等重点职业病监测，推进职业健康保护行动",
    "完善医疗纠纷人民调解机制，推进平安医院建设",
    "做好新冠病毒感染等重点传染病防控工作，巩固防控成果",
    "提升院前急救能力，{y}年底前实现急救网络县域全覆盖",
    "加快推进国家和省级区域医疗中心项目建设，减少患者跨区域就医",
    "推动{n}家县级医院达到三级医院服务能力",
    "完善分级诊疗技术方案和入出院标准，引导患者有序就医",
    "持续优化医保目录管理，将更多符合条件的药品纳入医保支付范围",
    "加强医保定点医药机构管理，推进医保电子凭证全流程应用",
)  # fmt: skip

CLOSING = (
    "各地、各有关部门要切实加强组织领导，勇于担当作为，持续深化医改。要加强宣传引导，及时回应社会关切，凝聚改革共识。"
    "各级医改领导小组办公室要会同有关部门加强统筹协调和督导评价，跟踪监测重点工作任务完成情况，确保重点工作任务顺利推进。"
)

INNER_TITLES = (  # documents a task may cite by title (references, not the notice's basis)
    "关于进一步深化改革促进乡村医疗卫生体系健康发展的意见",
    "关于推动公立医院高质量发展的意见",
    "“十四五”全民医疗保障规划",
    "关于加快中医药特色发展的若干政策措施",
)

_HALF_WIDTH = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"})


# --- the generator -----------------------------------------------------------------------------------------------


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 26 → 二十六 (up to 99)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass(frozen=True)
class _Notice:
    """Everything decided about one notice before its text is written."""

    region: Region
    year: int
    doc_no: str | None
    second: bool  # a second notice of the same region and year (下半年)


class Generator:
    """Writes notices one by one, remembering the 文号 drawn so far so that keys stay unique."""

    def __init__(self, seed: int, task_chars: tuple[int, int] = TASK_CHARS) -> None:
        self.rng = random.Random(seed)
        self.task_chars = task_chars
        self.used_doc_nos: set[str] = set()
        self.main_doc_nos: dict[tuple[str, int], str] = {}
        self.seen_pairs: set[tuple[str, int]] = set()
        self.levels = regions_by_level()

    # -- 文号 --

    def _doc_no_prefix(self, region: Region, main: bool) -> str:
        """The 代字: 晋政办发 for a province, 临州办发-like for the others (办函 for a second notice)."""
        kind = "发" if main else "函"
        if region.level == "provincial":
            return f"{province_abbreviations()[region.code]}政办{kind}"
        first = region.name[0]
        word = {"州": "州", "地区": "署", "盟": "盟"}.get(tier_prefix(region), tier_prefix(region)[-1])
        return f"{first}{word}政办{kind}" if word in "市县区旗" else f"{first}{word}办{kind}"

    def _fresh(self, prefix: str, year: int, number: int) -> str:
        while f"{prefix}〔{year}〕{number}号" in self.used_doc_nos:
            number += 1
        doc_no = f"{prefix}〔{year}〕{number}号"
        self.used_doc_nos.add(doc_no)
        return doc_no

    def main_doc_no(self, region: Region, year: int) -> str:
        """The 文号 of the region's (first) notice of the year: fixed on first use, cited by the tier below."""
        key = (region.code, year)
        if key not in self.main_doc_nos:
            start = 10 + zlib.crc32(f"{region.code}{year}".encode()) % 80
            self.main_doc_nos[key] = self._fresh(self._doc_no_prefix(region, True), year, start)
        return self.main_doc_nos[key]

    # -- one notice --

    def draw(self) -> _Notice:
        level = _pick(self.rng, TIER_WEIGHTS)
        region = self.rng.choice(self.levels[level])
        year = self.rng.choice(YEARS)
        pair = (region.code, year)
        second = pair in self.seen_pairs
        self.seen_pairs.add(pair)
        if second:  # keys stay unique: a second notice of the same year always carries its own 文号
            doc_no = self._fresh(self._doc_no_prefix(region, False), year, 100 + self.rng.randrange(400))
        else:
            doc_no = self.main_doc_no(region, year)
        return _Notice(region, year, doc_no, second)

    def notice(self, index: int) -> tuple[str, str, Expected]:
        n = self.draw()
        rng = self.rng
        header = _pick(rng, HEADER_WEIGHTS)
        if header in ("web", "plan_only") and n.second:
            header = "letterhead"
        if n.region.level == "provincial" and rng.random() < DEPARTMENT_SHARE:
            header = "department"  # a province's health commission issues its own plan
        if header == "department":
            n = _Notice(
                n.region, n.year, self._fresh(f"{province_abbreviations()[n.region.code]}卫发", n.year, 5), n.second
            )
        doc_no = None if header in ("web", "plan_only") else n.doc_no
        style = _pick(rng, STYLE_WEIGHTS)
        layout = _pick(rng, LAYOUT_WEIGHTS) if style != "none" else "numbered"
        if header == "runon" and layout == "table":
            layout = "numbered"  # an abstract database keeps no table: its rows would run into one line
        structure = "paren_cn/arabic" if header == "web" or rng.random() < 0.15 else "cn/paren_cn"
        half_width = rng.random() < 0.5
        first_leads = style == "joint" and rng.random() < 0.5
        date = self._date(n)
        basis, preamble = self._preamble(n, header)
        if first_leads:
            preamble += "各项任务中排在第一位的为牵头部门。\n" if preamble else ""
            first_leads = bool(preamble)
        body, roles, deadlines = self._body(n, style, structure, layout, first_leads)
        text = self._header(n, header, doc_no, date) + preamble + "\n" + body + self._closing(n, header)
        if half_width:
            text = text.translate(_HALF_WIDTH)
        watermark = header != "runon" and rng.random() < WATERMARK_SHARE  # databases carry no page watermarks
        if watermark:
            text = self._watermark(text)
        if header == "runon":
            text = _run_together(text)
        region_path = divisions.full_path(n.region)
        expected = Expected(
            doc_no=doc_no, region=region_path, level=n.region.level, year=n.year, header=header,
            structure=structure, style=style, task_roles=tuple(roles), basis=tuple(basis), chars=len(text),
            layout=layout, date=_iso(date) if header not in ("web", "plan_only") else None,
            deadlines=tuple(deadlines), watermark=watermark,
        )  # fmt: skip
        name = f"{index:06d}_{n.year}_{region_path}_{doc_no or '无文号'}.txt"
        return name, text, expected

    def _watermark(self, text: str) -> str:
        """Anti-copy junk: a short run of ASCII letters and digits glued after some lines."""
        kinds = ("ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789")
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if line.strip() and self.rng.random() < 0.3:  # upper and lower case and digits, as such junk mixes them
                junk = [self.rng.choice(kind) for kind in kinds] + self.rng.choices(
                    "".join(kinds), k=self.rng.randint(1, 5)
                )
                self.rng.shuffle(junk)
                lines[i] = line + "".join(junk)
        return "\n".join(lines)

    # -- header --

    def issuer(self, region: Region, header: str = "") -> str:
        name = display_name(region)
        if header == "department":
            return f"{name}卫生健康委员会"
        if region.level == "provincial":
            return f"{name}人民政府办公厅"
        if tier_prefix(region) in ("地区", "盟"):
            return f"{name}行政公署办公室"
        return f"{name}人民政府办公室"

    def short_issuer(self, region: Region) -> str:
        """The signature as the 广东 seed prints it: 省政府办公厅, 州政府办公室 (in full where there is no short form)."""
        prefix = tier_prefix(region)
        if prefix in ("地区", "盟"):
            return self.issuer(region)
        return f"{prefix}政府办公厅" if region.level == "provincial" else f"{prefix}政府办公室"

    def plan_title(self, n: _Notice) -> str:
        half = "下半年" if n.second else ""
        return f"{display_name(n.region)}深化医药卫生体制改革{n.year}年{half}重点工作任务"

    def _date(self, n: _Notice) -> str:
        return f"{n.year}年{self.rng.randint(3, 11)}月{self.rng.randint(1, 28)}日"

    def _recipients(self, region: Region, header: str = "") -> str:
        if header == "department":
            return "各市、县（市、区）卫生健康委，委机关各处室、委直属各单位："
        if region.level == "provincial":
            return "各市、县人民政府，省人民政府各委、办、厅、局："
        if region.level == "prefectural":
            return "各县（市、区）人民政府，市政府各部门："
        return "各乡镇人民政府、街道办事处，县政府各部门："

    def _header(self, n: _Notice, style: str, doc_no: str | None, date: str) -> str:
        issuer, plan = self.issuer(n.region, style), self.plan_title(n)
        title = f"{issuer}关于印发{plan}的通知"
        government = f"{tier_prefix(n.region)}人民政府" if tier_prefix(n.region) not in ("地区", "盟") else "行政公署"
        recipients = self._recipients(n.region, style)
        agreed = f"《{plan}》已经{government}同意，现印发给你们，请认真贯彻执行。"
        if style in ("letterhead", "department"):
            attached = self.rng.random() < 0.3  # the plan printed as the notice's 附件
            return (
                f"\n\n{issuer}文件\n\n{doc_no}\n\n{issuer} 关于印发{plan}的通知\n\n{recipients}\n\n{agreed}\n\n"
                + (f"附件：{plan}\n\n" if attached else "")
                + f"{issuer}\n\n{date}\n\n（此件公开发布）\n\n"
                + ("附件\n\n" if attached else "")
                + f"{display_name(n.region)}深化医药卫生体制改革\n\n{n.year} 年重点工作任务\n\n"
            )
        if style == "lawdb":
            published = f"{n.year}-{self.rng.randint(11, 12)}-{self.rng.randint(10, 28)}"
            return (
                f"首页 > 法规库 > 地方法规\n{title}\n发布部门：{issuer}\n文 号:{doc_no}颁发日期:{_iso(date)}\n"
                f"索引号：{self.rng.randint(10**8, 10**9)}/{n.year}-{self.rng.randint(10000, 99999)}\n"
                f"时效性：现行有效\n发布日期：{published}\n\n{title}\n{recipients}\n{agreed}\n{issuer}\n{date}\n"
                f"{plan}\n"
            )
        if style == "gazette":  # the gazette prints the date and 文号 in a bracket under the title, no signature
            return f"{title}\n（{date} {doc_no}）\n{recipients}\n{agreed}\n{plan}\n"
        if style == "runon":  # an abstract database: the title, then the whole text as one line after <正>
            return f"{title}\n{doc_no}{recipients}\n{agreed}\n{issuer}\n{date}\n{plan}\n"
        if style == "docno_first":
            cut = title.index("深化医药") + 4  # the title printed over two lines, as in the 临夏 seed
            return (
                f"\n\n\n{doc_no}\n{issuer}\n{title[len(issuer) : cut]}\n{title[cut:]}\n{self._recipients(n.region)}\n"
                f"现将《{plan}》印发给你们，请认真贯彻落实。\n                 {issuer}\n                            {date}\n"
                f"   （此件公开发布）     \n{plan}\n"
            )
        if style == "web":
            group = f"{display_name(n.region)}深化医药卫生体制改革领导小组"
            month, day = int(date.split("年")[1].split("月")[0]), self.rng.randint(1, 28)
            return (
                f"无障碍阅读\n\n当前位置: 首页>政府信息公开>政策法规\n\n{group}关于印发《{plan}》的通知\n\n"
                f"发布时间:{n.year}/{month:02d}/{day:02d} 10:{self.rng.randint(10, 59)} 作者: "
                f"来源:{display_name(n.region)}卫生健康委员会\n\n"
            )
        if style == "plan_only":
            return f"\n{display_name(n.region)}深化医药卫生体制改革\n{n.year}年重点工作任务\n\n"
        # signature: 文号, recipients, an abbreviated signature (省政府办公厅), the date, the plan title on two lines
        short = self.short_issuer(n.region)
        return (
            f"{doc_no}\n{self._recipients(n.region)}\n《{plan}》已经{government}同意，现印发给你们，请认真组织实施。\n"
            f"{short}\n{date}\n{display_name(n.region)}深化医药卫生体制改革\n{n.year}年{'下半年' if n.second else ''}重点工作任务\n"
        )

    def _preamble(self, n: _Notice, header: str) -> tuple[list[str], str]:
        """The opening paragraph and what it cites as its basis."""
        if header == "web":
            return [], ""  # the 西藏 page opens with its first section
        national = national_notices()[n.year]
        cites: list[tuple[str, str | None]] = []
        province, prefecture = province_of(n.region), prefecture_of(n.region)
        level = n.region.level
        if level == "county" and self.rng.random() < 0.3:
            text = (
                f"{n.year}年是深化医药卫生体制改革的关键一年。按照国家、省、市{n.year}年深化医药卫生体制改革重点工作部署，"
                f"结合实际，全{tier_prefix(n.region)[-1]}深化医药卫生体制改革重点工作要坚持以人民健康为中心，"
                "推动重点医改任务落地见效，提升群众医改获得感。\n"
            )
            return [], text
        if level in ("provincial", "prefectural") or prefecture is None:
            cites.append((national.title, national.doc_no))
        upper = province if level == "prefectural" or (level == "county" and prefecture is None) else prefecture
        if level != "provincial" and upper is not None:
            upper_title = (
                f"{self.issuer(upper)}关于印发{display_name(upper)}深化医药卫生体制改革{n.year}年重点工作任务的通知"
            )
            cites.append((upper_title, self.main_doc_no(upper, n.year)))
        cites = [(title.replace("《", "〈").replace("》", "〉"), doc_no) for title, doc_no in cites]
        quoted = "和".join(f"《{title}》（{doc_no}）" if doc_no else f"《{title}》" for title, doc_no in cites)
        basis = [doc_no or f"《{title}》" for title, doc_no in cites]
        text = (
            f"为全面推进健康{display_name(n.region)}建设，持续深化医疗、医保、医药联动改革，根据{quoted}精神，"
            f"{n.year}年{display_name(n.region)}深化医药卫生体制改革应重点推进和落实以下工作任务。\n"
        )
        return basis, text

    # -- body --

    def _body(
        self, n: _Notice, style: str, structure: str, layout: str, first_leads: bool
    ) -> tuple[str, list[tuple[int, int]], list[str | None]]:
        """The tasks as text, and per task its (lead, cooperating) counts and deadline date."""
        rng = self.rng
        task_count = rng.randint(20, 26)
        section_count = rng.randint(4, 7)
        sections = rng.sample(SECTIONS, section_count)
        cuts = sorted(rng.sample(range(1, task_count), section_count - 1))
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, task_count], strict=True)]
        titles = (
            rng.sample(TASK_TITLES, task_count)
            if task_count <= len(TASK_TITLES)
            else rng.choices(TASK_TITLES, k=task_count)
        )
        lines: list[str] = ["序号\t重点任务\t牵头单位\t配合单位\t完成时限"] if layout == "table" else []
        roles: list[tuple[int, int]] = []
        deadlines: list[str | None] = []
        number = 0
        for s, (section, size) in enumerate(zip(sections, sizes, strict=True), start=1):
            heading = f"{cn_number(s)}、{section}" if structure == "cn/paren_cn" else f"（{cn_number(s)}）{section}"
            heading_roles = (0, 0)
            if layout == "heading":  # the heading carries the attribution of every task under it
                names = self._agencies(n.region, 2)
                heading += f"（{names[0]}牵头，{names[1]}配合）"
                heading_roles = (1, 1)
            lines.append(heading)
            for k in range(1, size + 1):
                number += 1
                title = titles[number - 1]
                if layout == "table":
                    row, counts, due = self._table_row(n, number, title)
                    lines.append(row)
                    roles.append(counts)
                    deadlines.append(due)
                    continue
                task_style = style if style == "none" or rng.random() < 0.85 else _pick(rng, STYLE_WEIGHTS)
                if layout == "heading":
                    task_style = "none"
                attribution, counts, due = self._attribution(n, task_style, first_leads)
                marker = f"（{cn_number(number)}）" if structure == "cn/paren_cn" else f"{k}."
                task_lines, text_due = self._task(n, marker, title, attribution)
                lines.extend(task_lines)
                due = due or text_due  # the attribution's deadline wins over one written in the text
                roles.append(heading_roles if layout == "heading" else counts)
                deadlines.append(due)
        return "\n".join(lines) + "\n", roles, deadlines

    def _table_row(self, n: _Notice, number: int, title: str) -> tuple[str, tuple[int, int], str]:
        """One row of a task table: 序号, the task, its lead, its cooperating units, its deadline."""
        coop = self.rng.randint(1, 3)
        names = self._agencies(n.region, 1 + coop)
        written, due = self._deadline(n)
        work = self.rng.choice(SENTENCES).format(r=display_name(n.region), y=n.year, p=80, n=5)
        return f"{number}\t{title}。{work}。\t{names[0]}\t{'、'.join(names[1:])}\t{written}", (1, coop), due

    def _deadline(self, n: _Notice) -> tuple[str, str]:
        """A deadline as printed (2024年9月底前 / 2024年底前) and its date."""
        if self.rng.random() < 0.3:
            return f"{n.year}年底前", f"{n.year}-12-31"
        month = self.rng.randint(3, 12)
        return f"{n.year}年{month}月底前", f"{n.year}-{month:02d}-{calendar.monthrange(n.year, month)[1]:02d}"

    def _task(self, n: _Notice, marker: str, title: str, attribution: str) -> tuple[list[str], str | None]:
        """A task's paragraph(s): heading sentence, work sentences up to the drawn length, the attribution; and the
        latest year end its sentences promise with 前 (2024年底前实现…), the deadline the extractor reads from text."""
        rng = self.rng
        target = rng.randint(*self.task_chars) - len(attribution) - len(marker)
        sentences = [title]
        length = len(title) + 1
        bank = rng.sample(SENTENCES, len(SENTENCES))  # no sentence twice in one task
        due: str | None = None
        while length < target and bank:
            year = n.year + rng.randint(0, 1)
            template = bank.pop()
            sentence = template.format(r=display_name(n.region), y=year, p=rng.randint(60, 98), n=rng.randint(2, 30))
            if "{y}年底前" in template:
                due = max(due or "", f"{year}-12-31")
            if rng.random() < 0.03:
                sentence = f"贯彻落实《{rng.choice(INNER_TITLES)}》，{sentence}"
            sentences.append(sentence)
            length += len(sentence) + 1
        if len(sentences) > 4 and rng.random() < 0.1:  # a task over two paragraphs (西藏)
            split = rng.randint(2, len(sentences) - 2)
            return [
                marker + "。".join(sentences[:split]) + "。",
                "。".join(sentences[split:]) + "。" + attribution,
            ], due
        return [marker + "。".join(sentences) + "。" + attribution], due

    def _closing(self, n: _Notice, header: str) -> str:
        if header == "web":
            return ""
        if header == "plan_only":
            return f"\n{CLOSING}\n"
        return f"\n{CLOSING}\n\n抄送：{'省委' if n.region.level == 'provincial' else '党委'}各部门，人大常委会办公厅。\n\n{self.issuer(n.region)}\n\n{self._date(n)}印发\n"

    # -- attributions --

    def _agencies(self, region: Region, count: int) -> list[str]:
        """`count` different organs of the region, as written: tier prefix + function (the prefix sometimes left
        out after the first name, as notices do: 自治区经信厅、通信管理局)."""
        province = province_of(region)
        provincial_style = region.level == "provincial" and not is_municipality(province)
        chosen: list[Function] = []
        taken: set[str] = set()
        while len(chosen) < count:
            function = self.rng.choices(FUNCTIONS, weights=[f.lead_weight for f in FUNCTIONS])[0]
            same = _SAME_ORGAN_LOCAL.get(function.key, function.key) if not provincial_style else function.key
            if same in taken:
                continue
            taken.add(same)
            chosen.append(function)
        prefix = tier_prefix(region)
        names = []
        for i, function in enumerate(chosen):
            spellings = function.provincial if provincial_style else function.local
            written = self.rng.choice(spellings)
            if function.key == "drugs" and not provincial_style:
                written = "市场监管局"
            if function.key == "staffing":  # 省委编办, 县委编办; 自治区编办
                names.append(f"{prefix}委编办" if prefix in ("省", "市", "州", "县", "区", "旗") else f"{prefix}编办")
                continue
            keep_prefix = i == 0 or self.rng.random() < 0.85
            names.append(prefix + written if keep_prefix else written)
        return names

    def _attribution(self, n: _Notice, style: str, first_leads: bool) -> tuple[str, tuple[int, int], str | None]:
        """One attribution as printed, its (lead, cooperating) counts and its deadline's date."""
        rng, region = self.rng, n.region
        if style == "none":
            return "", (0, 0), None
        if style == "labelled":
            coop = rng.randint(1, 5)
            names = self._agencies(region, 1 + coop)
            return f"（牵头单位：{names[0]}；配合单位：{'、'.join(names[1:])}）", (1, coop), None
        if style in ("lead_coop", "qiantou"):
            coop = rng.randint(1, 4)
            names = self._agencies(region, 1 + coop)
            verb = "负责" if style == "lead_coop" else "牵头"
            return f"（{names[0]}{verb}，{'、'.join(names[1:])}配合）", (1, coop), None
        if style == "shared":
            count = rng.randint(2, 6)
            names = self._agencies(region, count)
            wording = rng.choice(("等按职责分工负责", "等按职责分工负责", "按职责分工负责"))
            label = "责任单位：" if region.level == "county" and rng.random() < 0.3 else ""
            return f"（{label}{'、'.join(names)}{wording}）", (1, count - 1), None
        if style == "joint":  # all 负责 units lead, unless the notice says the first one leads
            leads, coop = rng.randint(2, 3), rng.randint(1, 2)
            names = self._agencies(region, leads + coop)
            counts = (1, leads + coop - 1) if first_leads else (leads, coop)
            return f"（{'、'.join(names[:leads])}负责，{'、'.join(names[leads:])}参与）", counts, None
        if style == "deadline":  # the national lists of 2016–2020: one unit, or several 共同负责, and a deadline
            written, due = self._deadline(n)
            if rng.random() < 0.7:
                return f"（{self._agencies(region, 1)[0]}负责，{written}完成）", (1, 0), due
            names = self._agencies(region, 2)
            return f"（{'、'.join(names)}共同负责，{written}完成）", (1, 1) if first_leads else (2, 0), due
        count = rng.randint(2, 4)  # respective
        names = self._agencies(region, count)
        return f"（{'、'.join(names)}分别负责）", (count, 0), None


def _iso(date: str) -> str:
    """2021年3月5日 → 2021-03-05."""
    year, rest = date.split("年")
    month, rest = rest.split("月")
    return f"{year}-{int(month):02d}-{int(rest.rstrip('日')):02d}"


def _run_together(text: str) -> str:
    """An abstract database's text: the title on its own line, then everything else on one line after <正>."""
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    return f"{lines[0]}\n<正>{''.join(lines[1:])}\n"


def generate(n: int, seed: int = 0, *, task_chars: tuple[int, int] = TASK_CHARS) -> Iterator[tuple[str, str, Expected]]:
    """Yield `n` notices as (file name, notice text, expected structure); deterministic for a given seed."""
    generator = Generator(seed, task_chars)
    for index in range(n):
        yield generator.notice(index)


if __name__ == "__main__":  # print one notice of each header style
    import sys

    wanted = set(HEADER_WEIGHTS)
    for file_name, notice_text, notice_expected in generate(200, int(sys.argv[1]) if len(sys.argv) > 1 else 0):
        if notice_expected.header in wanted:
            wanted.discard(notice_expected.header)
            print(f"===== {file_name}\n{notice_expected}\n{notice_text[:1500]}…\n")
