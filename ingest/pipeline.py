"""The spaCy pipeline: a blank Chinese pipeline whose one component finds gazetteer names in a notice.

No trained Chinese model is used (none can be installed here, and none knows 牵头单位). What spaCy gives us is
fast multi-pattern matching over the gazetteers: a `PhraseMatcher` over every agency function name and programme
name of `ingest/data/`, run once per notice over the runs of characters those names are made of (`mentions`).
Every character is one token, so token offsets are character offsets (shifted back to the notice's), and matches
are indexed by where they start or end.

Regions are not matched here: they matter only at the start of a name, an issuer or a title, where
`ingest.regions` asks the division tables directly; matching all 3,213 divisions everywhere would find nothing
more that is used.

The structure of a notice (sections, numbering, attribution brackets) is found by regular expressions elsewhere;
this pipeline answers "which known names occur here".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from policygraph.ingest import gazetteer

AGENCY, PROGRAMME = "AGENCY", "PROGRAMME"


class CharTokenizer:
    """One token per character, whitespace included, so token i is character i of the text.

    Chinese has no spaces, and gazetteer names start and end at any character. spaCy's own Chinese "char"
    segmenter makes the same tokens but spends most of its time re-aligning whitespace, which normalised text
    does not need. The vocabulary stays bounded by the character set, however many notices a process reads.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=list(text), spaces=[False] * len(text))


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
        # With the CharTokenizer, token offsets are character offsets.
        found: list[tuple[str, str, int, int]] = []
        programmes: list[tuple[str, str, int, int]] = []
        for match_id, start, end in self.matcher(doc):
            kind, key = self.keys[match_id]
            (programmes if kind == PROGRAMME else found).append((kind, key, start, end))
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
    pipeline.tokenizer = CharTokenizer(pipeline.vocab)
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


@cache
def _runs() -> re.Pattern[str]:
    """Runs of two or more characters that occur in some gazetteer name: the only places a name can match."""
    alphabet = {char for terms in _terms().values() for term in terms for char in term}
    return re.compile(f"[{''.join(re.escape(char) for char in sorted(alphabet))}]{{2,}}")


def mentions(text: str) -> Mentions:
    """Run the pipeline over `text` and index what it found.

    Only the runs of characters that names are made of are given to spaCy, one line each: a match never spans a
    character outside every name, so no match is lost, and a notice's prose is half as many tokens (measured on the
    synthetic corpus: about a third of the pipeline's time). Offsets are mapped back to `text`."""
    runs = list(_runs().finditer(text))
    starts = list(accumulate((len(m.group()) + 1 for m in runs), initial=0))  # where each run starts, joined
    found = Mentions()
    for kind, key, start, end in nlp()("\n".join(m.group() for m in runs))._.gazetteer:
        run = bisect_right(starts, start) - 1
        shift = runs[run].start() - starts[run]
        if kind == AGENCY:
            found.aliases_ending.setdefault(end + shift, []).append((start + shift, key))
        else:
            found.programmes.append((start + shift, end + shift, key))
    return found
