"""The interface's two languages: 简体中文 (the default) and English, from the Babel catalogues in policygraph/locale/.

Message ids are the English texts (docs/i18n.md). The language of the request being answered is a context variable
the API sets (api/language.py), so code that writes visible text — chart labels, tooltips, error messages — calls
`gettext` without being handed the language; outside a request it is the `POLICYGRAPH_LANG` setting. The data itself
(titles, names, quotes) is never translated: only our own texts go through here.
"""

from __future__ import annotations

import gettext as stdlib_gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"
# The <html lang> of each: analysts read simplified characters.
HTML_LANG = {"zh": "zh-Hans", "en": "en"}
COOKIE = "policygraph_lang"

_current: ContextVar[str | None] = ContextVar("policygraph_lang", default=None)


def N_(message: str) -> str:
    """Marks a text for the catalogues where it is defined; it is translated where it is shown."""
    return message


def supported(language: str | None) -> str | None:
    """`zh`, `zh-CN`, `zh_Hans`, `ZH` → zh; `en-GB` → en; anything else → None."""
    if not language:
        return None
    primary = language.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else None


def from_accept_language(header: str | None) -> str | None:
    """The supported language the `Accept-Language` header prefers most (q-values honoured, q=0 refused)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        language = supported(tag)
        if language and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else None


def default_language() -> str:
    """The `POLICYGRAPH_LANG` setting; an unknown value falls back to zh."""
    from policygraph.core.settings import get_settings  # settings read the environment: only when asked

    return supported(get_settings().lang) or DEFAULT


def choose(query: str | None, cookie: str | None, accept_language: str | None, default: str | None = None) -> str:
    """`?lang=`, then the cookie, then `Accept-Language`, then `default` (the setting); an unknown value is passed
    over, and with none left the answer is zh."""
    return (supported(query) or supported(cookie) or from_accept_language(accept_language) or supported(default)
            or DEFAULT)  # fmt: skip


@cache
def translations(language: str) -> stdlib_gettext.NullTranslations:
    """The compiled catalogue of a language (an unknown language gets the default's)."""
    chosen = supported(language) or DEFAULT
    with (LOCALE_DIR / chosen / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as compiled:
        return stdlib_gettext.GNUTranslations(compiled)


def current() -> str:
    """The language of the request being answered, else the setting."""
    return _current.get() or default_language()


@contextmanager
def using(language: str) -> Iterator[None]:
    """Everything inside speaks `language` (the API wraps each request in this)."""
    token = _current.set(supported(language) or default_language())
    try:
        yield
    finally:
        _current.reset(token)


def gettext(message: str, **values: object) -> str:
    """The text in the current language, `%(name)s` placeholders filled from `values`."""
    text = translations(current()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values: object) -> str:
    text = translations(current()).ngettext(singular, plural, n)
    return text % {"num": n, **values}


_ = gettext
