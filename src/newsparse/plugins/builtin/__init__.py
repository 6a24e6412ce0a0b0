"""Plugins shipped with newsparse, registered through the same entry points as third-party ones."""
