"""The words of the mention extractor, as data: what reports a contact, and what makes a report a
trap (denied, unconfirmed, hoped for, expected, a general promise) or an announced intent.

Three tables side by side: :data:`TRIGGERS` (the contact wordings of CAMEO 040-046, after the verb
patterns of PETRARCH2's ``CAMEO.2.0.txt``, MIT), :data:`NON_CONTACT` (their uses that are no contact,
each row naming the triggers it applies to) and :data:`MODALITY` (the cues that make a report a trap
or an intent, each with the class a reader of the gold would give it). The other patterns say where a
trigger's clause, subject, objects and date end.

Each cue is a regular expression; the extractor (``mentions/extract.py``) and its participant rules
(``mentions/participants.py``) know how to use each one. The words live here, apart from the
algorithm, so that a change of wording is a change of this file only.
"""

from __future__ import annotations

import re

import attrs

from newsparse.vocabulary import Kind, Mode

__all__ = [
    "ABOUT",
    "ACT_IN_SETTING",
    "ACT_NOUNS",
    "AFTER_DROP",
    "AFTER_DROP_ANY",
    "AFTER_INSET",
    "AFTER_INTENT",
    "AIDE_OF",
    "ALONG",
    "AND",
    "ANNOUNCED_WOULD",
    "ANOTHER_OCCASION",
    "ANSWER",
    "BACK_REFERENCE",
    "BARE_VERBS",
    "BEFORE_DROP",
    "BEFORE_DROP_ANY",
    "BEFORE_INTENT",
    "BEFORE_LATER",
    "BETWEEN",
    "DETERMINED",
    "DONE_TO",
    "FIRST_PERSON",
    "FIRST_PERSON_SINGULAR",
    "FRONTED_ADJUNCT",
    "GERUND_AFTER",
    "GERUND_CLAUSE",
    "GROUP_BEFORE",
    "INFINITIVE",
    "INTERVIEW",
    "JOINED",
    "LOCATIVE",
    "LOCATIVE_LIST",
    "MEANWHILE",
    "MODALITY",
    "MODAL_SCOPE",
    "MODE_CUES",
    "NARRATIVE_LATER",
    "NARRATIVE_PRONOUN",
    "NON_CONTACT",
    "NOUN_ARGUMENT",
    "NOUN_USE",
    "OBJECT_STOP",
    "POSSESSOR",
    "PRONOUN_SUBJECT",
    "PROSE_END",
    "QUALIFIES_NOUN",
    "QUESTION",
    "RECIPROCAL",
    "REPORTING_DATE",
    "SAME_AS_BEFORE",
    "SETTING",
    "SHORT_QUOTE",
    "SINCE",
    "SINGULAR",
    "SPEAKER_AFTER",
    "SPEAKER_BEFORE",
    "SPEAKER_VERB",
    "SPEECH_VERB",
    "SPEECH_VERB_BEFORE",
    "SUBCLAUSE",
    "THERE",
    "TRIGGERS",
    "TRIGGER_STEMS",
    "VERB_FORMS",
    "VISITED_BODY",
    "VISIT_BY",
    "WHEN_CLAUSE",
    "WHEN_CLAUSE_END",
    "WHOSE",
    "WITH",
    "WITH_BEFORE",
    "WITH_NEXT",
    "Modality",
    "NonContact",
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
    #: A visit word whose destination must follow it right away ("went to Egypt", never "went to war
    #: with Russia" or "went to court in Paris").
    adjacent: bool = False


def _t(name: str, pattern: str, kind: Kind | None, **options: object) -> Trigger:
    return Trigger(name, re.compile(rf"(?i:\b(?:{pattern}))(?![\w-])"), kind, **options)  # type: ignore[arg-type]


#: In order of precedence: where two overlap, the earlier wins. The wordings follow CAMEO 040-046 (the
#: verb patterns of PETRARCH2's ``CAMEO.2.0.txt``, MIT): meet, hold talks, host, receive, visit, travel
#: to, tour, lead a delegation to, call, telephone, speak by phone, video call, summit, consult.
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
        r"(?:spoke|spoken|speaks?|speaking|talked|talks?|talking)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|"
        r"call(?:ed)?\s+by\s+phone|"
        # "told Putin by telephone", "informed him by phone": the mode is the contact
        r"(?<=\s)by\s+(?:tele)?phone",
        Kind.CALL,
        noun=True,
    ),
    _t(
        "call",
        # "the call", "a brief call", "Trump's July 25 call" (never "a call for", "calls on")
        r"(?<![\w-])(?:a|the|their|this|that|his|her|its|our|my|your|another|[A-Z][\w-]*['’]s)\s+(?:[\w.]+\s+){0,2}calls?"
        r"(?!\s+(?:for|on|off|to|upon)\b)",
        Kind.CALL,
        noun=True,
    ),
    # "Page called Doerr and told him ...": a verb "called" with a capitalised name after it (never
    # "called Trump a liar", "called Monday for ...": see NON_CONTACT "called_names").
    _t("call_verb", r"(?:called|calls|rang)(?=\s+(?-i:[A-Z]))", Kind.CALL),
    _t("negotiation", r"negotiations?|negotiated|negotiating", Kind.MEETING, noun=True, cameo="046"),
    _t("handshake", r"sh(?:ake|akes|aking|ook)\s+hands", Kind.MEETING),
    _t(
        "meeting",
        # "summit" in lower case only: "the United Nations Climate Action Summit" names an occasion.
        r"meetings?|meet|meets|met|talks|(?-i:summits?)|head-to-head|tête-à-tête|"
        r"s(?:at|it|its|itting)\s+down\s+with|face-to-face\s+talks",
        Kind.MEETING,
        noun=True,
    ),
    _t(
        "delegation",
        # "led a delegation to Beijing", "heads a trade delegation to India"
        r"(?:led|leads?|leading|head(?:s|ed|ing)?)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}"
        r"delegations?\s+to",
        Kind.VISIT,
    ),
    _t(
        "visit",
        r"visit|visits|visited|visiting|trips?\s+to|travel(?:s|led|ed|ling|ing)?\s+to|arriv(?:es?|ed)\s+in|"
        r"land(?:s|ed)\s+in|(?:flying|flew|flies)\s+to|tour(?:s|ed|ing)?(?!\s+of\s+duty)|"
        # "took his grandson on a trip there": the country named before in the sentence (THERE)
        r"(?:trips?|travel(?:s|led|ed|ling|ing)?|flying|flew|flies) there",
        Kind.VISIT,
    ),
    # "went to Egypt", "has gone to the United States": a name right after (never "went to bed")
    _t("went_to", r"(?:went|gone) to(?=\s+(?:the\s+)?(?-i:[A-Z]))", Kind.VISIT, adjacent=True),
    _t(
        "host",
        # "received a call" is a call, "received a letter" no contact at all (NON_CONTACT "received_thing")
        r"hosted|hosts|hosting|welcomed|welcomes|received",
        Kind.VISIT,
        cameo="043",
    ),
    _t(
        "talk",
        r"talk|talked|talking|spoke\s+(?:with|to)|spoke|spoken|speaks?\s+(?:with|to)|speaking\s+with|"
        r"conversation|conferred|exchanged\s+views",
        None,
        noun=True,
    ),
    _t(
        "discuss",
        r"discuss|discussed|discusses|discussing|discussions?|consultations|consulted|consults?|consulting",
        None,
        needs_with=True,
    ),
)

_FLAGS = re.IGNORECASE


@attrs.frozen
class NonContact:
    """A non-contact use of a contact word, next to it in the table: the trigger (by name; ``None`` for
    every trigger) with words ``before`` it (in its clause, ending at the trigger) or ``after`` it
    (starting at the trigger's end) that make it no contact -- unless ``unless_after`` matches after it
    ("talked about trade with Xi" is a contact)."""

    name: str
    triggers: frozenset[str] | None
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None
    #: The trigger's own words must be these ("talked" about, not "talks" about).
    word: re.Pattern[str] | None = None

    def applies(self, trigger: str, word: str, before: str, after: str) -> bool:
        if self.triggers is not None and trigger not in self.triggers:
            return False
        if self.word is not None and not self.word.fullmatch(word):
            return False
        if self.before is not None and not self.before.search(before):
            return False
        if self.after is not None and not self.after.search(after):
            return False
        return self.unless_after is None or not self.unless_after.search(after)


def _nc(
    name: str,
    triggers: str | None,
    *,
    before: str | None = None,
    after: str | None = None,
    unless_after: str | None = None,
    word: str | None = None,
) -> NonContact:
    def compiled(pattern: str | None) -> re.Pattern[str] | None:
        return re.compile(pattern, _FLAGS) if pattern is not None else None

    return NonContact(
        name,
        frozenset(triggers.split()) if triggers is not None else None,
        compiled(before),
        compiled(after),
        compiled(unless_after),
        compiled(word),
    )


_MEDIA = (
    r"(?:reporters?|journalists?|(?:the\s+)?press|(?:the\s+)?media|broadcasters?|newspapers?|news\s+agenc\w+|"
    r"podcasts?|interviewers?|(?-i:(?:[A-Z][\w.&-]*\s+){1,3}(?:News|TV|Television|Radio|Times|Post|Journal|"
    r"Magazine|Network|Channel|Broadcasting|Daily|Herald|Tribune|Gazette)))(?![\w-])"
)
_THINGS_RECEIVED = (
    r"calls?|letters?|messages?|texts?|e-?mails?|reports?|briefings?|news|awards?|prizes?|honou?rs?|votes?|"
    r"support|criticism|praise|treatment|funding|money|donations?|payments?|grants?|threats?|warnings?|"
    r"invitations?|requests?|complaints?|offers?|shipments?|deliver(?:y|ies)|approval|backing|sentences?|"
    r"degrees?|doses?|vaccines?|injur\w+|care|information|intelligence|assurances?|guarantees?|notice|word|"
    r"signals?|attention|coverage|applications?|questions?|responses?|repl(?:y|ies)|bribes?|gifts?|"
    r"cop(?:y|ies)|documents?|summons|subpoenas?|nominations?|diagnos[ie]s|medals?|tips?|loans?|aid|"
    r"weapons|arms|ovations?|boos|applause|backlash|feedback|bids?|asylum|permission|clearance|visas?|"
    r"mandates?|pardons?|citations?|recognition|training|education|salar(?:y|ies)|bonus(?:es)?|percent|%"
)
_HOSTED_THING = (
    r"shows?|programm?es?|podcasts?|events?|part(?:y|ies)|fundraisers?|games?|matches|tournaments?|festivals?|"
    r"concerts?|ceremon(?:y|ies)|exhibitions?|conferences?|forums?|olympics|cup|championships?|competitions?|"
    r"webinars?|websites?|servers?|data|files|content|refugees|migrants|troops|bases?|factor(?:y|ies)|"
    r"plants?|headquarters|talks\s+between|services?|platforms?|providers?"
)
_REACTION = (
    r"dismay|criticism|resistance|skepticism|scepticism|opposition|protests?|approval|applause|silence|anger|"
    r"outrage|derision|disbelief|scorn|ridicule|enthusiasm|cheers|boos|indifference|concern|alarm|suspicion|"
    r"hostility|success|failure|demands?|targets?|deadlines?|expectations?|requirements?|criteria|standards?|"
    r"goals?|needs|obligations?|conditions|threshold|quotas?|payments?|resistance|fate|death|end|match"
)

#: Non-contact uses of the contact words: "talked about", "spoke to reporters", "talked of",
#: "participating in a meeting of states parties", "brought China to the negotiating table", "met with
#: dismay", "received a letter", "hosted a show", "called Trump a liar", "visiting officials". A trigger
#: occurrence any row applies to gives no mention.
NON_CONTACT: tuple[NonContact, ...] = (
    _nc(
        "talked_about",
        "talk",
        word=r"talk|talked|talking|spoke|spoken|speaks?|speaking",
        after=r"^\s*(?:about|of|up|down)\b",
        unless_after=r"\bwith\b",
    ),
    _nc(
        "spoke_to_media",
        "talk phone_call video_call",
        after=rf"^\s*(?:(?:to|with)\s+)?(?:(?:a|an|the)\s+)?{_MEDIA}",
    ),
    _nc(
        "meeting_of_a_body",
        "meeting negotiation",
        after=r"^\s+of\s+(?!(?:the\s+)?(?:two|both|three)\b)",
        unless_after=r"\b(?:with|between)\b",
    ),
    _nc(
        "session_of_a_body",
        "meeting negotiation",
        # "a U.N. Security Council emergency meeting", "the NATO summit", "a cabinet meeting"
        before=r"(?:(?-i:\b(?:Council|Assembly|Committee|Commission|Parliament|Congress|Senate|Board|Cabinet|Forum|"
        r"Conference|Group|Union|Organi[sz]ation|Club|Party)|\b[A-Z]{2,}|\bG-?\d+)|\b(?:cabinet|board|council|"
        r"committee|staff|party|caucus|shareholders?|town\s+hall|faculty|team|parliamentary|plenary|"
        r"ministerial|annual|general|emergency|extraordinary))\s+(?:[\w-]+\s+){0,2}$",
        unless_after=r"^[^,;]*\b(?:with|between)\b",
    ),
    _nc("negotiating_table", "negotiation meeting", after=r"^\s+table\b"),
    # "to get the negotiations moving again", "to get talks going", "restart the talks": talks wanted,
    # not held
    _nc(
        "talks_to_start",
        "negotiation meeting",
        word=r"negotiations|talks",
        before=r"\b(?:get|getting|gets|restart\w*|revive|reviving|revived|jump-?start\w*|kick-?start\w*|"
        r"unblock\w*|unstick|unstuck)\s+(?:the\s+|those\s+|these\s+)?(?:[\w-]+\s+)?$",
    ),
    _nc(
        "brought_to_talks",
        "negotiation meeting",
        # "brought China to the negotiating table", "efforts to draw the Taliban into peace talks"
        before=r"\b(?:br(?:ing|ings|inging|ought)|lur(?:e|es|ed|ing)|forc(?:e|es|ed|ing)|push(?:es|ed|ing)?|"
        r"dr(?:aw|aws|awn|awing|ew)|coax\w*|entic\w+)\b[^;]{0,90}\b(?:to|into|back\s+to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    ),
    _nc(
        "met_with_a_reaction",
        "meeting",
        word=r"met|meet|meets|meeting",
        after=rf"^\s+(?:with\s+)?(?:(?:a|an|the|its|their|his|her|some|much|little|widespread|strong|fierce|stiff|"
        rf"broad|mixed|great|international|public|angry|similar|same|tragic|violent|untimely|lowered|raised|"
        rf"reduced|revised|modest|higher|lower|market|consensus|analysts['’]?)\s+)*(?:{_REACTION})\b",
    ),
    _nc(
        "received_thing",
        "host",
        word="received",
        after=rf"^\s+(?:(?:a|an|the|his|her|its|their|\d[\d,.]*|more|less|some|many|no|several|two|three|"
        rf"positive|negative|mixed)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_THINGS_RECEIVED})(?![\w-])",
    ),
    _nc(
        # "received a dozen gold coins": received counts only with a person, office or state after it
        "received_no_one",
        "host",
        word="received",
        # (a demonym or a country's name before the noun is capitalised: "received Chinese officials")
        after=r"^\s+(?!(?:(?:the|a|an|his|her|their|its)\s+)?(?:(?:visiting|newly\s+\w+|top|senior|foreign|former|"
        r"new)\s+)*(?:(?-i:[A-Z])|(?:delegations?|officials?|ministers?|presidents?|"
        r"premiers?|leaders?|envoys?|counterparts?|secretar(?:y|ies)|chancellors?|kings?|queens?|princes?|"
        r"princess|ambassadors?|diplomats?|heads?|guests?|visitors?|dignitar\w+)\b))",
    ),
    _nc(
        "hosted_thing",
        "host",
        after=rf"^\s+(?:(?:a|an|the|his|her|its|their|this|that)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_HOSTED_THING})"
        r"(?![\w-])",
        unless_after=r"^[^,;]*\b(?:for|with|in\s+honou?r\s+of)\b",
    ),
    _nc(
        # "called Trump a liar", "called Monday for a ceasefire", "called China's move reckless"
        "called_names",
        "call_verb",
        after=r"^\s+(?!(?-i:(?:[A-Z][\w.’'-]*\s*)+)(?:,|\.|;|$|\s(?:and|on|in|at|last|this|yesterday|today|to|"
        r"after|before|late|early|from|twice|again|shortly|earlier|later|back|directly|personally|himself|herself|"
        r"by|during|while|when|about|over|who|with|the\s+(?:previous|next)\b|\d)))",
    ),
    _nc(
        # "two scientists we've already met, X and Y": the reader has met them in the text, no contact
        "met_in_the_text",
        "meeting",
        word=r"met",
        before=r"\b(?:we|you)(?:['’]ve|\s+have)\s+(?:already\s+|just\s+|briefly\s+)?$",
    ),
    _nc(
        # "sending their meeting invitations straight to his assistants", "the call logs": the word names
        # a thing of contacts, not a contact
        "contact_as_modifier",
        "meeting call phone_call video_call",
        after=r"^\s+(?:invitations?|invites?|requests?|rooms?|notes|minutes|agendas?|schedules?|logs?|records?|"
        r"transcripts?|centres?|centers?|slots?|links?)\b",
    ),
    _nc(
        # "something called Google Toolbar", "a mission called Europa Clipper": a name given, not a call
        "called_as_named",
        "call_verb",
        word=r"called",
        before=r"\b(?:something|anything|a|an)\s+(?-i:(?:[a-z][\w-]*\s+){0,3})$",
    ),
    _nc(
        # "told visiting Ukraine officials", "the visiting US delegation": a visitor named, not a visit
        "visiting_as_adjective",
        "visit",
        word="visiting",
        before=r"(?:\b(?:the|a|an|his|her|their|its|told|met|meets|meeting|with|received|hosted|welcomed|greeted|"
        r"for|to|and|by))\s*$",
        after=r"^\s+(?-i:[A-Z])|^\s+(?:[\w-]+\s+){0,2}(?:officials?|delegations?|delegates|ministers?|leaders?|"
        r"president|premier|envoys?|dignitar\w+|counterparts?|professors?|scholars?|team|troupe|heads?|"
        r"diplomats?|lawmakers?|senators?)\b",  # (a people's name is capitalised: the first branch)
    ),
    _nc("tour_of_duty", "visit", after=r"^\s+of\s+duty\b"),
)


#: One modality cue: words before the trigger (in its clause) or just after it that make the report an
#: announced intent (``intent``: CAMEO 036) or no contact at all (``drop``), with the class a reader
#: would give it (GOLD.md's trap classes).
@attrs.frozen
class Modality:
    label: str
    where: str  # "before" or "after"
    effect: str  # "drop" or "intent"
    pattern: re.Pattern[str]


def _m(label: str, where: str, effect: str, pattern: str) -> Modality:
    return Modality(label, where, effect, re.compile(pattern, _FLAGS))


#: The modality table. A report with a ``drop`` cue gives no mention; one with an ``intent`` cue (and
#: no ``drop`` cue) is an announced intent (CAMEO 036), never the contact itself.
MODALITY: tuple[Modality, ...] = (
    _m("negated", "before", "drop", r"\b(?:not|never|no|neither|nor|without)\b|n['’]t\b"),
    _m(
        "denied",
        "before",
        "drop",
        r"\b(?:den(?:y|ies|ied|ying)|refus\w+|declin\w+|reject\w+|ruled\s+out|unconfirmed|unable|"
        r"fail(?:s|ed)?\s+to|oppos(?:e|es|ed|ing)|object(?:s|ed|ing)?\s+to|boycott\w*|snubb?\w*)\b",
    ),
    _m(
        "cancelled",
        "before",
        "drop",
        r"\b(?:cancel\w*|called\s+off|postpon\w+|scrapp\w+|reschedul\w+|shelv\w+)\b",
    ),
    _m(
        "hoped",
        "before",
        "drop",
        r"\b(?:hop(?:e|es|ed|ing)|seek\w*|sought|wants?|wanted|wish\w*|eager|looking\s+forward|"
        r"push(?:es|ed|ing)?\s+for|press(?:es|ed|ing)?\s+for|call(?:s|ed)?\s+for|urg\w+|ask(?:s|ed|ing)?\s+for|"
        r"request\w*|demand\w*)\b",
    ),
    _m(
        "expected",
        "before",
        "drop",
        r"\b(?:expect\w*|anticipat\w+|likely|unlikely|rumou?r\w*|possibl\w*|potential\w*|prospect\w*)\b",
    ),
    _m(
        "proposed",
        "before",
        "drop",
        r"\b(?:propos\w+|mooted|offer(?:s|ed|ing)?\s+to|invit\w+|consider\w*|suggest\w*)\b",
    ),
    _m(
        "hypothetical",
        "before",
        "drop",
        r"\b(?:(?-i:may)|might|could|would|should|must|if|whether|unless)\b",
    ),
    _m(
        "habitual",
        "before",
        "drop",
        # "will continue to hold talks", "continue to talk regularly" (but "has continued to talk with" did)
        r"\b(?:continu(?:e|es|ing)\b|maintain\w*|keep\w*|kept|stay\w*\s+in|resum\w+|regular\w*|frequent\w*|future|"
        r"further|more|lines?\s+of|channels?\s+of|usually|often|routinely)\b",
    ),
    _m(
        "planned",
        "before",
        "intent",
        r"\b(?:will|shall|plans?\s+to|planned\s+to|planning\s+to|is\s+to|are\s+to|agreed\s+to|set\s+to|"
        r"due\s+to|scheduled\s+to|intends?\s+to|going\s+to|upcoming|forthcoming|to\s+be\s+held)\b|['’]ll\b",
    ),
    _m(
        "expected",
        "after",
        "drop",
        r"^[^,;.]{0,40}?\b(?:(?:had|has|have)\s+been|is|are|was|were|be|being|remains?|remained)\s+(?:\w+\s+)?"
        r"(?:expected|hoped|planned|mooted|proposed|unconfirmed|not\s+confirmed|cancel\w*|postponed|"
        r"called\s+off|ruled\s+out|denied|possible|likely|unlikely)\b",
    ),
    _m(
        "negated",
        "after",
        "drop",
        r"^[^,;.]{0,30}?\b(?:did\s+not|didn['’]t|never|would\s+(?:happen|take\s+place))\b",
    ),
    _m(
        "habitual",
        "after",
        "drop",
        r"^\s+(?:[\w-]+\s+){0,2}?(?:several|many|numerous|multiple|countless|dozens\s+of)\s+times\b|"
        r"^\s+(?:often|regularly|repeatedly|frequently|routinely)\b|"
        # "visits every single Arab country on a regular basis"
        r"^[^,;.]{0,60}?\bon\s+an?\s+(?:regular|daily|weekly|monthly|yearly|annual|routine|frequent)\s+basis\b",
    ),
    _m(
        # "a meeting Zelenskiy wanted with Trump", "the talks Beijing had sought"
        "hoped",
        "after",
        "drop",
        r"^\s+(?:[\w’'.-]+\s+){1,3}?(?:(?:had|has|have)\s+)?(?:wanted|wants|sought|seeks|requested|requests|"
        r"hoped\s+for|proposed|proposes|demanded|demands|offered|offers|asked\s+for)\b",
    ),
    _m(
        "planned",
        "after",
        "intent",
        r"^[^,;.]{0,40}?\b(?:will\s+(?:take\s+place|be\s+held|happen)|(?:is|are)\s+(?:scheduled|set|due|planned)"
        r"\s+(?:for|to|on|in))\b",
    ),
)

#: Before the trigger, in its clause: the contact did not happen, is doubted, hoped for, expected, or
#: is a general promise to keep in touch. Such a report gives no mention.
BEFORE_DROP: tuple[re.Pattern[str], ...] = tuple(
    m.pattern for m in MODALITY if m.where == "before" and m.effect == "drop"
)

#: Before the trigger: an announced intent to meet (CAMEO 036), never the meeting itself.
BEFORE_INTENT: tuple[re.Pattern[str], ...] = tuple(
    m.pattern for m in MODALITY if m.where == "before" and m.effect == "intent"
)

#: Reported speech that announces what will happen: "the White House said Biden would meet Xi" is an
#: announced intent (its "would" is a "will"), while a bare "Biden would meet Xi if ..." is a hope.
ANNOUNCED_WOULD = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|told\s+[\w ]{1,30}?)\s+(?:that\s+)?"
    r"(?:[\w’'.-]+\s+){1,4}?(?P<would>would)\b",
    _FLAGS,
)

#: Just after the trigger: "the meeting had been expected", "the call did not take place".
AFTER_DROP: tuple[re.Pattern[str], ...] = tuple(
    m.pattern for m in MODALITY if m.where == "after" and m.effect == "drop"
)


def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that matches where one of ``patterns`` (all with :data:`_FLAGS`) does: searched
    once, it stops at the first cue of any of them, where searching each in turn reads a long clause
    once per pattern that is not in it (issue 15: a 16,000-word sentence)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), _FLAGS)


#: :data:`BEFORE_DROP` and :data:`AFTER_DROP` as one pattern each.
BEFORE_DROP_ANY = _any_of(BEFORE_DROP)
AFTER_DROP_ANY = _any_of(AFTER_DROP)

#: Just after the trigger: "the meeting will take place", "talks are scheduled for".
AFTER_INTENT: tuple[re.Pattern[str], ...] = tuple(
    m.pattern for m in MODALITY if m.where == "after" and m.effect == "intent"
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
#: Not after "all": "After all the meetings, he called Doerr" are several contacts, not the one reported.
BACK_REFERENCE = re.compile(r"(?i:(?<!\ball\s)\b(?:the|this|that|their|such)\s+(?:\w+\s+){0,2}$)")
#: After a contact word: "each other", "one another". The word is then a verb whose subject says who took
#: part ("Let the people doing the work talk to each other"), not a noun that refers back.
RECIPROCAL = re.compile(r"(?i:\s+(?:(?:to|with)\s+)?(?:each\s+other|one\s+another)\b)")
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
#: A sentence opening with these words reports what happened at the time of the story just told
#: ("Meanwhile, Hollande ... following talks in Paris with Merkel"): its contact's time is that of the
#: last dated report before it.
MEANWHILE = re.compile(r"(?i:^\W*(?:meanwhile|in\s+the\s+meantime|at\s+the\s+same\s+time)\b\s*,?)")
#: A sentence that opens with a singular subject pronoun carries on the story of the person the
#: sentence before it opens with ("Mongu left his native Cameroon in early May. He flew to Ecuador").
NARRATIVE_PRONOUN = re.compile(r"^\W*(?:He|She)\s")
#: Words of such a sentence that set its act after the one before: its date is not the contact's.
NARRATIVE_LATER = re.compile(
    r"(?i:\b(?:later|then|afterwards?|subsequently|next|eventually|after\s+(?:that|this|which)|until|again|"
    r"returned|back)\b)"
)
#: An act made at a contact ("announced the Phase 1 trade deal during a meeting in the Oval Office
#: with Liu He"): the act's verb, then the setting words just before the contact noun. The article may
#: date the act by its noun elsewhere ("Mr. Trump's Oct. 11 announcement"): :data:`ACT_NOUNS`.
ACT_IN_SETTING = re.compile(
    r"(?i:\b(?P<verb>announced|unveiled|signed|launched|declared)\b[^.;]*?\b(?:during|at|in)\s+"
    r"(?:a|an|the|their|his|her)\s+(?:[\w’'-]+\s+){0,2}$)"
)
#: The noun of each act verb of :data:`ACT_IN_SETTING`.
ACT_NOUNS = {
    "announced": "announcement",
    "unveiled": "unveiling",
    "signed": "signing",
    "launched": "launch",
    "declared": "declaration",
}
#: "to visit China" after a noun is a general statement ("the first official to visit China"), not a
#: report; "plans to visit" is an intent and is caught before this.
INFINITIVE = re.compile(r"(?i:(?<!prior)(?<!prior )\bto\s+$)")
#: The triggers (in lower case) that :data:`INFINITIVE` can turn into a general statement.
BARE_VERBS = frozenset({"visit", "meet", "talk", "discuss", "call"})
#: A country or organisation named after these words is where something happened, not a participant.
LOCATIVE = re.compile(r"(?i:\b(?:in|at|to|from|near|across|inside|of|during|throughout)\s+(?:the\s+)?$)")
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
#: Where a trigger's own clause ends for its participants, even without a comma: "a July 10 meeting at
#: the White House | when Sondland told ...", "Blinken met Xi | after ...".
SUBCLAUSE = re.compile(
    r"(?i:\s(?=(?:when|while|before|after|because|until|whereas|who|whom|which|that|although|though)\s))"
)
#: After a contact's "with", its object ends at a comma or one of these words ("with Xi on Monday",
#: "with Trump at the hotel during the General Assembly").
OBJECT_STOP = re.compile(
    r"(?i:[,;:()]|\b(?:at|in|on|during|for|about|over|to|after|before|since|when|where|that|who|which|while|"
    r"because|as|amid|despite|following|ahead|by|from|near|regarding|concerning|said|says|told|than|"
    r"including|like|but)\b)"
)
#: Just before the trigger: a pronoun or group that is its subject ("when he met Xi", "when the officials
#: from the two countries talked", "their second talks"), naming people of another clause of the sentence.
PRONOUN_SUBJECT = re.compile(
    r"(?i:\b(?:he|she|they|their|both(?:\s+(?:men|women|leaders|sides|ministers|officials))?|"
    r"the\s+(?:two|pair)(?:\s+\w+)?|the\s+(?:officials|leaders|ministers|diplomats|presidents|sides|men|women)"
    r"(?:\s+(?:of|from)\s+(?:the\s+)?(?:two|both)\s+\w+)?)\s+(?:[\w’'-]+\s+){0,2}$)"
)
#: "a top aide to Zelenskiy", "an envoy of Putin": the person named is not the participant; their
#: state is (GOLD.md: unnamed officials of a named state count as that state).
AIDE_OF = re.compile(
    r"(?i:\b(?:aides?|advis[eo]rs?|envoys?|officials?|representatives?|spokes(?:man|woman|person)|emissar(?:y|ies)|"
    r"deput(?:y|ies)|staff(?:ers?)?|assistants?|lawyers?|attorneys?|associates?|allies|ally|loyalists?)\s+"
    r"(?:to|of|for)\s+(?:the\s+)?$)"
)
#: Just before a trigger word: it is a noun ("Zelensky's meetings", "the conversation", "a key
#: September conversation"), whose participants come from its possessor and its with/between words.
NOUN_USE = re.compile(
    r"(?i:(?:\b(?:a|an|the|their|his|her|its|this|that|these|those|our|my|your)|['’]s)\s+(?:[\w.-]+\s+){0,3}$)"
)
#: Between two countries that qualify one noun together ("US, China officials", "US and Chinese
#: diplomats"): a list joiner and nothing else.
JOINED = re.compile(r"(?i:^\s*(?:,|and|&|/|-|–|—|,\s*and)?\s*$)")
#: A country or organisation named in a list after a locative word ("governments in Turkey and Saudi
#: Arabia"): a place too.
LOCATIVE_LIST = re.compile(
    r"\b(?i:in|at|to|from|near|across|inside|during)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s*)+(?:,\s*|\s+and\s+|\s+or\s+)"
    r"(?:the\s+)?$"
)
#: "with" right after the trigger ("met with", "talks with", "calls with other leaders").
WITH_NEXT = re.compile(r"(?i:\s*(?:[\w-]+\s+){0,2}?with\b)")
#: Trigger words that are verbs only: never read as a noun by :data:`NOUN_USE` ("China's foreign minister
#: met ...").
VERB_FORMS = re.compile(
    r"(?i:met|meets?|talk(?:ed|ing)?|spo(?:ke|ken)\b.*|speak(?:s|ing)?\b.*|(?:spoke|talked)\b.*|negotiated|"
    r"conferred|exchanged\s+views|s(?:at|it|its|itting)\s+down\s+with)"
)
#: Right after a noun trigger: the words that bring in its counterpart besides "with" ("a phone call
#: from Biden", "a visit by Xi", "his call to Putin").
NOUN_ARGUMENT = re.compile(r"(?i:\s+(?:[\w-]+\s+)?(?:from|by|to)\b)")
#: Just before a date phrase: a reporting word, so the date is the report's ("said on Tuesday",
#: "testified Tuesday", "the testimony Tuesday"), never that of a contact it reports.
REPORTING_DATE = re.compile(
    r"(?i:\b(?:said|says|told|tells|testified|testifies|testimony|described|describes|announced|announces|"
    r"reported|reports|stated|wrote|writes|added|recalled|revealed|confirmed|disclosed|claimed|insisted|"
    r"acknowledged|admitted|statement|interview|remarks|hearing|deposition|briefing|(?:press|news)\s+conference|"
    r"tweeted|posted|argued|explained|noted|warned)\s+(?:(?:on|late|early|last|this)\s+)?$)"
)
#: Just before a trigger: the contact is where the report was made ("said on Wednesday ... in a phone
#: call with Blinken", "told reporters during the meeting"), so the report's date is the contact's.
SETTING = re.compile(
    r"(?i:\b(?:in|during|at|on|over)\s+(?:a|an|the|their|his|her|its|this|that)\s+(?:[\w.-]+\s+){0,3}$)"
)
#: In the words before a trigger, the last of these opens a noun phrase about a contact that happened
#: ("likely to face questions about Trump's July 25 call"): a modality cue before it is the main verb's,
#: not the contact's.
ABOUT = re.compile(r"(?i:\b(?:about|regarding|concerning|over)\s+)")
#: Where a modality cue before the trigger stops reaching it, besides the clause's own bounds: the end
#: of a fronted subordinate clause ("When the investors could back out, | Page called Doerr"), and an
#: adjunct after a comma ("there were no plans for it leaving, | following talks in Paris with Merkel").
MODAL_SCOPE = re.compile(
    r"(?i:^\s*(?:when|while|after|before|as|since|although|though|because|once|until)\b[^,;]*,\s+|"
    r",\s+(?=(?:following|after|before|during|ahead\s+of|upon)\b))"
)
#: After the last known subject, a list that goes on with a name the reader does not know ("Saban, Meyer
#: and Ohio State's Jim Tressel participated in a conference call"): the subjects read are only part of it.
LIST_GOES_ON = re.compile(r"\s+and\s+(?:[A-Z][\w’'.-]*\s+){1,4}?[A-Z][\w’'.-]*\b")
#: "along with Schumer", "together with his aides": a companion of the subject, not its counterpart.
ALONG = re.compile(r"(?i:\b(?:along|together)\s+$)")
#: A quote short enough to be a phrase of the reporter's, not speech ("had “a brief and
#: inconsequential meeting” with Royce"): its contact words are read. Punctuation inside it, or words of
#: a speaker (I, we, you), make it speech.
SHORT_QUOTE = re.compile(r"^[\"“‘'](?:[^\s.!?,;:]+\s+){0,6}[^\s.!?,;:]+[\"”’']?$")
FIRST_PERSON = re.compile(r"(?i:\b(?:i|we|me|us|my|our|you|your)\b)")
#: A noun trigger that starts with its determiner or possessor ("the July 25 call", "Trump's call").
DETERMINED = re.compile(r"(?i:(?:a|an|the|their|this|that|his|her|its|our|my|your|another|[\w-]+['’]s)\s)")
#: A pronoun subject that names one person ("he met Xi"), unlike "they" or "the two".
SINGULAR = re.compile(r"(?i:(?:he|she)\b)")
#: A visit word that ends with "there" ("a trip there", "travelled there"): where the visitor went is
#: the country named last before it in the sentence ("Duke got serious about China ... after Rogers took
#: his grandson on a trip there").
THERE = re.compile(r"(?i:\bthere$)")
#: After a visit word: its visitor follows ("a trip to Africa by former President Bill Clinton").
VISIT_BY = re.compile(r"(?i:\bby\s+)")
#: Between the last two of a list of names: "and" ("A, B and C", "A and B", "Germany's Schaeuble and
#: Greece's Varoufakis").
AND = re.compile(r"(?i:^\s*,?\s*(?:and|&)\s+(?:(?-i:[A-Z])[\w.-]*['’]s\s+)?$)")
#: Just before a verb trigger: the comma that closes an inset clause ("..., met with Biden").
AFTER_INSET = re.compile(r"(?i:,\s+(?:(?:also|then|later|has|have|had|was|were|is|later|first)\s+){0,2}$)")
#: A paragraph of a question-and-answer interview that asks ("Q. How do you see Egypt's future?",
#: "Q: ...") or answers ("A. I went to Egypt after visiting the U.S. in May.").
QUESTION = re.compile(r"(?:Q|Question)\s?[.:]\s+(?=[A-Z\"“‘'])")
ANSWER = re.compile(r"(?:A|Answer)\s?[.:]\s+(?=[A-Z\"“‘'])")
#: Words that say a page is an interview, in its headline, standfirst or first paragraph.
INTERVIEW = re.compile(
    r"(?i:\binterview\w*|\bQ\s?&\s?A\b|\bin\s+conversation\b|\b(?:spoke|speaks|talked|talks|sat\s+down)\s+"
    r"(?:with|to)\b)"
)
#: The first person singular of a quote's speaker.
FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|[Mm]e|[Mm]y)\b")
_SPEECH = (
    r"(?:said|says|told|tells|wrote|writes|added|adds|recalled|recalls|insisted|explained|declared|tweeted)"
)
#: Between a quote and its speaker named after it: ",” Blinken" / ",” said Blinken".
SPEAKER_AFTER = re.compile(rf"(?i:\s*[,.]?\s*(?:{_SPEECH}\s+)?(?:(?:the\s+)?[\w.-]+\s+){{0,3}}?)")
#: The speech verb after the speaker ("Blinken said") or before it ("said Blinken").
SPEECH_VERB = re.compile(rf"(?i:\s+{_SPEECH}\b)")
SPEECH_VERB_BEFORE = re.compile(rf"(?i:\b{_SPEECH}\s+(?:(?:the\s+)?[\w.-]+\s+){{0,3}}$)")
#: Between a speaker named before a quote and the quote: " said: “", " told reporters, “".
SPEAKER_BEFORE = re.compile(rf"(?i:\s+{_SPEECH}(?:\s+[\w-]+){{0,2}}\s*[:,]?\s*)")
#: Between a visit word and an organisation it visits: nothing but "to the" ("a visit to the IMF").
VISITED_BODY = re.compile(r"(?i:\s+(?:to\s+)?(?:the\s+)?)")
#: Right after a speaker's name: the speech verb ("Wang Yi said", "Sarwar has reportedly said").
SPEAKER_VERB = re.compile(rf"(?i:\s+(?:[\w-]+\s+){{0,2}}?{_SPEECH}\b)")
#: Before "to <verb>": a verb that says the contact happened ("has continued to talk with", "began to
#: meet"), so the infinitive is no general statement (:data:`INFINITIVE`).
DONE_TO = re.compile(r"(?i:\b(?:continued|began|started|managed|went\s+on)\s+to\s+$)")
#: A cheap first look: every trigger's words contain one of these stems, so a sentence without any of
#: them is not searched with :data:`TRIGGERS` one by one (a test checks the stems cover every trigger).
TRIGGER_STEMS = re.compile(
    r"(?i:video|virtual|spok|speak|talk|phone|call|rang|negotiat|shak|shook|meet|met|summit|head-to|t[êe]te|went|gone|"
    r"down\s+with|face-to|delegation|visit|trip|travel|arriv|land|fl[eiy]|tour|host|welcom|receiv|conver|"
    r"confer|exchang|discuss|consult)"
)
#: Between a trigger and the country it was held with: "held talks with (the) ...".
WITH_BEFORE = re.compile(r"(?i:\s+(?:[\w-]+\s+){0,3}?with\s+(?:the\s+)?)")
#: A clause that opens with a conjunction and the trigger as a gerund ("Biden went to Egypt | after
#: visiting India", "before meeting Xi"): its subject is the sentence's.
GERUND_CLAUSE = re.compile(r"(?i:(?:after|before|while|when|since|upon|on)\s+$)")
#: After a trigger, a gerund clause of another contact word ("went to Egypt | after visiting the U.S.
#: in May"): the dates after it are that contact's.
GERUND_AFTER = re.compile(r"(?i:\s(?:after|before|while|since|upon)\s+(?P<verb>\w+ing)\b)")
#: After a trigger, a gerund clause of a later act ("flew to Ecuador, then crossed ... | before arriving in
#: Mexico in early June"): the dates after it are that act's, which the contact came before.
BEFORE_LATER = re.compile(r"(?i:\sbefore\s+\w+ing\b)")
#: Right after a contact noun's own clause: a "when" clause that tells what happened in it ("a July 10
#: meeting at the White House | when Sondland told visiting Ukraine officials ...").
WHEN_CLAUSE = re.compile(r"(?i:\s*when\s+)")
#: Where that "when" clause's subject and objects end: a comma, a dash, or a clause of its own ("they
#: would need to", "that", "before").
WHEN_CLAUSE_END = re.compile(
    r"(?i:[,;:()]|\s[–—-]\s|\b(?:they|he|she|it|we|that|which|who|before|after|because|if|unless|to|about)\b)"
)
#: A possessive pronoun that owns the contact noun, in the trigger's own clause: "his meeting", "her
#: first call", "his abrupt departure from a high-profile meeting" (the contact of "his").
POSSESSOR = re.compile(
    r"(?i:\b(?:his|her)\s+(?:[\w-]+\s+){0,2}?(?:(?:departure|exit|walkout|return|absence|arrival)\s+"
    r"(?:from|to|at)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2})?$)"
)
#: Between a state and the contact noun it qualifies ("the China trade talks", "US-China talks").
QUALIFIES_NOUN = re.compile(r"(?:-|\s+)(?:[a-z][\w-]*\s+){0,2}")
#: A sentence that opens with an adjunct before its subject ("Following a meeting with Zelensky, Johnson
#: said", "After talks with Xi, Biden ..."): the words up to the trigger.
FRONTED_ADJUNCT = re.compile(
    r"(?i:\s*(?:following|after|before|during|since|ahead\s+of|prior\s+to|upon|on|at|in)\s+"
    r"(?:(?:a|an|the|his|her|their|its|this|that)\s+)?(?:[\w.-]+\s+){0,3}$)"
)

#: The offices that "the <head>" refers back with (lower case; "gov." is written before names only).
BACK_REFERENCE_HEADS = ("president", "prime minister", "chancellor", "premier", "governor", "mayor")
_HEADS_LOWER = "|".join(head.replace(" ", r"\s+") for head in BACK_REFERENCE_HEADS)
_HEADS_TITLED = "|".join(
    r"\s+".join(word.capitalize() for word in head.split()) + (r"|Gov\." if head == "governor" else "")
    for head in BACK_REFERENCE_HEADS
)
#: "the president", "the prime minister's": an office named without its country, which refers back to
#: the one person the article named with that title before ("President Donald Trump ... The president
#: announced the deal during a meeting with Liu He"); "the president of Ukraine" names its own country.
OFFICE_BACK_REFERENCE = re.compile(
    rf"\b[Tt]he\s+(?P<head>{_HEADS_LOWER})(?P<possessive>['’]s)?"
    r"(?!\s+of\b)(?![\w-])"
)
#: The title right before a name that makes it the referent of "the <head>" ("President Donald Trump",
#: "U.S. President Donald Trump", "Prime Minister Boris Johnson").
TITLE_BEFORE_NAME = re.compile(rf"\b(?P<head>{_HEADS_TITLED})\s+$")
TITLE_WORD = re.compile(rf"\b(?:{_HEADS_TITLED})\s")
