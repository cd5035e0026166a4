"""```{careerkb:directive-reference}```: the reference of every directive and inline role, generated.

Everything comes from the extension itself, read at build time: the directives and roles
registered in the ``careerkb`` domain, each class's docstring, its argument (the ``argument`` and
``example`` of :class:`~careerkb.sphinxext.directives.base.CareerkbDirective`) and its
``option_spec``. A new directive or option appears in the handbook without anyone writing it
up, and the reference cannot describe an option that no longer exists.

The only hand-written words here are the fallbacks for an object with no docstring of its own
and a short note on what a few common option names take.
"""

from __future__ import annotations

import inspect
import re
import sys
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from careerkb.models import LEVEL_ORDER
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.render import block, labelled, paragraph
from careerkb.views.content import BulletList, Cell, Code, LocalLink, Table
from careerkb.views.market import MEASURES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

DOMAIN = "careerkb"

#: Descriptions for directives and roles whose class has no docstring of its own, by name.
#: The domain's link roles are instances of Sphinx's XRefRole, whose docstring is generic.
FALLBACK_DESCRIPTIONS: dict[str, str] = {
    "role": "A link to a role's page, showing the role's title; any id, title, abbreviation or "
    "alias names the role.",
    "source": "A link to a source's entry on the sources page, showing the source's title.",
}

#: What a converter of ``option_spec`` accepts: (description, placeholder in the example).
CONVERTERS: dict[object, tuple[str, str]] = {
    directives.unchanged_required: ("text", "<text>"),
    directives.unchanged: ("text, may be empty", "<text>"),
    directives.flag: ("flag, takes no value", ""),
    directives.positive_int: ("positive whole number", "<number>"),
    directives.nonnegative_int: ("whole number, zero or more", "<number>"),
    directives.class_option: ("space-separated class names", "<classes>"),
    directives.uri: ("address", "<address>"),
    directives.path: ("path", "<path>"),
    directives.percentage: ("percentage", "<percentage>"),
    directives.length_or_unitless: ("length", "<length>"),
    directives.length_or_percentage_or_unitless: ("length or percentage", "<length>"),
    directives.encoding: ("text encoding", "<encoding>"),
    int: ("whole number", "<number>"),
    float: ("number", "<number>"),
    str: ("text", "<text>"),
}

#: What the options shared by several directives mean: (note, placeholder in the example).
#: The allowed values are read from the code, so they stay current.
OPTION_NOTES: dict[str, tuple[str, str]] = {
    "role": ("comma-separated role ids, titles or aliases; every role when left out", "<role ids>"),
    "source": ("a source id; every source when left out", "<source id>"),
    "level": (f"comma-separated levels, from {', '.join(LEVEL_ORDER)}", "<levels>"),
    "measure": (f"one of {', '.join(MEASURES)}", "<measure>"),
    "caption": ("the caption to show", "<text>"),
    "letters": (
        'the letters this page of a split glossary shows, such as A-C, or "#, A" in quotes (MyST '
        "reads a bare # as a comment); only for a glossary of more than careerkb_glossary_split_at terms",
        "<letters>",
    ),
}

# A usage line that opens a docstring, as in '```{careerkb:compare} a b``` — what it shows'.
_USAGE = re.compile(r"^```\{[^}]*\}[^`]*```\s*[—–:-]?\s*")
_INTERPRETED = re.compile(r":[\w:.-]+:`~?([^`<]*?)\s*(?:<[^>]*>)?`")  # :class:`X <y>` -> X


def plain(docstring: str | None) -> str:
    """The first paragraph of a docstring as one line of plain text, without reST or MyST markup.

    >>> plain('''```{careerkb:career-ladder} mle``` — the rungs of a ``role``'s ladder.
    ...
    ... More detail.''')
    "The rungs of a role's ladder."
    """
    if not docstring:
        return ""
    first = inspect.cleandoc(docstring).split("\n\n", 1)[0]
    text = _USAGE.sub("", " ".join(first.split()))
    text = _INTERPRETED.sub(r"\1", text)
    text = re.sub(r"``(.+?)``", r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else f"{text}."


def describe_directive(name: str, cls: type[Any]) -> str:
    """The class's own docstring; else its module's, when the module is about this directive."""
    own = plain(cls.__dict__.get("__doc__"))
    if own:
        return own
    module_doc = getattr(sys.modules.get(cls.__module__), "__doc__", None) or ""
    if module_doc.startswith(f"```{{{DOMAIN}:{name}}}") or module_doc.startswith(f"```{{{DOMAIN}:{name} "):
        return plain(module_doc)
    return FALLBACK_DESCRIPTIONS.get(name, "")


def describe_role(name: str, role: object) -> str:
    """The docstring of the role's class, when careerkb defines it; else the fallback."""
    cls = type(role) if not inspect.isfunction(role) else None
    doc = cls.__dict__.get("__doc__") if cls is not None else getattr(role, "__doc__", None)
    module = cls.__module__ if cls is not None else getattr(role, "__module__", "")
    own = plain(doc) if module.split(".")[0] == "careerkb" else ""
    return own or FALLBACK_DESCRIPTIONS.get(name, "")


def argument_of(cls: type[Any]) -> tuple[str | None, str, bool]:
    """(what the argument names, an example, whether it is required); None when there is none."""
    if issubclass(cls, CareerkbDirective):
        return cls.argument, cls.example, cls.argument is not None
    required = int(getattr(cls, "required_arguments", 0))
    optional = int(getattr(cls, "optional_arguments", 0))
    if not required and not optional:
        return None, "", False
    return ("an argument" if required + optional == 1 else "arguments"), "", bool(required)


def converter_of(convert: object) -> tuple[str, str]:
    """A human description of an option's converter, and a placeholder value for it."""
    try:
        known = CONVERTERS.get(convert)
    except TypeError:  # not hashable
        known = None
    if known is not None:
        return known
    summary = plain(getattr(convert, "__doc__", None))
    if not summary:
        return "value", "<value>"
    return summary[0].lower() + summary[1:].rstrip("."), "<value>"


def example_of(name: str, cls: type[Any]) -> str:
    """The directive as a page would write it, in MyST Markdown, with every option."""
    _argument, example, _required = argument_of(cls)
    lines = [f"```{{{DOMAIN}:{name}}}" + (f" {example}" if example else "")]
    for option, convert in (getattr(cls, "option_spec", None) or {}).items():
        placeholder = OPTION_NOTES[option][1] if option in OPTION_NOTES else converter_of(convert)[1]
        if convert is directives.flag:
            placeholder = ""
        lines.append(f":{option}: {placeholder}".rstrip())
    lines.append("```")
    return "\n".join(lines)


class DirectiveReferenceDirective(SphinxDirective):
    """Every directive and inline role of the ``careerkb`` domain, read from the extension itself.

    Each directive gets a section with its description, argument, options and an example, so
    the reference cannot drift from the code.
    """

    required_arguments = 0
    optional_arguments = 0
    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        domain = self.env.domains[DOMAIN]
        found = sorted(domain.directives.items())
        roles = sorted(domain.roles.items())
        for _name, cls in found:
            # Re-read this page when a directive's code (hence its docstring or options) changes.
            source = inspect.getsourcefile(cls)
            if source:
                self.env.note_dependency(source)

        rows: list[tuple[Cell, ...]] = []
        for name, cls in found:
            link = LocalLink(self._anchor(name), Code(f"{DOMAIN}:{name}"))
            rows.append(((link,), ("directive",), (describe_directive(name, cls) or "(not described)",)))
        for name, role in roles:
            rows.append(
                (
                    (Code(f"{DOMAIN}:{name}"),),
                    ("inline role",),
                    (describe_role(name, role) or "(not described)",),
                )
            )
        overview = Table(
            ("Name", "Kind", "What it does"),
            tuple(rows),
            title=f"Every directive and inline role of the {DOMAIN} domain",
            classes=("careerkb-directive-reference",),
        )
        return [block(overview), *(self._section(name, cls) for name, cls in found)]

    @staticmethod
    def _anchor(name: str) -> str:
        return f"directive-{name}"

    def _section(self, name: str, cls: type[Any]) -> nodes.section:
        section = nodes.section(ids=[self._anchor(name)], classes=["careerkb-directive"])
        self.state.document.set_id(section)
        title = nodes.title()
        title += nodes.literal(f"{DOMAIN}:{name}", f"{DOMAIN}:{name}")
        section += title
        section += paragraph(describe_directive(name, cls) or "(not described)")

        argument, example, required = argument_of(cls)
        if argument is None:
            section += labelled("Argument", "none.")
        else:
            such_as = f", such as {example}" if example else ""
            section += labelled("Argument", f"{argument}{such_as}; {'required' if required else 'optional'}.")

        option_spec = getattr(cls, "option_spec", None) or {}
        if not option_spec:
            section += labelled("Options", "none.")
        else:
            section += labelled("Options", "each is optional.")
            items: list[Cell] = []
            for option, convert in option_spec.items():
                kind = converter_of(convert)[0]
                note = f"; {OPTION_NOTES[option][0]}" if option in OPTION_NOTES else ""
                items.append((Code(f":{option}:"), f" — {kind}{note}."))
            section += block(BulletList(tuple(items), classes=("careerkb-directive-options",)))

        code = example_of(name, cls)
        section += nodes.literal_block(
            code, code, language="markdown", classes=["careerkb-directive-example"]
        )
        return section


def setup_reference(app: Sphinx) -> None:
    app.add_directive_to_domain(DOMAIN, "directive-reference", DirectiveReferenceDirective)
