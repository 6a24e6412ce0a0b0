"""The plugin test kit: pages and the articles a reader expects from them, as pytest cases.

An outlet author puts, in one folder, a page (a capture ``NAME.txt``, or HTML ``NAME.html`` /
``NAME.htm``, each optionally gzipped as ``NAME.html.gz``) and its expected article
(``NAME.expected.json``), written by reading the page, field by field. ``newsparse new-case PAGE``
(:func:`write_draft_case`) writes a first draft from what the plugins extract today, marked with a
``"draft"`` key that :func:`load_cases` refuses until a person has corrected the fields and deleted
it. The expected file is::

    {
      "page": "optional/relative/path/to/the/page.txt",
      "article": {"outlet": "thestar", "title": "...", "published": null, "paragraphs": ["...", "..."]}
    }

``page`` defaults to the document beside the JSON with the same name. Every field listed under
``article`` is compared with the extracted article's JSON (the contract of :mod:`newsparse.convert`);
fields left out are not compared, so ``"published": null`` says "the page states no date" while leaving
``published`` out says nothing. A page's hints (URL, outlet, date) go in its ordinary sidecar
``NAME.json``, exactly as ``newsparse articles`` reads them: an HTML page saved from an outlet's site
gets ``{"url": "https://..."}``, so that it is matched by domain as a crawled page is. For HTML the
fields worth checking besides the text are often ``authors``, ``images`` and ``layout`` (the
``HtmlLayout`` that read the page).

In a test module::

    from newsparse.testing import case_params, check_case

    @pytest.mark.parametrize("case", case_params(Path(__file__).parent / "cases"))
    def test_case(case):
        check_case(case)

A mismatch fails with one line per differing field, and one line per missing, extra or changed item of
a list (paragraphs, tags, images), so the author sees what the plugin got wrong, not two walls of JSON.
"""

from __future__ import annotations

import difflib
import json
import random
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.capture.profile import CaptureProfile, Head, Placement
from newsparse.articles.html.layout import HtmlLayout, choose_layout
from newsparse.convert import unstructure
from newsparse.errors import CaseError, CaseMismatch
from newsparse.inputs import DOCUMENT_SUFFIXES, page_from_path
from newsparse.models import Article
from newsparse.pipeline import Pipeline

__all__ = [
    "DRAFT_FIELDS",
    "DRAFT_KEY",
    "EXPECTED_SUFFIX",
    "STORY_WORDS",
    "Case",
    "CaseError",
    "CaseMismatch",
    "GeneratedCapture",
    "GeneratedHtmlPage",
    "capture_with_boilerplate",
    "case_params",
    "check_case",
    "compare",
    "draft_case",
    "html_with_boilerplate",
    "load_cases",
    "write_draft_case",
]

EXPECTED_SUFFIX = ".expected.json"
#: The key that marks an expected file as a draft, which :func:`load_cases` refuses.
DRAFT_KEY = "draft"
#: The fields of a draft: what a reader of the page can check (not where it came from or how it was read).
DRAFT_FIELDS = (
    "outlet",
    "title",
    "subtitle",
    "authors",
    "agency",
    "published",
    "section",
    "tags",
    "paragraphs",
    "images",
)
_ARTICLE_FIELDS = frozenset(field.name for field in attrs.fields(Article))
_SHOWN = 100


@attrs.frozen
class Case:
    """One page and the article a reader expects from it."""

    name: str
    page: Path
    expected: Mapping[str, Any]
    expected_path: Path
    #: Why the case cannot be checked (a draft, a bad expected file): :func:`case_params` gives such a
    #: case its own param, which :func:`check_case` fails with this message.
    refused: str | None = None

    def __str__(self) -> str:
        return self.name


def _page_beside(expected_path: Path) -> Path:
    stem = expected_path.name[: -len(EXPECTED_SUFFIX)]
    for suffix in DOCUMENT_SUFFIXES:
        for candidate in (
            expected_path.with_name(stem + suffix),
            expected_path.with_name(stem + suffix + ".gz"),
        ):
            if candidate.is_file():
                return candidate
    raise CaseError(f"{expected_path}: no page named {stem}.* beside it, and no 'page' key")


def _load_case(expected_path: Path, root: Path) -> Case:
    try:
        data = json.loads(expected_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CaseError(f"{expected_path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise CaseError(f"{expected_path}: expected an object with an 'article' object")
    if DRAFT_KEY in data:
        raise CaseError(
            f"{expected_path}: a draft (written by newsparse new-case from what the plugins gave then): "
            f"read the page, correct every field, then delete the {DRAFT_KEY!r} key"
        )
    unknown = set(data["article"]) - _ARTICLE_FIELDS
    if unknown:
        raise CaseError(f"{expected_path}: not Article fields: {', '.join(sorted(unknown))}")
    if "page" in data:
        page = (expected_path.parent / str(data["page"])).resolve()
        if not page.is_file():
            raise CaseError(f"{expected_path}: page {data['page']} not found")
    else:
        page = _page_beside(expected_path)
    name = expected_path.relative_to(root).as_posix()[: -len(EXPECTED_SUFFIX)]
    return Case(name=name, page=page, expected=data["article"], expected_path=expected_path)


def load_cases(folder: str | Path) -> list[Case]:
    """Every ``*.expected.json`` under ``folder`` (recursively, in name order) as a :class:`Case`."""
    root = Path(folder)
    if not root.is_dir():
        raise CaseError(f"{root}: not a folder of cases")
    return [_load_case(path, root) for path in sorted(root.rglob("*" + EXPECTED_SUFFIX))]


def case_params(folder: str | Path) -> list[Any]:
    """The cases of a folder as ``pytest.param``s named after their files (for ``parametrize``); a
    folder without cases gives one skipped param that says how to add one. A case that cannot be
    loaded (a draft, a bad expected file) is a param of its own that :func:`check_case` fails with the
    reason, so the folder's other cases and the module's other tests still run."""
    import pytest

    root = Path(folder)
    if not root.is_dir():
        raise CaseError(f"{root}: not a folder of cases")
    cases = []
    for path in sorted(root.rglob("*" + EXPECTED_SUFFIX)):
        try:
            cases.append(_load_case(path, root))
        except CaseError as exc:  # a draft fails its own test; the other cases still run
            name = path.relative_to(root).as_posix()[: -len(EXPECTED_SUFFIX)]
            cases.append(Case(name=name, page=path, expected={}, expected_path=path, refused=str(exc)))
    if not cases:
        reason = f"no cases in {folder} yet: save a page there and run newsparse new-case on it"
        return [pytest.param(None, id="no-cases", marks=pytest.mark.skip(reason=reason))]
    return [pytest.param(case, id=case.name) for case in cases]


# -- comparing -------------------------------------------------------------------------------------
def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _changed_words(expected: str, actual: str) -> str:
    """The words that differ between two versions of a paragraph, marked -[...] and +[...]."""
    a, b = expected.split(), actual.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            parts.append("-[" + " ".join(a[i1:i2]) + "]")
        if op in ("insert", "replace"):
            parts.append("+[" + " ".join(b[j1:j2]) + "]")
    return " ".join(parts)


def _similar(expected: Any, actual: Any) -> bool:
    """Two strings close enough that their changed words say more than the two whole texts."""
    if not (isinstance(expected, str) and isinstance(actual, str)):
        return False
    matcher = difflib.SequenceMatcher(a=expected.split(), b=actual.split(), autojunk=False)
    return matcher.ratio() >= 0.6


def _list_diff(field: str, expected: Sequence[Any], actual: Sequence[Any]) -> list[str]:
    keys = [json.dumps(item, sort_keys=True, ensure_ascii=False) for item in expected]
    got = [json.dumps(item, sort_keys=True, ensure_ascii=False) for item in actual]
    lines = [f"{field}: expected {len(expected)} items, got {len(actual)}"]
    matcher = difflib.SequenceMatcher(a=keys, b=got, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            for offset in range(i2 - i1):
                old, new = expected[i1 + offset], actual[j1 + offset]
                if _similar(old, new):
                    lines.append(f"  changed [{i1 + offset}]: {_changed_words(old, new)}")
                else:
                    lines.append(f"  missing [{i1 + offset}]: {_short(old)}")
                    lines.append(f"  extra   [{j1 + offset}]: {_short(new)}")
            continue
        lines.extend(f"  missing [{i}]: {_short(expected[i])}" for i in range(i1, i2))
        lines.extend(f"  extra   [{j}]: {_short(actual[j])}" for j in range(j1, j2))
    return lines


def compare(expected: Mapping[str, Any], article: Article) -> list[str]:
    """The differences between an expected article (JSON, as in a case file) and an extracted one: one
    entry per differing field (a list field's entry has a line per missing, extra or changed item);
    empty when they agree on every expected field."""
    actual = unstructure(article)
    differences: list[str] = []
    for field, want in expected.items():
        got = actual.get(field)
        if want == got:
            continue
        if isinstance(want, list) and isinstance(got, list):
            differences.append("\n".join(_list_diff(field, want, got)))
        else:
            differences.append(f"{field}: expected {_short(want)}, got {_short(got)}")
    return differences


def check_case(case: Case, pipeline: Pipeline | None = None) -> Article:
    """Extract the case's page with the installed plugins (or ``pipeline``) and compare; raises
    :class:`CaseMismatch` with the field-by-field diff when the article differs, :class:`CaseError`
    for a case that was refused (a draft). Returns the article."""
    if case.refused is not None:
        raise CaseError(case.refused)
    pipeline = pipeline or Pipeline()
    article = pipeline.article(page_from_path(case.page))
    problems = compare(case.expected, article)
    if problems:
        header = f"{case.name}: {len(problems)} field(s) differ from {case.expected_path.name}"
        raise CaseMismatch("\n".join([header, *problems]))
    return article


# -- drafts: an expected file to correct, never to trust ------------------------------------------
def draft_case(page: str | Path, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """A draft expected file for a page: the :data:`DRAFT_FIELDS` of what the installed plugins (or
    ``pipeline``) extract from it today, under a :data:`DRAFT_KEY` that the kit refuses until a person
    has checked every field against the page and deleted the key."""
    pipeline = pipeline or Pipeline()
    article = unstructure(pipeline.article(page_from_path(Path(page))))
    return {
        DRAFT_KEY: (
            "written by newsparse new-case from what the plugins extract today, which may be wrong: read "
            "the page, correct every field (or delete the ones you do not mean to check), then delete "
            "this key"
        ),
        "article": {field: article.get(field) for field in DRAFT_FIELDS},
    }


def write_draft_case(page: str | Path, pipeline: Pipeline | None = None) -> Path:
    """Write :func:`draft_case` beside the page as ``NAME.expected.json``; returns its path. Never
    overwrites an expected file (raises :class:`CaseError`)."""
    page = Path(page)
    if not page.is_file():
        raise CaseError(f"{page}: not a file")
    name = page.name[:-3] if page.name.endswith(".gz") else page.name
    suffix = next((s for s in DOCUMENT_SUFFIXES if name.endswith(s)), None)
    if suffix is None:
        raise CaseError(f"{page}: a case's page ends in {', '.join(DOCUMENT_SUFFIXES)} (optionally .gz)")
    stem = name[: -len(suffix)]
    target = page.with_name(stem + EXPECTED_SUFFIX)
    if target.exists():
        raise CaseError(f"{target} already exists: edit it, or delete it to start a new draft")
    text = json.dumps(draft_case(page, pipeline), ensure_ascii=False, indent=2) + "\n"
    target.write_text(text, encoding="utf-8")
    return target


# -- property tests: a story with an outlet's boilerplate around it --------------------------------
#: Plain words for generated stories: no agency, credit, marker or list bullet can come out of them.
STORY_WORDS = (
    "minister",
    "talks",
    "border",
    "trade",
    "council",
    "river",
    "harbour",
    "summit",
    "budget",
    "school",
    "farmers",
    "road",
    "bridge",
    "court",
    "election",
    "village",
    "museum",
    "weather",
    "railway",
    "market",
    "festival",
    "hospital",
    "energy",
    "water",
    "report",
    "committee",
    "province",
    "coast",
    "mountain",
    "season",
    "workers",
    "factory",
    "treaty",
    "delegation",
    "harvest",
    "airport",
)


@attrs.frozen
class GeneratedCapture:
    """A constructed capture and the story in it: what a perfect reading of ``text`` gives."""

    text: str
    title: str | None
    subtitle: str | None
    section: str | None
    paragraphs: tuple[str, ...]


def capture_with_boilerplate(profile: CaptureProfile | None, *, max_paragraphs: int = 8) -> Any:
    """A hypothesis strategy of :class:`GeneratedCapture`: random story paragraphs with the profile's
    head lines, and the samples of its boilerplate blocks placed at random where each may sit (head
    blocks before the headline, anywhere blocks between paragraphs, one tail block at the end).

    Blocks without a ``sample`` cannot be placed; describe each block with a real instance of it.
    ``None`` (an HTML-only outlet, ``OutletPlugin(capture=None)``) gives a strategy with no examples,
    so that a test module can name the strategy whatever its plugin has; skip that test (the scaffold's
    test does, with ``skipif(CAPTURE is None)``).
    """
    from hypothesis import strategies as st

    if profile is None:
        return st.nothing()

    # Words come from a seeded Random, one draw per text: drawing each word through hypothesis is
    # needlessly slow, and the structure (which blocks go where) is what the property is about.
    def words(low: int, high: int, full_stop: bool = False) -> Any:
        def make(seed: int) -> str:
            rng = random.Random(seed)
            text = " ".join(rng.choices(STORY_WORDS, k=rng.randint(low, high))).capitalize()
            return text + "." if full_stop else text

        return st.integers(0, 2**32 - 1).map(make)

    sentence = words(8, 20, full_stop=True)
    paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
    head_blocks = [b for b in profile.blocks if b.sample and b.placement is Placement.HEAD]
    anywhere = [b for b in profile.blocks if b.sample and b.placement is Placement.ANYWHERE]
    tail = [b for b in profile.blocks if b.sample and b.placement is Placement.TAIL]

    @st.composite
    def build(draw: Any) -> GeneratedCapture:
        head = {
            role: draw(words(5, 12) if role is not Head.SECTION else words(1, 1)) for role in profile.head
        }
        if Head.STANDFIRST in head:
            head[Head.STANDFIRST] = draw(sentence)
        body = draw(st.lists(paragraph, min_size=1, max_size=max_paragraphs))
        chunks: list[str] = ["\n".join(b.sample) for b in head_blocks if draw(st.booleans())]
        chunks.extend(head[role] for role in profile.head)
        slots: list[list[str]] = [[] for _ in range(len(body) + 1)]
        if anywhere:
            for block in draw(st.lists(st.sampled_from(anywhere), max_size=4)):
                slots[draw(st.integers(0, len(body)))].append("\n".join(block.sample))
        for index, text in enumerate(body):
            chunks.extend(slots[index])
            chunks.append(text)
        chunks.extend(slots[-1])
        if tail and draw(st.booleans()):
            chunks.append("\n".join(draw(st.sampled_from(tail)).sample))
        separator = draw(st.sampled_from(["\n\n", "\n\n\n"]))
        return GeneratedCapture(
            text=separator.join(chunks) + "\n",
            title=head.get(Head.TITLE),
            subtitle=head.get(Head.STANDFIRST),
            section=head.get(Head.SECTION),
            paragraphs=tuple(body),
        )

    return build()


@attrs.frozen
class GeneratedHtmlPage:
    """A constructed HTML page of one of a plugin's layouts and the story in it: what the layout must
    read from ``html`` (the boilerplate its ``remove`` selectors name sits between the paragraphs)."""

    html: str
    layout: str
    paragraphs: tuple[str, ...]
    boilerplate: tuple[str, ...]


#: One step of a selector that can be built as an element: a tag, an id and classes (``div#a.b``).
_COMPOUND = re.compile(r"(?P<tag>[a-zA-Z][\w-]*)?(?P<rest>(?:[.#][\w-]+)*)")
#: Elements whose text goes straight inside them (a ``p`` may not hold another).
_TEXT_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "strong", "em"})
_Element = tuple[str, str]  # (opening tag, closing tag)


def _alternatives(selector: str) -> list[list[_Element]]:
    """The element chains (outermost first) that a selector list's buildable alternatives name:
    tag/id/class steps joined by descendant or child combinators; attribute selectors, pseudo-classes
    and the like are left out (they cannot be built blind)."""
    if any(char in selector for char in "[]():\"'+~*"):
        return []
    chains = []
    for alternative in selector.split(","):
        steps = re.split(r"\s*>\s*|\s+", alternative.strip())
        chain: list[_Element] = []
        for step in steps:
            match = _COMPOUND.fullmatch(step)
            if not step or match is None or not (match["tag"] or match["rest"]):
                chain = []
                break
            ids = re.findall(r"#([\w-]+)", match["rest"])
            classes = re.findall(r"\.([\w-]+)", match["rest"])
            tag = (match["tag"] or "div").lower()
            attributes = (f' id="{ids[0]}"' if ids else "") + (
                f' class="{" ".join(classes)}"' if classes else ""
            )
            if len(ids) > 1:
                chain = []
                break
            chain.append((f"<{tag}{attributes}>", f"</{tag}>"))
        if chain:
            chains.append(chain)
    return chains


def _wrap(chain: Sequence[_Element], inner: str) -> str:
    return "".join(open_ for open_, _ in chain) + inner + "".join(close for _, close in reversed(chain))


def _page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>{head}</title></head><body><h1>{head}</h1>{body}</body></html>"


@attrs.frozen
class _Plan:
    """How to build a page that one layout reads: its markers, body and paragraph elements, and the
    boilerplate elements (one per ``remove`` selector that could be built and checked)."""

    layout: str
    markers: str
    body: list[_Element]
    paragraph: list[_Element]
    boilerplate: tuple[tuple[str, str], ...]  # (element with {text} in it, its selector)


def _plan(layout: HtmlLayout, layouts: Sequence[HtmlLayout]) -> _Plan | None:
    markers = ""
    for selector in layout.markers:
        chains = _alternatives(selector)
        if chains:
            markers = _wrap(chains[0], "")
            break
    paragraph_chains = [
        chain
        for chain in _alternatives(layout.paragraphs)
        if chain[-1][0].split(" ")[0].strip("<>") in _TEXT_TAGS
    ]
    if not paragraph_chains:
        return None
    paragraph = paragraph_chains[0]
    if paragraph[-1][0].startswith("<li") and len(paragraph) == 1:
        paragraph = [("<ul>", "</ul>"), *paragraph]
    probe = "Probe words of one story paragraph here."
    for body_selector in layout.body:
        for body in _alternatives(body_selector):
            html = _page("Probe", _wrap(body, _wrap(paragraph, probe)) + markers)
            tree = LexborHTMLParser(html)
            if choose_layout(layouts, tree, None) is not layout:
                continue
            node = next((tree.css_first(s) for s in layout.body if tree.css_first(s) is not None), None)
            if node is None or probe not in (node.text() or ""):
                continue
            if [n.text(deep=True).strip() for n in node.css(layout.paragraphs)] != [probe]:
                continue
            pieces = []
            for selector in layout.remove:
                for chain in _alternatives(selector):
                    inner = (
                        "{text}" if chain[-1][0].split(" ")[0].strip("<>") in _TEXT_TAGS else "<p>{text}</p>"
                    )
                    piece = _wrap(chain, inner)
                    filled = _wrap(paragraph[:-1], piece.format(text="Boilerplate"))
                    check = LexborHTMLParser(_page("Probe", _wrap(body, filled) + markers))
                    found = next(
                        (check.css_first(s) for s in layout.body if check.css_first(s) is not None), None
                    )
                    if found is not None and any(
                        "Boilerplate" in (n.text() or "") for n in found.css(selector)
                    ):
                        pieces.append((piece, selector))
                        break
            return _Plan(layout.name, markers, body, paragraph, tuple(pieces))
    return None


def html_with_boilerplate(layouts: Sequence[HtmlLayout], *, max_paragraphs: int = 8) -> Any:
    """A hypothesis strategy of :class:`GeneratedHtmlPage`: pages of one of ``layouts`` (an
    ``OutletPlugin``'s ``layouts``) with random story paragraphs, and an element for each of the
    layout's ``remove`` selectors placed at random between them; a reading by that layout gives
    exactly the story.

    The pages are built from the selectors themselves, so only selectors made of tags, ids and classes
    (``article.story div.body > p``) can be built; attribute selectors and pseudo-classes are left out
    of the pages (a layout is tested when its ``body`` and ``paragraphs`` can be built, and each
    built page is checked to be chosen and read as that layout before it is used). ``()`` (an outlet
    without layouts) gives a strategy with no examples: skip that test, as the scaffold's does. When
    none of the layouts can be built, drawing raises a ``LayoutError`` that names them.
    """
    from hypothesis import strategies as st

    if not layouts:
        return st.nothing()
    # Deferred: the layouts are examined when the test first draws, so that a layout that cannot be
    # built fails that test alone, not the collection of its module.
    return st.deferred(lambda: _html_pages(tuple(layouts), max_paragraphs))


def _html_pages(layouts: tuple[HtmlLayout, ...], max_paragraphs: int) -> Any:
    from hypothesis import strategies as st

    from newsparse.errors import LayoutError

    plans = [plan for plan in (_plan(layout, layouts) for layout in layouts) if plan is not None]
    if not plans:
        names = ", ".join(repr(layout.name) for layout in layouts)
        raise LayoutError(
            f"html_with_boilerplate: no page can be built for layouts {names}: their body and paragraph "
            "selectors need a form made of tags, ids and classes (div.story > p)"
        )

    def words(low: int, high: int) -> Any:
        def make(seed: int) -> str:
            rng = random.Random(seed)
            return " ".join(rng.choices(STORY_WORDS, k=rng.randint(low, high))).capitalize() + "."

        return st.integers(0, 2**32 - 1).map(make)

    paragraph_text = st.lists(words(8, 20), min_size=1, max_size=3).map(" ".join)

    @st.composite
    def build(draw: Any) -> GeneratedHtmlPage:
        plan = draw(st.sampled_from(plans))
        body = draw(st.lists(paragraph_text, min_size=1, max_size=max_paragraphs))
        slots: list[list[str]] = [[] for _ in range(len(body) + 1)]
        boilerplate = []
        if plan.boilerplate:
            for index, (piece, selector) in enumerate(
                draw(st.lists(st.sampled_from(plan.boilerplate), max_size=4))
            ):
                text = f"Subscribe to the newsletter {index} ({selector}) and share this advert."
                boilerplate.append(text)
                slots[draw(st.integers(0, len(body)))].append(piece.format(text=text))
        wrapper, element = plan.paragraph[:-1], plan.paragraph[-1]
        inner = []
        for index, text in enumerate(body):
            inner.extend(slots[index])
            inner.append(_wrap([element], text))
        inner.extend(slots[-1])
        html = _page("A headline", _wrap(plan.body, _wrap(wrapper, "".join(inner))) + plan.markers)
        return GeneratedHtmlPage(
            html=html, layout=plan.layout, paragraphs=tuple(body), boilerplate=tuple(boilerplate)
        )

    return build()
