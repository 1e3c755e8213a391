"""PolicyGraph's version, in one place: `policygraph.__version__` and the API's OpenAPI `version` read it here (the
package root also holds the Python client's lazy entry points, which no layer below it may import)."""

__version__ = "0.1.0"
