"""World knowledge as data files that plugins extend (the gazetteer, agency names)."""
