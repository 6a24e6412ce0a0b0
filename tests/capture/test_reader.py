"""The capture reader's rules, one by one, on small constructed captures."""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse.articles.capture.credits import agency_name, expand
from newsparse.articles.capture.datelines import read_printed_date
from newsparse.articles.capture.lines import split_lines
from newsparse.articles.capture.profile import (
    DASH_CREDIT_CAPTION,
    DATELINE_AGENCY,
    PAREN_CREDIT_CAPTION,
    TRAILING_DASH_AGENCY,
    TRAILING_PAREN_AGENCY,
    VIA_AGENCY,
    VIA_CREDIT_LINE,
    AgencyRule,
    Block,
    CaptionRule,
    CaptureProfile,
    Credits,
    DateRule,
    Scope,
)
from newsparse.articles.capture.profiled import read_with_profile, split_caption
from newsparse.models import Image, Precision, When

STORY_1 = "The first paragraph of the story says what happened, to whom, and where it happened."
STORY_2 = "The second paragraph adds what the officials said after the meeting had ended."


def test_lines_are_cleaned_and_numbered() -> None:
    lines = split_lines("\ufeffa\u00a0 b\r\n\r  • c")
    assert [(ln.index, ln.text) for ln in lines] == [(0, "a b"), (1, ""), (2, "• c")]
    assert lines[2].bullet and lines[2].indented and lines[1].blank


@pytest.mark.parametrize(
    ("text", "formats", "zone", "expected"),
    [
        ("22 Dec 2023 14:17", ("%d %b %Y %H:%M",), "Asia/Beirut", "2023-12-22T14:17:00+02:00"),
        ("22 Jul 2023 14:17", ("%d %b %Y %H:%M",), "Asia/Beirut", "2023-07-22T14:17:00+03:00"),
        ("2023-11-16", ("%Y-%m-%d",), "Asia/Baku", "2023-11-16"),
        ("22 Dec 2023 14:17", ("%d %b %Y %H:%M",), None, "2023-12-22"),
        ("not a date", ("%Y-%m-%d",), None, None),
    ],
)
def test_printed_dates_take_the_outlet_zone(
    text: str, formats: tuple[str, ...], zone: str | None, expected: str | None
) -> None:
    when = read_printed_date(text, formats, zone)
    assert (when.isoformat() if when else None) == expected


def test_a_printed_day_is_a_day_not_midnight() -> None:
    when = read_printed_date("2023-11-16", ("%Y-%m-%d",), "Asia/Baku")
    assert when == When.day(2023, 11, 16)
    assert when is not None and when.precision is Precision.DAY


def test_agency_names_are_canonical() -> None:
    assert agency_name("Associated Press") == "AP"
    assert agency_name("tass") == "TASS"
    assert agency_name("Unknown Wire") == "Unknown Wire"
    assert expand(r"citing {agency}").search("News.Az reports citing TASS.")["agency"] == "TASS"


@pytest.mark.parametrize(
    ("end", "extra", "kept"),
    [
        ("line", {}, ["Ticker line one", "Ticker line two", STORY_1, STORY_2]),
        ("blank", {}, [STORY_1, STORY_2]),
        ("count", {"count": 1}, ["Ticker line two", STORY_1, STORY_2]),
        ("document", {}, []),
    ],
)
def test_block_ends(end: str, extra: dict[str, int], kept: list[str]) -> None:
    capture = f"BREAKING\nTicker line one\nTicker line two\n\n{STORY_1}\n\n{STORY_2}\n"
    profile = CaptureProfile(head=(), blocks=[Block("ticker", "BREAKING", end=end, **extra)])
    assert list(read_with_profile(capture, profile).paragraphs) == kept


def test_a_menu_run_stops_at_prose_and_at_another_block() -> None:
    capture = f"Menu\n  • News\n  • Sports\nWorld\n\n{STORY_1}\nRead next: something\n{STORY_2}"
    profile = CaptureProfile(
        head=(),
        blocks=[
            Block("menu", "Menu", end="run", max_words=2),
            Block("read-next", r"Read next: .*", end="line"),
        ],
    )
    # A plain string is a literal: "Read next: .*" does not match; the compiled pattern does.
    assert "Read next: something" in read_with_profile(capture, profile).paragraphs
    import re

    profile = CaptureProfile(
        head=(),
        blocks=[
            Block("menu", "Menu", end="run", max_words=2),
            Block("read-next", re.compile(r"Read next: .*")),
        ],
    )
    assert read_with_profile(capture, profile).paragraphs == (STORY_1, STORY_2)


def test_head_roles_take_the_first_free_lines_in_order() -> None:
    capture = f"World\nThe title\nThe standfirst sentence.\n{STORY_1}"
    reading = read_with_profile(capture, CaptureProfile(head=["section", "title", "standfirst"]))
    assert (reading.section, reading.title, reading.subtitle) == (
        "World",
        "The title",
        "The standfirst sentence.",
    )
    assert reading.paragraphs == (STORY_1,)


def test_trailing_agency_is_taken_off_the_last_paragraph() -> None:
    capture = f"Title\n\n{STORY_1}\n\n{STORY_2}- Reuters\n"
    reading = read_with_profile(capture, CaptureProfile(), credits=Credits(agencies=[TRAILING_DASH_AGENCY]))
    assert reading.agency == "Reuters"
    assert reading.paragraphs == (STORY_1, STORY_2)


def test_an_agency_inside_a_sentence_stays_in_it() -> None:
    first = "The president praised the talks, News.Az reports citing TASS."
    rule = AgencyRule(r"\bciting {agency}\b", scope=Scope.FIRST)
    reading = read_with_profile(
        f"Title\n{first}\n{STORY_2}", CaptureProfile(), credits=Credits(agencies=[rule])
    )
    assert reading.agency == "TASS"
    assert reading.paragraphs == (first, STORY_2)


def test_a_signed_off_paragraph_is_not_mistaken_for_a_caption() -> None:
    capture = f"Title\n\n{STORY_1}\n\nThe talks ended. - Reuters\n"
    credits = Credits(agencies=[TRAILING_DASH_AGENCY], captions=[DASH_CREDIT_CAPTION])
    reading = read_with_profile(capture, CaptureProfile(), credits=credits)
    assert reading.images == ()
    assert reading.paragraphs == (STORY_1, "The talks ended.")


def test_captions_with_credits_leave_the_body() -> None:
    capture = (
        f"Title\n\n{STORY_1}\n\n  • x\n  • Alt text of the photo. (AP)\n"
        f"    The visible caption of the photo. (AP)\n\n{STORY_2}"
    )
    profile = CaptureProfile(blocks=[Block("icon", "• x")])
    reading = read_with_profile(capture, profile, credits=Credits(captions=[PAREN_CREDIT_CAPTION]))
    assert reading.images == (Image(caption="The visible caption of the photo.", credit="AP"),)
    assert reading.paragraphs == (STORY_1, STORY_2)


def test_a_caption_is_the_line_above_an_icon_label() -> None:
    capture = f"Title\nA man at a desk\ninfo_icon\n{STORY_1}"
    profile = CaptureProfile(blocks=[Block("icon", "info_icon")])
    reading = read_with_profile(capture, profile, credits=Credits(captions=[CaptionRule(before="info_icon")]))
    assert reading.images == (Image(caption="A man at a desk"),)
    assert reading.paragraphs == (STORY_1,)


def test_caption_rules_need_one_way_to_find_the_caption() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        CaptionRule()
    assert split_caption("Leaders meet. - AP", [DASH_CREDIT_CAPTION]) == Image(
        caption="Leaders meet.", credit="AP"
    )


def test_tags_are_read_after_the_body() -> None:
    bullets = read_with_profile(f"Title\n{STORY_1}\n  • China\n  • Wang Yi", CaptureProfile(tags="bullets"))
    assert bullets.tags == ("China", "Wang Yi")
    commas = read_with_profile(f"Title\n{STORY_1}\nChina , US , Wang Yi", CaptureProfile(tags="commas"))
    assert commas.tags == ("China", "US", "Wang Yi")
    assert commas.paragraphs == (STORY_1,)
    # A sentence with commas is not a tag list.
    prose = read_with_profile(f"Title\n{STORY_1}", CaptureProfile(tags="commas"))
    assert prose.tags == () and prose.paragraphs == (STORY_1,)


def test_the_first_date_line_wins_and_is_claimed() -> None:
    capture = f"Title\n  • 22 Dec 2023 14:17\n{STORY_1}"
    profile = CaptureProfile(dates=[DateRule(r"• (?P<date>.+)", ["%d %b %Y %H:%M"])])
    reading = read_with_profile(capture, profile, timezone="Asia/Beirut")
    assert reading.published == When.at(dt.datetime(2023, 12, 22, 12, 17, tzinfo=dt.timezone.utc))
    assert reading.paragraphs == (STORY_1,)


@pytest.mark.parametrize(
    ("build", "group"),
    [
        (lambda: DateRule(r"• (.+)", ["%Y"]), "date"),
        (lambda: AgencyRule(r"- (Reuters)"), "agency"),
        (lambda: CaptionRule(regex=r"(.+) \(AP\)"), "caption"),
        (lambda: CaptureProfile(bylines=[r"By (.+)"]), "author"),
    ],
)
def test_a_rule_without_its_named_group_fails_when_declared(build: object, group: str) -> None:
    with pytest.raises(ValueError, match=f"needs .*P<{group}>"):
        build()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("rule", "first", "last", "agency", "paragraphs"),
    [
        (
            DATELINE_AGENCY,
            "WASHINGTON (AP) — The two sides met on Monday.",
            STORY_2,
            "AP",
            ("WASHINGTON (AP) — The two sides met on Monday.", STORY_2),
        ),
        (
            TRAILING_PAREN_AGENCY,
            STORY_1,
            "The talks ended. (Reuters)",
            "Reuters",
            (STORY_1, "The talks ended."),
        ),
        (
            TRAILING_DASH_AGENCY,
            STORY_1,
            "The talks ended.- Associated Press",
            "AP",
            (STORY_1, "The talks ended."),
        ),
        (DATELINE_AGENCY, STORY_1, STORY_2, None, (STORY_1, STORY_2)),
        (
            VIA_AGENCY,
            STORY_1,
            "The talks ended on Monday, via AFP.",
            "AFP",
            (STORY_1, "The talks ended on Monday."),
        ),
        (VIA_AGENCY, STORY_1, "The talks ended. (via Reuters)", "Reuters", (STORY_1, "The talks ended.")),
        (VIA_AGENCY, STORY_1, "He travelled via Reuters Square to the talks.", None, None),
    ],
)
def test_ready_agency_shapes(
    rule: AgencyRule, first: str, last: str, agency: str | None, paragraphs: tuple[str, ...] | None
) -> None:
    reading = read_with_profile(f"Title\n{first}\n{last}", CaptureProfile(), credits=Credits(agencies=[rule]))
    assert (reading.agency, reading.paragraphs) == (agency, paragraphs or (first, last))


def test_a_via_credit_line_is_a_credit_but_a_sentence_is_not() -> None:
    assert split_caption("Leah Millis/Pool Photo via AP", [VIA_CREDIT_LINE]) == Image(
        credit="Leah Millis/Pool Photo via AP"
    )
    assert split_caption(STORY_1, [VIA_CREDIT_LINE]) is None


def test_an_outlet_adds_agencies_that_the_named_rules_then_find() -> None:
    """``Credits(extra_agencies=...)`` extends the core list for every ``{agency}`` in the outlet's
    rules, the ready-made ones included, and reports the outlet's spelling by its given name."""
    capture = f"Title\n\n{STORY_1}\n\n{STORY_2}- Bakhtar News Agency\n"
    plain = read_with_profile(capture, CaptureProfile(), credits=Credits(agencies=[TRAILING_DASH_AGENCY]))
    assert plain.agency is None
    credits = Credits(agencies=[TRAILING_DASH_AGENCY], extra_agencies={"Bakhtar News Agency": "Bakhtar"})
    reading = read_with_profile(capture, CaptureProfile(), credits=credits)
    assert (reading.agency, reading.paragraphs) == ("Bakhtar", (STORY_1, STORY_2))
    # The core names still read, and the plugin's list does not leak into other outlets' rules.
    assert credits.agency_name("associated press") == "AP"
    assert agency_name("Bakhtar News Agency") == "Bakhtar News Agency"
    with pytest.raises(ValueError, match="non-empty"):
        Credits(extra_agencies={"": "Bakhtar"})


def test_the_agency_names_are_the_data_file() -> None:
    import json
    from importlib import resources

    from newsparse.articles.capture.credits import AGENCIES

    data = json.loads(resources.files("newsparse.data").joinpath("agencies.json").read_text(encoding="utf-8"))
    assert data["agencies"] == AGENCIES and AGENCIES["Associated Press"] == "AP"


def test_credits_on_the_capture_profile_still_read_with_a_deprecation_warning() -> None:
    capture = f"Title\n\n{STORY_1}\n\nThe talks ended. - Reuters\n"
    with pytest.warns(DeprecationWarning, match=r"OutletPlugin\(\.\.\., credits=Credits"):
        profile = CaptureProfile(agencies=[TRAILING_DASH_AGENCY], captions=[DASH_CREDIT_CAPTION])
    assert profile.credits == Credits(agencies=[TRAILING_DASH_AGENCY], captions=[DASH_CREDIT_CAPTION])
    reading = read_with_profile(capture, profile)
    assert (reading.agency, reading.paragraphs) == ("Reuters", (STORY_1, "The talks ended."))
