"""The spaCy pipeline: a blank Chinese pipeline whose one component finds gazetteer names in a notice.

No trained Chinese model is used (none can be installed here, and none knows 牵头单位). What spaCy gives us is
fast multi-pattern matching over the gazetteers: a `PhraseMatcher` over every agency function name and programme
name of `ingest/data/`, run once over the whole normalised notice, and a tokenizer that cuts the text where those
names can begin or end. Matches are indexed by character offsets, where they start or end.

Regions are not matched here: they matter only at the start of a name, an issuer or a title, where
`ingest.regions` asks the division tables directly. Matching all 3,213 divisions over the whole text would cut it
into half again as many tokens for no use.

The structure of a notice (sections, numbering, attribution brackets) is found by regular expressions elsewhere;
this pipeline answers "which known names occur here".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ingest import gazetteer

AGENCY, PROGRAMME = "AGENCY", "PROGRAMME"


class GazetteerTokenizer:
    """Cuts text only where a gazetteer name can start or end.

    Chinese has no spaces, so the natural tokens for matching names are characters; but a notice has ~7,000 of
    them and building a Doc costs per token. A name can only start at a character that starts some gazetteer name
    and end after a character that ends one, so cutting at exactly those places gives the PhraseMatcher the same
    matches with about a third of the tokens. Names are tokenised by the same rule, and every cut inside a name
    depends only on the name's own characters, so a name in the text always lines up with its pattern.
    Token texts concatenate back to the input (no spaces are added or lost), so token.idx is a character offset.
    """

    def __init__(self, vocab: Vocab, firsts: set[str], lasts: set[str]) -> None:
        self.vocab = vocab
        first = _char_class(firsts)
        last = _char_class(lasts)
        last_only = _char_class(lasts - firsts)
        # A token: one character that ends names; or any other character, then characters that neither start
        # nor end names, then possibly one that ends names but does not start one.
        self._token = re.compile(f"{last}|[^{last[1:-1]}][^{first[1:-1]}{last[1:-1]}]*{last_only}?", re.DOTALL)

    def __call__(self, text: str) -> Doc:
        words = self._token.findall(text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


def _char_class(chars: set[str]) -> str:
    """A regular-expression class of `chars`; one that matches nothing when empty."""
    return "[" + "".join(sorted(re.escape(ch) for ch in chars)) + "]" if chars else "[^\\s\\S]"


def _terms() -> dict[str, list[str]]:
    """Pattern key (KIND:key) → the names that match it."""
    patterns: dict[str, list[str]] = defaultdict(list)
    for written in gazetteer.agency_aliases():
        patterns[f"{AGENCY}:{written}"].append(written)
    for programme in gazetteer.programmes():
        patterns[f"{PROGRAMME}:{programme.name}"].extend((programme.name, *programme.synonyms))
    return patterns


@Language.factory("pg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp)


class GazetteerMatcher:
    """Finds agency function names and programmes; sets `doc._.gazetteer` to (kind, key, start, end) tuples.

    kind is AGENCY or PROGRAMME, key the alias as written or the programme's canonical name, start and end are
    character offsets. Agency matches may overlap (委编办 and 编办: the resolver picks the one it needs);
    programmes keep the longest of overlapping matches. Plain tuples rather than Span objects: a notice has a
    hundred matches and only their offsets are used.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        self.keys: dict[int, tuple[str, str]] = {}  # match id → (kind, key)
        for key, terms in _terms().items():
            self.matcher.add(key, [nlp.make_doc(term) for term in terms])
            kind, _, name = key.partition(":")
            self.keys[nlp.vocab.strings[key]] = (kind, name)
        if not Doc.has_extension("gazetteer"):
            Doc.set_extension("gazetteer", default=None)

    def __call__(self, doc: Doc) -> Doc:
        # Token starts as character offsets, plus the end of the text (doc.text would rebuild the whole string).
        end = doc[-1].idx + len(doc[-1]) if len(doc) else 0
        starts = [*doc.to_array("IDX").tolist(), end]
        found: list[tuple[str, str, int, int]] = []
        programmes: list[tuple[str, str, int, int]] = []
        for match_id, start, end in self.matcher(doc):
            kind, key = self.keys[match_id]
            match = (kind, key, starts[start], starts[end])
            (programmes if kind == PROGRAMME else found).append(match)
        doc._.gazetteer = found + _longest(programmes)
        return doc


def _longest(matches: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Non-overlapping matches, longer ones first (as spacy.util.filter_spans does for spans)."""
    kept: list[tuple[str, str, int, int]] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (m[2] - m[3], m[2])):
        span = range(match[2], match[3])
        if not taken.intersection(span):
            kept.append(match)
            taken.update(span)
    return sorted(kept, key=lambda m: m[2])


@cache
def nlp() -> Language:
    """The pipeline, built once per process."""
    pipeline = spacy.blank("zh")
    names = [name for terms in _terms().values() for name in terms]
    firsts, lasts = {name[0] for name in names}, {name[-1] for name in names}
    pipeline.tokenizer = GazetteerTokenizer(pipeline.vocab, firsts, lasts)
    pipeline.add_pipe("pg_gazetteer")
    return pipeline


@dataclass
class Mentions:
    """Gazetteer matches of one text, looked up by character offset."""

    aliases_ending: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # end → [(start, written)]
    programmes: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, name)

    def alias_ending(self, end: int, start_min: int) -> tuple[int, str] | None:
        """The longest agency function name ending at `end` and starting at or after `start_min`."""
        found = [(start, written) for start, written in self.aliases_ending.get(end, []) if start >= start_min]
        return min(found, default=None)


def mentions(text: str) -> Mentions:
    """Run the pipeline over `text` and index what it found.

    Inside a memory zone: the words of a notice become lexemes and strings of the shared vocabulary, which would
    otherwise grow with every notice of a long run. Nothing of the Doc is kept beyond the zone but plain tuples.
    """
    pipeline = nlp()
    found = Mentions()
    with pipeline.memory_zone():
        doc = pipeline(text)
        for kind, key, start, end in doc._.gazetteer:
            if kind == AGENCY:
                found.aliases_ending.setdefault(end, []).append((start, key))
            else:
                found.programmes.append((start, end, key))
    return found
