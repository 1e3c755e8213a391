"""PolicyGraph from Python, for notebooks and scripts: the same answers as the API and the CLI, as plain rows.

    import policygraph as pg

    g = pg.connect()                                   # the CLI's settings: environment, .env
    g.top_leads(region="甘肃", limit=5)                  # Rows: a list of dicts, a table in Jupyter
    g.top_leads(level="county").to_pandas()            # a DataFrame (pip install 'policygraph[pandas]')
    print(g.lineage("临州办发〔2021〕76号"))               # 临州办发〔2021〕76号 → 甘政办发〔2021〕70号 (explicit, stub) → …

- connection.py: `connect()` and `Graph`, whose methods are the analysts' questions;
- rows.py: `Rows`, the list of dicts every method returns; answers.py: the nested answers (lineage, a notice,
  a programme's diffusion, a network); html.py: how they show in Jupyter; frames.py: pandas, when installed;
- settings.py: the settings `connect()` reads, and its keyword overrides.

A worked example answering the three analyst questions on the seeds: docs/notebook.ipynb.
"""

from policygraph.client.answers import Diffusion, Document, Lineage, Network
from policygraph.client.connection import Graph, connect
from policygraph.client.rows import Rows

__all__ = ["Diffusion", "Document", "Graph", "Lineage", "Network", "Rows", "connect"]
