"""Plain-text captures: the generic line-shape reader and the reader driven by an outlet's
:class:`~newsparse.articles.capture.profile.CaptureProfile`."""
