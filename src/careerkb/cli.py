"""The ``careerkb`` command: check the data, export it, and look things up from a terminal.

Exit status: 0 on success, 1 when the data is invalid or a name is unknown, 2 on a usage error.
Heavy imports wait until a command needs them, so ``careerkb --help`` starts at once.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

# Not typing.TYPE_CHECKING: importing typing is a good part of the look-ups' fast start-up.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import Any

    from rich.console import Console

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Term
    from careerkb.views import Context
    from careerkb.views.content import Block


def main(argv: Sequence[str] | None = None) -> int:
    from careerkb import snapshot

    arguments = sys.argv[1:] if argv is None else list(argv)
    plain = snapshot.plain_arguments(arguments)
    if plain is not None and snapshot.replay(plain):  # answered without the data or the parser
        return 0
    parser = _parser()
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return 2
    if plain is None and snapshot.replay(args):  # a look-up written otherwise, as `--data=DIR`
        return 0
    from careerkb.characters import visible
    from careerkb.knowledge import UnknownRecordError
    from careerkb.problems import DataError

    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        status = handler(args)
        snapshot.refresh(args, status)
        return status
    except DataError as error:
        for problem in error.problems:
            print(visible(str(problem)), file=sys.stderr)
        count = len(error.problems)
        print(f"careerkb: {count} problem{'s' if count != 1 else ''} in the data", file=sys.stderr)
        return 1
    except UnknownRecordError as error:
        print(visible(f"careerkb: {error}"), file=sys.stderr)
        return 1
    except OutputPathError as error:
        print(visible(f"careerkb: {error}"), file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `careerkb export | head`
        return 0


def _parser() -> argparse.ArgumentParser:
    import argparse  # here: a look-up answered from the snapshot needs no parser

    parser = argparse.ArgumentParser(
        prog="careerkb",
        description="AI job roles, pay bands, demand, learning paths and terms, with their sources.",
    )
    parser.add_argument("--version", action=_version_action())
    parser.set_defaults(command=None)
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        help="data folder to use instead of the data shipped with careerkb",
    )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON instead of a table")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help: str, *parents: Any) -> Any:
        sub = commands.add_parser(name, help=help, description=help, parents=[data, *parents])
        sub.set_defaults(command=name, handler=handler)
        return sub

    command("validate", _validate, "check every data file; report each problem as path:line: field")
    export = command("export", _export, "print the whole knowledge base as one JSON document")
    export.add_argument("--format", choices=["json"], default="json", help="output format (json)")
    export.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")
    command("schema", _schema, "print the JSON Schema of the export")
    schemas = command("schemas", _schemas, "write the JSON Schemas editors use to check the data files")
    schemas.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="DIR",
        default=Path("schemas/data"),
        help="folder to write them to (default: schemas/data)",
    )
    schemas.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is missing or out of date"
    )
    roles = command("roles", _roles, "list every role with its tier, status, entry pay and source", as_json)
    roles.add_argument("--tier", metavar="TIER", help="only the roles of one tier, e.g. safety")
    command("tiers", _tiers, "list the tiers of AI work and the roles in each", as_json)
    occupation = command(
        "occupation",
        _occupation,
        "show an official occupation's statistics and the roles linked to it",
        as_json,
    )
    occupation.add_argument("key", metavar="OCCUPATION", help="SOC code, id or title, e.g. 15-2051")
    role = command("role", _role, "show one role's profile", as_json)
    role.add_argument("id", metavar="ROLE", help="id, title, abbreviation or alias, e.g. mle")
    term = command("term", _term, "look a term up in the glossary, or search it", as_json)
    term.add_argument("query", metavar="QUERY", help="a term, abbreviation or alias, or part of one")
    compare = command("compare", _compare, "compare two roles side by side", as_json)
    compare.add_argument("first", metavar="ROLE")
    compare.add_argument("second", metavar="ROLE")
    return parser


def _version_action() -> type[argparse.Action]:
    """Like argparse's own version action, but reads the package metadata only when asked: that
    import is slow. Made here because argparse itself waits until a parser is needed."""
    import argparse

    class VersionAction(argparse.Action):
        def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
            super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

        def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
            from importlib import metadata

            try:
                version = metadata.version("careerkb")
            except metadata.PackageNotFoundError:  # a source tree that is not installed
                from careerkb import __version__ as version
            print(f"{parser.prog} {version}")
            parser.exit()

    return VersionAction


def _load(args: argparse.Namespace) -> KnowledgeBase:
    from careerkb.loader import load

    return load(args.data)


def _print_json(value: Any) -> int:
    import json  # here: a look-up answered from the snapshot prints no JSON of its own

    from careerkb.characters import json_visible

    print(json_visible(json.dumps(value, indent=2, ensure_ascii=False)))
    return 0


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


# --- commands -----------------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    from careerkb.loader import data_files, default_data_dir

    kb = _load(args)
    files = len(data_files(args.data or default_data_dir()))
    counts = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in kb.counts().items())
    print(f"careerkb data is valid: {counts} in {files} files")
    return 0


def _export(args: argparse.Namespace) -> int:
    from careerkb.export import export_json

    text = export_json(_load(args))
    if args.output:
        _write_output(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from careerkb.export import export_schema_json

    sys.stdout.write(export_schema_json())
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from careerkb.schemas import schema_files, stale_schema_files, write_schema_files

    folder: Path = args.output
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"cannot write the schemas into {folder}: it is a file, not a folder")
    if args.check:
        stale = stale_schema_files(folder)
        for path in stale:
            print(f"{path}: {'out of date' if path.exists() else 'missing'}", file=sys.stderr)
        if stale:
            print(f"careerkb: regenerate with `careerkb schemas --output {folder}`", file=sys.stderr)
            return 1
        print(f"careerkb: the {len(schema_files())} schemas in {folder} are current")
        return 0
    try:
        written = write_schema_files(folder)
    except OSError as error:
        raise OutputPathError(f"cannot write the schemas into {folder}: {error.strerror}") from None
    for path in written:
        print(f"wrote {path}")
    print(f"careerkb: {len(written)} of {len(schema_files())} schemas in {folder} written")
    return 0


class OutputPathError(Exception):
    """A path given for output that cannot be written: a usage error."""


def _write_output(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole, or say in one line why not; never leave half a file."""
    from careerkb.files import write_atomically

    if path.is_dir():
        raise OutputPathError(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise OutputPathError(f"cannot write {path}: the folder {path.parent} does not exist")
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise OutputPathError(f"cannot write {path}: {error.strerror}") from None


def _roles(args: argparse.Namespace) -> int:
    from careerkb.format import band_label
    from careerkb.views import Context
    from careerkb.views.roles import role_summaries

    context = Context(_load(args))
    tier = context.kb.tier(args.tier).id if args.tier else None
    rows = []
    for summary in role_summaries(context):
        role, band = summary.role, summary.entry_pay
        if tier is not None and role.tier != tier:
            continue
        rows.append(
            {
                "id": role.id,
                "title": role.title,
                "tier": role.tier,
                "status": role.status.value if role.status else None,
                "entry_pay": band_label(band) if band else None,
                "entry_pay_band": band.id if band else None,
                "source": context.citation(band).text if band else None,
            }
        )
    if args.json:
        return _print_json(rows)
    cells = [
        [
            str(row["title"]),
            str(row["id"]),
            str(row["tier"]),
            str(row["status"] or "—"),
            str(row["entry_pay"] or "—"),
            str(row["source"] or "—"),
        ]
        for row in rows
    ]
    headers = ["Role", "Id", "Tier", "Status", "Entry pay", "Source"]
    _print_table("AI roles", headers, cells, no_wrap=["Id", "Tier", "Status", "Entry pay"])
    return 0


def _role(args: argparse.Namespace) -> int:
    from careerkb.views import Context, ViewProblem
    from careerkb.views import requests as views

    context = Context(_load(args))
    kb = context.kb
    role = kb.role(args.id)
    if args.json:
        return _print_json(
            {
                "role": role.model_dump(mode="json"),
                "salary_bands": [band.model_dump(mode="json") for band in kb.salary_bands(role=role.id)],
                "market_facts": [fact.model_dump(mode="json") for fact in kb.market_facts(role=role.id)],
                "resources": [resource.model_dump(mode="json") for resource in kb.resources(role=role.id)],
                "tier": kb.tier(role.tier).model_dump(mode="json"),
                "occupations": [
                    kb.occupation(link.occupation).model_dump(mode="json") for link in role.occupations
                ],
            }
        )
    short = f" ({role.abbreviation})" if role.abbreviation else ""
    _say(f"{role.title}{short}", bold=True)
    about_role = views.Request(role.id)
    of_role = views.Request(options={"role": role.id})
    # The views of the role's page, in its order; a section the sources do not cover is left out.
    for heading, name, request in (
        (None, "quick-facts", about_role),
        (None, "role-profile", about_role),
        ("Pay", "salary-table", of_role),
        ("Demand", "market-facts", of_role),
        ("Official statistics", "official-statistics", about_role),
        ("How to learn it", "learning-path", about_role),
        ("The interview loop", "interview-loop", about_role),
        ("The career ladder", "career-ladder", about_role),
    ):
        try:
            view = views.VIEWS[name](context, request)
        except ViewProblem:
            continue
        if heading:
            print()
            _say(heading, bold=True)
        _print_blocks(view.blocks)
    return 0


def _tiers(args: argparse.Namespace) -> int:
    from careerkb.views import Context
    from careerkb.views import requests as views

    context = Context(_load(args))
    kb = context.kb
    if args.json:
        return _print_json(
            [
                {**tier.model_dump(mode="json"), "roles": [role.id for role in kb.tier_roles(tier.id)]}
                for tier in kb.tiers
            ]
        )
    _say("The tiers of AI work", bold=True)
    _print_blocks(views.VIEWS["tiers"](context, views.Request()).blocks)
    return 0


def _occupation(args: argparse.Namespace) -> int:
    from careerkb.views import Context
    from careerkb.views.occupations import occupation_facts, occupation_name

    context = Context(_load(args))
    kb = context.kb
    job = kb.occupation(args.key)
    linked = [(role, link) for role in kb.roles for link in role.occupations if link.occupation == job.id]
    if args.json:
        return _print_json(
            {
                "occupation": job.model_dump(mode="json"),
                "roles": [
                    {"role": role.id, "relation": link.relation, "reason": link.reason}
                    for role, link in linked
                ],
            }
        )
    _say(occupation_name(job), bold=True)
    _print_blocks(occupation_facts(context, job)[1:])
    if linked:
        from careerkb.views.occupations import RELATION_WORDS

        print()
        _say("careerkb roles", bold=True)
        for role, link in linked:
            _say(f"  {role.title} ({RELATION_WORDS[link.relation]}): {link.reason}")
    return 0


def _term(args: argparse.Namespace) -> int:
    from careerkb.knowledge import UnknownRecordError

    kb = _load(args)
    try:
        matches = [kb.term(args.query)]
    except UnknownRecordError as error:
        matches = kb.search_terms(args.query)
        if not matches:
            raise error from None
    if args.json:
        return _print_json([term.model_dump(mode="json") for term in matches])
    if len(matches) == 1:
        from careerkb.views import Context

        _show_term(Context(kb), matches[0])
        return 0
    _say(f"{len(matches)} terms match {args.query!r}:")
    for term in matches:
        short = f" ({term.abbreviation})" if term.abbreviation else ""
        _say(f"  {term.term}{short}  [{term.id}]")
    return 0


def _compare(args: argparse.Namespace) -> int:
    from careerkb.views import Context
    from careerkb.views.compare import boundaries, compare, shared_skills

    context = Context(_load(args))
    kb = context.kb
    first, second = kb.role(args.first), kb.role(args.second)
    if first.id == second.id:
        print(f"careerkb: {args.first!r} and {args.second!r} are the same role", file=sys.stderr)
        return 1
    roles = [first, second]
    if args.json:
        return _print_json(
            {
                "roles": [first.model_dump(mode="json"), second.model_dump(mode="json")],
                "comparisons": [found.model_dump(mode="json") for found in boundaries(context, roles)],
                "skills": [area.model_dump(mode="json") for area in shared_skills(context, roles)],
                "salary_bands": [
                    band.model_dump(mode="json") for role in roles for band in kb.salary_bands(role=role.id)
                ],
            }
        )
    _print_blocks(compare(context, roles).blocks)
    return 0


# --- rendering helpers ----------------------------------------------------------------------------


def _print_blocks(blocks: Sequence[Block]) -> None:
    """A view's blocks as terminal text: the same content the site shows, without its links."""
    from careerkb.views.content import Box, BulletList, Labelled, Paragraph, Rubric, Table, plain_text

    for block in blocks:
        match block:
            case Paragraph(spans=spans):
                _say(plain_text(spans))
            case Labelled(label=label, spans=spans):
                _say(f"{label}: {plain_text(spans)}")
            case Rubric(title=title):
                print()
                _say(title, bold=True)
            case BulletList(items=items, enumerated=enumerated):
                for number, item in enumerate(items, start=1):
                    marker = f"  {number}. " if enumerated else "  • "
                    _say(marker + plain_text(item), hang=" " * len(marker))
            case Table(title=title, headers=headers, rows=rows):
                print()
                cells = [[plain_text(cell) for cell in row] for row in rows]
                _print_table(title, headers, cells, show_lines=True)
            case Box(title=title, blocks=inner):
                print()
                _say(title, bold=True)
                _print_blocks(inner)


def _print_table(
    title: str | None,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    no_wrap: Sequence[str] = (),
    show_lines: bool = False,
    console: Console | None = None,
) -> None:
    """A table of plain text drawn by rich on ``console`` (by default standard output): the one
    place the commands print a table, so the snapshot (careerkb.snapshot) can keep it."""
    from rich.table import Table
    from rich.text import Text

    from careerkb.characters import visible

    table = Table(title=Text(visible(title)) if title else None, title_justify="left", show_lines=show_lines)
    for column in headers:
        table.add_column(Text(visible(column)), no_wrap=column in no_wrap)
    for row in rows:
        _add_row(table, *row)
    (console or _console()).print(table)


def _add_row(table: Any, *cells: str) -> None:
    """Add a row of plain text: data may contain '[', which rich would read as markup, and
    control characters, which the terminal would obey."""
    from rich.text import Text

    from careerkb.characters import visible

    table.add_row(*(Text(visible(cell)) for cell in cells))


def _show_term(context: Context, term: Term) -> None:
    from careerkb.views.glossary import term_entry

    entry = term_entry(context, term)
    short = f" ({term.abbreviation})" if term.abbreviation else ""
    _say(f"{entry.name}{short}", bold=True)
    _print_blocks(entry.definition)


def _say(text: str, *, bold: bool = False, hang: str = "") -> None:
    """Print ``text`` wrapped to the terminal, each of its lines on its own, continuation lines
    indented by ``hang``; bold only on a terminal that takes colour.

    ``careerkb term`` is the quick look-up, so it prints without rich, whose import alone costs
    about a third of the command's start-up; only tables are drawn with rich.
    """
    from careerkb.characters import visible

    columns = 80
    if sys.stdout.isatty():  # shutil (and the archive modules it imports) only for a terminal
        import shutil

        columns = shutil.get_terminal_size().columns
    width = max(columns - 1, 20)
    lines = visible(text).split("\n")
    wrapped = "\n".join(
        textwrap.fill(line, width=width, subsequent_indent=hang, break_on_hyphens=False) or line
        for line in [lines[0], *(hang + line for line in lines[1:])]
    )
    styled = bold and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    print(f"\x1b[1m{wrapped}\x1b[0m" if styled else wrapped)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
