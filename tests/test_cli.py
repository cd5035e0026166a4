"""The ``careerkb`` command, run through its installed entry point."""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import RunCli


def test_help_lists_every_command(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in (
        "validate",
        "export",
        "schema",
        "roles",
        "tiers",
        "role",
        "occupation",
        "term",
        "compare",
    ):
        assert re.search(rf"^    {command}\s", result.stdout, re.MULTILINE), command


@pytest.mark.parametrize(
    "command", ["validate", "export", "roles", "tiers", "role", "occupation", "term", "compare"]
)
def test_every_command_has_help(run_cli: RunCli, command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "--data DIR" in result.stdout


def test_version_matches_the_package_metadata(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.stdout.strip() == f"careerkb {metadata.version('careerkb')}"


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("frobnicate",),
        ("role",),
        ("compare", "mle"),
        ("export", "--format", "xml"),
        ("roles", "--bogus"),
        ("occupation",),
        ("roles", "--tier"),
    ],
)
def test_usage_errors_exit_2(run_cli: RunCli, args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage: careerkb" in result.stdout + result.stderr


def test_roles_lists_every_role_with_status_pay_and_source(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("roles", "--data", "data", "--json", cwd=data_dir.parent)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {
            "id": "builder",
            "title": "Model Builder",
            "tier": "making",
            "status": "established",
            "entry_pay": "$90K–$135K",
            "entry_pay_band": "builder-entry",
            "source": "Example Press, mid-2026",
        },
        {
            "id": "user",
            "title": "Model User",
            "tier": "making",
            "status": "emerging",
            "entry_pay": None,
            "entry_pay_band": None,
            "source": None,
        },
    ]
    table = run_cli("roles", "--data", "data", cwd=data_dir.parent)
    assert table.returncode == 0
    assert "Model Builder" in table.stdout
    assert "$90K–$135K" in table.stdout


def test_role_shows_the_profile_by_any_name(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("role", "model integrator", "--data", "data", "--json", cwd=data_dir.parent)
    assert result.returncode == 0, result.stderr
    profile = json.loads(result.stdout)
    assert profile["role"]["id"] == "user"
    assert [band["id"] for band in profile["salary_bands"]] == ["user-senior"]
    text = run_cli("role", "MB", "--data", "data", cwd=data_dir.parent).stdout
    assert "Model Builder (MB)" in text
    assert "Openings outnumber builders." in text


def test_an_unknown_role_exits_1_with_a_suggestion(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("role", "model buildr", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 1
    assert result.stderr == "careerkb: no role named 'model buildr'; did you mean 'Model Builder'?\n"


def test_term_finds_exact_names_and_lists_partial_matches(run_cli: RunCli, data_dir: Path) -> None:
    exact = run_cli("term", "rag", "--data", "data", "--json", cwd=data_dir.parent)
    assert [t["id"] for t in json.loads(exact.stdout)] == ["retrieval-augmented-generation"]
    partial = run_cli("term", "e", "--data", "data", cwd=data_dir.parent)
    assert partial.returncode == 0
    assert partial.stdout.startswith("2 terms match 'e':")


def test_an_unknown_term_exits_1_with_a_suggestion(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("term", "embedingz", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 1
    assert result.stderr == "careerkb: no term named 'embedingz'; did you mean 'Embeddings'?\n"


def test_compare_puts_two_roles_side_by_side(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("compare", "builder", "user", "--data", "data", "--json", cwd=data_dir.parent)
    assert result.returncode == 0, result.stderr
    compared = json.loads(result.stdout)
    assert [role["id"] for role in compared["roles"]] == ["builder", "user"]
    headlines = [found["headline"] for found in compared["comparisons"]]
    assert headlines == ["Building a model, or building with one"]
    assert [area["id"] for area in compared["skills"]] == ["maths"]
    text = run_cli("compare", "builder", "user", "--data", "data", cwd=data_dir.parent).stdout
    assert "Building a model, or building with one" in text


def test_compare_refuses_a_role_with_itself(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("compare", "builder", "MB", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 1
    assert result.stderr == "careerkb: 'builder' and 'MB' are the same role\n"


def test_commands_on_invalid_data_exit_1_with_located_problems(run_cli: RunCli, data_dir: Path) -> None:
    (data_dir / "roles.yaml").write_text("roles: [\n", encoding="utf-8")
    result = run_cli("roles", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("data/roles.yaml:2: file: not valid YAML")


def test_data_text_is_printed_literally_not_as_markup(run_cli: RunCli, data_dir: Path) -> None:
    roles = data_dir / "roles.yaml"
    roles.write_text(roles.read_text().replace("Builds models.", "Builds [bold]models[/bold]."))
    result = run_cli("role", "builder", "--data", "data", cwd=data_dir.parent)
    assert "Builds [bold]models[/bold]." in result.stdout


def test_the_shipped_data_answers_without_a_data_option(run_cli: RunCli) -> None:
    result = run_cli("term", "LoRA", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["term"] == "Low-Rank Adaptation"


def test_export_of_invalid_data_writes_nothing(run_cli: RunCli, data_dir: Path) -> None:
    (data_dir / "roles.yaml").write_text("roles: [\n", encoding="utf-8")
    target = data_dir.parent / "out.json"
    result = run_cli("export", "--data", "data", "--output", str(target), cwd=data_dir.parent)
    assert result.returncode == 1
    assert not target.exists()


def test_role_prints_the_views_the_role_page_shows(run_cli: RunCli, data_dir: Path) -> None:
    # The command line and the site render the same views: every line the page's quick facts and
    # profile show is in the text, whatever the wrapping.
    import careerkb
    from careerkb.views import Context
    from careerkb.views.content import plain_text
    from careerkb.views.roles import quick_facts, role_profile

    context = Context(careerkb.load(data_dir))
    text = " ".join(run_cli("role", "builder", "--data", "data", cwd=data_dir.parent).stdout.split())
    box = quick_facts(context, "builder").blocks[0]
    blocks = [*box.blocks, *role_profile(context, "builder").blocks]  # type: ignore[union-attr]
    shown = [" ".join(plain_text((block,)).split()) for block in blocks]
    assert [line for line in shown if line.replace("• ", "") not in text.replace("• ", "")] == []


@pytest.fixture
def careers_dir(data_dir: Path) -> Path:
    """The minimal data with a second tier, a role in it and an official occupation."""
    from tests.test_views_careers_map import CAREERS

    (data_dir / "careers.yaml").write_text(CAREERS, encoding="utf-8")
    return data_dir


def test_tiers_lists_each_tier_with_its_roles(run_cli: RunCli, careers_dir: Path) -> None:
    result = run_cli("tiers", "--data", "data", "--json", cwd=careers_dir.parent)
    assert result.returncode == 0, result.stderr
    tiers = json.loads(result.stdout)
    assert [(tier["id"], tier["roles"]) for tier in tiers] == [
        ("making", ["builder", "user"]),
        ("guarding", ["tester"]),
    ]
    text = run_cli("tiers", "--data", "data", cwd=careers_dir.parent).stdout
    assert "Guarding" in text
    assert "Model Tester" in text


def test_roles_of_one_tier_by_its_name_or_id(run_cli: RunCli, careers_dir: Path) -> None:
    for tier in ("guarding", "Guarding"):
        result = run_cli("roles", "--tier", tier, "--data", "data", "--json", cwd=careers_dir.parent)
        assert [row["id"] for row in json.loads(result.stdout)] == ["tester"]
    wrong = run_cli("roles", "--tier", "guardng", "--data", "data", cwd=careers_dir.parent)
    assert wrong.returncode == 1
    assert wrong.stderr == "careerkb: no tier named 'guardng'; did you mean 'Guarding'?\n"


def test_occupation_by_soc_code_shows_its_figures_and_roles(run_cli: RunCli, careers_dir: Path) -> None:
    result = run_cli("occupation", "15-1253", "--data", "data", cwd=careers_dir.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Software Testers (SOC 15-1253)"
    assert "Median pay: $100,000 median a year (May 2024)" in result.stdout
    assert "Model Tester (nearest wider occupation): Testers check software works." in result.stdout
    as_json = json.loads(
        run_cli("occupation", "testers", "--data", "data", "--json", cwd=careers_dir.parent).stdout
    )
    assert as_json["occupation"]["soc"] == "15-1253"
    assert as_json["roles"] == [
        {"role": "tester", "relation": "nearest-parent", "reason": "Testers check software works."}
    ]
    unknown = run_cli("occupation", "15-9999", "--data", "data", cwd=careers_dir.parent)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("careerkb: no occupation named '15-9999'")


def test_role_shows_its_tier_and_official_statistics(run_cli: RunCli, careers_dir: Path) -> None:
    text = run_cli("role", "tester", "--data", "data", cwd=careers_dir.parent).stdout
    assert "Tier: Guarding" in text
    assert "Official statistics\n" in text
    assert "Software Testers (SOC 15-1253)" in text
    as_json = json.loads(run_cli("role", "tester", "--data", "data", "--json", cwd=careers_dir.parent).stdout)
    assert as_json["tier"]["id"] == "guarding"
    assert [job["soc"] for job in as_json["occupations"]] == ["15-1253"]
