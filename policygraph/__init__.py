"""PolicyGraph: a knowledge graph of Chinese health-reform policy notices."""

__version__ = "0.1.0"
