"""World-scale names: the one-pass name index, the trigger prefilter, people introduced by a title,
and offices resolved only inside a term (issue 15)."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.mentions import cues
from newsparse.mentions.actors import ActorFinder, ActorKind
from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.mentions.names import NameIndex, NameKind
from newsparse.mentions.participants import BARE_NAME_VERBS
from newsparse.mentions.prefilter import (
    _CASES_KNOWN,
    LiteralFilter,
    StartScan,
    first_chars,
    required_literals,
    required_words,
)
from newsparse.mentions.sentences import sentences
from newsparse.mentions.timeref import RULES as DATE_RULES
from newsparse.models import Actor, Article
from newsparse.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def extractor(gazetteer: Gazetteer) -> MentionExtractor:
    return MentionExtractor(gazetteer)


def paragraphs(*texts: str) -> Article:
    return Article(source="t", outlet="t", plugin="t", paragraphs=texts)


def people(finder: ActorFinder, text: str) -> list[Actor]:
    return [f.actor for f in finder.find(text, finder.short_names_in([text])) if f.actor is not None]


# -- the world data is the default ---------------------------------------------------------------------
def test_the_builtin_data_holds_the_world_gazetteer(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.countries) >= 249 and len(gazetteer.places) >= 3000 and len(gazetteer.people) >= 2000
    assert len(Gazetteer.from_data(builtin_data(world=False)).people) < 100


def test_a_country_outside_the_hand_list_is_an_actor(actors: ActorFinder) -> None:
    found = actors.find("Talks between Ouagadougou and Bamako resumed.", {})
    assert [(f.kind, f.actor.name if f.actor else None) for f in found] == [
        (ActorKind.COUNTRY, "Burkina Faso"),
        (ActorKind.COUNTRY, "Mali"),
    ]


# -- the name index -------------------------------------------------------------------------------------
def test_the_index_finds_whole_words_only_and_every_overlap() -> None:
    index = NameIndex(
        [
            ("Iran", NameKind.COUNTRY, "IRN"),
            ("New York", NameKind.PLACE, "New York"),
            ("York", NameKind.PLACE, "York"),
        ]
    )
    text = "Iranian envoys flew from Iran to New York."
    assert [(h.form, h.start) for h in index.scan(text)] == [("Iran", 25), ("New York", 33), ("York", 37)]


def test_office_aliases_are_found_in_the_cases_text_uses(actors: ActorFinder) -> None:
    for text in ("the Ukrainian president", "the Ukrainian President", "Ukrainian PRESIDENT"):
        offices = [f.office for f in actors.find(text, {}) if f.kind is ActorKind.OFFICE]
        assert offices == [("UKR", "president")], text
    plural = actors.find("the presidents of Ukraine and Poland", {})
    assert [f.office for f in plural] == [("UKR", "president"), ("POL", "president")]


def test_a_roman_numeral_is_no_short_name(gazetteer: Gazetteer) -> None:
    index = NameIndex.for_gazetteer(gazetteer)
    assert all(k is not NameKind.SHORT for k, _ in index.forms.get("I", ()))


# -- the trigger prefilter -------------------------------------------------------------------------------
def test_required_literals_of_simple_patterns() -> None:
    meeting = re.compile(r"(?i:\b(?:meetings?|met|talks))(?![\w-])")
    assert required_literals(meeting) == {"meeting", "meetings", "met", "talks"}
    assert required_literals(re.compile(r"(?:a|the)\s+calls?")) == {"call", "calls"}
    assert required_literals(re.compile(r"(?:flying|flew|flies)\s+to")) == {"flying", "flew", "flies"}
    assert required_literals(re.compile(r"[A-Z]\w+")) is None
    assert required_literals(re.compile(r"(?:visit)?\s+x")) == {"x"}
    # after \b the word must start a word; inside a longer word it is not looked for
    assert required_words(meeting) == {(w, True) for w in ("meeting", "meetings", "met", "talks")}
    found = LiteralFilter([meeting]).positions("Sometimes they met.")
    assert found == [15]


def test_the_name_index_and_the_filter_pickle(actors: ActorFinder) -> None:
    # their automata do not pickle (ahocorasick-rs): they are built again from the forms and patterns
    text = "Ukrainian President Volodymyr Zelensky met Xi Jinping in Beijing."
    index = pickle.loads(pickle.dumps(actors.index))
    assert index.scan(text) == actors.index.scan(text) and index.scan(text)
    words = LiteralFilter([t.pattern for t in cues.TRIGGERS])
    assert pickle.loads(pickle.dumps(words)).found(text) == words.found(text) != []


def test_every_trigger_needs_a_word() -> None:
    # a trigger that needs none is correct but runs on every sentence: keep them cheap
    assert [t.name for t in cues.TRIGGERS if required_literals(t.pattern) is None] == []


def _seed_sentences() -> list[str]:
    pipeline = Pipeline()
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = pipeline.result(path)
        assert isinstance(article, Article)
        found.extend(s.text for s in sentences(article))
    return found


def _kept(texts: list[str]) -> set[int]:
    """The sentences the trigger prefilter keeps, the texts joined as an article joins its blocks."""
    starts, offset = [], 0
    for sentence in texts:
        starts.append(offset)
        offset += len(sentence) + 2
    return LiteralFilter([t.pattern for t in cues.TRIGGERS]).spans("\n\n".join(texts), starts)


def test_the_prefilter_keeps_every_sentence_a_trigger_matches_in() -> None:
    texts = _seed_sentences()
    kept = _kept(texts)
    matched = {i for i, s in enumerate(texts) if any(t.pattern.search(s) for t in cues.TRIGGERS)}
    assert matched and matched <= kept
    assert len(kept) < len(texts)  # and it does leave sentences out


_WORDS = st.sampled_from(
    [
        "met",
        "Meeting",
        "TALKS",
        "visited",
        "phoned",
        "the call",
        "spoke",
        "with",
        "Blinken",
        "hosted",
        "and",
        "x",
        "something",
        "recalled",
        "Sometimes",
        "flew",
        "-",
        "'s",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=6))
def test_the_prefilter_never_loses_a_match(texts: list[str]) -> None:
    kept = _kept(texts)
    starts, offset = [], 0
    for sentence in texts:
        starts.append(offset)
        offset += len(sentence) + 2
    by_span = LiteralFilter([t.pattern for t in cues.TRIGGERS]).patterns_by_span("\n\n".join(texts), starts)
    for index, sentence in enumerate(texts):
        matching = {j for j, t in enumerate(cues.TRIGGERS) if t.pattern.search(sentence)}
        assert matching <= by_span.get(index, set())
    for index, sentence in enumerate(texts):
        if any(t.pattern.search(sentence) for t in cues.TRIGGERS):
            assert index in kept


# -- patterns tried only where a match may start -------------------------------------------------------------
def test_first_chars_of_simple_patterns() -> None:
    assert first_chars(re.compile(r"(?<![\w])(?:Mr|Dr)\.?\s+[A-Z]")) == {"M", "D"}
    # Python 3.10 has no table of the letters IGNORECASE matches beyond their two cases: there a
    # pattern matched without regard to case is searched as it is (None), never scanned wrongly
    case_blind = {"m", "M", "t", "T"} if _CASES_KNOWN else None
    assert first_chars(re.compile(r"\b(?i:met|talks)\b")) == case_blind
    assert first_chars(re.compile(r"(?:the\s+)?[0-9]+")) == set("t0123456789")
    assert first_chars(re.compile(r"\w+")) is None  # any word character: not told
    assert first_chars(re.compile(r"(?:x)?")) is None  # may match nothing
    # IGNORECASE also matches "ſ" for "s" and the Kelvin sign for "k": such letters are not told
    assert first_chars(re.compile(r"(?i:spoke)")) is None


_SCANNED = st.lists(
    st.sampled_from(
        ["He", "met", "Jones", "later", "called", "Mr.", "Smith", "Monday", "Nov.", "5", "2019", "metal",
         "Met", "sat", "down", "with", "\n\n", ",", "“quoted”", "The", "spoke"]
    ),
    min_size=1,
    max_size=14,
).map(" ".join)  # fmt: skip


@given(_SCANNED)
def test_a_start_scan_finds_what_the_pattern_finds(text: str) -> None:
    for pattern in (BARE_NAME_VERBS, *(rule.pattern for rule in DATE_RULES)):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in StartScan(pattern).finditer(text)] == expected


def test_a_start_scan_on_a_real_sentence() -> None:
    text = "Later that day Favre met with Dr. James Andrews, and Jones later called Smith on Monday."
    if _CASES_KNOWN:  # (Python 3.11+: see test_first_chars_of_simple_patterns)
        assert first_chars(BARE_NAME_VERBS) is not None  # capitals and "m": tried there only
    spans = [m.group(0) for m in StartScan(BARE_NAME_VERBS).finditer(text)]
    assert spans == [m.group(0) for m in BARE_NAME_VERBS.finditer(text)]
    assert "Favre met" in spans and "Jones later called" in spans


# -- people introduced by a title ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "country", "office"),
    [
        (
            "He met Vietnamese Defense Minister Ngo Xuan Lich in Hanoi.",
            "Ngo Xuan Lich",
            "VNM",
            "Defense Minister",
        ),
        (
            "Pelosi talked with Treasury Secretary Steven Mnuchin.",
            "Steven Mnuchin",
            None,
            "Treasury Secretary",
        ),
        ("They met IMF managing director Christine Lagarde.", "Christine Lagarde", None, "director"),
        (
            "Trump met Liu He, China’s top trade negotiator, in the Oval Office.",
            "Liu He",
            "CHN",
            "top trade negotiator",
        ),
        (
            "She called Prime Minister of Mali Choguel Kokalla Maiga.",
            "Choguel Kokalla Maiga",
            "MLI",
            "Prime Minister",
        ),
        ("Mateen had a meeting with Rep. Ed Royce, the chairman.", "Ed Royce", None, "Rep."),
        ("Egyptian President Abdel-Fattah el-Sissi met Trump.", "Abdel-Fattah el-Sissi", "EGY", "President"),
        (
            "They met Jeroen Dijsselbloem, the Dutch finance minister who heads the Eurogroup.",
            "Jeroen Dijsselbloem",
            "NLD",
            "finance minister",
        ),
        ("Germany's Wolfgang Schaeuble and Greece's Yanis Varoufakis met.", "Yanis Varoufakis", "GRC", None),
        ("Homeland Security Secretary Chad Wolf met them.", "Chad Wolf", None, "Homeland Security Secretary"),
        ("In October, Rep. David McKinley, R-W.Va., visited the border.", "David McKinley", "USA", "Rep."),
        ("They met Israel Katz, Israel's foreign minister.", "Israel Katz", "ISR", "foreign minister"),
    ],
)
def test_an_unknown_person_with_a_title_is_an_actor(
    actors: ActorFinder, text: str, name: str, country: str | None, office: str | None
) -> None:
    found = {a.name: a for a in people(actors, text)}
    assert name in found, found
    actor = found[name]
    assert actor.id == "person:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    assert (actor.country, actor.office) == (country, office)


def test_the_title_and_the_name_are_one_participant(actors: ActorFinder) -> None:
    # the office word does not resolve to another holder, the demonym is not a state of its own
    found = actors.find("He met Vietnamese Defense Minister Ngo Xuan Lich in Hanoi.", {})
    assert [f.kind for f in found if f.start < 45] == [ActorKind.PERSON]


def test_a_possessive_before_a_name_that_goes_on_is_no_person(actors: ActorFinder) -> None:
    assert [a.name for a in people(actors, "Britain's Got Talent Show was on.")] == ["United Kingdom"]
    assert [a.name for a in people(actors, "He met John Smith, the man who founded it.")] == []


def test_a_headline_in_title_case_gives_no_new_names(actors: ActorFinder) -> None:
    assert [a.name for a in people(actors, "President Biden Coming To Belvidere To Tout Auto Deal")] == [
        "Joe Biden"
    ]


def test_a_surname_that_is_a_common_word_is_no_short_name(actors: ActorFinder) -> None:
    short = actors.short_names_in(["Trump met Liu He, China's top trade negotiator."])
    assert "He" not in short
    assert all(f.actor is None or f.actor.name != "Liu He" for f in actors.find("He left.", short))


def test_a_person_introduced_by_a_title_meets_a_known_one(extractor: MentionExtractor) -> None:
    article = paragraphs(
        "Treasury Secretary Steven Mnuchin met Chinese Vice Premier Liu He in Washington on Jan. 15, 2020.",
    )
    (mention,) = extractor.extract(article)
    assert {a.id for a in mention.participants} == {"person:steven-mnuchin", "person:liu-he"}


# -- offices resolve only inside a term -------------------------------------------------------------
def test_an_office_resolves_only_on_a_day_a_term_covers(gazetteer: Gazetteer) -> None:
    held = gazetteer.holder("USA", "president", dt.date(2019, 6, 1))
    assert held is not None and held[1] == "Q22686"
    # no term of the data covers 1985 (the world data holds only day-exact terms): no guess
    assert gazetteer.holder("USA", "president", dt.date(1985, 6, 1)) is None
    assert gazetteer.holder("UKR", "president", dt.date(2015, 6, 1)) is None  # before Zelensky's term


def test_terms_that_disagree_resolve_to_nobody() -> None:
    g = Gazetteer.from_data(
        {
            "countries": [{"id": "country:xxa", "iso3": "XXA", "name": "Atlantis"}],
            "people": [{"id": "person:a", "name": "Ann Able"}, {"id": "person:b", "name": "Bob Baker"}],
            "offices": [
                {
                    "country": "XXA",
                    "office": "President",
                    "aliases": ["president"],
                    "terms": [
                        {"holder": "person:a", "from": "2010-01-01", "to": "2016-01-01"},
                        {"holder": "person:b", "from": "2015-01-01"},
                    ],
                }
            ],
        }
    )
    assert g.holder("XXA", "president", dt.date(2012, 1, 1)) is not None
    assert g.holder("XXA", "president", dt.date(2015, 6, 1)) is None


def test_an_evergreen_page_with_an_old_date_does_not_name_todays_holder(extractor: MentionExtractor) -> None:
    article = paragraphs(
        "Updated 3 March 2015.", "The Ukrainian president met the US president in Washington."
    )
    for mention in extractor.extract(article):
        assert "Q3874799" not in {a.id for a in mention.participants}  # Zelensky took office in 2019


def test_a_state_of_the_union_is_not_a_country(actors: ActorFinder) -> None:
    # "Jersey" and "Mexico" are countries, "New Jersey" and "New Mexico" US states
    found = {
        a.name: a
        for a in people(actors, "New Jersey Sen. Cory Booker met New Mexico Gov. Michelle Lujan Grisham.")
    }
    assert (found["Cory Booker"].country, found["Michelle Lujan Grisham"].country) == ("USA", "USA")
    assert [f.actor.name for f in actors.find("They flew to New Mexico.", {}) if f.actor] == []


def test_a_title_is_the_words_after_the_last_and(actors: ActorFinder) -> None:
    text = (
        "When President Ashraf Ghani spoke, Senator Elizabeth Warren and congresswoman Alexandria "
        "Ocasio-Cortez left."
    )
    offices = {a.name: a.office for a in people(actors, text)}
    assert offices["Alexandria Ocasio-Cortez"] == "congresswoman"
    assert offices["Elizabeth Warren"] == "Senator"
    assert offices["Ashraf Ghani"] == "President"
    hostages = "Hostages American Kevin King and Australian Timothy Weeks were freed."
    assert [a.name for a in people(actors, hostages)] == ["United States", "Australia"]  # no title, no names


def test_a_name_inside_a_longer_proper_name_is_not_that_actor(extractor: MentionExtractor) -> None:
    article = paragraphs(
        "Egyptian President Abdel-Fattah el-Sissi meets with President Donald Trump at the "
        "InterContinental Barclay hotel during the United Nations General Assembly, in New York.",
    )
    (mention,) = extractor.extract(article)
    assert {a.name for a in mention.participants} == {"Abdel-Fattah el-Sissi", "Donald Trump"}


def test_a_country_inside_a_longer_name_only_qualifies_it(actors: ActorFinder) -> None:
    (found,) = actors.find("He read the Washington Post.", {})
    assert found.kind is ActorKind.COUNTRY and found.modifier
    (plain,) = actors.find("He flew to Washington on Monday.", {})
    assert not plain.modifier


def test_a_capital_that_names_something_else_is_no_state(actors: ActorFinder) -> None:
    # Lewis Hamilton is no Bermuda, Kingston is the capital of two territories; Kyiv is Ukraine
    assert [f.actor for f in actors.find("Hamilton won in Kingston.", {})] == []
    (kyiv,) = actors.find("Talks between Kyiv and Warsaw resumed.", {})[:1]
    assert kyiv.actor is not None and kyiv.actor.country == "UKR"


def test_a_given_name_that_is_a_state_needs_a_title(actors: ActorFinder) -> None:
    assert [f.actor.name for f in actors.find("Chad Wolf met them in Chad.", {}) if f.actor] == [
        "Chad",
        "Chad",
    ]


# -- people without a title, named again by surname ------------------------------------------------
def test_a_person_named_in_full_then_by_surname_is_an_actor(extractor: MentionExtractor) -> None:
    article = paragraphs(
        # (the article names a title: an article that names neither two actors the gazetteer knows
        # nor a title is not read at all)
        "Google was founded by Larry Ellis and Sergey Brin in 1998, with money from John Doerr; "
        "President Bill Clinton praised them.",
        "They had met at Stanford, where Brin was outgoing and Ellis was shy.",
        "In 1999 Ellis met with Doerr and informed him of a change of heart.",
    )
    names = [{a.name for a in m.participants} for m in extractor.extract(article)]
    assert {"Larry Ellis", "John Doerr"} in names
    ids = {a.id for m in extractor.extract(article) for a in m.participants}
    assert "person:larry-ellis" in ids and "person:john-doerr" in ids


@pytest.mark.parametrize(
    "text",
    [
        # a word the article also writes in lower case, a longer run, a team after "the", German nouns
        "Water Drilling Service met Tax Preparation Service. Service was slow; the water was cold.",
        "The Cynthia Woods Mitchell Pavilion hosted them. Pavilion tickets sold out.",
        "The Los Angeles Lakers visit the Thunder on Friday. Lakers: visit the Thunder.",
        "Die Software Platform Entwickler trafen Redakteure und Marketer. Entwickler Marketer Platform.",
    ],
)
def test_capitalised_words_that_are_no_names(extractor: MentionExtractor, text: str) -> None:
    for mention in extractor.extract(paragraphs(text)):
        assert not any(a.id.startswith("person:") for a in mention.participants), mention


def test_a_surname_used_alone_is_needed(actors: ActorFinder) -> None:
    assert "Larry Ellis" not in actors.short_names_in(["Larry Ellis met John Doerr in Paris."])
    short = actors.short_names_in(["Larry Ellis met John Doerr in Paris.", "Ellis left."])
    assert short["Ellis"].id == "person:larry-ellis" and "John Doerr" not in short


# -- the false events of people named again (names2) -----------------------------------------------
def test_a_headline_number_or_preposition_opens_no_name(actors: ActorFinder) -> None:
    # "Two Labour council leaders quit", "The Untold Story Of Larry Page": "Two", "Of" are no given names
    short = actors.short_names_in(
        ["Two Labour council leaders quit the party on Monday.", "Labour said it regretted the decision."]
    )
    assert "Labour" not in short and "Two Labour" not in short
    short = actors.short_names_in(["The untold story Of Ruth Mostert is told here.", "Mostert said little."])
    assert short["Mostert"].id == "person:ruth-mostert"


def test_a_surname_inside_a_longer_name_is_not_the_person(actors: ActorFinder) -> None:
    short = actors.short_names_in(
        ["Ruth Mostert founded the charity in 1998.", "Mostert said she was proud of it."]
    )
    assert short["Mostert"].id == "person:ruth-mostert"
    text = "Sarwar held a discussion with the Mostert Family Trust on October 16, and Mostert on Monday."
    found = [
        f for f in actors.find(text, short) if f.actor is not None and f.actor.id == "person:ruth-mostert"
    ]
    assert [text[f.start : f.end] for f in found] == ["Mostert"]
    assert found[0].start == text.rindex("Mostert")


def test_they_is_no_earlier_pair_without_the_person_the_sentence_names(extractor: MentionExtractor) -> None:
    article = paragraphs(
        "Google was founded by Larry Ellis and Sergey Brin in 1998; President Bill Clinton praised them.",
        "Eric Schmidt and Stacey Sullivan joined in 2001; Schmidt and Sullivan stayed for years.",
        "They had met at Stanford, where Brin was outgoing and energetic.",
    )
    for mention in extractor.extract(article):
        names = {a.name for a in mention.participants}
        assert names != {"Eric Schmidt", "Stacey Sullivan"}, mention


def test_a_tour_of_places_by_a_person_of_unknown_country_is_no_visit(extractor: MentionExtractor) -> None:
    article = paragraphs(
        "President Donald Trump mocked Deval Patrick on Thursday.",
        "This week, Patrick launched a tour of early-voting states, visiting Nevada and Iowa before "
        "South Carolina.",
        "In 2015 Patrick visited Mexico for a trade fair.",
    )
    visits = [m for m in extractor.extract(article) if m.kind == "visit"]
    assert [{a.name for a in m.participants} for m in visits] == [{"Deval Patrick", "Mexico"}]


def test_a_partial_subject_list_gives_no_contact(extractor: MentionExtractor) -> None:
    article = paragraphs(
        "Alabama coach Nick Saban and Florida coach Urban Meyer spoke on Monday.",
        # (Tressel is named bare, so the list goes on with a name no rule reads; "Ohio State's Jim
        # Tressel" is read: tests/events/test_unknown_actors.py)
        "Saban, Meyer and Jim Tressel of Ohio State recently participated in a conference call with NFL "
        "commissioner Roger Goodell and expressed their concerns about agents.",
    )
    for mention in extractor.extract(article):
        assert "Roger Goodell" not in {a.name for a in mention.participants}, mention


def test_a_bare_name_takes_no_headline_preposition_as_a_given_name(extractor: MentionExtractor) -> None:
    article = paragraphs(
        "The Untold Story Of Larry Page's Incredible Comeback",
        "Google took money from investor John Doerr; President Bill Clinton praised them.",
        "A couple of months later, Page called Doerr and informed him of a change of heart.",
    )
    calls = [{a.name for a in m.participants} for m in extractor.extract(article) if m.kind == "call"]
    assert calls == [{"Larry Page", "John Doerr"}]
