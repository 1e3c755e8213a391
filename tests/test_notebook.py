"""docs/notebook.ipynb, the worked example of the Python client: run in a real Jupyter kernel (nbclient, ipykernel)
against a FalkorDB graph of its own, as a user would run it on a fresh clone — the notebook connects with the
settings it finds in the environment and loads the seeds itself. And the file in the repository carries no outputs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from policygraph.graph.falkordb_store import FalkorDBStore
from tests.support.cli import DEVELOPER_SETTINGS
from tests.support.paths import ROOT

NOTEBOOK = ROOT / "docs" / "notebook.ipynb"
GRAPH = "notebook"  # the notebook's own graph on the session's FalkorDB
TIMEOUT = 300  # seconds per cell: the first one starts the kernel's imports and loads the seeds


def read() -> Any:
    return nbformat.read(NOTEBOOK, as_version=4)


def output_text(notebook: Any) -> str:
    """Everything the cells printed or displayed, as text (plain, HTML and SVG alike)."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(str(value) for value in output.get("data", {}).values())
    return "\n".join(parts)


def test_the_notebook_in_the_repository_has_no_outputs() -> None:
    notebook = read()
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_the_notebook_answers_the_three_questions(
    falkordb_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FalkorDBStore(falkordb_url, graph=GRAPH) as store:
        store.clear()  # a fresh graph: the notebook loads the seeds itself
    for name in [name for name in os.environ if name.startswith(DEVELOPER_SETTINGS)]:
        monkeypatch.delenv(name)
    settings = {"FALKORDB_URL": falkordb_url, "POLICYGRAPH_GRAPH": GRAPH, "POLICYGRAPH_DATA_DIR": str(tmp_path)}
    for name, value in settings.items():
        monkeypatch.setenv(name, value)  # the kernel inherits them
    notebook = read()
    # The kernel runs in tmp_path: no .env of the checkout. A cell that raises fails the test with its traceback.
    NotebookClient(
        notebook, timeout=TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    printed = output_text(notebook)
    assert (
        "临州办发〔2021〕76号 → 甘政办发〔2021〕70号 (explicit, stub) → 国办发〔2021〕20号 (inferred, stub)" in printed
    )
    assert "西藏自治区卫生健康委员会" in printed  # leads the most tasks (17)
    assert "bottom-up" in printed and "<svg" in printed  # the programmes' labels and 三明医改经验's chart
    with FalkorDBStore(falkordb_url, graph=GRAPH) as store:
        loaded = store.read("MATCH (d:Document) WHERE d.stub = false RETURN count(d) AS notices")
    assert loaded == [{"notices": 5}]  # the notebook loaded the seeds into its graph
