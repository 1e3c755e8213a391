"""An HTML page → the text a reader sees in its body, one paragraph per line, without the site's chrome.

Government sites wrap a notice in navigation, banners, breadcrumbs ("当前位置"), share buttons and footers; none of
that is the notice, and a menu entry such as "卫生健康委" would look like an agency to the extractor. Block elements
become line breaks, table rows become lines with tab-separated cells (the same shape the DOCX reader gives), and
whitespace collapses as a browser collapses it.
"""

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, FeatureNotFound
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

# Elements that never carry the notice's text.
_DROPPED = frozenset(
    {"head", "script", "style", "noscript", "template", "nav", "aside", "menu", "select", "button", "input",
     "textarea", "iframe", "object", "embed", "svg", "canvas", "map", "audio", "video", "dialog"}
)  # fmt: skip
# <header>/<footer> are page chrome, except inside <article>/<main>, where they hold the article's own title
# or signature.
_PAGE_FURNITURE = frozenset({"header", "footer"})
# Whole class/id names only: "article-header" is the article's, "site-header" and "header" are the site's.
_PAGE_PART_NAME = re.compile(
    r"^(site|top|global|main|bottom)?(header|head|top|banner|logo|footer|foot|bottom)(bar|box|wrap|wrapper)?$"
)
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
# class/id words that name chrome, matched as whole words so that "unavailable" or "canvas-note" do not match;
# "position" is the 当前位置 breadcrumb of Chinese government sites; "related" and "xgwj"/"xgyd" (相关文件, 相关阅读)
# hold the site's links to other notices, whose 文号 are neither the notice's own nor cited by it.
_CHROME_WORD = re.compile(
    r"^(sub|top|main|side|site|global|left|right|bottom|page|mobile)?"
    r"(nav|navs|navbar|navigation|menu|menus|menubar|breadcrumbs?|crumbs?|share|sharing|bdshare|"
    r"sidebar|sidenav|toolbar|copyright|skip|position|related|relevant|xgwj|xgyd|xglj|recommend)"
    r"(bar|box|list|wrap|wrapper|area|links?|s)?$"
)
_BLOCKS = frozenset(
    {"address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
     "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
     "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "ul",
     "caption", "tr", "br"}
)  # fmt: skip
# Hidden text, also the zero-size text anti-copy scripts scatter through a page as watermarks.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.0-9])", re.IGNORECASE)
_CELLS = frozenset({"td", "th"})
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace; U+3000 indentation is text and is kept


def html_to_text(markup: str) -> str:
    """The visible body text of `markup`, one block per line, blank lines dropped."""
    lines = "".join(_pieces(_parse(markup).contents)).split("\n")
    # Leading tabs stay: they stand for a row's empty first cells.
    return "\n".join(line.strip(" \u3000") for line in lines if line.strip())


def _parse(markup: str) -> BeautifulSoup:
    # lxml is a dependency of python-docx, so it is always there; html.parser stays as the fallback.
    try:
        return BeautifulSoup(markup, "lxml")
    except FeatureNotFound:
        return BeautifulSoup(markup, "html.parser")


def _pieces(nodes: list[PageElement]) -> Iterator[str]:
    """Text pieces in document order, "\n" at block edges; an explicit stack, so deep nesting cannot recurse."""
    stack: list[PageElement | str] = list(reversed(nodes))
    while stack:
        item = stack.pop()
        if isinstance(item, PreformattedString):
            continue  # comments, doctype, CDATA, processing instructions
        if isinstance(item, NavigableString):
            yield _WHITESPACE.sub(" ", item).replace("\xa0", " ")
        elif isinstance(item, str):
            yield item  # a block edge pushed below
        elif isinstance(item, Tag) and not _is_chrome(item):
            if item.name in _CELLS:
                yield _cell_text(item)
                continue
            if item.name == "pre":  # preformatted text keeps its spaces and line breaks
                yield f"\n{item.get_text()}\n"
                continue
            edge = "\n" if item.name in _BLOCKS else ""
            stack.extend([edge, *reversed(item.contents), edge])


def _cell_text(cell: Tag) -> str:
    """A table cell on one line, its paragraphs joined by spaces; a tab before every cell but a row's first."""
    text = "".join(_pieces(cell.contents)).replace("\t", " ")
    joined = " ".join(part.strip() for part in text.split("\n") if part.strip())
    first = cell.find_previous_sibling(list(_CELLS)) is None
    return joined if first else "\t" + joined


def _is_chrome(tag: Tag) -> bool:
    if tag.name in _DROPPED or tag.has_attr("hidden") or _HIDDEN_STYLE.search(str(tag.get("style", ""))):
        return True
    if str(tag.get("role", "")).lower() in _CHROME_ROLES:
        return True
    names = _names(tag)
    words = [word for name in names for word in re.split(r"[^a-z0-9]+", name)]
    if any(_CHROME_WORD.match(word) for word in [*names, *words]):
        return True
    # A page's header and footer are chrome; an article's hold its title and signature (issuer, date).
    page_part = tag.name in _PAGE_FURNITURE or any(_PAGE_PART_NAME.match(name) for name in names)
    return page_part and tag.find_parent(["article", "main"]) is None


def _names(tag: Tag) -> list[str]:
    """A tag's class names and id, lower case, with "-" and "_" removed: main-nav, mainNav, main_nav → mainnav."""
    classes = tag.get("class")
    names = [str(name) for name in classes] if isinstance(classes, list) else [str(classes or "")]
    names.append(str(tag.get("id") or ""))
    return [name.lower().replace("-", "").replace("_", "") for name in names if name]
