"""A notice's lineage as an analyst reads it: each hop up the IMPLEMENTS chain to the national notice, with how the
edge was made, and the tiers skipped on the way that have no notice at all. The edges themselves are computed at
ingest (graph/lineage.py)."""

from __future__ import annotations

from itertools import pairwise

from policygraph.core.errors import NotFound
from policygraph.core.i18n import N_
from policygraph.graph.lineage import skipped_tiers
from policygraph.graph.store import GraphStore, Row


def lineage(store: GraphStore, key: str) -> Row:
    """The notice, its hops (parent, grandparent … each with the edge's relation and reason), the missing tiers,
    and whether the chain reaches the national notice. A national notice's lineage is empty and reaches national."""
    rows = store.run("documents_lineage", {"key": key})
    if not rows:
        raise NotFound(N_("no notice has the key %(key)r"), values={"key": key})
    notices, edges = rows[0]["notices"], rows[0]["edges"]
    hops = [{**notice, **edge} for notice, edge in zip(notices[1:], edges, strict=True)]
    gaps = [gap for child, parent in pairwise(notices) for gap in missing_tiers(child, parent)]
    return {**notices[0], "hops": hops, "missing_tiers": gaps, "reaches_national": notices[-1]["level"] == "national"}


def missing_tiers(child: Row, parent: Row) -> list[Row]:
    """The tiers strictly between a child and its parent: 泗县 (county) → national skips 安徽省宿州市 and 安徽省."""
    if child["tier"] is None or parent["tier"] is None:
        return []
    return [{"level": tier, "region": region, "year": child["year"], "below": child["key"]}
            for tier, region in skipped_tiers(child["region"], child["tier"], parent["tier"])]  # fmt: skip
