"""Events: who did what to whom, when, from trigger words, entities and time expressions.

No part-of-speech tagger is available (no downloaded NLTK models), so events are found by rules
over tokens, the entities table and the timexes table:

* **Triggers** come from ``data/event_triggers.tsv``: inflected verb forms (`sanctioned`,
  `canceled`/`cancelled`, `pointed out`), light verbs that take their class from an event noun
  (`launched an operation`, `an embargo ... was introduced`), classes and CAMEO-like codes
  from ``data/event_classes.tsv``. A form after a determiner (`the attack`) is a noun, not a
  verb; a verb after `to` is an infinitive complement and skipped; triggers inside quotation
  marks are the speaker's words, not reported events, and skipped; `stop` phrases (`seized
  on`) are not events. Event nouns are events only after an ordering cue (`following Iran's
  attack on Israel`: actor the possessor), where they carry the ordering constraint.
* **Clauses**: a sentence is cut at subordinators (`after`, `which`, `that`, ...) and `;`/`:`;
  a subordinate clause runs to the next comma or the end of the sentence.
* **Actors**: the entity group nearest before the trigger in its clause (a coordinated list
  `France, Britain, and Germany` is one group; groups governed by a preposition such as `of`
  are passed over when another exists; after `including` the listed members act). A verb
  coordinated with the previous one (`... sanctioned X and removed Y`) shares its actors.
  Passives (`was introduced by X`) take the `by` group as actors and the subject as targets;
  `he`/`she` resolve to the last person named; a statement whose subject is not an entity takes
  the speaker of a quote in the same sentence. A person who `attacked` no place criticised
  (`Trump attacked Clinton`): class criticism, not military.
* **Targets**: entity groups after the trigger up to the clause end, the direct object and
  groups after `to`, `against`, `with`, `on`, `into`, `toward(s)`, `upon`; places after `in`,
  `at`, ... are locations, not targets.
* **Time** (``dated_by``): ``timex`` the nearest adverbial date (`in 2019`, `On December 27,
  2021`, `last week`; not a date inside quotes or a noun modifier like `goals for 2023`) in the
  trigger's clause (main-clause dates do not date subordinate clauses); else ``article_date``
  for statements and for events of the lead sentence (the news of the day) that are neither
  hypothetical nor negated; else ``ordering`` when `after`/`before`/`following` ties it to
  another event of the article (``after_event``/``before_event``; the known bound of that
  event is copied); else ``none``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import itemgetter

import pandas as pd

from .document import Document
from .tables import frame
from .text import split_sentences, tokenize

Token = tuple[int, int, str]
_START, _END = itemgetter(0), itemgetter(1)  # of a token

# Words that open a subordinate or relative clause (cut the actor and target search there).
SUBORDINATORS = frozenset(
    "after before following because while when whereas although though which who whom whose "
    "that if unless until since where as but".split()
)
_CLAUSE_PUNCT = frozenset(";:—–()[]")
# Marks that end the search for actors or targets, as subordinators do.
_BOUNDARY_MARKS = _CLAUSE_PUNCT | {'"', "“", "”", "«", "»"}
# The words that may be a boundary (if not quoted, no other token is one).
_BOUNDARY_WORDS = _BOUNDARY_MARKS | SUBORDINATORS
# The words that may change the clause number (see :attr:`_Sentence.clause`).
_CLAUSE_MARKS = SUBORDINATORS | _CLAUSE_PUNCT | {",", ";"}
ORDERING_CUES = {"after": "after", "following": "after", "before": "before"}
# Prepositions whose object is a target of the event; other prepositions (of, in, at, from,
# for, ...) introduce modifiers and places.
TARGET_PREPS = frozenset("to against with on into toward towards upon".split())
_OTHER_PREPS = (
    "of in at from for by during near under over about across between among than like within "
    "through throughout without inside outside around"
)
PREPOSITIONS = frozenset(_OTHER_PREPS.split()) | TARGET_PREPS
GERUND_PREPS = frozenset("of for about from without against by in on".split())
LIST_CUES = frozenset("including namely like".split())  # `countries, including France, ...`
DETERMINERS = frozenset(
    "the a an this that these those its his her their our my your some any no new such "
    "'s ’s".split()
)
BE_FORMS = frozenset("is are was were be been being".split())
MODALS = frozenset("will would could may might should must can shall 'll".split())
NEGATIONS = frozenset({"not", "never", "no"})
ADVERBS = frozenset(
    "also then later subsequently again already recently previously has have had jointly "
    "reportedly officially formally finally just allegedly".split()
)
# Words :func:`_skip_back` passes over from a trigger: its modifiers (to the word showing a
# verb), with a comma (to a coordinating `and`), with auxiliaries (to the end of the subject:
# `X has not been sanctioned`).
_MODIFIERS = ADVERBS | NEGATIONS
_MODIFIERS_OR_COMMA = _MODIFIERS | {","}
_AUXILIARIES = _MODIFIERS | BE_FORMS | MODALS
# Words skipped between an ordering cue and its event noun (`after the new invasion`).
_NOUN_MODIFIERS = DETERMINERS | {"military", "new"}
PERSON_PRONOUNS = frozenset({"he", "she"})
SUBJECT_PRONOUNS = frozenset("i we you he she it they who which".split())
_QUOTE_OPEN = "“„‟〝«"
_QUOTE_CLOSE = "”〞»"
# A quotation: an opening mark (or `"`) and the next quotation mark if it closes (a closing mark
# or `"`), in one paragraph (no blank line between). An opening mark followed by another one
# is not a quotation, the other may start one.
_QUOTATION = re.compile(
    "[" + re.escape(_QUOTE_OPEN) + '"]'
    "[^" + re.escape(_QUOTE_OPEN + _QUOTE_CLOSE) + '"\n]*'
    "(?:\n(?!\n)[^" + re.escape(_QUOTE_OPEN + _QUOTE_CLOSE) + '"\n]*)*'
    "[" + re.escape(_QUOTE_CLOSE) + '"]'
)
# The same in a text of ASCII characters, where the only quotation mark is `"`: found faster,
# as one character to look for instead of a set of them.
_ASCII_QUOTATION = re.compile('"[^"\n]*(?:\n(?!\n)[^"\n]*)*"')
# Temporal prepositions that make a date an adverbial of the clause (`in 2019`).
TIME_PREPS = frozenset("in on at during since by until till from through throughout".split())
DEICTIC_STARTS = frozenset(
    "yesterday today tonight tomorrow last next this earlier later recently".split()
)


# --------------------------------------------------------------------------------------------
# The lexicon


@dataclass(frozen=True)
class EventClass:
    name: str
    cameo: str | None
    quad_class: int | None
    meaning: str


@dataclass(frozen=True)
class Trigger:
    kind: str  # verb, light, noun
    words: tuple[str, ...]  # one form, lower case, split into words
    action: str  # base form, used in labels
    event_class: str | None  # None for a light verb without a default class


def _data_rows(name: str) -> list[list[str]]:
    data = resources.files("analysis").joinpath(f"data/{name}").read_text("utf-8")
    return [
        line.split("\t")
        for line in data.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@lru_cache(maxsize=1)
def event_classes() -> dict[str, EventClass]:
    """The documented event classes (``data/event_classes.tsv``), by name."""
    out = {}
    for name, cameo, quad, meaning in _data_rows("event_classes.tsv"):
        out[name] = EventClass(
            name,
            None if cameo == "-" else cameo,
            None if quad == "-" else int(quad),
            meaning,
        )
    return out


@lru_cache(maxsize=1)
def triggers() -> dict[str, dict[tuple[str, ...], Trigger]]:
    """Trigger forms by kind (verb, light, noun, stop), keyed by their lower-case words."""
    kinds = ("verb", "light", "noun", "stop")
    out: dict[str, dict[tuple[str, ...], Trigger]] = {k: {} for k in kinds}
    classes = event_classes()
    for kind, forms, cls in _data_rows("event_triggers.tsv"):
        variants = [f.strip().lower() for f in forms.split("|") if f.strip()]
        if cls.startswith("@noun"):
            cls = cls.partition("/")[2] or ""
        if cls == "-":
            cls = ""
        if cls and cls not in classes:
            raise ValueError(f"event_triggers.tsv: unknown class {cls!r} (see event_classes.tsv)")
        for form in variants:
            words = tuple(form.split())
            out[kind].setdefault(words, Trigger(kind, words, variants[0], cls or None))
    return out


_Forms = tuple[Trigger | None, Trigger | None, Trigger | None]
_NO_FORMS: _Forms = (None, None, None)


@lru_cache(maxsize=1)
def _forms() -> dict[tuple[str, ...], _Forms]:
    """The stop phrase, light verb and verb forms by their words, in one table."""
    table = triggers()
    kinds = (table["stop"], table["light"], table["verb"])
    return {words: tuple(k.get(words) for k in kinds) for words in set().union(*kinds)}


@lru_cache(maxsize=1)
def _scanned_words() -> frozenset[str]:
    """The words :func:`_scan` looks at: first words of stop phrases, light verb and verb forms,
    and ordering cues."""
    return frozenset(words[0] for words in _forms()) | frozenset(ORDERING_CUES)


@lru_cache(maxsize=1)
def _event_starts() -> frozenset[str]:
    """Words an event can start from: the first word of a verb or light verb form, or an ordering
    cue before an event noun (:func:`_nominal_events`). A sentence with none of them has no
    events (nouns and stop phrases alone make none)."""
    table = triggers()
    verbs = (words[0] for kind in ("verb", "light") for words in table[kind])
    return frozenset(verbs) | frozenset(ORDERING_CUES)


# --------------------------------------------------------------------------------------------
# One sentence


@dataclass(slots=True)
class _Event:
    sentence_id: int
    start: int
    end: int
    tok: int  # token index of the trigger's first word
    tok_end: int  # token index after the trigger
    trigger: Trigger
    event_class: str
    action: str
    passive: bool = False
    noun_left: bool = False  # light verb whose noun is its passive subject
    obj_start: int = 0  # token where the objects may start (a light verb's noun included)
    actors: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    subject_word: str = ""  # the word just before the trigger (a pronoun subject?)
    nominal: bool = False  # an event noun after an ordering cue (`after Iran's attack`)
    after: int | None = None  # index of the event this one follows
    before: int | None = None


class _Marks:
    """Per-article lookups shared by its sentences: entities sorted by start, and the quoted
    character ranges merged into disjoint sorted spans (so both are found by bisection)."""

    def __init__(self, entities: list[dict], quoted: list[tuple[int, int]]):
        self.entities = sorted(entities, key=lambda e: e["start"])
        self.entity_starts = [e["start"] for e in self.entities]
        merged: list[tuple[int, int]] = []
        for qs, qe in sorted(q for q in quoted if q[0] < q[1]):
            if merged and qs <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], qe))
            else:
                merged.append((qs, qe))
        self.quoted = merged
        self.quote_starts = [qs for qs, _ in merged]

    def entities_in(self, start: int, end: int) -> list[dict]:
        """Entities starting in ``[start, end)``, by start (ties in table order)."""
        lo = bisect_left(self.entity_starts, start)
        return self.entities[lo : bisect_left(self.entity_starts, end, lo)]

    def last_person_before(self, offset: int) -> dict | None:
        """The person entity ending by ``offset`` that starts last (the first in table order on
        a tie), if any. Entities end after they start, so only those starting by ``offset``
        are looked at, from the last back."""
        best = None
        for k in range(bisect_right(self.entity_starts, offset) - 1, -1, -1):
            ent = self.entities[k]
            if best is not None and ent["start"] < best["start"]:
                break
            if ent.get("label") == "PERSON" and ent["end"] <= offset:
                best = ent  # an earlier one of the same start comes first in table order
        return best

    def quoted_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quoted spans overlapping ``[start, end)``."""
        lo = max(0, bisect_right(self.quote_starts, start) - 1)
        hi = bisect_left(self.quote_starts, end, lo)
        return [q for q in self.quoted[lo:hi] if q[1] > start]


def _token_from(tokens: list[Token], offset: int, lo: int = 0) -> int:
    """Index of the first token starting at or after character ``offset``."""
    return bisect_left(tokens, offset, lo, key=_START)


def _token_ending_after(tokens: list[Token], offset: int) -> int:
    """Index of the first token ending after character ``offset``."""
    return bisect_right(tokens, offset, key=_END)


class _Sentence:
    """Tokens of one sentence with entity and quotation marks, and its clause numbering."""

    def __init__(
        self, sent: dict, tokens: list[Token], lower: list[str], cues: list[int], marks: _Marks
    ):
        self.sentence_id = int(sent["sentence_id"])
        self.tokens = tokens
        self.lower = lower  # the tokens in lower case
        n = len(self.tokens)
        self.entities = marks.entities_in(sent["start"], sent["end"])
        entity_at: list[int | None] = [None] * n  # index into self.entities
        for k, ent in enumerate(self.entities):
            # the tokens overlapping the entity; an earlier entity keeps a shared token
            first = _token_ending_after(tokens, ent["start"])
            for i in range(first, _token_from(tokens, ent["end"], first)):
                if entity_at[i] is None:
                    entity_at[i] = k
        self.entity_at = entity_at
        self.quoted = [False] * n  # whether the token starts inside quotation marks
        for qs, qe in marks.quoted_in(sent["start"], sent["end"]):
            first, end = _token_from(tokens, qs), _token_from(tokens, qe)
            self.quoted[first:end] = [True] * (end - first)
        self.cues = cues  # the tokens that are ordering cues (`after`, `before`, `following`)
        self._clause: list[int] | None = None  # see :attr:`clause`

    @property
    def clause(self) -> list[int]:
        """Clause number per token: 0 for the main clause, k > 0 for the k-th subordinate.

        Made on first use: only events ordered by a cue or dated by a time expression need it."""
        if self._clause is None:
            self._clause = self._clauses()
        return self._clause

    def _clauses(self) -> list[int]:
        """:attr:`clause`, from the tokens that may change it (few), filling the runs between."""
        lower = self.lower
        out: list[int] = []  # filled up to each token that changes the clause
        current, n_sub, in_sub = 0, 0, False
        for i in [i for i, w in enumerate(lower) if w in _CLAUSE_MARKS]:
            w = lower[i]
            if w in SUBORDINATORS and self.is_subordinator(i):
                n_sub += 1
                new, in_sub = n_sub, True
            elif in_sub and w in {",", ";"}:
                new, in_sub = 0, False
            elif w in _CLAUSE_PUNCT:
                n_sub += 1
                new, in_sub = n_sub, False
            else:
                continue
            out += [current] * (i - len(out))
            current = new
        out += [current] * (len(lower) - len(out))
        return out

    def is_subordinator(self, i: int) -> bool:
        w = self.lower[i]
        if w not in SUBORDINATORS or self.entity_at[i] is not None:
            return False
        prev = self.lower[i - 1] if i else ""
        if w == "as" and prev in {"such", "well", "as"}:
            return False
        if w == "as" and i + 1 < len(self.lower) and self.lower[i + 1] in {"well", "part"}:
            return False
        return not (w == "that" and prev in {"so", "such"})

    def is_boundary(self, i: int) -> bool:
        """Whether token ``i`` ends the search for actors or targets."""
        w = self.lower[i]
        return (
            w in _BOUNDARY_MARKS
            or self.quoted[i]
            or (w in SUBORDINATORS and self.is_subordinator(i))
        )

    def groups(self, lo: int, hi: int) -> list[tuple[int, int, list[int]]]:
        """Entity groups in tokens ``[lo, hi)``: ``(first token, end token, entity indexes)``.

        Entities joined by `,`, `and`, `or`, `'s` (possibly `, and`) form one group.
        """
        out: list[tuple[int, int, list[int]]] = []
        i = lo
        while i < hi:
            k = self.entity_at[i]
            if k is None:
                i += 1
                continue
            first, members = i, []
            while i < hi:
                k = self.entity_at[i]
                if k is None:
                    break
                if k not in members:
                    members.append(k)
                while i < hi and self.entity_at[i] == k:
                    i += 1
                j = i
                while j < hi and self.lower[j] in {",", "and", "or", "&", "'s", "’s"}:
                    j += 1
                if j > i and j < hi and self.entity_at[j] is not None:
                    i = j
                else:
                    break
            out.append((first, i, members))
        return out

    def governing_prep(self, first: int, lo: int) -> str | None:
        """The preposition (or list cue) governing an entity group starting at ``first``."""
        j = first - 1
        skipped = 0
        while j >= lo and skipped <= 3:
            w = self.lower[j]
            if w in PREPOSITIONS or w in LIST_CUES:
                return w
            if self.entity_at[j] is not None or not w.isalpha() or self.tokens[j][2][0].isupper():
                return None
            skipped += 1
            j -= 1
        return None


def _quoted_ranges(text: str, start: int, quotes: list[dict]) -> list[tuple[int, int]]:
    """Spans inside quotation marks: the quotes table's direct quotes plus paired marks."""
    spans = [
        (int(q["start"]), int(q["end"]))
        for q in quotes
        if q.get("kind") in ("direct", "partial", "title") and q.get("start") is not None
    ]
    # Pair marks per paragraph ourselves too: a closing straight `"` may end a curly `“`.
    quotation = _ASCII_QUOTATION if text.isascii() else _QUOTATION
    spans += [m.span() for m in quotation.finditer(text, start)]
    return spans


def _match_form(sent: _Sentence, i: int, table: dict) -> Trigger | None:
    for n in (2, 1):
        words = tuple(sent.lower[i : i + n])
        if len(words) == n and words in table:
            return table[words]
    return None


def _find_noun(sent: _Sentence, lo: int, hi: int, step: int) -> tuple[int, Trigger] | None:
    """An event noun (or a LAW entity) between ``lo`` and ``hi``, scanning in ``step``."""
    nouns = triggers()["noun"]
    rng = range(lo, hi) if step > 0 else range(hi - 1, lo - 1, -1)
    for i in rng:
        if sent.is_boundary(i) or sent.lower[i] in {",", "."}:
            return None
        k = sent.entity_at[i]
        if k is not None and sent.entities[k].get("label") == "LAW":
            last = i
            while last + 1 < len(sent.tokens) and sent.entity_at[last + 1] == k:
                last += 1
            return last, Trigger("noun", ("act",), "act", "legal")
        trig = _match_form(sent, i, nouns)
        if trig is not None:
            return i, trig
    return None


def _ambiguous_form(trig: Trigger) -> bool:
    """A base or `-s` form (`embargo`, `supplies`, `attacks`) that may as well be a noun."""
    word = trig.words[0]
    return word == trig.action.split()[0] or (word.endswith("s") and not word.endswith("ed"))


def _verb_context(sent: _Sentence, i: int) -> bool:
    """Whether the word before an ambiguous form shows a verb: a subject entity or pronoun, an
    auxiliary or modal (`the US sanctions`, `they attack`, `will impose`)."""
    j = _skip_back(sent, i, _MODIFIERS)
    if j < 0:
        return False
    w = sent.lower[j]
    return (
        sent.entity_at[j] is not None
        or w in SUBJECT_PRONOUNS
        or w in MODALS
        or w in {"do", "does", "did", "not"}
        or w.endswith("n't")
    )


def _skip_back(sent: _Sentence, i: int, words: frozenset) -> int:
    """Index of the first token before ``i`` that is not in ``words`` nor an `-ly` adverb."""
    j = i - 1
    lower = sent.lower
    while j >= 0 and (lower[j] in words or (lower[j].endswith("ly") and _is_adverb(sent, j))):
        j -= 1
    return j


def _is_adverb(sent: _Sentence, j: int) -> bool:
    # `soundly rejected`, `relentlessly attacked`; capitalised words (`Italy`) are names
    w = sent.tokens[j][2]
    return len(w) > 4 and w.endswith("ly") and w.islower()


# A trigger candidate: its token, and the stop phrase, light verb and verb forms starting there.
_Candidate = tuple[int, Trigger | None, Trigger | None, Trigger | None]


def _scan(lower: list[str]) -> tuple[list[_Candidate], list[int]]:
    """Where a trigger may start, judged from the words alone, and the ordering cues.

    The candidates are every stop phrase, and the light verb and verb forms not ruled out by
    the word before them (the tests of :func:`_sentence_events` that need no entities nor
    quotation marks). Other tokens start no event, so a sentence with no verb form here and no
    ordering cue (an event noun may follow one) has no events."""
    forms, scanned = _forms(), _scanned_words()
    candidates: list[_Candidate] = []
    cues: list[int] = []
    for i in [i for i, w in enumerate(lower) if w in scanned]:
        w = lower[i]
        if w in ORDERING_CUES:
            cues.append(i)
        # the forms of one word and of two, the longer first (as :func:`_match_form`)
        one = forms.get((w,), _NO_FORMS)
        two = forms.get((w, lower[i + 1]), _NO_FORMS) if i + 1 < len(lower) else _NO_FORMS
        stop = two[0] or one[0]
        if stop is not None:
            candidates.append((i, stop, None, None))
            continue
        light, verb = two[1] or one[1], two[2] or one[2]
        trig = light or verb
        prev = lower[i - 1] if i else ""
        # a noun after a determiner or possessive (`the attack`, `Russia's attack`), an
        # infinitive (`to attack`)
        if trig is None or prev in DETERMINERS or prev == "to":
            continue
        if trig.words[0].endswith("ing") and prev in GERUND_PREPS:
            continue  # `accused Kyiv of attacking`: a complement, not a reported event
        candidates.append((i, None, light, verb))
    return candidates, cues


def _sentence_events(sent: _Sentence, candidates: list[_Candidate]) -> list[_Event]:
    """The events of a sentence, from its trigger candidates (see :func:`_scan`)."""
    classes = event_classes()
    events: list[_Event] = []
    used: set[int] = set()
    n = len(sent.tokens)
    resume = 0  # the token after the last trigger or stop phrase
    for i, stop, light, verb in candidates:
        if i < resume or sent.quoted[i] or sent.entity_at[i] is not None:
            continue
        if stop is not None:  # `seized on the massacre`, `signed on`: not those events
            resume = i + len(stop.words)
            continue
        trig = light or verb
        if _ambiguous_form(trig) and not _verb_context(sent, i):
            continue  # `covert embargo`, `arms supplies`: a noun here
        width = len(trig.words)
        before = _skip_back(sent, i, _MODIFIERS)
        passive = before >= 0 and sent.lower[before] in BE_FORMS
        start, end, tok_end = sent.tokens[i][0], sent.tokens[i + width - 1][1], i + width
        cls, action, noun_left = trig.event_class, trig.action, False
        if light is not None:
            found = None
            if not passive:
                found = _find_noun(sent, i + width, min(n, i + width + 5), +1)
            if found is None and passive:
                lo = max(0, i - 12)
                found = _find_noun(sent, lo, before + 1, -1)
                noun_left = found is not None
            if found is not None:
                j, noun = found
                cls = noun.event_class
                action = f"{trig.action} {noun.action}"
                if not noun_left:
                    end = sent.tokens[j][1]
                    tok_end = j + 1
                    used.add(j)
            elif verb is not None and verb.event_class:
                cls, action = verb.event_class, verb.action
        if not cls or cls not in classes:
            continue
        ev = _Event(sent.sentence_id, start, end, i, tok_end, trig, cls, action, passive, noun_left)
        ev.obj_start = i + width
        skipped = sent.lower[before + 1 : i]  # adverbs and negations
        ev.negated = any(w in NEGATIONS or w.endswith("n't") for w in skipped) or (
            before >= 0 and sent.lower[before].endswith("n't")
        )
        prev2 = sent.lower[max(0, before - 1) : before + 1]
        ev.hypothetical = not MODALS.isdisjoint(prev2) or bool(
            before >= 0 and sent.lower[before] == "be" and "to" in prev2
        )
        events.append(ev)
        used.update(range(i, tok_end))
        resume = tok_end
    nominal = _nominal_events(sent, used)
    if nominal:
        events = sorted(events + nominal, key=lambda e: e.tok)
    for k in range(len(events)):
        _participants(sent, events, k)
    _ordering(sent, events)
    return events


def _nominal_events(sent: _Sentence, used: set[int]) -> list[_Event]:
    """Event nouns after an ordering cue: `following Iran's attack on Israel`, `after the
    invasion`. Their possessor is the actor; they exist to carry the ordering constraint."""
    nouns = triggers()["noun"]
    out: list[_Event] = []
    n = len(sent.tokens)
    for i in sent.cues:
        if sent.quoted[i] or sent.entity_at[i] is not None:
            continue
        j, actors = i + 1, []
        if j < n and sent.entity_at[j] is not None:
            k = sent.entity_at[j]
            while j < n and sent.entity_at[j] == k:
                j += 1
            if j >= n or sent.lower[j] not in {"'s", "’s"}:
                continue
            actors, j = [sent.entities[k]], j + 1
        skipped = 0
        while j < n and skipped < 3 and sent.lower[j] in _NOUN_MODIFIERS:
            j, skipped = j + 1, skipped + 1
        trig = _match_form(sent, j, nouns) if j < n and j not in used else None
        if trig is None or not trig.event_class:
            continue
        end = j + len(trig.words)
        ev = _Event(sent.sentence_id, sent.tokens[j][0], sent.tokens[end - 1][1], j, end, trig,
                    trig.event_class, trig.action, nominal=True)  # fmt: skip
        ev.obj_start, ev.actors = end, actors
        used.update(range(j, end))
        out.append(ev)
    return out


def _clause_start(sent: _Sentence, events: list[_Event], k: int) -> int:
    """First token of the span where the subject of event ``k`` may be."""
    ev = events[k]
    lo = 0
    lower, quoted = sent.lower, sent.quoted
    for j in range(ev.tok - 1, -1, -1):
        if (quoted[j] or lower[j] in _BOUNDARY_WORDS) and sent.is_boundary(j):
            lo = j + 1
            break
    if k > 0 and events[k - 1].tok_end > lo:
        prev = events[k - 1]
        lo = prev.tok_end
        commas = [j for j in range(prev.tok_end, ev.tok) if sent.lower[j] == ","]
        if commas:  # `invited X to ..., Azernews reports`: the subject is after the comma
            lo = commas[-1] + 1
    return lo


def _clause_end(sent: _Sentence, events: list[_Event], k: int) -> int:
    """Token index after the span where the objects of event ``k`` may be."""
    ev = events[k]
    hi = len(sent.tokens)
    if k + 1 < len(events):
        hi = events[k + 1].tok
    lower, quoted = sent.lower, sent.quoted
    for j in range(ev.tok_end, hi):
        if (quoted[j] or lower[j] in _BOUNDARY_WORDS) and sent.is_boundary(j):
            return j
        if lower[j] == "," and not (
            j > 0 and sent.entity_at[j - 1] is not None and _entity_follows(sent, j + 1, hi)
        ):
            return j
    return hi


def _entity_follows(sent: _Sentence, j: int, hi: int) -> bool:
    while j < hi and sent.lower[j] in {"and", "or"}:
        j += 1
    return j < hi and sent.entity_at[j] is not None


def _coordinated_with_previous(sent: _Sentence, events: list[_Event], k: int) -> bool:
    if k == 0:
        return False
    ev, prev = events[k], events[k - 1]
    j = _skip_back(sent, ev.tok, _MODIFIERS_OR_COMMA)
    return (
        j >= prev.tok_end
        and sent.lower[j] in {"and", "but", "or", "then"}
        and not any(sent.is_subordinator(x) for x in range(prev.tok_end, ev.tok))
    )


def _pick_subject(sent: _Sentence, lo: int, hi: int) -> list[int]:
    groups = sent.groups(lo, hi)
    if not groups:
        return []
    for first, _, members in reversed(groups):
        prep = sent.governing_prep(first, lo)
        if prep is None or prep in LIST_CUES:
            return members
    return groups[-1][2]


def _pick_objects(sent: _Sentence, lo: int, hi: int) -> list[int]:
    out: list[int] = []
    for n, (first, _, members) in enumerate(sent.groups(lo, hi)):
        prep = sent.governing_prep(first, lo)
        if (prep is None and n == 0) or prep in TARGET_PREPS or prep in LIST_CUES:
            out.extend(m for m in members if m not in out)
    return out


def _participants(sent: _Sentence, events: list[_Event], k: int) -> None:
    ev = events[k]
    lo = _clause_start(sent, events, k)
    hi = _clause_end(sent, events, k)
    left_end = _skip_back(sent, ev.tok, _AUXILIARIES) + 1
    if ev.nominal:
        actors = list(ev.actors)
        targets = _pick_objects(sent, ev.obj_start, hi)
    elif ev.passive:
        by = [j for j in range(ev.tok_end, hi) if sent.lower[j] == "by"]
        actors = _pick_objects(sent, by[0] + 1, hi) if by else []
        targets = _pick_subject(sent, lo, left_end)
        if by:
            targets += [t for t in _pick_objects(sent, ev.tok_end, by[0]) if t not in targets]
        else:
            targets += [t for t in _pick_objects(sent, ev.tok_end, hi) if t not in targets]
        if ev.noun_left:  # `an embargo on arms to Turkiye was introduced`: all in the subject
            targets = [
                sent.entity_at[j] for j in range(lo, left_end) if sent.entity_at[j] is not None
            ]
            targets = list(dict.fromkeys(t for t in targets if t not in actors))
    else:
        if _coordinated_with_previous(sent, events, k):
            actors = list(events[k - 1].actors)
        else:
            actors = _pick_subject(sent, lo, left_end)
        targets = _pick_objects(sent, ev.obj_start, hi)
    if actors and isinstance(actors[0], int):
        actors = [sent.entities[a] for a in actors]
    ev.actors = actors
    ev.targets = [sent.entities[t] for t in targets if sent.entities[t] not in actors]
    ev.subject_word = sent.lower[left_end - 1] if left_end > 0 else ""


def _ordering(sent: _Sentence, events: list[_Event]) -> None:
    """`X after Y` / `before Y` / `following Y` between events of one sentence."""
    if not events:
        return
    for i in sent.cues:
        rel = ORDERING_CUES[sent.lower[i]]
        if sent.quoted[i]:
            continue
        sub = [
            k for k, e in enumerate(events) if e.tok > i and sent.clause[e.tok] == sent.clause[i]
        ]
        if not sub:
            continue
        inner = sub[0]
        if any(e.tok < i for e in events):
            main = [k for k, e in enumerate(events) if e.tok < i and sent.clause[e.tok] == 0]
        else:  # fronted: `After Ankara bought X, the US sanctioned ...`
            main = [k for k, e in enumerate(events) if e.tok > i and sent.clause[e.tok] == 0][:1]
        for k in main:
            if rel == "after" and events[k].after is None:
                events[k].after = inner
            elif rel == "before" and events[k].before is None:
                events[k].before = inner


# --------------------------------------------------------------------------------------------
# Time


def _adverbial(text: str, tx: dict, sent: dict) -> bool:
    """Whether a time expression dates its clause (`in 2019`), not a noun (`goals for 2023`)."""
    words = tx["text"].lower().split()
    if not words:
        return False
    if words[0] in TIME_PREPS or words[0] in DEICTIC_STARTS or words[-1] == "ago":
        return True
    before = text[int(sent["start"]) : int(tx["start"])].split()
    if not before:
        return True
    prev = before[-1].lower().strip(",")
    prev2 = before[-2].lower() if len(before) > 1 else ""
    return prev in TIME_PREPS or (prev in {"early", "late", "mid", "later"} and prev2 in TIME_PREPS)


def _missing(value: object) -> bool:
    """``pd.isna`` of one value, without its cost for the usual ones (a Timestamp, NaT, None)."""
    if isinstance(value, pd.Timestamp):  # never NaT (not a Timestamp)
        return False
    if value is None or value is pd.NaT:
        return True
    return bool(pd.isna(value))


def _dated(timexes: list[dict]) -> list[dict]:
    """The dates and times with a known interval (those that can date an event)."""
    return [
        tx
        for tx in timexes
        if tx.get("type") in ("DATE", "TIME") and not _missing(tx.get("interval_start"))
    ]


def _dating(sent: _Sentence, timexes: list[dict], text: str, srec: dict) -> list[tuple[dict, int]]:
    """The time expressions among ``timexes`` (the sentence's, from :func:`_dated`) that can date
    its events, each with its clause: adverbial ones not in quotation marks. The same for every
    event of the sentence, so found once per sentence."""
    out = []
    for tx in timexes:
        idx = _token_ending_after(sent.tokens, tx["start"])
        if idx < len(sent.tokens) and not sent.quoted[idx] and _adverbial(text, tx, srec):
            out.append((tx, sent.clause[idx]))
    return out


def _timex_for(
    sent: _Sentence, ev: _Event, others: list[_Event], dating: list[tuple[dict, int]]
) -> dict | None:
    """The time expression dating ``ev`` among those of its sentence (from :func:`_dating`): one
    in its clause."""
    if not dating:
        return None
    best, best_key = None, None
    clause = sent.clause[ev.tok]
    for tx, tx_clause in dating:
        if tx_clause != clause:
            continue
        # the nearest date with no other trigger in between (that one would own it); on a tie
        # the preceding one (`Also in 2019, X suspended ...`)
        lo, hi = sorted((tx["start"], ev.start))
        crossed = any(lo < o.start < hi for o in others if o is not ev)
        if tx["start"] < ev.start:
            key = (crossed, ev.start - tx["end"], 0)
        else:
            key = (crossed, tx["start"] - ev.end, 1)
        if best_key is None or key < best_key:
            best, best_key = tx, key
    return best


def _lead_sentence(sentences: list[dict]) -> int | None:
    """The first sentence long enough to be the lead (bylines and datelines are short)."""
    for s in sentences:
        if len(str(s["text"]).split()) >= 8:
            return int(s["sentence_id"])
    return None


# --------------------------------------------------------------------------------------------
# The step


def _ids(entities: list[dict]) -> tuple[str | None, str | None]:
    if not entities:
        return None, None
    ids = [str(e.get("entity_id") or e.get("text")) for e in entities]
    names = [str(e.get("canonical_name") or e.get("text")) for e in entities]
    ids, names = list(dict.fromkeys(ids)), list(dict.fromkeys(names))
    return ("|".join(ids) or None, "|".join(names) or None)


def _resolve_pronoun(ev: _Event, marks: _Marks, speakers: list[dict], srec: dict) -> None:
    """Actors for an event with none: the speaker of a quote (``speakers``: the quotes with one)
    in the sentence of a statement, or the person last named before `he` or `she`."""
    if ev.actors:
        return
    if ev.event_class == "statement":
        for q in speakers:
            if srec["start"] <= int(q.get("speaker_start") or -1) < srec["end"]:
                ev.actors = [
                    {"entity_id": q["speaker_id"], "canonical_name": q.get("speaker") or ""}
                ]
                return
    if ev.subject_word in PERSON_PRONOUNS:
        person = marks.last_person_before(ev.start)
        if person is not None:
            ev.actors = [person]


def _verbal_attack(ev: _Event) -> None:
    """`Trump attacked Clinton` is criticism: a person attacking, with no place as target."""
    if ev.action != "attack" or not ev.actors:
        return
    people = all(a.get("label") == "PERSON" for a in ev.actors)
    places = any(t.get("label") in ("GPE", "LOC", "FAC") for t in ev.targets)
    if people and not places:
        ev.event_class = "criticism"


def event_step(doc: Document) -> dict[str, list[dict]]:
    """Event records for one article (see ``SCHEMAS['events']``)."""
    text = doc.text
    sentences = doc.sentences or split_sentences(text, doc.body_start)
    entities = [e for e in doc.entities if e.get("start") is not None]
    marks = _Marks(entities, _quoted_ranges(text, doc.body_start, doc.quotes))
    dated = _dated(doc.timexes)
    event_starts = _event_starts()
    lead = _lead_sentence(sentences)
    speakers = [q for q in doc.quotes if q.get("speaker_id")]
    per_sentence: list[tuple[_Sentence, dict, list[_Event]]] = []
    for srec in sentences:
        tokens = tokenize(text, int(srec["start"]), int(srec["end"]))
        lower = [t[2].lower() for t in tokens]
        if event_starts.isdisjoint(lower):  # no word an event can start from
            continue
        candidates, cues = _scan(lower)
        if not cues and all(stop for _, stop, _, _ in candidates):
            continue  # no verb form nor ordering cue to start an event
        sent = _Sentence(srec, tokens, lower, cues, marks)
        evs = _sentence_events(sent, candidates)
        for ev in evs:
            _resolve_pronoun(ev, marks, speakers, srec)
            _verbal_attack(ev)
        if evs:
            per_sentence.append((sent, srec, evs))
    records: list[dict] = []
    # events another one is ordered against (`... after Ankara bought X`) are background
    referenced: set[tuple[int, int]] = set()
    for _, _, evs in per_sentence:
        for ev in evs:
            for other in (ev.after, ev.before):
                if other is not None:
                    referenced.add((ev.sentence_id, other))
    classes = event_classes()
    day: pd.Timestamp | None = None  # the article date, made on first use
    for sent, srec, evs in per_sentence:
        base = len(records)
        sentence_dates = [tx for tx in dated if srec["start"] <= tx["start"] < srec["end"]]
        dating = _dating(sent, sentence_dates, text, srec)
        for k, ev in enumerate(evs):
            cls = classes[ev.event_class]
            actors, actor_names = _ids(ev.actors)
            targets, target_names = _ids(ev.targets)
            tx = _timex_for(sent, ev, evs, dating)
            rec = {
                "sentence_id": sent.sentence_id,
                "start": ev.start,
                "end": ev.end,
                "trigger": text[ev.start : ev.end],
                "event_class": ev.event_class,
                "action": ev.action,
                "cameo": cls.cameo,
                "quad_class": cls.quad_class,
                "actors": actors,
                "targets": targets,
                "actor_names": actor_names,
                "target_names": target_names,
                "timex_value": None,
                "interval_start": None,
                "interval_end": None,
                "dated_by": "none",
                "after_event": None if ev.after is None else base + ev.after,
                "before_event": None if ev.before is None else base + ev.before,
                "negated": ev.negated,
                "hypothetical": ev.hypothetical,
            }
            if tx is not None:
                rec.update(
                    timex_value=tx.get("value"),
                    interval_start=tx.get("interval_start"),
                    interval_end=tx.get("interval_end"),
                    dated_by="timex",
                )
            elif (
                doc.date is not None
                and not ev.negated
                and not ev.hypothetical
                and rec["after_event"] is None
                and rec["before_event"] is None
                and (ev.sentence_id, k) not in referenced
                and (ev.event_class == "statement" or sent.sentence_id == lead)
            ):
                if day is None:
                    day = pd.Timestamp(doc.date)
                    day_value = day.strftime("%Y-%m-%d")
                rec.update(
                    timex_value=day_value,
                    interval_start=day,
                    interval_end=day,
                    dated_by="article_date",
                )
            records.append(rec)
    _date_by_ordering(records)
    for k, rec in enumerate(records):
        rec["event_id"] = k
    return {"events": records}


def _date_by_ordering(records: list[dict]) -> None:
    """Events tied by `after`/`before` (undated ones) take the other event's known bound.

    `A after B`: A starts no earlier than B starts; B ends no later than A ends.
    """

    def undated(rec: dict) -> bool:
        return rec["dated_by"] in ("none", "ordering")

    for _ in range(2):  # a chain of two links needs two passes
        for rec in records:
            for key, first, later in (("after_event", None, rec), ("before_event", rec, None)):
                k = rec.get(key)
                if k is None:
                    continue
                early, late = (records[k], later) if first is None else (first, records[k])
                if undated(late):
                    late["dated_by"] = "ordering"
                    if early["interval_start"] is not None:
                        late["interval_start"] = early["interval_start"]
                if undated(early):
                    early["dated_by"] = "ordering"
                    if late["interval_end"] is not None:
                        early["interval_end"] = late["interval_end"]


def find_events(text: str, *, date: dt.date | str | None = None) -> pd.DataFrame:
    """The events of one text as a DataFrame (columns of ``SCHEMAS['events']``).

    Runs the sentence, entity, time and quote steps first, then :func:`event_step`.

    >>> df = find_events("On May 2, 2022, France sanctioned Russia.")  # doctest: +SKIP
    >>> df[["trigger", "event_class", "actors", "targets", "timex_value"]]  # doctest: +SKIP
    """
    from .pipeline import analyze_document  # the pipeline imports this module

    if isinstance(date, str):
        date = pd.Timestamp(date).date()
    doc = Document(text=text or "", date=date)
    tables, _ = analyze_document(doc)
    return frame("events", tables.get("events", []))
