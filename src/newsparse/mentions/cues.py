"""The words of the mention extractor, as data: what reports a contact, and what makes a report a
trap (denied, unconfirmed, hoped for, expected, a general promise) or an announced intent.

Each cue is a regular expression; the extractor (``mentions/extract.py``) and its participant rules
(``mentions/participants.py``) know how to use each one. The words live here, apart from the
algorithm, so that a change of wording is a change of this file only.
"""

from __future__ import annotations

import re

import attrs

from newsparse.vocabulary import Kind, Mode

__all__ = [
    "AFTER_DROP",
    "AFTER_INTENT",
    "ANNOUNCED_WOULD",
    "ANOTHER_OCCASION",
    "BACK_REFERENCE",
    "BARE_VERBS",
    "BEFORE_DROP",
    "BEFORE_INTENT",
    "BETWEEN",
    "GROUP_BEFORE",
    "INFINITIVE",
    "LOCATIVE",
    "MODE_CUES",
    "PROSE_END",
    "SAME_AS_BEFORE",
    "SINCE",
    "TRIGGERS",
    "WHOSE",
    "WITH",
    "Trigger",
]


@attrs.frozen
class Trigger:
    """A word that reports a contact.

    ``kind`` None means the word says that two actors talked but not how ("spoke", "discussed ... with"):
    the extractor takes the kind of another report of the same pair in the article, or calls it a
    meeting. ``noun`` triggers can take "between A and B" and can refer back ("the meeting").
    ``needs_with`` triggers count only with "with <actor>" after them ("discussed X with Wang").
    """

    name: str
    pattern: re.Pattern[str]
    kind: Kind | None
    noun: bool = False
    needs_with: bool = False
    cameo: str | None = None


def _t(name: str, pattern: str, kind: Kind | None, **options: object) -> Trigger:
    return Trigger(name, re.compile(rf"(?i:\b(?:{pattern}))(?![\w-])"), kind, **options)  # type: ignore[arg-type]


#: In order of precedence: where two overlap, the earlier wins.
TRIGGERS: tuple[Trigger, ...] = (
    _t(
        "video_call",
        r"video\s*-?\s*conferenc\w*|video\s+(?:calls?|links?|conversations?|talks|meetings?|summits?)|"
        r"virtual\s+(?:meetings?|summits?|talks|calls?)|(?:spoke|talked)\s+(?:by|via|over)\s+video(?:\s*link)?",
        Kind.VIDEO_CALL,
        noun=True,
    ),
    _t(
        "phone_call",
        r"(?:tele)?phone\s+(?:calls?|conversations?|talks)|(?:tele)?phoned|"
        r"(?:spoke|talked)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|call(?:ed)?\s+by\s+phone",
        Kind.CALL,
        noun=True,
    ),
    _t(
        "call",
        # "the call", "a brief call", "Trump's July 25 call" (never "a call for", "calls on")
        r"(?<![\w-])(?:a|the|their|this|that|[A-Z][\w-]*['’]s)\s+(?:[\w.]+\s+){0,2}calls?"
        r"(?!\s+(?:for|on|off|to|upon)\b)",
        Kind.CALL,
        noun=True,
    ),
    _t("negotiation", r"negotiations?|negotiated|negotiating", Kind.MEETING, noun=True, cameo="046"),
    _t("handshake", r"sh(?:ake|akes|aking|ook)\s+hands", Kind.MEETING),
    _t(
        "meeting",
        # "summit" in lower case only: "the United Nations Climate Action Summit" names an occasion.
        r"meetings?|meet|meets|met|talks|(?-i:summits?)|head-to-head|tête-à-tête|"
        r"sat\s+down\s+with|face-to-face\s+talks",
        Kind.MEETING,
        noun=True,
    ),
    _t(
        "visit",
        r"visit|visits|visited|visiting|trips?\s+to|travel(?:s|led|ed|ling|ing)?\s+to|arriv(?:es?|ed)\s+in|"
        r"land(?:s|ed)\s+in|(?:flying|flew|flies)\s+to",
        Kind.VISIT,
    ),
    _t(
        "host",
        # "received a call" is a call, "received a letter" no contact at all
        r"hosted|hosts|hosting|welcomed|received(?!\s+(?:a|an|the|his|her)\s+(?:\w+\s+)?"
        r"(?:calls?|letters?|messages?|reports?|briefings?))",
        Kind.VISIT,
        cameo="043",
    ),
    _t(
        "talk",
        r"talk|talked|talking|spoke\s+(?:with|to)|spoke|conversation|conferred|exchanged\s+views",
        None,
        noun=True,
    ),
    _t(
        "discuss",
        r"discuss|discussed|discusses|discussing|discussions|consultations|consulted",
        None,
        needs_with=True,
    ),
)

_FLAGS = re.IGNORECASE

#: Before the trigger, in its clause: the contact did not happen, is doubted, hoped for, expected, or
#: is a general promise to keep in touch. Such a report gives no mention.
BEFORE_DROP: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _FLAGS)
    for p in (
        r"\b(?:not|never|no|neither|nor|without)\b|n['’]t\b",
        r"\b(?:den(?:y|ies|ied|ying)|refus\w+|declin\w+|reject\w+|ruled\s+out|cancel\w*|called\s+off|"
        r"postpon\w+|scrapp\w+|unconfirmed|unable|fail(?:s|ed)?\s+to|reschedul\w+)\b",
        r"\b(?:hop(?:e|es|ed|ing)|expect\w*|(?-i:may)|might|could|would|should|possibl\w*|potential\w*|proposed|"
        r"mooted|anticipat\w+|likely|unlikely|rumou?r\w*|seek\w*|sought|wants?|wanted|eager|consider\w*|"
        r"looking\s+forward|call(?:s|ed)?\s+for|urg\w+|if|whether)\b",
        r"\b(?:continu\w+|maintain\w*|keep\w*|kept|stay\w*\s+in|resum\w+|regular|frequent|future|further|"
        r"more|lines?\s+of|channels?\s+of)\b",
    )
)

#: Before the trigger: an announced intent to meet (CAMEO 036), never the meeting itself.
BEFORE_INTENT: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:will|shall|plans?\s+to|planned\s+to|planning\s+to|is\s+to|are\s+to|agreed\s+to|set\s+to|"
        r"due\s+to|scheduled\s+to|intends?\s+to|going\s+to|upcoming|to\s+be\s+held)\b|['’]ll\b",
        _FLAGS,
    ),
)

#: Reported speech that announces what will happen: "the White House said Biden would meet Xi" is an
#: announced intent (its "would" is a "will"), while a bare "Biden would meet Xi if ..." is a hope.
ANNOUNCED_WOULD = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|told\s+[\w ]{1,30}?)\s+(?:that\s+)?"
    r"(?:[\w’'.-]+\s+){1,4}?(?P<would>would)\b",
    _FLAGS,
)

#: Just after the trigger: "the meeting had been expected", "the call did not take place".
AFTER_DROP: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^[^,;.]{0,40}?\b(?:(?:had|has|have)\s+been|is|are|was|were|be|being|remains?|remained)\s+(?:\w+\s+)?"
        r"(?:expected|hoped|planned|mooted|proposed|unconfirmed|not\s+confirmed|cancel\w*|postponed|"
        r"called\s+off|ruled\s+out|denied|possible|likely|unlikely)\b",
        _FLAGS,
    ),
    re.compile(r"^[^,;.]{0,30}?\b(?:did\s+not|didn['’]t|never|would\s+(?:happen|take\s+place))\b", _FLAGS),
)

#: Just after the trigger: "the meeting will take place", "talks are scheduled for".
AFTER_INTENT: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^[^,;.]{0,40}?\b(?:will\s+(?:take\s+place|be\s+held|happen)|(?:is|are)\s+(?:scheduled|set|due|planned)"
        r"\s+(?:for|to|on|in))\b",
        _FLAGS,
    ),
)

#: Words that say how the contact was made, anywhere in the trigger's clause.
MODE_CUES: tuple[tuple[re.Pattern[str], Kind, Mode], ...] = (
    (
        re.compile(r"\b(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b|\bphone\s+call", _FLAGS),
        Kind.CALL,
        Mode.PHONE,
    ),
    (re.compile(r"\bvideo\b|\bvirtual(?:ly)?\b", _FLAGS), Kind.VIDEO_CALL, Mode.VIDEO),
    (re.compile(r"\bin\s+person\b|\bface-to-face\b|\bshook\s+hands\b", _FLAGS), Kind.MEETING, Mode.IN_PERSON),
)

#: A group that names the pair of the sentence before ("The pair spoke", "the two presidents met").
GROUP_BEFORE = re.compile(
    r"\b(?:the\s+pair|the\s+two(?:\s+(?:top|senior|foreign|defen[cs]e))?(?:\s+(?:men|women|leaders|presidents|"
    r"ministers|diplomats|generals|officials|heads\s+of\s+state|sides|chiefs))?|both\s+(?:men|women|leaders|"
    r"ministers|sides)|they)\s+(?:\w+\s+){0,2}$",
    _FLAGS,
)

#: "the meeting", "this call", "their talks": a noun trigger that refers back to a contact already named.
BACK_REFERENCE = re.compile(r"(?i:\b(?:the|this|that|their|such)\s+(?:\w+\s+){0,2}$)")
#: "It was the seventh meeting", "This marked their first talks": the contact just reported, whatever
#: the words between.
SAME_AS_BEFORE = re.compile(
    r"(?i:\b(?:it|this|that)\s+(?:was|is|marked|marks)\s+(?:also\s+)?(?:the|their)\s+"
    r"(?:[\w-]+\s+){0,2}$)"
)
#: Words that set a contact apart from the one the article reports: "the previous round of talks", "their
#: first meeting", "the next call".
ANOTHER_OCCASION = re.compile(
    r"(?i:\b(?:previous|prior|earlier|last|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|\d+(?:st|nd|rd|th)|next|upcoming|future|planned|proposed|possible|potential|expected|former|"
    r"another|other|such)\b)"
)
#: "to visit China" after a noun is a general statement ("the first official to visit China"), not a
#: report; "plans to visit" is an intent and is caught before this.
INFINITIVE = re.compile(r"(?i:(?<!prior)(?<!prior )\bto\s+$)")
#: The triggers (in lower case) that :data:`INFINITIVE` can turn into a general statement.
BARE_VERBS = frozenset({"visit", "meet", "talk", "discuss", "call"})
#: A country or organisation named after these words is where something happened, not a participant.
LOCATIVE = re.compile(r"(?i:\b(?:in|at|to|from|near|across|inside|of)\s+(?:the\s+)?$)")
#: A date after "since" bounds a period ("since Biden took office in January 2021"): not the event's.
SINCE = re.compile(r"(?i:\bsince\b[^,;]*$)")
#: A sentence of running text ends with its punctuation (and perhaps a closing quote or bracket).
PROSE_END = re.compile(r"[.!?][\"'”’)\]]*$")
#: "talks with Wang": the object of a contact follows this word.
WITH = re.compile(r"(?i:\bwith\b)")
#: Just after a noun trigger: "talks between A and B", "a meeting of the two sides between ...".
BETWEEN = re.compile(r"(?i:\s*(?:[\w’'-]+\s+){0,4}?between\b)")
#: A clause that opens with "whose" ("Xi, whose meeting with Biden ...") is about the person before it.
WHOSE = re.compile(r"(?i:whose\b)")
