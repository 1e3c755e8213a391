"""`pg.connect()` and the `Graph` it returns: the analysts' questions as Python methods.

Each method calls the very library function the API route and the CLI command call (named in its docstring), so the
rows are the same as the API's JSON answer; it only turns the answer into `Rows` (or a richer answer object from
policygraph.client.answers) that shows as a table in Jupyter and has `.to_pandas()`. A bad value raises the library's
own one-line error: InvalidParameter (a level, region or year range refused) or NotFound (a key that names nothing).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import asdict
from os import PathLike
from pathlib import Path
from typing import Any, get_args

from policygraph.analysis import agencies, documents, network
from policygraph.analysis.checks import check_level, check_page
from policygraph.analysis.diffusion import Label, find_programme
from policygraph.analysis.diffusion_summary import programme_list
from policygraph.analysis.lineage import lineage
from policygraph.analysis.questions import ask, questions
from policygraph.analysis.questions import query as query_rows
from policygraph.client.answers import Diffusion, Document, Lineage, Network
from policygraph.client.rows import Row, Rows
from policygraph.client.settings import settings_with
from policygraph.core.errors import InvalidParameter
from policygraph.core.settings import Engine
from policygraph.graph import connect as engines
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.search import search
from policygraph.graph.store import GraphStore
from policygraph.ingest.divisions import region_prefix

Paths = str | PathLike[str] | Iterable[str | PathLike[str]]


def connect(engine: Engine | None = None, *, start: bool = True, **settings: Any) -> Graph:
    """Connect to the PolicyGraph graph, with the settings the `policygraph` command uses.

    The settings come from the environment and a `.env` file in the working directory (POLICYGRAPH_ENGINE,
    POLICYGRAPH_DATA_DIR, FALKORDB_URL, POLICYGRAPH_GRAPH, NEO4J_URI …: README, Configuration); `engine`
    ("falkordb" or "neo4j") and any setting by its field name override them:
    `pg.connect(falkordb_url="redis://host:6379", graph_name="policygraph")`.

    With nothing external configured, the embedded engine of the data directory is used: reused when
    `policygraph db start` left it running, else started (`start=False`: only connect to what runs) and kept for
    the life of this Python process. Close with `g.close()`, or use `with pg.connect() as g: …`.
    """
    chosen = settings_with({"engine": engine, **settings})
    store = engines.connect(chosen, start=start)
    try:
        store.ping()
    except BaseException:
        store.close()
        raise
    return Graph(store, corrections_file=chosen.corrections_path)


def _paged(rows: list[Row], limit: int, title: str) -> Rows:
    """Rows asked for with one more than `limit`: the first `limit`, and whether there were more."""
    return Rows(rows[:limit], has_more=len(rows) > limit, title=title)


def _as_paths(paths: Paths) -> list[Path]:
    if isinstance(paths, str | PathLike):
        return [Path(paths)]
    return [Path(path) for path in paths]


class Graph:
    """A connection to the graph of notices, with the analysts' questions as methods.

    Every method returns plain data — `Rows` (a list of dicts) or, for nested answers, a dict with helpers — that
    shows as a table in Jupyter and has `.to_pandas()`. Regions are written in any common form (甘肃, 甘肃省, 临夏州,
    晋) and include everything below them. `g.store` is the underlying GraphStore.
    """

    def __init__(self, store: GraphStore, corrections_file: Path | None = None) -> None:
        self.store = store
        self.corrections_file = corrections_file  # the analysts' corrections, applied at every ingest

    # --- who leads ---------------------------------------------------------------------------------------------------

    def top_leads(
        self,
        level: str | None = None,
        region: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        basis: str | Iterable[str] | None = None,
        collectives: bool = False,
        limit: int = 20,
        *,
        group_by: agencies.GroupBy = "agency",
    ) -> Rows:
        """Which agencies lead the most tasks (牵头)? Most tasks first.

        Filters: the notice's `level` (national, provincial, prefectural, county, department), `region`,
        `year_from`/`year_to` (inclusive); `basis` counts only leads read that way (explicit, sole, first_listed,
        respective, standing_clause); `collectives=True` counts 各县市人民政府 and the like; `group_by="function"`
        pools one function across regions (every 卫生健康委员会 together).

        One row per agency: `agency` (key, name, jurisdiction, kind), `function`, `tasks` (the count), `task_list`
        (the first 20 tasks behind it), `agency_count`, `agencies`. `.to_pandas()` flattens `agency` into
        `agency.name`, `agency.key` … Same rows as GET /agencies/top-leads (analysis.agencies.top_leads).
        """
        check_page(0, limit)
        rows = agencies.top_leads(self.store, level=level, region=region, year_from=year_from, year_to=year_to,
                                  basis=basis or (), collectives=collectives, group_by=group_by, limit=limit + 1)  # fmt: skip
        return _paged(rows, limit, "agencies leading the most tasks")

    # --- the notices -------------------------------------------------------------------------------------------------

    def documents(
        self,
        level: str | None = None,
        region: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        stub: bool = False,
        limit: int = 100,
    ) -> Rows:
        """The notices, newest first: key (the 文号, or region|year|title), doc_no, title, issuer, level, region,
        date, year, stub, task_count. `stub=True` lists the notices known only as cited or from the registry of
        national notices instead. Same rows as GET /documents (analysis.documents.notices)."""
        check_page(0, limit)
        rows = documents.notices(self.store, level=level, region=region, year_from=year_from, year_to=year_to,
                                 stub=stub, limit=limit + 1)  # fmt: skip
        return _paged(rows, limit, "stubs" if stub else "notices")

    def document(self, key: str) -> Document:
        """One notice in full: its properties, the notices it cites, its parent, and its tasks with their lead and
        cooperating agencies (with the quote each was read from). `.to_pandas()`: one row per task.
        Same answer as GET /documents/{key} (analysis.documents.detail)."""
        return Document(documents.detail(self.store, key))

    def lineage(self, key: str) -> Lineage:
        """Which national notice does this notice descend from, and through which tiers?

        The chain up the IMPLEMENTS edges, parent first, each hop explicit (cited as its basis) or inferred (the
        nearest higher-tier notice of its year), with the tiers skipped that have no notice at all.
        `print(g.lineage(key))` shows the chain in one line; `.to_pandas()` one row per notice of it.
        Same answer as GET /documents/{key}/lineage (analysis.lineage.lineage).
        """
        return Lineage(lineage(self.store, key))

    def search(
        self, text: str, level: str | None = None, region: str | None = None, year: int | None = None, limit: int = 20
    ) -> Rows:
        """Tasks whose title or text holds every word of `text` (Chinese or Latin: `医共体 DRG` is two words), most
        occurrences first, each with its notice and the highlighted fragments. Same rows as GET /search
        (graph.search.search)."""
        check_level(level)
        check_page(0, limit)
        found = search(self.store, text, level=level, region=region_prefix(region), year=year, skip=0,
                       limit=limit + 1)  # fmt: skip
        return _paged(found.rows, limit, f"tasks mentioning {' '.join(found.words)}")

    # --- networks and diffusion --------------------------------------------------------------------------------------

    def network(
        self,
        document: str | None = None,
        level: str | None = None,
        region: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        collectives: bool = False,
        directed: bool = False,
        sort: network.SortKey = "pagerank",
    ) -> Network:
        """The agency collaboration network of a slice of the notices (one `document`, a level, a region, years).

        Two agencies are linked when named on the same task (weight: shared tasks); `directed=True` links each
        task's lead to its cooperating agencies instead. The answer has `measures` (density, centralisation,
        components, k-core), `agencies` (one row per agency: degree, betweenness, eigenvector, PageRank, lead
        share … sorted by `sort`), `graph` (the networkx graph) and `edges()`; `.to_pandas()` is the agencies'
        table. Same answers as GET /networks/agencies and `policygraph network` (analysis.network).
        """
        where = network.slice_of(self.store, document=document, level=level, region=region, year_from=year_from,
                                 year_to=year_to, collectives=collectives)  # fmt: skip
        return Network(network.fetch(self.store, where), where, directed=directed, sort=sort)

    def programmes(self, label: Label | None = None) -> Rows:
        """Every programme (三明医改经验, 紧密型县域医共体 …) with how it spread: `label` (top-down, bottom-up,
        mixed), notices, regions (and per tier), first and last year; most regions first. `label` keeps one kind.
        Same rows as GET /diffusion/programmes and `policygraph diffusion` (analysis.diffusion_summary)."""
        if label is not None and label not in get_args(Label):
            raise InvalidParameter("label", f"label is one of {', '.join(get_args(Label))}, not {label!r}", label)
        return Rows([asdict(p) for p in programme_list(self.store, label)], title="programmes")

    def diffusion(self, name: str) -> Diffusion:
        """How one programme spread down the tiers, by name or synonym (三明经验 → 三明医改经验): the regions adopting
        it each year per tier, its label, the notices mentioning it. `.to_pandas()`: one row per year; `.chart()`:
        the step chart. Same answer as GET /diffusion/programmes/{name} (analysis.diffusion.find_programme)."""
        return Diffusion(find_programme(self.store, name))

    # --- saved questions and Cypher ----------------------------------------------------------------------------------

    def questions(self) -> Rows:
        """The saved questions (cypher/questions.toml) `ask` takes: name, title, parameters, description."""
        return Rows([{"name": q.name, "title": q.title, "parameters": [p.name for p in q.parameters],
                      "description": q.description} for q in questions().values()], title="saved questions")  # fmt: skip

    def ask(self, question: str, /, **params: Any) -> Rows:
        """Ask a saved question by name with its parameters: `g.ask("tasks_mentioning", word="DRG")`. Questions that
        page take `limit` and `offset`. Same rows as GET /questions/{name} and `policygraph ask`
        (analysis.questions.ask); `g.questions()` lists them."""
        answer = ask(self.store, question, params)
        return Rows(answer.rows, has_more=answer.has_more, title=answer.question)

    def query(self, cypher_or_name: str, /, **params: Any) -> Rows:
        """Run a read-only query — the name of a query in cypher/, or Cypher text of your own — with parameters
        bound, never pasted: `g.query("documents_lineage", key="临州办发〔2021〕76号")`. Writes are refused by the
        engine. A saved question's name runs as `g.ask` runs it (its defaults fill the rest). Same
        as `policygraph query`."""
        return Rows(query_rows(self.store, cypher_or_name, params), title="query")

    # --- loading -----------------------------------------------------------------------------------------------------

    def ingest(self, paths: Paths) -> Rows:
        """Extract notices from files or folders (.txt in UTF-8/GBK/Big5, .html, .docx, .pdf) and load them, each
        whole or not at all, like `policygraph ingest`. An unchanged file is skipped, a changed one replaced.

        One row per file: `source`, `status` (new, replaced, unchanged, failed), `key` of the notice, and for a
        file that failed the `reason`; a failed file never stops the others. (graph.ingest_files.ingest_paths)
        The analysts' corrections file (POLICYGRAPH_CORRECTIONS) is applied after the load; each correction whose
        notice or task is gone is a warning.
        """
        self.store.apply_schema()
        result = ingest_paths(self.store, _as_paths(paths), corrections_file=self.corrections_file)
        for line in result.orphaned_corrections:  # a correction whose notice or task is gone: said, never dropped
            warnings.warn(line, stacklevel=2)
        return Rows([asdict(outcome) for outcome in result.outcomes], title="ingested")

    # --- the connection ----------------------------------------------------------------------------------------------

    @property
    def engine(self) -> str:
        """falkordb or neo4j."""
        return self.store.engine

    def close(self) -> None:
        """Close the connection (an embedded engine this process started stops when the process ends)."""
        self.store.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<policygraph.Graph on {self.store.engine}>"
