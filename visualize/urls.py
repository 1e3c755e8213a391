"""Where each explorer page lives. Keys contain '|', '/', '#' and Chinese: every key is percent-encoded whole
(`quote(key, safe="")`), and the routes take it back with `{key:path}`."""

from __future__ import annotations

from urllib.parse import quote, urlencode

HOME = "/"
NOTICE = "/explore/notice"
AGENCY = "/explore/agency"
PROGRAMME = "/explore/programme"
GRAPH = "/explore/graph"  # the styled nodes and edges of a subgraph, fetched when a node is expanded
STATIC = "/explore/static"
NETWORK = "/explore/network"  # the agency collaboration league table
DIFFUSION = "/explore/diffusion"  # programmes' adoption charts
UPLOAD = "/explore/upload"  # add notices: a file or a web address, with the API key
MAP = "/explore/map"  # the maps: /explore/map/{notices|leads|programme|reach}
MAP_FILES = "/maps"  # their drawings and numbers: /maps/{kind}/map.svg and map.csv

PAGE_OF_KIND = {"Document": NOTICE, "Agency": AGENCY, "Programme": PROGRAMME}
SUBGRAPH_KIND = {"Document": "document", "Agency": "agency", "Programme": "programme"}


def encode(key: str) -> str:
    return quote(key, safe="")


def notice(key: str) -> str:
    return f"{NOTICE}/{encode(key)}"


def compare(key: str, with_key: str | None = None) -> str:
    """The side-by-side comparison of a notice with another (None: with its parent)."""
    return with_query(f"{notice(key)}/compare", **{"with": with_key})


def agency(key: str) -> str:
    return f"{AGENCY}/{encode(key)}"


def programme(name: str) -> str:
    return f"{PROGRAMME}/{encode(name)}"


def task_notice(task_key: str) -> str:
    """A task has no page of its own: its notice's page (the task key is `document key # position`)."""
    return notice(task_key.rpartition("#")[0])


def page_of(kind: str, key: str) -> str | None:
    """The page a node opens; None for kinds without one (regions, missing tiers)."""
    if kind == "Task":
        return task_notice(key)
    prefix = PAGE_OF_KIND.get(kind)
    return f"{prefix}/{encode(key)}" if prefix else None


def map_page(kind: str, **params: object) -> str:
    return with_query(f"{MAP}/{kind}", **params)


def map_file(kind: str, suffix: str, **params: object) -> str:
    """`suffix` is svg or csv."""
    return with_query(f"{MAP_FILES}/{kind}/map.{suffix}", **params)


def with_query(path: str, **params: object) -> str:
    """path?k=v… with the parameters that are set (None and empty lists left out; lists repeated)."""
    pairs = [(k, v) for k, v in params.items() if v is not None and v != [] and v != ""]
    flat = [(k, _text(item)) for k, v in pairs for item in (v if isinstance(v, list) else [v])]
    return f"{path}?{urlencode(flat)}" if flat else path


def _text(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
