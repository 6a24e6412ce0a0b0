"""The data model: frozen attrs classes that every stage takes and returns.

Each stage of the pipeline (Page -> Article -> Mention -> Event) reads one frozen model and builds the
next; nothing is mutated in place.  Validators sit here, at the boundary, so a model that exists is a
model that is valid.  Collections are tuples so that instances stay hashable and immutable.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import re
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Failure",
    "Image",
    "Mention",
    "Page",
    "PageKind",
    "Place",
    "Precision",
    "When",
]


class Precision(str, enum.Enum):
    """How much of a date is known: a bare date is a day, never midnight."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    TIME = "time"


class Stage(str, enum.Enum):
    """Where on the road a document (or a plugin) failed: the ``stage`` of a :class:`Failure`."""

    #: Reading the input: a missing file, an archive that is cut off, bytes that are not text.
    READ = "read"
    #: Loading a plugin (its entry point, its hooks).
    LOAD = "load"
    #: A plugin's ``newsparse_outlets`` declaration.
    OUTLETS = "outlets"
    #: A plugin's ``newsparse_gazetteer`` data.
    GAZETTEER = "gazetteer"
    #: Turning a page into an article (``newsparse_extract_article``), or no article found.
    EXTRACT = "extract"
    #: Refining an article (``newsparse_postprocess_article``).
    POSTPROCESS = "postprocess"
    #: Finding mentions in an article (``newsparse_extract_mentions``).
    MENTIONS = "mentions"


class PageKind(str, enum.Enum):
    """What a Page holds: markup, or the text a reader copied out of a browser window."""

    HTML = "html"
    TEXT = "text"


def _tuple_of_str(value: Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        raise TypeError("expected a sequence of strings, got a single string")
    return tuple(value)


def _tuple(value: Iterable[Any] | None) -> tuple[Any, ...]:
    return () if value is None else tuple(value)


def _optional_str(value: str | None) -> str | None:
    """Empty or blank strings carry no information: store them as None."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _items_are(kind: type) -> Any:
    return attrs.validators.deep_iterable(attrs.validators.instance_of(kind))


_STR_ITEMS = _items_are(str)
_NONEMPTY_STR = attrs.validators.and_(attrs.validators.instance_of(str), attrs.validators.min_len(1))
_OFFSET = attrs.validators.and_(attrs.validators.instance_of(int), attrs.validators.ge(0))


def _fixed_offset(value: dt.datetime) -> dt.datetime:
    """Replace a named zone by its fixed UTC offset at that instant, so JSON round trips are exact."""
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(f"datetime must be timezone-aware: {value!r}")
    return value.replace(tzinfo=dt.timezone(offset), fold=0)


@attrs.frozen(order=False)
class When:
    """A point in time known to a given precision.

    ``value`` is a :class:`datetime.datetime` (timezone-aware) when the precision is ``TIME`` and a
    :class:`datetime.date` otherwise; coarser precisions keep the unknown parts at 1 so that equal
    knowledge gives equal values.

    :ivar value: The date (a `datetime.date`), or for precision `time` a timezone-aware `datetime.datetime`.
    :ivar precision: How much of the date is known: `year`, `month`, `day` or `time`.
    """

    value: dt.date
    precision: Precision = attrs.field(converter=Precision)

    def __attrs_post_init__(self) -> None:
        value = self.value
        if self.precision is Precision.TIME:
            if not isinstance(value, dt.datetime):
                raise TypeError("a When of precision 'time' needs a datetime")
            object.__setattr__(self, "value", _fixed_offset(value))
            return
        if isinstance(value, dt.datetime):
            raise TypeError(f"a When of precision {self.precision.value!r} needs a date, not a datetime")
        if not isinstance(value, dt.date):
            raise TypeError(f"expected a date, got {type(value).__name__}")
        if self.precision is Precision.MONTH and value.day != 1:
            object.__setattr__(self, "value", value.replace(day=1))
        elif self.precision is Precision.YEAR and (value.month, value.day) != (1, 1):
            object.__setattr__(self, "value", value.replace(month=1, day=1))

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def day(cls, year: int, month: int, day: int) -> When:
        return cls(dt.date(year, month, day), Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> When:
        return cls(dt.date(year, month, 1), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> When:
        return cls(dt.date(year, 1, 1), Precision.YEAR)

    @classmethod
    def at(cls, value: dt.datetime) -> When:
        return cls(value, Precision.TIME)

    _ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(T.+)?)?)?$")

    @classmethod
    def parse(cls, text: str) -> When:
        """Read an ISO 8601 string at its precision: ``2023``, ``2023-12``, ``2023-12-06`` or a full
        timestamp with its UTC offset (``Z`` accepted)."""
        match = cls._ISO.match(text.strip())
        if not match:
            raise ValueError(f"not an ISO 8601 date: {text!r}")
        year, month, day, time = match.groups()
        if time:
            stamp = text.strip()
            if stamp.endswith(("Z", "z")):
                stamp = stamp[:-1] + "+00:00"
            value = dt.datetime.fromisoformat(stamp)
            if value.tzinfo is None:
                raise ValueError(f"timestamp without a UTC offset: {text!r}")
            return cls.at(value)
        if day:
            return cls.day(int(year), int(month), int(day))
        if month:
            return cls.month(int(year), int(month))
        return cls.year(int(year))

    # -- views ---------------------------------------------------------------------------------
    def isoformat(self) -> str:
        """The ISO 8601 form at this precision (the JSON contract)."""
        if self.precision is Precision.TIME:
            return self.value.isoformat()
        text = self.value.isoformat()
        if self.precision is Precision.MONTH:
            return text[:7]
        if self.precision is Precision.YEAR:
            return text[:4]
        return text

    @property
    def date(self) -> dt.date:
        """The calendar date (in the value's own offset for timestamps)."""
        value = self.value
        return value.date() if isinstance(value, dt.datetime) else value

    def __str__(self) -> str:
        return self.isoformat()


def _when_or_none(value: When | str | None) -> When | None:
    if value is None or isinstance(value, When):
        return value
    if isinstance(value, str):
        return When.parse(value)
    raise TypeError(f"expected a When or an ISO string, got {type(value).__name__}")


_OPTIONAL_WHEN = attrs.validators.optional(attrs.validators.instance_of(When))


@attrs.frozen
class Page:
    """One input document, as the user holds it.

    :ivar content: The document as text or bytes.
    :ivar kind: `html` for markup, `text` for a plain-text capture.
    :ivar source: Where it came from.
    :ivar url: The page's URL, when known.
    :ivar published: A publication date supplied by the caller.
    :ivar outlet: An outlet id supplied by the caller (a hint that wins over detection).
    :ivar fetched: When the page was fetched (a WARC record's date): an upper bound for its publication date.
    """

    content: str | bytes = attrs.field(validator=attrs.validators.instance_of((str, bytes)))
    kind: PageKind = attrs.field(converter=PageKind)
    source: str = attrs.field(validator=attrs.validators.instance_of(str))
    url: str | None = attrs.field(default=None, converter=_optional_str)
    published: When | None = attrs.field(default=None, converter=_when_or_none, validator=_OPTIONAL_WHEN)
    outlet: str | None = attrs.field(default=None, converter=_optional_str)
    fetched: When | None = attrs.field(default=None, converter=_when_or_none, validator=_OPTIONAL_WHEN)

    @property
    def text(self) -> str:
        """The content as text; bytes are decoded with :func:`newsparse.decode.decode_bytes`."""
        if isinstance(self.content, str):
            return self.content
        from newsparse.decode import decode_bytes

        return decode_bytes(self.content, html=self.kind is PageKind.HTML)


@attrs.frozen
class Image:
    """An image of the article with its caption and credit, kept out of the body.

    :ivar url: Address of the image.
    :ivar caption: The caption shown with it.
    :ivar credit: Photographer or agency credit.
    """

    url: str | None = attrs.field(default=None, converter=_optional_str)
    caption: str | None = attrs.field(default=None, converter=_optional_str)
    credit: str | None = attrs.field(default=None, converter=_optional_str)


@attrs.frozen
class Article:
    """A clean article: the story's own text and metadata, with the page's boilerplate removed.

    :ivar source: Where the document came from (a path, `<text>`, `<bytes>` or a caller's label).
    :ivar outlet: Id of the outlet the page matched (`generic` when none did).
    :ivar plugin: Name of the plugin that extracted the article (set by the core).
    :ivar url: The article's canonical URL, when the page or the caller gives one.
    :ivar language: Language of the text (a BCP 47 tag such as `en`), when known.
    :ivar title: The headline.
    :ivar subtitle: The standfirst (deck) under the headline.
    :ivar authors: Bylined authors, in page order.
    :ivar agency: News agency the story comes from (e.g. Reuters), when credited.
    :ivar published: When the article was first published, at the precision the page gives.
    :ivar modified: When the article was last updated.
    :ivar section: The outlet's section (e.g. World).
    :ivar tags: The outlet's tags or keywords.
    :ivar paragraphs: The body, one string per paragraph, in reading order.
    :ivar images: The article's images with captions and credits, kept out of the body.
    :ivar layout: The name of the outlet plugin's HTML layout (``HtmlLayout.name``) that read the page;
        None when no layout did (a plain-text capture, the generic reader, or a page on which no
        layout's body selector found the story: a design the plugin does not know).
    """

    source: str = attrs.field(validator=attrs.validators.instance_of(str))
    outlet: str = attrs.field(validator=attrs.validators.instance_of(str))
    plugin: str = attrs.field(validator=attrs.validators.instance_of(str))
    url: str | None = attrs.field(default=None, converter=_optional_str)
    language: str | None = attrs.field(default=None, converter=_optional_str)
    title: str | None = attrs.field(default=None, converter=_optional_str)
    subtitle: str | None = attrs.field(default=None, converter=_optional_str)
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_STR_ITEMS)
    agency: str | None = attrs.field(default=None, converter=_optional_str)
    published: When | None = attrs.field(default=None, converter=_when_or_none, validator=_OPTIONAL_WHEN)
    modified: When | None = attrs.field(default=None, converter=_when_or_none, validator=_OPTIONAL_WHEN)
    section: str | None = attrs.field(default=None, converter=_optional_str)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_STR_ITEMS)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_STR_ITEMS)
    images: tuple[Image, ...] = attrs.field(default=(), converter=_tuple, validator=_items_are(Image))
    layout: str | None = attrs.field(default=None, converter=_optional_str)

    def blocks(self) -> tuple[str, ...]:
        """The article's text blocks in reading order: title, standfirst, paragraphs, captions."""
        head = tuple(b for b in (self.title, self.subtitle) if b)
        captions = tuple(image.caption for image in self.images if image.caption)
        return head + self.paragraphs + captions

    @property
    def text(self) -> str:
        """The blocks joined by blank lines. Mention spans (``start``/``end``) index this string."""
        return "\n\n".join(self.blocks())

    @property
    def body(self) -> str:
        """The body paragraphs alone, joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def content_id(self) -> str:
        """What identifies the article whatever path or folder it was read from: ``url:`` and its URL
        when it has one, else ``sha256:`` and the hash of its :attr:`text`. Mentions carry it as
        ``article_id``, and event ids are derived from it (never from :attr:`source`)."""
        if self.url:
            return "url:" + self.url
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@attrs.frozen
class Actor:
    """A participant in an event: a person, country or organisation with a stable id.

    :ivar id: A stable identifier, the same for every mention of the same actor.
    :ivar name: The name as displayed.
    :ivar country: The actor's country (ISO 3166-1 alpha-3).
    :ivar office: The office held (e.g. Secretary of State), when known.
    """

    id: str = attrs.field(validator=_NONEMPTY_STR)
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    country: str | None = attrs.field(default=None, converter=_optional_str)
    office: str | None = attrs.field(default=None, converter=_optional_str)


@attrs.frozen
class Place:
    """Where an event happened: a venue or city with its country (ISO 3166-1 alpha-3).

    :ivar name: The venue or city.
    :ivar country: Its country (ISO 3166-1 alpha-3).
    :ivar within: The places that contain this one, innermost first, without the country: a venue's city (and
        region). It travels with the mention so that merging never depends on a gazetteer's later state.
    :ivar level: "venue", "city", "region" or "country" when the extractor knows it (see events.vocabulary).
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    country: str | None = attrs.field(default=None, converter=_optional_str)
    within: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_STR_ITEMS)
    level: str | None = attrs.field(default=None, converter=_optional_str)


def _span_is_ordered(instance: Mention, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"mention span ends ({value}) before it starts ({instance.start})")


@attrs.frozen
class Mention:
    """One report of an event in one article, with the sentence that says so.

    :ivar kind: What happened, from the shared vocabulary (e.g. `meeting`, `call`).
    :ivar cameo: The CAMEO event code of that kind (two to four digits).
    :ivar participants: The actors taking part.
    :ivar sentence: The sentence that reports the event.
    :ivar start: Offset of the sentence in `Article.text`.
    :ivar end: Offset just past the end of that sentence in `Article.text` (exclusive).
    :ivar source: The `source` of the article it was found in (as the path was spelled: provenance
        only; keys and event ids use `article_id`).
    :ivar outlet: The outlet of that article.
    :ivar mode: How the contact happened (e.g. in person, by phone, by video), when said.
    :ivar date: When the event happened, at the precision the text allows.
    :ivar date_text: The words that gave the date (e.g. "on Monday"), kept for checking; for a report that
        refers back ("the meeting"), the words of the report it refers to.
    :ivar place: Where the event happened, when said.
    :ivar published: When the reporting article was published (resolves relative dates).
    :ivar rule: The extraction rules that found the mention, for debugging: `<extractor>:<trigger>`, and for
        the built-in extractor `/participants:<rule>` after it, the participant rule that chose the
        participants (`mentions:phone_call/participants:with_object`); split at the first `/` and the first
        `:` of each part.
    :ivar article_id: What identifies the article whatever path it was read from: `url:` and its URL, else
        `sha256:` and the hash of its text (see `Article.content_id`); the mention's key and its event's id
        derive from it, never from `source`.
    """

    kind: str = attrs.field(validator=_NONEMPTY_STR)
    cameo: str = attrs.field(validator=attrs.validators.matches_re(r"\d{2,4}"))
    participants: tuple[Actor, ...] = attrs.field(converter=_tuple, validator=_items_are(Actor))
    sentence: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: int = attrs.field(validator=_OFFSET)
    end: int = attrs.field(
        validator=attrs.validators.and_(attrs.validators.instance_of(int), _span_is_ordered)
    )
    source: str = attrs.field(validator=attrs.validators.instance_of(str))
    outlet: str = attrs.field(validator=attrs.validators.instance_of(str))
    mode: str | None = attrs.field(default=None, converter=_optional_str)
    date: When | None = attrs.field(default=None, converter=_when_or_none, validator=_OPTIONAL_WHEN)
    date_text: str | None = attrs.field(default=None, converter=_optional_str)
    place: Place | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Place))
    )
    published: When | None = attrs.field(default=None, converter=_when_or_none, validator=_OPTIONAL_WHEN)
    rule: str | None = attrs.field(default=None, converter=_optional_str)
    article_id: str | None = attrs.field(default=None, converter=_optional_str)


@attrs.frozen
class Event:
    """A canonical event: every mention of the same real-world contact, merged.

    :ivar id: A stable id derived from the event's content (its first mention's words, span and
        ``article_id``), never from a path, the input order or the machine.
    :ivar kind: What happened, from the shared vocabulary.
    :ivar cameo: The CAMEO event code.
    :ivar participants: The actors taking part.
    :ivar mentions: Every mention merged into this event.
    :ivar date: When it happened, at the best precision any mention gives.
    :ivar place: Where it happened.
    :ivar article_count: How many articles report it.
    :ivar outlet_count: How many distinct outlets report it.
    :ivar first_reported: The earliest publication date among its mentions.
    :ivar mention_count: How many mentions the event merges (``len(mentions)``, kept for flat exports and
        quick reads).
    :ivar date_support: Indices into ``mentions`` of the mentions that state ``date`` exactly.
    :ivar place_support: Indices into ``mentions`` of the mentions that name ``place``.
    :ivar first_source: The source of the earliest publication that reported the event (the one
        ``first_reported`` dates).
    """

    id: str = attrs.field(validator=_NONEMPTY_STR)
    kind: str = attrs.field(validator=attrs.validators.instance_of(str))
    cameo: str = attrs.field(validator=attrs.validators.matches_re(r"\d{2,4}"))
    participants: tuple[Actor, ...] = attrs.field(converter=_tuple, validator=_items_are(Actor))
    mentions: tuple[Mention, ...] = attrs.field(converter=_tuple, validator=_items_are(Mention))
    date: When | None = attrs.field(default=None, converter=_when_or_none, validator=_OPTIONAL_WHEN)
    place: Place | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Place))
    )
    article_count: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    outlet_count: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    first_reported: When | None = attrs.field(default=None, converter=_when_or_none, validator=_OPTIONAL_WHEN)
    mention_count: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    date_support: tuple[int, ...] = attrs.field(default=(), converter=_tuple, validator=_items_are(int))
    place_support: tuple[int, ...] = attrs.field(default=(), converter=_tuple, validator=_items_are(int))
    first_source: str | None = attrs.field(default=None, converter=_optional_str)


@attrs.frozen
class Failure:
    """A document that did not become an article, and why. Failures travel with the results.

    :ivar source: The document that failed.
    :ivar stage: Where it failed (`read`, `extract`, `postprocess`, `mentions`, ...).
    :ivar error_type: The class name of the error (e.g. `EmptyDocumentError`).
    :ivar message: What went wrong, in words.
    :ivar plugin: The plugin that raised, when a plugin did.
    """

    source: str = attrs.field(validator=attrs.validators.instance_of(str))
    stage: Stage = attrs.field(converter=Stage)
    error_type: str = attrs.field(validator=attrs.validators.instance_of(str))
    message: str = attrs.field(validator=attrs.validators.instance_of(str))
    plugin: str | None = attrs.field(default=None, converter=_optional_str)
