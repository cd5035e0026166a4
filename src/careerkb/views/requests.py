"""What each directive asks its view for, read from the directive's argument and options.

A :class:`Request` is the directive as written on a page, before any data is read; each
function here turns one into the view the directive shows. The Sphinx directives call them, and
so does the benchmark's plain-Sphinx twin, so both read a page's directives the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careerkb.models import LEVEL_ORDER, Level
from careerkb.views import chooser as chooser_views
from careerkb.views import choosing, disagreements, market, occupations, pay, roles, sources, tiers
from careerkb.views import compare as compare_views
from careerkb.views import glossary as glossary_views
from careerkb.views.context import ViewProblem

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from careerkb.knowledge import RoleTitle
    from careerkb.models import Source
    from careerkb.views.context import Context
    from careerkb.views.model import View


@dataclass(frozen=True)
class Request:
    """A directive's argument (None when it has none) and its options, as written."""

    argument: str | None = None
    options: Mapping[str, str | None] = field(default_factory=dict)

    @property
    def required_argument(self) -> str:
        if self.argument is None:
            raise ViewProblem("needs an argument")
        return self.argument

    def option(self, name: str) -> str | None:
        value = self.options.get(name)
        return value.strip() if isinstance(value, str) else value

    def roles(self, context: Context, name: str = "role") -> list[RoleTitle]:
        """The roles named in a comma-separated option, or every role when it is absent: by id
        and title, so a page listing them does not depend on the rest of each role."""
        if name not in self.options:
            return list(context.kb.role_titles)
        keys = [key.strip() for key in (self.options[name] or "").split(",") if key.strip()]
        if not keys:
            raise ViewProblem(f"the :{name}: option is empty; name one or more roles")
        return [context.kb.role_title(key) for key in keys]

    def levels(self) -> list[Level] | None:
        value = self.option("level")
        if value is None:
            return None
        levels: list[Level] = []
        for key in (part.strip() for part in value.split(",")):
            match = next((level for level in LEVEL_ORDER if level == key), None)
            if match is None:
                raise ViewProblem(f"unknown level {key!r}; choose from {', '.join(LEVEL_ORDER)}")
            levels.append(match)
        return levels

    def source(self, context: Context) -> Source | None:
        if "source" not in self.options:
            return None
        key = self.option("source")
        if not key:
            raise ViewProblem("the :source: option is empty; name a source id")
        return context.kb.source(key)


def quick_facts(context: Context, request: Request) -> View:
    return roles.quick_facts(context, request.required_argument)


def role_profile(context: Context, request: Request) -> roles.RoleProfile:
    return roles.role_profile(context, request.required_argument)


def roles_directory(context: Context, request: Request) -> View:
    return roles.roles_directory(context)


def career_ladder(context: Context, request: Request) -> View:
    return roles.career_ladder(context, request.required_argument)


def learning_path(context: Context, request: Request) -> View:
    return roles.learning_path(context, request.required_argument)


def interview_loop(context: Context, request: Request) -> View:
    return roles.interview_loop(context, request.required_argument)


def choose_if(context: Context, request: Request) -> View:
    return roles.choose_if(context, request.argument)


def salary_table(context: Context, request: Request) -> View:
    source = request.source(context)
    return pay.salary_table(
        context,
        request.roles(context),
        source=source.id if source else None,
        levels=request.levels(),
        caption=request.option("caption"),
    )


def salary_chart(context: Context, request: Request) -> pay.SalaryChart:
    return pay.salary_chart(
        context,
        request.roles(context),
        source=request.source(context),
        by_role="role" in request.options,
        caption=request.option("caption") or "",
    )


def market_facts(context: Context, request: Request) -> View:
    # Every fact without a :role: option: the page then depends on the facts, not on the roles.
    roles = request.roles(context) if "role" in request.options else None
    return market.market_facts(context, roles, request.option("measure"))


def compare(context: Context, request: Request) -> View:
    return compare_views.compare(context, compare_views.compared_roles(context, request.required_argument))


def glossary(context: Context, request: Request) -> glossary_views.Glossary | glossary_views.GlossaryIndex:
    letters = request.option("letters")
    if "letters" in request.options and not letters:
        raise ViewProblem(
            "the :letters: option is empty; name the letters of this page, such as 'A-C' "
            '(MyST reads a # as the start of a comment: quote a value holding one, as in "#, A-C")'
        )
    return glossary_views.glossary(context, glossary_views.Letters.parse(letters) if letters else None)


def sources_list(context: Context, request: Request) -> sources.Sources:
    return sources.sources(context)


def chooser(context: Context, request: Request) -> chooser_views.Chooser:
    return chooser_views.chooser(context)


def disagreements_table(context: Context, request: Request) -> View:
    return disagreements.disagreements(context, request.roles(context))


def official_statistics(context: Context, request: Request) -> View:
    return occupations.official_statistics(context, request.required_argument)


def occupations_table(context: Context, request: Request) -> View:
    return occupations.occupations_table(context)


def tiers_overview(context: Context, request: Request) -> tiers.CareersMap:
    return tiers.tiers_overview(context)


def tier_roles(context: Context, request: Request) -> View:
    return tiers.tier_roles(context, request.required_argument)


def backgrounds(context: Context, request: Request) -> View:
    return choosing.backgrounds(context)


def routes(context: Context, request: Request) -> View:
    return choosing.routes(context)


def plan(context: Context, request: Request) -> View:
    return choosing.plan(context, request.argument)


#: Each directive of the careerkb domain that shows data, by name, and its view.
VIEWS: dict[str, Callable[[Context, Request], View]] = {
    "quick-facts": quick_facts,
    "role-profile": role_profile,
    "roles-directory": roles_directory,
    "career-ladder": career_ladder,
    "learning-path": learning_path,
    "interview-loop": interview_loop,
    "choose-if": choose_if,
    "salary-table": salary_table,
    "salary-chart": salary_chart,
    "market-facts": market_facts,
    "compare": compare,
    "glossary": glossary,
    "sources": sources_list,
    "chooser": chooser,
    "official-statistics": official_statistics,
    "disagreements": disagreements_table,
    "occupations": occupations_table,
    "tiers": tiers_overview,
    "tier": tier_roles,
    "backgrounds": backgrounds,
    "routes": routes,
    "plan": plan,
}
