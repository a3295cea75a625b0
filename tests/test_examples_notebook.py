"""examples/lecture.ipynb executes in this environment's Python kernel."""

import pathlib

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = pathlib.Path(__file__).resolve().parent.parent / "examples/lecture.ipynb"


@pytest.mark.slow
def test_notebook_executes_and_shows_derivations(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # "python3" is the kernel ipykernel provides for the running interpreter.
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": tmp_path}},
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    data = [o.get("data", {}) for o in outputs]
    markdown = [d["text/markdown"] for d in data if "text/markdown" in d]
    plain = "\n".join(d.get("text/plain", "") for d in data)
    # The XOR proof rendered as Markdown with math, and the exact answers.
    assert any("$$" in m and "w_{0}" in m for m in markdown)
    assert "(True,\n ((0, 0, 1, 0, 0, 0)," in plain
    assert "([{y: 3}], 4, {'mu1': 4})" in plain
    assert "[4/5, 19/50, 169/500, 1669/5000]" in plain
    assert any("쌍대" in m for m in markdown)
