"""The host's combinators (first, chain, pool), its cached gazetteer, and the hooks it refuses."""

from __future__ import annotations

import pluggy
import pytest

from newsparse import Article, Failure, Pipeline, PluginHost, hookimpl
from newsparse.models import Stage
from newsparse.plugins.builtin import mentions

ARTICLE = Article(source="s", outlet="o", plugin="p", paragraphs=("text",))


class _Answers:
    """A plugin whose postprocess hook answers with what it was given (a value, None, or an error)."""

    def __init__(self, answer: object) -> None:
        self.answer = answer

    @hookimpl
    def newsparse_postprocess_article(self, article: Article) -> object:
        if isinstance(self.answer, BaseException):
            raise self.answer
        return self.answer(article) if callable(self.answer) else self.answer


def _host(*answers: object) -> PluginHost:
    return PluginHost(entry_points=False, plugins=[(f"p{i}", _Answers(a)) for i, a in enumerate(answers)])


def _retitled(title: str) -> object:
    import attrs

    return lambda article: attrs.evolve(article, title=(article.title or "") + title)


def test_first_takes_the_first_answer_and_skips_none() -> None:
    one = _retitled("one")
    combined = _host(None, one, _retitled("two")).first(
        "newsparse_postprocess_article", stage=Stage.POSTPROCESS, source="s", expect=Article, article=ARTICLE
    )
    assert (combined.plugin, combined.failures) == ("p1", ())
    assert combined.value is not None and combined.value.title == "one"


def test_first_stops_at_an_error_and_names_the_plugin() -> None:
    combined = _host(None, ValueError("boom"), _retitled("late")).first(
        "newsparse_postprocess_article", stage=Stage.POSTPROCESS, source="s", expect=Article, article=ARTICLE
    )
    assert combined.value is None
    assert combined.failures == (
        Failure(source="s", stage=Stage.POSTPROCESS, plugin="p1", error_type="ValueError", message="boom"),
    )
    assert isinstance(combined.errors[0], ValueError)


def test_first_refuses_an_answer_of_the_wrong_type() -> None:
    combined = _host("not an article").first(
        "newsparse_postprocess_article", stage=Stage.POSTPROCESS, source="s", expect=Article, article=ARTICLE
    )
    assert combined.value is None
    assert [(f.error_type, f.message) for f in combined.failures] == [
        ("TypeError", "returned str, not Article")
    ]


def test_chain_feeds_each_answer_to_the_next_plugin() -> None:
    """Postprocess hooks were all handed the extracted article (arguments were read once), so only the
    last plugin's change survived, against the hookspec's word."""
    combined = _host(_retitled("a"), None, _retitled("b")).chain(
        "newsparse_postprocess_article", ARTICLE, into="article", stage=Stage.POSTPROCESS, source="s",
        expect=Article,
    )  # fmt: skip
    assert (combined.value.title, combined.plugin, combined.failures) == ("ab", "p2", ())


def test_chain_keeps_the_value_so_far_when_a_plugin_raises() -> None:
    combined = _host(_retitled("a"), KeyError("k"), _retitled("b")).chain(
        "newsparse_postprocess_article", ARTICLE, into="article", stage=Stage.POSTPROCESS, source="s",
        expect=Article,
    )  # fmt: skip
    assert combined.value.title == "a"
    assert [(f.plugin, f.error_type) for f in combined.failures] == [("p1", "KeyError")]


def test_pool_calls_everyone_even_after_an_error() -> None:
    combined = _host(_retitled("a"), RuntimeError("x"), None, _retitled("c")).pool(
        "newsparse_postprocess_article", stage=Stage.POSTPROCESS, article=ARTICLE
    )
    assert [(plugin, answer.title) for plugin, answer in combined.value] == [("p0", "a"), ("p3", "c")]
    assert [(f.source, f.plugin, f.stage) for f in combined.failures] == [
        ("plugin p1", "p1", Stage.POSTPROCESS)
    ]


class _Wrapper:
    @hookimpl(wrapper=True)
    def newsparse_postprocess_article(self, article: Article) -> object:
        return (yield)


class _OldStyleWrapper:
    @hookimpl(hookwrapper=True)
    def newsparse_postprocess_article(self, article: Article) -> object:
        outcome: pluggy.Result[object] = yield
        return outcome


@pytest.mark.parametrize("plugin", [_Wrapper(), _OldStyleWrapper()])
def test_hook_wrappers_are_refused_with_a_load_failure(plugin: object) -> None:
    host = PluginHost(entry_points=False, plugins=[("wrapping", plugin)])
    assert host.names == ()
    [failure] = host.load_failures
    assert (failure.plugin, failure.stage, failure.error_type) == (
        "wrapping",
        Stage.LOAD,
        "UnsupportedHookWrapper",
    )
    assert "newsparse_postprocess_article" in failure.message and "not supported" in failure.message


class _MoreNames:
    """A gazetteer plugin: a person and a country the built-in data does not know."""

    @hookimpl
    def newsparse_gazetteer(self) -> dict[str, object]:
        return {
            "countries": [{"id": "Q1000", "iso3": "GAB", "name": "Gabon", "adjectives": ["Gabonese"]}],
            "people": [
                {"id": "Q7000", "name": "Brice Oligui Nguema", "short": ["Oligui Nguema"], "country": "GAB"}
            ],
        }


def test_a_pipeline_finds_the_names_its_host_s_gazetteer_plugins_add() -> None:
    """The built-in mentions plugin used a hidden host of its own, so a pipeline's gazetteer plugins
    did not count (0 mentions here, where MentionExtractor.from_plugins(host) found 1)."""
    host = PluginHost(entry_points=False, plugins=[("mentions", mentions), ("more", _MoreNames())])
    article = Article(
        source="gabon", outlet="o", plugin="p", published="2024-03-14",
        paragraphs=("Brice Oligui Nguema met Xi Jinping in Beijing on Tuesday.",),
    )  # fmt: skip
    found, failures = Pipeline(host).mentions(article)
    assert failures == []
    assert [sorted(a.name for a in m.participants) for m in found] == [["Brice Oligui Nguema", "Xi Jinping"]]
    assert host.gazetteer() is host.gazetteer()  # built once per host


def test_gazetteer_data_that_breaks_the_schema_is_a_load_failure() -> None:
    class Broken:
        @hookimpl
        def newsparse_gazetteer(self) -> dict[str, object]:
            return {"people": [{"id": "Q1"}]}  # no name

    host = PluginHost(entry_points=False, plugins=[("mentions", mentions), ("broken", Broken())])
    host.gazetteer()
    assert [(f.plugin, f.stage) for f in host.load_failures] == [("broken", Stage.GAZETTEER)]
