"""The compliance check of one post: projection, tokens, one matching pass, context, findings."""
from __future__ import annotations

import sys
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from editor.compliance import context as ctx
from editor.compliance.findings import Finding, finalize
from editor.compliance.images import image_findings, replace_reminders
from editor.compliance.rules import (
    CALL,
    EXCEPTION,
    MYTH,
    NOT_MYTH,
    OTHERS,
    PROFILE,
    REQUIRES,
    SELF,
    TRIGGER,
    UNLESS,
    Rule,
    RuleSet,
)
from editor.document.projection import Projection, project
from editor.text.evasion import TypoIndex, inner_digit, leet_readings, unmask
from editor.text.fold import fold_word, light
from editor.text.offsets import OffsetMap
from editor.text.tokens import Tokens, tokenize

_NOT_RUNNING = frozenset(("hashtag", "alt"))   # units that are no paragraph of the text
# Categories of offers: a heading may refuse them (« Pas de promo ici : pourquoi »).
DEALS = frozenset(("pricing", "incentive"))
# Where a post discusses what its heading refuses (not alt text, file names or hashtags).
_DISCUSSED_SCOPES = frozenset(("paragraph", "list", "heading", "table"))


def _heading_blocks(an) -> frozenset:
    """The blocks that head the post or a part of it: its first block of running text and
    every heading."""
    running = [u for u in an.units if u.scope not in _NOT_RUNNING and u.scope != "image-name"]
    if not running:
        return frozenset()
    first = min(u.block for u in running)
    return frozenset([first] + [u.block for u in running if u.scope == "heading"])


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word[-1] in "sx" else word


def _content_words(norms) -> frozenset:
    """The words of a match that say what it names (four letters or more, plural folded)."""
    return frozenset(_stem(n) for n in norms if len(n) >= 4 and n.isalpha())


def _discussed(refusals, block: int, norms) -> bool:
    """Whether a match after a refusing heading names the same thing again (« … montages
    avant/après … » after « Pourquoi vous ne verrez pas de photos avant/après »)."""
    words = _content_words(norms)
    return any(block > b and words & refused for b, refused in refusals)


@dataclass(slots=True)
class Unit:
    """The tokens of one segment of the projection (or the words of one hashtag or @handle)."""
    scope: str
    block: int
    seg_map: OffsetMap            # segment text -> source
    light_map: OffsetMap | None   # light view -> segment text
    toks: Tokens
    sent_base: int = 0
    hits: list = field(default_factory=list)   # (ident, start token, end token) of every match
    # For the words of a tag (scope « hashtag »): "hashtag" or "mention" (an @handle)
    tag: str = ""

    def span(self, ts: int, te: int) -> tuple[int, int]:
        return self.seg_map.compose(self.light_map, self.toks.start[ts], self.toks.end[te - 1])


# What a post may quote and then refuse to publish (« … Je ne publierai pas son message »): a
# patient's message, a review, a photo; not a claim the post makes itself.
PUBLISHED_CATEGORIES = frozenset({"testimonial", "rating", "before-after", "patient-identity"})


def _overlaps(spans: list, ts: int, te: int) -> bool:
    """Whether one of the token spans ``spans`` overlaps ``ts:te``."""
    return any(s < te and ts < e for s, e in spans)


@dataclass(slots=True)
class _HitSummary:
    """One unit's matches by role, positions local to the unit (see ``Engine._hit_summary``)."""
    hits: list | None
    triggers: list = field(default_factory=list)      # (rule, first token, end token)
    myths: list = field(default_factory=list)         # refutation cues (first, end)
    selves: list = field(default_factory=list)        # the author speaking (first, end)
    others: list = field(default_factory=list)        # praise addressed to others (first, end)
    calls: list = field(default_factory=list)         # calls to act (first, end)
    exceptions: dict = field(default_factory=dict)    # rule -> [(first, end)]
    conditions: dict = field(default_factory=dict)    # (role, rule, cond) -> [(first, end)]
    #                                                   where the condition's words are


@dataclass
class Analysis:
    """Everything computed for one post; the GUI keeps it to answer questions about positions."""
    source: str
    projection: Projection
    units: list[Unit] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Sentences (global index: unit.sent_base + token sentence) a refutation cue covers: the
    # author quotes a claim to deny it. The second opinion leaves them alone, as the rules do.
    refuted: set[int] = field(default_factory=set)


# Approximate memory of a memo entry, measured with tracemalloc on French posts: per token the
# seven parallel lists and two short strings, per pattern match a tuple, plus the text (key and
# light view).
_TOKEN_BYTES = 220
_HIT_BYTES = 90


def _entry_bytes(text: str, toks: Tokens, hits: list, tags: list) -> int:
    size = 2 * sys.getsizeof(text) + _TOKEN_BYTES * len(toks.norm) + _HIT_BYTES * len(hits)
    for _, htoks, hh in tags:
        size += _TOKEN_BYTES * len(htoks.norm) + _HIT_BYTES * len(hh)
    return size


def _split_hashtag(surface: str) -> list[str]:
    body = surface[1:]
    parts: list[str] = []
    cur = ""
    for i, ch in enumerate(body):
        if ch == "_":
            if cur:
                parts.append(cur)
            cur = ""
            continue
        boundary = cur and (
            (ch.isupper() and not cur[-1].isupper())
            # « HTMLParser » -> HTML | Parser, but « ORlife » is not O | Rlife: an acronym
            # keeps at least two capitals
            or (ch.isupper() and i + 1 < len(body) and body[i + 1].islower()
                and len(cur) >= 2 and cur[-1].isupper() and cur[-2].isupper())
            or (ch.isdigit() != cur[-1].isdigit()))
        if boundary:
            parts.append(cur)
            cur = ""
        cur += ch
    if cur:
        parts.append(cur)
    return parts


def _hashtag_words(surface: str, vocabulary: frozenset) -> list[str]:
    """The words of a hashtag: its parts (capitals, digits, « _ »), a run-together part split into
    words the rules know (« #avantapres » -> avant | apres)."""
    parts = _split_hashtag(surface)
    if len(parts) == 1:
        parts = _segment_words(fold_word(parts[0]), vocabulary) or parts
    return parts


def _leet_hashtag(surface: str, vocabulary: frozenset) -> list[str] | None:
    """The words of a hashtag written with digits for letters (« #r3sultat », « #av4ntapres »),
    read back as the text's « gr4tuit » is: only when a digit stands between two letters (not
    « #botox2024 ») and the reading is a word the rules know or splits into such words."""
    body = surface[1:]
    if not inner_digit(body):
        return None
    for reading in leet_readings(body):
        if not reading.isalpha():
            continue
        if fold_word(reading) in vocabulary:
            return [reading]
        parts = _hashtag_words("#" + reading, vocabulary)
        if len(parts) > 1 and all(fold_word(p) in vocabulary for p in parts):
            return parts
    return None


def _split_handle(surface: str, vocabulary: frozenset) -> list[str]:
    """The words of an @handle: « @dr.martin.chirurgie » -> dr | martin | chirurgie,
    « @clinique_belleforme_lyon » -> clinique | belleforme | lyon, « @ameliechirurgienne » ->
    amelie | chirurgienne (a run-together part split into words the rules know, as a hashtag)."""
    parts: list[str] = []
    for piece in surface[1:].split("."):
        for p in _split_hashtag("#" + piece):
            parts.extend(_segment_words(fold_word(p), vocabulary) or [p])
    return parts


def _segment_words(word: str, vocabulary: frozenset) -> list[str] | None:
    """Split ``avantapres`` into known words (shortest split wins), or None."""
    n = len(word)
    if n > 40 or not vocabulary:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        head = best[i]
        if head is None:
            continue
        for j in range(i + 2, min(n, i + 20) + 1):
            w = word[i:j]
            if w in vocabulary:
                known = best[j]
                if known is None or len(known) > len(head) + 1:
                    best[j] = head + [w]
    last = best[n]
    return last if last and len(last) > 1 else None


def _join_broken_phrases(toks: Tokens, hits: list) -> None:
    """A line break inside a phrase that a pattern reads as one (« en échange d'un avis⏎Google :
    c'est interdit ») does not end the sentence: the sentences on both sides of it become one,
    so the phrase's negation, refutation and conditions are those of the whole sentence. Only a
    bare line break between two words counts (no full stop, no blank line, no emoji)."""
    sentence, text, start, end, kind = toks.sentence, toks.text, toks.start, toks.end, toks.kind
    joins = set()
    for _, ts, te in hits:
        if sentence[ts] == sentence[te - 1]:
            continue
        for k in range(ts + 1, te):
            if sentence[k] != sentence[k - 1] and kind[k - 1] in ("word", "num") \
                    and kind[k] == "word":
                gap = text[end[k - 1]:start[k]]
                if "\n" in gap and "\n\n" not in gap:
                    joins.add(k)
    if not joins:
        return
    shift = 0
    for k in range(len(sentence)):
        if k in joins:
            shift += 1
        sentence[k] -= shift
    toks.derived.clear()


class Engine:
    """Checks posts against a rule set.

    ``speller`` reports unknown words; ``dictionary`` (any object with ``is_known(word)``, by
    default the speller) tells real French words from typos, so that a one-letter typo of a
    rule's word (« grattuit ») is read as the word while a real word is never bent.
    ``second_opinion`` (:class:`editor.compliance.model.SecondOpinion`) reads the prose sentences
    no rule flagged and reports ``model.<category>`` findings, only in the categories that still
    have a rule at warning or error once the user's settings are applied. They are reported at
    ``second_opinion_severity``, « info » by default: measured on the blind sets (README,
    « Mesures »), the model at « warning » added one true detection for two false alarms on
    educational posts, so it is shown to the reviewer as a hint, never counted as a problem.
    """

    SECOND_OPINION_SEVERITY = "info"

    def __init__(self, ruleset: RuleSet, speller=None, memo: bool = True,
                 dictionary=None, second_opinion=None, image_analyser=None) -> None:
        self.rules = ruleset
        self.speller = speller
        self.second_opinion = second_opinion
        # Looks at the pixels of a post's images (editor.vision.analysis.ImageAnalyser); without
        # it only the files' presence is checked.
        self.image_analyser = image_analyser
        self.model_categories = frozenset(r.category for r in ruleset.rules
                                          if r.severity in ("warning", "error"))
        dictionary = dictionary if dictionary is not None else speller
        is_known = getattr(dictionary, "is_known", None)
        self._known_word = lru_cache(maxsize=1 << 16)(is_known) if is_known else None
        self.memo = memo   # keep paragraphs' tokens and matches between checks (the editor)
        self._cache: OrderedDict[str, tuple[tuple, int]] = OrderedDict()   # text -> (got, size)
        self.cache_bytes = 0      # approximate memory the memo holds
        self.scopes: set[str] = set()
        for r in ruleset.rules:
            self.scopes |= r.scope
            for c in r.requires + r.unless:
                self.scopes |= c.scope
        # Words the rules know (split hashtags, evasive spellings read back to them).
        self.vocabulary, self.rule_words, self.names = ruleset.vocabularies()
        self.typos = TypoIndex(self.rule_words) if self._known_word is not None else None
        # What the matcher steps over does not count in the reach of a negation either.
        self._fillers = frozenset(ruleset.context.fillers | ruleset.context.filler_signs)
        # rule index -> the keys of its conditions (see ``_index_hits``)
        self._condition_keys = [
            frozenset([ruleset.condition_key(REQUIRES, ri, ci) for ci in range(len(r.requires))]
                      + [ruleset.condition_key(UNLESS, ri, ci) for ci in range(len(r.unless))])
            for ri, r in enumerate(ruleset.rules)]

    # -- analysis -----------------------------------------------------------------------------
    # A segment's tokens and matches depend only on its text: they are kept between checks, so
    # re-checking a long post after an edit redoes only the paragraphs that changed. Every edit
    # of a paragraph adds an entry (a 6,000-word paragraph holds about 2 MB): the memo is bounded
    # by the memory it holds, least recently used paragraphs going first.
    CACHE_MAX_BYTES = 64 * 1024 * 1024

    def _segment(self, text: str):
        cache = self._cache
        entry = cache.get(text)
        if entry is not None:
            cache.move_to_end(text)
            return entry[0]
        lt, lmap = light(text)
        toks = unmask(tokenize(lt), self.rule_words.__contains__, self._known_word, self.typos,
                      self.names.__contains__)
        hits: list = []
        self.rules.matcher.scan(toks.norm, toks.kind, toks.surface, 0, len(toks.norm), hits)
        _join_broken_phrases(toks, hits)
        tags = []
        if "hashtag" in self.scopes:
            # Hashtags and @handles are also read as the words they run together, in the
            # « hashtag » scope; the tag itself stays one token of the text (« merci @julie.d »
            # is still a handle for the patient-identity rules).
            for i, k in enumerate(toks.kind):
                if k == "hashtag" or k == "mention":
                    htoks = self._hashtag_tokens(toks, i)
                    if htoks is not None:
                        hh: list = []
                        self.rules.matcher.scan(htoks.norm, htoks.kind, htoks.surface, 0,
                                                len(htoks.norm), hh)
                        tags.append((k, htoks, hh))
        got = (lmap, toks, hits, tags)
        if self.memo:
            self._remember(text, got, _entry_bytes(text, toks, hits, tags))
        return got

    def _remember(self, text: str, got: tuple, size: int) -> None:
        limit = self.CACHE_MAX_BYTES
        if size > limit:
            return                       # larger than the whole memo: recomputed when needed
        cache = self._cache
        cache[text] = (got, size)
        self.cache_bytes += size
        while self.cache_bytes > limit:
            _, (_, old) = cache.popitem(last=False)
            self.cache_bytes -= old

    def analyse(self, source: str) -> Analysis:
        proj = project(source)
        an = Analysis(source, proj)
        sent_base = 0
        for seg in proj.segments:
            lmap, toks, hits, tags = self._segment(seg.text)
            if not toks.norm:
                continue
            unit = Unit(seg.scope, seg.block, seg.map, lmap, toks, sent_base, hits)
            an.units.append(unit)
            sent_base += toks.sentence[-1] + 1
            for tag, htoks, hh in tags:
                an.units.append(Unit("hashtag", seg.block, seg.map, lmap, htoks, sent_base, hh,
                                     tag))
                sent_base += 1
        return an

    def _hashtag_tokens(self, seg_toks: Tokens, i: int) -> Tokens | None:
        surface = seg_toks.surface[i]
        if seg_toks.kind[i] == "mention":
            # the words of the word lists too: a handle often runs a first name and a
            # profession together (« @ameliechirurgienne »)
            parts = _split_handle(surface, self.rule_words)
            if len(parts) == 1:
                return None          # « @julie »: one word, read as the handle it is
        else:
            parts = _leet_hashtag(surface, self.rule_words) or _hashtag_words(surface,
                                                                              self.vocabulary)
        toks = Tokens(seg_toks.text)
        s, e = seg_toks.start[i], seg_toks.end[i]
        for p in parts:
            sub = tokenize(p)
            for j in range(len(sub)):
                toks.surface.append(sub.surface[j])
                toks.norm.append(sub.norm[j])
                toks.kind.append(sub.kind[j])
                toks.start.append(s)
                toks.end.append(e)
                toks.sentence.append(0)
                toks.quote.append(-1)
        return toks if toks.norm else None

    def check(self, source: str, base_dir: Path | None = None) -> Analysis:
        an = self.analyse(source)
        found = replace_reminders(self._match(an) + self._images(an, base_dir)) \
            + self._spelling(an)
        if self.second_opinion is not None:
            found += self.second_opinion.check(an, found, self.model_categories,
                                               severity=self.SECOND_OPINION_SEVERITY)
        an.findings = finalize(found, source)
        return an

    # -- matching -----------------------------------------------------------------------------
    def _match(self, an: Analysis) -> list[Finding]:
        rs = self.rules
        (triggers, myth_sent, myth_block, self_sent, exceptions, present, answered, called,
         others_sent) = self._index_hits(an)
        an.refuted = set(myth_sent) | answered
        out: list[Finding] = []
        c = rs.context
        heads = _heading_blocks(an)
        # What a heading refuses (« Pourquoi vous ne verrez pas de photos avant/après ici »):
        # category -> (heading block, the refused words)
        refused: dict[str, list[tuple[int, frozenset]]] = {}
        judged: list[tuple[Rule, list[tuple[int, int, int, str]]]] = []
        for ri, hits in triggers.items():
            rule = rs.rules[ri]
            hits.sort(key=lambda h: (h[0], h[1], -(h[2] - h[1])))
            kept: list[tuple[int, int, int, str]] = []
            last: tuple[int, int] = (-1, -1)
            for ui, ts, te in hits:
                u = an.units[ui]
                if u.scope not in rule.scope:
                    continue
                if ui == last[0] and ts < last[1]:
                    continue  # overlaps a longer match of the same rule
                sev = self._judge(rule, ri, ui, u, ts, te, exceptions, present, myth_sent,
                                  myth_block, self_sent, c, answered, called, others_sent)
                if sev is None:
                    if u.block in heads and rule.category in PUBLISHED_CATEGORIES | DEALS \
                            and ctx.negated(u.toks, ts, te, c.negators, c.particles,
                                            c.negative_triggers, c.window, c.adjacent,
                                            self._fillers):
                        refused.setdefault(rule.category, []).append(
                            (u.block, _content_words(u.toks.norm[ts:te])))
                    continue
                kept.append((ui, ts, te, sev))
                last = (ui, te)
            if rule.kind == "occurrence":
                kept = self._beyond_max(rule, an, kept)
            judged.append((rule, kept))
        for rule, kept in judged:
            for ui, ts, te, sev in kept:
                u = an.units[ui]
                if rule.category in refused and u.scope in _DISCUSSED_SCOPES \
                        and not ctx.quoted(u.toks, ts) and _discussed(
                            refused[rule.category], u.block, u.toks.norm[ts:te]):
                    continue    # the post discusses what its heading refuses
                start, end = u.span(ts, te)
                out.append(Finding(rule.id, rule.category, sev, rule.message, rule.reference,
                                   start, end, suggestion=rule.suggestion,
                                   replacement=_replacement(rule, u),
                                   key=" ".join(u.toks.norm[ts:te])))
        return out

    def _index_hits(self, an: Analysis):
        """The units' matches indexed for judging triggers: triggers by rule; refutation cues,
        self-references by sentence; exceptions by (rule, unit); conditions' presence by
        sentence, block and clause. Each trigger's tests then cost O(1), not O(matches). Only
        the conditions of the rules some trigger matched are indexed: no other is ever asked."""
        triggers: dict[int, list[tuple[int, int, int]]] = {}
        # Refutation cues and self-references, by sentence: (unit, first token, end token).
        myth_sent: dict[int, list[tuple[int, int, int]]] = {}
        myth_block: set[int] = set()
        self_sent: dict[int, list[tuple[int, int, int]]] = {}
        # Sentences that address praise to someone else (« Bravo à l'association … »).
        others_sent: set[int] = set()
        # Index the other groups once, so each trigger's tests cost O(1), not O(matches).
        exceptions: dict[tuple[int, int], list[tuple[int, int]]] = {}
        present: dict[tuple[int, int, int], tuple[set, set, bool, set, set]] = {}
        # Questions the next sentence denies (« Un résultat garanti ? Non. »), by sentence.
        answered: set[int] = set()
        # Questions the next sentence answers with a call to act (« … ? Réservez ! »).
        called: set[int] = set()
        negators, particles = self.rules.context.negators, self.rules.context.particles
        summaries = [self._hit_summary(u) for u in an.units]
        for ui, hs in enumerate(summaries):
            for ri, ts, te in hs.triggers:
                triggers.setdefault(ri, []).append((ui, ts, te))
        needed: set = set().union(*(self._condition_keys[ri] for ri in triggers))
        prose = None    # the last unit of running text (not hashtags, not alt text)
        for ui, u in enumerate(an.units):
            hs = summaries[ui]
            t = u.toks
            if u.scope not in _NOT_RUNNING:
                denied = ctx.denied_questions(t, negators, particles)
                answered.update(u.sent_base + s for s in denied)
                if prose is not None and prose.block == u.block - 1:
                    # « … « Vous faites le Black Friday ? » ¶ Non. Pas de promo. »: the
                    # paragraph's first sentence denies the question ending the one before.
                    asked = ctx.last_question(prose.toks)
                    if asked >= 0 and ctx.denies(t, 0, negators, particles):
                        answered.add(prose.sent_base + asked)
                prose = u
            for ts, te in hs.myths:
                myth_sent.setdefault(u.sent_base + t.sentence[ts], []).append((ui, ts, te))
                myth_block.add(u.block)
                if u.block and ctx.verdict_opens(t, ts, te):
                    # « « …, c'est sans danger. » Vu partout. ¶ C'est faux. »: the verdict
                    # opening a paragraph answers the quotation of the one before it.
                    myth_block.add(u.block - 1)
                if ctx.answers_question(t, ts):
                    # « Un résultat garanti ? C'est faux. »: the answer covers the question.
                    myth_sent.setdefault(u.sent_base + t.sentence[ts] - 1, []).append(
                        (ui, ts, te))
                elif ctx.refuses_previous(t, ts, te):
                    # « … Je ne publierai pas son message. »: the message quoted in the
                    # sentences just before it (« Elles servent au suivi. Elles ne sont
                    # jamais publiées. »).
                    for back in range(1, min(ctx.REFUSAL_REACH, t.sentence[ts]) + 1):
                        myth_sent.setdefault(u.sent_base + t.sentence[ts] - back, []).append(
                            (ui, ts, te))
            for ts, te in hs.selves:
                self_sent.setdefault(u.sent_base + t.sentence[ts], []).append((ui, ts, te))
            for ts, _ in hs.others:
                others_sent.add(u.sent_base + t.sentence[ts])
            for ts, te in hs.calls:
                if ctx.answers_question_with_call(t, ts):
                    called.add(u.sent_base + t.sentence[ts] - 1)
            for ri, spans in hs.exceptions.items():
                exceptions[(ri, ui)] = spans
            for key, spans in hs.conditions.items():
                if key in needed:
                    self._index_condition(present, key, spans, ui, u)
        return (triggers, myth_sent, myth_block, self_sent, exceptions, present, answered,
                called, others_sent)

    def _index_condition(self, present: dict[tuple[int, int, int], tuple[set, set, bool, set, set]],
                         key: tuple[int, int, int], spans: list, ui: int, u: Unit) -> None:
        """Add where a condition's words are in unit ``ui`` (``spans``) to its entry of
        ``present``: (sentences, blocks, anywhere, (unit, clause) pairs, (unit, sentence))."""
        role, ri, ci = key
        rule = self.rules.rules[ri]
        cond = (rule.requires if role == REQUIRES else rule.unless)[ci]
        if u.scope not in cond.scope:
            return
        index = present.get(key)
        if index is None:
            index = present[key] = (set(), set(), True, set(), set())
        t = u.toks
        sents = {t.sentence[ts] for ts, _ in spans}
        base = u.sent_base
        index[0].update(base + s for s in sents)
        index[1].add(u.block)
        if cond.within == "clause":
            cl = ctx.clauses(t)
            index[3].update((ui, c) for ts, te in spans for c in range(cl[ts], cl[te - 1] + 1))
        index[4].update((ui, s) for s in sents)

    def _hit_summary(self, u: Unit) -> "_HitSummary":
        """The unit's pattern matches sorted by what they do for the rules, computed once per
        token list (kept in ``toks.derived`` with the memoised tokens): a re-check after an edit
        sorts only the matches of the paragraphs that changed."""
        got = u.toks.derived.get("hit-summary")
        if got is not None and got.hits is u.hits:
            return got
        groups = self.rules.groups
        t = u.toks
        hs = _HitSummary(u.hits)
        conditions = hs.conditions
        not_myth = [(ts, te) for ident, ts, te in u.hits if groups[ident][0] == NOT_MYTH]
        # « Hommage au Pr Durand », « Félicitations à mon interne »: the person named or the
        # possessive inside praise addressed to someone else is not the author speaking.
        hs.others = [(ts, te) for ident, ts, te in u.hits if groups[ident][0] == OTHERS]
        others = hs.others
        for ident, ts, te in u.hits:
            key = groups[ident]
            role, ri, _ = key
            if role == REQUIRES or role == UNLESS:
                # Most matches: kept as spans, indexed (_index_condition) only for the rules
                # some trigger matched.
                spans = conditions.get(key)
                if spans is None:
                    spans = conditions[key] = []
                spans.append((ts, te))
            elif role == TRIGGER:
                hs.triggers.append((ri, ts, te))
            elif role == MYTH:
                # « ça n'existe pas ailleurs » is a claim of uniqueness, not a refutation.
                if not _overlaps(not_myth, ts, te):
                    hs.myths.append((ts, te))
            elif role == SELF:
                if not _overlaps(others, ts, te):
                    hs.selves.append((ts, te))
            elif role == CALL:
                hs.calls.append((ts, te))
            elif role == PROFILE:
                if ctx.opens_sentence(t, ts) and not _overlaps(others, ts, te):
                    hs.selves.append((ts, te))
            elif role == EXCEPTION:
                hs.exceptions.setdefault(ri, []).append((ts, te))
        t.derived["hit-summary"] = hs
        return hs

    def _judge(self, rule: Rule, ri, ui, u: Unit, ts, te, exceptions, present, myth_sent,
               myth_block, self_sent, c, answered=frozenset(),
               called=frozenset(), others_sent=frozenset()) -> str | None:
        t = u.toks
        for ets, ete in exceptions.get((ri, ui), ()):
            if ets < te and ts < ete:
                return None
        q = ctx.quoted(t, ts) and not ctx.adopted(t, ts)
        if rule.quoted == "inside" and not q:
            return None
        if rule.quoted == "outside" and q:
            return None
        sent = u.sent_base + t.sentence[ts]
        if rule.question == "suppress" and ctx.in_question(t, ts, te) and sent not in called:
            return None     # asked, not claimed; unless a call to act answers it
        is_neg = None
        if rule.negation == "suppress":
            is_neg = ctx.negated(t, ts, te, c.negators, c.particles, c.negative_triggers,
                                 c.window, c.adjacent, self._fillers)
            if is_neg:
                return None
        if rule.myth == "suppress":
            if q and u.block in myth_block:
                return None
            if sent in answered and t.sentence[te - 1] == t.sentence[ts]:
                return None     # « Un résultat garanti ? Non. » (not « Bleus ? Jamais vu »)
            cues = myth_sent.get(sent)
            if cues:
                selves = [cs for mui, cs, _ in self_sent.get(sent, ()) if mui == ui]
                for mui, cs, ce in cues:
                    # The author speaking between a heading cue and the claim, or in the claim's
                    # clause, makes the claim the author's (« Attention aux prix ailleurs : chez
                    # nous, -30 % »).
                    author = any(ce <= s < ts or ctx.clauses(t)[s] == ctx.clauses(t)[ts]
                                 for s in selves)
                    if mui == ui and ctx.refutes(t, (cs, ce), ts, te, author,
                                                 rule.category in PUBLISHED_CATEGORIES):
                        return None
        clause = (ui, ctx.clauses(t)[ts], ctx.clauses(t)[te - 1])
        # A match may run over a sentence break (« Merci 🙏 Inès… »): its conditions and its
        # subject are looked for in every sentence it touches.
        last = u.sent_base + t.sentence[te - 1]
        sents = (sent,) if last == sent else tuple(range(sent, last + 1))
        if rule.requires:
            held: dict[int, bool] = {}      # group -> one of its conditions holds
            for ci, cond in enumerate(rule.requires):
                if held.get(cond.group):
                    continue
                held[cond.group] = self._present(
                    present.get(self.rules.condition_key(REQUIRES, ri, ci)), cond.within, u,
                    sents, clause)
            if not all(held.values()):
                return None
        for ci, cond in enumerate(rule.unless):
            if self._present(present.get(self.rules.condition_key(UNLESS, ri, ci)),
                             cond.within, u, sents, clause):
                return None
        if rule.subject == "self" and not any(
                mui == ui and ctx.author_subject(t, cs, ce, ts, te)
                for s in sents for mui, cs, ce in self_sent.get(s, ())):
            if rule.otherwise == "off" or any(s in others_sent for s in sents):
                return None     # praise addressed to someone else promotes no one's practice
            return rule.otherwise
        return rule.severity

    @staticmethod
    def _present(index, within: str, u: Unit, sents: tuple[int, ...],
                 clause: tuple[int, int, int]) -> bool:
        if index is None:
            return False
        sentences, blocks, anywhere, clauses, local = index
        if within == "clause":
            ui, first, last = clause
            return any((ui, c) in clauses for c in range(first, last + 1))
        if within == "next":
            # the match's sentences and the one right after them, in the same unit
            ui, base = clause[0], u.sent_base
            return any((ui, s - base) in local or (ui, s - base + 1) in local for s in sents)
        if within == "post":
            return anywhere
        if within == "block":
            return u.block in blocks
        return any(s in sentences for s in sents)

    @staticmethod
    def _beyond_max(rule: Rule, an: Analysis, kept):
        counts: dict[object, int] = {}
        out = []
        for item in kept:
            ui, ts = item[0], item[1]
            u = an.units[ui]
            if rule.within == "clause":
                key = (ui, ctx.clauses(u.toks)[ts])
            else:
                key = {"post": 0, "block": u.block,
                       "sentence": u.sent_base + u.toks.sentence[ts]}[rule.within]
            counts[key] = counts.get(key, 0) + 1
            if counts[key] > rule.max:
                out.append(item)
        return out

    # -- images and spelling ------------------------------------------------------------------
    def _images(self, an: Analysis, base_dir: Path | None) -> list[Finding]:
        return image_findings(self, an, base_dir, self.image_analyser)

    def match(self, an: Analysis) -> list[Finding]:
        """The rules' findings on an analysis (no images, spelling nor second opinion)."""
        return self._match(an)

    def _spelling(self, an: Analysis) -> list[Finding]:
        if self.speller is None:
            return []
        out = []
        for u in an.units:
            if u.scope in ("hashtag", "image-name"):
                continue
            for ts, te, suggestions in self.speller.unknown(u.toks):
                start, end = u.span(ts, te)
                word = an.source[start:end]
                f = Finding("spelling.unknown-word", "spelling", "info",
                            f"« {word} » : mot inconnu du dictionnaire.",
                            "Orthographe", start, end, key=word)
                if suggestions:
                    f.suggestion = suggestions[0]
                    f.extra["suggestions"] = list(suggestions)
                out.append(f)
        return out


def _replacement(rule: Rule, u: Unit) -> str | None:
    """The drop-in the editor may offer: the rule's own, or, for a match in a hashtag (the
    finding covers the whole hashtag), removing the hashtag, which leaves the sentence whole.
    Nothing for an @handle: it names an account, no wording can stand in for it."""
    if u.tag == "mention":
        return None
    if rule.replacement is not None:
        return rule.replacement
    return "" if u.scope == "hashtag" else None
