"""Page -> Article: matching a page to its outlet, reading plain-text captures (:mod:`.capture`) and
HTML (:mod:`.html`) into one :class:`~newsparse.articles.reading.Reading`, and building the Article."""
