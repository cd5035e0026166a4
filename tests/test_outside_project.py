"""careerkb as another project would use it: its own conf.py and data folder, built by Sphinx's
command line with the installed extension, in a folder outside this repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES

CONF = """\
extensions = ["myst_parser", "careerkb.sphinxext"]
careerkb_data_dir = "careers-data"
"""

INDEX = """\
# Our job family

```{toctree}
builder
sources
```

Entry pay for builders is {careerkb:figure}`builder-entry`.

```{careerkb:roles-directory}
```
"""


def write_outside_project(folder: Path) -> Path:
    """Another team's Sphinx project: its own conf.py, pages and data folder, in ``folder``."""
    project = folder / "their-docs"
    project.mkdir()
    shutil.copytree(FIXTURES / "minimal", project / "careers-data")
    (project / "conf.py").write_text(CONF, encoding="utf-8")
    (project / "index.md").write_text(INDEX, encoding="utf-8")
    profile = "# Builder\n\n```{careerkb:role-profile} builder\n```\n"
    (project / "builder.md").write_text(profile, encoding="utf-8")
    (project / "sources.md").write_text("# Sources\n\n```{careerkb:sources}\n```\n", encoding="utf-8")
    return project


def test_an_outside_project_builds_with_its_own_data(tmp_path: Path) -> None:
    project = write_outside_project(tmp_path)

    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-q", ".", "_build"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    index = (project / "_build" / "index.html").read_text(encoding="utf-8")
    assert "$90K–$135K" in index
    assert 'href="builder.html#role-builder"' in index
    assert 'href="sources.html#source-guide"' in index
    # Nothing of careerkb's own data leaks into a project that brings its own.
    assert "Machine Learning Engineer" not in index
