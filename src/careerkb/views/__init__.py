"""Views: pure functions from the knowledge base and a request to frozen view models.

A view decides what a reader sees: which records, in which order, with which citations and
headings. It imports neither Sphinx nor the command line. Renderers turn its value into output:
the Sphinx extension into docutils nodes (:mod:`careerkb.sphinxext.render`), the command line
into text and JSON (:mod:`careerkb.cli`), the benchmark into static MyST. Every view reads
through :class:`~careerkb.views.context.Context`, whose knowledge base and clock record what
was asked, so a page built from a view depends on exactly what the view read.
"""

from careerkb.views.context import Context, ViewProblem
from careerkb.views.model import View

__all__ = ["Context", "View", "ViewProblem"]
