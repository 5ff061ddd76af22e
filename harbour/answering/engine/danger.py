"""Danger detection: does a message describe danger to the writer or a child right now?

The rules live in danger.yaml, written for advisers to read; this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from harbour.answering.engine.semantic import MESSAGE_WORDS
from harbour.answering.engine.text import words

RULES_FILE = Path(__file__).with_name("danger.yaml")
NEGATIONS = frozenset({"never", "not", "no", "nt"})
NEGATION_REACH = 3  # words before a phrase that can negate it
YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
# A day of the month: "on the 3rd", "the 14th", "21st of"
DAY_OF_MONTH = re.compile(r"\b(?:on|the)\s+\d{1,2}(?:st|nd|rd|th)\b"
                          r"(?!\s+(?:floor|time|times|storey|century))"
                          r"|\b\d{1,2}(?:st|nd|rd|th)\s+of\b",
                          re.IGNORECASE)
KINDS = frozenset({"happening", "threat", "happened"})
# Where a clause ends: punctuation, and before these words ("he hit me on Tuesday | and he has
# a knife")
CLAUSE_END = re.compile(r"[,.;:!?\n()\[\]/&\u2013\u2014\u2026]+|\s-+\s")
CLAUSE_WORDS = frozenset({"and", "but", "so", "then", "now", "because", "cos", "coz", "cuz", "n",
                          "plus", "also"})
# ...and, after the day is named, at a second subject ("he hit me last night | he has a
# knife"), unless a word joins it to the day ("I ran out on Tuesday night while he was
# smashing things"); "on Tuesday he threatened me" keeps its one subject
SUBJECTS = frozenset({"he", "hes", "she", "shes", "i", "im", "they", "theyre", "we"})
JOINERS = frozenset({"while", "whilst", "when", "as", "that", "after", "before", "until"})
NOT_PAST = frozenset({"since", "until", "till", "til", "by", "before", "next", "this", "coming"})
ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$")

Phrase = tuple[str, ...]  # words; "*" is one word, "**" up to three


@dataclass(frozen=True)
class Signal:
    name: str
    kind: str
    phrase: Phrase


@dataclass(frozen=True)
class SemanticExamples:
    danger: tuple[str, ...] = ()
    calm: tuple[str, ...] = ()
    margin: float = 0.02
    floor: float = 0.86
    # the danger model (danger_model.py): alarm at this probability or above
    model_threshold: float = 0.85
    # ...and at this probability or above even when the rules read the message as past,
    # hypothetical, a story or safe now (1.0 or more: never)
    model_over_calm: float = 1.01
    # ...and the rules' alarm for violence placed on a recent day, with no word saying now,
    # stands only at this probability or above (0: always)
    recent_past_model: float = 0.0
    # ...but says nothing when the message is at least this near an out-of-scope example
    model_quiet_near_out: float = 1.01
    # nearness to the danger examples raises no alarm when the model's probability is below this
    near_needs_model: float = 0.0
    model_l2: float = 0.03
    # a sentence in the middle of a long message, read alone: alarm at this probability
    middle_model_threshold: float = 1.01
    middle_sentences: int = 2  # ...for at most this many sentences a message


@dataclass(frozen=True)
class DangerRules:
    text_speak: dict[str, str]
    now: tuple[Phrase, ...]
    present: tuple[Phrase, ...]
    not_present: frozenset[str]
    naming: tuple[Phrase, ...]
    naming_keeps: frozenset[str]
    calm_past: tuple[Phrase, ...]
    calm_reported: tuple[Phrase, ...]
    alone: tuple[Phrase, ...]
    calm_hypothetical: tuple[Phrase, ...]
    calm_if: tuple[Phrase, ...]  # the hypothetical ones alone ("what if", "if he comes")
    calm_story: tuple[Phrase, ...]
    signals: tuple[Signal, ...]
    semantic: SemanticExamples = SemanticExamples()
    calm_recent: tuple[Phrase, ...] = ()  # a recent day that is not now ("on Tuesday")
    soft_now: frozenset[Phrase] = frozenset()  # "now" words that are not always now
    middle_words: frozenset[str] = frozenset()  # words of danger, for the middle of a message
    model_never_calms: frozenset[str] = frozenset()  # signals the model may never calm
    safe_now: tuple[Phrase, ...] = ()  # "we're safe now": the model and nearness stay quiet
    safe_doubted_by: frozenset[str] = frozenset()  # ...unless doubted ("I thought we were safe")
    safe_turned_by: frozenset[str] = frozenset()  # ...or turned round after ("...but he's here")
    safe_soft_now: frozenset[Phrase] = frozenset()  # "now" words that safe-now makes soft


@dataclass(frozen=True)
class DangerAssessment:
    danger: bool
    signals: tuple[str, ...]  # the names of the signals found (for tests and the report)
    reason: str
    happening: bool = False  # a `happening` phrase was found (violence, a weapon, a break-in...)


def read(text: str, text_speak: dict[str, str]) -> list[str]:
    """The message as the rules read it: its words, with text-speak written out."""
    out: list[str] = []
    for word in words(text):
        out.extend(text_speak.get(word, word).split())
    return out


def find(message: list[str], phrase: Phrase) -> list[tuple[int, int]]:
    """Where a phrase occurs: (start, end) word positions."""
    found = []
    for start in range(len(message)):
        end = _match_at(message, start, phrase)
        if end is not None:
            found.append((start, end))
    return found


class PhraseIndex:
    """Phrases by their first word, so a message is only checked against the phrases that
    could start at one of its words: the same matches as `find` for each phrase, found faster."""

    def __init__(self, phrases: tuple[Phrase, ...]):
        self.by_first_word: dict[str, list[Phrase]] = {}
        self.anywhere: list[Phrase] = []  # phrases that start with a wildcard (or are empty)
        for phrase in phrases:
            if phrase and phrase[0] not in {"*", "**"}:
                self.by_first_word.setdefault(phrase[0], []).append(phrase)
            else:
                self.anywhere.append(phrase)

    def occurrences(self, message: list[str]):
        """(start, end) of every occurrence of every phrase, lazily."""
        for start, word in enumerate(message):
            for phrase in self.by_first_word.get(word, ()):
                end = _match_at(message, start, phrase)
                if end is not None:
                    yield start, end
        for phrase in self.anywhere:
            yield from find(message, phrase)

    def occurs(self, message: list[str]) -> bool:
        return next(self.occurrences(message), None) is not None


def _match_at(message: list[str], i: int, phrase: Phrase) -> int | None:
    if not phrase:
        return i
    head, rest = phrase[0], phrase[1:]
    if head == "*":
        return _match_at(message, i + 1, rest) if i < len(message) else None
    if head == "**":
        for skip in range(0, 4):
            end = _match_at(message, i + skip, rest)
            if end is not None:
                return end
        return None
    if i < len(message) and message[i] == head:
        return _match_at(message, i + 1, rest)
    return None


NOTHING_NOW = "past violence, nothing happening now"
REPORTED = "a threat reported, sent as messages or feared, nothing happening now"
RECENT = "violence on a recent day, no word says it is happening now"
SOFT_NOW = "past violence, and only a word like 'tomorrow' or 'outside' says now"
MODEL_CALMS = "the rules' reading is uncertain, and the danger model reads it as calm"
SAFE_NOW = "the writer says she is safe now, and the rules find nothing happening"
# Alarms the model may calm when it is sure (recent_past_model): the rules are unsure of "now".
MODEL_MAY_CALM = frozenset({RECENT, SOFT_NOW})
# Verdicts the model may overrule: the rules found no word saying when, or only a soft reason.
MODEL_MAY_SPEAK = frozenset({NOTHING_NOW, REPORTED})
MODEL_SIGNAL = "model"  # the signal of an alarm raised by the model, not the rules
SENTENCE_END = re.compile(r"[.!?\n]+")
MIDDLE_SPLIT = re.compile(r"(?<=[.!?\n])\s+")  # sentences, keeping their words in place
NOW_WORDS = frozenset({"now", "just", "currently"})


class DangerDetector:
    def __init__(self, rules: DangerRules | None = None):
        self.rules = rules or default_rules()
        # Signals by their first word, so a message is only checked against phrases that
        # could start at one of its words.
        self._by_first_word: dict[str, list[Signal]] = {}
        for signal in self.rules.signals:
            self._by_first_word.setdefault(signal.phrase[0], []).append(signal)
        rules = self.rules
        self._now = PhraseIndex(rules.now)
        self._present = PhraseIndex(rules.present)
        self._calm = PhraseIndex(rules.calm_hypothetical + rules.calm_story)
        self._calm_if = PhraseIndex(rules.calm_if)
        self._calm_past = PhraseIndex(rules.calm_past)
        self._calm_reported = PhraseIndex(rules.calm_reported)
        self._alone = frozenset(rules.alone)
        self._naming = PhraseIndex(rules.naming)
        self._recent = PhraseIndex(rules.calm_recent)
        self._safe_now = PhraseIndex(rules.safe_now)

    def assess(self, text: str, *, nearness=None, probability=None,
               model_text: str | None = None, sentence_probability=None) -> DangerAssessment:
        """`nearness` and `probability`, when given, are the model's part: functions that return
        how near the message is to the danger examples and to the calm ones (and the advice's
        questions), and the danger model's probability that it means danger now. `model_text`
        is the text the model read, when it is not `text` (a follow-up is read with the message
        before it): the model then never calms the rules' alarm. `sentence_probability` gives
        the model's probability for one sentence read alone: the middle of a long message,
        which the model does not otherwise read, is checked with it."""
        found = self._assess(text, nearness=nearness, probability=probability,
                             model_text=model_text)
        if found.danger or nearness is None or sentence_probability is None:
            return found
        threshold = self.rules.semantic.middle_model_threshold
        if any(sentence_probability(sentence) >= threshold
               for sentence in self.middle_sentences(text)):
            return DangerAssessment(True, (MODEL_SIGNAL,), "the danger model, on a sentence in "
                                    "the middle of a long message")
        return found

    def middle_sentences(self, text: str) -> list[str]:
        """The sentences of a long message that the model does not read (it embeds the first
        and last words), worth reading alone: told as now ("now", "just", "he is"...), not placed
        in the past, a story or a what-if, and with words of danger (`middle_words`); the ones
        with most such words first, at most `middle_sentences` of them."""
        tokens = text.split()
        if len(tokens) <= MESSAGE_WORDS:
            return []
        head, tail = MESSAGE_WORDS // 2, len(tokens) - (MESSAGE_WORDS - MESSAGE_WORDS // 2)
        chosen: list[tuple[int, int, str]] = []
        position = 0
        for order, sentence in enumerate(MIDDLE_SPLIT.split(text.strip())):
            size = len(sentence.split())
            start, position = position, position + size
            if size < 3 or size > 2 * MESSAGE_WORDS or position <= head or start >= tail:
                continue  # (a message with no full stops is one long sentence: not read twice)
            message = read(sentence, self.rules.text_speak)
            danger_words = sum(1 for word in message if word in self.rules.middle_words)
            if danger_words and self._told_as_now(message) and not self._placed_elsewhere(
                    sentence, message):
                chosen.append((-danger_words, order, sentence))
        return [sentence for _n, _o, sentence in sorted(chosen)[:self.rules.semantic.middle_sentences]]

    def _told_as_now(self, message: list[str]) -> bool:
        return (bool(NOW_WORDS.intersection(message)) or self._now.occurs(message)
                or self._present.occurs(message))

    def _placed_elsewhere(self, text: str, message: list[str]) -> bool:
        """In the past, a story, a what-if, safe now, or reported: not now."""
        return (self._told_as_past(text, message) or self._calm.occurs(message)
                or self._recent.occurs(message) or self._calm_reported.occurs(message))

    def _assess(self, text: str, *, nearness=None, probability=None,
                model_text: str | None = None) -> DangerAssessment:
        message = read(text, self.rules.text_speak)
        recent_floor = self.rules.semantic.recent_past_model

        def checked(found: DangerAssessment) -> DangerAssessment:
            """Violence on a recent day ("he hit me on Tuesday") with no word saying now, or
            past violence that only "tomorrow" or "outside" makes now: the alarm stands unless
            the model reads the message as calm."""
            if (found.reason in MODEL_MAY_CALM and probability is not None
                    and (model_text is None or model_text == text)
                    and probability() < recent_floor):
                return DangerAssessment(False, found.signals, MODEL_CALMS, found.happening)
            return found

        assessment = checked(self._assess_rules(text, message))
        # A sentence's alarm may be calmed only where the whole message's was: the model read
        # the message's ends, not each sentence, and a "now" elsewhere counts.
        whole_calmed = assessment.reason == MODEL_CALMS
        safe = self.says_safe_now(message)
        if not assessment.danger:
            # A long message can be calm at the start ("what if...", "next month") and tell of
            # danger now at the end: each sentence is read on its own as well. A sentence read
            # alone loses the rest of the story, so it counts when it says "now", or when
            # nothing in the message places it in the past, or when violence is happening in it
            # ("He used to hit me. He has a knife"; "hes hitting me. he used to do this") unless
            # it is a threat he made that a later sentence puts in the past ("He threatened to
            # burn the house down. That was January").
            told_as_past = self._told_as_past(text, message)
            # Where she says she is safe now, a sentence alone must say now or be told in the
            # present ("I'm safe in here. He's kicking the door").
            assessment = next((a for a, has_now, reported_then_past, words_read in
                               ((checked(a) if whole_calmed else a, n, r, w)
                                for a, n, r, w in self._by_sentence(text))
                               if a.danger and (has_now or not told_as_past
                                                or (a.happening and not reported_then_past))
                               and (not safe or self._now_even_if_safe(words_read))),
                              assessment)
        if assessment.danger or nearness is None:
            return assessment
        if safe:
            return DangerAssessment(False, assessment.signals, SAFE_NOW, assessment.happening)
        examples = self.rules.semantic
        if ((assessment.signals and assessment.reason not in MODEL_MAY_SPEAK)
                or self._calm.occurs(message)):
            # The rules read it as past, hypothetical, a story or safe now. Violence told with
            # its history ("he's on probation and he's got a knife to my throat") or with a calm
            # word ("I'm safe in the bathroom for now but he's kicking the door") reads so too:
            # only a model that is nearly sure may overrule them.
            if probability is not None and probability() >= examples.model_over_calm:
                return DangerAssessment(True, (MODEL_SIGNAL,), "the danger model, over a calm reading")
            return assessment
        recent = self._violence_placed_recently(text, message)
        to_danger, to_calm = nearness()
        if (to_danger >= examples.floor and to_danger - to_calm >= examples.margin
                and (probability is None or probability() >= examples.near_needs_model)
                and not recent):
            # (unless the model is sure it is calm: "my stepdad used to beat my mum, is there a
            # group for people my age" sits as near a danger example as a calm one; nor for a
            # message placed on a recent day, "he hit me on Tuesday, what will the school do",
            # which sits near the danger examples however calm it is: the model decides)
            return DangerAssessment(True, (MODEL_SIGNAL,), "near the examples of danger")
        if probability is not None and probability() >= examples.model_threshold:
            return DangerAssessment(True, (MODEL_SIGNAL,), "the danger model")
        return assessment

    def says_safe_now(self, message: list[str]) -> bool:
        """The writer says she is safe now (`safe_now`), undoubted, and nothing after it turns
        that round."""
        turned_by = self.rules.safe_turned_by
        return any(not turned_by.intersection(message[end:])
                   for _start, end in self._safe_statements(message))

    def _safe_statements(self, message: list[str]) -> list[tuple[int, int]]:
        """Where the message says she is safe or he is held, not negated or doubted just before
        ("not safe here", "I thought we were safe")."""
        doubts = NEGATIONS | self.rules.safe_doubted_by
        return [(start, end) for start, end in self._safe_now.occurrences(message)
                if not doubts.intersection(message[max(0, start - NEGATION_REACH):start])]

    def _by_sentence(self, text: str) -> list[tuple[DangerAssessment, bool, bool, list[str]]]:
        """Each sentence's verdict, whether it has a "now" word, whether it reports a threat
        ("he threatened to") that a later sentence places in the past, and its words as read."""
        sentences = [part for part in SENTENCE_END.split(text) if part.strip()]
        if len(sentences) < 2:
            return []
        read_out = [(part, read(part, self.rules.text_speak)) for part in sentences]
        past = [self._told_as_past(part, message) for part, message in read_out]
        return [(self._assess_rules(part, message), self._now.occurs(message),
                 any(past[i + 1:]) and self._calm_reported.occurs(message), message)
                for i, (part, message) in enumerate(read_out)]

    def _now_even_if_safe(self, message: list[str]) -> bool:
        """Whether words say now even to someone safe: violence told in the present tense, or a
        "now" word that is not a question, a plea or a time of day (`safe_now`'s `soft_now`)."""
        return (self._told_in_present(message, self._named_not_told(message, self._hits(message)))
                or any(tuple(message[a:b]) not in self.rules.safe_soft_now
                       for a, b in self._now.occurrences(message)))

    def _day_end(self, message: list[str]) -> int | None:
        """Where the first recent day in these words ends, or None. A day after "since",
        "before", "next"... is not a recent day ("since Friday" is still going on)."""
        ends = [end for start, end in self._recent.occurrences(message)
                if start == 0 or message[start - 1] not in NOT_PAST]
        ends += [i + 1 for i, word in enumerate(message)
                 if ORDINAL.match(word) and DAY_OF_MONTH.search(" ".join(message[max(0, i - 1):i + 2]))
                 and not NOT_PAST.intersection(message[max(0, i - 2):i])]
        return min(ends, default=None)

    def _violence_placed_recently(self, text: str, message: list[str]) -> bool:
        """Violence the rules found, every sign of it in a clause that names a recent day."""
        return self._all_placed_recently(text, [start for _s, start, _e in self._hits(message)])

    def _all_placed_recently(self, text: str, starts: list[int]) -> bool:
        """Whether every one of these word positions sits in a clause that places itself on a
        recent day: "he threatened me with a hammer on the 14th" does; in "he hit me last night
        and he has a knife" the knife is in a clause of its own."""
        clauses: list[list[str]] = []
        for part in CLAUSE_END.split(text):
            for word in read(part, self.rules.text_speak):
                if not clauses or (word in CLAUSE_WORDS and clauses[-1]):
                    clauses.append([])
                clauses[-1].append(word)
            clauses.append([])
        recent_at: list[bool] = []
        for clause in clauses:
            recent_at.extend(self._recent_words(clause))
        return bool(starts) and all(i < len(recent_at) and recent_at[i] for i in starts)

    def _recent_words(self, clause: list[str]) -> list[bool]:
        """For each word of a clause, whether it belongs to a part that names a recent day: the
        day's own words, those before it, and those after it up to a new subject."""
        flags = [False] * len(clause)
        start = 0
        while start < len(clause):
            part = clause[start:]
            end = self._day_end(part)
            if end is None:
                break
            cut = next((j for j in range(end, len(part))
                        if part[j] in SUBJECTS and part[j - 1] not in JOINERS
                        and SUBJECTS.intersection(part[:j])), len(part))
            flags[start:start + cut] = [True] * cut
            start += cut
        return flags

    def _told_as_past(self, text: str, message: list[str]) -> bool:
        return bool(YEAR.search(text)) or self._calm_past.occurs(message)

    def _named_not_told(self, message: list[str],
                        hits: list[tuple[Signal, int, int]]) -> list[tuple[Signal, int, int]]:
        """The hits, with a `happening` signal right after a `naming` phrase ("arrested for
        hitting me", "pictures of daddy hitting me") counted as violence that happened: the act
        named, not told as happening (the model still reads the message)."""
        named = {end for _start, end in self._naming.occurrences(message)}
        keeps = self.rules.naming_keeps
        return [(Signal(s.name, "happened", s.phrase)
                 if s.kind == "happening" and start in named and s.name not in keeps else s,
                 start, end) for s, start, end in hits]

    def _told_in_present(self, message: list[str],
                         hits: list[tuple[Signal, int, int]]) -> bool:
        """A `happening` signal that starts inside one of the `present` phrases ("he's
        outside", "I'm being strangled") or comes straight after one (or one word after, unless
        that word is in `not_present`): violence told in the present tense."""
        starts = {start for signal, start, _end in hits if signal.kind == "happening"}
        for start, end in self._present.occurrences(message):
            if (any(i in starts for i in range(start, end + 1))
                    or (end + 1 in starts and message[end] not in self.rules.not_present)):
                return True
        return False

    def assess_rules(self, text: str) -> DangerAssessment:
        return self._assess_rules(text, read(text, self.rules.text_speak))

    def _hits(self, message: list[str]) -> list[tuple[Signal, int, int]]:
        """Every signal phrase in the message, not negated: (signal, start, end)."""
        hits: list[tuple[Signal, int, int]] = []
        for start, word in enumerate(message):
            for signal in self._by_first_word.get(word, ()):
                end = _match_at(message, start, signal.phrase)
                if end is not None and not _negated(message, start):
                    hits.append((signal, start, end))
        return hits

    def _assess_rules(self, text: str, message: list[str]) -> DangerAssessment:
        """The rules' verdict on `text`, read as `message` (its words, text-speak written out)."""
        if tuple(message) in self._alone:
            return DangerAssessment(True, ("alone",), "a cry for help on its own")
        hits = self._hits(message)
        if not hits:
            return DangerAssessment(False, (), "no sign of danger")
        covered = {i for _s, start, end in hits for i in range(start, end)}
        # "No one's in danger right now": a "now" inside a soft calm phrase does not count.
        covered.update(i for start, end in self._calm_reported.occurrences(message)
                       for i in range(start, end))
        # ...nor one that says she is safe or he is held now ("he's in prison now").
        covered.update(i for start, end in self._safe_statements(message)
                       for i in range(start, end + (message[end:end + 1] == ["now"])))
        now_found = [(start, end) for start, end in self._now.occurrences(message)
                     if not covered.intersection(range(start, end))]
        has_now = bool(now_found)
        strong_now = any(tuple(message[start:end]) not in self.rules.soft_now
                         for start, end in now_found)
        names = tuple(sorted({signal.name for signal, _s, _e in hits}))
        hits = self._named_not_told(message, hits)
        happening = any(s.kind == "happening" for s, _a, _b in hits)
        told_now = self._told_in_present(message, hits)
        if self._calm.occurs(message) and not (
                happening and (has_now or (told_now and not self._calm_if.occurs(message)))):
            # "What if he turns up?" is calm; "what do I do, he is kicking the door in right
            # now" is not, whatever else the message says, nor is "he got a sentence in the
            # summer, he's here with a screwdriver" (but "what if he's hitting the kids" is).
            return DangerAssessment(False, names, "hypothetical, future, safe now or a story",
                                    happening)
        has_now = has_now or told_now
        current = [s for s, _a, _b in hits if s.kind in {"happening", "threat"}]
        if (not current and not told_now and self.says_safe_now(message)
                and all(tuple(message[a:b]) in self.rules.safe_soft_now for a, b in now_found)):
            # "Last night he had me on the floor... He's in custody. What do I do next?"
            return DangerAssessment(False, names, SAFE_NOW, happening)
        if not has_now:
            if self._told_as_past(text, message):
                return DangerAssessment(False, names, "about the past", happening)
            if not happening and self._calm_reported.occurs(message):
                # A threat he sent by text, made before, or that she fears: the model may still
                # read it as danger now (see assess); violence happening is never softened.
                return DangerAssessment(False, names, REPORTED, happening)
            if not current:
                # No word says when: the model still gets a say (see assess).
                return DangerAssessment(False, names, NOTHING_NOW, happening)
        if (any(s.name in self.rules.model_never_calms for s, _a, _b in hits)
                or not model_reads(text, [(a, b) for _s, a, b in hits], self.rules.text_speak)):
            # Signals the model may never calm, or that sit where the model does not read (the
            # middle of a long message): the rules' alarm stands.
            return DangerAssessment(True, names, "danger now", happening)
        if (not has_now and all(s.kind != "threat" for s, _a, _b in hits)
                and self._all_placed_recently(text, [start for s, start, _e in hits
                                                     if s.kind == "happening"])):
            # Never a threat: "he said he will kill me on friday" names when he will do it.
            return DangerAssessment(True, names, RECENT, happening)
        if not strong_now and not told_now and not current:
            # Only "tomorrow" or "outside" made past violence now ("he hit me outside the
            # school last year", "he punched me, court is tomorrow"); never a weapon or threat.
            return DangerAssessment(True, names, SOFT_NOW, happening)
        return DangerAssessment(True, names, "danger now", happening)


def model_reads(text: str, spans: list[tuple[int, int]], text_speak: dict[str, str]) -> bool:
    """Whether every span of words (positions in `read(text)`) is in what the model embeds: the
    whole of a short message, or the opening and closing words of a long one (`shorten`)."""
    tokens = text.split()
    if len(tokens) <= MESSAGE_WORDS:
        return True
    token_of = [i for i, token in enumerate(tokens) for _word in read(token, text_speak)]
    head, tail = MESSAGE_WORDS // 2, MESSAGE_WORDS - MESSAGE_WORDS // 2
    read_by_model = {i for i, token in enumerate(token_of)
                     if token < head or token >= len(tokens) - tail}
    return all(i in read_by_model for start, end in spans for i in range(start, end))


def _negated(message: list[str], start: int) -> bool:
    before = message[max(0, start - NEGATION_REACH):start]
    return any(word in NEGATIONS for word in before)


def _positive(value, name: str) -> float:
    number = float(value)
    if not number > 0:
        raise ValueError(f"danger rules: {name} must be more than 0 (it keeps the model stable)")
    return number


def parse_rules(raw: dict) -> DangerRules:
    text_speak = {str(k): str(v) for k, v in (raw.get("text_speak") or {}).items()}

    def one(item: str) -> Phrase:
        out: list[str] = []
        for token in item.split():
            out.extend([token] if token in {"*", "**"} else read(token, text_speak))
        return tuple(out)

    def phrases(items) -> tuple[Phrase, ...]:
        return tuple(p for p in (one(str(item)) for item in items or ()) if p)

    signals = []
    for name, spec in raw["signals"].items():
        if spec["kind"] not in KINDS:
            raise ValueError(f"danger rule {name}: kind must be one of {sorted(KINDS)}")
        for phrase in phrases(spec["phrases"]):
            signals.append(Signal(name=name, kind=spec["kind"], phrase=phrase))
    calm = raw.get("calm") or {}
    model = raw.get("semantic") or {}
    safe = raw.get("safe_now") or {}
    return DangerRules(
        semantic=SemanticExamples(
            danger=tuple(str(x) for x in model.get("danger") or ()),
            calm=tuple(str(x) for x in model.get("calm") or ()),
            margin=float(model.get("margin", 0.02)),
            floor=float(model.get("floor", 0.86)),
            model_threshold=float(model.get("model_threshold", 0.85)),
            model_over_calm=float(model.get("model_over_calm", 1.01)),
            recent_past_model=float(model.get("recent_past_model", 0.0)),
            model_quiet_near_out=float(model.get("model_quiet_near_out", 1.01)),
            near_needs_model=float(model.get("near_needs_model", 0.0)),
            model_l2=_positive(model.get("model_l2", 0.03), "model_l2"),
            middle_model_threshold=float(model.get("middle_model_threshold", 1.01)),
            middle_sentences=int(model.get("middle_sentences", 2)),
        ),
        text_speak=text_speak,
        now=phrases(raw.get("now")),
        present=phrases(raw.get("present")),
        not_present=frozenset(word for phrase in phrases(raw.get("not_present"))
                              for word in phrase),
        naming=phrases(raw.get("naming")),
        naming_keeps=frozenset(str(name) for name in raw.get("naming_keeps") or ()),
        calm_past=phrases(calm.get("past")),
        calm_recent=phrases(raw.get("recent_day")),
        model_never_calms=frozenset(str(name) for name in raw.get("model_never_calms") or ()),
        soft_now=frozenset(phrases(raw.get("soft_now"))),
        middle_words=frozenset(word for phrase in phrases(raw.get("middle_words"))
                               for word in phrase),
        calm_reported=phrases([*(calm.get("reported") or []), *(calm.get("worry") or [])]),
        alone=phrases(raw.get("alone")),
        calm_hypothetical=phrases([*(calm.get("hypothetical") or []), *(calm.get("future") or []),
                                   *(calm.get("safe") or [])]),
        calm_if=phrases(calm.get("hypothetical")),
        calm_story=phrases(calm.get("story")),
        signals=tuple(signals),
        safe_now=phrases(safe.get("phrases")),
        safe_doubted_by=frozenset(str(word) for word in safe.get("doubted_by") or ()),
        safe_turned_by=frozenset(str(word) for word in safe.get("turned_by") or ()),
        safe_soft_now=frozenset(phrases(safe.get("soft_now"))),
    )


@cache
def default_rules() -> DangerRules:
    return parse_rules(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")))
