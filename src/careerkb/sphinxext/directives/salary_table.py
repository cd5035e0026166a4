"""```{careerkb:salary-table}```: pay bands with roles side by side at aligned levels.

One row per source and level, one column per role, so both sources show together where they
overlap, and every figure sits next to its source and date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives

from careerkb.format import level_label
from careerkb.models import LEVEL_ORDER
from careerkb.sphinxext.directives.base import CareerkbDirective, DirectiveProblem
from careerkb.sphinxext.render import Cell, pay_cell, source_link, table
from careerkb.sphinxext.warnings import Subtype

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Role, SalaryBand


def pay_rows(kb: KnowledgeBase, roles: list[Role], bands: list[SalaryBand]) -> list[list[Cell]]:
    """Rows of (level, one pay cell per role, source), ordered by source and level."""
    by_row: dict[tuple[str, int], dict[str, SalaryBand]] = {}
    for band in bands:
        by_row.setdefault((band.source, LEVEL_ORDER.index(band.level)), {})[band.role] = band
    rows: list[list[Cell]] = []
    for key in sorted(by_row):
        found = by_row[key]
        first = next(iter(found.values()))
        cells: list[Cell] = [level_label(first)]
        cells += [pay_cell(found[role.id]) if role.id in found else "—" for role in roles]
        cells.append(source_link(kb, first))
        rows.append(cells)
    return rows


class SalaryTableDirective(CareerkbDirective):
    """Pay bands filtered by role, source and level."""

    option_spec: ClassVar[OptionSpec] = {
        "role": directives.unchanged_required,
        "source": directives.unchanged_required,
        "level": directives.unchanged_required,
        "caption": directives.unchanged_required,
    }

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        roles = self.roles_option(kb)
        source = kb.source(self.options["source"]).id if "source" in self.options else None
        levels = self.levels_option()
        bands = [
            band
            for role in roles
            for band in kb.salary_bands(role=role.id, source=source)
            if levels is None or band.level in levels
        ]
        if not bands:
            raise DirectiveProblem("the filter matches no salary bands", Subtype.EMPTY)
        shown = [role for role in roles if any(band.role == role.id for band in bands)]
        for band in bands:
            self.shows("salary_bands", band)
        caption = self.options.get("caption", "Total compensation by level")
        headers = ["Level", *(role.title for role in shown), "Source"]
        return [table(headers, pay_rows(kb, shown, bands), classes=["careerkb-salary-table"], title=caption)]


def setup_salary_table(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "salary-table", SalaryTableDirective)
