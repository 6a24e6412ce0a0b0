"""Every case in tests/outlets/cases/<outlet>/: the five seeds, each with the article a reader expects
from it, and one constructed HTML page per outlet (see test_html.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsparse.pipeline import Pipeline
from newsparse.testing import Case, case_params, check_case, load_cases

CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("case", case_params(CASES))
def test_seed_case(case: Case, pipeline: Pipeline) -> None:
    article = check_case(case, pipeline)
    # The case folder names the plugin that must have read the page.
    assert article.plugin == case.name.split("/")[0]


def test_every_seed_has_a_case() -> None:
    seeds = {path.name for path in (CASES.parents[2] / "seeds").glob("*.txt")}
    assert seeds <= {case.page.name for case in load_cases(CASES)}
