"""Mentions -> Events: the merge rules, the merger, the incremental store and the event tables."""
