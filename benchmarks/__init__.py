"""Benchmarks of newsparse against its peers. Run them with ``python -m benchmarks [SECTION...]``.

Each section is a module ``benchmarks/<name>.py`` listed in :data:`benchmarks.__main__.SECTIONS`; it
exposes ``run(options) -> dict`` (JSON-ready results) and ``render(results) -> str`` (the table).
Peers are imported only here, never by the library.
"""
