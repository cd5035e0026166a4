"""```{careerkb:salary-table}```: pay bands with roles side by side at aligned levels."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class SalaryTableDirective(CareerkbDirective):
    """Pay bands filtered by role, source and level: one row per source and level, one column
    per role, so both sources show together where they overlap."""

    option_spec: ClassVar[OptionSpec] = {
        "role": directives.unchanged_required,
        "source": directives.unchanged_required,
        "level": directives.unchanged_required,
        "caption": directives.unchanged_required,
    }

    view = staticmethod(requests.salary_table)


def setup_salary_table(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "salary-table", SalaryTableDirective)
