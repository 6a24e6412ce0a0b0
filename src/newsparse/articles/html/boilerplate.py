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

import re

import attrs

__all__ = [
    "BLOCK_TAGS",
    "BOILERPLATE_ATTRIBUTES",
    "BOILERPLATE_PREFIX_TOKENS",
    "BOILERPLATE_SELECTOR",
    "BOILERPLATE_TAGS",
    "BOILERPLATE_TAG_SELECTOR",
    "BOILERPLATE_TOKENS",
    "BOILERPLATE_WORDS",
    "CONTINUING_TAGS",
    "DEFAULT_RULES",
    "DENSE_SCRIPT",
    "NEGATIVE_NAMES",
    "NEVER_PRUNED",
    "PARAGRAPH_BLOCKS",
    "POSITIVE_NAMES",
    "STORY_BLOCKS",
    "STORY_TAGS",
    "BodyRules",
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
)

#: Substrings of a class or id that name a non-story block (matched case-insensitively).
BOILERPLATE_WORDS = (
    "share",
    "sharing",
    "social",
    "newsletter",
    "related",
    "comment",
    "cookie",
    "consent",
    "sidebar",
    "breadcrumb",
    "promo",
    "subscri",
    "signup",
    "advert",
    "sponsor",
    "recommend",
    "popular",
    "trending",
    "most-read",
    "mostread",
    "widget",
    "footer",
    "masthead",
    "navbar",
    "menu",
    "outbrain",
    "taboola",
    "disqus",
    "modal",
    "popup",
    "toolbar",
    "pagination",
    "read-more",
    "readmore",
    "more-stories",
    "byline",
    "caption",
    "author",
    "sr-only",
    "screen-reader",
    "visually-hidden",
    "visuallyhidden",
    "tooltip",
    "popover",
    "nocontent",
    "credit",
    "noprint",
    "no-print",
    "print-none",
    "hidden-print",
    "-cta",
    "cta-",
    "dfp-",
    "-ad-",
    "_ad_",
    "adslot",
    "ad-slot",
    "adunit",
    "ad-unit",
    "rollover",
    "hover",
)

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


def _boilerplate_selector() -> str:
    parts = [f'[{attr}*="{word}" i]' for word in BOILERPLATE_WORDS for attr in ("class", "id")]
    parts += [f'[class~="{token}" i], [id="{token}" i]' for token in BOILERPLATE_TOKENS]
    parts += [f'[class^="{token}-" i], [class*=" {token}-" i]' for token in BOILERPLATE_PREFIX_TOKENS]
    parts += BOILERPLATE_ATTRIBUTES
    return ", ".join(parts)


#: One CSS selector for every block named boilerplate by its class, id, role or visibility: the C
#: library matches it in one pass, where Python would test each name on each element.
BOILERPLATE_SELECTOR = _boilerplate_selector()
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

    prune_levels: int = 1
    """Ancestors of the container whose subtree is pruned of named boilerplate: the container and its
    siblings (which may continue the story), not the whole page, as the selector is costly per node;
    when the container widens after pruning, its new neighbourhood is pruned too."""


#: The rules the extractor uses unless told otherwise.
DEFAULT_RULES = BodyRules()
