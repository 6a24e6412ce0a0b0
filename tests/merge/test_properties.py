"""Properties of the merger and the store on random synthetic mentions (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsparse.events.merge import add_mentions, merge_mentions
from newsparse.events.store import EventStore

from . import oracle
from .strategies import half_lists, mention_lists


@given(mention_lists, st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_input_order(mentions, random):
    shuffled = list(mentions)
    random.shuffle(shuffled)
    assert merge_mentions(shuffled) == merge_mentions(mentions)


@given(mention_lists, st.data())
def test_a_mention_given_twice_counts_once(mentions, data):
    repeated = data.draw(st.lists(st.sampled_from(mentions), max_size=10)) if mentions else []
    assert merge_mentions(mentions + repeated) == merge_mentions(mentions)


@given(mention_lists)
def test_every_mention_lands_in_exactly_one_event(mentions):
    events = merge_mentions(mentions)
    placed = [m for e in events for m in e.mentions]
    assert sorted(map(repr, placed)) == sorted(map(repr, set(mentions)))
    assert len({e.id for e in events}) == len(events)


@given(mention_lists)
def test_each_event_only_merges_compatible_mentions(mentions):
    for event in merge_mentions(mentions):
        assert oracle.compatible(event.mentions), event.id


@given(mention_lists)
def test_no_two_events_could_have_been_merged(mentions):
    oracle.check_maximal(merge_mentions(mentions))


@given(mention_lists)
def test_event_fields_agree_with_its_mentions(mentions):
    for event in merge_mentions(mentions):
        assert event.mention_count == len(event.mentions)
        assert event.article_count == len({m.source for m in event.mentions})
        assert event.outlet_count == len({m.outlet for m in event.mentions})
        assert {a.id for a in event.participants} == {a.id for m in event.mentions for a in m.participants}
        assert all(event.mentions[i].date == event.date for i in event.date_support)
        assert (event.date is None) == (not event.date_support)
        assert all(event.mentions[i].place is not None for i in event.place_support)
        assert (event.place is None) == (not event.place_support)
        published = [m.published for m in event.mentions if m.published is not None]
        assert (event.first_reported is None) == (not published)
        assert event.cameo in {m.cameo for m in event.mentions}


@given(half_lists, half_lists)
def test_merging_a_and_b_at_once_equals_merging_a_then_adding_b(first, second):
    assert add_mentions(merge_mentions(first), second) == merge_mentions(first + second)


@given(mention_lists)
def test_adding_mentions_already_merged_changes_nothing(mentions):
    events = merge_mentions(mentions)
    assert add_mentions(events, mentions[::2]) == events


@given(half_lists, half_lists)
def test_merging_a_and_b_at_once_equals_adding_b_to_a_store_of_a(first, second):
    with EventStore(":memory:") as store:
        store.add(first)
        store.add(second)
        assert store.events() == merge_mentions(first + second)


@given(mention_lists)
def test_adding_the_same_mentions_twice_to_a_store_adds_nothing(mentions):
    with EventStore(":memory:") as store:
        store.add(mentions)
        before = store.events()
        update = store.add(mentions)
        assert update.new_mentions == 0
        assert update.blocks_merged == 0
        assert store.events() == before


@given(mention_lists)
def test_forgetting_articles_from_a_store_equals_never_adding_them(mentions):
    gone = {m.source for m in mentions[::3]}
    with EventStore(":memory:") as store:
        store.add(mentions)
        store.forget(gone)
        assert store.events() == merge_mentions(m for m in mentions if m.source not in gone)


@given(half_lists, half_lists)
def test_an_event_id_retired_by_new_mentions_leads_to_an_event_holding_its_mentions(first, second):
    with EventStore(":memory:") as store:
        store.add(first)
        before = store.events()
        store.add(second)
        now = {event.id: event for event in store.events()}
        for event in before:
            current = store.current_id(event.id)
            assert current in now
            assert set(event.mentions) & set(now[current].mentions)
