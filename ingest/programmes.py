"""Reform programmes: the ones a task mentions (gazetteer names matched by spaCy, quoted names such as “百千万”工程),
and the programme a name or synonym denotes."""

from __future__ import annotations

import re

from policygraph.ingest import gazetteer
from policygraph.ingest.pipeline import Mentions

# A quoted name followed by a programme word: “511”计划, “五个一”服务行动, “百千万”工程.
_QUOTED = re.compile(r"“([^“”]{1,20})”((?:服务|专项)?(?:工程|行动|计划|项目))")


def programmes_in(text: str, start: int, end: int, found: Mentions) -> list[str]:
    """Programme names in text[start:end], in order of first mention, without duplicates."""
    hits = [(s, name) for s, e, name in found.programmes if start <= s and e <= end]
    hits += [(m.start(), m.group(1) + m.group(2)) for m in _QUOTED.finditer(text, start, end)]
    return list(dict.fromkeys(name for _, name in sorted(hits)))


def canonical(name: str) -> str:
    """The programme a name or synonym denotes (三明经验 → 三明医改经验); any other name unchanged."""
    text = name.strip()
    for programme in gazetteer.programmes():
        if text == programme.name or text in programme.synonyms:
            return programme.name
    return text
