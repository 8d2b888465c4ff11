"""The search box's language, parsed once: what search/query.py searches and what the page says it understood.

Words are ANDed (`AND` between them may be written and changes nothing); "quoted phrases" (or “…”)
match their words in that order; `OR` (or `|`) between two terms makes alternatives; `NOT` before
a term, or a leading minus, excludes it (`扶贫 NOT 教育` is `扶贫 -教育`). Operators are written in
capitals, as in most engines, so a lower-case "not" is a word. An operator with nothing to apply
to is dropped, and the page says so.
"""

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)“([^”]*)”|(\S+)')
OR_WORDS = ("OR", "|")
AND_WORDS = ("AND", "&&")
NOT_WORDS = ("NOT",)


@dataclass(frozen=True)
class Term:
    text: str  # as typed (either script)
    phrase: bool = False

    def shown(self):
        return f"“{self.text}”" if self.phrase else self.text


@dataclass
class Clause:
    """Alternatives (OR) that a report must match one of, or, negated, must match none of."""

    terms: list
    negated: bool = False

    def shown(self):
        inner = " 或 ".join(t.shown() for t in self.terms)
        inner = f"（{inner}）" if len(self.terms) > 1 else inner
        return f"不含 {inner}" if self.negated else inner


@dataclass
class ParsedQuery:
    clauses: list = field(default_factory=list)
    dropped: list = field(default_factory=list)  # operators with nothing to apply to
    operators: bool = False  # any operator, minus or phrase: the page says what it understood

    def positive_terms(self):
        return [t for c in self.clauses if not c.negated for t in c.terms]

    def plain(self):
        """The words a report is looked for by (no operators, no excluded words): for snippets' marks,
        the normalised query shown, suggestions."""
        return " ".join(t.text for t in self.positive_terms())

    def understood(self):
        """The query as it was read, in words: 扶贫 且 不含 教育."""
        return " 且 ".join(c.shown() for c in self.clauses)

    def note(self):
        if not self.dropped:
            return ""
        return f"检索式中的 {'、'.join(dict.fromkeys(self.dropped))} 前后缺少检索词，已忽略。"


def parse(q):
    """The query string as clauses (see the module's docstring)."""
    out = ParsedQuery()
    pending_or = pending_not = None
    for m in _TOKEN.finditer(q or ""):
        neg_phrase, phrase, neg_phrase2, phrase2, word = m.groups()
        if word in OR_WORDS:
            if pending_or or not out.clauses or out.clauses[-1].negated:
                out.dropped.append(word)
            pending_or, out.operators = word, True
            continue
        if word in AND_WORDS:
            out.operators = True
            continue
        if word in NOT_WORDS:
            if pending_not:
                out.dropped.append(pending_not)
            pending_not, out.operators = word, True
            continue
        if word is None:
            text, negate, is_phrase = (phrase if phrase is not None else phrase2), bool(neg_phrase or neg_phrase2), True
            out.operators = True
            if not text.strip():
                continue
        else:
            negate = word.startswith("-") and len(word) > 1
            text, is_phrase = (word[1:] if negate else word), False
            out.operators = out.operators or negate
        term = Term(text, is_phrase)
        if negate or pending_not:
            if pending_or and out.clauses and not out.clauses[-1].negated:
                out.dropped.append(pending_or)  # "a OR NOT b" is not an alternative this engine takes
            out.clauses.append(Clause([term], negated=True))
        elif pending_or and out.clauses and not out.clauses[-1].negated:
            out.clauses[-1].terms.append(term)
        else:
            out.clauses.append(Clause([term]))
        pending_or = pending_not = None
    for left in (pending_or, pending_not):
        if left and left not in out.dropped:
            out.dropped.append(left)
    return out
