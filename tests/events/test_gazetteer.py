"""The packaged gazetteer: schema checks, dated offices, and additive merging of plugin data."""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse.mentions.gazetteer import Country, Gazetteer, GazetteerError, Person, builtin_data, slug


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_data(builtin_data())


@pytest.mark.parametrize(
    ("country", "alias", "day", "holder"),
    [
        ("USA", "president", dt.date(2023, 6, 1), "Joe Biden"),
        ("CHN", "foreign minister", dt.date(2023, 6, 18), "Qin Gang"),
        ("CHN", "foreign minister", dt.date(2023, 12, 6), "Wang Yi"),
        ("CHN", "president", dt.date(2023, 11, 15), "Xi Jinping"),
    ],
)
def test_offices_resolve_to_the_holder_of_the_day(
    gazetteer: Gazetteer, country: str, alias: str, day: dt.date, holder: str
) -> None:
    held = gazetteer.holder(country, alias, day)
    assert held is not None
    assert gazetteer.people[held[1]].name == holder


def test_an_office_with_no_known_holder_that_day_is_not_guessed(gazetteer: Gazetteer) -> None:
    assert gazetteer.holder("USA", "president", dt.date(1900, 1, 1)) is None
    assert gazetteer.holder("USA", "grand vizier", dt.date(2023, 1, 1)) is None


def test_countries_have_adjectives_and_capitals(gazetteer: Gazetteer) -> None:
    china = gazetteer.countries["CHN"]
    assert china.id == "Q148" and "Chinese" in china.adjectives and china.capital == "Beijing"


def test_plugin_data_adds_aliases_and_new_entries(gazetteer: Gazetteer) -> None:
    extended = Gazetteer.from_data(builtin_data())
    extended.add(
        {
            "people": [{"id": "Q22686", "name": "Donald Trump", "aliases": ["Trump"], "country": "USA"}],
            "countries": [{"id": "Q148", "iso3": "CHN", "name": "China", "aliases": ["the mainland"]}],
        }
    )
    assert extended.people["Q22686"].name == "Donald Trump"
    assert "the mainland" in extended.countries["CHN"].aliases
    assert "Chinese" in extended.countries["CHN"].adjectives  # kept from the built-in entry


@pytest.mark.parametrize(
    "bad",
    [
        {"people": [{"name": "No Id"}]},
        {"countries": [{"id": "Q1", "iso3": "usa", "name": "x"}]},
        {
            "offices": [
                {
                    "country": "USA",
                    "office": "x",
                    "aliases": ["x"],
                    "terms": [{"holder": "nobody", "from": "2020-01-01"}],
                }
            ]
        },
        {
            "offices": [
                {
                    "country": "USA",
                    "office": "x",
                    "aliases": ["x"],
                    "terms": [{"holder": "Q6279", "from": "soon"}],
                }
            ]
        },
        {"mystery": []},
        ["not", "an", "object"],
    ],
)
def test_bad_data_is_a_typed_error_and_changes_nothing(bad: object) -> None:
    g = Gazetteer.from_data(builtin_data())
    before = (dict(g.people), dict(g.offices), dict(g.countries))
    with pytest.raises(GazetteerError):
        g.add(bad)  # type: ignore[arg-type]
    assert (g.people, g.offices, g.countries) == before


def test_slug_is_ascii_and_stable() -> None:
    assert slug("Charles Q. Brown") == "charles-q-brown"
    assert slug("Brasília") == "brasilia"


class _Extra:
    @staticmethod
    def newsparse_gazetteer() -> dict[str, object]:
        return {"people": [{"id": "Q22686", "name": "Donald Trump", "country": "USA"}]}


class _Broken:
    @staticmethod
    def newsparse_gazetteer() -> dict[str, object]:
        return {"people": [{"name": "missing id"}]}


class _Raises:
    @staticmethod
    def newsparse_gazetteer() -> dict[str, object]:
        raise RuntimeError("boom")


def test_plugins_extend_the_gazetteer_and_bad_plugins_become_failures() -> None:
    from newsparse.plugins.hookspecs import hookimpl
    from newsparse.plugins.host import PluginHost

    modules = []
    for cls in (_Extra, _Broken, _Raises):
        obj = cls()
        hookimpl(cls.newsparse_gazetteer)
        modules.append(obj)
    host = PluginHost(
        entry_points=False,
        plugins=[("a-extra", modules[0]), ("b-broken", modules[1]), ("c-raises", modules[2])],
    )
    from newsparse.mentions.gazetteer import gazetteer_from_plugins

    gazetteer, failures = gazetteer_from_plugins(host)
    assert "Q22686" in gazetteer.people
    assert sorted((f.plugin, f.error_type) for f in failures) == [
        ("b-broken", "GazetteerError"),
        ("c-raises", "RuntimeError"),
    ]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            {"people": [{"id": "Q22686", "name": "Donald Trump", "titel": "President"}]},
            r"\$\.people\[0\]: unknown keys \['titel'\]",
        ),
        (
            {
                "people": [
                    {"id": "a", "name": "A"},
                    {"id": "b", "name": "B"},
                    {"id": "c", "name": "C"},
                    {"id": "d", "name": " "},
                ]
            },
            r"\$\.people\[3\]\.name: expected a non-empty string",
        ),
        (
            {"people": [{"id": "a", "name": "A", "aliases": "Ay"}]},
            r"\$\.people\[0\]\.aliases: expected a list, got str",
        ),
        ({"people": [{"id": "a", "name": "A", "aliases": ["Ay", 3]}]}, r"\$\.people\[0\]\.aliases\[1\]: "),
        (
            {"places": [{"name": "X", "aliases": [], "country": None, "kind": "town"}]},
            r"\$\.places\[0\]\.kind: 'town'",
        ),
        (
            {
                "offices": [
                    {
                        "country": "USA",
                        "office": "x",
                        "aliases": ["x"],
                        "terms": [{"holder": "Q6279", "from": "soon"}],
                    }
                ]
            },
            r"\$\.offices\[0\]\.terms\[0\]\.from: 'soon' is not an ISO date",
        ),
        (
            {
                "offices": [
                    {
                        "country": "USA",
                        "office": "x",
                        "aliases": ["x"],
                        "terms": [{"holder": "Q6279", "form": "2020-01-01"}],
                    }
                ]
            },
            r"\$\.offices\[0\]\.terms\[0\]\.from: required field missing.*unknown keys \['form'\]",
        ),
        ({"mystery": []}, r"\$: unknown keys \['mystery'\]"),
        ({"people": "Donald Trump"}, r"\$\.people: expected a list"),
    ],
)
def test_bad_data_names_its_path_and_unknown_keys_are_refused(bad: dict[str, object], message: str) -> None:
    g = Gazetteer.from_data(builtin_data())
    before = (dict(g.people), dict(g.offices), dict(g.places))
    with pytest.raises(GazetteerError, match=message):
        g.add(bad, where="plugin x")
    assert (g.people, g.offices, g.places) == before


def test_entries_are_validated_models_with_stripped_names_and_lowercase_office_aliases() -> None:
    g = Gazetteer.from_data(builtin_data())
    g.add(
        {
            "people": [{"id": " Q1 ", "name": " Someone ", "aliases": None}],
            "offices": [{"country": "USA", "office": "Envoy", "aliases": ["Special Envoy"], "terms": []}],
        }
    )
    assert g.people["Q1"].name == "Someone" and g.people["Q1"].aliases == ()
    assert g.offices[("USA", "Envoy")].aliases == ("special envoy",)
    with pytest.raises(ValueError, match="three capital letters"):
        Country(id="Q30", iso3="usa", name="United States")
    with pytest.raises(ValueError, match="non-empty string"):
        Person(id="", name="Nobody")
