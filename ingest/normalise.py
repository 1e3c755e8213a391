"""Raw notice text → one clean paragraph per line, with a map back to the original offsets.

What real notices bring and what becomes of it:
- traditional characters → simplified (OpenCC t2s); full-width ASCII, brackets, colon, comma, semicolon → half-width
  (〔〕《》、。 stay);
- control characters (NUL, BEL, escape, DEL, C1 controls) → removed: they are never text, and an engine may cut a
  string at a NUL; vertical tab, form feed (page breaks), NEL and the Unicode line/paragraph separators → line breaks;
- web-site chrome (无障碍阅读, 当前位置, 发布时间, navigation, timestamps, "您访问的链接即将离开…", related-link lists
  under 相关文件/【相关阅读】) and Word's "[bookmark: _GoBack]" → removed;
- pinyin glosses glued after characters on mirror sites (醫(yī)) → removed;
- damage: mojibake (é«˜è´¨é‡), 锟斤拷/烫烫烫 fillers, base64 blobs, anti-copy watermark runs at line ends (。aB3xQ9),
  the <正> mark of abstract databases → removed;
- spaces next to Chinese characters ("2022 年", "办公厅 关于", "、 医保局") → removed;
- line and page breaks inside a sentence or a name ("省\n\n卫健委", a title over two lines) → joined; blank lines
  between paragraphs → one line break; metadata lines (发文字号:…) and "|" table rows stay lines of their own;
- a notice printed without line breaks, or a title with its 文号 in brackets after it → line breaks restored
  (ingest.runtogether).

Every step deletes characters or replaces one by one, except the restored line breaks, which are inserted; the
offset map records an inserted break at the position of the character after it. So `NormalisedText.to_original`
can say for each character where it came from, and spans found in the clean text point into the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from policygraph.ingest import runtogether
from policygraph.ingest.dates import BARE_DATE_LINE, DATE, DATE_LINE, PRINTED_LINE, SEPARATED_DATE, SIGNATURE_LINE
from policygraph.ingest.docno import DOC_NO
from policygraph.ingest.markers import match_marker
from policygraph.ingest.offsets import OffsetMap, kept_intervals
from policygraph.ingest.pagefields import opens_with_label
from policygraph.ingest.readers import MAX_CHARS
from policygraph.ingest.textutil import to_half_width, to_simplified

DATA = Path(__file__).parent / "data"

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# Each alternative starts with a literal character, so the scan is fast on long texts.
_ARTIFACTS = re.compile(
    r"\r|[\u200b-\u200d\ufeff]"  # carriage returns, zero-width characters
    r"|[\x00-\x08\x0e-\x1f\x7f-\x9f]"  # control characters (tab and line breaks are kept; see _LINE_ENDS)
    r"|\[bookmark:[^\]\n]*\]"  # Word bookmarks left by converters
    rf"|\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,8}}\)"  # pinyin glosses: 醫(yī), checked below for the 醫
)
# Damage that copies of a notice carry: UTF-8 read as Windows-1252 (é«˜è´¨é‡), GBK's 锟斤拷 and MSVC's 烫烫烫/屯屯屯
# fillers, replacement characters, base64 blobs of pasted images, and the <正> mark of abstract databases.
_CP1252_TAIL = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_DAMAGE = re.compile(rf"(?:[\u00c2-\u00ef][{_CP1252_TAIL}]{{1,2}}){{2,}}|(?:锟斤拷)+|烫{{3,}}|屯{{3,}}|\ufffd+|<正>")
_DAMAGE_HINT = re.compile("[\u00c2-\u00ef锟烫屯\ufffd<]")  # one character class: a fast scan of clean texts
# Runs of ASCII letters and digits, judged one by one: a base64 blob (40 or more, mixed) or an anti-copy watermark
# glued to the end of a Chinese line (…的通知。aB3xQ9: random, mixed case and digits).
# Only runs that can be one are matched (40 or more characters, or ending a line), not every year and number.
_ASCII_RUN = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}|[A-Za-z0-9+/]{4,}={0,2}(?=\n|\Z)")
_MIN_BASE64, _MAX_WATERMARK = 40, 24
# Line ends other than "\n" (vertical tab, form feed, NEL, U+2028/2029), each replaced by one "\n".
_LINE_ENDS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_SPACE_RUN = re.compile(r" +")
_LINE_BREAKS = re.compile(r"\n+")

# A line ending in one of these ends its paragraph.
_TERMINAL = set("。！？；：!?;:)）》」”\"'’…")
_SENTENCE_END = set("。！？!?…")
# A line opening with a conjunction or closing punctuation continues the sentence before it, even after a ")".
_CONTINUES = re.compile(r"^(和|及|与|以及|并|、|,|;|:|\)|》|”)")
# Lines that stand alone in a notice's header and trailer: titles, letterheads, cc lists, attachments.
_TITLE_END = re.compile(r"(通知|任务|方案|意见|要点|计划|办法|安排|决定|通报|批复|函|文件)$")
_STANDALONE_START = re.compile(
    r"^(抄送|主送|附件|联系人|签发人|\(此件|\(联系|(牵头|责任|配合|协办|参与)(单位|部门|处室):)"
)
_LINK_START = re.compile(r"[·•●◆■▪▸>《-]")
_MAX_TITLE_LINE = 80
_MAX_CHROME_LINE = 120


@dataclass(frozen=True)
class NormalisedText:
    """The clean text, and for each of its positions the position in the original text."""

    text: str
    original: str
    offsets: OffsetMap

    def to_original(self, i: int) -> int:
        """The original offset of clean offset `i` (`len(text)` maps to the end of the last kept character)."""
        return self.offsets(i)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """A clean half-open span → the original half-open span covering the same characters."""
        if end <= start:
            at = self.to_original(start)
            return at, at
        return self.to_original(start), self.to_original(end - 1) + 1


@cache
def _chrome() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """chrome_lines.txt: the lines to drop, and (after "> ") the headings of related-link lists."""
    lines = (DATA / "chrome_lines.txt").read_text(encoding="utf-8").splitlines()
    patterns = [p for p in lines if p.strip() and not p.startswith("#")]
    related = [p[2:] for p in patterns if p.startswith("> ")]
    plain = [p for p in patterns if not p.startswith("> ")]
    return re.compile("|".join(f"(?:{p})" for p in plain)), re.compile("|".join(f"(?:{p})" for p in related))


class _Editor:
    """A text and its offset map, changed by deleting intervals."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets = OffsetMap.identity(len(text))

    def delete(self, deleted: list[tuple[int, int]]) -> None:
        if not deleted:
            return
        kept = kept_intervals(len(self.text), deleted)
        self.text = "".join(self.text[a:b] for a, b in kept)
        self.offsets = self.offsets.keep(kept)

    def insert_breaks(self, at: list[int]) -> None:
        """A line break before each of the sorted positions `at`."""
        at = [p for p in at if 0 < p < len(self.text)]
        if not at:
            return
        pieces = [self.text[a:b] for a, b in zip([0, *at], [*at, len(self.text)], strict=True)]
        self.text = "\n".join(pieces)
        self.offsets = self.offsets.insert(at)


def _artifacts(text: str) -> list[tuple[int, int]]:
    """Carriage returns, zero-width characters, Word bookmarks, and pinyin glosses glued after a character."""
    return [m.span() for m in _ARTIFACTS.finditer(text) if m.group(0)[0] != "(" or _is_han(text, m.start() - 1)]


def _damage(text: str) -> list[tuple[int, int]]:
    """Mojibake, fillers, base64 blobs and watermark runs."""
    deleted = [m.span() for m in _DAMAGE.finditer(text)] if _DAMAGE_HINT.search(text) else []
    deleted += [m.span() for m in _ASCII_RUN.finditer(text) if _is_blob(m.group(0)) or _is_watermark(text, *m.span())]
    return deleted


def _is_blob(run: str) -> bool:
    return len(run) >= _MIN_BASE64 and _mixed(run, 3)


def _is_watermark(text: str, a: int, b: int) -> bool:
    """A random run glued to the end of a Chinese line: after a sentence's end two kinds of characters mixed
    (aB3xQ9) are enough; after a character all three, so that terms such as DRG or H7N9 stay."""
    if b - a > _MAX_WATERMARK or not text[a:b].isalnum():
        return False
    before = text[a - 1] if a else "\n"
    if (before.isascii() and before not in _TERMINAL) or (b < len(text) and text[b] != "\n"):
        return False
    return _mixed(text[a:b], 2 if before in _TERMINAL else 3)  # after ")" or "。" (half-width by now) too


def _mixed(run: str, kinds: int) -> bool:
    """Whether `run` mixes at least `kinds` of lower case, upper case and digits, as random runs do."""
    return sum((any(c.islower() for c in run), any(c.isupper() for c in run), any(c.isdigit() for c in run))) >= kinds


def _is_han(text: str, i: int) -> bool:
    return i >= 0 and "\u4e00" <= text[i] <= "\u9fff"


def _spaces(text: str) -> list[tuple[int, int]]:
    """Spaces next to a non-ASCII character or at either end of a line; spaces between ASCII words stay."""
    deleted = []
    for m in _SPACE_RUN.finditer(text):
        a, b = m.span()
        before = text[a - 1] if a else "\n"
        after = text[b] if b < len(text) else "\n"
        if before == "\n" or after == "\n" or not before.isascii() or not after.isascii():
            deleted.append((a, b))
    return deleted


def _chrome_lines(text: str) -> list[tuple[int, int]]:
    """Intervals of whole chrome lines, each with its line break. Chrome lines are short; paragraphs are not
    searched. Under a related-links heading, the link lines go too."""
    chrome, related = _chrome()
    deleted = []
    pos = 0
    in_links = False
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        heading = related.match(stripped)
        if heading:  # a heading alone opens a list; with the links on its own line, only that line goes
            in_links = heading.end() == len(stripped)
        elif in_links and stripped:
            in_links = _is_link_line(stripped)
        if heading or in_links or (len(line) <= _MAX_CHROME_LINE and chrome.search(stripped)):
            deleted.append((pos, min(end + 1, len(text))))
        pos = end + 1
    return deleted


def _is_link_line(line: str) -> bool:
    """A line of a related-links list: short, no sentence, and a 文号, a date, a bullet or a 《title》."""
    if len(line) > _MAX_CHROME_LINE or "。" in line:
        return False
    return bool(_LINK_START.match(line) or DOC_NO.search(line) or DATE.search(line) or SEPARATED_DATE.search(line))


def _starts_paragraph(line: str) -> bool:
    """A numbered item, a date, a 文号, a cc list, an attachment line, a labelled metadata line or a row of a
    "|" table begins a paragraph of its own."""
    return bool(
        line[0] == "|"
        or opens_with_label(line)
        or match_marker(line)
        or DATE_LINE.match(line)
        or PRINTED_LINE.match(line)
        or BARE_DATE_LINE.match(line)
        or _STANDALONE_START.match(line)
        or DOC_NO.fullmatch(line)
    )


def _ends_paragraph(line: str) -> bool:
    """A sentence's end, a heading, a date, a 文号 or the last line of a title ends its paragraph."""
    if line[-1] in _TERMINAL or line[-1] == "|" or opens_with_label(line):
        return True
    if match_marker(line) and "。" not in line:  # a heading: "一、总体要求", "(二)扎实推进分级诊疗制度建设"
        return True
    if DATE_LINE.match(line) or PRINTED_LINE.match(line) or _STANDALONE_START.match(line) or DOC_NO.fullmatch(line):
        return True
    if BARE_DATE_LINE.match(line) or SIGNATURE_LINE.match(line):
        return True
    if line[-1] in ")号" and runtogether.title_then_mark(line) is not None:  # a title or letterhead, then its 文号
        return True
    return len(line) <= _MAX_TITLE_LINE and bool(_TITLE_END.search(line))


def _joins(before: str, after: str) -> bool:
    """Whether the break between two non-blank lines falls inside a sentence, a title or a name."""
    if "\t" in before or "\t" in after:  # table rows (tab-separated cells) are lines of their own
        return False
    # A 代字 may open with 和 (和县政办发〔2023〕38号): a whole 文号 line never continues the line before.
    # A 代字 or a place may open with 和 (和县政办发〔2023〕38号, 和布克赛尔…): a line after a 文号 or a date, or a
    # whole 文号 line, never continues the line before.
    standalone = DOC_NO.fullmatch(before) or DOC_NO.fullmatch(after) or DATE_LINE.match(before)
    if (
        _CONTINUES.match(after) and before[-1] not in _SENTENCE_END and not standalone
    ):  # "…(国办发〔2021〕20号)" / "和《…》"
        return True
    if before.count("(") > before.count(")") and not match_marker(after):  # "(牵头单位:州卫健委;配合单位:" / "州…)"
        return True
    return not (_ends_paragraph(before) or _starts_paragraph(after))


def _line_breaks(text: str) -> list[tuple[int, int]]:
    """Intervals to delete at line breaks: the whole break inside a sentence, the extra blank lines elsewhere."""
    deleted = []
    for m in _LINE_BREAKS.finditer(text):
        start, end = m.span()
        before_start = text.rfind("\n", 0, start) + 1
        after_end = text.find("\n", end)
        before, after = text[before_start:start], text[end : after_end if after_end >= 0 else len(text)]
        if not before or not after or _joins(before, after):  # also breaks at the very start or end of the text
            deleted.append((start, end))
        elif end - start > 1:
            deleted.append((start + 1, end))
    return deleted


def _run_together(text: str) -> list[int]:
    """Where a notice printed without line breaks had them (ingest.runtogether), as offsets in `text`."""
    found = []
    pos = 0
    for line in text.split("\n"):
        found += [pos + p for p in runtogether.breaks(line)]
        pos += len(line) + 1
    return found


def normalise(text: str) -> NormalisedText:
    """Clean `text` (see the module docstring) and keep the map back to it."""
    editor = _Editor(to_simplified(to_half_width(_LINE_ENDS.sub("\n", text))))  # all three keep every offset
    editor.delete(_artifacts(editor.text))
    editor.delete(_damage(editor.text))
    editor.delete(_chrome_lines(editor.text))
    editor.delete(_spaces(editor.text))
    editor.delete(_line_breaks(editor.text))
    room = max(len(text), MAX_CHARS) - len(editor.text)  # inserted breaks never push a text past the extractor's limit
    editor.insert_breaks(_run_together(editor.text)[:room])
    return NormalisedText(editor.text, text, editor.offsets)
