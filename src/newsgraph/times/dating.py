"""Event dating: give every event the date the text says it happened on.

Order of evidence, strongest first:

1. the event is the anchor of a counted phrase ("three years since the invasion");
2. a time expression in the trigger's own clause, else the nearest in the same sentence, an
   event-anchored one ("a day before the visit") taking the date of the event it names
   ("text"); "in the past few days" dates an event to the days before the article;
3. the time the paragraph opened with, in an earlier sentence ("discourse");
4. another mention of the same event: a definite re-mention near it ("The attack was launched
   on Wednesday") whose clause is dated ("discourse", `newsgraph.times.mentions`);
5. a neighbouring sentence that tells of the same event (same type, trigger lemma or
   participant), a few sentences back across paragraphs, so the lead's date carries to its
   follow-up sentences ("discourse");
6. the publication date ("publication"), only for an event the story reports in the simple past
   (or in a headline), outside quotation marks, in a sentence that names no older date and
   does not follow, in its paragraph, a sentence that tells only of the past: a present or
   perfect clause, a speaker's account or a background sentence stays undated.

An event told in the headline or the lead and again further down is the story's own news: its
headline and lead mentions date it by these rules; a later mention ("signed a similar accord in
March 2019": background the events stage may have folded in) only with a date in the article's
own time frame; else the publication day (`_Dater._date_news`).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate
from typing import Any

from newsgraph.annotate import doc_covers
from newsgraph.model import Analysis, DateSource, Event, EventDate, Evidence, Sentence, TimeExpr
from newsgraph.times import calendar as cal
from newsgraph.times import mentions
from newsgraph.times.anchors import find_anchor_event
from newsgraph.times.historical import mark_background
from newsgraph.times.tree import Tree, tree_of

HISTORICAL_MARGIN = dt.timedelta(days=30)
"""A news article's own time frame is about the last month: an event whose dates all end more
than this long before publication is background ("historical"), not news of the day."""

UNBOUNDED_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE"})
"""Mods that leave one side of the range open; such expressions cannot date an event."""

OPENING_CHARS = 30
"""How far into a sentence an expression may start and still open it ("On Feb. 2, ...")."""


VERB_POS = frozenset({"VERB"})
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl"})
"""Clauses that describe a noun ("the plan backed in May", "the man who fled on Monday") or
set another event beside the trigger's ("after the agency recommended it two years ago": see
`_far_bound`)."""

CARRIED_PRECISION = "month"
CARRIED_SPAN_DAYS = 31
"""The loosest date a neighbouring sentence may carry to an event: a month."""

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""Finite verb tags: a quote holding one is a telling of its own, not a quoted label."""

RECENT_DAYS = {"days": 6, "weeks": 27, "months": 89}
"""How far back "in the past few days / weeks / months" reaches from the article's day."""
_RECENT = re.compile(
    r"(?i)^(?:recent|the\s+(?:past|last)\s+(?:few|several|couple\s+of))\s+(days|weeks|months)$"
)


_NO_EVENT = Event("", "CONSULT")
"""Stands in for the event when an expression is resolved for itself (not anchored)."""


def is_historical(date: EventDate | None, published: dt.date | None) -> bool:
    return date is not None and published is not None and date.end < published - HISTORICAL_MARGIN


class _Dater:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.published = analysis.document.published
        self.doc: Any = analysis.doc if _aligned(analysis) else None
        self.tree: Tree | None = tree_of(self.doc) if self.doc is not None else None
        self.ix = mentions.DocIndex(analysis)
        self.times = self.ix.times
        self.by_id = {t.id: t for t in self.times}
        self.counted = [t for t in self.times if t.anchor_span is not None and t.anchor_offset]
        """Event-anchored expressions with an offset ("three years since the invasion")."""
        self._quote_ends: list[int] | None = None
        self._quote_starts: list[int] = []
        self.dates: dict[str, EventDate | None] = {}
        self.pending: set[str] = set()
        self._told_past: dict[int, bool] = {}
        """`_tells_past` of each sentence asked about, by index."""
        self._views: dict[int, tuple[Event, Event]] = {}
        """Views of an event over some of its mentions (`_view`), by id: view and event. Kept
        alive for the dater's life, so no other object takes a view's id, which the index's
        per-event caches are keyed by."""

    # --- one event ------------------------------------------------------------------------------

    def date_of(self, event: Event) -> EventDate | None:
        if event.id in self.dates:
            return self.dates[event.id]
        if event.id in self.pending:
            return None  # an anchor cycle: "before the visit" / "after the meeting" on each other
        self.pending.add(event.id)
        news = [e for e in event.evidence if self._in_news(e)]
        if news and len(news) < len(event.evidence):
            date = self._date_news(event, news)
        else:
            date = self._from_evidence(event)
            if date is None and self._publication_stands_in(event):
                date = self._from_publication()
        self.pending.discard(event.id)
        self.dates[event.id] = date
        return date

    def _from_evidence(self, event: Event) -> EventDate | None:
        return (
            self._as_anchor(event)
            or self._from_text(event)
            or self._from_discourse(event)
            or self._from_remention(event)
            or self._from_neighbours(event)
        )

    def _in_news(self, evidence: Evidence) -> bool:
        """The mention is in the headline or the lead: the story's own news."""
        if evidence.section == "title":
            return True
        index = self.ix.sentence_index(evidence.start)
        return index is not None and self.ix.sentences[index].paragraph in self.ix.lead_paragraphs

    def _date_news(self, event: Event, news: list[Evidence]) -> EventDate | None:
        """An event told in the headline or the lead and again further down ("China launches
        drills" ... "Beijing has held several rounds of exercises since August 2022"): the
        headline reports the lead's news, so the headline and lead mentions date it; a later
        mention only with a date in the article's own time frame (a background paragraph's
        older date is another happening's); else the publication day, as for any news event."""
        head = self._view(event, news)
        date = self._from_evidence(head)
        if date is not None:
            return date
        later = self._view(event, [e for e in event.evidence if e not in news])
        date = self._from_evidence(later)
        if date is not None and self._in_time_frame(date):
            return date
        return self._from_publication() if self._publication_stands_in(head) else None

    def _view(self, event: Event, evidence: list[Evidence]) -> Event:
        """The event seen through some of its mentions, for the rules to read."""
        view = replace(event, evidence=evidence)
        self._views[id(view)] = (view, event)
        return view

    def _own(self, event: Event) -> Event:
        """The event itself for a view of it: the one other events and anchors are not."""
        found = self._views.get(id(event))
        return found[1] if found is not None else event

    def _in_time_frame(self, date: EventDate) -> bool:
        """The date starts within the article's own time frame (about the last month): a
        "since August 2022" that runs until today does not."""
        return self.published is not None and date.start >= self.published - HISTORICAL_MARGIN

    def _from_text(self, event: Event) -> EventDate | None:
        found: list[tuple[int, int, int, int, EventDate]] = []
        for order, evidence in enumerate(event.evidence):
            for expr in self._sentence_candidates(event, evidence):
                date = self._resolve(expr, event, "text")
                if date is not None:
                    width = (date.end - date.start).days
                    # "after the meeting" only bounds the event: an explicit date beats it.
                    relative = int(bool(expr.anchor_text) and _open_offset(expr))
                    found.append((relative, cal.PRECISION_RANK[date.precision], width, order, date))
                    break
        return min(found, key=lambda item: item[:4])[4] if found else None

    def _from_discourse(self, event: Event) -> EventDate | None:
        sentences = self.ix.sentences
        for evidence in event.evidence:
            index = self.ix.sentence_index(evidence.start)
            if index is None:
                continue
            paragraph = sentences[index].paragraph
            for other in range(index - 1, -1, -1):
                previous = sentences[other]
                if previous.paragraph != paragraph:
                    break
                for expr in self._opening(previous):
                    date = self._resolve(expr, event, "discourse")
                    if date is not None:
                        return date
        return None

    def _from_remention(self, event: Event) -> EventDate | None:
        for expr in mentions.remention_times(self.ix, event, self._datable):
            date = self._resolve(expr, event, "discourse")
            if date is not None:
                return date
        return None

    def _from_neighbours(self, event: Event) -> EventDate | None:
        """A sentence shortly before one of the event's mentions tells of the same event and is
        dated: through another event of the same type or trigger lemma, or, when it is the lead
        and holds no event, by naming one of this event's participants ("police ... last week"
        before "he was arrested by police")."""
        for evidence in event.evidence:
            index = self.ix.sentence_index(evidence.start)
            if index is None:
                continue
            if evidence.section == "title":
                # A headline tells the lead's event: the story's first sentences date it.
                near = self.ix.story_after(index, mentions.NEIGHBOUR_WINDOW)
            elif self._follows_background(event, evidence):
                continue  # the paragraph went back in time: the lead's date does not reach here
            elif evidence.section in mentions.STORY_SECTIONS:
                near = self.ix.story_before(index, mentions.NEIGHBOUR_WINDOW)
            else:
                continue
            for sentence in near:
                if any(sentence.start <= e.start < sentence.end for e in event.evidence):
                    continue  # its own sentence: rule 2 has spoken
                date = self._from_neighbour(event, sentence)
                if date is not None and self._carries(date):
                    return date
        return None

    def _carries(self, date: EventDate) -> bool:
        """A neighbour's date that may carry: background ("fought a war in 2019") does not
        carry to the next sentence's news, nor does a loose span ("this year", "since 2024")
        that tells no one happening's time."""
        return (
            not is_historical(date, self.published)
            and cal.PRECISION_RANK[date.precision] <= cal.PRECISION_RANK[CARRIED_PRECISION]
            and (date.end - date.start).days <= CARRIED_SPAN_DAYS
        )

    def _from_neighbour(self, event: Event, sentence: Sentence) -> EventDate | None:
        at = self.ix.sentence_index(sentence.start)
        own = self._own(event)
        others = [e for e in self.ix.events_in(at) if e is not own] if at is not None else []
        if others:
            for other in others:
                if not mentions.same_event(self.ix, event, other):
                    continue
                date = self.date_of(other)
                # Only a date the text gives carries: a chain of carried dates would drift.
                if date is not None and date.source == "text":
                    return EventDate(
                        date.value, date.start, date.end, date.precision, "discourse", date.time
                    )
            return None
        if (
            sentence is not self.ix.lead
            or not mentions.tells(self.ix.tree, sentence)
            or not mentions.names_participant(self.analysis, event, sentence)
        ):
            return None
        for expr in self.ix.times_in(sentence.start, sentence.end):
            if expr.anchor_text or not self._datable(expr):
                continue
            date = self._resolve(expr, event, "discourse")
            if date is not None:
                return date
        return None

    def _as_anchor(self, event: Event) -> EventDate | None:
        """The event is the anchor of a counted phrase: "three years since the invasion", "two
        years after the war" count from the article's day back to the event, so the invasion
        lies three years before it (at year precision) — background, not this month's news."""
        if self.published is None:
            return None
        triggers = [ev.trigger for ev in event.evidence]
        for expr in self.counted:
            parsed = cal.parse_offset(expr.anchor_offset or "")
            if expr.anchor_span is None or parsed is None or parsed[0] <= 0:
                continue
            if not any(expr.anchor_span.contains(t) for t in triggers):
                continue
            amount, unit = parsed
            precision = cal.UNIT_PRECISION[unit]
            day = cal.shift(self.published, -amount, unit)
            found = cal.value_range(cal.value_at(day, precision))
            if found is None:
                continue
            value = cal.value_at(day, precision)
            return EventDate(value, found[0], found[1], found[2], "text", expr.id)
        return None

    def _publication_stands_in(self, event: Event) -> bool:
        """Whether the publication day may stand in for the event's date (see the module
        docstring): reported as done, in the narrator's words, in the article's own time."""
        return (
            self._reported_as_past(event)
            and not self._quoted(event)
            and not any(self._background(evidence) for evidence in event.evidence)
            and not any(self._follows_background(event, evidence) for evidence in event.evidence)
        )

    def _follows_background(self, event: Event, evidence: Evidence) -> bool:
        """The sentence just before, in the same paragraph, tells only of the past: every event
        it tells is dated there, by its own clause, before the article's time frame ("Fighters
        overran the town in August 2024. Dozens of civilians were killed."). The paragraph has
        gone back in time, so this sentence's undated event is no news of the day, and the
        lead's date does not carry to it either."""
        if self.published is None or evidence.section == "title":
            return False
        index = self.ix.sentence_index(evidence.start)
        if index is None or index == 0:
            return False
        if self.ix.sentences[index - 1].paragraph != self.ix.sentences[index].paragraph:
            return False
        found = self._told_past.get(index - 1)
        if found is None:
            found = self._told_past[index - 1] = self._tells_past(index - 1)
        return found

    def _tells_past(self, index: int) -> bool:
        """Every event with a mention in sentence `index` is dated there, by the text of its
        own clause, before the article's time frame (at least one event)."""
        sentence = self.ix.sentences[index]
        events = self.ix.events_in(index)
        for other in events:
            here = [e for e in other.evidence if sentence.start <= e.start < sentence.end]
            date = self._from_text(self._view(other, here))
            if date is None or not is_historical(date, self.published):
                return False
        return bool(events)

    def _quoted(self, event: Event) -> bool:
        """Every body mention of the event stands inside a speaker's quoted telling (a direct
        quote, or a partial one that holds a clause): the speaker's account of something done at
        a time the quote does not give."""
        body = [e for e in event.evidence if e.section != "title"]
        return bool(body) and all(self._in_quote(e.trigger.start, e.trigger.end) for e in body)

    def _in_quote(self, start: int, end: int) -> bool:
        if self._quote_ends is None:
            tellings = sorted(
                (q.start, q.end)
                for q in self.analysis.quotes
                if q.kind == "direct" or (q.kind == "partial" and self._clausal(q.start, q.end))
            )
            self._quote_starts = [s for s, _ in tellings]
            # the furthest end of any quote starting at or before each one: containment test
            self._quote_ends = list(accumulate((e for _, e in tellings), max))
        index = bisect_right(self._quote_starts, start) - 1
        return index >= 0 and self._quote_ends[index] >= end

    def _clausal(self, start: int, end: int) -> bool:
        """The quoted words hold a finite verb: the speaker's own telling ("it was 'damning that
        the ministry isn't acting'"), not a label inside the narrator's clause ("accused the firm
        of 'irresponsible conduct'"). Without a parse, assume they do."""
        if self.tree is None:
            return True
        span = self.tree.span(start, end)
        return span is None or any(self.tree.tag[i] in FINITE_TAGS for i in range(*span))

    def _background(self, evidence: Evidence) -> bool:
        """The sentence names a date well before the article's time frame ("a plan backed in
        September 2021 was rejected"): it narrates the past, and the publication day is not
        the day of what it tells."""
        if self.published is None or evidence.section == "title":
            return False
        limit = self.published - HISTORICAL_MARGIN
        for expr in self.ix.times_in(evidence.start, evidence.end):
            if expr.type != "DATE" or expr.anchor_text or expr.value is None:
                continue
            found = cal.value_range(expr.value, expr.mod)
            if found is not None and found[1] < limit:
                return True
        return False

    def _reported_as_past(self, event: Event) -> bool:
        """Whether the publication day may stand in for the event's date: the story reports it
        as done (simple past, or a headline's present). A present or present-perfect clause
        ("says", "has asked", "is complying") or a past perfect ("had read": background before
        the story) tells no day, so the event stays undated rather than guessed."""
        if self.tree is None:
            return True
        for evidence in event.evidence:
            if evidence.section == "title":
                return True
        for evidence in event.evidence:
            root = self.tree.root_at(evidence.trigger.start, evidence.trigger.end)
            if root is None:
                continue
            return _simple_past(self.tree, root) and not _under_present_report(self.tree, root)
        return True

    def _from_publication(self) -> EventDate | None:
        if self.published is None:
            return None
        return EventDate(
            self.published.isoformat(), self.published, self.published, "day", "publication"
        )

    # --- candidate expressions ------------------------------------------------------------------

    def _datable(self, expr: TimeExpr) -> bool:
        if expr.type not in {"DATE", "TIME"}:
            return False
        if expr.anchor_text:
            return True
        if expr.value == "PAST_REF":
            return self._recent_window(expr) is not None
        return expr.value is not None and expr.mod not in UNBOUNDED_MODS

    def _recent_window(self, expr: TimeExpr) -> tuple[dt.date, dt.date] | None:
        """ "in the past few days", "in recent weeks": the days just before the article's."""
        if self.published is None:
            return None
        words = " ".join(self.analysis.text[expr.start : expr.end].split())
        m = _RECENT.match(words)
        if m is None:
            return None
        return self.published - dt.timedelta(days=RECENT_DAYS[m[1].lower()]), self.published

    def _sentence_candidates(self, event: Event, evidence: Evidence) -> list[TimeExpr]:
        """The expressions of the evidence sentence, the one that governs the trigger first."""
        inside = [t for t in self.ix.times_in(evidence.start, evidence.end) if self._datable(t)]
        # An expression anchored on this very event ("following their meeting" in a sentence
        # about that meeting, or "before the visit" where the visit is one of the event's own
        # mentions) cannot date it.
        own_triggers = [ev.trigger for ev in event.evidence]
        inside = [
            t
            for t in inside
            if not (t.anchor_span and any(t.anchor_span.contains(tr) for tr in own_triggers))
        ]
        inside = [t for t in inside if not self._in_other_clause(t, evidence)]
        refs = [self.by_id[i] for i in event.time_refs if i in self.by_id]
        refs = [t for t in refs if t in inside]
        trigger = evidence.trigger

        def distance(t: TimeExpr) -> int:
            return t.start - trigger.end if t.start >= trigger.end else trigger.start - t.end

        def rank(t: TimeExpr) -> tuple[int, int, int]:
            governed = 0 if self._governs(t, evidence) else 1
            return governed, int(self._verb_between(t, evidence)), distance(t)

        return refs + sorted((t for t in inside if t not in refs), key=rank)

    def _governs(self, expr: TimeExpr, evidence: Evidence) -> bool:
        """The expression hangs (through nouns and prepositions) from the trigger itself."""
        tree = self.tree
        if tree is None:
            return False
        token = tree.root_at(expr.start, expr.end)
        target = tree.root_at(evidence.trigger.start, evidence.trigger.end)
        if token is None or target is None:
            return False
        for _ in range(8):
            # (a Token-based `token.head is token` test stood here; it never held: at the root
            # the climb stays on the root)
            token = tree.head[token]
            if token == target:
                return True
            if tree.pos[token] in VERB_POS:
                return False
        return False

    def _in_other_clause(self, expr: TimeExpr, evidence: Evidence) -> bool:
        """The expression belongs to a clause that modifies a noun (or, far back, an adverbial
        clause) and does not hold the trigger: in "a plan backed by the Red Cross in September
        2021 was rejected by Johnson", September dates the backing, not the rejection."""
        tree = self.tree
        if tree is None:
            return False
        token = tree.root_at(expr.start, expr.end)
        trigger = tree.root_at(evidence.trigger.start, evidence.trigger.end)
        if token is None or trigger is None:
            return False
        for _ in range(8):
            token = tree.head[token]  # (the root's head is the root: see `_governs`)
            if tree.pos[token] in VERB_POS:
                break
        else:
            return False
        if tree.dep[token] not in NOUN_CLAUSE_DEPS:
            return False
        if tree.in_subtree(trigger, token):
            return False
        if tree.dep[token] == "advcl":
            return self._far_bound(tree, expr, token)
        return True

    def _far_bound(self, tree: Tree, expr: TimeExpr, clause: int) -> bool:
        """An adverbial clause's time dates the main event when the two follow each other in
        the news of the day ("after the envoy arrived on Monday, the president met him") or
        when it starts what the main clause says goes on ("has fought since the group seized
        Goma in January"); an older time after "after", "when" ... is only a bound far back
        ("said it was damning after the agency recommended it two years ago"), not a date."""
        if any(tree.dep[c] == "mark" and tree.lower[c] == "since" for c in tree.children[clause]):
            return False
        found = cal.value_range(expr.value, expr.mod) if expr.value else None
        return bool(
            found is not None
            and self.published is not None
            and found[1] < self.published - HISTORICAL_MARGIN
        )

    def _verb_between(self, expr: TimeExpr, evidence: Evidence) -> bool:
        """Another verb stands between the trigger and the expression (another clause's time)."""
        if self.tree is None:
            return False
        low, high = (
            sorted((evidence.trigger.end, expr.start))
            if expr.start >= evidence.trigger.end
            else (expr.end, evidence.trigger.start)
        )
        span = self.tree.contract(low, high)
        return span is not None and any(self.tree.pos[i] in VERB_POS for i in range(*span))

    def _opening(self, sentence: Sentence) -> list[TimeExpr]:
        return [
            t
            for t in self.ix.times_in(sentence.start, sentence.end)
            if t.start < sentence.start + OPENING_CHARS
            and self._datable(t)
            and "," not in self.analysis.text[sentence.start : t.start]
        ]

    # --- from an expression to a date -----------------------------------------------------------

    def _resolve(self, expr: TimeExpr, event: Event, source: DateSource) -> EventDate | None:
        if expr.anchor_text:
            return self._resolve_anchored(expr, event, source)
        assert expr.value is not None
        window = self._recent_window(expr) if expr.value == "PAST_REF" else None
        if window is not None:
            value = cal.smallest_unit(*window)
            found = cal.value_range(value)
            if found is None:
                return None
            return EventDate(value, found[0], found[1], found[2], source, expr.id)
        found = cal.value_range(expr.value, expr.mod)
        if found is None:
            return None
        start, end, precision = found
        if expr.mod == "ON_OR_AFTER" and self.published is not None and self.published > end:
            end = self.published  # "since 2011": from then until the article's day
        return EventDate(expr.value, start, end, precision, source, expr.id)

    def resolve_unused_anchor(self, expr: TimeExpr) -> None:
        """Give an anchored expression no event used its calendar value all the same ("a day
        after the vote" when the vote is dated): the times list then says the day."""
        self._resolve_anchored(expr, _NO_EVENT, "text")

    def _anchor_happening(self, expr: TimeExpr) -> EventDate | None:
        """The anchor names a happening that is no event ("the vote", "the election", "the
        quake"): an earlier mention of it whose clause the text dates ("Malawians voted on
        Tuesday") gives the anchor's date."""
        for found in mentions.happening_times(self.ix, expr, self._datable):
            if found.value is None or found.value == "PAST_REF":
                continue
            date = self._resolve(found, _NO_EVENT, "text")
            if date is not None:
                return date
        return None

    def _resolve_anchored(
        self, expr: TimeExpr, event: Event, source: DateSource
    ) -> EventDate | None:
        anchor_event = find_anchor_event(self.analysis, expr, self._own(event))
        anchor = self.date_of(anchor_event) if anchor_event is not None else None
        if anchor is None and anchor_event is None:
            anchor = self._anchor_happening(expr)
        if anchor is None:
            return None
        offset = expr.anchor_offset or ""
        value = (
            cal.offset_value(anchor.value, offset) if offset.lstrip("-").startswith("P") else None
        )
        date_source: DateSource = "publication" if anchor.source == "publication" else source
        if value is None:
            return EventDate(
                anchor.value, anchor.start, anchor.end, anchor.precision, date_source, expr.id
            )
        found = cal.value_range(value)
        if found is None:
            return None
        if expr.value is None:
            expr.value = value  # the anchored expression now has a calendar value too
        return EventDate(value, found[0], found[1], found[2], date_source, expr.id)


PRESENT_TAGS = frozenset({"VBZ", "VBP"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve", "had", "'d"})


AUXILIARY_DEPS = frozenset({"aux", "auxpass"})


def _auxiliaries(tree: Tree, verb: int) -> list[int]:
    return [c for c in tree.children[verb] if tree.dep[c] in AUXILIARY_DEPS]


def _simple_past(tree: Tree, token: int) -> bool:
    """The clause of a trigger token is in the simple past ("arrested", "was arrested")."""
    # (Token-based `verb.head is verb` tests stood in this function; they never held, spaCy
    # building a new Token per access: the climb stays on the root, a head is always read.)
    verb = token
    for _ in range(4):
        if tree.pos[verb] in {"VERB", "AUX"}:
            break
        verb = tree.head[verb]  # a noun trigger ("the arrest of ...") takes its clause's verb
    auxiliaries = _auxiliaries(tree, verb)
    tag, dep, head = tree.tag[verb], tree.dep[verb], tree.head[verb]
    if not auxiliaries and tag in {"VBG", "VBN"} and dep in NONFINITE_DEPS:
        # "has reacted by proposing", "has launched a petition asking": the finite verb decides
        return _simple_past(tree, head)
    if any(tree.lower[c] in PERFECT_AUXILIARIES for c in auxiliaries):
        return False
    if dep == "relcl" and not _simple_past(tree, head):
        return False  # "(he had read an article) which attacked defectors": background too
    if dep == "ccomp" and not _simple_past(tree, head):
        return False  # "reports have revealed that he was persuaded": the report tells no day
    if tag == "VBD" or any(tree.tag[c] == "VBD" for c in auxiliaries):
        return True
    return not (tag in PRESENT_TAGS or any(tree.tag[c] in PRESENT_TAGS for c in auxiliaries))


def _under_present_report(tree: Tree, token: int) -> bool:
    """Somewhere up the tree the trigger's clause is what a present or perfect report says
    ("reports have revealed that he was taken to a building, where he was questioned and then
    arrested"): the report tells no day for it."""
    current = token
    for _ in range(16):
        if tree.dep[current] == "ccomp" and _present_or_perfect(tree, tree.head[current]):
            return True
        if tree.head[current] == current:
            return False  # at the root every further step would ask the same question
        current = tree.head[current]
    return False


def _present_or_perfect(tree: Tree, verb: int) -> bool:
    """A finite present ("says") or a perfect ("have revealed", "had said"); a participle
    ("saying") is neither: its own head decides."""
    auxiliaries = _auxiliaries(tree, verb)
    if any(tree.lower[c] in PERFECT_AUXILIARIES for c in auxiliaries):
        return True
    return tree.tag[verb] in PRESENT_TAGS or any(tree.tag[c] in PRESENT_TAGS for c in auxiliaries)


NONFINITE_DEPS = frozenset({"advcl", "xcomp", "pcomp", "acl", "conj", "relcl"})


def _open_offset(expr: TimeExpr) -> bool:
    """An anchored expression with no exact offset ("after", "before", "following")."""
    return not (expr.anchor_offset or "").lstrip("-").startswith("P")


def _aligned(analysis: Analysis) -> bool:
    return doc_covers(analysis.doc, analysis.text)


class EventDatingStage:
    """Set `event.date` and `event.historical` for every event (runs after the events stage).

    It also fills the value of an event-anchored time expression once its anchor is dated, and
    gives one whose anchor stays undated the duration it counts."""

    name = "event_dating"
    requires = frozenset({"events", "times", "sentences", "document", "quotes"})
    provides = frozenset({"events", "times"})

    def __call__(self, analysis: Analysis) -> Analysis:
        if not analysis.events and not any(expr.anchor_text for expr in analysis.times):
            return analysis  # nothing to date or resolve: the indexes need not be built
        dater = _Dater(analysis)
        for event in analysis.events:
            event.date = dater.date_of(event)
            event.historical = is_historical(event.date, analysis.document.published)
            mark_background(analysis, dater.ix.tree, event)
        for expr in analysis.times:
            if expr.anchor_text and expr.value is None:
                dater.resolve_unused_anchor(expr)
            _keep_amount(expr)
        return analysis


def _keep_amount(expr: TimeExpr) -> None:
    """An anchored phrase whose anchor no event dates ("five years after its launch") still
    says how long: it becomes the DURATION it counts (P5Y), as TimeML annotates it."""
    offset = expr.anchor_offset or ""
    if expr.anchor_text and expr.value is None and offset.lstrip("-").startswith("P"):
        expr.type = "DURATION"
        expr.value = offset.lstrip("-")
