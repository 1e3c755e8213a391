"""The client's nested answers: one notice's lineage, one notice in full, one programme's diffusion, one network.

Each is the same data the API answers as JSON (a dict, here with a few helpers), shows itself in Jupyter as small
escaped tables, and has a `.to_pandas()` that picks the table an analyst wants from it (documented on each class).
"""

from __future__ import annotations

from dataclasses import asdict
from functools import cached_property
from typing import TYPE_CHECKING, Any

from policygraph.analysis import network as networks
from policygraph.analysis.diffusion import ProgrammeDiffusion
from policygraph.client import frames, html
from policygraph.client.rows import Row, Rows
from policygraph.visualize.chart import adoption_chart

if TYPE_CHECKING:
    import networkx as nx
    from pandas import DataFrame


class Record(dict[str, Any]):
    """One answer as a dict (the API's JSON answer), with its lists of rows as tables in Jupyter."""

    heading = "answer"  # what the record is, above its table in Jupyter

    def table(self) -> Rows:
        """The rows `.to_pandas()` turns into a DataFrame (each kind of record says which)."""
        raise NotImplementedError

    def to_pandas(self) -> DataFrame:
        """A pandas DataFrame of `.table()` (needs the `pandas` extra: pip install 'policygraph[pandas]')."""
        return self.table().to_pandas()

    def _repr_html_(self) -> str:
        parts = [html.fields(self, self.heading)]
        parts += [html.table(value, name) for name, value in self.items() if html.is_rows(value)]
        return "".join(parts)


class Lineage(Record):
    """A notice's chain up to the national notice (`GET /documents/{key}/lineage`).

    Keys: the notice's own (key, doc_no, title, level, `tier` 0 national … 3 county, region, year, stub);
    `hops`, parent first, each a notice with `relation` (explicit: cited as its basis; inferred: the nearest
    higher-tier notice of its year) and `reason`; `missing_tiers` (tiers skipped with no notice at all);
    `reaches_national`. `str()` gives the chain in one line; `.to_pandas()` one row per notice of the chain, the
    notice itself first (its relation empty).
    """

    heading = "lineage"

    @property
    def hops(self) -> Rows:
        return Rows(self["hops"], title="hops up the chain")

    def chain(self) -> str:
        """The chain in one line: 临州办发〔2021〕76号 → 甘政办发〔2021〕70号 (explicit, stub) → 国办发〔2021〕20号
        (inferred, stub)."""
        steps = [str(self["key"])]
        for hop in self["hops"]:
            how = ", ".join(filter(None, [hop.get("relation"), "stub" if hop.get("stub") else None]))
            steps.append(f"{hop['key']} ({how})" if how else str(hop["key"]))
        return " → ".join(steps)

    def __str__(self) -> str:
        return self.chain()

    def table(self) -> Rows:
        notice = {k: v for k, v in self.items() if k not in ("hops", "missing_tiers", "reaches_national")}
        return Rows([{**notice, "relation": None, "reason": None}, *self["hops"]], title=self.chain())

    def _repr_html_(self) -> str:
        parts = [html.heading(self.chain()), html.table(self.table(), "the chain, the notice first")]
        if self["missing_tiers"]:
            parts.append(html.table(self["missing_tiers"], "tiers with no notice"))
        return "".join(parts)


class Document(Record):
    """One notice in full (`GET /documents/{key}`): its properties, `citations`, the parent it `implements`, and its
    `tasks` in order, each with its `leads` and `cooperating` agencies (basis, quote, as written), `programmes` and
    `targets`. `.to_pandas()`: one row per task, the agencies' names joined with 、."""

    heading = "notice"

    def table(self) -> Rows:
        return Rows([task_line(task) for task in self["tasks"]], title=f"tasks of {self['key']}")

    def _repr_html_(self) -> str:
        parts = [html.fields(self, self.heading)]
        if self["citations"]:
            parts.append(html.table(self["citations"], "citations"))
        return "".join(parts) + self.table()._repr_html_()


def task_line(task: Row) -> Row:
    """A task as one row of a table: its number, title, who leads, who cooperates, what it mentions."""
    names = "、".join
    return {"key": task["key"], "number": task["number"], "title": task["title"],
            "leads": names(a["name"] for a in task["leads"]), "cooperating": names(a["name"] for a in task["cooperating"]),
            "programmes": names(task["programmes"]), "text": task["text"]}  # fmt: skip


class Diffusion(Record):
    """How one programme spread (`GET /diffusion/programmes/{name}`): `label` (top-down, bottom-up, mixed),
    `regions_by_tier`, `first_national`, the adoption `series` by year (regions `added` and `cumulative` counts per
    tier) and the `mentions` (notices mentioning it). `.to_pandas()`: one row per year, the cumulative regions per
    tier and in all, and the regions added that year; `.chart()`: the adoption as a step chart (SVG)."""

    heading = "diffusion"

    def __init__(self, found: ProgrammeDiffusion) -> None:
        super().__init__(asdict(found))
        self.found = found

    def table(self) -> Rows:
        return Rows([year_line(step) for step in self["series"]], title=f"{self['name']}: regions adopting by year")

    def chart(self) -> Svg:
        """The cumulative adoption by year, one line per tier, as the explorer draws it."""
        return Svg(str(adoption_chart(self.found)))

    def _repr_html_(self) -> str:
        parts = [html.fields(self, self.heading), html.table(self.table(), "adoption by year")]
        return "".join(parts) + html.table(self["mentions"], "notices mentioning it")


def year_line(step: Row) -> Row:
    """A year of a programme's adoption: cumulative regions per tier, in all, and who adopted that year."""
    added = "; ".join(f"{tier}: {'、'.join(regions)}" for tier, regions in step["added"].items() if regions)
    return {"year": step["year"], **step["cumulative"], "total": step["total"], "added": added}


class Svg(str):
    """An SVG picture: shows as the picture in Jupyter; `str` of it is the SVG text, to write to a file."""

    def _repr_svg_(self) -> str:
        return str(self)


class Network:
    """An agency collaboration network (`GET /networks/agencies`, `policygraph network`).

    - `measures`: the network's own (density, Freeman degree centralisation, components, main k-core …);
    - `agencies`: Rows, one per agency, highest first under the sort: rank, degree, weighted degree, betweenness,
      eigenvector, PageRank, tasks led and cooperated, lead share, core number, position (core or periphery);
    - `graph`: the networkx graph itself (nodes: agency keys with name, jurisdiction, kind; edges with `weight`);
    - `edges()`: the weighted edge list, heaviest first;
    - `filters`: the slice it was built from.

    `.to_pandas()` is the agencies' measures, one row per agency. Definitions: docs/networks.md.
    """

    def __init__(
        self, rows: list[networks.TaskAgency], where: networks.Slice, *, directed: bool, sort: networks.SortKey
    ) -> None:
        self._rows = rows
        self.directed = directed
        self.filters = asdict(where)
        answer = networks.analyse(rows, is_directed=directed, sort=sort)
        self.measures: Row = asdict(answer.network)
        self.agencies = Rows(networks.league(answer), title="agencies")

    @cached_property
    def graph(self) -> nx.Graph:
        """The networkx graph: undirected (weight: shared tasks) or directed (lead → cooperating)."""
        return networks.agency_network(self._rows, is_directed=self.directed)

    def edges(self) -> Rows:
        """source, target (agency keys), their names and the weight; heaviest first."""
        return Rows(networks.edge_list(self.graph), title="edges")

    def to_pandas(self) -> DataFrame:
        """The agencies' measures, one row per agency (needs pandas: pip install 'policygraph[pandas]')."""
        return frames.frame(self.agencies)

    def summary(self) -> str:
        n = self.measures
        return (f"{n['documents']} notices, {n['tasks']} tasks; {n['nodes']} agencies, {n['edges']} edges; "
                f"density {n['density']:.4f}; degree centralisation {n['degree_centralization']:.4f}; "
                f"components {n['components']}; main k-core k={n['max_core']} ({len(n['main_core'])} agencies)")  # fmt: skip

    def __repr__(self) -> str:
        return f"<Network {'directed' if self.directed else 'undirected'}: {self.summary()}>"

    def _repr_html_(self) -> str:
        return html.heading(self.summary()) + self.agencies._repr_html_()
