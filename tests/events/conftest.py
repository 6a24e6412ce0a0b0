"""Fixtures shared by the mention tests: the packaged gazetteer and its finders, built once."""

from __future__ import annotations

import pytest

from newsparse.mentions.actors import ActorFinder
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.mentions.places import PlaceFinder


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_data(builtin_data())


@pytest.fixture(scope="session")
def actors(gazetteer: Gazetteer) -> ActorFinder:
    return ActorFinder(gazetteer)


@pytest.fixture(scope="session")
def places(gazetteer: Gazetteer) -> PlaceFinder:
    return PlaceFinder(gazetteer)
