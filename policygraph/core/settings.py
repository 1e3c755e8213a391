"""All settings in one place: environment variables and an optional `.env` file.

Names are part of the contract (other tools set them): POLICYGRAPH_ENGINE, POLICYGRAPH_DATA_DIR, FALKORDB_URL,
NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, POLICYGRAPH_API_KEY, POLICYGRAPH_DOCNO_PREFIXES,
POLICYGRAPH_CORRECTIONS, POLICYGRAPH_LANG, and the fetcher's POLICYGRAPH_ALLOW_PRIVATE_URLS, POLICYGRAPH_FETCH_*
(docs/fetch.md).
"""

from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

Engine = Literal["falkordb", "neo4j"]


def default_data_dir() -> Path:
    """`./.policygraph/` when run inside a project checkout, else the user's data directory."""
    local = Path.cwd() / ".policygraph"
    if local.is_dir() or (Path.cwd() / "pyproject.toml").is_file():
        return local
    return Path(platformdirs.user_data_dir("policygraph"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    engine: Engine = Field(default="falkordb", validation_alias=AliasChoices("POLICYGRAPH_ENGINE"))
    data_dir: Path = Field(default_factory=default_data_dir, validation_alias=AliasChoices("POLICYGRAPH_DATA_DIR"))
    falkordb_url: str | None = Field(default=None, validation_alias=AliasChoices("FALKORDB_URL"))
    graph_name: str = Field(default="policygraph", validation_alias=AliasChoices("POLICYGRAPH_GRAPH"))
    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_USER"))
    neo4j_password: str = Field(default="policygraph-dev", validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_database: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))
    api_key: str | None = Field(default=None, validation_alias=AliasChoices("POLICYGRAPH_API_KEY"))
    query_timeout_s: float = Field(default=30.0, validation_alias=AliasChoices("POLICYGRAPH_QUERY_TIMEOUT"))
    # The read-only Cypher endpoint is off unless asked for; it has its own timeout and row cap.
    cypher_endpoint: bool = Field(default=False, validation_alias=AliasChoices("POLICYGRAPH_CYPHER_ENDPOINT"))
    cypher_timeout_s: float = Field(default=5.0, validation_alias=AliasChoices("POLICYGRAPH_CYPHER_TIMEOUT"))
    cypher_max_rows: int = Field(default=1000, validation_alias=AliasChoices("POLICYGRAPH_CYPHER_MAX_ROWS"))
    # The API caches read answers this long (0: no cache); loads through the API empty the cache at once.
    cache_seconds: float = Field(default=10.0, ge=0, validation_alias=AliasChoices("POLICYGRAPH_CACHE_SECONDS"))
    max_upload_mb: float = Field(default=25.0, validation_alias=AliasChoices("POLICYGRAPH_MAX_UPLOAD_MB"))
    # A reviewed CSV of 文号 代字 (prefix,issuer,level,region) loaded on top of the shipped table.
    docno_prefixes: Path | None = Field(default=None, validation_alias=AliasChoices("POLICYGRAPH_DOCNO_PREFIXES"))
    # The analysts' corrections (docs/corrections.md), applied at every ingest; unset: corrections.toml in data_dir.
    corrections_file: Path | None = Field(default=None, validation_alias=AliasChoices("POLICYGRAPH_CORRECTIONS"))

    # Notices fetched from a web address (ingest/fetch.py, docs/fetch.md). Addresses that are not global (private,
    # loopback, link-local …) are refused unless allowed: an exposed server must not reach its own network.
    allow_private_urls: bool = Field(default=False, validation_alias=AliasChoices("POLICYGRAPH_ALLOW_PRIVATE_URLS"))
    fetch_connect_timeout_s: float = Field(default=10.0, gt=0,
                                           validation_alias=AliasChoices("POLICYGRAPH_FETCH_CONNECT_TIMEOUT"))  # fmt: skip
    fetch_read_timeout_s: float = Field(default=30.0, gt=0,
                                        validation_alias=AliasChoices("POLICYGRAPH_FETCH_READ_TIMEOUT"))  # fmt: skip
    fetch_max_mb: float = Field(default=25.0, gt=0, validation_alias=AliasChoices("POLICYGRAPH_FETCH_MAX_MB"))
    fetch_max_redirects: int = Field(default=5, ge=0, validation_alias=AliasChoices("POLICYGRAPH_FETCH_MAX_REDIRECTS"))
    # Seconds between two requests to one host (a robots.txt Crawl-delay that is longer wins).
    fetch_delay_s: float = Field(default=1.0, ge=0, validation_alias=AliasChoices("POLICYGRAPH_FETCH_DELAY"))
    # Fetched documents are kept here, keyed by URL: a re-ingest reads them (`--refresh` fetches again).
    fetch_cache: Path | None = Field(default=None, validation_alias=AliasChoices("POLICYGRAPH_FETCH_CACHE"))
    # How a site's webmaster reaches whoever runs this copy (an e-mail or web address), named in the User-Agent.
    fetch_contact: str | None = Field(default=None, validation_alias=AliasChoices("POLICYGRAPH_FETCH_CONTACT"))
    # The explorer's language when the request names none (?lang=, cookie, Accept-Language): zh or en; any other
    # value falls back to zh (core/i18n.py).
    lang: str = Field(default="zh", validation_alias=AliasChoices("POLICYGRAPH_LANG"))

    @property
    def corrections_path(self) -> Path:
        return self.corrections_file or self.data_dir / "corrections.toml"

    @property
    def fetch_cache_path(self) -> Path:
        return self.fetch_cache or self.data_dir / "fetch-cache"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
