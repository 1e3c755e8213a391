"""PolicyGraph's version, in one place: `policygraph.__version__` and the API's OpenAPI `version` read it here (the
package root also holds the Python client's lazy entry points, which no layer below it may import)."""

__version__ = "0.1.0"

# Named in the fetcher's User-Agent (ingest/fetch.py), so that a site's webmaster can see who is asking and why.
PROJECT_URL = "https://github.com/policygraph/policygraph"
