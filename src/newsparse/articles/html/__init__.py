"""Reading HTML pages: metadata from the standards, and the article body."""
