"""Events: from mentions found in articles to canonical events."""
