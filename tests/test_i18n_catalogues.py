"""The catalogues are complete: every message the templates and the Python sources mark (extracted with Babel's own
extract API, through babel.cfg, as `pybabel extract` does) has a non-empty, non-fuzzy translation in both zh and en,
with the same placeholders; and the committed .mo files (what the server reads) say what the .po files say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from policygraph.core import i18n
from tests.support.paths import ROOT

# The folders the package is made of (policygraph/<name> links to them); docs/i18n.md runs pybabel over the same.
SOURCES = ["api", "analysis", "graph", "ingest", "visualize", "policygraph/core", "policygraph/cli"]
LOCALE = ROOT / "policygraph" / "locale"


def extracted() -> dict[str, list[str]]:
    """Every message id → where it is used."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)  # type: ignore[no-untyped-call]
    found: dict[str, list[str]] = {}
    for folder in SOURCES:
        for filename, line, message, _comments, _context in extract_from_dir(ROOT / folder, method_map, options_map):
            for msgid in message if isinstance(message, tuple | list) else (message,):
                if msgid:
                    found.setdefault(msgid, []).append(f"{folder}/{filename}:{line}")
    return found


def catalogue(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


def test_extraction_finds_the_templates_and_the_python_texts() -> None:
    found = extracted()
    assert len(found) > 300
    assert any(where.endswith(".html:" + where.rsplit(":", 1)[1]) for where in found["Search"])  # base.html
    assert any(".py:" in where for where in found["No adoption to chart"])  # visualize/chart.py
    assert any("errors.py" in where for where in found["internal error (logged on the server)"])  # api/errors.py
    assert "national" in found and "no notice has the key %(key)r" in found  # core/terms.py, analysis/


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_message_has_a_translation(language: str) -> None:
    translated = catalogue(language)
    missing = sorted(
        f"{msgid!r} ({', '.join(where[:2])})"
        for msgid, where in extracted().items()
        if msgid not in translated or not translated[msgid].string or translated[msgid].fuzzy
    )
    assert not missing, f"{language}: {len(missing)} messages lack a translation (docs/i18n.md):\n" + "\n".join(missing)


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    """Babel's checkers: a translation that drops or renames a `%(name)s` would fail at render time."""
    problems = [f"{message.id!r}: {errors}" for message, errors in catalogue(language).check() if errors]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language: str) -> None:
    source = {m.id: m.string for m in catalogue(language) if m.id}
    with (LOCALE / language / "LC_MESSAGES" / "messages.mo").open("rb") as mo:
        compiled = {m.id: m.string for m in read_mo(mo) if m.id}
    assert compiled == source, "run `pybabel compile -d policygraph/locale` (docs/i18n.md)"


def test_zh_is_chinese_and_en_is_the_message_itself() -> None:
    zh, en = catalogue("zh"), catalogue("en")
    for message in en:
        if message.id:
            assert message.string == message.id
    # a Chinese translation holds Chinese characters, unless it is a proper name or a code kept as is
    kept = {"pagerank"}
    latin = [m.id for m in zh if m.id and m.id not in kept and not re.search(r"[\u4e00-\u9fff]", str(m.string))]
    assert latin == []


def test_the_wheel_and_an_editable_install_find_the_catalogues() -> None:
    """pyproject's package data names the .po and .mo files; the server reads them from the package directory."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/messages.mo"' in pyproject
    assert Path(i18n.LOCALE_DIR).resolve() == LOCALE.resolve()
    assert i18n.translations("zh").gettext("Search") == "检索"
    assert i18n.translations("en").gettext("Search") == "Search"
