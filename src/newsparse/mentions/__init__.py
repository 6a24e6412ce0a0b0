"""Article -> Mentions: sentences, contact cues, actors and places from the gazetteer, time
references, participants, and the extractor that puts them together."""
