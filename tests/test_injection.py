"""Markup in the data is text: every text field carrying HTML and a script renders escaped, in
pages, previews, the chooser's data and the JSON API, and never runs."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from tests.conftest import FIXTURES, warnings_of

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

PAYLOAD = ' <script>alert("x")</script><img src=x onerror=alert(1)>'
TEXT_KEYS = {
    *("title", "summary", "description", "suits", "education", "break_in", "statement"),
    *("definition", "headline", "name", "provider", "covers", "note", "area", "level_label"),
}
TEXT_LISTS = {"duties", "toolkit", "entry_routes", "items", "aliases"}
TEXT_MAPS = {"sides", "by_role"}
ROOT = Path(__file__).parent / "roots" / "test-directives"


def _poison(value: Any) -> Any:
    """The same data with the payload appended to every free-text field."""
    if isinstance(value, list):
        return [_poison(item) for item in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for key, item in value.items():
        if key in TEXT_KEYS and isinstance(item, str):
            result[key] = item + PAYLOAD
        elif key in TEXT_LISTS and isinstance(item, list) and all(isinstance(x, str) for x in item):
            result[key] = [x + PAYLOAD for x in item]
        elif key in TEXT_MAPS and isinstance(item, dict):
            result[key] = {k: v + PAYLOAD for k, v in item.items()}
        else:
            result[key] = _poison(item)
    return result


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in _strings(item)]


def _hostile_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project)
    data = project / "data"
    data.mkdir()
    for source in (FIXTURES / "minimal").glob("*.yaml"):
        poisoned = _poison(yaml.safe_load(source.read_text(encoding="utf-8")))
        (data / source.name).write_text(yaml.safe_dump(poisoned, allow_unicode=True), encoding="utf-8")
    # The page names the role by its alias, which now carries the payload too: use the id.
    (project / "roles" / "user.md").write_text("# Model User\n\n```{careerkb:role-profile} user\n```\n")
    (project / "chooser.md").write_text("# Chooser\n\n```{careerkb:chooser}\n```\n", encoding="utf-8")
    with (project / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n```{toctree}\nchooser\n```\n")
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('careerkb_data_dir = "data"\n')
    return project


def test_markup_in_every_text_field_is_escaped_everywhere(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_hostile_project(tmp_path))
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)
    pages = {path: path.read_text(encoding="utf-8") for path in out.rglob("*.html")}
    escaped = 0
    for path, html in pages.items():
        assert '<script>alert("x")' not in html, path
        assert "<img src=x onerror" not in html, path
        escaped += html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    assert escaped > 30  # the payload is shown, as text, in many places

    previews = (out / "_static" / "careerkb-previews-data.js").read_text(encoding="utf-8")
    assert "</script>" not in previews
    assert "<img" not in previews
    data = json.loads(previews.removeprefix("window.careerkbPreviewData = ").removesuffix(";\n"))
    assert any(PAYLOAD in entry["text"] or PAYLOAD in entry["title"] for entry in data.values())

    chooser = pages[out / "chooser.html"]
    embedded = re.search(
        r'<script type="application/json" id="careerkb-chooser-data">(.*?)</script>', chooser, re.S
    )
    assert embedded is not None
    assert "</script" not in embedded.group(1)
    assert any(text.endswith(PAYLOAD) for text in _strings(json.loads(embedded.group(1))))

    roles = json.loads((out / "api" / "v1" / "roles.json").read_text(encoding="utf-8"))
    assert roles["roles"][0]["title"].endswith(PAYLOAD)


SEPARATED = {"text": "a line\u2028separator and a paragraph\u2029separator </script>"}


def _writers_output() -> dict[str, str]:
    """What each way data goes into a script writes for ``SEPARATED``."""
    from docutils import nodes

    from careerkb.sphinxext import previews, site_search
    from careerkb.sphinxext.script_data import add_script_data_node

    registered: dict[str, Any] = {}

    class App:
        def add_node(self, node_class: type, **visitors: Any) -> None:
            registered.update(visitors)

    class Translator:
        def __init__(self) -> None:
            self.body: list[str] = []

    add_script_data_node(App(), nodes.inline, "careerkb-test-data", lambda node: SEPARATED)  # type: ignore[arg-type]
    visit_html = registered["html"][0]
    translator = Translator()
    with contextlib.suppress(nodes.SkipNode):
        visit_html(translator, nodes.inline())
    return {
        "page data element": "".join(translator.body).removesuffix("</script>\n"),
        "previews": previews.script_for({"x": SEPARATED}),
        "site search": site_search._script("core", SEPARATED),
    }


def test_line_and_paragraph_separators_never_reach_a_script_raw() -> None:
    # Before ES2019 they end a line inside a JavaScript string, and nothing shows them.
    for writer, script in _writers_output().items():
        assert "\u2028" not in script, writer
        assert "\u2029" not in script, writer
        assert "</script>" not in script, writer
        assert "\\u2028separator" in script, writer
