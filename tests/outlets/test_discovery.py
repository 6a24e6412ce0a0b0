"""The five outlet plugins are installed and found exactly as a third party's would be."""

from __future__ import annotations

import io

from newsparse.cli import main
from newsparse.plugins.host import PluginHost

FIVE = {"almayadeen", "newsaz", "outlookindia", "tagdiv_newspaper", "thestar"}


def test_each_outlet_is_its_own_entry_point_in_one_distribution() -> None:
    host = PluginHost(disabled=())
    infos = {info.name: info for info in host.infos()}
    assert host.load_failures == []
    assert set(infos) >= FIVE
    for name in FIVE:
        assert infos[name].distribution == "newsparse-outlets"
        assert infos[name].version
        assert infos[name].module == f"newsparse_outlets.{name}:PLUGIN"
        assert infos[name].outlets == (name,)


def test_newsparse_plugins_lists_the_five_with_their_versions() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["plugins"], out=out, err=err) == 0
    rows = {line.split("\t")[0]: line for line in out.getvalue().splitlines()}
    for name in FIVE:
        assert "newsparse-outlets 0." in rows[name], rows.get(name)


def test_a_disabled_outlet_plugin_leaves_its_pages_to_the_generic_one() -> None:
    host = PluginHost(disabled=("thestar",))
    assert "thestar" not in {outlet.id for outlet in host.outlets()}
