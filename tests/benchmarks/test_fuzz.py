"""The fuzz run (benchmarks/fuzz.py, ``tox -e fuzz``) at a tiny size: it passes on the library as it
is, and it fails when a document escapes with an exception or goes over the time budget."""

from __future__ import annotations

import pytest

from benchmarks import fuzz


def test_a_small_fuzz_run_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz.main(["--documents", "40", "--cli-documents", "8", "--trees", "20"]) == 0
    out = capsys.readouterr().out
    assert "40 documents" in out and "command line: 8 documents -> 8 lines" in out and out.endswith("ok\n")


def test_an_exception_out_of_the_pipeline_fails_the_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newsparse

    def broken(self: object, documents: object, **options: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(newsparse.Pipeline, "parse_many", broken)
    assert fuzz.main(["--documents", "5", "--cli-documents", "0", "--trees", "5"]) == 1
    assert "escaped: document 0" in capsys.readouterr().out


def test_a_document_over_the_budget_fails_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz.main(["--documents", "5", "--cli-documents", "0", "--trees", "5", "--budget", "0"]) == 1
    assert "over the 0.0 s budget" in capsys.readouterr().out
