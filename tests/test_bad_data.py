"""One broken data set per kind of mistake, each with the exact message a contributor sees.

Every case starts from the valid minimal data set (tests/fixtures/minimal), replaces or adds
the files it names, and expects exactly the listed ``path:line: field: message`` lines, from
the API and from ``careerkb validate`` alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import careerkb
from tests.conftest import RunCli


@dataclass(frozen=True)
class Case:
    files: dict[str, str | bytes]
    expected: list[str]


BAND = """\
salary_bands:
  - id: builder-entry
    role: builder
    source: guide
    as_of: mid-2026
    level: entry
    level_label: Entry
{extra}
"""

NO_ALIASES = "anchors and aliases (& and *) are not allowed; write the value out in full"
FINITE = "figures must be real numbers"
TEXT_ONLY = "data files hold text only"
INVISIBLE = "the invisible or control character {} at position {}; delete it or write what it stands for"

SOURCE = """\
sources:
  - id: guide
    title: A Guide
    publisher: Example Press
    as_of: {as_of}
    covers: Everything.
"""

ROLE = """\
roles:
  - id: newcomer
    title: Newcomer
    tier: making
    summary: New here.
    description: Just arrived.
    sources: [guide]
{extra}
"""

FACT = """\
market_facts:
  - id: newcomer-shortage
    roles: [builder]
    source: guide
    as_of: mid-2026
    statement: Few people can do it.
{extra}
"""

OCCUPATION = """\
occupations:
  - id: model-makers
    soc: "{soc}"
    title: Model Makers
    summary: They make models.
    median_pay: 100000
    pay_as_of: "2024-05"
    p10: {p10}
    p90: {p90}
    entry_education: Bachelor's degree
    outlook:
      period: {{start: "2024", end: "2034"}}
      jobs: 1000
      growth_percent: 5
    source: guide
    as_of: mid-2026
"""

CASES: dict[str, Case] = {
    "a synonym in two groups": Case(
        {
            "synonyms.yaml": (
                "synonyms:\n  - id: pay\n    words: [pay, salary]\n"
                "  - id: money\n    words: [earnings, Salary]\n"
            )
        },
        [
            "data/synonyms.yaml:5: synonyms[1].words[1]: the word 'Salary' is already in synonym group "
            "'pay' (synonyms.yaml:2); a word belongs to one group"
        ],
    ),
    "a synonym twice in one group": Case(
        {"synonyms.yaml": "synonyms:\n  - id: pay\n    words: [pay, salary, pay]\n"},
        [
            "data/synonyms.yaml:3: synonyms[0].words[2]: the word 'pay' is already earlier in this group; "
            "a word belongs to one group"
        ],
    ),
    "a synonym group of one word": Case(
        {"synonyms.yaml": "synonyms:\n  - id: pay\n    words: [pay]\n"},
        ["data/synonyms.yaml:3: synonyms[0].words: needs at least 2 items, got 1"],
    ),
    "malformed YAML": Case(
        {"roles.yaml": "roles:\n  - id: builder\n    title: [unclosed\n"},
        ["data/roles.yaml:4: file: not valid YAML: did not find expected ',' or ']'"],
    ),
    "duplicate key": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 90000\n    high: 135000\n    low: 95000")},
        ["data/salary_bands.yaml:10: salary_bands[0].low: duplicate key 'low' (first given on line 8)"],
    ),
    "duplicate id across files": Case(
        {
            "more_roles.yaml": (
                "roles:\n  - id: builder\n    title: Another Builder\n"
                "    tier: making\n"
                "    status: {value: fading, source: guide, as_of: mid-2026}\n"
                "    summary: S.\n    description: D.\n    sources: [guide]\n"
            )
        },
        [
            "data/roles.yaml:2: roles[0].id: duplicate id 'builder' in roles "
            "(first defined at more_roles.yaml:2)"
        ],
    ),
    "unknown field": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 90000\n    hihg: 135000")},
        ["data/salary_bands.yaml:9: salary_bands[0].hihg: unknown field (did you mean 'high'?)"],
    ),
    "wrong type": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: ninety thousand\n    high: 135000")},
        [
            "data/salary_bands.yaml:8: salary_bands[0].low: input should be a valid integer, "
            "unable to parse string as an integer, got text 'ninety thousand'"
        ],
    ),
    "low greater than high": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 135000\n    high: 90000")},
        ["data/salary_bands.yaml:2: salary_bands[0]: low (135000) is greater than high (90000)"],
    ),
    "negative salary": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: -5\n    high: 90000")},
        ["data/salary_bands.yaml:8: salary_bands[0].low: must be greater than zero, got -5"],
    ),
    "absurd salary": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 90000\n    high: 1350000000")},
        ["data/salary_bands.yaml:9: salary_bands[0].high: Input should be less than or equal to 50000000"],
    ),
    "as-of in the future": Case(
        {"sources.yaml": SOURCE.format(as_of="Q3 2999")},
        ["data/sources.yaml:5: sources[0].as_of: as-of date Q3 2999 is in the future"],
    ),
    "as-of in no known form": Case(
        {"sources.yaml": SOURCE.format(as_of="summer 2026")},
        [
            "data/sources.yaml:5: sources[0].as_of: 'summer 2026' is not a date: write it as "
            "'2026', 'mid-2026', 'Q1 2026', '2026-06' or '2026-06-15'"
        ],
    ),
    "empty required text": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026").replace("Everything.", "'  '")},
        ["data/sources.yaml:6: sources[0].covers: must not be empty"],
    ),
    "missing required field": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026").replace("    publisher: Example Press\n", "")},
        ["data/sources.yaml:2: sources[0].publisher: required field is missing"],
    ),
    "non-http URL": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026") + "    url: javascript:alert(1)\n"},
        ["data/sources.yaml:7: sources[0].url: must be an http:// or https:// address"],
    ),
    "unknown role reference": Case(
        {
            "salary_bands.yaml": BAND.format(extra="    low: 90000\n    high: 135000").replace(
                "role: builder", "role: bulder"
            )
        },
        ["data/salary_bands.yaml:3: salary_bands[0].role: unknown role id 'bulder'; did you mean 'builder'?"],
    ),
    "unknown source reference": Case(
        {
            "salary_bands.yaml": BAND.format(extra="    low: 90000\n    high: 135000").replace(
                "source: guide", "source: handbook"
            )
        },
        ["data/salary_bands.yaml:4: salary_bands[0].source: unknown source id 'handbook'"],
    ),
    "unknown term reference": Case(
        {
            "glossary.yaml": (
                "glossary:\n  - id: embeddings\n    term: Embeddings\n    definition: Numbers.\n"
                "    see_also: [vector-db]\n"
            )
        },
        ["data/glossary.yaml:5: glossary[0].see_also[0]: unknown term id 'vector-db'"],
    ),
    "term that refers to itself": Case(
        {
            "glossary.yaml": (
                "glossary:\n  - id: embeddings\n    term: Embeddings\n    definition: Numbers.\n"
                "    see_also: [embeddings]\n"
            )
        },
        ["data/glossary.yaml:5: glossary[0].see_also[0]: a term cannot refer to itself"],
    ),
    "alias collides with another term": Case(
        {
            "glossary.yaml": (
                "glossary:\n"
                "  - {id: rag, term: Retrieval-Augmented Generation, abbreviation: RAG, definition: D.}\n"
                "  - {id: rag-pipeline, term: RAG pipeline, aliases: [rag], definition: D.}\n"
            )
        },
        [
            "data/glossary.yaml:3: glossary[1]: the name 'RAG' of term 'rag-pipeline' is already used "
            "by 'rag'; names, abbreviations and aliases must be unique"
        ],
    ),
    "Python object tag": Case(
        {"roles.yaml": "roles:\n  - !!python/object/apply:os.system ['echo hacked']\n"},
        [
            "data/roles.yaml:2: roles[0]: the tag 'tag:yaml.org,2002:python/object/apply:os.system' "
            "is not allowed in careerkb data"
        ],
    ),
    "anchors and aliases": Case(
        {"roles.yaml": "roles:\n  - &first {id: builder}\n  - *first\n"},
        ["data/roles.yaml:2: file: " + NO_ALIASES],
    ),
    "unknown collection": Case(
        {"extra.yaml": "rolse: []\n"},
        [
            "data/extra.yaml:1: rolse: unknown collection 'rolse' (did you mean 'roles'?); expected one "
            "of: sources, tiers, roles, salary_bands, market_facts, resources, skills, comparisons, "
            "occupations, backgrounds, routes, plans, glossary, synonyms"
        ],
    ),
    "a list where a mapping is expected": Case(
        {"extra.yaml": "- id: builder\n"},
        ["data/extra.yaml:1: file: expected a mapping such as 'roles:' followed by a list, got a list"],
    ),
    "a mapping where a list is expected": Case(
        {"extra.yaml": "roles:\n  id: builder\n"},
        ["data/extra.yaml:1: roles: expected a list of records, got a mapping"],
    ),
    "empty file": Case(
        {"extra.yaml": "# nothing here yet\n"},
        [
            "data/extra.yaml:1: file: the file is empty; start it with one of: sources, tiers, roles, "
            "salary_bands, market_facts, resources, skills, comparisons, occupations, backgrounds, "
            "routes, plans, glossary, synonyms"
        ],
    ),
    "zero salary": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 0\n    high: 90000")},
        ["data/salary_bands.yaml:8: salary_bands[0].low: must be greater than zero, got 0"],
    ),
    "byte-order mark": Case(
        {"extra.yaml": b"\xef\xbb\xbfroles: []\n"},
        ["data/extra.yaml:1: file: starts with a byte-order mark (BOM); save the file as UTF-8 without one"],
    ),
    "billion laughs": Case(
        {
            "extra.yaml": (
                'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
                "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            )
        },
        ["data/extra.yaml:1: file: " + NO_ALIASES],
    ),
    "deep nesting": Case(
        {"extra.yaml": "roles: " + "[" * 5000 + "]" * 5000 + "\n"},
        [
            "data/extra.yaml:1: roles[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
            "[0][0][0][0][0][0][0][0]: nested more than 32 levels deep"
        ],
    ),
    "non-UTF-8 bytes": Case(
        {"extra.yaml": b"roles: []\n# caf\xe9\n"},
        ["data/extra.yaml:2: file: not valid UTF-8 (byte 0xe9); save the file as UTF-8"],
    ),
    # --- hostile input (issue 16) -------------------------------------------------------------
    "flow mappings nested 100,000 deep": Case(
        {"extra.yaml": "roles: " + "{a: " * 100_000 + "}" * 100_000 + "\n"},
        ["data/extra.yaml:1: roles" + ".a" * 32 + ": nested more than 32 levels deep"],
    ),
    "an impossible month, unquoted": Case(
        {"sources.yaml": SOURCE.format(as_of="2026-13-45")},
        ["data/sources.yaml:5: sources[0].as_of: '2026-13-45' is not a real date (month must be in 1..12)"],
    ),
    "an impossible day, unquoted": Case(
        {"sources.yaml": SOURCE.format(as_of="2026-02-30")},
        [
            "data/sources.yaml:5: sources[0].as_of: '2026-02-30' is not a real date (day is out of range "
            "for month)"
        ],
    ),
    "not a number": Case(
        {
            "more_facts.yaml": FACT.format(
                extra="    measure: market-size\n    figure: {value: .nan, unit: USD}"
            )
        },
        ["data/more_facts.yaml:8: market_facts[0].figure.value: '.nan' is not a finite number; " + FINITE],
    ),
    "infinity": Case(
        {
            "more_facts.yaml": FACT.format(
                extra="    measure: market-size\n    figure: {low: 1, high: .inf, unit: USD}"
            )
        },
        ["data/more_facts.yaml:8: market_facts[0].figure.high: '.inf' is not a finite number; " + FINITE],
    ),
    "a number too large for a float": Case(
        {
            "more_facts.yaml": FACT.format(
                extra="    measure: market-size\n    figure: {value: 1.0e+309, unit: USD}"
            )
        },
        [
            "data/more_facts.yaml:8: market_facts[0].figure.value: '1.0e+309' is not a finite number; "
            + FINITE
        ],
    ),
    "not a number, quoted": Case(
        {
            "more_facts.yaml": FACT.format(
                extra='    measure: market-size\n    figure: {value: "-Infinity", unit: USD}'
            )
        },
        [
            "data/more_facts.yaml:8: market_facts[0].figure.value: '-Infinity' is not a finite number; "
            + FINITE
        ],
    ),
    "a file ending .YAML": Case(
        {"extra.YAML": "roles: []\n"},
        ["data/extra.YAML:1: file: not read: data file names end in lower case; rename it 'extra.yaml'"],
    ),
    "a file that is not data": Case(
        {"notes.txt": "remember to add the pay bands\n"},
        [
            "data/notes.txt:1: file: not a data file: careerkb reads .yaml, .yml, .json files; move it out "
            "of the data folder"
        ],
    ),
    "a NUL byte on line 6": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026").replace("Everything.", "Every\x00thing.")},
        ["data/sources.yaml:6: file: holds the control character U+0000 NUL at column 18; " + TEXT_ONLY],
    ),
    "a zero-width space in a name": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026").replace("A Guide", "A\u200b Guide")},
        [
            "data/sources.yaml:3: sources[0].title: the text holds "
            + INVISIBLE.format("U+200B ZERO WIDTH SPACE", 2)
        ],
    ),
    "a byte-order mark inside a name": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026").replace("A Guide", '"A Guide\\uFEFF"')},
        [
            "data/sources.yaml:3: sources[0].title: the text holds "
            + INVISIBLE.format("U+FEFF ZERO WIDTH NO-BREAK SPACE", 8)
        ],
    ),
    "a right-to-left override in an id": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026").replace("id: guide", 'id: "gu\\u202eide"')},
        [
            "data/sources.yaml:2: sources[0].id: the text holds "
            + INVISIBLE.format("U+202E RIGHT-TO-LEFT OVERRIDE", 3)
        ],
    ),
    "a bidirectional isolate in a key": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026").replace("title:", '"\\u2066title":')},
        [
            "data/sources.yaml:3: sources[0]: a key holds "
            + INVISIBLE.format("U+2066 LEFT-TO-RIGHT ISOLATE", 1)
        ],
    ),
    "a terminal escape sequence in a title": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026").replace("A Guide", '"\\e[31mA Guide"')},
        ["data/sources.yaml:3: sources[0].title: the text holds " + INVISIBLE.format("U+001B ESCAPE", 1)],
    ),
    "a NUL in a URL": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026") + '    url: "https://example.org/\\0guide"\n'},
        ["data/sources.yaml:7: sources[0].url: the text holds " + INVISIBLE.format("U+0000 NUL", 21)],
    ),
    "an OSC sequence in a URL": Case(
        {"sources.yaml": SOURCE.format(as_of="mid-2026") + '    url: "https://example.org/\\e]0;hi\\a"\n'},
        ["data/sources.yaml:7: sources[0].url: the text holds " + INVISIBLE.format("U+001B ESCAPE", 21)],
    ),
    # --- the careers map's fields -------------------------------------------------------------
    "currency outside the list": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 90000\n    high: 135000\n    currency: BTC")},
        [
            "data/salary_bands.yaml:10: salary_bands[0].currency: 'BTC' is not allowed; expected 'USD', "
            "'GBP', 'EUR' or 'CAD'"
        ],
    ),
    "pay basis outside the list": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 90000\n    high: 135000\n    compensation: bonus")},
        [
            "data/salary_bands.yaml:10: salary_bands[0].compensation: 'bonus' is not allowed; expected "
            "'total', 'base' or 'unstated'"
        ],
    ),
    "a median given as a range": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 90000\n    high: 135000\n    statistic: median")},
        ["data/salary_bands.yaml:2: salary_bands[0]: a median is a single figure: give point, not low/high"],
    ),
    "a single point with no statistic": Case(
        {"salary_bands.yaml": BAND.format(extra="    point: 142000")},
        [
            "data/salary_bands.yaml:2: salary_bands[0]: a single point is a median or an average: set "
            "statistic"
        ],
    ),
    "a band in words with a figure": Case(
        {"salary_bands.yaml": BAND.format(extra="    qualitative: High\n    low: 90000")},
        ["data/salary_bands.yaml:2: salary_bands[0]: a band in words has no low, high, point or open_high"],
    ),
    "unknown hedge": Case(
        {"salary_bands.yaml": BAND.format(extra="    low: 90000\n    high: 135000\n    hedges: [rumoured]")},
        [
            "data/salary_bands.yaml:10: salary_bands[0].hedges[0]: 'rumoured' is not allowed; expected "
            "'reportedly', 'single-report', 'hedged', 'survey' or 'directional'"
        ],
    ),
    "a role in a tier that does not exist": Case(
        {"more_roles.yaml": ROLE.format(extra="").replace("tier: making", "tier: makng")},
        ["data/more_roles.yaml:4: roles[0].tier: unknown tier id 'makng'; did you mean 'making'?"],
    ),
    "a role without a tier": Case(
        {"more_roles.yaml": ROLE.format(extra="").replace("    tier: making\n", "")},
        ["data/more_roles.yaml:2: roles[0].tier: required field is missing"],
    ),
    "a learning path step without its stage": Case(
        {
            "more_roles.yaml": ROLE.format(
                extra="    learning_path:\n      source: guide\n      as_of: mid-2026\n"
                "      steps:\n        - {text: Take a course.}"
            )
        },
        ["data/more_roles.yaml:12: roles[0].learning_path.steps[0].stage: required field is missing"],
    ),
    "learning path stages out of order": Case(
        {
            "more_roles.yaml": ROLE.format(
                extra="    learning_path:\n      source: guide\n      as_of: mid-2026\n      steps:\n"
                "        - {stage: portfolio-project, text: Build one.}\n"
                "        - {stage: applied-course, text: Take a course.}"
            )
        },
        [
            "data/more_roles.yaml:8: roles[0].learning_path: stages go in the order applied-course, "
            "expert-program, portfolio-project, break-in; got portfolio-project, applied-course"
        ],
    ),
    "an occupation link with an unknown relation": Case(
        {
            "more_roles.yaml": ROLE.format(
                extra="    occupations:\n      - {occupation: model-makers, relation: cousin, reason: Close.}"
            ),
            "occupations.yaml": OCCUPATION.format(soc="15-2051", p10=60000, p90=150000),
        },
        [
            "data/more_roles.yaml:9: roles[0].occupations[0].relation: 'cousin' is not allowed; expected "
            "'direct-match' or 'nearest-parent'"
        ],
    ),
    "an occupation link to an unknown occupation": Case(
        {
            "more_roles.yaml": ROLE.format(
                extra="    occupations:\n"
                "      - {occupation: model-maker, relation: nearest-parent, reason: Close.}"
            ),
            "occupations.yaml": OCCUPATION.format(soc="15-2051", p10=60000, p90=150000),
        },
        [
            "data/more_roles.yaml:9: roles[0].occupations[0].occupation: unknown occupation id "
            "'model-maker'; did you mean 'model-makers'?"
        ],
    ),
    "a SOC code in the wrong form": Case(
        {"occupations.yaml": OCCUPATION.format(soc="152051", p10=60000, p90=150000)},
        [
            "data/occupations.yaml:3: occupations[0].soc: '152051' is not a SOC code: write two digits, a "
            "hyphen and four digits, as in '15-2051'"
        ],
    ),
    "a tenth percentile above the median": Case(
        {"occupations.yaml": OCCUPATION.format(soc="15-2051", p10=120000, p90=150000)},
        ["data/occupations.yaml:2: occupations[0]: p10 (120000) is above the median (100000)"],
    ),
    "a ninetieth percentile below the median": Case(
        {"occupations.yaml": OCCUPATION.format(soc="15-2051", p10=60000, p90=90000)},
        ["data/occupations.yaml:2: occupations[0]: p90 (90000) is below the median (100000)"],
    ),
    "a pay claim about a role the fact does not name": Case(
        {
            "more_facts.yaml": FACT.format(
                extra="    measure: pay-comparison\n"
                "    pay_order: {first: builder, relation: above, second: user}"
            )
        },
        [
            "data/more_facts.yaml:2: market_facts[0]: pay_order names ['user'], which the fact's roles do "
            "not list"
        ],
    ),
    "a pay claim on a fact that is not a pay comparison": Case(
        {
            "more_facts.yaml": FACT.format(
                extra="    measure: demand-read\n"
                "    pay_order: {first: builder, relation: above, second: user}"
            ).replace("roles: [builder]", "roles: [builder, user]")
        },
        [
            "data/more_facts.yaml:2: market_facts[0]: pay_order belongs to a pay-comparison fact, not "
            "'demand-read'"
        ],
    ),
    "a pay claim comparing a role with itself": Case(
        {
            "more_facts.yaml": FACT.format(
                extra="    measure: pay-comparison\n"
                "    pay_order: {first: builder, relation: above, second: builder}"
            )
        },
        ["data/more_facts.yaml:8: market_facts[0].pay_order: compares 'builder' with itself"],
    ),
    "a forecast that names no year": Case(
        {"more_facts.yaml": FACT.format(extra="    measure: market-size\n    forecast: {}")},
        ["data/more_facts.yaml:8: market_facts[0].forecast.year: required field is missing"],
    ),
    "a forecast of a year already past": Case(
        {"more_facts.yaml": FACT.format(extra="    measure: market-size\n    forecast: {year: 2020}")},
        ["data/more_facts.yaml:2: market_facts[0]: forecasts 2020, before the source's own date (mid-2026)"],
    ),
    "a ratio that is not positive": Case(
        {
            "more_facts.yaml": FACT.format(
                extra="    measure: openings-per-candidate\n    figure: {value: 0, unit: openings}"
            )
        },
        ["data/more_facts.yaml:2: market_facts[0]: a ratio of openings to people is positive, got 0"],
    ),
}


def _apply(data_dir: Path, case: Case) -> None:
    for name, content in case.files.items():
        path = data_dir / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_api_reports_every_problem_with_its_location(name: str, data_dir: Path) -> None:
    case = CASES[name]
    _apply(data_dir, case)
    assert [str(problem) for problem in careerkb.validate(data_dir)] == case.expected
    with pytest.raises(careerkb.DataError) as raised:
        careerkb.load(data_dir)
    assert raised.value.problems == tuple(careerkb.validate(data_dir))


@pytest.mark.parametrize("name", CASES)
def test_validate_command_prints_the_same_lines_and_exits_1(
    name: str, data_dir: Path, run_cli: RunCli
) -> None:
    case = CASES[name]
    _apply(data_dir, case)
    result = run_cli("validate", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 1
    count = len(case.expected)
    summary = f"careerkb: {count} problem{'s' if count != 1 else ''} in the data"
    assert result.stderr.splitlines() == [*case.expected, summary]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_problems_in_several_files_are_all_reported_in_file_order(data_dir: Path) -> None:
    _apply(data_dir, CASES["negative salary"])
    _apply(data_dir, CASES["unknown term reference"])
    assert [str(p) for p in careerkb.validate(data_dir)] == [
        *CASES["unknown term reference"].expected,
        *CASES["negative salary"].expected,
    ]


def test_missing_data_folder_is_a_located_problem(tmp_path: Path) -> None:
    problems = careerkb.validate(tmp_path / "nowhere")
    assert [p.message for p in problems] == ["no such data folder"]


def test_the_minimal_data_set_is_valid(data_dir: Path, run_cli: RunCli) -> None:
    assert careerkb.validate(data_dir) == []
    result = run_cli("validate", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("careerkb data is valid: 1 sources, 1 tiers, 2 roles, 2 salary bands")


def test_an_export_from_another_schema_version_is_refused(data_dir: Path) -> None:
    (data_dir / "export.json").write_text('{"schema_version": 1, "roles": []}', encoding="utf-8")
    assert [str(p) for p in careerkb.validate(data_dir)] == [
        "data/export.json:1: schema_version: this careerkb reads schema version 2, not 1"
    ]


def test_a_50_mb_file_is_refused_before_it_is_read(data_dir: Path) -> None:
    with (data_dir / "huge.yaml").open("wb") as huge:
        huge.write(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    assert [str(p) for p in careerkb.validate(data_dir)] == [
        "data/huge.yaml:1: file: the file is 52,428,803 bytes; data files may be at most 16,777,216"
    ]


def test_terms_that_point_at_each_other_are_fine(data_dir: Path) -> None:
    # Embeddings and RAG name each other in see_also: a loop of links, which readers can follow.
    kb = careerkb.load(data_dir)
    assert kb.term("embeddings").see_also == ["retrieval-augmented-generation"]
    assert kb.term("rag").see_also == ["embeddings"]


def test_a_link_to_a_file_outside_the_data_folder_is_refused_and_not_read(
    data_dir: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("roles:\n  - id: intruder\n", encoding="utf-8")
    (data_dir / "more_roles.yaml").symlink_to(outside)
    assert [str(p) for p in careerkb.validate(data_dir)] == [
        "data/more_roles.yaml:1: file: a link to a file outside the data folder; careerkb reads only the "
        "files inside it"
    ]


def test_links_inside_the_data_folder_are_followed_but_links_to_folders_are_not(
    data_dir: Path, tmp_path: Path
) -> None:
    (data_dir / "archive").mkdir()
    (data_dir / "sources.yaml").rename(data_dir / "archive" / "sources.yaml")
    (data_dir / "sources.yaml").symlink_to(data_dir / "archive" / "sources.yaml")
    assert careerkb.validate(data_dir) == []  # read twice would be a duplicate id
    (tmp_path / "outside").mkdir()
    (data_dir / "more").symlink_to(tmp_path / "outside", target_is_directory=True)
    assert [str(p) for p in careerkb.validate(data_dir)] == [
        "data/more:1: file: a link to a folder; careerkb does not follow it"
    ]


def test_yaml_1_1_words_stay_the_text_as_written(data_dir: Path) -> None:
    # YAML 1.1 reads no, On and off as booleans and 1:20 as the number 80; careerkb reads YAML 1.2.
    (data_dir / "more_terms.yaml").write_text(
        "glossary:\n"
        "  - {id: no-term, term: no, aliases: [yes, NO, off, '1:21', 1:20], definition: A word.}\n"
        "  - {id: upper-on, term: ON, definition: Another word.}\n",
        encoding="utf-8",
    )
    kb = careerkb.load(data_dir)
    assert kb.term("no-term").term == "no"
    assert kb.term("no-term").aliases == ["yes", "NO", "off", "1:21", "1:20"]
    assert kb.term("upper-on").term == "ON"
