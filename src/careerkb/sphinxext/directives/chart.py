"""```{careerkb:salary-chart}```: pay bands as a horizontal bar chart, with the same figures as a table.

The view (:func:`careerkb.views.pay.salary_chart`) says what the chart shows; this directive puts
that data in a :class:`drawing` node, with a file name made from a hash of it. The careers map
(``careerkb:tiers``) is drawn through the same node. The HTML
writer has it drawn (:mod:`careerkb.drawing`), once per distinct chart, into
``_images/careerkb/`` as a static SVG file; equal charts get equal names and byte-identical
files, so parallel writers never clash and rebuilds change nothing. Each drawing is also kept in
careerkb's cache folder (:func:`careerkb.cache.drawing`), so a clean build draws nothing it drew
before and never imports matplotlib for it. Every other builder shows
the chart's text alternative instead. Either way the figures follow as a table, so no reader
depends on the picture.

A changed chart gets a new name, so the old file would stay in ``_images/careerkb/`` for ever
and an incremental build's output would differ from a clean one's. Each page's drawings are
therefore recorded when it is read (the domain keeps them with the environment), and when an HTML
build finishes every drawing no page shows any more is removed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import posixpath
from functools import cache
from html import escape
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

import careerkb.cache
import careerkb.drawing
from careerkb.files import write_atomically
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.render import block
from careerkb.sphinxext.warnings import Subtype, warn
from careerkb.views import requests
from careerkb.views.pay import chart_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec
    from sphinx.writers.html5 import HTML5Translator

    from careerkb.views import Context
    from careerkb.views.pay import ChartData
    from careerkb.views.tiers import MapData

#: The charts' folder inside the HTML builder's image folder.
IMAGE_FOLDER = "careerkb"
#: Where a chart's narrow layout is shown instead of its wide one: the wide one's text would be
#: scaled below 8 px in a column this narrow.
NARROW_SCREEN = "(max-width: 36rem)"


class drawing(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A figure drawn from data: ``filename`` (the SVG's name), ``narrow_filename`` (the name of
    its layout for phones, or empty), ``data`` (a :class:`~careerkb.views.pay.ChartData` or
    :class:`~careerkb.views.tiers.MapData`), ``alt`` and ``caption``.

    Its child is the text alternative as a paragraph, which non-HTML builders show in its place.
    """


def drawing_node(
    data: ChartData | MapData,
    *,
    kind: str,
    alt: str,
    caption: str,
    alt_in_caption: bool = True,
    scrolls: bool = False,
    narrow: bool = False,
) -> drawing:
    """A drawing of ``data`` whose SVG is named ``<kind>-<hash>.svg``, with ``alt`` as its text.

    ``alt_in_caption`` repeats the text alternative under the picture, for sighted readers
    too; leave it off where the same content follows as a table. ``scrolls`` marks a drawing
    that keeps its width and scrolls sideways on a narrow screen; ``narrow`` draws it a second
    time, laid out for a phone, which narrow screens show instead.
    """
    node = drawing(
        filename=_filename(kind, data),
        narrow_filename=_filename(f"{kind}-narrow", data) if narrow else "",
        data=data,
        alt=alt,
        caption=caption,
        alt_in_caption=alt_in_caption,
        scrolls=scrolls,
        classes=["careerkb-chart", *(["careerkb-scrolls"] if scrolls else [])],
    )
    node += nodes.paragraph(alt, alt)
    return node


class SalaryChartDirective(CareerkbDirective):
    """Pay bands filtered by role and source, drawn from low to high with open tops and medians."""

    option_spec: ClassVar[OptionSpec] = {
        "role": directives.unchanged,
        "source": directives.unchanged,
        "caption": directives.unchanged,
    }

    view = staticmethod(requests.salary_chart)

    def render(self, context: Context) -> list[nodes.Node]:
        view = requests.salary_chart(context, self.request())
        assert view.data is not None  # the chart's view always draws a chart
        self.shows(view)
        # The table that follows holds the same figures: the caption under the chart need not.
        node = drawing_node(
            view.data,
            kind="salary-chart",
            alt=view.alt,
            caption=view.caption,
            alt_in_caption=False,
            narrow=True,
        )
        node.children = [block(chart_text(view))]
        self.set_source_info(node)
        return [node, *(block(item) for item in view.blocks)]


@cache
def _renderer() -> str:
    """What draws the pictures: matplotlib's version and careerkb's drawing code."""
    code = hashlib.sha256(Path(careerkb.drawing.__file__).read_bytes()).hexdigest()[:12]
    try:
        return f"matplotlib {metadata.version('matplotlib')}, drawing code {code}"
    except metadata.PackageNotFoundError:
        return "no renderer"


def _filename(kind: str, data: ChartData | MapData) -> str:
    """A name for the SVG from what it shows and what draws it."""
    content = json.dumps(dataclasses.asdict(data), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{content}\n{_renderer()}".encode()).hexdigest()[:20]
    return f"{kind}-{digest}.svg"


def write_svg(folder: Path, node: drawing, *, narrow: bool = False) -> Path:
    """Draw the chart into ``folder`` unless a file of its name (hence its content) is there."""
    target = folder / str(node["narrow_filename" if narrow else "filename"])
    if target.exists():
        return target
    svg = careerkb.cache.drawing(target.name, lambda: careerkb.drawing.draw(node["data"], narrow=narrow))
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(target, svg)
    return target


# --- keeping the image folder to what the pages show ------------------------------------------


def _note_drawings(app: Sphinx, doctree: nodes.document) -> None:
    # Both layouts of a chart are shown: the narrow one on phones.
    names = {
        str(node[key])
        for node in doctree.findall(drawing)
        for key in ("filename", "narrow_filename")
        if node.get(key)
    }
    if names:
        careerkb_domain(app.env).drawings[app.env.current_document.docname] = names


def _remove_unused_drawings(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.builder.outdir, app.builder.imagedir, IMAGE_FOLDER)
    shown = set().union(*careerkb_domain(app.env).drawings.values())
    for path in folder.glob("*.svg"):
        if path.name not in shown:
            path.unlink(missing_ok=True)


# --- writing -------------------------------------------------------------------------------------


def visit_chart_html(self: HTML5Translator, node: drawing) -> None:
    builder = self.builder
    try:
        folder = Path(builder.outdir, builder.imagedir, IMAGE_FOLDER)
        write_svg(folder, node)
        if node.get("narrow_filename"):
            write_svg(folder, node, narrow=True)
    except ImportError:
        warn(
            "matplotlib is not installed, so this chart shows as text; install careerkb[docs]",
            Subtype.BAD_ARGUMENT,
            node,
        )
        return  # the text alternative, the node's child, renders instead
    caption = escape(node["caption"])
    title = f'<span class="careerkb-chart-title">{caption}</span> ' if caption else ""
    text = escape(node["alt"]) if node["alt_in_caption"] else ""
    self.body.append(
        # A drawing that scrolls sideways on narrow screens takes the keyboard focus, so it can
        # be scrolled without a mouse.
        (
            self.starttag(node, "figure", tabindex="0")
            if node.get("scrolls")
            else self.starttag(node, "figure")
        )
        + f"{_picture(builder.imgpath, node)}\n"
        + f"<figcaption>{title}{text}</figcaption>\n</figure>\n"
    )
    raise nodes.SkipNode


def _picture(imgpath: str, node: drawing) -> str:
    """The drawing's <img>, in a <picture> that shows its narrow layout on narrow screens."""
    src = posixpath.join(imgpath, IMAGE_FOLDER, node["filename"])
    # "dark-light": pydata-sphinx-theme must not give the drawing a panel or dim it in dark mode;
    # careerkb.css turns its dark ink light there instead.
    image = (
        f'<img src="{escape(src)}" alt="{escape(node["alt"])}" '
        'class="careerkb-chart-image dark-light" loading="lazy" />'
    )
    if not node.get("narrow_filename"):
        return image
    narrow = posixpath.join(imgpath, IMAGE_FOLDER, node["narrow_filename"])
    return f'<picture><source media="{NARROW_SCREEN}" srcset="{escape(narrow)}" />{image}</picture>'


def visit_chart_text(self: Any, node: drawing) -> None:
    """Other builders show the node's child, the text alternative, in place of the image."""


def depart_chart(self: Any, node: drawing) -> None:
    pass


def setup_chart(app: Sphinx) -> None:
    app.add_node(
        drawing,
        html=(visit_chart_html, depart_chart),
        text=(visit_chart_text, depart_chart),
        latex=(visit_chart_text, depart_chart),
        man=(visit_chart_text, depart_chart),
        texinfo=(visit_chart_text, depart_chart),
    )
    app.add_directive_to_domain("careerkb", "salary-chart", SalaryChartDirective)
    app.connect("doctree-read", _note_drawings)
    app.connect("build-finished", _remove_unused_drawings)
