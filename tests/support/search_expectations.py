"""What Chinese full-text search must find on the five seeds, read off by hand.

The expected tasks were counted by reading the seeds (grep of the word in seeds/*.txt, then the task it sits in):
e.g. 三明 occurs in 000 only in its preamble, a section heading and its closing paragraph (no task), in 001's task
(十九), in 002's closing paragraph (no task), in 003's tasks (五), (九) and (十六) and in 004's task (一). The search
tokens' tests and the API's search tests both check against these, and both type the HOSTILE queries.
"""

SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"
LINXIA, SHANXI, GUANGDONG = "临州办发〔2021〕76号", "晋政办发〔2022〕83号", "粤办函〔2024〕267号"

# Read off the seeds by hand (see the module docstring); the three frequent words are checked by count and against
# a scan of every task's text (tests/test_search_text.py).
EXPECTED = {
    "三明": {f"{SIXIAN}#19", f"{SHANXI}#5", f"{SHANXI}#9", f"{SHANXI}#16", f"{GUANGDONG}#1"},
    "家庭医生": {f"{LINXIA}#10", f"{LINXIA}#16", f"{SIXIAN}#12", f"{SIXIAN}#14", f"{XIZANG}#7", f"{SHANXI}#3",
                 f"{GUANGDONG}#5"},
    "签约": {f"{LINXIA}#10", f"{LINXIA}#16", f"{SIXIAN}#12", f"{SIXIAN}#14", f"{XIZANG}#7", f"{SHANXI}#20",
             f"{GUANGDONG}#5"},
    "DRG": {f"{SHANXI}#8"},
    "医改": {f"{LINXIA}#1", f"{LINXIA}#2", f"{LINXIA}#15", f"{SIXIAN}#17", f"{SIXIAN}#19", f"{XIZANG}#9",
             f"{XIZANG}#18", f"{SHANXI}#5", f"{SHANXI}#16", f"{GUANGDONG}#1"},
}  # fmt: skip
EXPECTED_COUNTS = {"医共体": 13, "公立医院": 21, "改革": 49}
FACTS_WORDS = ["医共体", "三明", "家庭医生", "签约", "DRG", "公立医院", "改革", "医改"]
HOSTILE = [
    '"(DRG',
    "'}) DETACH DELETE n //",
    "*",
    "医改 OR 1=1",
    "DRG AND NOT 三明",
    "@search_text:{三明}",
    "%三明%1",
    '"公立医院"~2',
    "title:医改",
    "/.*/",
    "\\",
    "医共体)) CALL db.idx.fulltext.drop('Task') //",
    "-改革 +医改 ^3 [a TO z] {x} <y> | & ! ? ~ $q #",
]
