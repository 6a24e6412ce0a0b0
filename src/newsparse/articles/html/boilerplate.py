"""What the body extractor (:mod:`newsparse.articles.html.body`) knows about pages, as data.

Two kinds of knowledge live here, apart from the algorithm that uses them:

- *tables*: the element names, class and id words, ARIA roles and name patterns that say what an
  element is (never story text, boilerplate, a block, a paragraph, a likely story wrapper...);
- *thresholds*: every number the algorithm compares against, as a field of one frozen
  :class:`BodyRules`. :data:`DEFAULT_RULES` holds the values tuned by hand on the benchmarks; each
  public function of the extractor takes ``rules=``, so another set of values can be tried (for
  instance by cross-validation on a benchmark) without touching the code.
"""

from __future__ import annotations

import functools
import re
import string

import attrs

__all__ = [
    "BLOCK_TAGS",
    "BOILERPLATE_ATTRIBUTES",
    "BOILERPLATE_NAME",
    "BOILERPLATE_PREFIX_TOKENS",
    "BOILERPLATE_SELECTOR",
    "BOILERPLATE_TAGS",
    "BOILERPLATE_TAG_SELECTOR",
    "BOILERPLATE_TOKENS",
    "BOILERPLATE_WORDS",
    "BOILERPLATE_WORD_SELECTOR",
    "BREAKING_TAGS",
    "CONTINUING_TAGS",
    "DEFAULT_RULES",
    "DENSE_SCRIPT",
    "EMBED_CLASSES",
    "EMBED_SELECTOR",
    "HIDDEN_NAME",
    "HIDDEN_WORDS",
    "LINKED_HEADINGS",
    "NEGATIVE_NAMES",
    "NEVER_PRUNED",
    "PARAGRAPH_BLOCKS",
    "PAYWALL_NAME",
    "PAYWALL_SELECTOR",
    "PAYWALL_WORDS",
    "POSITIVE_NAMES",
    "REGION_ROLES",
    "STORY_BLOCKS",
    "STORY_TAGS",
    "SWALLOWING_TAGS",
    "BodyRules",
    "may_name_boilerplate",
    "name_words",
    "words_pattern",
]

# -- tables ------------------------------------------------------------------------------------------

#: Elements that never hold story text, removed with their content before anything else.
BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "nav",
    "aside",
    "footer",
    "header",
    "dialog",
    "menu",
    "figure",
    "figcaption",
    "picture",
    # Raw-text elements: their content is markup shown as text (xmp, plaintext) or shown only when
    # embeds or frames are off, and a title in the body is the parser's text too (issue 18 item 10).
    "noembed",
    "noframes",
    "title",
    "xmp",
    "plaintext",
    # Ruby annotations: the reading printed above a word (furigana), and the brackets shown around it
    # where ruby is not drawn; the word itself (in <ruby> or <rb>) is the text.
    "rt",
    "rp",
)

#: Among the :data:`BOILERPLATE_TAGS`, those a browser draws as blocks: removed from between two runs of
#: text, they leave a line break (the others, scripts and inline media, leave nothing).
BREAKING_TAGS = frozenset(("nav", "aside", "footer", "header", "dialog", "menu", "figure", "figcaption"))

#: Class words of text shown to screen readers only: never story text, even inside a sentence (read as
#: :data:`BOILERPLATE_WORDS` says; they are among them).
HIDDEN_WORDS = ("sr-only", "screen-reader", "visually-hidden", "visuallyhidden")

#: Among the :data:`BOILERPLATE_TAGS`, those that may swallow the page when left unclosed (or wrap the
#: story on a careless page): one holding more than :attr:`BodyRules.swallow_share` of the page's text
#: is unwrapped instead of removed.
SWALLOWING_TAGS = frozenset(("aside", "figure", "noscript", "footer", "header", "nav"))

#: Words of a class or id that name a non-story block. A name is read as words (split at ``-``, ``_``,
#: spaces, digits and camelCase humps, case-folded: ``shareBar-top`` is "share bar top"), and an entry
#: matches a word that starts or ends with it (``authorname``, ``meldungsfooter``,
#: ``subscription``), not one that merely holds it. An entry starting with ``=`` matches the word
#: itself or its plural only, where longer words say something else (``=promo``: ``promo-box``, not
#: ``zendaya-promoted-dune``; ``=comment``: ``comments-list``, not ``article-type-commentary``, an
#: opinion column); an entry of three letters or fewer matches the whole word only (``ad``: ``c-ad-box``,
#: not ``head`` or ``load``); an entry with a ``-`` is a run of words (``read-more``: ``read_more``,
#: ``readMore``).
BOILERPLATE_WORDS = (
    "share",
    "sharing",
    "social",
    "newsletter",
    "related",
    "=comment",
    "=commenting",
    "cookie",
    "consent",
    "sidebar",
    "breadcrumb",
    "=promo",
    "promotion",
    "subscri",
    "signup",
    "sign-up",
    "advert",
    "sponsor",
    "recommend",
    "popular",
    "trending",
    "most-read",
    "mostread",
    "=widget",
    "footer",
    "masthead",
    "navbar",
    "=menu",
    "megamenu",
    "outbrain",
    "taboola",
    "disqus",
    "=modal",
    "popup",
    "toolbar",
    "pagination",
    "read-more",
    "readmore",
    "more-stories",
    "byline",
    "caption",
    "author",
    "tooltip",
    "popover",
    "nocontent",
    "credit",
    "noprint",
    "no-print",
    "print-none",
    "hidden-print",
    "cta",
    "dfp",
    "ad",
    "ads",
    "adslot",
    "ad-slot",
    "adunit",
    "ad-unit",
    "rollover",
    "hover",
    *HIDDEN_WORDS,
)


def name_words(name: str) -> str:
    """A class or id as words, case-folded, each followed by one space: ``shareBar-top2`` is
    "share bar top " (utility classes with a ``:`` variant are left out); how
    :data:`BOILERPLATE_WORDS` are read."""
    # A class with a variant prefix (``md:hover:text-magenta``) is a style utility, not a name.
    spaced = " ".join(token for token in name.split() if ":" not in token)
    if not spaced.islower():  # (a name without capitals has no camelCase humps: no need to look)
        spaced = _HUMP.sub(" ", spaced)
    words = _WORD.findall(spaced.lower())
    return " ".join(words) + " " if words else ""


_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD = re.compile(r"[^\W\d_]+")


def words_pattern(entries: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any entry (read as :data:`BOILERPLATE_WORDS` says) in :func:`name_words`
    output.

    An entry that may end a word is looked for anywhere, followed by a space (its end ends a word,
    and whatever stands before it in that word is the rest of the word): one alternation for them
    all, not one ``[^ ]*entry`` per entry tried at every word (which backtracks over the word once
    per entry); the others are matched from a word's start."""
    starts, ends = [], []
    for entry in entries:
        body = " ".join(re.escape(word) for word in entry.lstrip("=").split("-"))
        if entry.startswith("="):
            starts.append(f"{body}s? ")
        elif len(entry) <= SHORT_WORD:
            starts.append(f"{body} ")
        else:
            starts.append(body)  # a word that starts with it...
            ends.append(body)  # ... or ends with it
    pattern = rf"(?:^| )(?:{'|'.join(starts)})"
    if ends:
        pattern += rf"|(?:{'|'.join(ends)}) "
    return re.compile(pattern)


#: Entries of at most this many letters match whole words only (see :data:`BOILERPLATE_WORDS`).
SHORT_WORD = 3


#: :data:`BOILERPLATE_WORDS` as one pattern over :func:`name_words`.
BOILERPLATE_NAME = words_pattern(BOILERPLATE_WORDS)
#: :data:`HIDDEN_WORDS` as one pattern over :func:`name_words`.
HIDDEN_NAME = words_pattern(HIDDEN_WORDS)

#: Whole class tokens (or ids) that name a non-story block; too short to match as substrings.
BOILERPLATE_TOKENS = ("ad", "ads", "nav", "meta", "tools", "hidden", "date", "tags", "print", "skip")

#: Class tokens that name a non-story block also as the start of a class (``ad-slot-top``,
#: ``ads-box``), where a substring would match too much (``head``, ``load``).
BOILERPLATE_PREFIX_TOKENS = ("ad", "ads")

#: ARIA roles and attributes of blocks that are not the story.
BOILERPLATE_ATTRIBUTES = (
    '[role="navigation"]',
    '[role="complementary"]',
    '[role="banner"]',
    '[role="contentinfo"]',
    '[role="dialog"]',
    '[role="menu"]',
    '[aria-hidden="true"]',
    "[hidden]",
    '[style*="display:none" i]',
    '[style*="display: none" i]',
    # Bootstrap's "hidden" utility, unless a breakpoint class shows the block on larger screens
    '[class~="d-none"]:not([class*="d-sm-"]):not([class*="d-md-"]):not([class*="d-lg-"]):not([class*="d-xl-"])',
)

#: Headings that link elsewhere (a headline of another story), as a CSS selector.
LINKED_HEADINGS = ", ".join(f"h{level} a, a h{level}" for level in range(1, 7))

#: ARIA roles of regions that are not the story: a candidate container inside one is doubted.
REGION_ROLES = frozenset(
    ("dialog", "alertdialog", "menu", "menubar", "navigation", "complementary", "banner")
)


def _word_prefilter_parts() -> list[tuple[str, str, str]]:
    # The C library finds the elements whose class or id contains an entry's longest word (a short one
    # next to a separator, or whole); the few it finds are then read as words (BOILERPLATE_NAME),
    # which CSS cannot do. Each part is (attribute, CSS operator, word): ``*=`` a substring, ``~=`` a
    # whole token, both ASCII case-blind.
    parts = []
    # each entry is found by its longest word (of a run of words, the most telling: "print" in no-print)
    firsts = {max(entry.lstrip("=").split("-"), key=len) for entry in BOILERPLATE_WORDS}
    # a word holding another (megamenu, menu) is found by the other's substring
    firsts = {
        word
        for word in firsts
        if len(word) <= SHORT_WORD
        or not any(other != word and len(other) > SHORT_WORD and other in word for other in firsts)
    }
    for word in sorted(firsts):
        for attr in ("class", "id"):
            if len(word) > SHORT_WORD:
                parts.append((attr, "*=", word))
            else:
                parts += [(attr, "*=", cut) for cut in (f"{word}-", f"-{word}", f"{word}_", f"_{word}")]
                parts.append((attr, "~=", word))
    return parts


def _word_prefilter() -> str:
    return ", ".join(f'[{attr}{operator}"{word}" i]' for attr, operator, word in _word_prefilter_parts())


def _boilerplate_selector() -> str:
    parts = [f'[class~="{token}" i], [id="{token}" i]' for token in BOILERPLATE_TOKENS]
    parts += [f'[class^="{token}-" i], [class*=" {token}-" i]' for token in BOILERPLATE_PREFIX_TOKENS]
    parts += BOILERPLATE_ATTRIBUTES
    return ", ".join(parts)


#: One CSS selector for every block named boilerplate by a whole class token, its id, role or
#: visibility: the C library matches it in one pass, where Python would test each name on each element.
BOILERPLATE_SELECTOR = _boilerplate_selector()
#: One CSS selector for the elements whose class or id may hold a :data:`BOILERPLATE_WORDS` entry
#: (a superset: each is then checked with :data:`BOILERPLATE_NAME`).
BOILERPLATE_WORD_SELECTOR = _word_prefilter()


def _prefilter_pattern(attribute: str) -> re.Pattern[str]:
    # A substring anywhere, or a whole token between the whitespace CSS's ``~=`` splits at (space,
    # tab, line feed, form feed, carriage return: not every character str.split takes for a space).
    parts = _word_prefilter_parts()
    substrings = sorted((word for part, op, word in parts if part == attribute and op == "*="), key=len)
    tokens = sorted(word for part, op, word in parts if part == attribute and op == "~=")
    alternatives = [re.escape(word) for word in reversed(substrings)]
    if tokens:
        alternatives.append(rf"(?:^|[ \t\n\f\r])(?:{'|'.join(map(re.escape, tokens))})(?:$|[ \t\n\f\r])")
    return re.compile("|".join(alternatives) or "(?!)")


#: :data:`BOILERPLATE_WORD_SELECTOR` by attribute as one pattern over a value in lower case, for
#: :func:`may_name_boilerplate`.
_PREFILTER = {attribute: _prefilter_pattern(attribute) for attribute in ("class", "id")}
#: ASCII letters to lower case, and only those (how CSS compares attribute values with the ``i`` flag).
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@functools.lru_cache(maxsize=8192)
def may_name_boilerplate(attribute: str, value: str) -> bool:
    """Whether a ``class`` or ``id`` value matches :data:`BOILERPLATE_WORD_SELECTOR`, as the C library
    decides it (substrings and whole tokens, ASCII case-blind), in Python: run over the elements that
    have a class or id, with answers cached per value (pages repeat their class names), it costs less
    than the selector's hundred-odd substring tests on every element."""
    return _PREFILTER[attribute].search(value.translate(_ASCII_LOWER)) is not None


#: Class tokens of embedded social posts: the markup a social network's embed code puts in the page
#: (a quoted tweet, an Instagram or TikTok post, a Facebook post, a timeline), shown as a card beside
#: the story's text. Removed when :attr:`BodyRules.drop_embedded_posts` says so (their ``iframe``
#: versions always go, with the :data:`BOILERPLATE_TAGS`).
EMBED_CLASSES = (
    "twitter-tweet",
    "twitter-video",
    "twitter-timeline",
    "instagram-media",
    "tiktok-embed",
    "fb-post",
    "fb-video",
    "reddit-embed-bq",
    "bluesky-embed",
    "text-post-media",
    "imgur-embed-pub",
    "mastodon-embed",
)

#: Words of a class or id (read as :data:`BOILERPLATE_WORDS` are) that name a paywall: the prompt to
#: subscribe or log in that stands where the story stops, but also, on many pages, the wrapper or the
#: paragraphs of the story's paid part (``<p class="paywall">``). An element so named is a prompt, and
#: removed, only when it is short (:attr:`BodyRules.max_prompt`) and not itself a paragraph.
PAYWALL_WORDS = ("paywall", "regwall", "upsell")
#: :data:`PAYWALL_WORDS` as one pattern over :func:`name_words`.
PAYWALL_NAME = words_pattern(PAYWALL_WORDS)
#: The elements whose class or id may hold a :data:`PAYWALL_WORDS` entry (checked with
#: :data:`PAYWALL_NAME`).
PAYWALL_SELECTOR = ", ".join(f'[{attr}*="{word}" i]' for word in PAYWALL_WORDS for attr in ("class", "id"))

#: One CSS selector for the :data:`EMBED_CLASSES`.
EMBED_SELECTOR = ", ".join(f'[class~="{token}" i]' for token in EMBED_CLASSES)
#: One CSS selector for the :data:`BOILERPLATE_TAGS`.
BOILERPLATE_TAG_SELECTOR = ", ".join(BOILERPLATE_TAGS)

#: Elements a boilerplate name never removes: the page's frame and the standard story wrappers.
NEVER_PRUNED = frozenset({"html", "body", "main", "article"})

#: Elements whose start and end break text into separate blocks.
BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "br",
        "body",
        "html",
    )
)

#: Blocks whose own text counts as a paragraph: ``<p>`` and the elements pages use in its place.
PARAGRAPH_BLOCKS = frozenset(("p", "pre", "blockquote", "div", "td", "section", "article", "main", "dd"))

#: Block elements that mark their text as part of the story, however short (the page's title, in
#: ``<h1>``, is metadata and not among them).
STORY_BLOCKS = frozenset(("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"))

#: Siblings of the container that may continue the story (paragraphs split across wrappers); others
#: (tables, forms, headings of other sections) never do.
CONTINUING_TAGS = frozenset(("p", "div", "section", "article", "blockquote", "ul", "ol", "h2", "h3", "h4"))

#: Elements that are story wrappers by their tag, whatever their class.
STORY_TAGS = frozenset(("article", "main"))

#: Class or id words of a likely story wrapper.
POSITIVE_NAMES = re.compile(r"article|body|content|entry|main|post|story|text|blog", re.IGNORECASE)
#: Class or id words of a likely non-story block (a softer signal than :data:`BOILERPLATE_WORDS`:
#: it only lowers a candidate's score, so a story in a ``post-list`` wrapper can still win).
NEGATIVE_NAMES = re.compile(
    r"comment|meta|footer|sidebar|share|related|promo|widget|teaser|card|list|nav|menu|aside|ad-|banner",
    re.IGNORECASE,
)

#: Ideographic and syllabic scripts say in one character what alphabets say in about three.
DENSE_SCRIPT = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]")


# -- thresholds --------------------------------------------------------------------------------------
@attrs.frozen
class BodyRules:
    """Every number the body extractor compares against, in one place.

    The defaults were set by hand on the article-extraction benchmark (``docs/performance.md``); pass
    another ``BodyRules`` (``attrs.evolve(DEFAULT_RULES, min_paragraph=60)``) to any public function of
    :mod:`newsparse.articles.html.body` to try other values. Lengths are in alphabet-equivalent
    characters (see :attr:`dense_script_weight`) where they say "prose", plain characters otherwise.
    """

    min_paragraph: int = 40
    """Prose length from which a block's own text is a paragraph (scored, and counted as paragraph
    text), and a sibling of the container may continue the story: shorter blocks are labels, links
    and buttons far more often than prose."""

    min_edge_block: int = 40
    """Prose length below which an unmarked block (not a :data:`STORY_BLOCKS` element) at the start or
    end of the body is dropped: there, short text is a credit, a label or a date line."""

    min_headline: int = 20
    """Characters from which a leading block that starts the page's ``<title>`` is taken for the
    headline and dropped; a shorter match ("Live", "Update") may be the story's own first words."""

    headline_window: int = 3
    """Leading blocks among which a headline that resembles the page's ``<title>`` is looked for."""

    max_headline: int = 200
    """Characters above which a block is no headline (the story has begun)."""

    headline_share: float = 0.5
    """Share of a leading block's words that must be words of the page's ``<title>`` for the block to
    be the headline (a kicker glued on adds words the title lacks; a first paragraph that repeats the
    headline's words has many more of its own)."""

    max_dateline: int = 60
    """Characters up to which an edge block holding a date or time is a date line and dropped."""

    max_link_share: float = 0.8
    """Share of a block's characters inside links above which the block is a link list and dropped."""

    long_linked_block: int = 300
    """Characters above which a block is kept however much of it is linked: a story paragraph with
    many links is long, a link list is made of short items."""

    min_usual_paragraphs: int = 3
    """Paragraph-tagged blocks (:data:`PARAGRAPH_BLOCKS`) a page needs for the others (list items,
    table cells) to be ignored in scoring: with fewer, the story is in those others."""

    dense_script_weight: int = 2
    """Alphabet characters added per ideographic or syllabic character (:data:`DENSE_SCRIPT`) in a
    prose length: one such character says about what three letters say, so thresholds fit both."""

    comma_points: float = 1.0
    """Points a paragraph gives per comma: commas mark sentences of prose, not labels or links."""

    base_points: float = 1.0
    """Points every paragraph gives whatever its length, so many short paragraphs outweigh one long."""

    characters_per_point: float = 100.0
    """Prose characters of a paragraph worth one point, up to :attr:`max_length_points`."""

    max_length_points: float = 3.0
    """Most points a paragraph's length gives: one very long block (a legal notice) must not outweigh
    a story of ordinary paragraphs."""

    ancestor_shares: tuple[float, ...] = (1.0, 0.5, 0.25)
    """Share of a paragraph's points given to its parent, grandparent and so on (as many ancestors as
    values): the story's own wrapper wins, but a wrapper of several wrappers gets some too."""

    positive_name_weight: float = 25.0
    """Points added to a candidate whose class or id has a :data:`POSITIVE_NAMES` word."""

    negative_name_weight: float = 25.0
    """Points taken from a candidate whose class or id has a :data:`NEGATIVE_NAMES` word."""

    story_tag_weight: float = 10.0
    """Points added to a :data:`STORY_TAGS` candidate: the page says it is the story, but a page may
    have several such elements, so less than a name."""

    candidates: int = 8
    """Best-scored candidates whose class weight and link density are measured: the winner is nearly
    always among the first few, and link density costs a walk of the candidate's text."""

    max_climb: int = 40
    """Ancestors of a paragraph whose paragraph text is counted, the most the container can be widened
    to; bounds the work per paragraph on deeply nested pages."""

    climb_min_share: float = 0.2
    """Share of the container's paragraph text an ancestor must add for the container to be widened to
    it: a small addition (a caption with commas) is not worth the ancestor's other text."""

    other_text_cost: float = 4.0
    """Characters of paragraph text an ancestor must add per character of other text (menus, teasers)
    for the container to be widened to it."""

    protect_share: float = 0.5
    """Share of the scope's paragraph text from which a block named boilerplate is kept anyway: a
    story in a misnamed wrapper must survive, even when a comment thread out-scored it."""

    max_sibling_link_density: float = 0.25
    """Link density above which a sibling of the container does not continue the story (a list of
    related stories under it)."""

    min_sibling_share: float = 0.2
    """Share of the container's text a non-paragraph sibling's own paragraph text must exceed to
    continue the story: a wrapper with a line of prose beside the story is not the story."""

    feed_headlines: int = 3
    """Linked headings from which a sibling of the container is a feed of other stories, not more of
    the story."""

    feed_link_share: float = 0.3
    """Share of a list item's text inside a link from which the item, among others like it at the end
    of the body, is the headline of another story (a "More stories" list)."""

    swallow_share: float = 0.5
    """Share of the page's text above which an ``aside``, ``figure``, ``noscript``... (an unclosed one
    that swallowed the page) is unwrapped instead of removed."""

    copy_share: float = 0.5
    """Share of the JSON-LD ``articleBody``'s length below which the text read from the markup is
    taken for a rendering failure (text filled in by scripts, a teaser) and the ``articleBody`` is
    read instead."""

    parallel_levels: int = 5
    """Levels from the container up at which a story split over wrappers of one kind (same tag and
    classes: page-builder blocks, CMS sections, live-blog posts) is looked for and read whole."""

    min_part_share: float = 0.1
    """Share of the container's paragraph text a wrapper of its kind must hold to be read as more of
    the story (see :attr:`parallel_levels`)."""

    region_factor: float = 0.25
    """Share of its points a candidate keeps inside a region named boilerplate (a comment thread, a
    dialog) that holds less than :attr:`protect_share` of the page's paragraph text."""

    max_running_text_kept: int = 40
    """Characters up to which an inline element inside a sentence is kept whatever its class names
    (a linked name in an ``author`` or ``share`` class is a word of the sentence); a longer one is a
    widget set in the text (a hover card) and is removed."""

    prune_levels: int = 1
    """Ancestors of the container whose subtree is pruned of named boilerplate: the container and its
    siblings (which may continue the story), not the whole page, as the selector is costly per node;
    when the container widens after pruning, its new neighbourhood is pruned too."""

    guard_share: float = 0.6
    """Share of a wider story element's paragraph text (an ``article``, ``main``, ``articleBody`` or
    an ancestor of the container) below which the body is taken for a part of the story and the
    wider element is read instead, when its additions are prose (:attr:`guard_prose_share`); 0 turns
    the recall guard off."""

    guard_levels: int = 3
    """Ancestors of the container the recall guard compares the body with (beside the story elements
    the page marks)."""

    guard_prose_share: float = 0.5
    """Share of the characters a wider element adds to the body that must be paragraph text for the
    recall guard to read it (a wrapper that adds menus and teasers is not more of the story)."""

    drop_embedded_posts: bool = False
    """Remove embedded social posts (:data:`EMBED_CLASSES`: a quoted tweet, an Instagram post) from the
    body. Off by default: the two benchmarks disagree on whether a post the story embeds is story
    text (the article-extraction benchmark's expected bodies keep them on all ten of its pages that
    embed tweets, news-metadata's leave them out on all three of its pages), and removing them costs
    the first more than it gains on the second (body F1 0.9765 -> 0.9700 on AEB, 0.9592 -> 0.9606 on
    news-metadata, issue 14)."""

    max_prompt: int = 1000
    """Characters up to which an element named a paywall (:data:`PAYWALL_WORDS`) is a prompt to
    subscribe, and removed; a longer one holds the story's paid part."""


#: The rules the extractor uses unless told otherwise.
DEFAULT_RULES = BodyRules()
