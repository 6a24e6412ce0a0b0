"""Outlet plugins for newsparse: one module per outlet, each registered as its own entry point."""
